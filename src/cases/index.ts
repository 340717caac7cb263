export * from './calendar.ts';
export * from './due.ts';
export * from './open.ts';
export * from './retention.ts';
export * from './schemas.ts';
