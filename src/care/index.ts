import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Translator } from '../i18n/index.ts';
import {
  createProcessor,
  type Limits,
  type Occurrence,
  type OpenedScheduler,
  openScheduler,
  Pacer,
  PLATFORM_LIMITS,
  type Push,
  type QuietHours,
  type RunStats,
} from '../scheduler/index.ts';
import { Care } from './service.ts';
import { type CareStore, redisCareStore, sqliteCareStore } from './store.ts';

export { FESTIVALS, festivalDate } from './lunar.ts';
export { Care } from './service.ts';

export interface CareOptions {
  readonly config: { REDIS_URL?: string | undefined; DATA_DIR: string };
  readonly tr: Translator;
  /** The bot's clock (the tick's time in the JSON-lines interface). */
  readonly now: () => Date;
  /** Sends one message through its platform's channel; throws on failure (`retryAfterMs` on a 429). */
  readonly send: (occ: Occurrence) => Promise<void>;
  readonly quiet: QuietHours | null;
  readonly festivalDaysBefore: number;
  /** Overrides the platforms' limits (the bench scales them up). */
  readonly limits?: Readonly<Record<string, Limits>>;
  readonly logger?: Logger;
  /** Redis key prefix (tests and the bench keep theirs apart). */
  readonly prefix?: string;
  /** BullMQ: how soon a dead instance's job goes to another (default 30 s; tests shorten it). */
  readonly lockDurationMs?: number;
  /** BullMQ: jobs this instance handles side by side (default 100). */
  readonly concurrency?: number;
}

export interface Proactive {
  readonly care: Care;
  readonly scheduler: OpenedScheduler;
  /** Handles what fell due by `now`; the stats of the run. */
  runDue(now: Date): Promise<RunStats>;
  close(): Promise<void>;
}

/** Opens the scheduler, the care store beside it, and the processor that sends through `send`. */
export function openCare(o: CareOptions): Proactive {
  const scheduler = openScheduler(o.config, o.now, {
    ...(o.prefix ? { prefix: o.prefix } : {}),
    ...(o.lockDurationMs ? { lockDurationMs: o.lockDurationMs } : {}),
  });
  let redis: Redis | null = null;
  let store: CareStore;
  if (scheduler.db) store = sqliteCareStore(scheduler.db);
  else {
    redis = new Redis(o.config.REDIS_URL as string);
    store = redisCareStore(redis, o.prefix);
  }
  const backend = scheduler.backend;
  const care = new Care({ store, schedule: (occs) => backend.schedule(occs), tr: o.tr, festivalDaysBefore: o.festivalDaysBefore });
  const process = createProcessor({
    ledger: backend.ledger,
    pacer: new Pacer(o.limits ?? PLATFORM_LIMITS),
    quiet: o.quiet,
    now: o.now,
    send: o.send,
    wanted: (occ) => care.wanted(occ),
    after: (occ, outcome) => care.after(occ, outcome),
  });
  return {
    care,
    scheduler,
    async runDue(now) {
      const stats = await backend.runDue(now, process);
      if (stats.stale > 0) o.logger?.warn({ stale: stats.stale }, 'reminders more than 7 days overdue were dropped');
      return stats;
    },
    async close() {
      await backend.close();
      redis?.disconnect();
    },
  };
}

/** A push as the tick line shows it. */
export const pushOf = (occ: Occurrence): Push => ({ chat: occ.chat, text: occ.text, buttons: occ.buttons });
export { limitsOf, quietOf } from './setup.ts';
