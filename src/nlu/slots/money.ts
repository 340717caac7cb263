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
 */
import { findIdNumbers } from './id-number.ts';
import { type NumberSpan, overlapsAny, type Span, scanNumbers } from './numerals.ts';
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

export interface MoneyScan {
  readonly amounts: AmountMatch[];
  readonly vague: VagueAmount[];
}

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
  if (!n.vague && !Number.isFinite(n.value)) return { kind: 'none' };
  const after = text.slice(n.end, n.end + 8);
  const pre = before(text, n);
  if (ORDINAL_BEFORE.test(pre)) return { kind: 'none' };
  if (NOT_MONEY_AFTER.test(after)) return { kind: 'none' };
  if (LABEL_BEFORE.test(pre)) return { kind: 'none' };
  // 这一块 / 哪一块 (this area), 一块去 (together)
  if (n.value === 1 && !n.arabic && (DEMONSTRATIVE_BEFORE.test(pre) ? PIECE_AFTER.test(after) : TOGETHER_AFTER.test(after))) return { kind: 'none' };
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
  if (n.digitString && !unit) return { kind: 'none' };
  if (unit || cue) return { kind: 'amount', strength: selfPay ? 3 : 2 };
  if (AGE_BEFORE.test(pre)) return { kind: 'none' };
  if (!n.arabic && !n.magnitude) return { kind: 'none' };
  if (n.value < 100) return { kind: 'none' };
  if (n.integerDigits >= 9 && !n.grouped) return { kind: 'none' };
  if (n.arabic && !n.magnitude && n.raw.startsWith('0') && !n.decimal) return { kind: 'none' };
  if (n.integerDigits === 4 && !n.decimal && n.value >= 1900 && n.value <= 2100 && YEAR_AFTER.test(after)) return { kind: 'none' };
  return { kind: 'amount', strength: 1 };
}

/**
 * Every amount and every vague amount in `text`, in order. `blocked` defaults to moneyBlockedSpans(text),
 * `numbers` to scanNumbers(text) (pass them when already computed).
 */
export function scanMoney(text: string, blocked: readonly Span[] = moneyBlockedSpans(text), numbers: readonly NumberSpan[] = scanNumbers(text)): MoneyScan {
  const amounts: AmountMatch[] = [];
  const vague: VagueAmount[] = [];
  let payoutContext: boolean | undefined;
  const payout = (): boolean => (payoutContext ??= PAYOUT_CONTEXT.test(text));
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i] as NumberSpan;
    const verdict = judge(text, n, blocked, numbers, i, payout);
    if (verdict.kind === 'amount') {
      amounts.push({
        start: n.signStart,
        end: n.end,
        raw: text.slice(n.signStart, n.end),
        amount: n.negative ? -n.value : n.value,
        strength: verdict.strength,
      });
    } else if (verdict.kind === 'vague') {
      vague.push({ start: n.signStart, end: n.end, raw: text.slice(n.signStart, n.end) });
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
  return { amounts, vague };
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

/** The amount of money the text states, in 元 (negative if it says so); undefined if none or only a vague one. */
export function parseMoney(text: string): number | undefined {
  return pickAmount(findAmounts(text))?.amount;
}
