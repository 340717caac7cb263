/**
 * One section of the benchmark in a process of its own (a fresh process: training time is a cold start, and one
 * section's garbage or JIT state does not colour the next). bench/run.ts spawns it; it prints one line
 * `BENCH_RESULT <json>` on stdout, progress on stderr.
 *
 *   node --import tsx bench/section.ts nlu
 *   node --import tsx bench/section.ts pipeline-sqlite
 *   node --import tsx bench/section.ts pipeline-redis <redis url> <key prefix>
 *   node --expose-gc --import tsx bench/section.ts memory [sessions]
 *   node --import tsx bench/section.ts reminders-sqlite [n] | reminders-redis <redis url> [n]
 *   node --import tsx bench/section.ts console-sqlite [cases]
 *   node --import tsx bench/section.ts console-redis <redis url> <key prefix> [cases]
 *   node --import tsx bench/section.ts trace          (each scenario once, replies shown: to check the workload)
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { openStore, type Store } from '../src/store/index.ts';
import { runConsoleBench } from './console.ts';
import { runMemory } from './memory.ts';
import { runNlu } from './nlu.ts';
import { bareTurns, closedLoop, DEFAULT_PIPELINE, makeEngine, openLoopRepeated, runPipeline, type ServerProbe } from './pipeline.ts';
import { RESULT_MARK, tempDir } from './protocol.ts';
import { runReminders } from './reminders.ts';
import { prng } from './stats.ts';
import { sealingCost, sqliteOnTmpfs } from './whatif.ts';
import { NOW_BASE, scenarios } from './workload.ts';

function emit(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/** Fields of an INFO section as numbers. */
async function info(admin: Redis, section: string): Promise<Record<string, number>> {
  const text = await admin.info(section);
  const out: Record<string, number> = {};
  for (const line of text.split('\r\n')) {
    const [k, v] = line.split(':');
    if (k && v !== undefined && v !== '' && !Number.isNaN(Number(v))) out[k] = Number(v);
  }
  return out;
}

async function appendfsync(admin: Redis): Promise<string> {
  const reply = (await admin.config('GET', 'appendfsync')) as string[];
  return reply[1] ?? 'always';
}

/**
 * Redis around a phase: AOF bytes and server CPU per message, and the fsync stalls Redis's latency monitor saw
 * (events of 1 ms or more, at most one a second).
 */
function redisProbe(admin: Redis): ServerProbe {
  let aof = 0;
  let cpu = 0;
  return {
    async before() {
      await admin.call('LATENCY', 'RESET');
      aof = (await info(admin, 'persistence')).aof_current_size ?? 0;
      const c = await info(admin, 'cpu');
      cpu = (c.used_cpu_user ?? 0) + (c.used_cpu_sys ?? 0);
    },
    async after(messages) {
      const p = await info(admin, 'persistence');
      const c = await info(admin, 'cpu');
      const cpuNow = (c.used_cpu_user ?? 0) + (c.used_cpu_sys ?? 0);
      const latest = (await admin.call('LATENCY', 'LATEST')) as [string, number, number, number][];
      const fsync = latest.filter(([event]) => event.startsWith('aof-fsync') || event === 'aof-write' || event.startsWith('aof-write'));
      const history = (await admin.call('LATENCY', 'HISTORY', 'aof-fsync-always')) as [number, number][];
      return {
        aofBytesPerMessage: messages > 0 ? ((p.aof_current_size ?? 0) - aof) / messages : NaN,
        redisCpuUsPerMessage: messages > 0 ? ((cpuNow - cpu) * 1e6) / messages : NaN,
        fsyncStallMaxMs: fsync.reduce((m, [, , , max]) => Math.max(m, Number(max)), 0),
        fsyncStallSeconds: history.length,
      };
    },
  };
}

async function withTempSqlite<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const dir = tempDir('sqlite');
  // As the service opens it: personal data sealed (the key file in the temp dir), the directory locked.
  const store = await openStore({ DATA_DIR: join(dir, 'data') });
  try {
    return await fn(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function trace(): Promise<void> {
  await withTempSqlite(async (store) => {
    const { engine } = makeEngine(store);
    const rand = prng(5);
    for (const scenario of scenarios()) {
      console.log(`\n## ${scenario.name} (opens ${scenario.cases} case)`);
      const steps = scenario.make(rand);
      for (const [i, step] of steps.entries()) {
        const out = await engine.handle({
          platform: 'bench',
          chat: step.where === 'group' ? `g-${scenario.name}` : `u-${scenario.name}`,
          user: `u-${scenario.name}`,
          ...(step.text !== undefined ? { text: step.text } : {}),
          ...(step.button !== undefined ? { button: step.button } : {}),
          group: step.where === 'group',
          mention: step.mention ?? false,
          staff: false,
          now: new Date(NOW_BASE + i * 20_000),
        });
        const replies = out.replies.map(
          (r) => `[${r.chat}] ${r.text.replace(/\n/g, ' / ').slice(0, 70)}${r.buttons ? ` {${r.buttons.map((b) => b.payload).join(' ')}}` : ''}`,
        );
        console.log(
          `> ${step.where}: ${step.text ?? `button ${step.button}`}  → ${out.intent}${out.cases.length ? ` cases ${out.cases.map((c) => c.type).join(',')}` : ''}`,
        );
        for (const r of replies) console.log(`    ${r}`);
        if (replies.length === 0) console.log('    (quiet)');
      }
    }
  });
}

const [section, ...rest] = process.argv.slice(2);
switch (section) {
  case 'reminders-sqlite':
    emit(await runReminders(Number(rest[0] ?? 100_000), undefined, progress));
    break;
  case 'reminders-redis':
    emit(await runReminders(Number(rest[1] ?? 100_000), rest[0], progress));
    break;
  case 'nlu':
    emit(await runNlu());
    break;
  case 'pipeline-sqlite':
    emit(
      await withTempSqlite((store) =>
        runPipeline(store, DEFAULT_PIPELINE, undefined, async () => {
          progress('sqlite: what sealing costs: sealed and unsealed store, taking turns in swapped order, 8 × serial and 32 in flight');
          const sealing = await sealingCost(store, DEFAULT_PIPELINE);
          progress('sqlite: what-if the database were on tmpfs (fsync free): open loop, serial');
          return { ...sealing, ...((await sqliteOnTmpfs(DEFAULT_PIPELINE)) ?? {}) };
        }),
      ),
    );
    break;
  case 'pipeline-redis': {
    const [url, prefix] = rest;
    if (!url || !prefix) throw new Error('pipeline-redis needs <url> <prefix>');
    // As the service opens it: personal data sealed under a DATA_KEY.
    const store = await openStore(
      { REDIS_URL: url, DATA_KEY: randomBytes(32).toString('base64'), DATA_DIR: tempDir('redis') },
      { redisPrefix: prefix, connectTimeoutMs: 5000 },
    );
    const admin = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    try {
      await admin.config('SET', 'latency-monitor-threshold', '1');
      const options = { ...DEFAULT_PIPELINE, targetRate: 1000 };
      emit(
        await runPipeline(store, options, redisProbe(admin), async ({ engine, make, phase }) => {
          // What if Redis fsynced once a second instead of before every reply (the store's comment allows it)?
          const fsyncMode = await appendfsync(admin);
          progress(`redis: what-if appendfsync everysec (was ${fsyncMode}): open loop, serial, bare serial`);
          await admin.config('SET', 'appendfsync', 'everysec');
          try {
            return {
              everysecOpenLoop: await phase('everysec-open-loop', () => openLoopRepeated(engine, make, 'eo', options)),
              everysecSerial: await phase('everysec-serial', () => closedLoop(engine, make(12, 'es'), 1, options.serialMessages, options.maxRunMs)),
              everysecBareSerial: await phase('everysec-bare-serial', () => bareTurns(store, 1, options.serialMessages, options.maxRunMs, 'ebs')),
            };
          } finally {
            await admin.config('SET', 'appendfsync', fsyncMode);
          }
        }),
      );
    } finally {
      admin.disconnect();
      await store.close();
    }
    break;
  }
  case 'console-sqlite':
    emit(await withTempSqlite((store) => runConsoleBench(store, progress, Number(rest[0] ?? 100_000))));
    break;
  case 'console-redis': {
    const [url, prefix, count] = rest;
    if (!url || !prefix) throw new Error('console-redis needs <url> <prefix>');
    const store = await openStore(
      { REDIS_URL: url, DATA_KEY: randomBytes(32).toString('base64'), DATA_DIR: tempDir('redis-console') },
      { redisPrefix: prefix, connectTimeoutMs: 5000 },
    );
    const admin = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    // The queue is measured in steady state: not while Redis rewrites the AOF the 100,000 writes grew.
    const settle = async () => {
      for (let i = 0; i < 600; i++) {
        const p = await info(admin, 'persistence');
        if (!p.aof_rewrite_in_progress && !p.rdb_bgsave_in_progress && !p.aof_rewrite_scheduled) return;
        if (i === 0) progress('console: waiting for Redis to finish rewriting its AOF');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      emit(await runConsoleBench(store, progress, Number(count ?? 100_000), settle));
    } finally {
      admin.disconnect();
      await store.close();
    }
    break;
  }
  case 'memory':
    emit(await runMemory(Number(rest[0] ?? 10_000)));
    break;
  case 'trace':
    await trace();
    break;
  default:
    process.stderr.write(`unknown section ${section}\n`);
    process.exit(2);
}
