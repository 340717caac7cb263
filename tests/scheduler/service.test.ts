import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelDeps } from '../../src/channels/types.ts';
import type { Reply } from '../../src/chat/index.ts';
import { startService } from '../../src/service.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
};

describe('service: reminders go out through the channel of their platform', () => {
  it('a subscription made in chat is pushed once when its day comes, with its key', { timeout: 20_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yinling-care-svc-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let now = new Date('2027-01-20T10:00:00+08:00');
    const pushed: Reply[] = [];
    let deps: ChannelDeps | null = null;
    const channel: Channel = {
      name: 'telegram',
      start: async () => undefined,
      stop: async () => undefined,
      connected: () => true,
      push: async (r) => void pushed.push(r),
    };
    const svc = await startService(
      { DATA_DIR: dir },
      {
        port: 0,
        logger: pino({ level: 'silent' }),
        now: () => now,
        dueEveryMs: 50,
        channels: [
          (d) => {
            deps = d;
            return channel;
          },
        ],
      },
    );
    cleanups.push(() => svc.close());
    const handle = (deps as ChannelDeps | null)?.handle as ChannelDeps['handle'];
    const out = await handle({ platform: 'telegram', chat: '42', user: '42', text: '认证提醒我一下', group: false, mention: false, staff: false, now });
    expect(out.replies[0]?.text).toContain('下次 2027-02-01');
    now = new Date('2027-02-01T09:00:30+08:00');
    await until(() => pushed.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ chat: '42', key: 'rem|telegram:42|cert|2027-02-01', text: expect.stringContaining('【认证提醒】') });
  });
});
