import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CaseRecord,
  type Json,
  type Store,
  StoreError,
  type StoreErrorCode,
  type TurnKeys,
  type TurnOptions,
  type TurnRead,
  type TurnWrites,
} from '../../src/store/index.ts';

/**
 * The behaviour every Store must have, run against each implementation (sqlite.test.ts, redis.test.ts).
 * `makeStore` returns a fresh, empty store for each test; the suite closes it afterwards.
 */

export const T0 = 1_763_700_000_000;

export function makeCase(overrides: Partial<CaseRecord> & { readonly id: string }): CaseRecord {
  const user = overrides.user ?? 'telegram:1';
  const createdAt = overrides.createdAt ?? T0;
  return {
    type: 'death',
    status: 'open',
    chat: 'telegram:100',
    user,
    createdAt,
    dueAt: null,
    assignee: null,
    fields: {},
    history: [{ at: createdAt, by: user, action: 'opened' }],
    ...overrides,
  };
}

/** The StoreError code a promise rejects with (fails the test if it resolves or rejects with something else). */
export async function storeErrorCode(promise: Promise<unknown>): Promise<StoreErrorCode> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return (error as StoreError).code;
}

/** `fn` under the chat's lock: a turn that reads and writes nothing (the lock part of runTurn). */
export async function locked<T>(store: Store, chat: string, fn: () => Promise<T>, options?: TurnOptions): Promise<T> {
  const outcome = await store.runTurn({ chat, user: 'u', profile: 'p' }, async () => ({ value: await fn(), writes: {} }), options);
  if (outcome.duplicate) throw new Error('a turn without a seen key cannot be a duplicate');
  return outcome.value;
}

/** A turn that records what it read and writes `writes`; resolves 'duplicate' or what it read. */
async function turnOf(store: Store, keys: TurnKeys, writes: TurnWrites = {}, seenTtlMs?: number): Promise<'duplicate' | TurnRead> {
  const outcome = await store.runTurn(keys, async (read) => ({ value: read, writes }), seenTtlMs === undefined ? {} : { seenTtlMs });
  return outcome.duplicate ? 'duplicate' : outcome.value;
}

export function describeStoreContract(name: string, makeStore: () => Promise<Store>, options: { skip?: boolean } = {}): void {
  describe.skipIf(options.skip === true)(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('sessions', () => {
      it('round-trips a session and stamps updatedAt', async () => {
        expect(await store.getSession('telegram:100', 'telegram:1')).toBeNull();
        const data: Json = { step: 'death.region', answers: { region: '北京市', list: [1, 2.5, null, true, []], empty: {} } };
        const before = Date.now();
        await store.putSession('telegram:100', 'telegram:1', data, 60_000);
        const after = Date.now();
        const got = await store.getSession('telegram:100', 'telegram:1');
        expect(got?.data).toEqual(data);
        expect(got?.updatedAt).toBeGreaterThanOrEqual(before);
        expect(got?.updatedAt).toBeLessThanOrEqual(after);
      });

      it('overwrites, keys by chat and user, and deletes', async () => {
        await store.putSession('telegram:100', 'telegram:1', 'a', 60_000);
        await store.putSession('telegram:100', 'telegram:1', 'b', 60_000);
        await store.putSession('telegram:200', 'telegram:1', 'other chat', 60_000);
        await store.putSession('telegram:100', 'telegram:2', 'other user', 60_000);
        expect((await store.getSession('telegram:100', 'telegram:1'))?.data).toBe('b');
        expect((await store.getSession('telegram:200', 'telegram:1'))?.data).toBe('other chat');
        expect((await store.getSession('telegram:100', 'telegram:2'))?.data).toBe('other user');
        await store.deleteSession('telegram:100', 'telegram:1');
        expect(await store.getSession('telegram:100', 'telegram:1')).toBeNull();
        expect((await store.getSession('telegram:200', 'telegram:1'))?.data).toBe('other chat');
        await store.deleteSession('telegram:100', 'telegram:1'); // deleting nothing is fine
      });

      it('does not confuse (chat, user) pairs whose keys contain separators', async () => {
        await store.putSession('a:b', 'c', 1, 60_000);
        await store.putSession('a', 'b:c', 2, 60_000);
        await store.putSession('a|b', 'c', 3, 60_000);
        await store.putSession('a', 'b|c', 4, 60_000);
        await store.putSession('a%7Cb', 'c', 5, 60_000);
        expect((await store.getSession('a:b', 'c'))?.data).toBe(1);
        expect((await store.getSession('a', 'b:c'))?.data).toBe(2);
        expect((await store.getSession('a|b', 'c'))?.data).toBe(3);
        expect((await store.getSession('a', 'b|c'))?.data).toBe(4);
        expect((await store.getSession('a%7Cb', 'c'))?.data).toBe(5);
      });

      it('expires a session ttlMs after its last write', async () => {
        await store.putSession('c', 'u', 'short', 50);
        expect((await store.getSession('c', 'u'))?.data).toBe('short');
        await sleep(120);
        expect(await store.getSession('c', 'u')).toBeNull();

        // A write renews the expiry.
        await store.putSession('c', 'u', 1, 150);
        await sleep(80);
        await store.putSession('c', 'u', 2, 150);
        await sleep(100);
        expect((await store.getSession('c', 'u'))?.data).toBe(2);
      });
    });

    describe('profiles', () => {
      it('round-trips and overwrites profiles per user', async () => {
        expect(await store.getProfile('telegram:1')).toBeNull();
        await store.putProfile('telegram:1', { region: '上海市', housing: 'urban', tags: [] });
        await store.putProfile('telegram:2', { region: '北京市' });
        expect(await store.getProfile('telegram:1')).toEqual({ region: '上海市', housing: 'urban', tags: [] });
        await store.putProfile('telegram:1', { region: '天津市' });
        expect(await store.getProfile('telegram:1')).toEqual({ region: '天津市' });
        expect(await store.getProfile('telegram:2')).toEqual({ region: '北京市' });
      });
    });

    describe('runTurn: reads, writes, duplicates', () => {
      const keys: TurnKeys = { chat: 'telegram:100', user: '7', profile: 'telegram:7' };

      it('reads the session of (chat, user) and the profile, and applies the writes on commit', async () => {
        expect(await turnOf(store, keys)).toEqual({ session: null, profile: null });
        const data: Json = { dialog: { awaiting: 'region' }, n: [1, 2] };
        await turnOf(store, keys, { session: { chat: keys.chat, data, ttlMs: 60_000 }, profile: { region: '西湖区' } });
        const read = await turnOf(store, keys);
        if (read === 'duplicate') throw new Error('not a duplicate');
        expect(read.session?.data).toEqual(data);
        expect(read.profile).toEqual({ region: '西湖区' });
        expect(await store.getSession(keys.chat, keys.user)).toMatchObject({ data });
        expect(await store.getSession(keys.chat, 'other')).toBeNull();
      });

      it('moves a session to another chat: drops it here, keeps it there', async () => {
        await store.putSession(keys.chat, keys.user, { here: true }, 60_000);
        await turnOf(store, keys, { dropSession: true, session: { chat: 'telegram:7', data: { there: true }, ttlMs: 60_000 } });
        expect(await store.getSession(keys.chat, keys.user)).toBeNull();
        expect((await store.getSession('telegram:7', keys.user))?.data).toEqual({ there: true });
        // Dropped and put in the same chat: the put stays.
        await turnOf(store, keys, { dropSession: true, session: { chat: keys.chat, data: { again: 1 }, ttlMs: 60_000 } });
        expect((await store.getSession(keys.chat, keys.user))?.data).toEqual({ again: 1 });
        await turnOf(store, keys, { dropSession: true });
        expect(await store.getSession(keys.chat, keys.user)).toBeNull();
      });

      it('runs a message once: later deliveries are duplicates until the seen TTL passes', async () => {
        const seen = { ...keys, seen: 'msg:telegram:100:1' };
        expect(await turnOf(store, seen, {}, 80)).not.toBe('duplicate');
        expect(await turnOf(store, seen, {}, 80)).toBe('duplicate');
        expect(await turnOf(store, { ...seen, seen: 'msg:telegram:100:2' }, {}, 80)).not.toBe('duplicate');
        await sleep(160);
        expect(await turnOf(store, seen, {}, 80)).not.toBe('duplicate');
      });

      it('lets exactly one of concurrent deliveries of a message run', async () => {
        let runs = 0;
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.runTurn({ ...keys, seen: 'lark:event:9' }, async () => {
              runs++;
              await sleep(1);
              return { value: runs, writes: {} };
            }),
          ),
        );
        expect(runs).toBe(1);
        expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
      });

      it('writes nothing and does not mark the message when the turn fails, so a redelivery runs it', async () => {
        const seen = { ...keys, seen: 'msg:telegram:100:3' };
        await expect(
          store.runTurn(seen, async () => {
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        const read = await turnOf(store, seen, { session: { chat: keys.chat, data: 1, ttlMs: 60_000 } });
        expect(read).toEqual({ session: null, profile: null });
        expect(await turnOf(store, seen)).toBe('duplicate');
      });
    });

    describe('openCase', () => {
      const series = (day: string) => ({ key: day, idPrefix: `C${day}-` });
      const draft = (overrides: Partial<CaseRecord> = {}) => {
        const { id: _id, ...rest } = makeCase({ id: 'unused', ...overrides });
        return rest;
      };

      it('numbers cases per series from 1, writes them whole, and keeps 4 digits at least', async () => {
        const first = await store.openCase(series('20261121'), draft({ fields: { name: '李四', amount: 12000 } }));
        expect(first).toEqual({ id: 'C20261121-0001', ...draft({ fields: { name: '李四', amount: 12000 } }) });
        expect(await store.getCase('C20261121-0001')).toEqual(first);
        expect((await store.openCase(series('20261121'), draft())).id).toBe('C20261121-0002');
        expect((await store.openCase(series('20261122'), draft())).id).toBe('C20261122-0001');
        expect((await store.openCase(series('20261121'), draft())).id).toBe('C20261121-0003');
        expect((await store.listCases({ status: 'open' })).map((c) => c.id).sort()).toEqual([
          'C20261121-0001',
          'C20261121-0002',
          'C20261121-0003',
          'C20261122-0001',
        ]);
      });

      it('gives concurrent openers distinct numbers', async () => {
        const opened = await Promise.all(Array.from({ length: 30 }, () => store.openCase(series('20261123'), draft())));
        expect(opened.map((c) => c.id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `C20261123-${String(i + 1).padStart(4, '0')}`));
      });

      it('skips a number whose id an imported case already has', async () => {
        await store.createCase(makeCase({ id: 'C20261124-0001' }));
        expect((await store.openCase(series('20261124'), draft())).id).toBe('C20261124-0002');
      });
    });

    describe('cases', () => {
      it('round-trips a case exactly', async () => {
        const record = makeCase({
          id: 'C20261121-0001',
          dueAt: T0 + 3 * 86_400_000,
          fields: { name: '张三', amount: 1234.56, big: 9007199254740991, nested: { list: [], obj: {}, n: null }, ok: true },
        });
        await store.createCase(record);
        expect(await store.getCase('C20261121-0001')).toEqual(record);
        expect(await store.getCase('C20261121-0002')).toBeNull();
      });

      it('refuses a second case with the same id', async () => {
        await store.createCase(makeCase({ id: 'C1' }));
        expect(await storeErrorCode(store.createCase(makeCase({ id: 'C1', type: 'other' })))).toBe('conflict');
        expect((await store.getCase('C1'))?.type).toBe('death');
      });

      it('updates status, assignee and fields and appends one event', async () => {
        await store.createCase(makeCase({ id: 'C1', fields: { a: 1 } }));
        const claimed = await store.updateCase(
          'C1',
          { status: 'claimed', assignee: 'telegram:staff', event: { at: T0 + 1, by: 'telegram:staff', action: 'claimed' } },
          'open',
        );
        expect(claimed.status).toBe('claimed');
        expect(claimed.assignee).toBe('telegram:staff');
        expect(claimed.fields).toEqual({ a: 1 });
        expect(claimed.history.map((e) => e.action)).toEqual(['opened', 'claimed']);
        expect(await store.getCase('C1')).toEqual(claimed);

        const noted = await store.updateCase('C1', {
          fields: { a: 2, b: '备注' },
          event: { at: T0 + 2, by: 'telegram:staff', action: 'noted', note: '已联系家属' },
        });
        expect(noted.status).toBe('claimed');
        expect(noted.assignee).toBe('telegram:staff');
        expect(noted.fields).toEqual({ a: 2, b: '备注' });
        expect(noted.history).toEqual([...claimed.history, { at: T0 + 2, by: 'telegram:staff', action: 'noted', note: '已联系家属' }]);

        const released = await store.updateCase(
          'C1',
          { status: 'open', assignee: null, event: { at: T0 + 3, by: 'telegram:staff', action: 'released' } },
          'claimed',
        );
        expect(released.assignee).toBeNull();
        expect(released.status).toBe('open');
        expect(await store.getCase('C1')).toEqual(released);
        expect(released.history).toHaveLength(4);
      });

      it('fails with conflict when the status is not the expected one, leaving the case unchanged', async () => {
        await store.createCase(makeCase({ id: 'C1', status: 'claimed', assignee: 'telegram:a' }));
        const before = await store.getCase('C1');
        const code = await storeErrorCode(
          store.updateCase('C1', { status: 'claimed', assignee: 'telegram:b', event: { at: T0 + 1, by: 'telegram:b', action: 'claimed' } }, 'open'),
        );
        expect(code).toBe('conflict');
        expect(await store.getCase('C1')).toEqual(before);
      });

      it('lets exactly one of two staff claiming at once win', async () => {
        await store.createCase(makeCase({ id: 'C1' }));
        const attempts = await Promise.allSettled(
          ['telegram:a', 'telegram:b', 'telegram:c', 'lark:d', 'lark:e'].map((staff) =>
            store.updateCase('C1', { status: 'claimed', assignee: staff, event: { at: T0 + 1, by: staff, action: 'claimed' } }, 'open'),
          ),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((l) => (l.reason as StoreError).code)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
        const stored = await store.getCase('C1');
        expect(stored?.history).toHaveLength(2);
        expect(stored?.assignee).toBe((won[0] as PromiseFulfilledResult<CaseRecord>).value.assignee);
      });

      it('fails with not_found for an unknown case', async () => {
        const code = await storeErrorCode(store.updateCase('nope', { status: 'resolved', event: { at: T0, by: 'bot', action: 'resolved' } }));
        expect(code).toBe('not_found');
      });
    });

    describe('listCases', () => {
      // created_at order: C1 < C2 < C3 < C4 < C5 < C6 = C7 (ties: higher id first)
      const fixtures: CaseRecord[] = [
        makeCase({ id: 'C1', type: 'death', user: 'u1', status: 'open', createdAt: T0 + 1, dueAt: T0 + 100 }),
        makeCase({ id: 'C2', type: 'illness', user: 'u2', status: 'open', createdAt: T0 + 2, dueAt: T0 + 1000 }),
        makeCase({ id: 'C3', type: 'death', user: 'u2', status: 'claimed', assignee: 'staff:a', createdAt: T0 + 3, dueAt: T0 + 50 }),
        makeCase({ id: 'C4', type: 'transfer', user: 'u1', status: 'resolved', assignee: 'staff:a', createdAt: T0 + 4, dueAt: T0 + 10 }),
        makeCase({ id: 'C5', type: 'death', user: 'u3', status: 'rejected', assignee: 'staff:b', createdAt: T0 + 5 }),
        makeCase({ id: 'C6', type: 'illness', user: 'u1', status: 'claimed', assignee: 'staff:b', createdAt: T0 + 6 }),
        makeCase({ id: 'C7', type: 'festival', user: 'u4', status: 'open', createdAt: T0 + 6, dueAt: T0 + 20 }),
      ];
      const ids = async (filter: Parameters<Store['listCases']>[0]): Promise<string[]> => (await store.listCases(filter)).map((c) => c.id);

      beforeEach(async () => {
        for (const c of fixtures) await store.createCase(c);
      });

      it('lists everything newest first, with whole records', async () => {
        expect(await ids({})).toEqual(['C7', 'C6', 'C5', 'C4', 'C3', 'C2', 'C1']);
        expect((await store.listCases({ type: 'transfer' }))[0]).toEqual(fixtures[3]);
      });

      it('filters by status, one or several', async () => {
        expect(await ids({ status: 'open' })).toEqual(['C7', 'C2', 'C1']);
        expect(await ids({ status: ['claimed', 'resolved'] })).toEqual(['C6', 'C4', 'C3']);
        expect(await ids({ status: ['open', 'claimed', 'resolved', 'rejected'] })).toEqual(['C7', 'C6', 'C5', 'C4', 'C3', 'C2', 'C1']);
        expect(await ids({ status: [] })).toEqual([]);
      });

      it('filters by type, assignee and user', async () => {
        expect(await ids({ type: 'death' })).toEqual(['C5', 'C3', 'C1']);
        expect(await ids({ assignee: 'staff:a' })).toEqual(['C4', 'C3']);
        expect(await ids({ user: 'u1' })).toEqual(['C6', 'C4', 'C1']);
        expect(await ids({ type: 'none' })).toEqual([]);
        expect(await ids({ assignee: 'nobody' })).toEqual([]);
      });

      it('finds open or claimed cases due before a time', async () => {
        expect(await ids({ overdueAt: T0 + 101 })).toEqual(['C7', 'C3', 'C1']);
        expect(await ids({ overdueAt: T0 + 100 })).toEqual(['C7', 'C3']); // strictly before
        expect(await ids({ overdueAt: T0 })).toEqual([]);
      });

      it('combines filters and honours limit', async () => {
        expect(await ids({ overdueAt: T0 + 101, type: 'death' })).toEqual(['C3', 'C1']);
        expect(await ids({ overdueAt: T0 + 101, status: 'open' })).toEqual(['C7', 'C1']);
        expect(await ids({ overdueAt: T0 + 101, status: 'resolved' })).toEqual([]);
        expect(await ids({ user: 'u1', status: 'claimed' })).toEqual(['C6']);
        expect(await ids({ type: 'death', status: ['open', 'rejected'] })).toEqual(['C5', 'C1']);
        expect(await ids({ assignee: 'staff:b', user: 'u3' })).toEqual(['C5']);
        expect(await ids({ limit: 2 })).toEqual(['C7', 'C6']);
        expect(await ids({ type: 'death', limit: 1 })).toEqual(['C5']);
        expect(await ids({ overdueAt: T0 + 101, limit: 2 })).toEqual(['C7', 'C3']);
        expect(await ids({ status: ['open', 'claimed'], limit: 3 })).toEqual(['C7', 'C6', 'C3']);
        expect(await ids({ limit: 0 })).toEqual([]);
      });

      it('follows updates: status, assignee and the overdue set', async () => {
        await store.updateCase('C1', { status: 'claimed', assignee: 'staff:a', event: { at: T0 + 7, by: 'staff:a', action: 'claimed' } }, 'open');
        await store.updateCase('C3', { status: 'resolved', event: { at: T0 + 8, by: 'staff:a', action: 'resolved' } }, 'claimed');
        await store.updateCase('C6', { status: 'open', assignee: null, event: { at: T0 + 9, by: 'staff:b', action: 'released' } }, 'claimed');
        expect(await ids({ status: 'open' })).toEqual(['C7', 'C6', 'C2']);
        expect(await ids({ status: 'claimed' })).toEqual(['C1']);
        expect(await ids({ status: 'resolved' })).toEqual(['C4', 'C3']);
        expect(await ids({ assignee: 'staff:a' })).toEqual(['C4', 'C3', 'C1']);
        expect(await ids({ assignee: 'staff:b' })).toEqual(['C5']);
        expect(await ids({ overdueAt: T0 + 101 })).toEqual(['C7', 'C1']);
        // Newest first is by creation, not by last change.
        expect(await ids({})).toEqual(['C7', 'C6', 'C5', 'C4', 'C3', 'C2', 'C1']);
      });
    });

    it('lists correctly through more cases than one page', async () => {
      // 420 cases: type alternates p/q, user alternates every two; each (type, user) pair has 105 cases.
      const all = Array.from({ length: 420 }, (_, i) =>
        makeCase({ id: `B${String(i).padStart(4, '0')}`, type: i % 2 === 0 ? 'p' : 'q', user: Math.floor(i / 2) % 2 === 0 ? 'u0' : 'u1', createdAt: T0 + i }),
      );
      await Promise.all(all.map((c) => store.createCase(c)));
      const expected = all
        .filter((c) => c.type === 'p' && c.user === 'u0')
        .reverse()
        .map((c) => c.id);
      expect((await store.listCases({ type: 'p', user: 'u0' })).map((c) => c.id)).toEqual(expected);
      expect((await store.listCases({ type: 'p', user: 'u0', limit: 101 })).map((c) => c.id)).toEqual(expected.slice(0, 101));
      expect(await store.listCases({})).toHaveLength(420);
    });

    describe('runTurn: the chat lock', () => {
      it('runs 50 tasks of one chat one at a time, in submission order', async () => {
        const order: number[] = [];
        let active = 0;
        let maxActive = 0;
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            locked(store, 'telegram:100', async () => {
              active++;
              maxActive = Math.max(maxActive, active);
              order.push(i);
              if (i % 5 === 0) await sleep(2);
              else await Promise.resolve();
              active--;
              return i * 10;
            }),
          ),
        );
        expect(maxActive).toBe(1);
        expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
        expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 10));
      });

      it('passes errors through and releases the lock', async () => {
        await expect(locked(store, 'c', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
        expect(await locked(store, 'c', async () => 'next', { waitMs: 500 })).toBe('next');
      });

      it('runs different chats concurrently', async () => {
        let bStarted!: () => void;
        const b = new Promise<void>((resolve) => (bStarted = resolve));
        const first = locked(store, 'chat:a', async () => {
          await Promise.race([b, sleep(3_000).then(() => Promise.reject(new Error('chat:b did not run meanwhile')))]);
          return 'a';
        });
        const second = locked(store, 'chat:b', async () => {
          bStarted();
          return 'b';
        });
        expect(await Promise.all([first, second])).toEqual(['a', 'b']);
      });

      it('gives up with lock_timeout after waitMs, and the queue goes on', async () => {
        let open!: () => void;
        const gate = new Promise<void>((resolve) => (open = resolve));
        const holder = locked(store, 'c', () => gate);
        const queued = locked(store, 'c', async () => 'queued', { waitMs: 5_000 });
        const started = Date.now();
        expect(await storeErrorCode(locked(store, 'c', async () => 'never', { waitMs: 60 }))).toBe('lock_timeout');
        const waited = Date.now() - started;
        expect(waited).toBeGreaterThanOrEqual(50);
        expect(waited).toBeLessThan(1_000);
        open();
        await holder;
        expect(await queued).toBe('queued');
        expect(await locked(store, 'c', async () => 'after', { waitMs: 500 })).toBe('after');
      });
    });

    describe('audit trail', () => {
      const series = { key: '20261121', idPrefix: 'C20261121-' };

      it('records the opening of a case with it: who, where, which fields (names only)', async () => {
        const { id: _id, ...draft } = makeCase({ id: 'unused', user: 'telegram:1', chat: '100', fields: { name: '李四', idNumber: null, region: '西湖区' } });
        const opened = await store.openCase(series, draft);
        await store.createCase(makeCase({ id: 'C9', user: 'lark:ou_2', chat: 'lark:oc_9', createdAt: T0 + 5, fields: { a: 1 } }));
        expect(await store.listAudit({ caseId: opened.id })).toEqual([
          { seq: expect.any(Number), at: T0, by: 'telegram:1', action: 'opened', caseId: opened.id, fields: ['name', 'region'], chat: 'telegram:100' },
        ]);
        expect((await store.listAudit({ caseId: 'C9' })).map((e) => [e.action, e.chat, e.fields])).toEqual([['opened', 'lark:oc_9', ['a']]]);
      });

      it('writes one entry per change, with the change: the event, and the fields and chat the caller names', async () => {
        await store.createCase(makeCase({ id: 'C1' }));
        await store.updateCase(
          'C1',
          { status: 'claimed', assignee: 'telegram:9', event: { at: T0 + 1, by: 'telegram:9', action: 'claimed' }, audit: { chat: 'telegram:9' } },
          'open',
        );
        await store.updateCase('C1', {
          fields: { name: '王五' },
          event: { at: T0 + 2, by: 'telegram:1', action: 'noted', note: '登记人更正了：姓名' },
          audit: { action: 'amended', fields: ['name'], chat: 'telegram:100' },
        });
        await store.updateCase('C1', { event: { at: T0 + 3, by: 'telegram:9', action: 'noted', note: '已联系家属 13812345678' } });
        const trail = await store.listAudit({ caseId: 'C1' });
        expect(trail.map(({ seq: _seq, ...e }) => e)).toEqual([
          { at: T0, by: 'telegram:1', action: 'opened', caseId: 'C1', fields: [], chat: 'telegram:100' },
          { at: T0 + 1, by: 'telegram:9', action: 'claimed', caseId: 'C1', fields: [], chat: 'telegram:9' },
          { at: T0 + 2, by: 'telegram:1', action: 'amended', caseId: 'C1', fields: ['name'], chat: 'telegram:100' },
          { at: T0 + 3, by: 'telegram:9', action: 'noted', caseId: 'C1', fields: [], chat: null },
        ]);
        // The audit holds who, when and what, never a note's text or a field's value.
        expect(JSON.stringify(trail)).not.toMatch(/13812345678|王五|已联系/);
        expect(new Set(trail.map((e) => e.seq)).size).toBe(4);
      });

      it('writes nothing for a change that did not happen', async () => {
        await store.createCase(makeCase({ id: 'C1', status: 'claimed', assignee: 'telegram:a' }));
        await storeErrorCode(store.updateCase('C1', { status: 'claimed', event: { at: T0 + 1, by: 'telegram:b', action: 'claimed' } }, 'open'));
        await storeErrorCode(store.updateCase('nope', { event: { at: T0 + 1, by: 'telegram:b', action: 'noted' } }));
        expect((await store.listAudit({})).map((e) => e.action)).toEqual(['opened']);
      });

      it('appends views and exports, and lists by case or by time (from inclusive, to exclusive), oldest first', async () => {
        await store.createCase(makeCase({ id: 'C1', createdAt: T0 }));
        await store.appendAudit([
          { at: T0 + 20, by: 'telegram:9', action: 'viewed', caseId: 'C1', fields: ['idNumber', 'reporterPhone'], chat: 'telegram:9' },
          { at: T0 + 10, by: 'telegram:9', action: 'exported', caseId: 'C2', fields: ['applicantName'], chat: 'telegram:-100', note: 'publicity 2026-11' },
        ]);
        await store.appendAudit([{ at: T0 + 30, by: 'telegram:9', action: 'audit_exported', caseId: null, fields: [], chat: 'telegram:9', note: 'x' }]);
        await store.appendAudit([]);
        expect((await store.listAudit({ caseId: 'C1' })).map((e) => e.action)).toEqual(['opened', 'viewed']);
        expect((await store.listAudit({ caseId: 'C2' }))[0]).toMatchObject({ action: 'exported', note: 'publicity 2026-11', fields: ['applicantName'] });
        expect((await store.listAudit({})).map((e) => e.at - T0)).toEqual([0, 10, 20, 30]);
        expect((await store.listAudit({ from: T0 + 10, to: T0 + 30 })).map((e) => e.action)).toEqual(['exported', 'viewed']);
        expect((await store.listAudit({ from: T0 + 31 })).length).toBe(0);
        expect((await store.listAudit({ limit: 2 })).map((e) => e.at - T0)).toEqual([0, 10]);
        expect((await store.listAudit({ caseId: 'C1', from: T0 + 1 })).map((e) => e.action)).toEqual(['viewed']);
        expect(await store.listAudit({ caseId: 'none' })).toEqual([]);
      });

      it('keeps every one of many concurrent entries, in order of writing for equal times', async () => {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) => store.appendAudit([{ at: T0, by: `telegram:${i}`, action: 'viewed', caseId: 'C1', fields: [], chat: null }])),
        );
        const trail = await store.listAudit({ caseId: 'C1' });
        expect(trail).toHaveLength(40);
        expect(trail.map((e) => e.seq)).toEqual([...trail.map((e) => e.seq)].sort((a, b) => a - b));
        expect(new Set(trail.map((e) => e.by)).size).toBe(40);
      });
    });

    describe('staff workspace: regions, one-time sessions, unanswered questions', () => {
      it('filters cases by region (a transfer by where it moves to), with the other filters', async () => {
        await store.createCase(makeCase({ id: 'R1', fields: { region: '西湖区' }, createdAt: T0 + 1 }));
        await store.createCase(makeCase({ id: 'R2', fields: { region: '建德市' }, createdAt: T0 + 2 }));
        await store.createCase(makeCase({ id: 'R3', fields: { from: '建德市', to: '西湖区' }, createdAt: T0 + 3, status: 'claimed' }));
        await store.createCase(makeCase({ id: 'R4', fields: { region: null }, createdAt: T0 + 4 }));
        expect((await store.listCases({ regions: ['西湖区'] })).map((c) => c.id)).toEqual(['R3', 'R1']);
        expect((await store.listCases({ regions: ['西湖区'], status: 'open' })).map((c) => c.id)).toEqual(['R1']);
        expect((await store.listCases({ regions: ['西湖区', '建德市'], limit: 2 })).map((c) => c.id)).toEqual(['R3', 'R2']);
        expect(await store.listCases({ regions: [] })).toEqual([]);
        await store.updateCase('R2', { fields: { region: '西湖区' }, event: { at: T0 + 9, by: 'x', action: 'noted' } });
        expect((await store.listCases({ regions: ['建德市'] })).map((c) => c.id)).toEqual([]);
        expect((await store.listCases({ regions: ['西湖区'] })).map((c) => c.id)).toEqual(['R3', 'R2', 'R1']);
      });

      it('takes a session once: the second take, and a take after expiry, get nothing', async () => {
        await store.putSession('console:login', 'tok', { staff: 'a' }, 60_000);
        const [a, b] = await Promise.all([store.takeSession('console:login', 'tok'), store.takeSession('console:login', 'tok')]);
        expect([a, b].filter((x) => x !== null)).toHaveLength(1);
        expect([a, b].find((x) => x !== null)?.data).toEqual({ staff: 'a' });
        expect(await store.getSession('console:login', 'tok')).toBeNull();
        await store.putSession('console:login', 'old', { staff: 'a' }, 1);
        await sleep(20);
        expect(await store.takeSession('console:login', 'old')).toBeNull();
      });

      it('keeps unanswered questions by time, equal entries included', async () => {
        await store.appendUnanswered({ at: T0, kind: 'out_of_scope', text: '能帮我买菜吗', region: null });
        await store.appendUnanswered({ at: T0 + 5, kind: 'handoff', text: '转人工', region: '西湖区' });
        await store.appendUnanswered({ at: T0 + 5, kind: 'handoff', text: '转人工', region: '西湖区' });
        expect(await store.listUnanswered(T0, T0 + 6)).toEqual([
          { at: T0, kind: 'out_of_scope', text: '能帮我买菜吗', region: null },
          { at: T0 + 5, kind: 'handoff', text: '转人工', region: '西湖区' },
          { at: T0 + 5, kind: 'handoff', text: '转人工', region: '西湖区' },
        ]);
        expect(await store.listUnanswered(T0 + 1, T0 + 5)).toEqual([]);
      });
    });

    describe('ping and close', () => {
      it('answers ping while open; after close, ping is false and calls fail with unavailable', async () => {
        expect(await store.ping()).toBe(true);
        await store.close();
        expect(await store.ping()).toBe(false);
        expect(await storeErrorCode(store.getSession('c', 'u'))).toBe('unavailable');
        expect(await storeErrorCode(store.createCase(makeCase({ id: 'late' })))).toBe('unavailable');
        await store.close(); // closing twice is harmless
      });
    });
  });
}
