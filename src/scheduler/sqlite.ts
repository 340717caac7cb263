import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { count, emptyStats, type Ledger, type Occurrence, type Outcome, type Processor, type RunStats, type SchedulerBackend } from './types.ts';

/** Occurrences claimed at once, and handled side by side (the platform's pace is the pacer's business). */
const BATCH = 500;
const CONCURRENCY = 32;
/** A claim older than this belongs to an instance presumed dead: another may take the occurrence. */
const LEASE_MS = 60_000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jobs (
    key TEXT PRIMARY KEY, not_before INTEGER NOT NULL, payload TEXT NOT NULL,
    lease_owner TEXT, lease_until INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0);
  CREATE INDEX IF NOT EXISTS jobs_due ON jobs (not_before);
  CREATE TABLE IF NOT EXISTS sent (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
`;

/** Opens (creating, mode 0600) the scheduler's own SQLite file: it never shares a schema with the case store. */
export function openSchedulerDb(file: string): Database.Database {
  if (file !== ':memory:') {
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Several processes may share the file (tests, a second instance): they wait for each other's writes.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

function sqliteLedger(db: Database.Database): Ledger {
  const has = db.prepare<[string], { key: string }>('SELECT key FROM sent WHERE key = ?');
  const put = db.prepare('INSERT OR IGNORE INTO sent (key, at) VALUES (?, ?)');
  return {
    wasSent: async (key) => has.get(key) !== undefined,
    markSent: async (key, at) => void put.run(key, at),
  };
}

/**
 * The embedded back end: a `jobs` table, claimed with a lease (owner and expiry) in one statement so that processes
 * sharing the file never hold the same occurrence; a `sent` table is the exactly-once ledger. Woken by the service's
 * timer (or a tick): it has no thread of its own.
 */
export function openSqliteScheduler(db: Database.Database, owner: string = randomUUID()): SchedulerBackend {
  const ledger = sqliteLedger(db);
  const insert = db.prepare(
    'INSERT INTO jobs (key, not_before, payload) SELECT @key, @due, @payload WHERE NOT EXISTS (SELECT 1 FROM sent WHERE key = @key) ON CONFLICT (key) DO NOTHING',
  );
  const claim = db.prepare<[string, number, number, number], { key: string; payload: string }>(
    `UPDATE jobs SET lease_owner = ?, lease_until = ? WHERE key IN
       (SELECT key FROM jobs WHERE not_before <= ? AND lease_until < ? ORDER BY not_before LIMIT ${BATCH}) RETURNING key, payload`,
  );
  const done = db.prepare('DELETE FROM jobs WHERE key = ? AND lease_owner = ?');
  const later = db.prepare('UPDATE jobs SET not_before = ?, lease_owner = NULL, lease_until = 0, attempts = attempts + ? WHERE key = ? AND lease_owner = ?');
  const waiting = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM jobs');
  const scheduleAll = db.transaction((occs: readonly Occurrence[]) => {
    for (const o of occs) insert.run({ key: o.key, due: o.dueAt, payload: JSON.stringify(o) });
  });

  function settle(key: string, outcome: Outcome): void {
    if (typeof outcome === 'string') done.run(key, owner);
    else if ('deferUntil' in outcome) later.run(outcome.deferUntil, 0, key, owner);
    else later.run(outcome.retryAt, 1, key, owner);
  }

  async function runBatch(now: number, process: Processor, stats: RunStats): Promise<number> {
    const real = Date.now();
    const rows = claim.all(owner, real + LEASE_MS, now, real);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let row = rows[next++]; row; row = rows[next++]) {
        let outcome: Outcome;
        try {
          outcome = await process(JSON.parse(row.payload) as Occurrence);
        } catch (error) {
          outcome = { retryAt: now + LEASE_MS, error: String(error) };
        }
        settle(row.key, outcome);
        count(stats, outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
    return rows.length;
  }

  return {
    kind: 'sqlite',
    ledger,
    async schedule(occs) {
      scheduleAll(occs);
    },
    async runDue(now, process) {
      const stats = emptyStats();
      // Until nothing due is left: deferred and retried ones moved their not_before past `now`.
      while ((await runBatch(now.getTime(), process, stats)) > 0);
      return stats;
    },
    async pending() {
      return waiting.get()?.n ?? 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
