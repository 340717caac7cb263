export * from './render.ts';
