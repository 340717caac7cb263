import { describe, expect, it } from 'vitest';
import { monthDayOf, readCare } from '../../src/dialog/steps/care.ts';
import { normalize } from '../../src/nlu/index.ts';

const read = (text: string) => readCare(normalize(text));

describe('reminder requests in words (cue rules, not an NLU intent)', () => {
  it.each([
    ['每年认证提醒我一下', { what: 'subscribe', kind: 'cert' }],
    ['体检到时候叫我', { what: 'subscribe', kind: 'check' }],
    ['过节前通知我一声', { what: 'subscribe', kind: 'festival' }],
    ['小组长补助申请的时候提醒下我', { what: 'subscribe', kind: 'leader' }],
    ['提醒我一下', { what: 'subscribe' }],
    ['我订了哪些提醒', { what: 'list' }],
    ['不要再提醒了', { what: 'stop' }],
    ['体检的别再提醒我了', { what: 'stop', kind: 'check' }],
    ['认证提醒改到5月10日', { what: 'change', kind: 'cert' }],
    ['體檢到時候叫我', { what: 'subscribe', kind: 'check' }],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    '社区叫我去认证，怎么弄',
    '通知我交体检报告，交到哪里',
    '养老金资格认证怎么办',
    '体检多少钱',
    '提醒我去哪里认证',
    '她叫我问问要啥材料',
    '我妈叫我帮她查一下体检',
  ])('not a reminder request: %s', (text) => {
    expect(read(text)).toBeNull();
  });

  it('reads month and day in digits or Chinese numerals', () => {
    expect(monthDayOf('改到5月10日')).toEqual({ month: 5, day: 10 });
    expect(monthDayOf('改到十二月二十五号')).toEqual({ month: 12, day: 25 });
    expect(monthDayOf('改成3月')).toEqual({ month: 3, day: 1 });
    expect(monthDayOf('改到2月30日')).toBe('bad');
  });
});
