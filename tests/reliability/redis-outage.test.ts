/**
 * Redis unreachable: while redis-server is down the bot says "系统繁忙" (it never throws), /readyz answers 503, and a
 * message that got "系统繁忙" is not marked as seen (its redelivery is processed later). When Redis is back, the same
 * engine and the same service work again by themselves — nobody restarts them.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Outgoing } from '../../src/chat/index.ts';
import type { Engine } from '../../src/dialog/index.ts';
import { startService } from '../../src/service.ts';
import { openRedisStore } from '../../src/store/index.ts';
import { startRedis } from '../support/redis-server.ts';
import { Cleanup, engineOn, eventually, msg, TEST_DATA_KEY, tempDir, textOf } from './support.ts';

const cleanup = new Cleanup();
// A service whose Redis came back closes its scheduler's connections too: give the shutdown room.
afterEach(() => cleanup.run(), 30_000);
const redis = await startRedis();
afterAll(async () => {
  await redis?.stop();
});

const BUSY = '系统繁忙';

/** engine.handle, with a thrown error turned into a failure the test reports (it must never happen). */
async function handleSafely(engine: Engine, ...args: Parameters<Engine['handle']>): Promise<Outgoing> {
  try {
    return await engine.handle(...args);
  } catch (error) {
    throw new Error(`engine.handle threw instead of answering: ${String(error)}`);
  }
}

const readyz = async (base: string): Promise<{ status: number; body: unknown }> => {
  try {
    const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(3000) });
    return { status: res.status, body: await res.json() };
  } catch (error) {
    return { status: -1, body: String(error) };
  }
};

/** The local web chat of the service: one browser session (cookie). */
function webChat(base: string) {
  let cookie: string | null = null;
  return async (text: string): Promise<{ status: number; out: Outgoing }> => {
    const res = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(5000),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? null;
    return { status: res.status, out: (await res.json()) as Outgoing };
  };
}

describe.skipIf(redis === null)('Redis goes away and comes back', () => {
  it('engine: "系统繁忙" meanwhile, no exception; serves again by itself; a busy message is not lost to dedupe', async () => {
    const store = await openRedisStore(redis!.url, { prefix: `out:${randomUUID().slice(0, 8)}:` });
    cleanup.add(() => store.close());
    const engine = engineOn(store);
    const who = { chat: 'outage-1', user: 'outage-1' };
    expect(textOf(await handleSafely(engine, msg({ ...who, text: '大病慰问' })))).toContain('哪个区');

    await redis!.restart(async () => {
      const during = await handleSafely(engine, msg({ ...who, text: '西湖区' }));
      expect(textOf(during)).toContain(BUSY);
      expect(during.cases).toEqual([]);
      const redelivered = await handleSafely(engine, msg({ ...who, text: '转人工', messageId: 'outage-m1' }));
      expect(textOf(redelivered)).toContain(BUSY);
      // In a group, unaddressed: quiet, but still no exception.
      const group = await handleSafely(engine, msg({ chat: 'outage-g', user: 'outage-2', group: true, text: '西湖区大病慰问多少钱' }));
      expect(group).toMatchObject({ replies: [], cases: [] });
      expect(await store.ping()).toBe(false);
      // A longer outage: the client has given up several reconnection attempts by now, and still answers politely.
      await sleep(1500);
      expect(textOf(await handleSafely(engine, msg({ ...who, text: '西湖区' })))).toContain(BUSY);
    });

    // Back by itself: the dialog asked before the outage goes on.
    const back = await eventually(
      () => handleSafely(engine, msg({ ...who, text: '西湖区' })),
      (out) => !textOf(out).includes(BUSY),
      8_000,
    );
    expect(back.intent).toBe('serious_illness_consolation');
    expect(textOf(back)).toContain('最高不超过2500元');
    // The platform redelivers the update that got "系统繁忙": it is processed now, once.
    const retried = await handleSafely(engine, msg({ ...who, text: '转人工', messageId: 'outage-m1' }));
    expect(retried.cases).toHaveLength(1);
    expect(await handleSafely(engine, msg({ ...who, text: '转人工', messageId: 'outage-m1' }))).toMatchObject({ replies: [], cases: [] });
    expect(await store.listCases({})).toHaveLength(1);
  }, 20_000);

  it('service: /readyz 503 and the web chat says "系统繁忙" meanwhile; /readyz 200 and normal answers after', async () => {
    const service = await startService(
      { REDIS_URL: redis!.url, DATA_KEY: TEST_DATA_KEY, DATA_DIR: tempDir(cleanup) },
      { port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), drainTimeoutMs: 2_000 },
    );
    cleanup.add(() => service.close());
    const chat = webChat(service.url);
    expect((await readyz(service.url)).status).toBe(200);
    expect(textOf((await chat('大病慰问')).out)).toContain('哪个区');

    await redis!.restart(async () => {
      const ready = await readyz(service.url);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not_ready', store: { ok: false }, notReady: ['store'] });
      const during = await chat('西湖区');
      expect(during.status).toBe(200);
      expect(textOf(during.out)).toContain(BUSY);
      // The process is alive all along.
      expect((await fetch(`${service.url}/healthz`, { signal: AbortSignal.timeout(3000) })).status).toBe(200);
    });

    await eventually(
      () => readyz(service.url),
      (r) => r.status === 200,
      8_000,
    );
    const back = await eventually(
      () => chat('西湖区'),
      (r) => !textOf(r.out).includes(BUSY),
      8_000,
    );
    expect(textOf(back.out)).toContain('最高不超过2500元');
  }, 20_000);
});
