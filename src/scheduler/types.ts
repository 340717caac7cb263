import type { Button } from '../chat/index.ts';

/** What the bot sent on its own initiative (the tick line lists these). */
export interface Push {
  readonly chat: string;
  readonly text: string;
  readonly buttons: readonly Button[];
}

/**
 * One message the bot will send by itself: a reminder occurrence, one group's copy of a notice, a report to staff.
 * `key` is the idempotency key of this occurrence (`rem|telegram:42|cert|2027-03-01`): it is scheduled once, checked
 * before sending and recorded after, whatever instance sends it.
 */
export interface Occurrence {
  readonly key: string;
  readonly platform: string;
  readonly chat: string;
  /** A group chat: the platform's per-group limit applies. */
  readonly group: boolean;
  /** When it fell due (ms): staleness is counted from here. */
  readonly dueAt: number;
  readonly text: string;
  readonly buttons: readonly Button[];
  /** What the domain needs to decide whether it is still wanted and what follows it (opaque to the scheduler). */
  readonly meta?: Readonly<Record<string, string>>;
}

/** What became of one occurrence. */
export type Outcome = 'sent' | 'duplicate' | 'stale' | 'unwanted' | { readonly deferUntil: number } | { readonly retryAt: number; readonly error: string };

/** The exactly-once record: checked before sending, written after. */
export interface Ledger {
  wasSent(key: string): Promise<boolean>;
  markSent(key: string, at: number): Promise<void>;
  /**
   * Takes the right to send `key` for a while (Redis: SET NX with an expiry). False when another handling of the same
   * occurrence is sending it now: a job whose lock lapsed on a busy instance is handed out again while the first
   * handling still runs. Absent where the back end's claim already excludes that (SQLite's lease).
   */
  claim?(key: string): Promise<boolean>;
}

/** Counters of one run or of a back end's life (the tick, the bench and /metrics read them). */
export interface RunStats {
  sent: number;
  duplicate: number;
  stale: number;
  unwanted: number;
  deferred: number;
  failed: number;
}

export const emptyStats = (): RunStats => ({ sent: 0, duplicate: 0, stale: 0, unwanted: 0, deferred: 0, failed: 0 });

export function count(stats: RunStats, outcome: Outcome): void {
  if (typeof outcome === 'string') stats[outcome] += 1;
  else if ('deferUntil' in outcome) stats.deferred += 1;
  else stats.failed += 1;
}

/** Handles one due occurrence (deliver.ts): the back ends only store, claim and hand over. */
export type Processor = (occ: Occurrence) => Promise<Outcome>;

/**
 * A scheduler back end: SQLite (embedded) or BullMQ (Redis). Both keep occurrences until they are handled and let
 * several processes share them without two sending the same one.
 */
export interface SchedulerBackend {
  readonly kind: 'sqlite' | 'bullmq';
  readonly ledger: Ledger;
  /** Adds occurrences; one whose key is already scheduled or sent is ignored. */
  schedule(occs: readonly Occurrence[]): Promise<void>;
  /** Handles every occurrence due at `now` (fake or real clock) with `process`; resolves when they are done. */
  runDue(now: Date, process: Processor): Promise<RunStats>;
  /** Occurrences waiting (due or not). */
  pending(): Promise<number>;
  close(): Promise<void>;
}

/** Thrown by a channel's push when the platform said 429; the delay it advised (Telegram retry_after, Retry-After). */
export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === 'number' && ms >= 0 ? ms : undefined;
}
