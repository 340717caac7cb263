import { describe, expect, it } from 'vitest';
import { findFestivals, parseFestival } from '../../../src/nlu/slots/festival.ts';

describe('parseFestival', () => {
  it.each([
    ['过年', '春节'],
    ['过年有慰问金吗', '春节'],
    ['春节', '春节'],
    ['年三十', '春节'],
    ['大年三十发不发', '春节'],
    ['除夕', '春节'],
    ['大年初一', '春节'],
    ['新春慰问', '春节'],
    ['端午', '端午节'],
    ['端午节', '端午节'],
    ['粽子节有钱拿吗', '端午节'],
    ['端阳', '端午节'],
    ['中秋', '中秋节'],
    ['中秋节', '中秋节'],
    ['八月十五发月饼吗', '中秋节'],
    ['团圆节', '中秋节'],
    ['重阳', '重阳节'],
    ['九九重阳', '重阳节'],
    ['重阳节', '重阳节'],
    ['老人节', '重阳节'],
    ['老年节有没有', '重阳节'],
    ['九月初九', '重阳节'],
    ['duanwu有粽子发吗', '端午节'],
    ['zhongqiu节慰问金', '中秋节'],
    ['chunjie发多少', '春节'],
    ['chongyangjie老人有啥', '重阳节'],
    ['Duan Wu 节', '端午节'],
  ])('%s → %s', (text, festival) => {
    expect(parseFestival(text)).toBe(festival);
  });

  it.each(['duanwux', 'zhongqiuzhi', 'xchunjie', 'chong'])('pinyin inside a longer latin word is not a festival: %s', (text) => {
    expect(parseFestival(text)).toBeUndefined();
  });

  it.each(['超过年龄了', '过年龄线', '新年好', '元旦', '八月十五号', '8月15', '节日慰问', '住院', ''])('%s → no festival', (text) => {
    expect(parseFestival(text)).toBeUndefined();
  });

  it('the first festival named wins; all are listed', () => {
    expect(parseFestival('中秋和过年都发吗')).toBe('中秋节');
    expect(findFestivals('中秋和过年都发吗').map((f) => f.festival)).toEqual(['中秋节', '春节']);
  });
});
