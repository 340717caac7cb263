import { afterAll, afterEach, describe, expect, it } from 'vitest';
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
});
