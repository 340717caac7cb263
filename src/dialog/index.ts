export * from './types.ts';
export { createEngine, IDLE_MS, type Engine, type EngineDeps } from './engine.ts';
export { parseButton } from './buttons.ts';
export { FloodGuard } from './flood.ts';
