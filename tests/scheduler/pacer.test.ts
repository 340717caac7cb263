import { describe, expect, it } from 'vitest';
import { Pacer, PLATFORM_LIMITS } from '../../src/scheduler/index.ts';

/** A pacer on a fake clock: sleeping moves the clock, so the schedule it keeps can be read off exactly. */
function fakePacer() {
  let now = 0;
  const pacer = new Pacer(
    PLATFORM_LIMITS,
    async (ms) => {
      now += ms;
    },
    () => now,
  );
  return { pacer, at: () => now };
}

describe('platform limits kept by waiting', () => {
  it('Telegram: 30 messages a second overall', async () => {
    const { pacer, at } = fakePacer();
    const times: number[] = [];
    for (let i = 0; i < 90; i++) {
      await pacer.take('telegram', `u${i}`, false);
      times.push(at());
    }
    expect(times.at(-1)).toBeGreaterThanOrEqual(2900);
    expect(times.at(-1)).toBeLessThan(3100);
  });

  it('Telegram: 20 a minute into one group; other chats are not held up', async () => {
    const { pacer, at } = fakePacer();
    const times: number[] = [];
    for (let i = 0; i < 41; i++) {
      await pacer.take('telegram', '-100', true);
      times.push(at());
    }
    expect(times[19]).toBeLessThan(1000);
    expect(times[20]).toBeGreaterThanOrEqual(60_000);
    expect(times[40]).toBeGreaterThanOrEqual(120_000);
    const before = at();
    await pacer.take('telegram', '-200', true);
    expect(at() - before).toBeLessThan(100);
  });

  it('a 429 pauses the whole platform for the advised delay', async () => {
    const { pacer, at } = fakePacer();
    await pacer.take('lark', 'oc_1', false);
    pacer.pause('lark', 5000);
    await pacer.take('lark', 'oc_2', false);
    expect(at()).toBeGreaterThanOrEqual(5000);
  });
});
