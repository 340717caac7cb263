import { join } from 'node:path';
import { openBullScheduler } from './bullmq.ts';
import { openSchedulerDb, openSqliteScheduler } from './sqlite.ts';
import type { SchedulerBackend } from './types.ts';

export { createProcessor, type DeliverDeps, STALE_MS } from './deliver.ts';
export { type DueJob, DueJobs, startDueTimer } from './due.ts';
export { type Limits, Pacer, PLATFORM_LIMITS } from './pacer.ts';
export { nextAllowed, parseQuietHours, type QuietHours } from './quiet.ts';
export * from './types.ts';

/** The scheduler's file inside DATA_DIR: its own, so its tables never meet the case store's schema. */
export const SCHEDULER_FILE = 'scheduler.db';

export interface OpenedScheduler {
  readonly backend: SchedulerBackend;
  /** The SQLite handle when embedded (the care store keeps its tables beside the jobs). */
  readonly db?: ReturnType<typeof openSchedulerDb>;
}

/** BullMQ on Redis when REDIS_URL is set (several instances share the work), otherwise SQLite under DATA_DIR. */
export function openScheduler(
  config: { REDIS_URL?: string | undefined; DATA_DIR: string },
  now: () => Date,
  bull: { prefix?: string; lockDurationMs?: number; concurrency?: number } = {},
): OpenedScheduler {
  if (config.REDIS_URL) return { backend: openBullScheduler({ url: config.REDIS_URL, now, ...bull }) };
  const db = openSchedulerDb(join(config.DATA_DIR, SCHEDULER_FILE));
  return { backend: openSqliteScheduler(db), db };
}
