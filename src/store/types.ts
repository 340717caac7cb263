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
  readonly action: 'opened' | 'claimed' | 'resolved' | 'rejected' | 'noted' | 'released' | 'assigned' | 'escalated';
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
  /** Cases of these regions (the case's `region` field, or `to` for a transfer): a staff member's scope. */
  readonly regions?: readonly string[];
  readonly limit?: number;
}

/** A question the bot could not answer (out of scope) or a hand-off to a person: material for new training examples. */
export interface UnansweredEntry {
  /** Epoch ms. */
  readonly at: number;
  readonly kind: 'out_of_scope' | 'handoff';
  /** The text as the user wrote it, personal numbers already masked (src/privacy/mask.ts). */
  readonly text: string;
  /** The region the user's profile or the text named, when known. */
  readonly region: string | null;
}

/**
 * Store failures are data with a code, so the bot can say "系统繁忙" instead of crashing. 'unreadable': sealed
 * personal data that does not open (changed, or sealed under a key that is neither DATA_KEY nor in DATA_KEYS).
 */
export type StoreErrorCode = 'unavailable' | 'lock_timeout' | 'not_found' | 'conflict' | 'unreadable';

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

/**
 * What the audit trail records: every display of a case's full personal data, every change of a case, every export.
 * Who, when, what, which case, which fields, from which chat — never the values.
 */
export type AuditAction =
  | 'opened'
  | 'viewed'
  | 'claimed'
  | 'resolved'
  | 'rejected'
  | 'noted'
  | 'released'
  | 'amended'
  | 'assigned'
  | 'exported'
  | 'erased'
  | 'audit_exported'
  | 'keys_rotated'
  /** A staff act outside the member's scope or role, refused. */
  | 'refused'
  /** An open case past its due told to the admins of its scope (once). */
  | 'escalated'
  /** A web console session started from a one-time link. */
  | 'logged_in';

export interface AuditEntry {
  /** Epoch ms. */
  readonly at: number;
  /** Who: a user key (platform:id), or a job ('retention', 'rotate-keys'). */
  readonly by: string;
  readonly action: AuditAction;
  /** The case concerned; null for an act on no one case (an export of the audit itself, a key rotation). */
  readonly caseId: string | null;
  /** Names of the fields shown, exported or changed (never their values). */
  readonly fields: readonly string[];
  /** Where: platform:chat, or `platform:private` / `platform:group` when the chat's id was not given; null for jobs. */
  readonly chat: string | null;
  /** A short label without personal data, e.g. 'publicity 2026-11'. */
  readonly note?: string;
}

export interface AuditRecord extends AuditEntry {
  /** Order of writing, increasing. */
  readonly seq: number;
}

export interface AuditFilter {
  readonly caseId?: string;
  /** Entries with at >= from (epoch ms). */
  readonly from?: number;
  /** Entries with at < to (epoch ms). */
  readonly to?: number;
  readonly limit?: number;
}

/** What an `updateCase` change says for the audit entry the store writes with it (same transaction). */
export interface CaseChangeAudit {
  /** Default: the event's action. */
  readonly action?: AuditAction;
  /** Fields changed or shown (default none). */
  readonly fields?: readonly string[];
  readonly chat?: string | null;
  readonly note?: string;
}

export interface CaseChange {
  readonly status?: CaseStatus;
  readonly assignee?: string | null;
  readonly fields?: CaseRecord['fields'];
  readonly event: CaseEvent;
  readonly audit?: CaseChangeAudit;
}

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
  readonly session?: {
    readonly chat: string;
    readonly data: Json;
    readonly ttlMs: number;
    /** false: it holds nothing personal (districts, amounts, codes), and is kept unsealed; sealed otherwise. */
    readonly personal?: boolean;
  };
  readonly profile?: Profile;
  /** false: the profile holds nothing personal, and is kept unsealed; sealed otherwise. */
  readonly profilePersonal?: boolean;
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
  /** Reads and deletes a live session in one atomic step: of two callers racing for it, one gets it (one-time tokens). */
  takeSession(chat: string, user: string): Promise<SessionRecord | null>;

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
   * Replaces a case's mutable fields and appends one event, atomically, with its audit entry (the event's who, when
   * and action; `change.audit` adds the fields and the chat); fails with StoreError('conflict') when `expectedStatus`
   * is given and the stored status differs (two staff claiming at once). Durable.
   */
  updateCase(id: string, change: CaseChange, expectedStatus?: CaseStatus): Promise<CaseRecord>;
  /** Newest first. */
  listCases(filter: CaseFilter): Promise<CaseRecord[]>;

  /** Appends to the audit trail (append-only: nothing changes or deletes an entry). Durable once it resolves. */
  appendAudit(entries: readonly AuditEntry[]): Promise<void>;
  /** Audit entries, oldest first (by time, then order of writing). */
  listAudit(filter: AuditFilter): Promise<AuditRecord[]>;

  /** Keeps what the bot could not answer (text already masked). */
  appendUnanswered(entry: UnansweredEntry): Promise<void>;
  /** Unanswered questions with from <= at < to, oldest first. */
  listUnanswered(from: number, to: number): Promise<UnansweredEntry[]>;

  /** True when the backing store answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The kinds of stored value that hold sealed data. */
export type RawKind = 'session' | 'profile' | 'case';

/** One stored value as it is at rest, for maintenance (key rotation): never for the bot. */
export interface RawEntry {
  readonly kind: RawKind;
  /** What the value belongs to: the session's chat and user, the profile's user, or the case's id. */
  readonly chat?: string;
  readonly user?: string;
  readonly id?: string;
  /** Session data or profile as stored; for a case, the whole record as stored. */
  readonly data: Json;
  /** The stored text, compared when writing back (compare-and-set). */
  readonly version: string;
}

/**
 * Below the sealing (src/store/sealed.ts): the stores read and write values as they are at rest. `scanRaw` walks every
 * value of a kind in batches; `swapRaw` writes a value back only if it is still the one read (false otherwise), leaving
 * expiry, indexes and history as they are.
 */
export interface RawAccess {
  scanRaw(kind: RawKind, batch?: number): AsyncIterable<readonly RawEntry[]>;
  swapRaw(entry: RawEntry, data: Json): Promise<boolean>;
}

/** A store implementation: the Store interface plus raw access for maintenance. */
export type RawStore = Store & RawAccess;
