import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type { ConsoleOptions } from './context.ts';
export { consoleRoutes } from './routes.ts';
export { monthStats } from './stats.ts';

/** The console's stylesheet, beside this file. */
export function loadConsoleCss(): string {
  return readFileSync(fileURLToPath(new URL('./console.css', import.meta.url)), 'utf8');
}
