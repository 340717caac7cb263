import { describe, expect, it } from 'vitest';
import { hasFigure } from './story.ts';

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
