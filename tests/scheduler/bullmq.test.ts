import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createProcessor, Pacer } from '../../src/scheduler/index.ts';
import { startRedis } from '../support/redis-server.ts';
import { careHarness, user } from './support.ts';

const server = await startRedis();
afterAll(async () => {
  await server?.stop();
});

let h: ReturnType<typeof careHarness> | null = null;
let n = 0;
afterEach(async () => {
  await h?.close();
  h = null;
});
const open = (start: string) => careHarness(start, { redisUrl: server?.url as string, prefix: `t${++n}` });

describe.skipIf(server === null)('reminders on BullMQ (real Redis) with a fake clock', () => {
  it('subscribe → tick past the date → exactly one push; quiet hours defer; stop → none', async () => {
    h = open('2027-01-20T10:00:00+08:00');
    await h.care.subscribe(user(1), 'cert', h.now, { month: 3, day: 1 });
    await h.care.subscribe(user(2), 'leader', h.now, { month: 3, day: 1 });
    await h.care.subscribe(user(3), 'check', h.now, { month: 3, day: 1 });
    await h.care.stop('jsonl:u3');
    expect((await h.tick('2027-02-28T12:00:00+08:00')).sent).toBe(0);
    expect((await h.tick('2027-03-01T22:00:00+08:00')).deferred).toBe(3);
    expect(h.sent).toHaveLength(0);
    await h.tick('2027-03-02T08:00:00+08:00');
    await h.tick('2027-03-03T08:00:00+08:00');
    expect(h.sent.map((o) => o.key).sort()).toEqual(['rem|jsonl:u1|cert|2027-03-01', 'rem|jsonl:u2|leader|2027-03-01']);
    expect((await h.care.list('jsonl:u1'))[0]?.next).toBe('2028-03-01');
  });

  it('a notice to 3 groups and 50 subscribers reaches each once', async () => {
    h = open('2027-01-20T10:00:00+08:00');
    for (const g of [1, 2, 3]) await h.care.groupNotices('jsonl', `g${g}`, true, h.now);
    for (let i = 0; i < 50; i++) await h.care.subscribe(user(i), 'cert', h.now);
    const draft = await h.care.draftNotice('周五上午社区发体检表', { user: 'jsonl:s', platform: 'jsonl', chat: 's' });
    expect(await h.care.confirmNotice(draft.id, h.now)).toBe(53);
    await h.tick('2027-01-20T10:01:00+08:00');
    const notices = h.sent.filter((o) => o.key.startsWith('notice|'));
    expect(new Set(notices.map((o) => o.chat)).size).toBe(53);
    expect(notices).toHaveLength(53);
    expect(h.sent.filter((o) => o.key.startsWith('report|'))).toHaveLength(1);
  });

  it('two handlings of one occurrence at once (a lock that lapsed on a busy instance): one sends, one waits', async () => {
    h = open('2027-03-01T10:00:00+08:00');
    let sends = 0;
    const process = createProcessor({
      ledger: h.proactive.scheduler.backend.ledger,
      pacer: new Pacer({ '*': { perSecond: 1000, perGroup: 1000, groupWindowMs: 1000 } }),
      quiet: null,
      now: () => h?.now ?? new Date(),
      send: async () => {
        sends += 1;
        await new Promise((r) => setTimeout(r, 100));
      },
    });
    const occ = { key: 'rem|jsonl:u1|cert|2027-03-01', platform: 'jsonl', chat: 'u1', group: false, dueAt: h.now.getTime(), text: 't', buttons: [] };
    const [a, b] = await Promise.all([process(occ), process(occ)]);
    expect(sends).toBe(1);
    expect([a, b]).toContainEqual('sent');
    expect([a, b].find((x) => x !== 'sent')).toMatchObject({ error: 'being sent by another handling' });
    // Later, the one that waited finds it recorded.
    expect(await process(occ)).toBe('duplicate');
  });
});
