import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openCare } from '../../src/care/index.ts';
import type { Occurrence } from '../../src/scheduler/index.ts';
import { startRedis } from '../support/redis-server.ts';
import { tr } from './support.ts';

const server = await startRedis();
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await server?.stop();
});

const TOTAL = 60;
const KILL_AFTER = 10;

/** A Lark-like platform: a message per uuid (a repeat within the hour is accepted but not shown again), 30 ms per call. */
function fakePlatform(onRequest: (from: string, received: number) => void) {
  const raw: { uuid: string; from: string; answered: boolean }[] = [];
  const shown = new Map<string, number>();
  const http: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { uuid } = JSON.parse(body) as { uuid: string };
      const from = String(req.headers['x-instance']);
      const entry = { uuid, from, answered: false };
      raw.push(entry);
      if (!shown.has(uuid)) shown.set(uuid, raw.length);
      onRequest(from, raw.filter((r) => r.from === from).length);
      setTimeout(() => {
        entry.answered = true;
        res.writeHead(200).end('{"code":0}');
      }, 30);
    });
  });
  return { http, raw, shown };
}

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

describe.skipIf(server === null)('two instances on one Redis, one killed (SIGKILL) mid-send', () => {
  it('every reminder is delivered exactly once (Lark-like uuid); only what the dead instance held is asked again', async () => {
    const prefix = 'kill';
    let a: ChildProcess | null = null;
    let inFlightAtKill = 0;
    const platform = fakePlatform((from, received) => {
      // Mid-send: the instance's 10th request has reached the platform and waits for its answer.
      if (from === 'A' && received === KILL_AFTER) {
        a?.kill('SIGKILL');
        inFlightAtKill = platform.raw.filter((r) => r.from === 'A' && !r.answered).length;
      }
    });
    await new Promise<void>((resolve) => platform.http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(platform.http.address() as AddressInfo).port}/send`;
    const setup = openCare({
      config: { DATA_DIR: '/nonexistent', REDIS_URL: server?.url as string },
      tr,
      now: () => new Date(),
      quiet: null,
      festivalDaysBefore: 7,
      prefix,
      send: async () => undefined,
    });
    const occs: Occurrence[] = Array.from({ length: TOTAL }, (_, i) => ({
      key: `rem|lark:u${i}|cert|2027-03-01`,
      platform: 'lark',
      chat: `ou_${i}`,
      group: false,
      dueAt: Date.now() - 60_000,
      text: '【认证提醒】',
      buttons: [],
    }));
    await setup.scheduler.backend.schedule(occs);
    await setup.scheduler.backend.schedule(occs.slice(0, 5));
    const env = { ...process.env, REDIS_URL: server?.url, PREFIX: prefix, PLATFORM_URL: url };
    const start = (name: string) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/scheduler/child-instance.ts'], { env: { ...env, INSTANCE: name }, stdio: 'ignore' });
      children.push(child);
      return child;
    };
    a = start('A');
    const aExited = new Promise((resolve) => a?.once('exit', (_code, signal) => resolve(signal)));
    // B joins once A is sending (on a busy machine B alone could otherwise finish before A has started).
    await until(() => platform.raw.some((r) => r.from === 'A'), 20_000);
    start('B');
    expect(await aExited).toBe('SIGKILL');
    await until(() => platform.shown.size === TOTAL && Date.now() > 0, 30_000);
    // Whatever A held when it died comes back to B after its lock (2 s) lapses; give stragglers time to show up.
    await new Promise((r) => setTimeout(r, 3000));
    const perKey = new Map<string, number>();
    for (const r of platform.raw) perKey.set(r.uuid, (perKey.get(r.uuid) ?? 0) + 1);
    const fromA = platform.raw.filter((r) => r.from === 'A').length;
    const repeats = platform.raw.length - perKey.size;
    console.info(
      `kill test: ${TOTAL} reminders, ${platform.raw.length} requests (A ${fromA} before SIGKILL, B ${platform.raw.length - fromA}), ${inFlightAtKill} of A's in flight at the kill, ${repeats} asked again, ${platform.shown.size} shown once each`,
    );
    // No loss: each reminder reached the platform; no duplicate shown: each uuid once.
    expect(platform.shown.size).toBe(TOTAL);
    expect([...perKey.keys()].sort()).toEqual(occs.map((o) => o.key).sort());
    // Only what A had sent but not yet recorded when it died (in flight, or answered a moment before the kill) is
    // asked again, by B, once; B never repeats its own sends, and nothing is asked three times.
    const byA = new Set(platform.raw.filter((r) => r.from === 'A').map((r) => r.uuid));
    const fromB = platform.raw.filter((r) => r.from === 'B').map((r) => r.uuid);
    expect(new Set(fromB).size).toBe(fromB.length);
    expect(byA.size).toBe(fromA);
    for (const [uuid, n] of perKey) if (n > 1) expect([uuid, n, byA.has(uuid)]).toEqual([uuid, 2, true]);
    expect(inFlightAtKill).toBeGreaterThanOrEqual(1);
    expect(repeats).toBeLessThan(KILL_AFTER);
    expect(fromA).toBeGreaterThanOrEqual(KILL_AFTER);
    await setup.close();
    platform.http.close();
  }, 60_000);
});
