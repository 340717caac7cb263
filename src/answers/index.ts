export * from './funds.ts';
export * from './render.ts';
