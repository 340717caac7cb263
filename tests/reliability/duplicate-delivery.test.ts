/**
 * Duplicate delivery: a platform that redelivers an update (same message id) must not get a second answer, and
 * above all must not open a second case — whether the copies arrive one after another, all at once, or at two
 * bot instances sharing Redis.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Incoming, Outgoing } from '../../src/chat/index.ts';
import type { Engine } from '../../src/dialog/index.ts';
import { openRedisStore, openSqliteStore, type Store } from '../../src/store/index.ts';
import { startRedis } from '../support/redis-server.ts';
import { Cleanup, caseId, engineOn, msg, tempDir, textOf } from './support.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const redis = await startRedis();
afterAll(async () => {
  await redis?.stop();
});

function sqliteStore(): Store {
  const store = openSqliteStore(join(tempDir(cleanup), 'bot.db'));
  cleanup.add(() => store.close());
  return store;
}

/** Exactly one of the outcomes answered (and opened what it opened); the others are silent and opened nothing. */
function expectOneAnswer(outs: readonly Outgoing[]): Outgoing {
  const answered = outs.filter((o) => o.replies.length > 0);
  expect(answered).toHaveLength(1);
  for (const o of outs) if (o !== answered[0]) expect(o).toMatchObject({ replies: [], cases: [] });
  return answered[0] as Outgoing;
}

/** Walks a death report in a private chat up to the confirmation question. */
async function deathReportToConfirmation(engine: Engine, who: { chat: string; user: string }): Promise<void> {
  const steps = ['我父亲昨天去世了', '张建国', '330182195203151239', '13812345678', '西湖区', '翠苑一区社区'];
  let last: Outgoing | null = null;
  for (const [i, text] of steps.entries()) last = await engine.handle(msg({ ...who, text, messageId: `${who.chat}-step-${i}` }));
  expect(textOf(last as Outgoing)).toContain('请核对');
  expect((last as Outgoing).replies.at(-1)?.buttons?.map((b) => b.payload)).toContain('y');
}

describe('duplicate delivery on the embedded store', () => {
  it('the same "转人工" delivered 5 times in a row: one answer, one case', async () => {
    const store = sqliteStore();
    const engine = engineOn(store);
    const who = { chat: 'dup-seq', user: 'dup-seq' };
    const outs: Outgoing[] = [];
    for (let i = 0; i < 5; i++) outs.push(await engine.handle(msg({ ...who, text: '转人工', messageId: '1001' })));
    const answer = expectOneAnswer(outs);
    expect(answer).toBe(outs[0]);
    expect(textOf(answer)).toContain(`已登记，编号 ${caseId(1)}`);
    expect(answer.cases).toEqual([{ id: caseId(1), type: 'inquiry', status: 'open' }]);
    expect((await store.listCases({ user: 'test:dup-seq' })).map((c) => c.id)).toEqual([caseId(1)]);
  });

  it('the same "转人工" delivered 5 times at once: one answer, one case', async () => {
    const store = sqliteStore();
    const engine = engineOn(store);
    const who = { chat: 'dup-par', user: 'dup-par' };
    const outs = await Promise.all(Array.from({ length: 5 }, () => engine.handle(msg({ ...who, text: '转人工', messageId: '2002' }))));
    const answer = expectOneAnswer(outs);
    expect(answer.cases).toHaveLength(1);
    const stored = await store.listCases({ user: 'test:dup-par' });
    expect(stored.map((c) => c.id)).toEqual([answer.cases[0]?.id]);
    expect(stored[0]?.history.map((e) => e.action)).toEqual(['opened']);
  });

  it('a death-report confirmation button delivered 5 times at once: one case, one staff announcement', async () => {
    const store = sqliteStore();
    const engine = engineOn(store, { staffChat: { platform: 'test', chat: 'dup-staff-room' } });
    const who = { chat: 'dup-death', user: 'dup-death' };
    await deathReportToConfirmation(engine, who);
    const press = msg({ ...who, button: 'y', messageId: 'confirm-77' });
    const outs = await Promise.all(Array.from({ length: 5 }, () => engine.handle(press)));
    const answer = expectOneAnswer(outs);
    expect(answer.cases).toEqual([{ id: caseId(1), type: 'death_report', status: 'open' }]);
    expect(answer.replies.filter((r) => r.chat === 'dup-staff-room')).toHaveLength(1);
    const cases = await store.listCases({});
    expect(cases.map((c) => c.id)).toEqual([caseId(1)]);
    expect(cases[0]?.fields).toMatchObject({ deceasedName: '张建国', idNumber: '330182195203151239' });
    // And a sixth copy, later, after the dialog has ended: still nothing.
    expect(await engine.handle(press)).toMatchObject({ replies: [], cases: [] });
    expect(await store.listCases({})).toHaveLength(1);
  });

  it('dedupe never swallows a different message: the same id in another chat or platform is processed', async () => {
    const store = sqliteStore();
    const engine = engineOn(store);
    const inputs: Incoming[] = [
      msg({ chat: 'dup-a', user: 'dup-a', text: '转人工', messageId: '3003' }),
      msg({ chat: 'dup-b', user: 'dup-b', text: '转人工', messageId: '3003' }),
      msg({ chat: 'dup-a', user: 'dup-a', text: '转人工', messageId: '3003', platform: 'other' }),
      msg({ chat: 'dup-a', user: 'dup-a', text: '转人工', messageId: '3004' }),
    ];
    const outs = await Promise.all(inputs.map((m) => engine.handle(m)));
    for (const o of outs) expect(o.cases).toHaveLength(1);
    expect(new Set(outs.map((o) => o.cases[0]?.id)).size).toBe(4);
    expect(await store.listCases({})).toHaveLength(4);
  });
});

describe.skipIf(redis === null)('duplicate delivery to two instances sharing Redis', () => {
  async function twoEngines(): Promise<{ a: Engine; b: Engine; store: Store }> {
    const prefix = `dup:${randomUUID().slice(0, 8)}:`;
    const sa = await openRedisStore(redis!.url, { prefix });
    const sb = await openRedisStore(redis!.url, { prefix });
    cleanup.add(() => sa.close());
    cleanup.add(() => sb.close());
    return { a: engineOn(sa), b: engineOn(sb), store: sa };
  }

  it('5 copies of "转人工" at once, spread over two instances: one answer, one case', async () => {
    const { a, b, store } = await twoEngines();
    const who = { chat: 'dup-r1', user: 'dup-r1' };
    const outs = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 === 0 ? a : b).handle(msg({ ...who, text: '转人工', messageId: '4004' }))));
    const answer = expectOneAnswer(outs);
    expect(answer.cases).toEqual([{ id: caseId(1), type: 'inquiry', status: 'open' }]);
    expect((await store.listCases({})).map((c) => c.id)).toEqual([caseId(1)]);
  });

  it('5 copies of a death-report confirmation at once over two instances: one case', async () => {
    const { a, b, store } = await twoEngines();
    const who = { chat: 'dup-r2', user: 'dup-r2' };
    await deathReportToConfirmation(a, who);
    const press = msg({ ...who, button: 'y', messageId: 'confirm-88' });
    const outs = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 === 0 ? b : a).handle(press)));
    const answer = expectOneAnswer(outs);
    expect(answer.cases).toEqual([{ id: caseId(1), type: 'death_report', status: 'open' }]);
    const cases = await store.listCases({});
    expect(cases.map((c) => c.id)).toEqual([caseId(1)]);
    expect(cases[0]?.history).toHaveLength(1);
  });
});
