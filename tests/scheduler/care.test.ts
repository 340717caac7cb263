import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { festivalDate } from '../../src/care/index.ts';
import { nextAllowed } from '../../src/scheduler/index.ts';
import { careHarness, user } from './support.ts';

let h: ReturnType<typeof careHarness> | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('lunar festival dates (tyme4ts)', () => {
  it('2027 and 2028 match the published calendar', () => {
    expect(['春节', '端午节', '中秋节', '重阳节'].map((f) => festivalDate(f as '春节', 2027))).toEqual([
      '2027-02-06',
      '2027-06-09',
      '2027-09-15',
      '2027-10-08',
    ]);
    expect(['春节', '端午节', '中秋节', '重阳节'].map((f) => festivalDate(f as '春节', 2028))).toEqual([
      '2028-01-26',
      '2028-05-28',
      '2028-10-03',
      '2028-10-26',
    ]);
  });

  it('a festival subscription is reminded 7 days before 春节 2027, then before 端午', async () => {
    h = careHarness('2027-01-20T10:00:00+08:00');
    const sub = await h.care.subscribe(user(1), 'festival', h.now);
    expect(sub).toMatchObject({ next: '2027-01-30', festival: '春节' });
    await h.tick('2027-01-30T09:05:00+08:00');
    expect(h.sent.map((o) => o.text)).toEqual([expect.stringContaining('2月6日是春节')]);
    expect(h.sent[0]?.text).toContain('000 三(一)4');
    expect((await h.care.list('jsonl:u1'))[0]).toMatchObject({ next: '2027-06-02', festival: '端午节' });
  });
});

describe('reminders with a fake clock (SQLite)', () => {
  it('subscribe → tick past the date → exactly one push; ticking again sends nothing more', async () => {
    h = careHarness('2027-01-20T10:00:00+08:00');
    await h.care.subscribe(user(1), 'cert', h.now, { month: 3, day: 1 });
    expect((await h.tick('2027-02-28T12:00:00+08:00')).sent).toBe(0);
    expect((await h.tick('2027-03-01T10:00:00+08:00')).sent).toBe(1);
    await h.tick('2027-03-02T10:00:00+08:00');
    await h.tick('2027-06-01T10:00:00+08:00');
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toMatchObject({ chat: 'u1', key: 'rem|jsonl:u1|cert|2027-03-01' });
    expect(h.sent[0]?.text).toContain('002 第十六条(二)');
    // The next one is a year later.
    expect((await h.care.list('jsonl:u1'))[0]?.next).toBe('2028-03-01');
    expect(statSync(join(h.dir, 'scheduler.db')).mode & 0o777).toBe(0o600);
  });

  it('the health check comes every two years', async () => {
    h = careHarness('2027-01-20T10:00:00+08:00');
    await h.care.subscribe(user(1), 'check', h.now, { month: 4, day: 1 });
    await h.tick('2027-04-01T10:00:00+08:00');
    expect((await h.care.list('jsonl:u1'))[0]?.next).toBe('2029-04-01');
  });

  it('quiet hours: due at night waits for 08:00', async () => {
    expect(new Date(nextAllowed(Date.parse('2027-03-01T22:30:00+08:00'), { start: 21, end: 8 })).toISOString()).toBe('2027-03-02T00:00:00.000Z');
    h = careHarness('2027-01-20T10:00:00+08:00');
    await h.care.subscribe(user(1), 'cert', h.now, { month: 3, day: 1 });
    // The bot was down all day: at 22:00 nothing goes, at 07:59 still nothing, at 08:00 it goes.
    expect((await h.tick('2027-03-01T22:00:00+08:00')).deferred).toBe(1);
    await h.tick('2027-03-02T07:59:00+08:00');
    expect(h.sent).toHaveLength(0);
    await h.tick('2027-03-02T08:00:00+08:00');
    expect(h.sent).toHaveLength(1);
  });

  it('stop → nothing is sent (one kind, or all)', async () => {
    h = careHarness('2027-01-20T10:00:00+08:00');
    await h.care.subscribe(user(1), 'cert', h.now, { month: 3, day: 1 });
    await h.care.subscribe(user(1), 'leader', h.now, { month: 3, day: 1 });
    await h.care.subscribe(user(2), 'cert', h.now, { month: 3, day: 1 });
    expect(await h.care.stop('jsonl:u1', 'cert')).toEqual(['cert']);
    expect(await h.care.stop('jsonl:u2')).toEqual(['cert']);
    const stats = await h.tick('2027-03-01T10:00:00+08:00');
    expect(h.sent.map((o) => o.key)).toEqual(['rem|jsonl:u1|leader|2027-03-01']);
    expect(stats.unwanted).toBe(2);
  });

  it('changing the date: only the new date is reminded', async () => {
    h = careHarness('2027-01-20T10:00:00+08:00');
    await h.care.subscribe(user(1), 'cert', h.now, { month: 3, day: 1 });
    await h.care.subscribe(user(1), 'cert', h.now, { month: 5, day: 10 });
    await h.tick('2027-05-11T10:00:00+08:00');
    expect(h.sent.map((o) => o.key)).toEqual(['rem|jsonl:u1|cert|2027-05-10']);
  });

  it('due while down: sent late after start; more than 7 days stale: dropped and counted', async () => {
    h = careHarness('2027-01-20T10:00:00+08:00');
    await h.care.subscribe(user(1), 'cert', h.now, { month: 3, day: 1 });
    await h.care.subscribe(user(2), 'cert', h.now, { month: 3, day: 6 });
    const stats = await h.tick('2027-03-09T10:00:00+08:00');
    expect(stats).toMatchObject({ sent: 1, stale: 1 });
    expect(h.sent.map((o) => o.chat)).toEqual(['u2']);
    expect((await h.care.list('jsonl:u1'))[0]?.next).toBe('2028-03-01');
  });

  it('a notice to 3 groups and 50 subscribers reaches each once, and the count goes back to staff', async () => {
    h = careHarness('2027-01-20T10:00:00+08:00');
    for (const g of [1, 2, 3]) await h.care.groupNotices('jsonl', `g${g}`, true, h.now);
    for (let i = 0; i < 50; i++) await h.care.subscribe(user(i), i % 2 ? 'cert' : 'check', h.now);
    await h.care.subscribe(user(0), 'leader', h.now);
    const draft = await h.care.draftNotice('周五上午社区发体检表', { user: 'jsonl:s', platform: 'jsonl', chat: 's' });
    expect(draft).toMatchObject({ groups: 3, people: 50 });
    expect(await h.care.confirmNotice(draft.id, h.now)).toBe(53);
    expect(await h.care.confirmNotice(draft.id, h.now)).toBeNull();
    await h.tick('2027-01-20T10:01:00+08:00');
    await h.tick('2027-01-20T10:02:00+08:00');
    const notices = h.sent.filter((o) => o.key.startsWith('notice|'));
    expect(notices).toHaveLength(53);
    expect(new Set(notices.map((o) => o.chat)).size).toBe(53);
    expect(h.sent.filter((o) => o.key.startsWith('report|')).map((o) => [o.chat, o.text])).toEqual([['s', '【通知送达】已送达 53/53 处。']]);
  });

  it('a notice confirmed at 22:00 goes out at 08:00', async () => {
    h = careHarness('2027-01-20T22:00:00+08:00');
    await h.care.groupNotices('jsonl', 'g1', true, h.now);
    const draft = await h.care.draftNotice('通知', { user: 'jsonl:s', platform: 'jsonl', chat: 's' });
    await h.care.confirmNotice(draft.id, h.now);
    await h.tick('2027-01-20T22:30:00+08:00');
    expect(h.sent).toHaveLength(0);
    await h.tick('2027-01-21T08:00:00+08:00');
    expect(h.sent.map((o) => o.chat)).toEqual(['g1', 's']);
  });
});

describe('configuration of proactive care', () => {
  it('QUIET_HOURS is start-end hours or off; FESTIVAL_NOTICE_DAYS a whole number', async () => {
    const { loadConfig } = await import('../../src/config/index.ts');
    const ok = loadConfig({});
    expect(ok.ok && [ok.value.QUIET_HOURS, ok.value.FESTIVAL_NOTICE_DAYS, ok.value.PUSH_RATE]).toEqual(['21-8', 7, undefined]);
    expect(loadConfig({ QUIET_HOURS: '22-7' }).ok).toBe(true);
    expect(loadConfig({ QUIET_HOURS: 'off' }).ok).toBe(true);
    const bad = loadConfig({ QUIET_HOURS: '9pm', FESTIVAL_NOTICE_DAYS: '-1' });
    expect(bad.ok ? [] : bad.error.problems.map((p) => p.variable).sort()).toEqual(['FESTIVAL_NOTICE_DAYS', 'QUIET_HOURS']);
  });
});
