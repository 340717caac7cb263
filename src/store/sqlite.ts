import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type Checkpointer, startCheckpointer } from './checkpointer.ts';
import { applyCaseChange, auditJson, ChatQueue, caseId, changeAudit, openedAudit, ttl } from './shared.ts';
import {
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  type CaseChange,
  type CaseDraft,
  type CaseEvent,
  type CaseFilter,
  type CaseRecord,
  type CaseSeries,
  type CaseStatus,
  type Json,
  type Profile,
  type RawEntry,
  type RawKind,
  type RawStore,
  type SessionRecord,
  StoreError,
  type TurnKeys,
  type TurnOptions,
  type TurnOutcome,
  type TurnRead,
  type TurnResult,
  type TurnWrites,
  type UnansweredEntry,
} from './types.ts';

/**
 * The embedded store: one SQLite file under DATA_DIR, opened by one bot process.
 *
 * Durability settings:
 * - `journal_mode = WAL`: readers never block the writer, and a commit is one append to the -wal file.
 * - `synchronous = NORMAL` for everything by default. In WAL mode a committed transaction is in the -wal file
 *   (the OS page cache) when the call returns, so it survives the process being killed (SIGKILL, OOM, crash); only
 *   an OS crash or power loss can roll back the last commits. FULL would fsync the WAL on every commit, and the
 *   dialog engine writes the session on every message: one fsync per message for data that is disposable anyway.
 * - Case writes (`createCase`, `updateCase`) resolve only once the -wal file is fsynced, because the interface
 *   promises that a case told to a user survives a crash, power loss included. The fsync runs on a worker thread
 *   (checkpointer.ts), so the one main thread keeps serving other chats meanwhile; it also flushes any earlier
 *   NORMAL commits (the WAL is sequential).
 * - Checkpoints run on that worker too (`wal_autocheckpoint = 0` here): inline, each one would stall a message.
 * - `busy_timeout`: another connection to the file (an operator's sqlite3 shell, a backup) makes us wait instead
 *   of failing at once.
 * - `secure_delete = FAST`: deleted and overwritten content is zeroed in its page. FAST rather than ON: ON also
 *   rewrites freed pages, which doubled the store's time per turn (bench: 61 → 135 µs), and personal data reaches this
 *   file only sealed (src/store/sealed.ts), so a freed page can hold nothing but ciphertext.
 * - The database is created with mode 0600 (and an existing one made so); SQLite gives its -wal and -shm files the
 *   database's mode.
 *
 * The audit trail is the `audit` table: triggers refuse every UPDATE and DELETE of it (append-only). A case's opening
 * and every change of a case write their audit entry in the same transaction as the case.
 *
 * The per-chat lock is in-process (see ChatQueue): the embedded store is single-process by design. Two bot
 * processes on one DATA_DIR would keep the data consistent (SQLite locks the file) but not the per-chat order;
 * use REDIS_URL for several instances.
 */

const SCHEMA_VERSION = 2;
const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_SEEN_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired sessions and seen keys are purged at most this often, in bounded batches. */
const PURGE_EVERY_MS = 60_000;
const PURGE_BATCH = 1_000;

/** A case's region (a transfer's: where the retiree moves to), as the staff scopes filter by it; indexed. */
const REGION_EXPR = "COALESCE(json_extract(fields, '$.region'), json_extract(fields, '$.to'))";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  chat TEXT NOT NULL,
  user TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (chat, user)
);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires_at);

CREATE TABLE IF NOT EXISTS profiles (
  user TEXT PRIMARY KEY,
  data TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS seen (
  key TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_expires ON seen (expires_at);

CREATE TABLE IF NOT EXISTS case_counters (
  day TEXT PRIMARY KEY,
  n INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  chat TEXT NOT NULL,
  user TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  due_at INTEGER,
  assignee TEXT,
  fields TEXT NOT NULL,
  history TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_created ON cases (created_at);
CREATE INDEX IF NOT EXISTS cases_status ON cases (status, created_at);
CREATE INDEX IF NOT EXISTS cases_type ON cases (type, created_at);
CREATE INDEX IF NOT EXISTS cases_assignee ON cases (assignee, created_at);
CREATE INDEX IF NOT EXISTS cases_user ON cases (user, created_at);
CREATE INDEX IF NOT EXISTS cases_due ON cases (due_at) WHERE status IN ('open', 'claimed');
-- A district's queue: region and status, newest first; due date and type ride along so the page is picked from the
-- index alone (see listCases).
CREATE INDEX IF NOT EXISTS cases_region_queue ON cases (${REGION_EXPR}, status, created_at, id, due_at, type);

CREATE TABLE IF NOT EXISTS unanswered (
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  region TEXT
);
CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered (at);

CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  case_id TEXT,
  entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at, seq);
CREATE INDEX IF NOT EXISTS audit_case ON audit (case_id, seq) WHERE case_id IS NOT NULL;
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`;

/** Files of a database: the database and the journal files SQLite keeps beside it. */
const DB_FILES = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

/** Creates the database file 0600 if missing and takes group and other access from it and its journal files. */
function privateFiles(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const f of DB_FILES(file)) {
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
  }
}

interface CaseRow {
  id: string;
  type: string;
  status: string;
  chat: string;
  user: string;
  created_at: number;
  due_at: number | null;
  assignee: string | null;
  fields: string;
  history: string;
}

const CASE_COLUMNS = 'id, type, status, chat, user, created_at, due_at, assignee, fields, history';

function rowToCase(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    type: row.type,
    status: row.status as CaseStatus,
    chat: row.chat,
    user: row.user,
    createdAt: row.created_at,
    dueAt: row.due_at,
    assignee: row.assignee,
    fields: JSON.parse(row.fields) as CaseRecord['fields'],
    history: JSON.parse(row.history) as CaseEvent[],
  };
}

function caseToRow(record: CaseRecord): CaseRow {
  return {
    id: record.id,
    type: record.type,
    status: record.status,
    chat: record.chat,
    user: record.user,
    created_at: record.createdAt,
    due_at: record.dueAt,
    assignee: record.assignee,
    fields: JSON.stringify(record.fields),
    history: JSON.stringify(record.history),
  };
}

/** Errors that are not already StoreErrors become 'unavailable' (disk full, I/O error, closed database …). */
function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const wrapped = new StoreError('unavailable', `sqlite: ${message}`);
  wrapped.cause = error;
  return wrapped;
}

interface AuditRow {
  seq: number;
  entry: string;
}

function rowToAudit(row: AuditRow): AuditRecord {
  return { ...(JSON.parse(row.entry) as AuditEntry), seq: row.seq };
}

export class SqliteStore implements RawStore {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  readonly #db: Database.Database;
  readonly #queue = new ChatQueue();
  readonly #listStatements = new Map<string, Database.Statement>();
  #lastPurge = 0;

  readonly #sql: {
    getSession: Database.Statement<[string, string, number], { data: string; updated_at: number }>;
    putSession: Database.Statement<[string, string, string, number, number]>;
    deleteSession: Database.Statement<[string, string]>;
    takeSession: Database.Statement<[string, string, number], { data: string; updated_at: number }>;
    insertUnanswered: Database.Statement<[number, string, string, string | null]>;
    listUnanswered: Database.Statement<[number, number], { at: number; kind: string; text: string; region: string | null }>;
    purgeSessions: Database.Statement<[number, number]>;
    getProfile: Database.Statement<[string], { data: string }>;
    putProfile: Database.Statement<[string, string]>;
    markSeen: Database.Statement<[string, number, number]>;
    isSeen: Database.Statement<[string, number], { one: number }>;
    purgeSeen: Database.Statement<[number, number]>;
    nextCaseNumber: Database.Statement<[string], { n: number }>;
    insertCase: Database.Statement<[CaseRow]>;
    getCase: Database.Statement<[string], CaseRow>;
    updateCase: Database.Statement<[{ id: string; status: string; assignee: string | null; fields: string; history: string }]>;
    insertAudit: Database.Statement<[number, string | null, string]>;
    auditOfCase: Database.Statement<[string, number, number, number], AuditRow>;
    auditByTime: Database.Statement<[number, number, number], AuditRow>;
    syncFull: Database.Statement;
    syncNormal: Database.Statement;
    ping: Database.Statement<[], { ok: number }>;
  };

  readonly #commitTurn: (keys: TurnKeys, writes: TurnWrites, seenTtl: number) => void;
  readonly #openCase: (series: CaseSeries, draft: CaseDraft) => CaseRecord;
  readonly #createCase: (record: CaseRecord) => void;
  readonly #updateCase: (id: string, change: CaseChange, expectedStatus: CaseStatus | undefined) => CaseRecord;
  readonly #appendAudit: (entries: readonly AuditEntry[]) => void;

  readonly #checkpointer: Checkpointer;

  constructor(file: string) {
    this.file = file;
    privateFiles(file);
    this.#db = new Database(file);
    try {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      this.#db.pragma('secure_delete = FAST');
      this.#db.pragma('busy_timeout = 5000');
      // Checkpoints (which fsync the database) run on a worker thread instead of inside a message's write.
      this.#db.pragma('wal_autocheckpoint = 0');
      const version = this.#db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new Error(`${file} has schema version ${version}, newer than this program (${SCHEMA_VERSION})`);
      }
      this.#db.exec(SCHEMA);
      this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    } catch (error) {
      this.#db.close();
      throw error;
    }

    this.#checkpointer = startCheckpointer(file);
    const db = this.#db;
    this.#sql = {
      getSession: db.prepare('SELECT data, updated_at FROM sessions WHERE chat = ? AND user = ? AND expires_at > ?'),
      putSession: db.prepare(
        `INSERT INTO sessions (chat, user, data, updated_at, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (chat, user) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE chat = ? AND user = ?'),
      takeSession: db.prepare('DELETE FROM sessions WHERE chat = ? AND user = ? AND expires_at > ? RETURNING data, updated_at'),
      insertUnanswered: db.prepare('INSERT INTO unanswered (at, kind, text, region) VALUES (?, ?, ?, ?)'),
      listUnanswered: db.prepare('SELECT at, kind, text, region FROM unanswered WHERE at >= ? AND at < ? ORDER BY at, rowid'),
      purgeSessions: db.prepare('DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions WHERE expires_at <= ? LIMIT ?)'),
      getProfile: db.prepare('SELECT data FROM profiles WHERE user = ?'),
      putProfile: db.prepare('INSERT INTO profiles (user, data) VALUES (?, ?) ON CONFLICT (user) DO UPDATE SET data = excluded.data'),
      // Inserts a new key, or takes over an expired one; a live key is left alone (0 changes).
      markSeen: db.prepare(
        `INSERT INTO seen (key, expires_at) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen.expires_at <= ?`,
      ),
      isSeen: db.prepare('SELECT 1 AS one FROM seen WHERE key = ? AND expires_at > ?'),
      purgeSeen: db.prepare('DELETE FROM seen WHERE rowid IN (SELECT rowid FROM seen WHERE expires_at <= ? LIMIT ?)'),
      nextCaseNumber: db.prepare('INSERT INTO case_counters (day, n) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET n = n + 1 RETURNING n'),
      insertCase: db.prepare(
        `INSERT INTO cases (${CASE_COLUMNS})
         VALUES (@id, @type, @status, @chat, @user, @created_at, @due_at, @assignee, @fields, @history)`,
      ),
      getCase: db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`),
      updateCase: db.prepare('UPDATE cases SET status = @status, assignee = @assignee, fields = @fields, history = @history WHERE id = @id'),
      insertAudit: db.prepare('INSERT INTO audit (at, case_id, entry) VALUES (?, ?, ?)'),
      auditOfCase: db.prepare('SELECT seq, entry FROM audit WHERE case_id = ? AND at >= ? AND at < ? ORDER BY at, seq LIMIT ?'),
      auditByTime: db.prepare('SELECT seq, entry FROM audit WHERE at >= ? AND at < ? ORDER BY at, seq LIMIT ?'),
      syncFull: db.prepare('PRAGMA synchronous = FULL'),
      syncNormal: db.prepare('PRAGMA synchronous = NORMAL'),
      ping: db.prepare('SELECT 1 AS ok'),
    };

    const sql = this.#sql;
    const audit = (entry: AuditEntry) => sql.insertAudit.run(entry.at, entry.caseId, auditJson(entry));
    this.#appendAudit = db.transaction((entries: readonly AuditEntry[]) => {
      for (const entry of entries) audit(entry);
    });
    this.#openCase = db.transaction((series: CaseSeries, draft: CaseDraft) => {
      // A number whose id is taken (a case imported under it) is skipped.
      let id: string;
      do {
        const row = sql.nextCaseNumber.get(series.key);
        if (!row) throw new Error('case counter did not return a number');
        id = caseId(series, row.n);
      } while (sql.getCase.get(id));
      const record: CaseRecord = { id, ...draft };
      sql.insertCase.run(caseToRow(record));
      audit(openedAudit(record));
      return record;
    });
    this.#createCase = db.transaction((record: CaseRecord) => {
      if (sql.getCase.get(record.id)) throw new StoreError('conflict', `case ${record.id} already exists`);
      sql.insertCase.run(caseToRow(record));
      audit(openedAudit(record));
    });
    // A turn's writes are one transaction: one commit, one append to the -wal file.
    this.#commitTurn = db.transaction((keys: TurnKeys, writes: TurnWrites, seenTtl: number) => {
      const now = Date.now();
      if (writes.dropSession) sql.deleteSession.run(keys.chat, keys.user);
      if (writes.session) {
        sql.putSession.run(writes.session.chat, keys.user, JSON.stringify(writes.session.data), now, now + ttl(writes.session.ttlMs));
      }
      if (writes.profile) sql.putProfile.run(keys.profile, JSON.stringify(writes.profile));
      if (keys.seen !== undefined) sql.markSeen.run(keys.seen, now + seenTtl, now);
      this.#maybePurge(now);
    });
    this.#updateCase = db.transaction((id, change, expectedStatus) => {
      const row = sql.getCase.get(id);
      if (!row) throw new StoreError('not_found', `no case ${id}`);
      const current = rowToCase(row);
      if (expectedStatus !== undefined && current.status !== expectedStatus) {
        throw new StoreError('conflict', `case ${id} is ${current.status}, not ${expectedStatus}`);
      }
      const next = applyCaseChange(current, change);
      const nextRow = caseToRow(next);
      sql.updateCase.run({
        id,
        status: nextRow.status,
        assignee: nextRow.assignee,
        fields: nextRow.fields,
        history: nextRow.history,
      });
      audit(changeAudit(id, change));
      return next;
    });
  }

  /** Runs a database call; every failure that is not already a StoreError becomes 'unavailable'. */
  #run<T>(op: () => T): T {
    try {
      return op();
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** A case write whose commit is fsynced (see the top of this file). The pragma cannot change inside a transaction. */
  /**
   * A case write that is on disk when the promise resolves: committed like any write, then the -wal file is fsynced
   * on the checkpoint worker, so the wait never blocks the other chats. Without the worker, the commit is fsynced here.
   */
  async #durably<T>(op: () => T): Promise<T> {
    const result = this.#run(op);
    try {
      await this.#checkpointer.sync();
    } catch {
      this.#run(() => {
        this.#sql.syncFull.run();
        try {
          this.#db.pragma('wal_checkpoint(FULL)');
        } finally {
          this.#sql.syncNormal.run();
        }
      });
    }
    return result;
  }

  /** Deletes a bounded batch of expired sessions and seen keys, at most once a minute. */
  #maybePurge(now: number): void {
    if (now - this.#lastPurge < PURGE_EVERY_MS) return;
    this.#lastPurge = now;
    this.#sql.purgeSessions.run(now, PURGE_BATCH);
    this.#sql.purgeSeen.run(now, PURGE_BATCH);
  }

  async getSession(chat: string, user: string): Promise<SessionRecord | null> {
    return this.#run(() => {
      const row = this.#sql.getSession.get(chat, user, Date.now());
      return row ? { data: JSON.parse(row.data) as Json, updatedAt: row.updated_at } : null;
    });
  }

  async putSession(chat: string, user: string, data: Json, ttlMs: number): Promise<void> {
    this.#run(() => {
      const now = Date.now();
      this.#sql.putSession.run(chat, user, JSON.stringify(data), now, now + ttl(ttlMs));
      this.#maybePurge(now);
    });
  }

  async deleteSession(chat: string, user: string): Promise<void> {
    this.#run(() => this.#sql.deleteSession.run(chat, user));
  }

  async takeSession(chat: string, user: string): Promise<SessionRecord | null> {
    return this.#run(() => {
      // One statement: of two processes racing for the same token, only one deletes the row and gets it back.
      const row = this.#sql.takeSession.get(chat, user, Date.now());
      return row ? { data: JSON.parse(row.data) as Json, updatedAt: row.updated_at } : null;
    });
  }

  async appendUnanswered(entry: UnansweredEntry): Promise<void> {
    this.#run(() => this.#sql.insertUnanswered.run(entry.at, entry.kind, entry.text, entry.region));
  }

  async listUnanswered(from: number, to: number): Promise<UnansweredEntry[]> {
    return this.#run(() =>
      this.#sql.listUnanswered.all(from, to).map((r) => ({ at: r.at, kind: r.kind as UnansweredEntry['kind'], text: r.text, region: r.region })),
    );
  }

  async getProfile(user: string): Promise<Profile | null> {
    return this.#run(() => {
      const row = this.#sql.getProfile.get(user);
      return row ? (JSON.parse(row.data) as Profile) : null;
    });
  }

  async putProfile(user: string, profile: Profile): Promise<void> {
    this.#run(() => this.#sql.putProfile.run(user, JSON.stringify(profile)));
  }

  async runTurn<T>(keys: TurnKeys, fn: (read: TurnRead) => Promise<TurnResult<T>>, options?: TurnOptions): Promise<TurnOutcome<T>> {
    // ttlMs is for holders that die; here a holder can only die with the whole process, and the lock with it.
    if (!this.#db.open) throw new StoreError('unavailable', 'sqlite: the store is closed');
    const release = await this.#queue.acquire(keys.chat, options?.waitMs ?? DEFAULT_WAIT_MS);
    try {
      const read = this.#run(() => {
        const now = Date.now();
        if (keys.seen !== undefined && this.#sql.isSeen.get(keys.seen, now)) return null;
        const session = this.#sql.getSession.get(keys.chat, keys.user, now);
        const profile = this.#sql.getProfile.get(keys.profile);
        return {
          session: session ? { data: JSON.parse(session.data) as Json, updatedAt: session.updated_at } : null,
          profile: profile ? (JSON.parse(profile.data) as Profile) : null,
        };
      });
      if (read === null) return { duplicate: true };
      const { value, writes } = await fn(read);
      this.#run(() => this.#commitTurn(keys, writes, ttl(options?.seenTtlMs ?? DEFAULT_SEEN_TTL_MS)));
      return { duplicate: false, value };
    } finally {
      release();
    }
  }

  async openCase(series: CaseSeries, draft: CaseDraft): Promise<CaseRecord> {
    return this.#durably(() => this.#openCase(series, draft));
  }

  async createCase(record: CaseRecord): Promise<void> {
    await this.#durably(() => this.#createCase(record));
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    return this.#run(() => {
      const row = this.#sql.getCase.get(id);
      return row ? rowToCase(row) : null;
    });
  }

  async updateCase(id: string, change: CaseChange, expectedStatus?: CaseStatus): Promise<CaseRecord> {
    return this.#durably(() => this.#updateCase(id, change, expectedStatus));
  }

  async listCases(filter: CaseFilter): Promise<CaseRecord[]> {
    return this.#run(() => {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.status !== undefined) {
        const statuses = typeof filter.status === 'string' ? [filter.status] : filter.status;
        if (statuses.length === 0) return [];
        where.push('status IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(statuses));
      }
      if (filter.type !== undefined) {
        where.push('type = ?');
        params.push(filter.type);
      }
      if (filter.assignee !== undefined) {
        where.push('assignee = ?');
        params.push(filter.assignee);
      }
      if (filter.user !== undefined) {
        where.push('user = ?');
        params.push(filter.user);
      }
      if (filter.overdueAt !== undefined) {
        where.push("status IN ('open', 'claimed') AND due_at IS NOT NULL AND due_at < ?");
        params.push(filter.overdueAt);
      }
      if (filter.regions !== undefined) {
        if (filter.regions.length === 0) return [];
        where.push(`${REGION_EXPR} IN (SELECT value FROM json_each(?))`);
        params.push(JSON.stringify(filter.regions));
      }
      const limit = filter.limit === undefined ? -1 : Math.max(0, Math.floor(filter.limit));
      params.push(limit);
      // A district's queue (a few regions and a status): the region index reads only that district's cases of that
      // status. Without statistics SQLite would walk the status index over every district instead (70 ms at 100,000
      // cases); a wide scope or a person's own cases are left to the planner (the status or assignee index is better).
      // The page's rows are picked from the index alone, then only they are read.
      const byRegion = filter.regions !== undefined && filter.regions.length <= 3 && filter.status !== undefined && !filter.assignee && !filter.user;
      const order = 'ORDER BY created_at DESC, id DESC';
      const cond = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
      const text = byRegion
        ? `SELECT ${CASE_COLUMNS} FROM cases WHERE rowid IN (SELECT rowid FROM cases INDEXED BY cases_region_queue${cond} ${order} LIMIT ?) ${order}`
        : `SELECT ${CASE_COLUMNS} FROM cases${cond} ${order} LIMIT ?`;
      // One statement per combination of filters (at most 32), prepared once.
      let statement = this.#listStatements.get(text);
      if (!statement) {
        statement = this.#db.prepare(text);
        this.#listStatements.set(text, statement);
      }
      return (statement.all(...params) as CaseRow[]).map(rowToCase);
    });
  }

  async appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#durably(() => this.#appendAudit(entries));
  }

  async listAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    return this.#run(() => {
      const from = filter.from ?? Number.MIN_SAFE_INTEGER;
      const to = filter.to ?? Number.MAX_SAFE_INTEGER;
      const limit = filter.limit === undefined ? -1 : Math.max(0, Math.floor(filter.limit));
      const rows = filter.caseId === undefined ? this.#sql.auditByTime.all(from, to, limit) : this.#sql.auditOfCase.all(filter.caseId, from, to, limit);
      return rows.map(rowToAudit);
    });
  }

  // ---- raw access, for key rotation (src/store/sealed.ts)

  async *scanRaw(kind: RawKind, batch = 500): AsyncIterable<readonly RawEntry[]> {
    const size = Math.max(1, Math.floor(batch));
    let after = 0;
    const table = kind === 'session' ? 'sessions' : kind === 'profile' ? 'profiles' : 'cases';
    const columns = kind === 'session' ? 'chat, user, data' : kind === 'profile' ? 'user, data' : CASE_COLUMNS;
    const statement = this.#db.prepare(`SELECT rowid AS _rowid, ${columns} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
    for (;;) {
      const rows = this.#run(() => statement.all(after, size)) as ({ _rowid: number } & Record<string, unknown>)[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1]?._rowid ?? after;
      yield rows.map((row): RawEntry => {
        if (kind === 'case') {
          const { _rowid, ...caseRow } = row;
          const record = rowToCase(caseRow as unknown as CaseRow);
          return { kind, id: record.id, data: record as unknown as Json, version: `${caseRow.fields as string}\u0000${caseRow.history as string}` };
        }
        const text = row.data as string;
        return kind === 'session'
          ? { kind, chat: row.chat as string, user: row.user as string, data: JSON.parse(text) as Json, version: text }
          : { kind, user: row.user as string, data: JSON.parse(text) as Json, version: text };
      });
    }
  }

  async swapRaw(entry: RawEntry, data: Json): Promise<boolean> {
    return this.#run(() => {
      if (entry.kind === 'session') {
        return (
          this.#db
            .prepare('UPDATE sessions SET data = ? WHERE chat = ? AND user = ? AND data = ?')
            .run(JSON.stringify(data), entry.chat, entry.user, entry.version).changes === 1
        );
      }
      if (entry.kind === 'profile') {
        return this.#db.prepare('UPDATE profiles SET data = ? WHERE user = ? AND data = ?').run(JSON.stringify(data), entry.user, entry.version).changes === 1;
      }
      const record = data as unknown as CaseRecord;
      const [fields, history] = entry.version.split('\u0000');
      return (
        this.#db
          .prepare('UPDATE cases SET fields = ?, history = ? WHERE id = ? AND fields = ? AND history = ?')
          .run(JSON.stringify(record.fields), JSON.stringify(record.history), entry.id, fields, history).changes === 1
      );
    });
  }

  /** After a rotation: old pages rewritten (VACUUM) and the -wal file emptied, so no copy of old values is left. */
  async compact(): Promise<void> {
    this.#run(() => {
      this.#db.exec('VACUUM');
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  /** The bench's what-if only: what `secure_delete = FAST` costs a turn, against OFF. The service never calls it. */
  setSecureDelete(mode: 'FAST' | 'OFF'): void {
    this.#db.pragma(`secure_delete = ${mode}`);
  }

  async ping(): Promise<boolean> {
    try {
      return this.#sql.ping.get()?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.#checkpointer.stop();
    if (this.#db.open) {
      // A last checkpoint on the way out keeps the -wal file small between runs.
      try {
        this.#db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Another process may hold the file; the next open checkpoints it.
      }
      this.#db.close();
    }
  }
}

/** Opens (creating if needed) the SQLite store at `file`. The directory must exist. */
export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(file);
}
