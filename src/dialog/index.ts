export { createEngine, type Engine, type EngineDeps, IDLE_MS } from './engine.ts';
