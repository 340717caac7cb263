export { createEngine, type Engine, type EngineDeps } from './engine.ts';
export { IDLE_MS } from './state.ts';
