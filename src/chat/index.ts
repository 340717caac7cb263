export * from './buttons.ts';
export { FloodGuard } from './flood.ts';
export { Replies } from './replies.ts';
export * from './types.ts';
