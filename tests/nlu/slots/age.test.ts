import { describe, expect, it } from 'vitest';
import { findAges, parseAge } from '../../../src/nlu/slots/age.ts';

describe('parseAge', () => {
  it.each([
    ['75岁', 75],
    ['七十五岁', 75],
    ['75周岁', 75],
    ['虚岁80', 80],
    ['我今年78', 78],
    ['我今年78了', 78],
    ['今年七十八', 78],
    ['年龄75', 75],
    ['年纪是82', 82],
    ['享年85岁', 85],
    ['八十了', 80],
    ['我爸八十了', 80],
    ['都80了', 80],
    ['老伴已经九十了', 90],
    ['一百岁', 100],
    ['一百零二岁', 102],
    ['西湖区 住院2次 自付8000 75岁 全年', 75],
    ['孙子3岁', 3],
    ['今年八十', 80],
  ])('%s → %s', (text, age) => {
    expect(parseAge(text)).toBe(age);
  });

  it.each([
    '八十多岁',
    '七八十岁',
    '三十来岁',
    '今年3月',
    '今年住院2次',
    '今年一共住院3次',
    '今年五',
    '今年自付8000',
    '交了100了',
    '住了80了',
    '等了30了',
    '一百五十岁',
    '自付8000',
    '管了45个人',
    '75',
    '2026年',
    '13812345678',
    '',
  ])('%s → no age', (text) => {
    expect(parseAge(text)).toBeUndefined();
  });

  it('"N了" needs 40–120: 39了 and 121了 are not ages', () => {
    expect(parseAge('39了')).toBeUndefined();
    expect(parseAge('40了')).toBe(40);
    expect(parseAge('120了')).toBe(120);
    expect(parseAge('121了')).toBeUndefined();
  });

  it('ages run 1–130 with 岁', () => {
    expect(parseAge('130岁')).toBe(130);
    expect(parseAge('131岁')).toBeUndefined();
    expect(parseAge('0岁')).toBeUndefined();
  });

  it('lists every age', () => {
    expect(findAges('我75岁 老伴78岁').map((a) => a.age)).toEqual([75, 78]);
  });
});
