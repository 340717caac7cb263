/**
 * "What if" measurements that show where a limit comes from, without changing the bot's code:
 *
 * - Redis, fewer round trips: the store work of a turn as 2 scripts instead of 6 round trips — (1) mark the message
 *   seen, take the chat lock and read session and profile; (2) write the session and release the lock. Same keys
 *   and payload sizes as the real store; the fair-queue path (lock already held) is left out, as it is never taken
 *   when chats do not collide. It is what the engine's turn would cost if RedisStore offered such combined calls.
 * - SQLite on tmpfs: the same pipeline with DATA_DIR on /dev/shm, where fsync costs nothing, so the difference to
 *   the real run is what the disk syncs on the event loop cost.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { SQLITE_FILE, openSqliteStore } from '../src/store/index.ts';
import { closedLoop, makeEngine, openLoopRepeated, type PipelineOptions, type RunResult } from './pipeline.ts';
import { tempDir } from './protocol.ts';
import { NOW_BASE, Conversations } from './workload.ts';
import { Samples, prng } from './stats.ts';

const BEGIN_TURN = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[3]) then return {0} end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {-1} end
return {1, redis.call('GET', KEYS[3]) or false, redis.call('GET', KEYS[4]) or false}
`;

const END_TURN = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
return 1
`;

/** The store work of a turn in two round trips (see the top of this file), `concurrency` turns at a time. */
export async function twoRoundTripTurns(redis: Redis, prefix: string, concurrency: number, maxTurns: number, maxMs: number): Promise<RunResult> {
  const rand = prng(9);
  const chats = 200;
  const busy = new Set<number>();
  const latency = new Samples();
  const value = JSON.stringify({
    data: { dialog: { intent: 'serious_illness_consolation', slots: { amount: 12000 }, awaiting: 'region', tries: 0 }, at: NOW_BASE },
    updatedAt: Date.now(),
  });
  let started = 0;
  let seq = 0;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  const worker = async (): Promise<void> => {
    while (started < maxTurns && performance.now() < deadline) {
      let k = Math.floor(rand() * chats);
      for (let i = 0; busy.has(k) && i < chats; i++) k = (k + 1) % chats;
      if (busy.has(k)) {
        await new Promise((r) => setImmediate(r));
        continue;
      }
      busy.add(k);
      started++;
      const chat = `w2c${k}`;
      const token = randomUUID();
      const t = performance.now();
      const keys = [`${prefix}seen:msg:bench:${chat}:${++seq}`, `${prefix}lock:${chat}`, `${prefix}session:${chat}|${chat}`, `${prefix}profile:bench:${chat}`];
      await redis.eval(BEGIN_TURN, 4, ...keys, token, 30_000, 24 * 3600_000);
      await redis.eval(END_TURN, 2, `${prefix}session:${chat}|${chat}`, `${prefix}lock:${chat}`, value, 24 * 3600_000, token);
      latency.push(performance.now() - t);
      busy.delete(k);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { messages: latency.length, seconds, rate: latency.length / seconds, latency: latency.summary(), concurrency };
}

/** The SQLite open loop and serial runs again with the database on tmpfs; null where /dev/shm does not exist. */
export async function sqliteOnTmpfs(options: PipelineOptions): Promise<Record<string, RunResult> | null> {
  if (!existsSync('/dev/shm')) return null;
  const dir = tempDir('tmpfs', '/dev/shm');
  const store = openSqliteStore(join(dir, SQLITE_FILE));
  try {
    const { engine, tr } = makeEngine(store);
    const make = (seed: number, prefix: string): Conversations =>
      new Conversations({
        seed,
        live: options.live,
        idPrefix: prefix,
        messageIds: options.messageIds,
        errorTexts: [tr.t('system-error'), tr.t('system-busy')],
        expiredText: tr.t('button-expired'),
      });
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
