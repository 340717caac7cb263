import { describe, expect, it } from 'vitest';
import { parseNumber, scanNumbers } from '../../../src/nlu/slots/numerals.ts';

describe('parseNumber: one whole number', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['12000', 12000],
    ['12,000', 12000],
    ['1,234,567', 1234567],
    ['4.5', 4.5],
    ['1.2万', 12000],
    ['4.5万', 45000],
    ['1.15万', 11500],
    ['1万2', 12000],
    ['1万2000', 12000],
    ['1万25', 10025],
    ['1千5', 1500],
    ['12k', 12000],
    ['12K', 12000],
    ['1.5k', 1500],
    ['2w', 20000],
    ['1.2w', 12000],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['七十五', 75],
    ['一百', 100],
    ['一百零五', 105],
    ['一百五', 150],
    ['三百五', 350],
    ['一千零五十', 1050],
    ['八千五', 8500],
    ['五千零一', 5001],
    ['一万', 10000],
    ['一万二', 12000],
    ['一万两千', 12000],
    ['一万二千三百', 12300],
    ['两万五', 25000],
    ['十万', 100000],
    ['十二万', 120000],
    ['壹万贰仟', 12000],
    ['叁仟伍佰', 3500],
    ['一亿两千万', 120000000],
    ['两', 2],
    ['俩', 2],
    ['仨', 3],
    ['二零二六', 2026],
    ['二〇〇〇', 2000],
  ])('%s → %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', '千万', '万', '几千', '一万多', '两三万', '七八十', '十几', '十二三', 'abc', '1万2万', '12 000'])('%s is not one exact number', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('scanNumbers', () => {
  it('finds every number with its span', () => {
    const spans = scanNumbers('住院2次 自付8000 75岁');
    expect(spans.map((s) => [s.raw, s.value, s.start, s.end])).toEqual([
      ['2', 2, 2, 3],
      ['8000', 8000, 7, 11],
      ['75', 75, 12, 14],
    ]);
  });

  it('stops a Chinese digit from running into an Arabic number', () => {
    expect(scanNumbers('12000一次').map((s) => s.value)).toEqual([12000, 1]);
  });

  it('marks vague numbers', () => {
    for (const text of ['几千块', '一万多块', '两三万', '十几个', '七八十岁', '一百来块', '一万余元', '二十七八个']) {
      expect(scanNumbers(text)[0]?.vague, text).toBe(true);
    }
    for (const text of ['一万二能拿多少', '12000多少钱', '自付8000余杭区', '8000来问问']) {
      expect(scanNumbers(text)[0]?.vague, text).toBe(false);
    }
  });

  it('reads a sign only where it is one', () => {
    expect(scanNumbers('-5000')[0]?.negative).toBe(true);
    expect(scanNumbers('金额:-5000')[0]?.negative).toBe(true);
    expect(scanNumbers('负五千')[0]?.negative).toBe(true);
    expect(scanNumbers('5000-6000')[1]?.negative).toBe(false);
    expect(scanNumbers('2026-01-03')[1]?.negative).toBe(false);
  });

  it('flags digit strings, magnitude and grouping', () => {
    expect(scanNumbers('二零二六年')[0]?.digitString).toBe(true);
    expect(scanNumbers('一万二')[0]?.magnitude).toBe(true);
    expect(scanNumbers('七十五')[0]?.magnitude).toBe(false);
    expect(scanNumbers('12,000')[0]?.grouped).toBe(true);
    expect(scanNumbers('123456789')[0]?.integerDigits).toBe(9);
  });

  it('does not start a number on a unit (千万别, 万一 reads only the 一)', () => {
    expect(scanNumbers('千万别')).toEqual([]);
    expect(scanNumbers('万一')[0]?.value).toBe(1);
  });
});
