export * from './due.ts';
export * from './open.ts';
export * from './schemas.ts';
