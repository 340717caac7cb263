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
    ['住院一回也没有', 0],
  ])('%s → %s', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it.each([
    '第二次住院',
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

  it('lists every count', () => {
    expect(findCounts('住院3次 管了40人').map((c) => c.count)).toEqual([3, 40]);
  });
});
