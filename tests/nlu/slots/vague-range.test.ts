import { describe, expect, it } from 'vitest';
import { vagueRange } from '../../../src/nlu/slots/money.ts';

/** The range a vague amount says: the serious-illness tiers can often answer it without the exact figure. */
describe('vagueRange', () => {
  it.each([
    ['六万多', '', { lo: 60000, hi: 70000, above: true }],
    ['四万出头', '', { lo: 40000, hi: 45000, above: true }],
    ['一万一左右', '', { lo: 10450, hi: 11550, above: false }],
    // "超过四万", "四万以上": anything above the figure, up to the largest bill taken to be real.
    ['四万', '自付超过', { lo: 40000, hi: 9999999, above: true }],
    ['四万以上', '自付', { lo: 40000, hi: 9999999, above: true }],
  ] as const)('"%s" after "%s" → %o', (raw, before, range) => {
    expect(vagueRange(raw, before)).toEqual(range);
  });

  it.each([
    ['四万', '自付'],
    ['几千', ''],
    ['两三万', ''],
  ])('"%s" after "%s" states no range', (raw, before) => {
    expect(vagueRange(raw, before)).toBeNull();
  });
});
