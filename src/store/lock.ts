/**
 * One writer per data directory. The embedded store is single-process by design (its per-chat order is kept in
 * memory), so a second bot on the same DATA_DIR must not start: two processes confirming at once would duplicate
 * cases.
 *
 * The lock is an operating-system file lock, held by SQLite on `$DATA_DIR/yinling.lock` (a tiny database opened in
 * EXCLUSIVE locking mode and written once): the kernel releases it when the holder exits, however it exits (SIGKILL,
 * OOM, power loss), so there is never a stale lock to clear by hand and a reused pid cannot block a start. The
 * holder's pid is written beside it, in `yinling.pid`, for the message the second process gives.
 */
import { chmodSync, closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'yinling.lock';
export const PID_FILE = 'yinling.pid';

/** Another process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number | null,
  ) {
    super(
      `DATA_DIR ${dir} is in use by another bot process${pid ? ` (pid ${pid})` : ''}: only one process may write an embedded store. ` +
        'Stop that process first, or set REDIS_URL to run several instances.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DirLock {
  readonly dir: string;
  /** Gives the directory up (idempotent). */
  release(): void;
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the data directory for this process; DataDirLockedError when another process has it. The directory must exist. */
export function lockDataDir(dir: string): DirLock {
  const file = join(dir, LOCK_FILE);
  const pidFile = join(dir, PID_FILE);
  closeSync(openSync(file, 'a', 0o600));
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the EXCLUSIVE lock, and in this mode the connection keeps it until it closes.
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL, since INTEGER NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(process.pid, Date.now());
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED') {
      throw new DataDirLockedError(resolve(dir), readPid(pidFile));
    }
    throw error;
  }
  writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  let released = false;
  return {
    dir,
    release() {
      if (released) return;
      released = true;
      if (readPid(pidFile) === process.pid && existsSync(pidFile)) rmSync(pidFile, { force: true });
      db.close();
    },
  };
}
