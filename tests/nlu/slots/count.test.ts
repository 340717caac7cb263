import { describe, expect, it } from 'vitest';
import { findCounts, parseCount } from '../../../src/nlu/slots/count.ts';

describe('parseCount', () => {
  it.each([
    ['住院两次', 2],
    ['住院2次', 2],
    ['住了三回', 3],
    ['今年住院一次', 1],
    ['跑了五趟', 5],
    ['住院俩次', 2],
    ['管了45个人', 45],
    // "一个小组长" is one leader, not a group counted: the people managed are the count.
    ['一个小组长管45人', 45],
    ['小组40人', 40],
    ['我们组有三十五位老人', 35],
    ['1000户', 1000],
    ['两千户', 2000],
    ['管30个退休人员', 30],
    ['组员45个', 45],
    ['住院次数3', 3],
    ['小组人数是40', 40],
    ['西湖区 住院2次 自付8000 75岁 全年', 2],
    ['两个人', 2],
    ['就住了一次', 1],
    ['一次都没住过', 0],
    ['今年住院二次', 2],
    ['住了二次院', 2],
    ['做了两次手术', 2],
    ['住院一回也没有', 0],
  ])('%s → %s', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it.each([
    '第二次住院',
    '滨江区住院慰问多少钱一次',
    '150块一次是吧',
    '医保二次报销怎么弄',
    '二次手术的钱能报吗',
    '每次都要',
    '一次性补贴',
    '不是一回事',
    '我一个人住',
    '两三次',
    '好几次',
    '十几个人',
    '三个月',
    '住了15天',
    '自付8000',
    '75岁',
    '13812345678',
    '11010519491231002X',
    '住院',
    '',
  ])('%s → no count', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });

  it.each([
    ['那个体检是不是三年一次', '三年一次'],
    ['认证一年一次对吧', '一年一次'],
    ['资格认证是不是每年都要做一次', '每年要做'],
    ['体检半年一回还是一年一回', '半年一回'],
    ['一年两次慰问是哪两个节', '一年两次'],
    ['这个慰问金是不是只能拿一次', '只能拿一次'],
    ['大病慰问能申请两次吗', '能申请两次'],
    ['一次能报多少钱', '一次能报'],
    ['住一次院能给多少慰问金', '住一次院'],
    ['住一次院街道补多少', '住一次院 … 补'],
    ['一次性给还是分开给', '一次性'],
    ['上个月又住了一次院', '又住了一次'],
    ['下礼拜还得再跑一趟', '再跑一趟'],
  ])('a frequency, a rule or one more time is not a count: %s (%s)', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });

  it.each([
    ['今年我住了两次院', 2],
    ['去年一年住了三回院', 3],
    ['今年住院一次 能拿多少', 1],
    ['我就住了一次院能拿多少', 1],
    ['住过一次院', 1],
    ['认证是不是只能做一次 今年我已经跑了3趟', 3],
    ['体检两年一次 我们小组有30人', 30],
    ['我这组管了四十二个老人', 42],
  ])('a reported number of events or a group size is: %s → %s', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it.each(['电话号码打错了一位', '身份证少写了两位', '后四位是多少', '卡号前六位', '密码是六位数的'])('digits of a number are not people: %s', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });

  it('位 after a people context is still a head count', () => {
    expect(parseCount('我们组有十二位老同志')).toBe(12);
    expect(parseCount('来了三位')).toBe(3);
  });

  it('lists every count', () => {
    expect(findCounts('住院3次 管了40人').map((c) => c.count)).toEqual([3, 40]);
  });
});

describe('parseCount: alone and per-person rates are not head counts', () => {
  it.each(['老伴儿没了 剩我一个 不知道手续怎么弄', '小组就我们一个', '就他一个'])('%s → none', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });

  it('a rate after a figure is skipped, the head count after it is taken', () => {
    expect(parseCount('文体活动经费 130一人 钱塘区 900人')).toBe(900);
    expect(parseCount('10块一个人 管了40人')).toBe(40);
  });
});
