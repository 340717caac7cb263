import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incoming, Outgoing } from '../../src/chat/index.ts';
import { addressKey, SlidingLimiter, WebLimits } from '../../src/server/limits.ts';
import { MAX_NOTICES, WebNotices } from '../../src/server/notices.ts';
import { WebSessions } from '../../src/server/web-session.ts';
import { openSqliteStore } from '../../src/store/index.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'yinling-webparts-'));
  const s = openSqliteStore(join(dir, 'db.sqlite'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => s.close());
  return s;
}

describe('SlidingLimiter', () => {
  it('allows exactly limit events in the window, one more is refused, and the oldest frees a slot when it leaves', () => {
    const l = new SlidingLimiter(3, 1000);
    expect([0, 10, 20].map((t) => l.take('k', t))).toEqual([true, true, true]);
    expect(l.take('k', 999)).toBe(false);
    expect(l.waitMs('k', 999)).toBe(1);
    expect(l.take('k', 1000)).toBe(true); // the event at 0 left the window
    expect(l.take('other', 1000)).toBe(true);
  });
  it('a limit of 0 allows nothing; memory is bounded by capacity', () => {
    expect(new SlidingLimiter(0, 1000).take('k', 0)).toBe(false);
    const l = new SlidingLimiter(1, 60_000, 2);
    for (const k of ['a', 'b', 'c']) l.take(k, 0);
    expect(l.used('a', 1)).toBe(0); // forgotten: the oldest key went
    expect(l.used('c', 1)).toBe(1);
  });
});

describe('addressKey', () => {
  it('IPv4 as is, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('WebLimits: cases', () => {
  const msg = (user: string, client: string): Incoming => ({
    platform: 'web',
    chat: user,
    user,
    text: '转人工',
    group: false,
    mention: false,
    staff: false,
    now: new Date(),
    origin: { source: 'web', client },
  });
  const opened: Outgoing = { chat: 'x', intent: null, replies: [], cases: [{ id: 'C20261121-0001', type: 'inquiry', status: 'open' }] };
  const none: Outgoing = { chat: 'x', intent: null, replies: [], cases: [] };

  it('counts per address and per session, gives a slot back when no case was opened, and ignores other platforms', () => {
    let now = 0;
    const limits = new WebLimits({ messagesPerSession: 10, messagesPerAddress: 10, casesPerClient: 2 }, () => now);
    const a = msg('s1', '1.1.1.1');
    expect(limits.allowCase(a)).toBe(true);
    limits.settle(a, none); // the form failed: given back
    for (const session of ['s1', 's2']) {
      const m = msg(session, '1.1.1.1');
      expect(limits.allowCase(m)).toBe(true);
      limits.settle(m, opened);
    }
    expect(limits.allowCase(msg('s3', '1.1.1.1'))).toBe(false); // the address is at 2
    expect(limits.allowCase(msg('s1', '2.2.2.2'))).toBe(true); // s1 has 1
    expect(limits.allowCase(msg('s1', '3.3.3.3'))).toBe(false); // s1 is at 2
    expect(limits.allowCase({ ...msg('t', 't'), platform: 'telegram', origin: undefined })).toBe(true);
    now += 3_600_000;
    expect(limits.allowCase(msg('s3', '1.1.1.1'))).toBe(true); // an hour later
  });
});

describe('WebSessions', () => {
  it('verifies what it issued, nothing else; the key is kept in the store', async () => {
    const s = store();
    const sessions = await WebSessions.open(s);
    const { id, cookie } = sessions.issue();
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.verify(cookie)).toBe(id);
    expect(sessions.verify(id)).toBeNull();
    const flipped = `${cookie.slice(0, 30)}${cookie[30] === 'A' ? 'B' : 'A'}${cookie.slice(31)}`;
    expect(sessions.verify(flipped)).toBeNull();
    expect(sessions.verify(undefined)).toBeNull();
    expect((await WebSessions.open(s)).verify(cookie)).toBe(id); // the same key after a restart
    expect((await WebSessions.open(store())).verify(cookie)).toBeNull(); // another deployment
  });
});

describe('WebNotices', () => {
  it('keeps every notice written at once, gives them once, oldest first', async () => {
    const notices = new WebNotices(store());
    await Promise.all(Array.from({ length: 20 }, (_, i) => notices.keep('sid', `n${i}`, i)));
    const taken = await notices.take('sid');
    expect(taken.map((n) => n.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`).sort());
    expect(await notices.take('sid')).toEqual([]);
    expect(await notices.take('other')).toEqual([]);
  });
  it('keeps at most MAX_NOTICES, saying when it drops', async () => {
    const dropped: number[] = [];
    const notices = new WebNotices(store(), (_s, n) => dropped.push(n));
    for (let i = 0; i < MAX_NOTICES + 1; i++) await notices.keep('sid', `n${i}`, i);
    expect(dropped).toEqual([1]);
    const taken = await notices.take('sid');
    expect(taken).toHaveLength(MAX_NOTICES);
    expect(taken[0]?.text).toBe('n1');
  });
});
