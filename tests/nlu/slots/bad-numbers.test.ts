/**
 * Issue 12 item 8: bad numbers and dates get no figure — no amount / date, and an error with a code the dialog
 * can say. Both sides of every boundary: decimals (two of 元 / three), magnitude (nine digits / ten), notation,
 * grouping, dates (1900 / 1899, 2100 / 2101).
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/nlu/index.ts';
import { normalize } from '../../../src/nlu/normalize.ts';
import { extractSlots, findAmounts, MAX_AMOUNT, parseNumber, scanNumbers } from '../../../src/nlu/slots/index.ts';

const now = new Date('2026-11-21T10:00:00+08:00');
const extract = (raw: string) => extractSlots(normalize(raw), { now });
const amountErrors = (raw: string) => extract(raw).errors.filter((e) => 'slot' in e && e.slot === 'amount');

describe('amounts that stay amounts', () => {
  it.each<[string, number]>([
    ['自付12000', 12000],
    ['自付12,000', 12000],
    ['自付1.2万', 12000],
    ['自付一万二', 12000],
    ['自付壹万贰仟元', 12000],
    ['自付12k', 12000],
    ['自付12000.5', 12000.5],
    ['自付12000.50', 12000.5],
    ['自付两千五', 2500],
    ['12000', 12000],
    ['12,000', 12000],
    ['一万二', 12000],
    ['壹万贰仟元', 12000],
    ['12000.5', 12000.5],
    // two decimals of 元 — the boundary's good side
    ['自付12000.01', 12000.01],
    ['自付12000.010', 12000.01],
    ['自付0.01元', 0.01],
    ['自付１２０００.０１', 12000.01],
    ['自付1.2345万', 12345],
    ['自付1.234567万', 12345.67],
    ['自付1.15万', 11500],
    // grouping: thousands are fine
    ['自付1,234,567元', 1234567],
    ['自付1,000.5元', 1000.5],
    // nine digits — the magnitude's good side (the dialog says it is over the rules' limit)
    ['999999999元', 999999999],
    ['自付九亿九千九百九十九万九千九百九十九元', 999999999],
    ['九九九九九九九九九元', 999999999],
    ['自付两千万', 20000000],
    ['自付0元', 0],
  ])('%s → %s', (text, amount) => {
    const r = extract(text);
    expect(r.slots.amount).toBe(amount);
    expect(amountErrors(text)).toEqual([]);
  });
});

describe('bad amounts: no figure, an error with a code', () => {
  it.each<[string, string, string | undefined]>([
    // more than two decimals of 元: an error, not rounded
    ['自付12000.001', 'invalid_amount', 'decimals'],
    ['12000.001', 'invalid_amount', 'decimals'],
    ['自付12000.0101元', 'invalid_amount', 'decimals'],
    ['自付0.001元', 'invalid_amount', 'decimals'],
    ['自付１２０００.００１', 'invalid_amount', 'decimals'],
    ['自付1.2345678万', 'invalid_amount', 'decimals'],
    ['自付12,000.001元', 'invalid_amount', 'decimals'],
    // notations
    ['自付1e309', 'invalid_amount', 'notation'],
    ['1e309', 'invalid_amount', 'notation'],
    ['自付1e5', 'invalid_amount', 'notation'],
    ['自付1E+3', 'invalid_amount', 'notation'],
    ['自付1.5e3元', 'invalid_amount', 'notation'],
    ['自付-1e5', 'invalid_amount', 'notation'],
    ['自付0x10000', 'invalid_amount', 'notation'],
    ['0x10000', 'invalid_amount', 'notation'],
    ['自付0b101', 'invalid_amount', 'notation'],
    ['自付0o17', 'invalid_amount', 'notation'],
    ['自付Infinity', 'invalid_amount', 'notation'],
    ['Infinity', 'invalid_amount', 'notation'],
    ['自付NaN', 'invalid_amount', 'notation'],
    ['NaN', 'invalid_amount', 'notation'],
    ['花了NaN元', 'invalid_amount', 'notation'],
    // digits grouped wrongly
    ['自付1,2,3,4', 'invalid_amount', 'grouping'],
    ['1,2,3,4', 'invalid_amount', 'grouping'],
    ['自付１，２，３，４', 'invalid_amount', 'grouping'],
    ['自付1,0000元', 'invalid_amount', 'grouping'],
    ['自付12,00元', 'invalid_amount', 'grouping'],
    // ten digits and more
    ['1000000000元', 'absurd_amount', undefined],
    ['自付十亿元', 'absurd_amount', undefined],
    ['自付一万亿', 'absurd_amount', undefined],
    ['一万亿', 'absurd_amount', undefined],
    ['自付一千万亿', 'absurd_amount', undefined],
    ['自付九九九九九九九九九九', 'absurd_amount', undefined],
    ['九九九九九九九九九九元', 'absurd_amount', undefined],
    [`自付${'9'.repeat(400)}元`, 'absurd_amount', undefined],
  ])('%s → %s', (text, code, reason) => {
    const r = extract(text);
    expect(r.slots.amount).toBeUndefined();
    const errors = amountErrors(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, slot: 'amount', ...(reason ? { reason } : {}) });
  });

  it('never reads the digits inside a notation as an amount (1e309 is not 309 元, 0x10000 not 10000)', () => {
    for (const text of ['1e309', '自付1e309元', '0x10000', '0b101', '0o17', '1e5', '1.5e3元']) {
      expect(findAmounts(normalize(text))).toEqual([]);
    }
    expect(extract('1e5岁').slots.age).toBeUndefined();
    expect(extract('住院1e2次').slots.count).toBeUndefined();
  });

  it('keeps the error text short', () => {
    const text = (amountErrors(`自付${'9'.repeat(400)}元`)[0] as { text: string }).text;
    expect(text.length).toBeLessThanOrEqual(25);
  });

  it('comes back through understand() (full-width, upper-case): no amount, the error, and no question asked by a bare one', () => {
    for (const [text, code] of [
      ['自付１２０００.００１', 'invalid_amount'],
      ['1E+3', 'invalid_amount'],
      ['0x10000', 'invalid_amount'],
      ['一万亿', 'absurd_amount'],
    ] as const) {
      const u = understand(text, { now });
      expect(u.slots.amount).toBeUndefined();
      expect(u.errors?.map((e) => e.code)).toContain(code);
    }
    for (const text of ['1e309', '0x10000', 'NaN', '1E+3元']) expect(understand(text, { now }).intent).toBe('out_of_scope');
  });
});

describe('a bad figure competes with the good ones', () => {
  it.each<[string, number | undefined, string | undefined]>([
    // the self-pay figure is bad: a weaker good one does not stand in for it
    ['住院花了三万 自付1e5', undefined, 'invalid_amount'],
    ['住院花了三万 自付12000.001', undefined, 'invalid_amount'],
    ['医药费12万 自己付了一万亿', undefined, 'absurd_amount'],
    // the bad one is the weaker: the good one stands
    ['自付12000 住院费1e5', 12000, undefined],
    ['自付12000 医药费一万亿', 12000, undefined],
  ])('%s → %s', (text, amount, code) => {
    const r = extract(text);
    expect(r.slots.amount).toBe(amount);
    expect(amountErrors(text).map((e) => e.code)).toEqual(code ? [code] : []);
  });
});

describe('what looks malformed but is said in passing stays as it was', () => {
  it.each<[string, Record<string, unknown>]>([
    // a comma between clauses, not a grouping
    ['自付800,3次', { amount: 800, count: 3 }],
    ['西湖区 自付8000,3次', { region: '西湖区', amount: 8000, count: 3 }],
    ['我选1,2,3', {}],
    ['1,2月份住的院', {}],
    // nan is also pinyin
    ['hu nan', {}],
    ['wo zai hu nan', {}],
  ])('%s', (text, slots) => {
    const r = extract(text);
    expect(r.slots).toMatchObject(slots);
    expect(amountErrors(text)).toEqual([]);
  });
});

describe('dates: impossible and implausible ones are errors', () => {
  it.each<[string, string]>([
    ['昨天', '2026-11-20'],
    ['11月3号', '2026-11-03'],
    ['2026-11-03', '2026-11-03'],
    ['2026年11月3日', '2026-11-03'],
    ['二零二五年十一月三日', '2025-11-03'],
    ['98年3月2日', '1998-03-02'],
    ['1900-01-01', '1900-01-01'],
    ['1900年1月1日', '1900-01-01'],
    ['2100-12-31', '2100-12-31'],
  ])('%s → %s', (text, date) => {
    const r = extract(text);
    expect(r.slots.date).toBe(date);
    expect(r.errors.filter((e) => e.code === 'invalid_date')).toEqual([]);
  });

  it.each(['1800-01-01', '我父亲1800-01-01去世', '1899-12-31', '1899年12月31日', '一八九九年十二月三十一日', '2101-01-01', '2200年1月1日', '2026-02-30'])(
    '%s → no date, invalid_date',
    (text) => {
      const r = extract(text);
      expect(r.slots.date).toBeUndefined();
      expect(r.errors).toContainEqual(expect.objectContaining({ code: 'invalid_date', slot: 'date' }));
      expect(r.slots.amount).toBeUndefined();
    },
  );
});

describe('numerals', () => {
  it('reads 万亿 as one unit (10^12), so 一万亿 is no 一万', () => {
    expect(parseNumber('一万亿')).toBe(1e12);
    expect(parseNumber('一千万亿')).toBe(1e15);
    expect(parseNumber('两万亿三千万')).toBe(2e12 + 3e7);
    expect(parseNumber('一亿两千万')).toBe(120000000);
    expect(parseNumber('1万2万')).toBeUndefined();
  });

  it('flags more than two decimals, allowing for floating-point noise', () => {
    const flag = (t: string) => scanNumbers(t)[0]?.excessDecimals;
    expect(flag('12000.001')).toBe(true);
    expect(flag('1.2345678万')).toBe(true);
    expect(flag('12000.01')).toBe(false);
    expect(flag('1.15万')).toBe(false);
    expect(flag('1.2345万')).toBe(false);
    expect(flag('一万二')).toBe(false);
  });

  it('puts the magnitude boundary at ten digits', () => {
    expect(MAX_AMOUNT).toBe(1_000_000_000);
  });
});
