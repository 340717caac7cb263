/**
 * The `date` slot: an ISO date 'YYYY-MM-DD', relative words resolved against `now` in Asia/Shanghai
 * (UTC+8, no daylight saving).
 *
 * Understood: 今天 / 今早 / 今晚 / 今天上午 / 今朝 (Wu), 昨天 / 昨晚 / 琴日 / 寻日 (Cantonese), 前天 / 前日 / 前天晚上, 大前天, 明天 / 明早 / 明晚, 后天,
 * 大后天, N天前, N周前; 上周五 / 这周五 / 本周五 /
 * 下周五 (weeks start on Monday), 周三 / 星期三 / 礼拜天 alone (the most recent such day, today included;
 * not in a range of weekdays like 周一到周五, which is about opening hours, nor in 每周三);
 * 上个月15号, 这个月3号; 11月3日, 十一月三号, 3号 alone (this month); 2026年1月3号, 去年12月5日,
 * 2026-01-03, 2026/1/3, 2026.1.3.
 * Rulings: future relative days (明天, 后天, 大后天) are dates like any other: the dialog rejects a future
 * date of death itself, and other dialogs (an appointment, an activity) need them. 后天 is not read inside
 * 然后天气 / 以后天天 / 先天后天 / 后天性. A month-day without a year takes now's year, and a day alone takes now's month, even when
 * that is in the future (the dialog rejects future dates; we do not guess). 八月十五 without 号/日 is the
 * Mid-Autumn festival, not a date. Impossible dates (2月30日, 13月1日) and implausible ones (a year before 1900 or
 * after 2100: 1800-01-01, 2200年1月1日) give no date and an error. Vague
 * references (前几天, 上个月, 最近) give nothing. Holidays (元旦, 春节…) are not dates here.
 */
import { parseNumber } from './numerals.ts';

export type Now = Date | string | number;

export interface CivilDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** ISO date, or null when the text names an impossible date. */
  readonly date: string | null;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86400 * 1000;

/** The calendar date in Asia/Shanghai at the instant `now`; null if `now` is not a valid instant. */
export function shanghaiDate(now: Now): CivilDate | null {
  const t = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(t)) return null;
  const s = new Date(t + SHANGHAI_OFFSET_MS);
  if (Number.isNaN(s.getTime())) return null;
  return { y: s.getUTCFullYear(), m: s.getUTCMonth() + 1, d: s.getUTCDate() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The years a date may be in: before 1900 (1800-01-01) or after 2100 it is a typo, not a date of this service. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** 'YYYY-MM-DD', or null for a year outside MIN_YEAR … MAX_YEAR. */
export function isoOf(c: CivilDate): string | null {
  if (c.y < MIN_YEAR || c.y > MAX_YEAR) return null;
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
}

/** The date if y-m-d exists on the calendar. */
function civil(y: number, m: number, d: number): CivilDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCFullYear(y);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return { y, m, d };
}

function addDays(c: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(c.y, c.m - 1, c.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(c: CivilDate): number {
  const w = new Date(Date.UTC(c.y, c.m - 1, c.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

const CN = '[零〇一二两三四五六七八九十]';
const NUM = `(?:\\d{1,2}|${CN}{1,3})`;
const WEEKDAY: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
};
const RELATIVE_DAY: Readonly<Record<string, number>> = {
  今天: 0,
  今日: 0,
  今儿: 0,
  今儿个: 0,
  今早: 0,
  今晨: 0,
  今晚: 0,
  今夜: 0,
  今天早上: 0,
  昨天: -1,
  昨日: -1,
  昨儿: -1,
  昨儿个: -1,
  昨晚: -1,
  昨夜: -1,
  琴日: -1,
  寻日: -1,
  噚日: -1,
  今朝: 0,
  前天: -2,
  前日: -2,
  前儿: -2,
  前儿个: -2,
  前晚: -2,
  大前天: -3,
  大前儿: -3,
  明天: 1,
  明日: 1,
  明儿: 1,
  明儿个: 1,
  明早: 1,
  明晚: 1,
  明晨: 1,
  后天: 2,
  后儿: 2,
  后儿个: 2,
  大后天: 3,
  大后儿: 3,
};

type Resolver = (m: RegExpExecArray, today: CivilDate) => CivilDate | null | undefined;

/** undefined = not a date after all (skip); null = an impossible date. */
interface Pattern {
  readonly re: RegExp;
  readonly resolve: Resolver;
}

const ALL_DIGITS = /^\d+$/;
const CN_DIGIT_STRING = /^[零〇一二三四五六七八九]+$/;
const CN_DIGIT_VALUE = '零一二三四五六七八九';
const YEAR_SUFFIX = /年$/;

const num = (s: string | undefined): number => (s === undefined ? Number.NaN : ALL_DIGITS.test(s) ? Number(s) : (parseNumber(s) ?? Number.NaN));

/** 二零二六 → 2026, 二三 → 23 (digit by digit, never a range). */
function digitByDigit(s: string): number {
  let out = 0;
  for (const ch of s) out = out * 10 + (ch === '〇' ? 0 : CN_DIGIT_VALUE.indexOf(ch));
  return out;
}

function fullYear(s: string, today: CivilDate): number {
  if (s === '去年') return today.y - 1;
  if (s === '前年') return today.y - 2;
  if (s === '今年') return today.y;
  if (s === '明年') return today.y + 1;
  const digits = s.replace(YEAR_SUFFIX, '');
  const n = CN_DIGIT_STRING.test(digits) ? digitByDigit(digits) : num(digits);
  if (digits.length === 2 && Number.isFinite(n)) {
    // 98年 → 1998, 26年 → 2026
    return n > (today.y % 100) + 1 ? 1900 + n : 2000 + n;
  }
  return n;
}

function shiftMonth(today: CivilDate, delta: number): { y: number; m: number } {
  const index = today.y * 12 + (today.m - 1) + delta;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

const PATTERNS: readonly Pattern[] = [
  // 2026-01-03, 2026/1/3, 2026.1.3, 2026年1月3号
  {
    re: /(?<!\d)(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})(?:日|号)?(?!\d)/g,
    resolve: (m) => civil(num(m[1]), num(m[2]), num(m[3])),
  },
  // 去年12月5日, 二零二五年十二月五号, 98年3月2日
  {
    re: new RegExp(
      `(去年|前年|今年|明年|(?<!\\d)\\d{2}年|[零〇一二三四五六七八九]{4}年|[零〇一二三四五六七八九]{2}年)\\s?(${NUM})月份?\\s?(${NUM})(日|号)?`,
      'g',
    ),
    resolve: (m, today) => civil(fullYear(m[1] ?? '', today), num(m[2]), num(m[3])),
  },
  // 上个月15号, 这个月3号, 本月3日, 上上个月1号
  {
    re: new RegExp(`(上上个?月|上个?月|这个?月|本月|当月|下个?月)的?\\s?(${NUM})(?:日|号)`, 'g'),
    resolve: (m, today) => {
      const which = m[1] ?? '';
      const delta = which.startsWith('上上') ? -2 : which.startsWith('上') ? -1 : which.startsWith('下') ? 1 : 0;
      const { y, m: mo } = shiftMonth(today, delta);
      return civil(y, mo, num(m[2]));
    },
  },
  // 11月3日, 十一月三号, 11月3
  {
    re: new RegExp(`(?<![\\d个])(?<![\\d零〇一二两三四五六七八九十今去明前]年)(${NUM})月份?\\s?(${NUM})(日|号)?(?![\\d天])`, 'g'),
    resolve: (m, today) => {
      // 八月十五 with no 号/日 is 中秋 (lunar), not 15 August
      if (m[3] === undefined && /[^\d]/.test(m[1] ?? '') && num(m[1]) === 8 && num(m[2]) === 15) return undefined;
      return civil(today.y, num(m[1]), num(m[2]));
    },
  },
  // 11.15, 11/5, 12-01: month and day written short. With a dot only two-digit ones ("1.5万" is an amount).
  {
    re: /(?<![\d.\-/])(?:(1[0-2]|0[1-9])[.](3[01]|[12]\d|0[1-9])|(1[0-2]|0?[1-9])[/-](3[01]|[12]\d|0?[1-9]))(?:日|号)?(?![\d.\-/万千元块%])/g,
    resolve: (m, today) => civil(today.y, num(m[1] ?? m[3]), num(m[2] ?? m[4])),
  },
  // 大前天, 前天晚上, 昨天, 昨晚, 今天, 明天, 后天, 大后天
  {
    re: /大前天|大前儿|(?<![之以提目从当眼节])前(?:天|日|儿个?|晚)|昨(?:天|日|儿个?|晚|夜)|琴日|寻日|噚日|今朝(?!有酒)|今(?:天|日|儿个?|早|晨|晚|夜)|(?<![聪光证透精英高清鲜黎])明(?:天|日(?!之)|儿个?|早|晚|晨)|大后天|大后儿|(?<![以之然今往此过前最落随稍背先而午饭天])后(?:天(?![性天])|儿个|儿(?![子女媳孙]))/g,
    resolve: (m, today) => {
      const offset = RELATIVE_DAY[m[0]];
      return offset === undefined ? undefined : addDays(today, offset);
    },
  },
  // 三天前, 3天以前, 两个星期前, 一周前
  {
    re: new RegExp(`(${NUM}|\\d{3})\\s?(?:天|日)(?:以前|之前|前)`, 'g'),
    resolve: (m, today) => {
      const n = num(m[1]);
      return Number.isInteger(n) && n >= 0 && n <= 3660 ? addDays(today, -n) : undefined;
    },
  },
  {
    re: new RegExp(`(${NUM})\\s?个?(?:星期|礼拜|周)(?:以前|之前|前)`, 'g'),
    resolve: (m, today) => {
      const n = num(m[1]);
      return Number.isInteger(n) && n >= 0 && n <= 520 ? addDays(today, -7 * n) : undefined;
    },
  },
  // 上周五, 上个星期五, 这礼拜三, 本周日, 下周一, 周三 (alone)
  {
    re: /(?<![每到至~-])(上上|上|这|本|下)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])(?![\d次回天个趟年月岁小])(?!\s?(?:到|至|-|~)\s?(?:周|星期|礼拜))/g,
    resolve: (m, today) => {
      const target = WEEKDAY[m[2] ?? ''];
      if (target === undefined) return undefined;
      const dow = isoWeekday(today);
      const monday = addDays(today, 1 - dow);
      switch (m[1]) {
        case '上上':
          return addDays(monday, -14 + target - 1);
        case '上':
          return addDays(monday, -7 + target - 1);
        case '这':
        case '本':
          return addDays(monday, target - 1);
        case '下':
          return addDays(monday, 7 + target - 1);
        default:
          return addDays(today, -((dow - target + 7) % 7));
      }
    },
  },
  // 3号, 十五号 (this month); 3号楼, 3号床, 3号线 are not dates
  {
    re: new RegExp(`(?<![\\d月第几])(\\d{1,2}|${CN}{1,3})(号|日)(?![楼床线房门窗口室机码位车牌馆店院内以之前后子])`, 'g'),
    resolve: (m, today) => {
      // 一日三餐: a Chinese numeral with 日 is too often not a date
      if (m[2] === '日' && !/^\d+$/.test(m[1] ?? '')) return undefined;
      const d = num(m[1]);
      if (!Number.isInteger(d) || d < 1 || d > 31) return undefined;
      return civil(today.y, today.m, d);
    },
  },
];

const NOTICED_AFTER = /^(?:才|刚)(?:想起|记起|知道|发现|看到|听说|来|去|顾上|有空)/;

/** Every date in `text` in order (at one position, the longest reading wins). */
export function findDates(text: string, now: Now): DateMatch[] {
  const today = shanghaiDate(now);
  if (!today) return [];
  const found: DateMatch[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const c = p.resolve(m, today);
      // "今天才想起来要报": when something was noticed or done about it, not the date it is about.
      if (c === undefined || NOTICED_AFTER.test(text.slice(m.index + m[0].length))) continue;
      found.push({ start: m.index, end: m.index + m[0].length, raw: m[0], date: c === null ? null : isoOf(c) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMatch[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** The first date the text states, as 'YYYY-MM-DD'; undefined if none (or only an impossible one). */
export function parseDate(text: string, now: Now): string | undefined {
  for (const d of findDates(text, now)) if (d.date !== null) return d.date;
  return undefined;
}
