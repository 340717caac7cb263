/**
 * The `count` slot: how many times or how many people (住院两次, 2次, 三回, 管了45个人, 小组40人, 1000户).
 *
 * Rulings: a number is a count when 次/回/趟/遍 or 人/个人/名/位/户 (or 个 before 老人/退休…/end) follows it,
 * or when 次数/人数/户数 precedes it. 一次都没 / 一回也没 is zero. Not counts: ordinals (第二次), 一次性, 一回事, 一个人 (idiom for
 * "alone", as are 剩我一个 / 就他一个), a rate after a figure (130一人, 10块一个人) or before one (一人130, 一人多少), 还有一个 / 再问一个 (one more question), 多久一次 (a frequency), durations (3天, 两个月), vague numbers (两三次, 好几次, 十几个人). Phone and ID numbers never are.
 * A count is a number of events the user reports (住了3回, 住院两次, 今年住了两次院) or a group size (小组40人).
 * Frequencies and rules are not: 两年一次, 一年要做一次, 每年两次 (a period before), 只能领一次, 能报两次吗
 * (a modal before, with no 了/过), 一次能给多少, 住一次院给多少 (one generic occasion: 一次 followed by
 * what it pays), 又住了一次院 / 再跑一趟 (one more time: the total is not stated), 多少钱一次 / 150块一次 (a
 * price per time), 二次报销 / 二次手术 (二 + 次 + a noun is "secondary"; a count says 两次). 录错了一位, 后四位 are
 * digits of a number, not people.
 */
import { findIdNumbers } from './id-number.ts';
import { type NumberSpan, overlapsAny, type Span, scanNumbers } from './numerals.ts';
import { findPhones } from './phone.ts';

export interface CountMatch extends Span {
  readonly count: number;
}

const TIMES_AFTER = /^\s?(?:次|回|趟|遍)(?!性|事|头|答|复|归|顾|来|去|家)/;
const PEOPLE_AFTER = /^\s?(?:人|名|位|户|个人|个(?:老人|老年人|退休|组员|成员|队员|会员|老同志|老党员|小组(?!长))|个(?=$|[\s,.!?;:。，、]|呢|吧|啊|吗|的话))/;
const ONE_PERSON = /^\s?个人/;
const COUNT_BEFORE = /(?:次数|人数|户数|组员数|退休人员|退休职工|企退人员|退休老人)(?:是|有|为|共|一共|总共|:|\s)*$/;
const ORDINAL_BEFORE = /(?:第|每|初|前第)$/;
/** A period before the number: 两年一次, 一年要做一次, 半年一回, 每个月两次 (a frequency, not events). */
const PERIOD_BEFORE =
  /(?:[\d零〇一二两三四五六七八九十几半每]个?(?:年|月|季度|季|周|星期|礼拜|天)|每(?:年|月|季度|周|星期|礼拜|天|回|人)|多久|多长时间|多少年|几年)(?:[^\d\s,.;:!?，。；：！？、了过]{0,5})$/;
/** A modal before the number with no 了/过 (a rule or a plan, not an event): 只能领一次, 能报两次吗, 可以去一趟. */
const MODAL_BEFORE = /(?:只能|只可以|只许|能|可以|可|要|需要|得|必须|须|限|允许|最多|至少)[^\d\s,.;:!?，。；：！？、了过]{0,3}$/;
/** 又住了一次院, 再跑一趟: one more time, so the total is not stated. */
const ONE_MORE_BEFORE = /[又再][^\d\s,.;:!?，。；：！？、]{0,3}$/;
/** 一次能给多少, 住一次院(社区)给多少, 一回发多少: one generic occasion and what it pays. */
const GENERIC_ONCE_AFTER = /^\s?(?:次|回|趟)院?[^\d\s,.;:!?，。；：！？、了过]{0,4}?(?:能|可以|可|给|发|补|报|领|拿|多少|就|的话|大概|要|得|算)/;
/** 多少钱一次, 150块一次, 几块钱一回: a price per time, not events. */
const PRICE_BEFORE = /(?:钱|块|元|多少|几何)$/;
/** 二次报销, 二次手术: 二 before 次 and a noun is "second/secondary", not a count (counts say 两次). */
const SECONDARY_AFTER = /^次(?![院了过啦都也的,.!?;:，。！？；：\s]|$)/;
/** 住了一次, 住过一次: an event that happened. */
const DONE_BEFORE = /[了过]$/;
/** 录错了一位, 后四位, 六位数: digits of a number, not people. */
const WEI_AFTER = /^\s?位/;
const DIGITS_BEFORE = /(?:错|少|漏|多|差|输|写|填|录|打|改|前|后|末|尾)了?$/;
const DIGITS_AFTER = /^\s?位(?:数|数字|号码|密码|验证码|的)/;
/** 130一人, 10块一个人: a rate per person after a figure, not a head count. */
const RATE_BEFORE = /(?:[\d零〇一二两三四五六七八九十百千万]|钱|块|元)\s?$/;
/** 一人多少, 一人130, 一个人给几百: a rate per person, not a head count. */
const RATE_AFTER = /^人(?:[\d零〇一二两三四五六七八九十百千]|多少|几|能|可以|给|发|补|拿|领|标准)/;
/** 还有一个, 再问一个, 问一个: one more question, not a head count. */
const ONE_MORE_THING_BEFORE = /(?:还有|还|再问|再|问|另外|另)$/;
/** 剩我一个, 就他一个: "alone", not a head count. */
const ALONE_BEFORE = /[我你您他她俺]们?$/;
/** 一次都没住过, 一回也没有: zero times. */
const NOT_ONCE_AFTER = /^\s?(?:次|回|趟)(?:都|也)(?:没|不)/;

export function countBlockedSpans(text: string): Span[] {
  return [...findPhones(text), ...findIdNumbers(text).map((r) => r.span)];
}

function isCount(text: string, n: NumberSpan, blocked: readonly Span[]): boolean {
  if (n.vague || n.negative || n.decimal || n.digitString || !Number.isInteger(n.value) || n.value > 1_000_000) return false;
  if (overlapsAny(n, blocked)) return false;
  const pre = text.slice(Math.max(0, n.start - 8), n.start);
  if (ORDINAL_BEFORE.test(pre)) return false;
  const after = text.slice(n.end, n.end + 6);
  if (TIMES_AFTER.test(after)) {
    if (PERIOD_BEFORE.test(pre) || MODAL_BEFORE.test(pre) || ONE_MORE_BEFORE.test(pre)) return false;
    if (n.value === 1 && GENERIC_ONCE_AFTER.test(after) && !DONE_BEFORE.test(pre)) return false;
    if (n.value === 1 && PRICE_BEFORE.test(pre)) return false;
    if (n.raw === '二' && SECONDARY_AFTER.test(after)) return false;
    return true;
  }
  if (PEOPLE_AFTER.test(after)) {
    if (WEI_AFTER.test(after) && (DIGITS_BEFORE.test(pre) || DIGITS_AFTER.test(after))) return false;
    // 一个人 is "alone", not a head count; so are 剩我一个 and a rate (130一人)
    if (n.value === 1 && (RATE_BEFORE.test(pre) || ALONE_BEFORE.test(pre) || RATE_AFTER.test(after))) return false;
    if (n.value === 1 && ONE_MORE_THING_BEFORE.test(pre) && /^\s?个(?!人)/.test(after)) return false;
    return !(n.value === 1 && !n.arabic && ONE_PERSON.test(after));
  }
  return COUNT_BEFORE.test(pre);
}

export function findCounts(text: string, blocked: readonly Span[] = countBlockedSpans(text), numbers: readonly NumberSpan[] = scanNumbers(text)): CountMatch[] {
  const out: CountMatch[] = [];
  for (const n of numbers) {
    if (!isCount(text, n, blocked)) continue;
    const zero = n.value === 1 && NOT_ONCE_AFTER.test(text.slice(n.end, n.end + 6));
    out.push({ start: n.start, end: n.end, count: zero ? 0 : n.value });
  }
  return out;
}

/** The first count the text states; undefined if none. */
export function parseCount(text: string, blocked?: readonly Span[]): number | undefined {
  return findCounts(text, blocked)[0]?.count;
}
