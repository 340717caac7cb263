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

export interface Store {
  readonly kind: 'sqlite' | 'redis';

  getSession(chat: string, user: string): Promise<SessionRecord | null>;
  /** Writes the session and sets its expiry (the record disappears `ttlMs` after this write). */
  putSession(chat: string, user: string, data: Json, ttlMs: number): Promise<void>;
  deleteSession(chat: string, user: string): Promise<void>;

  /** What the bot remembers of a user across dialogs (e.g. their region). */
  getProfile(user: string): Promise<{ readonly [key: string]: Json } | null>;
  putProfile(user: string, profile: { readonly [key: string]: Json }): Promise<void>;

  /** True the first time a key is seen within `ttlMs` (duplicate deliveries are processed once). */
  markSeen(key: string, ttlMs: number): Promise<boolean>;

  /**
   * Runs `fn` while holding the lock of one chat, so that a chat's messages are processed one at a time and in
   * order, also across processes sharing Redis. The lock expires after `ttlMs` if its holder dies.
   * Throws StoreError('lock_timeout') after waiting `waitMs`.
   */
  withChatLock<T>(chat: string, fn: () => Promise<T>, options?: { ttlMs?: number; waitMs?: number }): Promise<T>;

  /** Atomically reserves the next case number of a day ('20261121' → 1, 2, 3 …). */
  nextCaseNumber(day: string): Promise<number>;
  /** Durable once the promise resolves: a case told to a user survives a crash. */
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
