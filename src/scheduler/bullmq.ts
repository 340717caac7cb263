import { createHash } from 'node:crypto';
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { count, emptyStats, type Ledger, type Occurrence, type Outcome, type Processor, type RunStats, type SchedulerBackend } from './types.ts';

/** How long the ledger remembers a sent occurrence: longer than any reminder's repeat (two years for the check). */
const SENT_TTL_S = 800 * 86_400;
const POLL_MS = 20;

export interface BullOptions {
  readonly url: string;
  /** The bot's clock: a job is handled only once it is due by this clock (a tick's time, or the real one). */
  readonly now: () => Date;
  /** Key prefix on Redis; tests and the bench use their own. */
  readonly prefix?: string;
  /** Jobs handled side by side by this instance. */
  readonly concurrency?: number;
  /** How long a job's lock lives without renewal: a killed instance's job goes to another after about this long. */
  readonly lockDurationMs?: number;
}

interface Stored extends Occurrence {
  /** Deferred (quiet hours, a retry): not before this time by the bot's clock. */
  readonly notBefore?: number;
}

/** BullMQ refuses ':' in custom job ids; a digest of the key is as unique and fits any key. */
const jobIdOf = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 32);

function redisLedger(redis: Redis, prefix: string, claimMs: number): Ledger {
  return {
    wasSent: async (key) => (await redis.exists(`${prefix}:sent:${key}`)) === 1,
    markSent: async (key, at) => void (await redis.set(`${prefix}:sent:${key}`, String(at), 'EX', SENT_TTL_S, 'NX')),
    // As long as a job lock: a dead instance's claim lapses when its job goes to another instance.
    claim: async (key) => (await redis.set(`${prefix}:sending:${key}`, '1', 'PX', claimMs, 'NX')) === 'OK',
  };
}

/**
 * The Redis back end on BullMQ: one delayed job per occurrence (job id from its key, so scheduling twice adds it
 * once), handled by a Worker on every instance. BullMQ's job lock keeps two live instances off one job; when an
 * instance dies its jobs stall and another takes them after `lockDurationMs`, and the ledger (checked before, written
 * after sending) stops a second send of one that had gone out.
 */
export function openBullScheduler(options: BullOptions): SchedulerBackend {
  const prefix = options.prefix ?? 'yinling:care';
  const connection = { maxRetriesPerRequest: null };
  const queueRedis = new Redis(options.url, connection);
  const redis = new Redis(options.url);
  const queue = new Queue<Stored>('care', { connection: queueRedis, prefix });
  const lockDuration = options.lockDurationMs ?? 30_000;
  const ledger = redisLedger(redis, prefix, lockDuration);
  const stats: RunStats = emptyStats();
  let processor: Processor | null = null;
  let worker: Worker<Stored> | null = null;
  let workerRedis: Redis | null = null;

  const dueAt = (o: Stored) => o.notBefore ?? o.dueAt;
  const realDelay = (at: number) => Math.max(0, at - options.now().getTime());

  async function handle(job: Job<Stored>, token?: string): Promise<void> {
    const occ = job.data;
    let outcome: Outcome;
    if (dueAt(occ) > options.now().getTime()) outcome = { deferUntil: dueAt(occ) };
    else if (!processor) throw new Error('scheduler: no processor');
    else outcome = await processor(occ);
    if (!(typeof outcome === 'object' && 'deferUntil' in outcome && outcome.deferUntil === dueAt(occ))) count(stats, outcome);
    if (typeof outcome === 'string') return;
    const until = 'deferUntil' in outcome ? outcome.deferUntil : outcome.retryAt;
    await job.updateData({ ...occ, notBefore: until });
    await job.moveToDelayed(Date.now() + realDelay(until), token);
    throw new DelayedError();
  }

  function ensureWorker(): void {
    if (worker) return;
    workerRedis = new Redis(options.url, connection);
    worker = new Worker<Stored>('care', handle, {
      connection: workerRedis,
      prefix,
      concurrency: options.concurrency ?? 50,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      // A job whose instance died is handed on however often that happens: the ledger keeps it from repeating.
      maxStalledCount: 1000,
      removeOnComplete: { count: 0 },
      removeOnFail: { count: 1000 },
    });
    worker.on('error', () => undefined);
  }

  /** Jobs due by the bot's clock but delayed in real time (the tick moved the clock): made ready now. */
  async function promoteDue(now: number): Promise<void> {
    for (let start = 0; ; start += 1000) {
      const delayed = await queue.getDelayed(start, start + 999);
      for (const job of delayed) if (dueAt(job.data) <= now) await job.promote().catch(() => undefined);
      if (delayed.length < 1000) return;
    }
  }

  async function drained(): Promise<void> {
    for (let idle = 0; idle < 2; ) {
      const c = await queue.getJobCounts('wait', 'active', 'prioritized');
      idle = (c.wait ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) === 0 ? idle + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  return {
    kind: 'bullmq',
    ledger,
    async schedule(occs) {
      const jobs = occs.map((o) => ({
        name: 'push',
        data: o,
        // A failure outside the send (Redis briefly away) is retried with back-off rather than lost.
        opts: {
          jobId: jobIdOf(o.key),
          delay: realDelay(o.dueAt),
          removeOnComplete: true,
          removeOnFail: 1000,
          attempts: 20,
          backoff: { type: 'exponential', delay: 5_000 },
        },
      }));
      // One job (the next year's reminder, after each send) by add(): addBulk's pipeline sends the script's whole
      // text each time, which cost more than the rest of a reminder together.
      if (jobs.length === 1 && jobs[0]) await queue.add(jobs[0].name, jobs[0].data, jobs[0].opts);
      else await queue.addBulk(jobs);
    },
    async runDue(now, process) {
      processor = process;
      const before = { ...stats };
      ensureWorker();
      await promoteDue(now.getTime());
      await drained();
      const delta = emptyStats();
      for (const k of Object.keys(delta) as (keyof RunStats)[]) delta[k] = stats[k] - before[k];
      return delta;
    },
    async pending() {
      const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      return Object.values(c).reduce((a, b) => a + b, 0);
    },
    async close() {
      // Jobs under way finish (their sends are recorded); BullMQ leaves connections it was given open.
      await worker?.close();
      await queue.close();
      for (const r of [redis, queueRedis, workerRedis]) r?.disconnect();
    },
  };
}
