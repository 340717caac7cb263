export { parseButton } from './buttons.ts';
export { createEngine, type Engine, type EngineDeps, IDLE_MS } from './engine.ts';
export { FloodGuard } from './flood.ts';
export * from './types.ts';
