import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../src/channels/telegram.ts';
import { createLogger } from '../../src/log.ts';
import type { Occurrence } from '../../src/scheduler/index.ts';
import { startFakeTelegram } from '../support/fake-telegram.ts';
import { careHarness, tr, user } from './support.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('429 back-off through a fake Telegram Bot API on loopback', () => {
  it('waits the advised retry_after, then sends once', async () => {
    const fake = await startFakeTelegram();
    const channel = createTelegramChannel(
      { token: fake.token, apiRoot: fake.apiRoot, tr },
      { handle: async (i) => ({ chat: i.chat, intent: null, replies: [], cases: [] }), logger: createLogger({ level: 'silent' }), staffIds: new Set() },
    );
    const h = careHarness('2027-01-20T10:00:00+08:00', {
      send: (o: Occurrence) => channel.push({ chat: o.chat, text: o.text, buttons: o.buttons, key: o.key }),
      limits: { '*': { perSecond: 30, perGroup: 20, groupWindowMs: 60_000 } },
    });
    cleanups.push(async () => {
      await h.close();
      await fake.close();
    });
    await h.care.subscribe({ ...user(1), chat: '1001' }, 'cert', h.now, { month: 3, day: 1 });
    await h.care.subscribe({ ...user(2), chat: '1002' }, 'cert', h.now, { month: 3, day: 1 });
    // Three 429s: both messages (sent side by side) are refused; the channel waits retry_after once itself, and the
    // 429 after that reaches the scheduler, which pauses the platform for the advised second before trying again.
    fake.throttle(3, 1);
    const started = Date.now();
    const stats = await h.tick('2027-03-01T10:00:00+08:00');
    const sends = fake.callsOf('sendMessage');
    expect(stats).toMatchObject({ sent: 2, failed: 0 });
    // Five calls, three refused: each chat received its message once.
    expect(sends).toHaveLength(5);
    expect(new Set(sends.map((c) => c.payload.chat_id)).size).toBe(2);
    const last = sends.at(-1) as { at: number };
    // The last attempt came a full advised second after the 429 the scheduler saw.
    expect(last.at - (sends.at(-2) as { at: number }).at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });
});
