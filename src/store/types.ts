/**
 * The one storage interface. Two implementations pass the same contract tests: the embedded default (SQLite via
 * better-sqlite3, a file under DATA_DIR) and Redis (ioredis) when REDIS_URL is set. Nothing above this layer knows
 * which one is in use.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SessionRecord {
  /** Opaque dialog state, owned by the dialog engine. */
  readonly data: Json;
  /** Epoch ms of the last write; the dialog engine decides what "idle" means. */
  readonly updatedAt: number;
}

export type CaseStatus = 'open' | 'claimed' | 'resolved' | 'rejected';

export interface CaseEvent {
  /** Epoch ms. */
  readonly at: number;
  /** Who acted: a user key (platform:id), or 'bot'. */
  readonly by: string;
  readonly action: 'opened' | 'claimed' | 'resolved' | 'rejected' | 'noted' | 'released';
  readonly note?: string;
}

export interface CaseRecord {
  /** Readable id, e.g. C20261121-0007. */
  readonly id: string;
  readonly type: string;
  readonly status: CaseStatus;
  /** Where and by whom it was opened: the chat and user keys of the opener. */
  readonly chat: string;
  readonly user: string;
  readonly createdAt: number;
  readonly dueAt: number | null;
  readonly assignee: string | null;
  /** The case's fields, validated by the cases module (zod) before they reach the store. */
  readonly fields: { readonly [key: string]: Json };
  /** Append-only. */
  readonly history: readonly CaseEvent[];
}

/** A case before the store has given it its number. */
export type CaseDraft = Omit<CaseRecord, 'id'>;

export interface CaseSeries {
  /** The counter, e.g. the day '20261121'. */
  readonly key: string;
  /** What the id starts with, e.g. 'C20261121-'. */
  readonly idPrefix: string;
}

export interface CaseFilter {
  readonly status?: CaseStatus | readonly CaseStatus[];
  readonly type?: string;
  readonly assignee?: string;
  /** Cases opened by this user key. */
  readonly user?: string;
  /** Open or claimed cases whose dueAt is before this epoch ms. */
  readonly overdueAt?: number;
  readonly limit?: number;
}

/** Store failures are data with a code, so the bot can say "系统繁忙" instead of crashing. */
export type StoreErrorCode = 'unavailable' | 'lock_timeout' | 'not_found' | 'conflict';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export type Profile = { readonly [key: string]: Json };

export interface TurnKeys {
  readonly chat: string;
  readonly user: string;
  /** The user's key across chats (platform:id), under which the profile is kept. */
  readonly profile: string;
  /** The message's dedupe key, when the platform gives the message an id. */
  readonly seen?: string;
}

export interface TurnRead {
  readonly session: SessionRecord | null;
  readonly profile: Profile | null;
}

export interface TurnWrites {
  /** Deletes the user's session in `keys.chat`; applied before `session`, so a session put to that chat stays. */
  readonly dropSession?: boolean;
  /** The session to keep, in `chat` (a dialog may move to the user's private chat). */
  readonly session?: { readonly chat: string; readonly data: Json; readonly ttlMs: number };
  readonly profile?: Profile;
}

export interface TurnResult<T> {
  readonly value: T;
  readonly writes: TurnWrites;
}

export type TurnOutcome<T> = { readonly duplicate: true } | { readonly duplicate: false; readonly value: T };

export interface TurnOptions {
  readonly ttlMs?: number;
  readonly waitMs?: number;
  /** How long a processed message's key is remembered. */
  readonly seenTtlMs?: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'redis';

  getSession(chat: string, user: string): Promise<SessionRecord | null>;
  /** Writes the session and sets its expiry (the record disappears `ttlMs` after this write). */
  putSession(chat: string, user: string, data: Json, ttlMs: number): Promise<void>;
  deleteSession(chat: string, user: string): Promise<void>;

  /** What the bot remembers of a user across dialogs (e.g. their region). */
  getProfile(user: string): Promise<Profile | null>;
  putProfile(user: string, profile: Profile): Promise<void>;

  /**
   * One turn of a chat, as one unit: under the chat's lock (messages of a chat are processed one at a time and in
   * order, also across processes sharing Redis), reads the user's session in `keys.chat` and their profile, runs
   * `fn`, then applies the writes `fn` returns, marks `keys.seen` as processed and releases the lock. With Redis
   * that is one round trip before `fn` and one after.
   *
   * A message is a duplicate (`fn` does not run) when a turn with the same `seen` key committed within
   * `seenTtlMs`; the key is only marked when the turn commits, so a turn that failed runs again on redelivery.
   * When `fn` throws, nothing is written and the error passes through. The lock expires after `ttlMs` if its
   * holder dies; waiting longer than `waitMs` for it throws StoreError('lock_timeout').
   */
  runTurn<T>(keys: TurnKeys, fn: (read: TurnRead) => Promise<TurnResult<T>>, options?: TurnOptions): Promise<TurnOutcome<T>>;

  /**
   * Opens a case under the next number of a series, in one atomic step: reserves the number (series '20261121' →
   * 1, 2, 3 …) and writes the case with the id `${idPrefix}${number, at least 4 digits}`, e.g. C20261121-0007.
   * Durable once the promise resolves: a case told to a user survives a crash.
   */
  openCase(series: CaseSeries, draft: CaseDraft): Promise<CaseRecord>;
  /** Writes a case that already has its id (imports, fixtures); StoreError('conflict') if the id is taken. Durable. */
  createCase(record: CaseRecord): Promise<void>;
  getCase(id: string): Promise<CaseRecord | null>;
  /**
   * Replaces a case's mutable fields and appends one event, atomically; fails with StoreError('conflict') when
   * `expectedStatus` is given and the stored status differs (two staff claiming at once).
   */
  updateCase(
    id: string,
    change: { readonly status?: CaseStatus; readonly assignee?: string | null; readonly fields?: CaseRecord['fields']; readonly event: CaseEvent },
    expectedStatus?: CaseStatus,
  ): Promise<CaseRecord>;
  /** Newest first. */
  listCases(filter: CaseFilter): Promise<CaseRecord[]>;

  /** True when the backing store answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
