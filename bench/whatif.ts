/**
 * "What if" measurements that show where a limit comes from, without changing the bot's code:
 *
 * - SQLite on tmpfs: the same pipeline with DATA_DIR on /dev/shm, where fsync costs nothing, so the difference to
 *   the real run is what the disk syncs on the event loop cost.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/store/index.ts';
import { closedLoop, conversationsFor, makeEngine, openLoopRepeated, type PipelineOptions, type RunResult } from './pipeline.ts';
import { tempDir } from './protocol.ts';

/** The SQLite open loop and serial runs again with the database on tmpfs; null where /dev/shm does not exist. */
export async function sqliteOnTmpfs(options: PipelineOptions): Promise<Record<string, RunResult> | null> {
  if (!existsSync('/dev/shm')) return null;
  const dir = tempDir('tmpfs', '/dev/shm');
  const store = await openStore({ DATA_DIR: join(dir, 'data') });
  try {
    const { engine, tr } = makeEngine(store);
    const make = conversationsFor(tr, options);
    await closedLoop(engine, make(1, 'tw'), 8, options.warmupMessages, options.maxRunMs);
    await new Promise((r) => setTimeout(r, options.pauseMs));
    const tmpfsOpenLoop = await openLoopRepeated(engine, make, 'to', options);
    const tmpfsSerial = await closedLoop(engine, make(2, 'ts'), 1, options.serialMessages, options.maxRunMs);
    return { tmpfsOpenLoop, tmpfsSerial };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
