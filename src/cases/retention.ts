import { shanghaiIsoDate } from '../clock.ts';
import type { Json, Store } from '../store/types.ts';
import { StoreError } from '../store/types.ts';
import { SEALED_FIELDS } from './schemas.ts';

/**
 * Retention: the personal fields of a resolved or rejected case (names, ID number, phone, community: SEALED_FIELDS)
 * are erased once `days` full days have passed since it was closed, counted in Shanghai calendar days. A case closed
 * on 2026-11-21 with 365 days keeps them through 2027-11-21 and loses them on 2027-11-22. The case keeps its type,
 * region, dates, amounts and history (for statistics and the 公示), gains a history note saying why its personal data
 * is gone, and the erasure is audited (which fields, never their values).
 *
 * `runRetention` is the job itself (a plain function of the store and a clock); `runRetentionIfDue` runs it at most
 * once a Shanghai day, remembering the last run in the store, so restarts neither skip nor repeat a day and several
 * instances sharing Redis run it once; `startRetention` is the small daily timer the service starts.
 */

export const RETENTION_JOB = 'retention';
/** The store record of the last run (a profile no chat user can have). */
export const RETENTION_RECORD = 'yinling:retention';
const DAY_MS = 86_400_000;
const CLOSED: ReadonlySet<string> = new Set(['resolved', 'rejected']);

/** The history note of an erasure. */
export const retentionNote = (days: number) => `个人信息已按保存期限规定删除（办结后保存${days}天）`;

/** Whole days from one Shanghai calendar date to another. */
function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

export interface RetentionResult {
  /** Cases whose personal fields were erased now. */
  readonly erased: readonly string[];
  /** Cases that could not be erased now (changed meanwhile, store trouble): tried again on the next run. */
  readonly failed: readonly string[];
}

/** Erases the personal fields of cases closed more than `days` days before `now`. */
export async function runRetention(store: Store, now: Date, days: number): Promise<RetentionResult> {
  const today = shanghaiIsoDate(now);
  const erased: string[] = [];
  const failed: string[] = [];
  for (const c of await store.listCases({ status: ['resolved', 'rejected'] })) {
    // Which personal fields it still has: looked at by name only (nothing is unsealed to decide).
    const present = Object.keys(c.fields).filter((f) => SEALED_FIELDS.includes(f));
    if (present.length === 0) continue;
    const closed = [...c.history].reverse().find((e) => CLOSED.has(e.action));
    if (!closed || daysBetween(shanghaiIsoDate(new Date(closed.at)), today) <= days) continue;
    const kept: Record<string, Json> = {};
    for (const name of Object.keys(c.fields)) if (!present.includes(name)) kept[name] = c.fields[name] as Json;
    try {
      await store.updateCase(
        c.id,
        {
          fields: kept,
          event: { at: now.getTime(), by: RETENTION_JOB, action: 'noted', note: retentionNote(days) },
          audit: { action: 'erased', fields: present, chat: null, note: `RETENTION_DAYS=${days}` },
        },
        c.status,
      );
      erased.push(c.id);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      failed.push(c.id);
    }
  }
  return { erased, failed };
}

/**
 * Runs the job unless it already ran this Shanghai day (by the store's record of the last run). Held under the
 * store's lock of its record, so two instances do not run it at once: the second finds it done, or gives up waiting
 * (ran: false). The last run is recorded with the job's result.
 */
export async function runRetentionIfDue(store: Store, now: Date, days: number): Promise<{ ran: false } | ({ ran: true } & RetentionResult)> {
  const today = shanghaiIsoDate(now);
  try {
    const outcome = await store.runTurn(
      { chat: RETENTION_RECORD, user: RETENTION_JOB, profile: RETENTION_RECORD },
      async (read) => {
        const last = read.profile?.lastDay;
        if (typeof last === 'string' && last >= today) return { value: null, writes: {} };
        const result = await runRetention(store, now, days);
        return {
          value: result,
          writes: { profile: { lastDay: today, lastRunAt: now.getTime(), erased: result.erased.length, failed: result.failed.length, days } },
        };
      },
      { ttlMs: 10 * 60_000, waitMs: 2_000 },
    );
    if (outcome.duplicate || outcome.value === null) return { ran: false };
    return { ran: true, ...outcome.value };
  } catch (error) {
    if (error instanceof StoreError && error.code === 'lock_timeout') return { ran: false };
    throw error;
  }
}

export interface RetentionTimer {
  /** Stops the timer and waits for a run under way. */
  stop(): Promise<void>;
  /** The run started at start-up (for tests and the shutdown). */
  readonly first: Promise<void>;
}

/**
 * The daily timer: runs the job at start (if it has not run today) and then checks every `everyMs` (default hourly)
 * whether a new day has begun. A scheduler can replace this and call `runRetentionIfDue` itself.
 */
export function startRetention(options: {
  store: Store;
  days: number;
  now?: () => Date;
  everyMs?: number;
  onRun?: (result: RetentionResult) => void;
  onError?: (error: unknown) => void;
}): RetentionTimer {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return running;
    running = running.then(async () => {
      if (stopped) return;
      try {
        const result = await runRetentionIfDue(options.store, now(), options.days);
        if (result.ran) options.onRun?.(result);
      } catch (error) {
        options.onError?.(error);
      }
    });
    return running;
  };
  const first = run();
  const timer = setInterval(() => void run(), options.everyMs ?? 3_600_000);
  timer.unref();
  return {
    first,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
