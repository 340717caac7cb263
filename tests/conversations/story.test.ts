import { describe, expect, it } from 'vitest';
import { asked, hasFigure } from './story.ts';

describe('hasFigure: a number as a figure, never inside a longer one', () => {
  it.each([
    ['最高不超过2500元', 2500, true],
    ['共2,500元', 2500, true],
    ['2500.00元', 2500, true],
    ['逐年提高，2028年与杭州同标', 2028, true],
    ['（其中区里留15元）', 15, true],
    ['12500元', 2500, false],
    ['12,500元', 2500, false],
    ['1.2500', 2500, false],
    ['2500.5元', 2500, false],
    ['25000元', 2500, false],
  ])('%s has %d: %s', (text, n, expected) => {
    expect(hasFigure(text, n)).toBe(expected);
  });
});

describe('asked: what the last message asks for', () => {
  const place = { user: 'u', group: 'g' };
  const ask = (text: string) => asked({ intent: null, replies: [{ chat: 'u', text }], cases: [] } as never, place as never);
  it.each([
    ['您是哪个区、县（市）的？', 'region', 'relation'],
    ['去世的是您的什么人？', 'relation', 'region'],
    ['您是他的什么人？', 'relation', 'region'],
  ])('%s asks %s, not %s', (text, yes, no) => {
    expect(ask(text).has(yes as never)).toBe(true);
    expect(ask(text).has(no as never)).toBe(false);
  });
});
