/**
 * The `count` slot: how many times or how many people (住院两次, 2次, 三回, 管了45个人, 小组40人, 1000户).
 *
 * Rulings: a number is a count when 次/回/趟/遍 or 人/个人/名/位/户 (or 个 before 老人/退休…/end) follows it,
 * or when 次数/人数/户数 precedes it. 一次都没 / 一回也没 is zero. Not counts: ordinals (第二次), 一次性, 一回事, 一个人 (idiom for
 * "alone"), durations (3天, 两个月), vague numbers (两三次, 好几次, 十几个人). Phone and ID numbers never are.
 */
import { findIdNumbers } from './id-number.ts';
import { overlapsAny, scanNumbers, type NumberSpan, type Span } from './numerals.ts';
import { findPhones } from './phone.ts';

export interface CountMatch extends Span {
  readonly count: number;
}

const TIMES_AFTER = /^\s?(?:次|回|趟|遍)(?!性|事|头|答|复|归|顾|来|去|家)/;
const PEOPLE_AFTER = /^\s?(?:人|名|位|户|个人|个(?:老人|老年人|退休|组员|成员|队员|会员|老同志|老党员|小组)|个(?=$|[\s,.!?;:。，、]))/;
const ONE_PERSON = /^\s?个人/;
const COUNT_BEFORE = /(?:次数|人数|户数|组员数)(?:是|有|为|共|一共|:|\s)*$/;
const ORDINAL_BEFORE = /(?:第|每|初|前第)$/;
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
  if (TIMES_AFTER.test(after)) return true;
  if (PEOPLE_AFTER.test(after)) {
    // 一个人 is "alone", not a head count
    return !(n.value === 1 && !n.arabic && ONE_PERSON.test(after));
  }
  return COUNT_BEFORE.test(pre);
}

export function findCounts(
  text: string,
  blocked: readonly Span[] = countBlockedSpans(text),
  numbers: readonly NumberSpan[] = scanNumbers(text),
): CountMatch[] {
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
