/**
 * The embedded store's files: created 0600 (database, WAL, SHM, key), SQLite with secure_delete, the audit table
 * append-only, the default key file, and one writer per data directory (a second opener refused, in this process and
 * from another; the lock goes with its holder, however it ends).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_FILE, loadKeys } from '../../src/privacy/keys.ts';
import { DataDirLockedError, LOCK_FILE, openSqliteStore, openStore, PID_FILE, SQLITE_FILE } from '../../src/store/index.ts';
import { makeCase } from './contract.ts';
import { keyText, newKey } from './sealing.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'yinling-files-'));
let n = 0;
const freshDir = () => join(dir, `data-${++n}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mode = (file: string) => statSync(file).mode & 0o777;

describe('embedded store files', () => {
  it('creates the data directory 0700, and the database, its WAL and SHM, and the key file 0600', async () => {
    const dataDir = freshDir();
    const store = await openStore({ DATA_DIR: dataDir });
    await store.createCase(makeCase({ id: 'C1', fields: { deceasedName: '张建国' } }));
    const db = join(dataDir, SQLITE_FILE);
    expect(mode(dataDir)).toBe(0o700);
    for (const f of [db, `${db}-wal`, `${db}-shm`, join(dataDir, KEY_FILE), join(dataDir, LOCK_FILE), join(dataDir, PID_FILE)]) {
      expect([f, mode(f).toString(8)]).toEqual([f, '600']);
    }
    await store.close();
  });

  it('makes an existing database readable by others 0600 when it opens it', async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir);
    const file = join(dataDir, SQLITE_FILE);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x)');
    old.close();
    chmodSync(file, 0o644);
    const store = openSqliteStore(file);
    expect(mode(file)).toBe(0o600);
    await store.close();
  });

  it('runs SQLite with secure_delete on, and refuses to change or delete an audit entry', async () => {
    const file = join(freshDir(), SQLITE_FILE);
    mkdirSync(join(file, '..'));
    const store = openSqliteStore(file);
    await store.createCase(makeCase({ id: 'C1' }));
    // Deleted content is zeroed, not left in a free page (the raw store: nothing sealed, so the marker is visible).
    await store.putSession('c', 'u', { marker: 'DELETED-MARKER-4711'.repeat(20) }, 60_000);
    await store.deleteSession('c', 'u');
    await store.close();
    expect(readFileSync(file).includes('DELETED-MARKER-4711')).toBe(false);
    const db = new Database(file);
    expect(db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 1 });
    expect(() => db.prepare("UPDATE audit SET entry = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    db.close();
  });

  it('creates the default key once, 0600, and reads it back on the next start; DATA_KEY wins but the file stays readable', async () => {
    const dataDir = freshDir();
    const first = loadKeys({ DATA_DIR: dataDir });
    expect(first).toMatchObject({ source: 'file', created: true, file: join(dataDir, KEY_FILE) });
    expect(mode(join(dataDir, KEY_FILE))).toBe(0o600);
    const second = loadKeys({ DATA_DIR: dataDir });
    expect(second.created).toBe(false);
    expect(second.keyring.current.id).toBe(first.keyring.current.id);
    const withEnv = loadKeys({ DATA_DIR: dataDir, DATA_KEY: keyText(newKey('k2026')) });
    expect(withEnv.keyring.current.id).toBe('k2026');
    expect(withEnv.keyring.has(first.keyring.current.id)).toBe(true);
    // A key file others can read is taken back to 0600.
    chmodSync(join(dataDir, KEY_FILE), 0o644);
    loadKeys({ DATA_DIR: dataDir });
    expect(mode(join(dataDir, KEY_FILE))).toBe(0o600);
  });

  it('refuses a key that is not 32 bytes of base64, without echoing it', () => {
    const dataDir = freshDir();
    expect(() => loadKeys({ DATA_DIR: dataDir, DATA_KEY: 'c2hvcnQ=' })).toThrow(/DATA_KEY: must be base64 of 32 bytes, got 5/);
    expect(() => loadKeys({ DATA_DIR: dataDir, DATA_KEY: keyText(newKey()), DATA_KEYS: 'old:@@@' })).toThrow(/DATA_KEYS: key 1/);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, KEY_FILE), 'not a key\n', { mode: 0o600 });
    expect(() => loadKeys({ DATA_DIR: dataDir })).toThrow(/data\.key: must be base64/);
  });
});

describe('one writer per data directory', () => {
  it('refuses a second opener in this process, naming the holder, and lets one in once the first has closed', async () => {
    const dataDir = freshDir();
    const first = await openStore({ DATA_DIR: dataDir });
    const refused = await openStore({ DATA_DIR: dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).pid).toBe(process.pid);
    expect(String((refused as Error).message)).toMatch(/in use by another bot process \(pid \d+\).*REDIS_URL/);
    await first.close();
    const second = await openStore({ DATA_DIR: dataDir });
    await second.close();
  });

  it('is released by the kernel when the holder is killed (no stale lock), and refused while it lives', async () => {
    const dataDir = freshDir();
    const script = join(dir, `holder-${n}.mts`);
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/store/index.ts')).href)};
await openStore({ DATA_DIR: ${JSON.stringify(dataDir)} });
process.stdout.write('HELD\\n');
setInterval(() => {}, 1000);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    try {
      await new Promise<void>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('HELD')) done();
        });
        void exited.then(() => fail(new Error('holder exited')));
      });
      const refused = await openStore({ DATA_DIR: dataDir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect((refused as DataDirLockedError).pid).toBe(child.pid);
      expect(readFileSync(join(dataDir, PID_FILE), 'utf8').trim()).toBe(String(child.pid));
      child.kill('SIGKILL');
      await exited;
      // The pid file still names the dead holder: the lock itself went with it.
      const after = await openStore({ DATA_DIR: dataDir });
      expect(readFileSync(join(dataDir, PID_FILE), 'utf8').trim()).toBe(String(process.pid));
      await after.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 20_000);
});
