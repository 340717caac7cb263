import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, openStore, SQLITE_FILE } from '../../src/store/index.ts';
import { ChatQueue } from '../../src/store/shared.ts';
import { describeStoreContract, locked, makeCase, storeErrorCode, T0 } from './contract.ts';
import { sealed } from './sealing.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'yinling-sqlite-'));
let n = 0;
const freshFile = (): string => join(dir, `store-${++n}.db`);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite', async () => openSqliteStore(freshFile()));
describeStoreContract('sqlite, personal data sealed', () => sealed(openSqliteStore(freshFile())));

describe('SQLite store', () => {
  it('uses the WAL journal', async () => {
    const file = freshFile();
    const store = openSqliteStore(file);
    await store.putSession('c', 'u', 1, 60_000);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(true);
    await store.close();
  });

  it('keeps sessions, profiles, counters and cases across a reopen', async () => {
    const file = freshFile();
    const first = openSqliteStore(file);
    await first.putSession('telegram:100', 'telegram:1', { step: 'x' }, 60_000);
    await first.putProfile('telegram:1', { region: '北京市' });
    const { id: _id, ...draft } = makeCase({ id: 'unused', fields: { name: '李四' } });
    const record = await first.openCase({ key: '20261121', idPrefix: 'C20261121-' }, draft);
    expect(record.id).toBe('C20261121-0001');
    await first.close();

    const second = openSqliteStore(file);
    expect((await second.getSession('telegram:100', 'telegram:1'))?.data).toEqual({ step: 'x' });
    expect(await second.getProfile('telegram:1')).toEqual({ region: '北京市' });
    expect(await second.getCase('C20261121-0001')).toEqual(record);
    expect(await second.listCases({ status: 'open' })).toEqual([record]);
    expect((await second.openCase({ key: '20261121', idPrefix: 'C20261121-' }, draft)).id).toBe('C20261121-0002');
    await second.close();
  });

  it('keeps a created case when the process is killed with SIGKILL right after', async () => {
    const file = freshFile();
    const script = join(dir, 'child-kill.mts');
    writeFileSync(
      script,
      `import { openSqliteStore } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'src/store/sqlite.ts')).href)};
const store = openSqliteStore(${JSON.stringify(file)});
await store.putSession('telegram:100', 'telegram:1', { step: 'confirm' }, 60_000);
const record = await store.openCase({ key: '20261121', idPrefix: 'C20261121-' }, {
  type: 'death', status: 'open', chat: 'telegram:100', user: 'telegram:1',
  createdAt: ${T0}, dueAt: null, assignee: null, fields: { name: '王五' }, history: [{ at: ${T0}, by: 'telegram:1', action: 'opened' }],
});
process.stdout.write('CREATED ' + record.id + '\\n');
setInterval(() => {}, 1000); // never closes the store: only SIGKILL ends it
`,
    );
    // Its own process group, so that SIGKILL reaches npx, tsx and node alike.
    const child = spawn('npx', ['tsx', script], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | number | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
    try {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const id = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const m = /CREATED (\S+)\n/.exec(out);
          if (m?.[1]) done(m[1]);
        });
        void exited.then(() => fail(new Error(`child exited before creating the case:\n${stderr}`)));
      });
      expect(id).toBe('C20261121-0001');
      process.kill(-(child.pid as number), 'SIGKILL');
      expect(await exited).toBe('SIGKILL');

      // Killed without closing: the commit lives in the -wal file, not yet checkpointed into the database.
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      const store = openSqliteStore(file);
      const record = await store.getCase(id);
      expect(record?.fields).toEqual({ name: '王五' });
      expect(record?.history).toEqual([{ at: T0, by: 'telegram:1', action: 'opened' }]);
      expect((await store.getSession('telegram:100', 'telegram:1'))?.data).toEqual({ step: 'confirm' });
      expect((await store.listCases({})).map((c) => c.id)).toEqual(['C20261121-0001']);
      await store.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-(child.pid as number), 'SIGKILL');
    }
  }, 10_000);

  it('purges expired sessions and seen keys', async () => {
    const file = freshFile();
    const first = openSqliteStore(file);
    await first.runTurn({ chat: 'c', user: 'u', profile: 'p', seen: 'k1' }, async () => ({ value: 1, writes: {} }), { seenTtlMs: 10 });
    await first.runTurn({ chat: 'c', user: 'u', profile: 'p', seen: 'k2' }, async () => ({ value: 2, writes: {} }), { seenTtlMs: 60_000 });
    await first.putSession('c', 'old', 1, 10);
    await first.close();
    await sleep(30);
    const second = openSqliteStore(file); // a fresh store purges on its first write
    await second.putSession('c', 'new', 2, 60_000);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT key FROM seen').pluck().all()).toEqual(['k2']);
    expect(db.prepare('SELECT user FROM sessions').pluck().all()).toEqual(['new']);
    db.close();
    await second.close();
  });

  it('openStore creates DATA_DIR and opens the embedded store there', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ DATA_DIR: dataDir });
    expect(store.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, SQLITE_FILE))).toBe(true);
    await store.close();
  });

  it('closing fails pending and later lock calls with unavailable', async () => {
    const store = openSqliteStore(freshFile());
    await store.close();
    expect(await storeErrorCode(locked(store, 'c', async () => 1))).toBe('unavailable');
  });
});

describe('ChatQueue (the in-process chat lock)', () => {
  it('forgets idle chats and waiters that gave up', async () => {
    const queue = new ChatQueue();
    const release1 = await queue.acquire('a', 1_000);
    const second = queue.acquire('a', 1_000);
    const gaveUp = queue.acquire('a', 10);
    await queue.acquire('b', 1_000).then((release) => release());
    expect(queue.size).toBe(1);
    expect(await storeErrorCode(gaveUp)).toBe('lock_timeout');
    release1();
    release1(); // releasing twice does not release the next holder
    const release2 = await second;
    expect(queue.size).toBe(1);
    release2();
    expect(queue.size).toBe(0);
  });

  it('waits without a deadline when waitMs is Infinity', async () => {
    const queue = new ChatQueue();
    const release = await queue.acquire('a', Infinity);
    const next = queue.acquire('a', Infinity);
    await sleep(20);
    release();
    (await next)();
    expect(queue.size).toBe(0);
  });

  it('stays small under many chats', async () => {
    const queue = new ChatQueue();
    await Promise.all(
      Array.from({ length: 1_000 }, async (_, i) => {
        const release = await queue.acquire(`chat:${i % 50}`, 5_000);
        await Promise.resolve();
        release();
      }),
    );
    expect(queue.size).toBe(0);
  });
});
