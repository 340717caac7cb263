/**
 * "What if" measurements that show where a limit comes from, without changing the bot's code:
 *
 * - SQLite on tmpfs: the same pipeline with DATA_DIR on /dev/shm, where fsync costs nothing, so the difference to
 *   the real run is what the disk syncs on the event loop cost.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/index.ts';
import { SealedStore } from '../src/store/sealed.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { closedLoop, conversationsFor, makeEngine, openLoopRepeated, type PipelineOptions, type RunResult } from './pipeline.ts';
import { tempDir } from './protocol.ts';
import { Samples } from './stats.ts';

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

/**
 * What sealing personal data costs (issue 12): the same conversations, one at a time and 32 in flight, through the
 * service's store and through the store beneath it (the same SQLite file, lock and audit, nothing sealed), taking
 * turns eight times so that a machine's changing speed falls on both alike. Bot CPU per message, the median of the eight.
 */
const ROUNDS = 8;

export async function sealingCost(store: Store, options: PipelineOptions): Promise<Record<string, RunResult>> {
  if (!(store instanceof SealedStore)) return {};
  const sealed = makeEngine(store);
  const raw = makeEngine(store.raw);
  const make = conversationsFor(sealed.tr, options);
  const cpu = async (engine: typeof sealed.engine, prefix: string, concurrency: number, messages: number): Promise<number> => {
    const before = process.cpuUsage();
    const r = await closedLoop(engine, make(7, prefix), concurrency, messages, options.maxRunMs);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / Math.max(1, r.messages);
  };
  // The mean of the two middle values of eight.
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 0 ? ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2 : (sorted[mid] ?? Number.NaN);
  };
  const runs = {
    sealedSerial: [] as number[],
    rawSerial: [] as number[],
    plainSerial: [] as number[],
    sealedCapacity: [] as number[],
    rawCapacity: [] as number[],
    plainCapacity: [] as number[],
  };
  // "plain": the store beneath with secure_delete OFF too (SQLite only): what issue 12's store work costs in all.
  const sqlite = store.raw instanceof SqliteStore ? store.raw : null;
  // The order swapped every round (sealed first, then raw first …): whichever runs first in a round pays
  // for what the one before left (garbage, a WAL to checkpoint); swapping shares that out evenly.
  // Eight short rounds rather than four long ones: this machine's speed drifts by a third within seconds, and shorter
  // turns put both sides of a comparison closer together in time.
  const serial = Math.ceil(options.serialMessages / 2);
  for (let i = 0; i < ROUNDS; i++) {
    const sealedFirst = i % 2 === 0;
    if (sealedFirst) runs.sealedSerial.push(await cpu(sealed.engine, `ss${i}`, 1, serial));
    runs.rawSerial.push(await cpu(raw.engine, `rs${i}`, 1, serial));
    if (!sealedFirst) runs.sealedSerial.push(await cpu(sealed.engine, `ss${i}`, 1, serial));
    sqlite?.setSecureDelete('OFF');
    if (sqlite) runs.plainSerial.push(await cpu(raw.engine, `ps${i}`, 1, serial));
    if (sqlite) runs.plainCapacity.push(await cpu(raw.engine, `pc${i}`, options.concurrency, serial * 2));
    sqlite?.setSecureDelete('FAST');
    if (sealedFirst) runs.sealedCapacity.push(await cpu(sealed.engine, `sc${i}`, options.concurrency, serial * 2));
    runs.rawCapacity.push(await cpu(raw.engine, `rc${i}`, options.concurrency, serial * 2));
    if (!sealedFirst) runs.sealedCapacity.push(await cpu(sealed.engine, `sc${i}`, options.concurrency, serial * 2));
  }
  const result = (values: number[]): RunResult => ({ messages: 0, seconds: 0, rate: 0, latency: new Samples().summary(), cpuUsPerMessage: median(values) });
  return {
    sealingSealedSerial: result(runs.sealedSerial),
    sealingRawSerial: result(runs.rawSerial),
    sealingSealedCapacity: result(runs.sealedCapacity),
    sealingRawCapacity: result(runs.rawCapacity),
    ...(sqlite ? { sealingPlainSerial: result(runs.plainSerial), sealingPlainCapacity: result(runs.plainCapacity) } : {}),
  };
}
