/**
 * The `amount` slot: a sum of money in 元.
 *
 * A number is an amount when
 *  - a money unit follows it (元, 块, 块钱, 圆, 万元 …) or a money word precedes it (自付, 花了, 医药费,
 *    金额, ¥ …), or
 *  - it stands bare, is at least 100, and is written with Arabic digits or with 百/千/万 (建德 45000 大病).
 * It is not an amount when a counter or a calendar word follows it (户 人 岁 次 年 月 日 号 天 个 …), when 第
 * precedes it, when it is part of a date (2026-01-03, 2026/1/3), a time (10:30), a phone or ID number,
 * a number after a label (住院号, 尾号, 验证码, 房间 …), a run of nine or more digits (a card or account number), a year before 退休/去世, an age after 今年/年龄,
 * or a Chinese digit string (二零二六).
 * Vague amounts (四万出头, 好几万, 几千块, 一万多, 两三万, 5000-6000, 一万左右, 两万块左右, 上万, 不到五千) give
 * no amount; they are reported so the dialog can ask for the exact figure.
 * Rulings:
 *  - Approximations are vague, even after a money word: 差不多两万, 大概一万二, 大约8000, 约5000, 将近两万
 *    (revises an earlier ruling that took 大概 / 差不多 / 约 as exact: the consolation is computed from
 *    the 医疗费用查询单, so the dialog asks for the exact figure instead of computing on an estimate).
 *  - A ceiling the user quotes (最多 / 最高 / 不超过 / 上限 / 封顶 + a figure) is an amount when the text
 *    is about a payout (体检报销最多400吗, 组长补贴最多500吗): people quote policy ceilings. After a
 *    spending word (自付最多五千, 花了最多两万) or with no payout word it stays vague.
 *  - 这一块 / 那一块 / 哪一块 ("this area") and 一块去 / 一块儿 ("together") are never money.
 *  - A vague number with nothing money-like about it (星期几, 我八十多了) is not a vague amount either.
 * A sign (负五千, -5000) is kept: the dialog rejects a negative amount kindly.
 *
 * Bad numbers get no figure: where a number that would be an amount is one no one should compute with, it is
 * reported as invalid instead (`invalid`), and it competes with the good amounts for the slot — a bad self-pay
 * figure is not replaced by a weaker good one:
 *  - `invalid_amount`: a programmers' notation (1e5, 1E+3, 1e309, 0x10000, 0b101, 0o17, Infinity, NaN), digits
 *    grouped wrongly (1,2,3,4, 1,0000), or more than two decimals of 元 (12000.001, 1.2345678万: not rounded);
 *  - `absurd_amount`: ten digits before the decimal point or more — 十亿 (1,000,000,000) and up: 一万亿, 一千万亿,
 *    自付九九九九九九九九九九, a 400-digit number with 元. Smaller amounts are kept even over the rules'
 *    10,000,000 limit (999999999元, 两千万), so that the dialog can say what the limit is.
 * The digits inside a notation are never an amount of their own (1e309 is not 309 元, 0x10000 not 10000). A
 * wrong grouping and NaN (also pinyin: hu nan) count only after a money word, before a money unit, or as the
 * whole message; otherwise the digits are read as before (自付800,3次 → 800).
 */
import { findIdNumbers } from './id-number.ts';
import { type MalformedNumber, type NumberSpan, overlapsAny, parseNumber, type Span, scanMalformed, scanNumbers } from './numerals.ts';
import { findPhones } from './phone.ts';

export interface AmountMatch extends Span {
  /** Yuan; negative when the text says so. */
  readonly amount: number;
  readonly raw: string;
  /** 3 = a self-pay word (自付, 自费, 个人负担 …), 2 = a money unit or another money word, 1 = bare. */
  readonly strength: 1 | 2 | 3;
}

export interface VagueAmount extends Span {
  readonly raw: string;
}

/** A figure said as money that cannot be one (see the rulings above). */
export interface InvalidAmount extends Span {
  readonly raw: string;
  readonly code: 'invalid_amount' | 'absurd_amount';
  /** What is wrong with an invalid_amount: a notation (1e5, 0x10, NaN), a wrong grouping (1,2,3,4), or decimals (12000.001). */
  readonly reason?: 'notation' | 'grouping' | 'decimals';
  readonly strength: 1 | 2 | 3;
}

export interface MoneyScan {
  readonly amounts: AmountMatch[];
  readonly vague: VagueAmount[];
  /** Bad figures said as money, in order. */
  readonly invalid: InvalidAmount[];
}

/** From this many 元 on (十亿, ten digits), a figure is no amount at all (absurd_amount). */
export const MAX_AMOUNT = 1e9;

const UNIT_AFTER = /^\s?(?:块钱|块|元|圆|人民币|rmb|yuan)/;
/** Counters, calendar and measure words: the number is not money. */
const NOT_MONEY_AFTER =
  /^\s?(?:周岁|岁|户|人|个|名|位|家|口|次|回|趟|遍|年|月|日|号|天|周|星期|礼拜|小时|钟头|分钟|分|秒|点|楼|层|栋|幢|单元|室|床|斤|公斤|千克|克|吨|米|公里|里|平|平米|平方|亩|倍|%|度|℃|°|级|届|辆|台|张|份|项|条|种|批|页|本|组|支|盒|瓶|粒|片|针|岁数|毫升|ml|mg|kg|km|cm|g\b)/;
/** 一万左右, 两万块左右, 5000元以上: a hedge after the figure (and its unit). */
const VAGUE_AFTER = /^\s?(?:块钱|块|元|圆)?\s?(?:出头|左右|上下|开外|以上|以下|不到|挂零)/;
/** 差不多两万, 大概一万二, 大约8000, 约5000, 大概掏了一万二 (not 预约 / 节约 / 合约 …): an estimate. */
const APPROX_BEFORE =
  /(?:差不多|大概|大约|大致|大略|约莫|约摸|估计|估摸|(?<![预节合契制相邀签违履公条])约)(?:[^\d\s,.;:!?，。；：！？、了吧啊呢呀吗]{1,2}了?)?$/;
/** 最多 / 最高 / 不超过 / 上限 / 封顶 (+ 是 / 能 / 给 …): the figure after it is a ceiling. */
const CEILING_BEFORE = /(?:最多|最高|不超过|不高于|上限|封顶|顶多|最多只?能?)(?:是|为|能|可以|可|只能|就|也就|只|给|报|拿|领|发|补|:|\s)*$/;
/** What the text must be about for a ceiling to be a payout figure. */
const PAYOUT_CONTEXT = /报销|能报|报多少|补贴|补助|津贴|慰问|救助|帮扶|经费|标准|给多少|发多少|拿多少|领多少/;
/** A spending word right before the ceiling word: 自付最多五千 is an estimate of one's own costs. */
const SPEND_BEFORE_CEILING =
  /(?:自付|自费|自负|自己付|自己出|自己掏|个人负担|个人承担|花了|花费|用了|付了|交了|掏了|出了|花)(?:了|的|也|都|:|\s)*(?:最多|最高|不超过|顶多)/;
const LEADING_DIGITS = /^\d+/;
/** 这一块 / 那一块 / 哪一块: "this area", not one yuan. */
const DEMONSTRATIVE_BEFORE = /[这那哪某每]$/;
const PIECE_AFTER = /^块(?!钱)/;
/** 一块去, 一块儿, 一块吃: "together", not one yuan. */
const TOGETHER_AFTER = /^块(?:儿|去|来|走|吃|玩|住|办|过|做|商量|聊|参加|报名|坐|搬|跳|唱)/;
const RANGE_AFTER = /^\s?(?:-|~|到|至|或)\s?[\d零〇一二两三四五六七八九十]/;
const VAGUE_BEFORE = /(?:不到|不足|将近|接近|超过|超出|多于|少于|至少|最多|最少|起码|小|近|快)$/;
const SELF_PAY_BEFORE =
  /(?:自付|自费|自负|自己付|自己出|自己掏|个人负担|个人承担|个人支付|个人自付|个人花|自掏腰包)(?:了|的|钱|部分|费用|金额|是|有|大概|大约|约|差不多|共|一共|总共|合计|:|\s)*$/;
const MONEY_BEFORE =
  /(?:花了|花费|花销|用了|付了|交了|掏了|出了|给了|收了|赔了|医药费|医疗费|住院费|治疗费|手术费|药费|费用|金额|数额|总额|总共|一共|合计|共计|报销|报了|花|¥|\$|人民币)(?:了|的|是|有|为|大概|大约|约|差不多|:|\s)*$/;
/** A payout verb right before a figure: "就给2500", "能拿500". */
const PAYOUT_BEFORE = /(?:就|才|能|会|可以|是不是)?(?:给|拿|领|发|补)(?:了)?$/;
const SELF_PAY_ANYWHERE = /自付|自费|自负|自己(?:付|出|掏|花)|个人(?:负担|承担|支付|自付)/;
const YEAR_AFTER = /^\s?(?:退休|去世|过世|走的|出生|生的|参加工作|入职|入党|年代|届|级|版)/;
const AGE_BEFORE = /(?:今年|年龄|年纪|岁数|虚岁|周岁|享年|高龄)(?:是|有|已经|已|都|才|刚|满)*\s?$/;
const ORDINAL_BEFORE = /(?:第|初|每)$/;
/** A label before a number that is an identifier, not a sum: 住院号12345678, 尾号5678, 验证码, 房间302, 打120. */
const LABEL_BEFORE =
  /(?:(?<![\d零一二两三四五六七八九十])号|号码|编号|卡号|账号|帐号|单号|工号|证号|尾号|门牌|房间|房号|床位|床号|邮编|验证码|密码|代码|编码|qq|id|no|打了|打|拨打|拨了|拨|呼叫)[:\s]*$/;

/** Dates, times and landlines: their digits are not money. */
const NOT_MONEY_PATTERNS: readonly RegExp[] = [
  /\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}/g,
  /(?<!\d)\d{1,2}\/\d{1,2}(?!\d)/g,
  /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g,
  /(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/g,
  /(?<!\d)\d{1,2}月\d{1,2}/g,
];

/**
 * Spans where no amount can be: phone numbers, ID numbers (found here unless `identifiers` gives their
 * spans), dates, times, landlines.
 */
export function moneyBlockedSpans(text: string, identifiers?: readonly Span[]): Span[] {
  const spans: Span[] = identifiers ? [...identifiers] : [...findPhones(text), ...findIdNumbers(text).map((r) => r.span)];
  for (const re of NOT_MONEY_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function before(text: string, n: NumberSpan, len = 10): string {
  return text.slice(Math.max(0, n.signStart - len), n.signStart);
}

type Verdict = { kind: 'amount'; strength: 1 | 2 | 3 } | { kind: 'vague' } | { kind: 'none' };

function judge(text: string, n: NumberSpan, blocked: readonly Span[], numbers: readonly NumberSpan[], index: number, payout: () => boolean): Verdict {
  if (overlapsAny(n, blocked)) return { kind: 'none' };
  if (!n.vague && Number.isNaN(n.value)) return { kind: 'none' };
  const after = text.slice(n.end, n.end + 8);
  const pre = before(text, n);
  if (ORDINAL_BEFORE.test(pre)) return { kind: 'none' };
  if (NOT_MONEY_AFTER.test(after)) return { kind: 'none' };
  if (LABEL_BEFORE.test(pre)) return { kind: 'none' };
  // 这一块 / 哪一块 (this area), 一块去 (together)
  if (n.value === 1 && !n.arabic && (DEMONSTRATIVE_BEFORE.test(pre) ? PIECE_AFTER.test(after) : TOGETHER_AFTER.test(after))) return { kind: 'none' };
  // "报销一下", "帮我看一下": 一下 is "a little", never a figure.
  if (n.value === 1 && !n.arabic && after.startsWith('下')) return { kind: 'none' };
  // "自付不是两万 是八千": the figure denied is not the one said.
  if (/不是$/.test(pre)) return { kind: 'none' };
  // "那多一块 一万零一呢", "再少两块": a step from the figure before, never the figure.
  if (n.value < 100 && /(?<![一二三四五六七八九十百千万\d])(再)?(多|少)$/.test(pre)) return { kind: 'none' };
  // "自付超过一万就给2500": after the self-pay, the figure given is the payout asked about, never the self-pay;
  // "要多少才能拿2500": the payout wanted, the self-pay asked.
  if (PAYOUT_BEFORE.test(pre) && (SELF_PAY_ANYWHERE.test(text.slice(0, n.signStart)) || /多少|几/.test(text.slice(0, n.signStart)))) return { kind: 'none' };
  const unit = UNIT_AFTER.test(after) || pre.endsWith('¥') || pre.endsWith('$');
  const selfPay = SELF_PAY_BEFORE.test(pre);
  const cue = selfPay || MONEY_BEFORE.test(pre);
  const looksLikeMoney = unit || cue || n.magnitude || (n.arabic && (n.vague ? Number(LEADING_DIGITS.exec(n.raw)?.[0] ?? 0) : n.value) >= 100);
  // A quoted payout ceiling: 体检报销最多400吗, 补贴最高500元
  if (
    !n.vague &&
    looksLikeMoney &&
    CEILING_BEFORE.test(pre) &&
    !SPEND_BEFORE_CEILING.test(before(text, n, 16)) &&
    payout() &&
    !VAGUE_AFTER.test(after) &&
    !APPROX_BEFORE.test(pre)
  ) {
    return { kind: 'amount', strength: 2 };
  }
  // Vague: 一万多, 几千, 两三万, 四万出头, 5000-6000, 不到五千, 差不多两万, 约5000
  const nextNumber = numbers[index + 1];
  const range = RANGE_AFTER.test(after) && nextNumber !== undefined && nextNumber.start - n.end <= 3;
  if (n.vague || VAGUE_AFTER.test(after) || range || VAGUE_BEFORE.test(pre) || APPROX_BEFORE.test(pre)) {
    // 星期几, 八十多了: a vague number with nothing money-like about it is no amount at all
    return looksLikeMoney ? { kind: 'vague' } : { kind: 'none' };
  }
  // 自付二零二六 is a year read out; 自付九九九九九九九九九九 is a figure too large (absurd_amount)
  if (n.digitString && !unit && !(cue && n.value >= MAX_AMOUNT)) return { kind: 'none' };
  if (unit || cue) return { kind: 'amount', strength: selfPay ? 3 : 2 };
  if (AGE_BEFORE.test(pre)) return { kind: 'none' };
  if (!n.arabic && !n.magnitude) return { kind: 'none' };
  if (n.value < 100) return { kind: 'none' };
  if (n.integerDigits >= 9 && !n.grouped) return { kind: 'none' };
  if (n.arabic && !n.magnitude && n.raw.startsWith('0') && !n.decimal) return { kind: 'none' };
  if (n.integerDigits === 4 && !n.decimal && n.value >= 1900 && n.value <= 2100 && YEAR_AFTER.test(after)) return { kind: 'none' };
  return { kind: 'amount', strength: 1 };
}

/** 1,2,3,4 or NaN as the whole message (with at most a sign, a unit and a full stop). */
const ALONE_BEFORE = /^\s*$/;
const ALONE_AFTER = /^\s?(?:块钱|块|元|圆)?[\s.!?。！？]*$/;

/**
 * Whether a malformed number is said as money: after a money word, before a money unit, as a quoted ceiling — or,
 * for a notation (1e5, 0x10), anywhere an Arabic figure could stand alone; a wrong grouping or NaN only as the
 * whole message. Never after an ordinal or a label, nor before a counter or a calendar word.
 */
function malformedIsMoney(text: string, m: MalformedNumber, blocked: readonly Span[]): 1 | 2 | 3 | 0 {
  if (overlapsAny(m, blocked)) return 0;
  const after = text.slice(m.end, m.end + 8);
  const pre = text.slice(Math.max(0, m.signStart - 10), m.signStart);
  if (ORDINAL_BEFORE.test(pre) || NOT_MONEY_AFTER.test(after) || LABEL_BEFORE.test(pre)) return 0;
  if (SELF_PAY_BEFORE.test(pre)) return 3;
  if (UNIT_AFTER.test(after) || MONEY_BEFORE.test(pre) || CEILING_BEFORE.test(pre) || pre.endsWith('¥') || pre.endsWith('$')) return 2;
  if (m.kind === 'notation' || (ALONE_BEFORE.test(text.slice(0, m.signStart)) && ALONE_AFTER.test(text.slice(m.end)))) return 1;
  return 0;
}

/** What is wrong with an amount the judge accepted, if anything. */
function badAmount(n: NumberSpan): Pick<InvalidAmount, 'code' | 'reason'> | undefined {
  if (n.excessDecimals) return { code: 'invalid_amount', reason: 'decimals' };
  if (!(n.value < MAX_AMOUNT)) return { code: 'absurd_amount' };
  return undefined;
}

/**
 * Every amount, vague amount and invalid amount in `text`, in order. `blocked` defaults to moneyBlockedSpans(text),
 * `numbers` to scanNumbers(text), `malformed` to scanMalformed(text) (pass them when already computed).
 */
export function scanMoney(
  text: string,
  blocked: readonly Span[] = moneyBlockedSpans(text),
  numbers: readonly NumberSpan[] = scanNumbers(text),
  malformed: readonly MalformedNumber[] = scanMalformed(text),
): MoneyScan {
  const amounts: AmountMatch[] = [];
  const vague: VagueAmount[] = [];
  const { invalid, swallowed } = malformedMoney(text, blocked, malformed);
  // "五千零一分", "一万零五毛": yuan said by their round unit, then small change, with no 块 between.
  for (const c of changeAfterRound(text)) {
    amounts.push({ start: c.start, end: c.end, raw: text.slice(c.start, c.end), amount: c.value, strength: 2 });
    swallowed.push(c);
  }
  let payoutContext: boolean | undefined;
  const payout = (): boolean => (payoutContext ??= PAYOUT_CONTEXT.test(text));
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i] as NumberSpan;
    if (overlapsAny(n, swallowed)) continue;
    const verdict = judge(text, n, blocked, numbers, i, payout);
    const span = { start: n.signStart, end: n.end, raw: text.slice(n.signStart, n.end) };
    if (verdict.kind === 'amount') {
      const bad = badAmount(n);
      const cents = bad ? null : smallChange(text, n.end);
      if (cents) {
        // "5000块零1毛": the 毛 and 分 are part of the amount, and their digits no amount of their own.
        while ((numbers[i + 1]?.start ?? Number.POSITIVE_INFINITY) < cents.end) i++;
        const value = n.value + cents.value;
        amounts.push({ ...span, end: cents.end, raw: text.slice(n.signStart, cents.end), amount: n.negative ? -value : value, strength: verdict.strength });
      } else if (bad) invalid.push({ ...span, ...bad, strength: verdict.strength });
      else amounts.push({ ...span, amount: n.negative ? -n.value : n.value, strength: verdict.strength });
    } else if (verdict.kind === 'vague') {
      vague.push(span);
      // the other end of a range (5000-6000) is vague too
      const next = numbers[i + 1];
      if (next && next.start - n.end <= 3 && RANGE_AFTER.test(text.slice(n.end, n.end + 8))) i++;
    }
  }
  // 上万, 万把块, 千把块: vague words with no digit to scan
  VAGUE_WORDS.lastIndex = 0;
  for (let m = VAGUE_WORDS.exec(text); m !== null; m = VAGUE_WORDS.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!overlapsAny(span, amounts) && !overlapsAny(span, vague)) vague.push({ ...span, raw: m[0] });
  }
  invalid.sort((a, b) => a.start - b.start);
  return { amounts, vague, invalid };
}

const DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_CHANGE = /^\s*(?:块|元)\s*零?\s*(?:([0-9一二两三四五六七八九])\s*(?:毛|角))?\s*(?:([0-9一二两三四五六七八九])\s*分)?/;
const digitOf = (c: string | undefined): number => (c === undefined ? 0 : (DIGIT[c] ?? Number(c)));

/** "块零1毛", "元5角2分" after an amount: the 角 and 分 it adds; null when none follows. */
function smallChange(text: string, end: number): { value: number; end: number } | null {
  const m = SMALL_CHANGE.exec(text.slice(end));
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return { value: (digitOf(m[1]) * 10 + digitOf(m[2])) / 100, end: end + m[0].length };
}

/** "五千零一分": a round figure (…万, …千, …百), 零, and one digit of 分 or 毛/角. */
const CHANGE_AFTER_ROUND = /([0-9零〇一二两三四五六七八九十百千万]*[0-9一二两三四五六七八九十][万千百])零([一二两三四五六七八九1-9])(分|毛|角)/g;
function changeAfterRound(text: string): (Span & { value: number })[] {
  return [...text.matchAll(CHANGE_AFTER_ROUND)].flatMap((m) => {
    const yuan = parseNumber(m[1] ?? '');
    if (yuan === undefined) return [];
    const change = digitOf(m[2]) / (m[3] === '分' ? 100 : 10);
    return [{ start: m.index, end: m.index + m[0].length, value: Math.round((yuan + change) * 100) / 100 }];
  });
}

/** The malformed numbers said as money (invalid amounts), and the spans whose digits no number may be read from. */
function malformedMoney(text: string, blocked: readonly Span[], malformed: readonly MalformedNumber[]): { invalid: InvalidAmount[]; swallowed: Span[] } {
  const invalid: InvalidAmount[] = [];
  const swallowed: Span[] = [];
  for (const m of malformed) {
    const strength = malformedIsMoney(text, m, blocked);
    if (strength > 0) {
      const reason = m.kind === 'grouping' ? 'grouping' : 'notation';
      invalid.push({ start: m.signStart, end: m.end, raw: text.slice(m.signStart, m.end), code: 'invalid_amount', reason, strength: strength as 1 | 2 | 3 });
    }
    // a wrong grouping said in passing is read as before (自付800,3次); a notation's digits never are
    if (strength > 0 || m.kind !== 'grouping') swallowed.push(m);
  }
  return { invalid, swallowed };
}

const VAGUE_WORDS = /上[千万](?:块|元)?|[千万]把(?:块|元)?|成千上万/g;

/** Every amount in `text` with its span. */
export function findAmounts(text: string): AmountMatch[] {
  return scanMoney(text).amounts;
}

/** The most plausible amount: the first one after a self-pay word, else the first with a unit or money word, else the first. */
export function pickAmount(amounts: readonly AmountMatch[]): AmountMatch | undefined {
  let best: AmountMatch | undefined;
  for (const a of amounts) if (!best || a.strength > best.strength) best = a;
  return best;
}

/**
 * The amount a scan states: the most plausible good one — unless a bad one is more plausible still (自付1e5,
 * 住院花了三万 自付12000.001), which then stands for it: no figure, and what was wrong.
 */
export function decideAmount(scan: MoneyScan): AmountMatch | InvalidAmount | undefined {
  const good = pickAmount(scan.amounts);
  let bad: InvalidAmount | undefined;
  for (const a of scan.invalid) if (!bad || a.strength > bad.strength) bad = a;
  if (bad && (!good || bad.strength > good.strength)) return bad;
  return good;
}

/** The amount of money the text states, in 元 (negative if it says so); undefined if none, only a vague one or a bad one. */
export function parseMoney(text: string): number | undefined {
  const decided = decideAmount(scanMoney(text));
  return decided && 'amount' in decided ? decided.amount : undefined;
}

/** A range a vague amount states: the yuan it cannot be below and above (both inclusive unless `above`). */
export interface AmountRange {
  readonly lo: number;
  readonly hi: number;
  /** "六万多", "四万出头": more than `lo`, not `lo` itself. */
  readonly above: boolean;
}

const HEDGE_BEFORE = /^(?:差不多|大概|大约|大致|约莫|约摸|估计|估摸|约)(?:是|有)?/;
/** A hedge right before the figure in the sentence ("自付大概一万一"): the figure is an estimate. */
const HEDGE_ENDING = /(?:差不多|大概|大约|大致|约莫|约摸|估计|估摸|(?<![预节合契制相邀签违履公条])约)(?:是|有|了)?$/;
const HEDGE_AFTER = /(?:块钱|块|元)?(?:左右|上下)$/;
const MORE_AFTER = /(?:多|来)(?:块钱|块|元)?$/;
const JUST_OVER_AFTER = /(?:块钱|块|元)?(?:出头|挂零)$/;
/** "超过四万": the word before a figure that makes it a floor. */
export const OVER_BEFORE = /(?:超过|超出|高于|多于|超了)$/;
/** The top of "超过四万": the largest amount a bill is taken to be (the rules refuse 10,000,000 and more). */
const HIGHEST_SELF_PAY = 9_999_999;
const ABOVE_AFTER = /(?:块钱|块|元)?以上$/;
const UNITS = /(?:块钱|块|元)$/;

/** The place of a figure's last non-zero digit: 60000 → 10000, 12000 → 1000 (一万二千多 is 12000–13000). */
function lastPlace(value: number): number {
  let place = 1;
  while (value % (place * 10) === 0 && place * 10 <= value) place *= 10;
  return place;
}

/**
 * The range a vague amount says, when it says one: 六万多 → more than 60000, below 70000; 一万二千多 → 12000–13000;
 * 四万出头 → more than 40000, up to 44000; 大概一万一 / 一万一左右 → 11000 ± 5 %. Null when it gives none (好几万, 几千,
 * 两三万): the dialog then asks for the figure.
 */
export function vagueRange(raw: string, before = ''): AmountRange | null {
  const t = raw.trim();
  const approx = HEDGE_BEFORE.test(t) || HEDGE_AFTER.test(t) || HEDGE_ENDING.test(before);
  const core = t.replace(HEDGE_BEFORE, '').replace(HEDGE_AFTER, '');
  if (approx) {
    const value = parseNumber(core.replace(UNITS, ''));
    return value !== undefined && value > 0 ? { lo: Math.round(value * 0.95), hi: Math.round(value * 1.05), above: false } : null;
  }
  // "超过四万", "四万以上": anything above the figure (the tiers above it often all agree).
  if (OVER_BEFORE.test(before) || ABOVE_AFTER.test(core)) {
    const value = parseNumber(core.replace(ABOVE_AFTER, '').replace(UNITS, ''));
    return value !== undefined && value > 0 ? { lo: value, hi: HIGHEST_SELF_PAY, above: true } : null;
  }
  const more = MORE_AFTER.test(core);
  const justOver = JUST_OVER_AFTER.test(core);
  if (!more && !justOver) return null;
  const value = parseNumber(core.replace(more ? MORE_AFTER : JUST_OVER_AFTER, ''));
  if (value === undefined || value <= 0) return null;
  const place = lastPlace(value);
  return { lo: value, hi: value + (more ? place : place / 2), above: true };
}
