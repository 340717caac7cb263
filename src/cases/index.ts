export * from './schemas.ts';
export * from './due.ts';
export * from './open.ts';
