/**
 * The `age` slot: a person's age in years (75岁, 七十五岁, 75周岁, 虚岁80, 我今年78, 享年85, 八十了).
 *
 * Rulings: a number followed by 岁/周岁 is an age (1–130). After 今年/年龄/年纪/岁数/享年 a bare number
 * (10–130) is an age unless a calendar or counter word follows (今年3月, 今年2次). "N了" is an age only for
 * 40–120, written without 百/千/万, at the start of the message or after a person or an adverb (我爸八十了,
 * 都80了); 交了100了 is not. An age not reached (快80了, 将近八十岁, 奔八十了) is not stated. 七十有五 is 75. Vague ages (八十多岁, 七八十岁) give nothing.
 */
import { findIdNumbers } from './id-number.ts';
import { type NumberSpan, overlapsAny, type Span, scanNumbers } from './numerals.ts';
import { findPhones } from './phone.ts';

export interface AgeMatch extends Span {
  readonly age: number;
}

const AGE_AFTER = /^\s?(?:周岁|虚岁|岁|高龄)/;
const AGE_BEFORE = /(?:今年|年龄|年纪|岁数|虚岁|周岁|享年|高龄|活到|活了)(?:是|有|已经|已|都|才|刚|满|整|:|\s)*$/;
const NOT_AGE_AFTER = /^\s?[年月日号次回趟个人位名户天块元钱万千百斤米度分点周期楼层%\d.]/;
const LE_AFTER = /^\s?(?:了|啦)/;
/** 快80了, 将近八十, 奔八十了: an age not reached yet, so not stated. */
const NEARLY_BEFORE = /(?:快|快要|将近|接近|奔|差不多|近)$/;
/** 七十有五 (75), 八十有二: the literary way of saying an age. */
const LITERARY_AGE = /(?<![零〇一二两三四五六七八九十百千万\d])([二三四五六七八九])十有([一二三四五六七八九])(?![零〇一二两三四五六七八九十百千万\d])/g;
const CN_ONE_DIGIT = '一二三四五六七八九';
const LE_SUBJECT_BEFORE = /(?:^|[\s,.!?;:。，、]|都|已经|已|刚|才|今年|我|他|她|爸|妈|伴|头子|爷子|人家|老人|老太太)$/;

export function ageBlockedSpans(text: string): Span[] {
  return [...findPhones(text), ...findIdNumbers(text).map((r) => r.span)];
}

function ageOf(text: string, n: NumberSpan, blocked: readonly Span[]): number | undefined {
  if (n.vague || n.negative || n.decimal || n.digitString || !Number.isInteger(n.value)) return undefined;
  if (overlapsAny(n, blocked)) return undefined;
  const v = n.value;
  const after = text.slice(n.end, n.end + 4);
  const pre = text.slice(Math.max(0, n.start - 8), n.start);
  if (NEARLY_BEFORE.test(pre)) return undefined;
  if (AGE_AFTER.test(after)) return v >= 1 && v <= 130 ? v : undefined;
  if (NOT_AGE_AFTER.test(after)) return undefined;
  // 今年一共住院3次: the 一 of 一共 is no age, so a cued bare age starts at 10
  if (AGE_BEFORE.test(pre)) return v >= 10 && v <= 130 ? v : undefined;
  if (LE_AFTER.test(after) && v >= 40 && v <= 120 && !n.magnitude && LE_SUBJECT_BEFORE.test(pre)) return v;
  return undefined;
}

export function findAges(text: string, blocked: readonly Span[] = ageBlockedSpans(text), numbers: readonly NumberSpan[] = scanNumbers(text)): AgeMatch[] {
  const out: AgeMatch[] = [];
  for (const n of numbers) {
    const age = ageOf(text, n, blocked);
    if (age !== undefined) out.push({ start: n.start, end: n.end, age });
  }
  if (text.includes('十有')) {
    LITERARY_AGE.lastIndex = 0;
    for (let m = LITERARY_AGE.exec(text); m !== null; m = LITERARY_AGE.exec(text)) {
      const age = (CN_ONE_DIGIT.indexOf(m[1] as string) + 1) * 10 + CN_ONE_DIGIT.indexOf(m[2] as string) + 1;
      out.push({ start: m.index, end: m.index + m[0].length, age });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** The first age the text states; undefined if none. */
export function parseAge(text: string, blocked?: readonly Span[]): number | undefined {
  return findAges(text, blocked)[0]?.age;
}
