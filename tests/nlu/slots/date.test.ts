import { describe, expect, it } from 'vitest';
import { findDates, parseDate, shanghaiDate } from '../../../src/nlu/slots/date.ts';

/** Saturday 2026-11-21, 10:00 in Shanghai. */
const NOW = '2026-11-21T10:00:00+08:00';

describe('parseDate relative to Saturday 2026-11-21 (Asia/Shanghai)', () => {
  it.each([
    ['今天', '2026-11-21'],
    ['今天早上走的', '2026-11-21'],
    ['今早', '2026-11-21'],
    ['今晚', '2026-11-21'],
    ['昨天', '2026-11-20'],
    ['昨天夜里走的', '2026-11-20'],
    ['昨晚', '2026-11-20'],
    ['昨儿个', '2026-11-20'],
    ['前天', '2026-11-19'],
    ['前天晚上', '2026-11-19'],
    ['大前天', '2026-11-18'],
    ['三天前', '2026-11-18'],
    ['3天前', '2026-11-18'],
    ['十天以前', '2026-11-11'],
    ['一周前', '2026-11-14'],
    ['两个星期前', '2026-11-07'],
    ['上个月15号', '2026-10-15'],
    ['上月15日', '2026-10-15'],
    ['这个月3号', '2026-11-03'],
    ['本月3日', '2026-11-03'],
    ['11月3日', '2026-11-03'],
    ['11月3号', '2026-11-03'],
    // A name ending in 年 (郑伯年) is no year before the month.
    ['郑伯年11月3号走的', '2026-11-03'],
    ['王永年 11月3日', '2026-11-03'],
    ['11月3号早上', '2026-11-03'],
    ['十一月三号', '2026-11-03'],
    ['12月份5号', '2026-12-05'],
    ['2026年1月3号', '2026-01-03'],
    ['2026-01-03', '2026-01-03'],
    ['2026/1/3', '2026-01-03'],
    ['2026.1.3', '2026-01-03'],
    // Month and day written short: two digits with a dot, or a slash.
    ['打错了 是11.15', '2026-11-15'],
    ['11/5走的', '2026-11-05'],
    ['去年12月5日', '2025-12-05'],
    ['前年3月1号', '2024-03-01'],
    ['二零二五年十二月五号', '2025-12-05'],
    ['二三年三月五号', '2023-03-05'],
    ['98年3月2日', '1998-03-02'],
    ['上周五', '2026-11-13'],
    ['上个星期五', '2026-11-13'],
    ['上礼拜五', '2026-11-13'],
    ['上周日', '2026-11-15'],
    ['上周一', '2026-11-09'],
    ['这周五', '2026-11-20'],
    ['本周五', '2026-11-20'],
    ['这周一', '2026-11-16'],
    ['周三', '2026-11-18'],
    ['星期三', '2026-11-18'],
    ['礼拜三', '2026-11-18'],
    ['星期六', '2026-11-21'],
    ['星期天', '2026-11-15'],
    ['周日', '2026-11-15'],
    ['3号', '2026-11-03'],
    ['十五号走的', '2026-11-15'],
    ['我爸前天晚上走的想问问丧葬费', '2026-11-19'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text, NOW)).toBe(iso);
  });

  it.each([
    ['明天', '2026-11-22'],
    ['明天上午我去社区交材料行不', '2026-11-22'],
    ['明早八点要排队吗', '2026-11-22'],
    ['明晚的活动还搞不搞', '2026-11-22'],
    ['明儿个我让女儿带我去', '2026-11-22'],
    ['他说明天过来拿表', '2026-11-22'],
    ['后天能不能去办认证', '2026-11-23'],
    ['后儿个我有空', '2026-11-23'],
    ['大后天社区开会吗', '2026-11-24'],
    ['今晚我老伴走的', '2026-11-21'],
    ['今早送到医院人就没了', '2026-11-21'],
    ['今天上午刚从医院回来', '2026-11-21'],
    ['今儿个下午走的', '2026-11-21'],
  ])('future and same-day words: %s → %s', (text, iso) => {
    expect(parseDate(text, NOW)).toBe(iso);
  });

  it.each(['然后天气一冷就犯病', '以后天天要吃药', '先天后天的毛病', '后天性的病能报吗', '最后天天跑医院', '聪明天生的', '明年再说吧', '然后儿子来了'])(
    'not a future day: %s',
    (text) => {
      expect(parseDate(text, NOW)).toBeUndefined();
    },
  );

  it('takes now’s year for a month-day even when that is in the future (the dialog rejects it)', () => {
    expect(parseDate('12月25号', NOW)).toBe('2026-12-25');
    expect(parseDate('这周日', NOW)).toBe('2026-11-22');
  });

  it.each(['2月30日', '2026年2月29日', '13月1日', '4月31号'])('%s is an impossible date: no date, but reported', (text) => {
    expect(parseDate(text, NOW)).toBeUndefined();
    expect(findDates(text, NOW)[0]?.date).toBeNull();
  });

  it('2028 is a leap year', () => {
    expect(parseDate('2028年2月29日', NOW)).toBe('2028-02-29');
  });

  it.each([
    '上个月',
    '前几天',
    '最近',
    '前些日子',
    '八月十五',
    '3号楼',
    '1号线',
    '几号',
    '之前天天去',
    '以前天天锻炼',
    '一日三餐',
    '十五日内',
    '每周三',
    '周一到周五都可以办吗',
    '星期一至星期五',
    '周五-周日',
    '两周三次',
    '2026年',
    '11月',
    '元旦',
    '三个月',
    '住院2次',
    // Amounts, not dates.
    '自付1.5万',
    '发票12.15元',
    '体检花了11.50',
    '',
  ])('%s → no date', (text) => {
    expect(parseDate(text, NOW)).toBeUndefined();
  });

  it('八月十五号 is a date, 八月十五 is the festival', () => {
    expect(parseDate('八月十五号', NOW)).toBe('2026-08-15');
    expect(parseDate('8月15', NOW)).toBe('2026-08-15');
    expect(parseDate('八月十五', NOW)).toBeUndefined();
  });

  it('returns the first date when several are named', () => {
    expect(parseDate('11月3号走的 昨天才报', NOW)).toBe('2026-11-03');
    expect(findDates('11月3号走的 昨天才报', NOW).map((d) => d.date)).toEqual(['2026-11-03', '2026-11-20']);
  });
});

describe('the clock is read in Shanghai', () => {
  it('00:30 in Shanghai is already the next day though UTC is still on the previous one', () => {
    expect(parseDate('今天', '2026-11-20T16:30:00Z')).toBe('2026-11-21');
    expect(parseDate('今天', '2026-11-20T15:59:59Z')).toBe('2026-11-20');
  });

  it('accepts a Date, an ISO string or epoch milliseconds', () => {
    const t = Date.parse(NOW);
    expect(shanghaiDate(new Date(t))).toEqual({ y: 2026, m: 11, d: 21 });
    expect(shanghaiDate(t)).toEqual({ y: 2026, m: 11, d: 21 });
    expect(shanghaiDate(NOW)).toEqual({ y: 2026, m: 11, d: 21 });
  });

  it('an invalid clock gives no date instead of throwing', () => {
    expect(shanghaiDate('not a time')).toBeNull();
    expect(parseDate('昨天', 'not a time')).toBeUndefined();
    expect(parseDate('昨天', new Date(Number.NaN))).toBeUndefined();
  });

  it('future days cross month and year ends too', () => {
    expect(parseDate('明天', '2026-02-28T09:00:00+08:00')).toBe('2026-03-01');
    expect(parseDate('后天', '2026-12-31T09:00:00+08:00')).toBe('2027-01-02');
    expect(parseDate('明天', '2026-11-21T23:30:00+08:00')).toBe('2026-11-22');
  });

  it('crosses month and year ends', () => {
    expect(parseDate('昨天', '2026-03-01T09:00:00+08:00')).toBe('2026-02-28');
    expect(parseDate('上个月15号', '2026-01-10T09:00:00+08:00')).toBe('2025-12-15');
    expect(parseDate('大前天', '2026-01-02T09:00:00+08:00')).toBe('2025-12-30');
    expect(parseDate('上周五', '2026-01-01T09:00:00+08:00')).toBe('2025-12-26');
  });

  it('on a Monday 上周日 is yesterday and 周日 alone is yesterday too', () => {
    const monday = '2026-11-23T09:00:00+08:00';
    expect(parseDate('上周日', monday)).toBe('2026-11-22');
    expect(parseDate('周日', monday)).toBe('2026-11-22');
    expect(parseDate('周一', monday)).toBe('2026-11-23');
    expect(parseDate('上周一', monday)).toBe('2026-11-16');
  });
});

describe('parseDate: dialect day words', () => {
  it.each([
    ['阿爸琴日去世', '2026-11-20'],
    ['寻日走了', '2026-11-20'],
    ['我老母前日没了', '2026-11-19'],
    ['我姆妈今朝走了', '2026-11-21'],
  ])('%s → %s', (text, date) => {
    expect(parseDate(text, NOW)).toBe(date);
  });

  it.each(['目前日子难过', '春节前日子紧'])('%s → no date', (text) => {
    expect(parseDate(text, NOW)).toBeUndefined();
  });
});
