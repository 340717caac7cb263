import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { openRedisStore, openStore, type RedisStore } from '../../src/store/index.ts';
import { startRedis } from '../support/redis-server.ts';
import { describeStoreContract, locked, makeCase, storeErrorCode, T0 } from './contract.ts';
import { keyText, newKey, sealed } from './sealing.ts';

/** One real redis-server for this file (AOF, appendfsync always); every store gets its own key prefix. */
const server = await startRedis();

afterAll(async () => {
  await server?.stop();
});

const prefix = (): string => `t:${randomUUID().slice(0, 8)}:`;
const open = (options: Parameters<typeof openRedisStore>[1] = {}): Promise<RedisStore> =>
  openRedisStore(server?.url ?? 'redis://127.0.0.1:1', { prefix: prefix(), ...options });

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(25);
  }
}

describeStoreContract('redis', () => open(), { skip: server === null });
describeStoreContract('redis, personal data sealed', async () => sealed(await open()), { skip: server === null });

describe.skipIf(server === null)('Redis store', () => {
  it('two instances (two connections, like two bot processes) exclude each other on one chat', async () => {
    const p = prefix();
    const a = await openRedisStore(server!.url, { prefix: p });
    const b = await openRedisStore(server!.url, { prefix: p });
    let active = 0;
    let maxActive = 0;
    let done = 0;
    const task = async (): Promise<void> => {
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(3);
      active--;
      done++;
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => locked(i % 2 === 0 ? a : b, 'telegram:100', task, { waitMs: 8_000 })));
    expect(done).toBe(40);
    expect(maxActive).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('serves waiting processes in order of arrival, not whoever polls first', async () => {
    const p = prefix();
    const a = await openRedisStore(server!.url, { prefix: p });
    const b = await openRedisStore(server!.url, { prefix: p });
    const order: string[] = [];
    const a1 = locked(a, 'c', async () => {
      order.push('a1');
      await sleep(150);
    });
    await sleep(30);
    const b1 = locked(b, 'c', async () => {
      order.push('b1');
    });
    await sleep(30);
    const a2 = locked(a, 'c', async () => {
      order.push('a2');
    });
    await Promise.all([a1, b1, a2]);
    // Without the queue, a2 (in the process that just released) would usually win the race against b1's polling.
    expect(order).toEqual(['a1', 'b1', 'a2']);
    await Promise.all([a.close(), b.close()]);
  });

  it('does a turn in two round trips: lock + dedupe check + reads, then writes + seen mark + release', async () => {
    const store = await open();
    await store.runTurn({ chat: 'c', user: 'u', profile: 'p' }, async () => ({ value: 0, writes: {} })); // scripts loaded
    const client = new Redis(server!.url);
    const monitor = await client.monitor();
    const commands: string[] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (source !== 'lua' && args.some((a) => a.startsWith(store.prefix))) commands.push(String(args[0]).toLowerCase());
    });
    await sleep(50);
    const outcome = await store.runTurn({ chat: 'c', user: 'u', profile: 'p', seen: 'm1' }, async (read) => ({
      value: read,
      writes: { session: { chat: 'c', data: { n: 1 }, ttlMs: 60_000 }, profile: { region: '西湖区' } },
    }));
    await sleep(100);
    expect(outcome).toEqual({ duplicate: false, value: { session: null, profile: null } });
    expect(commands).toEqual(['evalsha', 'evalsha']);
    monitor.disconnect();
    client.disconnect();
    await store.close();
  });

  it('opens a case in one round trip, numbering past 9999 with more digits', async () => {
    const store = await open();
    const { id: _id, ...draft } = makeCase({ id: 'unused' });
    const raw = new Redis(server!.url);
    await raw.set(`${store.prefix}casenum:d`, '9998');
    const monitor = await raw.duplicate().monitor();
    const commands: string[] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (source !== 'lua' && args.some((a) => a.startsWith(store.prefix))) commands.push(String(args[0]).toLowerCase());
    });
    await sleep(50);
    expect((await store.openCase({ key: 'd', idPrefix: 'C-' }, draft)).id).toBe('C-9999');
    await sleep(100);
    expect(commands).toEqual(['evalsha']);
    monitor.disconnect();
    expect((await store.openCase({ key: 'd', idPrefix: 'C-' }, draft)).id).toBe('C-10000');
    await raw.quit();
    await store.close();
  });

  it('takes over the lock of a holder that died, after its TTL', async () => {
    const store = await open();
    const raw = new Redis(server!.url);
    await raw.set(`${store.prefix}lock:c`, 'dead-process-token', 'PX', 200);
    const started = Date.now();
    expect(await locked(store, 'c', async () => 'mine', { waitMs: 3_000 })).toBe('mine');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    await raw.quit();
    await store.close();
  });

  it('keeps extending the lock while a slow holder is still working', async () => {
    const p = prefix();
    const a = await openRedisStore(server!.url, { prefix: p });
    const b = await openRedisStore(server!.url, { prefix: p });
    let holderDone = false;
    const slow = locked(
      a,
      'c',
      async () => {
        await sleep(500);
        holderDone = true;
      },
      { ttlMs: 120 },
    );
    await sleep(20);
    expect(await storeErrorCode(locked(b, 'c', async () => 'too early', { waitMs: 300 }))).toBe('lock_timeout');
    expect(await locked(b, 'c', async () => holderDone, { waitMs: 2_000 })).toBe(true);
    await slow;
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps a created case across a Redis restart (AOF)', async () => {
    const store = await open();
    const record = makeCase({ id: 'C20261121-0042', dueAt: T0 + 1000, fields: { name: '赵六' } });
    await store.createCase(record);
    const { id: _id, ...draft } = makeCase({ id: 'unused' });
    const opened = await store.openCase({ key: '20261121', idPrefix: 'C20261121-' }, draft);
    expect(opened.id).toBe('C20261121-0001');
    await server!.restart();
    await until(() => store.ping(), 5_000);
    expect(await store.getCase(record.id)).toEqual(record);
    expect(await store.getCase(opened.id)).toEqual(opened);
    expect(await store.listCases({ overdueAt: T0 + 2000 })).toEqual([record]);
    expect((await store.openCase({ key: '20261121', idPrefix: 'C20261121-' }, draft)).id).toBe('C20261121-0002');
    await store.close();
  });

  it('keeps a created case when Redis crashes (SIGKILL) right after confirming it', async () => {
    const store = await open();
    const record = makeCase({ id: 'C20261121-0043', fields: { name: '钱七' } });
    await store.createCase(record);
    const claimed = await store.updateCase(
      'C20261121-0043',
      { status: 'claimed', assignee: 'lark:staff', event: { at: T0 + 1, by: 'lark:staff', action: 'claimed' } },
      'open',
    );
    await server!.restart(undefined, { signal: 'SIGKILL' });
    await until(() => store.ping(), 5_000);
    expect(await store.getCase(record.id)).toEqual(claimed);
    expect(await store.listCases({ assignee: 'lark:staff' })).toEqual([claimed]);
    await store.close();
  });

  it('fails fast with unavailable while Redis is down, and recovers by itself', async () => {
    const errors: Error[] = [];
    const store = await open({ onError: (e) => errors.push(e) });
    await store.putSession('c', 'u', 'kept', 60_000);
    await server!.restart(async () => {
      const started = Date.now();
      expect(await storeErrorCode(store.getSession('c', 'u'))).toBe('unavailable');
      expect(await storeErrorCode(store.putSession('c', 'u', 'x', 1_000))).toBe('unavailable');
      expect(await storeErrorCode(store.createCase(makeCase({ id: 'C-down' })))).toBe('unavailable');
      expect(await storeErrorCode(store.listCases({ status: 'open' }))).toBe('unavailable');
      expect(await storeErrorCode(locked(store, 'c', async () => 'never'))).toBe('unavailable');
      expect(await store.ping()).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
      await sleep(300); // let the client try (and fail) to reconnect: its errors must not crash anything
    });
    await until(() => store.ping(), 5_000);
    expect((await store.getSession('c', 'u'))?.data).toBe('kept');
    expect(await locked(store, 'c', async () => 'works again')).toBe('works again');
    expect(errors.length).toBeGreaterThan(0);
    await store.close();
  });

  it('keeps deployments with different prefixes apart', async () => {
    const a = await open();
    const b = await open();
    await a.putSession('c', 'u', 'a', 60_000);
    await a.createCase(makeCase({ id: 'C1' }));
    expect(await b.getSession('c', 'u')).toBeNull();
    expect(await b.getCase('C1')).toBeNull();
    expect(await b.listCases({})).toEqual([]);
    const { id: _id, ...draft } = makeCase({ id: 'unused' });
    expect((await a.openCase({ key: '20261121', idPrefix: 'C' }, draft)).id).toBe('C0001');
    expect((await b.openCase({ key: '20261121', idPrefix: 'C' }, draft)).id).toBe('C0001');
    await Promise.all([a.close(), b.close()]);
  });

  it('openStore uses Redis when REDIS_URL is set, and needs DATA_KEY for it (no key file: instances share the key)', async () => {
    const config = { REDIS_URL: server!.url, DATA_DIR: '/nonexistent/never-created' };
    await expect(openStore(config, { redisPrefix: prefix() })).rejects.toThrow(/DATA_KEY is required with REDIS_URL/);
    const store = await openStore({ ...config, DATA_KEY: keyText(newKey()) }, { redisPrefix: prefix() });
    expect(store.kind).toBe('redis');
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it('refuses to open, quickly, when nothing answers at REDIS_URL', async () => {
    const started = Date.now();
    expect(await storeErrorCode(openRedisStore('redis://127.0.0.1:1', { connectTimeoutMs: 500 }))).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('warns when Redis is configured to lose confirmed cases', async () => {
    const warnings: string[] = [];
    const ok = await open({ onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    const raw = new Redis(server!.url);
    await raw.config('SET', 'appendfsync', 'everysec');
    try {
      const weak = await open({ onWarning: (w) => warnings.push(w) });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('everysec');
      await weak.close();
    } finally {
      await raw.config('SET', 'appendfsync', 'always');
      await raw.quit();
    }
    await ok.close();
  });
});
