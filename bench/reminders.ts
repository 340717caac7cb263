/**
 * Reminders: 100,000 subscribers due in the same minute, delivered through an in-process fake platform whose limit
 * is scaled up (so the run takes seconds, not the ~56 minutes 100,000 messages take at Telegram's 30/s). What is
 * timed is the scheduler's own work per reminder: claim, quiet-hours and stale checks, the ledger (checked before,
 * written after), the subscription check, the next year's occurrence. No duplicate and no loss are checked by key.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { openCare } from '../src/care/index.ts';
import type { Subscription } from '../src/care/kinds.ts';
import { loadTranslator } from '../src/i18n/index.ts';
import { DEFAULT_QUIET } from '../src/scheduler/quiet.ts';
import { tempDir } from './protocol.ts';

export interface RemindersResult {
  readonly backend: 'sqlite' | 'bullmq';
  readonly subscribers: number;
  readonly delivered: number;
  readonly distinct: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly seconds: number;
  readonly setupSeconds: number;
  readonly perSecond: number;
  readonly usPerReminder: number;
  readonly cpuUsPerReminder: number;
  /** Redis server CPU per reminder (BullMQ only). */
  readonly redisCpuUsPerReminder?: number;
  /** 1 s divided by the CPU one reminder costs (the bot process, plus Redis for BullMQ): the ceiling on an idle core. */
  readonly cpuCeilingPerSecond: number;
}

/** Redis server CPU seconds so far (INFO cpu). */
async function redisCpu(url: string): Promise<number> {
  const admin = new Redis(url);
  try {
    const text = await admin.info('cpu');
    const get = (k: string) => Number(new RegExp(`${k}:([0-9.]+)`).exec(text)?.[1] ?? 0);
    return get('used_cpu_user') + get('used_cpu_sys');
  } finally {
    admin.disconnect();
  }
}

const NOW = new Date('2027-03-01T09:01:00+08:00');

export async function runReminders(n: number, redisUrl?: string, progress: (m: string) => void = () => undefined): Promise<RemindersResult> {
  const dir = tempDir('reminders');
  const seen = new Map<string, number>();
  const proactive = openCare({
    config: { DATA_DIR: dir, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
    tr: loadTranslator(),
    now: () => NOW,
    // The fake platform: answers on the next turn of the event loop, counts every message by its key.
    send: async (occ) => {
      await new Promise((resolve) => setImmediate(resolve));
      seen.set(occ.key, (seen.get(occ.key) ?? 0) + 1);
    },
    quiet: DEFAULT_QUIET,
    festivalDaysBefore: 7,
    // Telegram's 30/s scaled up 100,000 times: the platform never sets the pace here.
    limits: { '*': { perSecond: 3_000_000, perGroup: 1_000_000, groupWindowMs: 1000 } },
    prefix: `bench${Date.now()}`,
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 100),
  });
  try {
    const t0 = performance.now();
    await seed(proactive, n);
    const setupSeconds = (performance.now() - t0) / 1000;
    progress(`${n} subscribers and their occurrences scheduled in ${setupSeconds.toFixed(1)} s; delivering`);
    const redis0 = redisUrl ? await redisCpu(redisUrl) : 0;
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const stats = await proactive.runDue(NOW);
    const seconds = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const redisUs = redisUrl ? ((await redisCpu(redisUrl)) - redis0) * 1e6 : 0;
    const cpuUs = (cpu.user + cpu.system + redisUs) / n;
    const delivered = [...seen.values()].reduce((a, b) => a + b, 0);
    progress(`run: ${JSON.stringify(stats)}`);
    return {
      backend: redisUrl ? 'bullmq' : 'sqlite',
      subscribers: n,
      delivered,
      distinct: seen.size,
      duplicates: delivered - seen.size,
      missing: n - seen.size,
      seconds,
      setupSeconds,
      perSecond: n / seconds,
      usPerReminder: (seconds * 1e6) / n,
      cpuUsPerReminder: (cpu.user + cpu.system) / n,
      ...(redisUrl ? { redisCpuUsPerReminder: redisUs / n } : {}),
      cpuCeilingPerSecond: 1e6 / cpuUs,
    };
  } finally {
    await proactive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** n subscriptions to the yearly certification reminder, all due at 09:00 on 2027-03-01, scheduled in batches. */
async function seed(proactive: ReturnType<typeof openCare>, n: number): Promise<void> {
  const { care } = proactive;
  for (let start = 0; start < n; start += 1000) {
    const subs: Subscription[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++)
      subs.push({ user: `bench:u${i}`, platform: 'bench', chat: `u${i}`, group: false, kind: 'cert', month: 3, day: 1, next: '2027-03-01' });
    await Promise.all(subs.map((s) => care.deps.store.put(s)));
    await proactive.scheduler.backend.schedule(subs.map((s) => care.occurrence(s)));
  }
}
