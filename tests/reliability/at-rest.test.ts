/**
 * Personal data at rest, on real bot processes (`chat --jsonl`, `npm start`, `npm run rotate-keys`):
 * - after a completed and a cancelled death report (and staff notes with a phone), no full ID number, phone or name
 *   is in any byte of any file under DATA_DIR — after a SIGKILL (the WAL full of frames) and after a clean exit —
 *   nor in Redis's AOF or RDB; the files are 0600;
 * - a staff member's full view is in the audit (`/audit`);
 * - `npm run rotate-keys` re-seals everything under the new key: the old data stays readable, no value under the old
 *   key is left in the file, and the old key can go;
 * - a second process on the same DATA_DIR exits 3 with a clear message; Redis without DATA_KEY exits 2 naming it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';
import { startRedis } from '../support/redis-server.ts';
import { ChatProcess, Cleanup, ROOT, TEST_DATA_KEY, tempDir, textOf } from './support.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const redis = await startRedis();
afterAll(async () => {
  await redis?.stop();
});

const ID = '330182195203151239';
const PHONE = '13912345678';
const ID_2 = '11010519491231002X';
const PHONE_2 = '13812345678';
/** What must never be at rest in the clear: the numbers, and the names and community too. */
const SECRETS = [ID, PHONE, ID_2, PHONE_2, '李秀英', '张建国', '大关西苑'];

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Each secret found in the bytes of each file: `file: secret`. */
function plaintextIn(dir: string): string[] {
  return filesUnder(dir).flatMap((file) => {
    const bytes = readFileSync(file);
    return SECRETS.filter((s) => bytes.includes(Buffer.from(s, 'utf8'))).map((s) => `${file}: ${s}`);
  });
}

/** A completed death report, a cancelled one, and staff at work on the first (a note with a phone, a full view). */
async function reports(bot: ChatProcess): Promise<string> {
  const son = { chat: 'rest-1', user: 'rest-1' };
  for (const text of ['我母亲11月18日去世了', '李秀英', ID, PHONE, '拱墅区']) await bot.send({ ...son, text });
  expect(textOf(await bot.send({ ...son, text: '大关西苑社区' }))).toContain('请核对');
  const filed = await bot.send({ ...son, button: 'y' });
  const id = filed.cases[0]?.id;
  expect(id).toMatch(/^C\d{8}-\d{4}$/);

  const daughter = { chat: 'rest-2', user: 'rest-2' };
  for (const text of ['我父亲昨天去世了', '张建国', ID_2, PHONE_2]) await bot.send({ ...daughter, text });
  const cancelled = await bot.send({ ...daughter, button: 'x' });
  expect(cancelled.cases).toEqual([]);

  const staff = { chat: 'rest-staff', user: 'rest-staff', staff: true } as const;
  await bot.send({ ...staff, text: `/note ${id} 已联系家属 ${PHONE}` });
  expect(textOf(await bot.send({ ...staff, text: `/case ${id}` }))).toContain(ID);
  // The full view is in the audit trail, with the fields' names only.
  const audit = textOf(await bot.send({ ...staff, text: `/audit ${id}` }));
  expect(audit).toContain('jsonl:rest-staff 查看完整信息（姓名、身份证号、报告人电话、社区、备注内容）');
  expect(audit).not.toContain(ID);
  return id as string;
}

describe('personal data at rest: the embedded store', () => {
  it('no full ID number, phone or name in any file under DATA_DIR, after a SIGKILL and after a clean exit; files 0600', async () => {
    const env = { DATA_DIR: tempDir(cleanup) };
    let bot = ChatProcess.start(cleanup, env);
    const id = await reports(bot);
    await bot.kill('SIGKILL');
    // Killed: the commits are in the -wal file, not yet checkpointed.
    expect(statSync(join(env.DATA_DIR, 'yinling.db-wal')).size).toBeGreaterThan(0);
    expect(plaintextIn(env.DATA_DIR)).toEqual([]);

    bot = ChatProcess.start(cleanup, env);
    expect(textOf(await bot.send({ chat: 'rest-1', user: 'rest-1', text: '我的登记办得怎么样了' }))).toContain(id);
    expect(textOf(await bot.send({ chat: 'rest-staff', user: 'rest-staff', staff: true, text: `/case ${id}` }))).toContain(PHONE);
    expect(await bot.end()).toBe(0);
    expect(plaintextIn(env.DATA_DIR)).toEqual([]);
    for (const file of filesUnder(env.DATA_DIR)) expect([file, (statSync(file).mode & 0o777).toString(8)]).toEqual([file, '600']);
  }, 60_000);

  it('npm run rotate-keys re-seals everything under the new key; old data stays readable; the old key can then go', async () => {
    const dataDir = tempDir(cleanup);
    const oldKey = 'k2025:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
    const newKey = 'k2026:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=';
    let bot = ChatProcess.start(cleanup, { DATA_DIR: dataDir, DATA_KEY: oldKey });
    const id = await reports(bot);

    // While a bot holds the directory, rotation refuses (exit 3).
    const busy = await run('src/cli/rotate-keys.ts', { DATA_DIR: dataDir, DATA_KEY: newKey, DATA_KEYS: oldKey });
    expect(busy.code).toBe(3);
    expect(busy.stderr).toMatch(/in use by another bot process/);
    expect(await bot.end()).toBe(0);

    // The new key alone cannot read the old data: start-up refuses, naming DATA_KEYS.
    const refused = await run('src/cli/chat.ts', { DATA_DIR: dataDir, DATA_KEY: newKey }, ['--jsonl']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/k2025.*DATA_KEYS/);

    const rotated = await run('src/cli/rotate-keys.ts', { DATA_DIR: dataDir, DATA_KEY: newKey, DATA_KEYS: oldKey });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/re-sealed under key k2026/);
    expect(rotated.stdout).toContain('the old key can be removed from DATA_KEYS');
    const bytes = filesUnder(dataDir).map((f) => readFileSync(f));
    expect(bytes.some((b) => b.includes('yl1.k2025.'))).toBe(false);
    expect(bytes.some((b) => b.includes('yl1.k2026.'))).toBe(true);
    expect(plaintextIn(dataDir)).toEqual([]);

    bot = ChatProcess.start(cleanup, { DATA_DIR: dataDir, DATA_KEY: newKey });
    const view = textOf(await bot.send({ chat: 'rest-staff', user: 'rest-staff', staff: true, text: `/case ${id}` }));
    expect(view).toContain(ID);
    expect(view).toContain(`已联系家属 ${PHONE}`);
    expect(textOf(await bot.send({ chat: 'rest-staff', user: 'rest-staff', staff: true, text: `/audit ${id}` }))).toContain('查看完整信息');
    expect(await bot.end()).toBe(0);
  }, 90_000);

  it('a second npm start on the same DATA_DIR exits 3 with a clear message; the first keeps serving', async () => {
    const dataDir = tempDir(cleanup);
    const port = await freePort();
    const first = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanup.add(() => {
      if (first.exitCode === null) first.kill('SIGKILL');
    });
    let firstErr = '';
    first.stderr.on('data', (c: Buffer) => (firstErr += c.toString()));
    const deadline = Date.now() + 15_000;
    while (
      !(await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || first.exitCode !== null) throw new Error(`first did not become ready:\n${firstErr}`);
      await sleep(50);
    }
    // The key line: once, where the key is, never the key.
    const keyLines = firstErr.split('\n').filter((l) => l.includes('data.key'));
    expect(keyLines).toHaveLength(1);
    expect(keyLines[0]).toContain('new key created at');
    expect(keyLines[0]).not.toContain(readFileSync(join(dataDir, 'data.key'), 'utf8').trim());

    const second = await run('src/main.ts', { PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`is in use by another bot process (pid ${first.pid})`);
    expect(second.stderr).toContain('REDIS_URL');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    first.kill('SIGTERM');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(first.exitCode).toBe(0);
  }, 40_000);
});

describe.skipIf(redis === null)('personal data at rest: Redis', () => {
  it('no full ID number, phone or name in the AOF or the RDB', async () => {
    const bot = ChatProcess.start(cleanup, { REDIS_URL: redis!.url });
    await reports(bot);
    expect(await bot.end()).toBe(0);
    const admin = new Redis(redis!.url);
    cleanup.add(() => admin.quit());
    await admin.save();
    const files = filesUnder(redis!.dir);
    expect(files.some((f) => f.includes('appendonly'))).toBe(true);
    expect(files.some((f) => f.endsWith('.rdb'))).toBe(true);
    expect(plaintextIn(redis!.dir)).toEqual([]);
  }, 40_000);

  it('npm start with REDIS_URL and no DATA_KEY exits 2, naming DATA_KEY', async () => {
    const started = await run('src/main.ts', { PORT: String(await freePort()), REDIS_URL: redis!.url, DATA_DIR: tempDir(cleanup) });
    expect(started.code).toBe(2);
    expect(started.stderr).toMatch(/DATA_KEY: is required with REDIS_URL/);
    // And with it, the bots start (TEST_DATA_KEY is what the other tests' bots use).
    expect(TEST_DATA_KEY).toMatch(/^test:/);
  }, 20_000);
});

/** Runs a script to its end with only this environment; its exit code and output. */
function run(script: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.add(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
