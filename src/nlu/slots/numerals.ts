/**
 * Numbers as people type them: Arabic (12000, 12,000, 1.2), Chinese (一万二, 五千零一, 七十五),
 * financial (壹万贰仟), and mixed (1万2, 1.2万, 12k, 2w, 一万亿). The scanner finds every number in a text with
 * its span; the slot parsers (money, count, age) then look at what surrounds it.
 *
 * `scanMalformed` finds what looks like a number but is no figure anyone should compute with: programmers'
 * notations (1e5, 1E+3, 1e309, 0x10000, 0b101, 0o17, Infinity, NaN) and digits grouped wrongly (1,2,3,4,
 * 1,0000). Their digits must not be read as a number of their own (1e309 is not 309).
 */

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface NumberSpan extends Span {
  /** Where the number starts including a sign (负 / -), else `start`. */
  readonly signStart: number;
  readonly raw: string;
  /** The value, never negative (see `negative`); NaN when vague. */
  readonly value: number;
  readonly negative: boolean;
  /** 几 / 多 / 余 / 来 / a range like 两三, 七八: a count or amount nobody can compute with. */
  readonly vague: boolean;
  /** Contains Arabic digits. */
  readonly arabic: boolean;
  /** Contains 百 / 千 / 万 / 亿 (or k / w): clearly a quantity, not a label. */
  readonly magnitude: boolean;
  /** Written digit by digit in Chinese (二零二六, 一三八…): a year or a code read aloud, not a quantity. */
  readonly digitString: boolean;
  /** For a plain Arabic number: digits before the decimal point (no grouping commas); else 0. */
  readonly integerDigits: number;
  readonly decimal: boolean;
  /** Written with thousands separators (12,000). */
  readonly grouped: boolean;
  /** More than two decimal places (12000.001, 1.2345678万): `value` is rounded to two, which no amount may be. */
  readonly excessDecimals: boolean;
}

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  俩: 2,
  倆: 2,
  三: 3,
  叁: 3,
  仨: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_UNIT: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
  万: 1e4,
  萬: 1e4,
  亿: 1e8,
  億: 1e8,
};

/** Characters that may start a number. */
const START = /[\d零〇一壹二贰貳两兩俩倆三叁仨四肆五伍六陆陸七柒八捌九玖十拾几]/;
const ARABIC = /\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y;
/** After 来 / 余, what makes it "about N" rather than a verb or a place (一百来块, 一万余元). */
const APPROX_NEXT = /[块元钱圆个次回趟岁人位名户天年万千百斤米]/;
const LETTER = /[a-z]/i;

type Token =
  | { kind: 'num'; value: number; chinese: boolean; intDigits: number; decimal: boolean; grouped: boolean; end: number }
  | { kind: 'zero'; end: number }
  | { kind: 'unit'; value: number; letter: boolean; end: number }
  | { kind: 'some'; end: number } // 几
  | { kind: 'approx'; end: number }; // 多, 余, 来 after a number

function tokenize(text: string, start: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < text.length && tokens.length < 40) {
    const ch = text[i] as string;
    const prev = tokens[tokens.length - 1];
    if (ch >= '0' && ch <= '9') {
      ARABIC.lastIndex = i;
      const m = ARABIC.exec(text);
      if (!m) break;
      const raw = m[0];
      const grouped = raw.includes(',');
      const plain = grouped ? raw.replaceAll(',', '') : raw;
      const dot = plain.indexOf('.');
      const intDigits = dot === -1 ? plain.length : dot;
      tokens.push({ kind: 'num', value: Number(plain), chinese: false, intDigits, decimal: dot !== -1, grouped, end: i + raw.length });
      i += raw.length;
      continue;
    }
    const digit = CN_DIGIT[ch];
    if (digit !== undefined) {
      tokens.push(
        digit === 0 ? { kind: 'zero', end: i + 1 } : { kind: 'num', value: digit, chinese: true, intDigits: 1, decimal: false, grouped: false, end: i + 1 },
      );
      i += 1;
      continue;
    }
    const unit = CN_UNIT[ch];
    if (unit !== undefined) {
      if (tokens.length === 0 && unit !== 10) break;
      tokens.push({ kind: 'unit', value: unit, letter: false, end: i + 1 });
      i += 1;
      continue;
    }
    if ((ch === 'k' || ch === 'K' || ch === 'w' || ch === 'W') && prev?.kind === 'num' && !prev.chinese) {
      const next = text[i + 1];
      if (next !== undefined && LETTER.test(next)) break; // 12kg, 3km, 5wifi
      tokens.push({ kind: 'unit', value: ch === 'k' || ch === 'K' ? 1000 : 1e4, letter: true, end: i + 1 });
      i += 1;
      continue;
    }
    if (ch === '几') {
      tokens.push({ kind: 'some', end: i + 1 });
      i += 1;
      continue;
    }
    if (prev && (prev.kind === 'num' || prev.kind === 'unit' || prev.kind === 'some')) {
      const next = text[i + 1];
      if (ch === '多' && next !== '少') {
        tokens.push({ kind: 'approx', end: i + 1 });
        i += 1;
        continue;
      }
      if ((ch === '余' || ch === '来') && next !== undefined && APPROX_NEXT.test(next)) {
        tokens.push({ kind: 'approx', end: i + 1 });
        i += 1;
        continue;
      }
    }
    break;
  }
  return tokens;
}

interface Parsed {
  value: number;
  consumed: number;
  vague: boolean;
  magnitude: boolean;
  digitString: boolean;
  /** The value has more than two decimal places (12000.001, 1.2345678万): a fraction of a fen. */
  excessDecimals: boolean;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** More than two decimal places, allowing for binary floating-point noise (1.15 × 10000 = 11499.999999999998). */
function hasFractionOfFen(v: number): boolean {
  const fen = Math.abs(v) * 100;
  return Math.abs(fen - Math.round(fen)) > 1e-9 * Math.max(1, fen);
}

const isCnDigit = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'zero' || (t.kind === 'num' && t.chinese));

/** Chinese digits one after another: 二零二六 (digit by digit) or 两三 / 七八 (a range: vague). */
function parseDigitRun(tokens: readonly Token[]): Parsed {
  const first = tokens[0];
  const second = tokens[1];
  let n = 0;
  while (n < tokens.length && isCnDigit(tokens[n])) n++;
  const a = first?.kind === 'num' ? first.value : 0;
  const b = second?.kind === 'num' ? second.value : 0;
  if (n === 2 && a > 0 && b === a + 1) {
    // 两三万, 三四千块, 七八十岁: a range. Swallow the units that follow so nothing re-reads them.
    let k = 2;
    while (k < tokens.length && (tokens[k]?.kind === 'unit' || tokens[k]?.kind === 'approx')) k++;
    return {
      value: Number.NaN,
      consumed: k,
      vague: true,
      magnitude: tokens.slice(2, k).some((t) => t.kind === 'unit' && t.value >= 100),
      digitString: false,
      excessDecimals: false,
    };
  }
  let digits = '';
  for (let k = 0; k < n; k++) {
    const t = tokens[k];
    digits += t?.kind === 'num' ? String(t.value) : '0';
  }
  return { value: Number(digits), consumed: n, vague: false, magnitude: false, digitString: true, excessDecimals: false };
}

/** Reading a number token by token: 一万二千三百, 1.2万, 五千零一, 12k. */
interface Reading {
  total: number;
  section: number;
  pending: number | null;
  pendingSingle: boolean;
  lastUnit: number;
  lastSmall: number;
  lastBig: number;
  zero: boolean;
  vague: boolean;
  magnitude: boolean;
  prev: Token | undefined;
}

/** Takes token t (the k-th) into the reading; false when it cannot continue the number. */
function take(r: Reading, t: Token, k: number): boolean {
  const prev = r.prev;
  switch (t.kind) {
    case 'num':
      if (prev?.kind === 'num' && prev.chinese && t.chinese && t.value === prev.value + 1) {
        // 十二三岁, 二十七八个: a range
        r.vague = true;
        r.pending = null;
        return true;
      }
      // a second number, or an Arabic number straight after a Chinese digit (or the other way round)
      if (r.pending !== null || prev?.kind === 'num') return false;
      r.pending = t.value;
      r.pendingSingle = t.chinese || (t.intDigits === 1 && !t.decimal);
      return true;
    case 'zero':
      if (r.pending !== null || k === 0) return false;
      r.zero = true;
      return true;
    case 'some':
      if (r.pending !== null) return false;
      r.vague = true;
      r.pending = 1;
      r.pendingSingle = true;
      return true;
    case 'approx':
      if (prev === undefined || prev.kind === 'approx') return false;
      r.vague = true;
      return true;
    case 'unit':
      return t.value < 1e4 && !t.letter ? takeSmallUnit(r, t.value) : takeBigUnit(r, t);
  }
}

/** 十 / 百 / 千 (Chinese characters). */
function takeSmallUnit(r: Reading, u: number): boolean {
  const prev = r.prev;
  if (r.pending === null) {
    if (u === 10 && (prev === undefined || prev.kind === 'zero' || (prev.kind === 'unit' && prev.value >= 1e4))) r.pending = 1;
    else return false;
  }
  if (u >= r.lastSmall) return false;
  r.section += r.pending * u;
  r.pending = null;
  r.lastUnit = u;
  r.lastSmall = u;
  r.zero = false;
  if (u >= 100) r.magnitude = true;
  return true;
}

/** 万 / 亿 / k / w. 万亿 (10^12) is one unit: 一万亿, 两千万亿. */
function takeBigUnit(r: Reading, t: Extract<Token, { kind: 'unit' }>): boolean {
  const u = t.value;
  const prev = r.prev;
  const wanYi = u === 1e8 && prev?.kind === 'unit' && prev.value === 1e4 && !prev.letter;
  if (r.pending === null && r.section === 0 && !wanYi) return false;
  if (t.letter && (r.pending === null || prev?.kind !== 'num')) return false;
  if (u >= r.lastBig && !(u === 1e8 && r.lastBig === 1e4)) return false;
  if (u === 1000) {
    // k: 12k = 12 × 1000, 1.5k = 1500
    if (1000 >= r.lastSmall) return false;
    r.section += (r.pending ?? 0) * 1000;
    r.lastSmall = 1000;
  } else {
    r.section += r.pending ?? 0;
    if (u === 1e8) r.total = (r.total + r.section) * 1e8;
    else r.total += r.section * 1e4;
    r.section = 0;
    r.lastSmall = Number.POSITIVE_INFINITY;
    r.lastBig = u;
  }
  r.pending = null;
  r.lastUnit = u;
  r.zero = false;
  r.magnitude = true;
  return true;
}

function parseTokens(tokens: readonly Token[]): Parsed | null {
  const first = tokens[0];
  if (!first) return null;
  if (isCnDigit(first) && isCnDigit(tokens[1])) return parseDigitRun(tokens);

  const r: Reading = {
    total: 0,
    section: 0,
    pending: null,
    pendingSingle: false,
    lastUnit: 0,
    lastSmall: Number.POSITIVE_INFINITY,
    lastBig: Number.POSITIVE_INFINITY,
    zero: false,
    vague: false,
    magnitude: false,
    prev: undefined,
  };
  let consumed = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!take(r, t, k)) break;
    consumed = k + 1;
    r.prev = t;
    if (t.kind === 'approx') break;
  }
  if (consumed === 0) return null;
  if (r.pending !== null) {
    // 一万二 = 12000, 八千五 = 8500, 1万2 = 12000, but 五千零一 = 5001 and 1万2000 = 12000.
    if (r.pendingSingle && !r.zero && r.lastUnit >= 100 && r.prev?.kind === 'num') r.section += (r.pending * r.lastUnit) / 10;
    else r.section += r.pending;
  }
  const exact = r.total + r.section;
  return {
    value: r.vague ? Number.NaN : round2(exact),
    consumed,
    vague: r.vague,
    magnitude: r.magnitude,
    digitString: false,
    excessDecimals: !r.vague && hasFractionOfFen(exact),
  };
}

/** What may stand before a minus sign that makes it a dash instead (5000-6000, 2026-01-03, 第3-5). */
const DASH_CONTEXT = /[\dA-Za-z零〇一二两三四五六七八九十百千万亿元块]/;

/** 负 / - / − right before a number, else `start`. */
function signBefore(text: string, start: number): number {
  const c = text[start - 1];
  // "自负3万" is 自付 (what the patient paid), not minus.
  if (c === '负') return text[start - 2] === '自' ? start : start - 1;
  if (c === '-' || c === '\u2212' || c === '\uFE63' || c === '\uFF0D') {
    const before = text[start - 2];
    if (before === undefined || !DASH_CONTEXT.test(before)) return start - 1;
  }
  return start;
}

/** Every number in `text`, in order. Never throws. */
export function scanNumbers(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (!START.test(ch)) {
      i++;
      continue;
    }
    const tokens = tokenize(text, i);
    const parsed = parseTokens(tokens);
    if (!parsed) {
      i++;
      continue;
    }
    const last = tokens[parsed.consumed - 1] as Token;
    const end = last.end;
    const used = tokens.slice(0, parsed.consumed);
    const arabicTokens = used.filter((t): t is Extract<Token, { kind: 'num' }> => t.kind === 'num' && !t.chinese);
    const onlyArabic = arabicTokens.length === 1 && used.length === 1 ? arabicTokens[0] : undefined;
    const signStart = signBefore(text, i);
    out.push({
      start: i,
      end,
      signStart,
      raw: text.slice(i, end),
      value: parsed.value,
      negative: signStart < i,
      vague: parsed.vague,
      arabic: arabicTokens.length > 0,
      magnitude: parsed.magnitude,
      digitString: parsed.digitString,
      integerDigits: onlyArabic ? onlyArabic.intDigits : 0,
      decimal: onlyArabic ? onlyArabic.decimal : false,
      grouped: onlyArabic ? onlyArabic.grouped : false,
      excessDecimals: parsed.excessDecimals,
    });
    i = end;
  }
  return out;
}

/** Something written like a number that is none: a notation (1e5, 0x10, NaN) or a wrong digit grouping (1,2,3,4). */
export interface MalformedNumber extends Span {
  /** Where it starts including a sign (负 / -), else `start`. */
  readonly signStart: number;
  readonly raw: string;
  /** 'notation': 1e5, 0x10, 0b101, 0o17, infinity; 'word': nan (also pinyin, so read only where money is meant); 'grouping': 1,2,3,4. */
  readonly kind: 'notation' | 'word' | 'grouping';
}

/** Programmers' number notations (the text is matched case-insensitively: normalize lower-cases it). */
const NOTATION = /(?<![a-z\d.])(?:0x[\da-f]+|0b[01]+|0o[0-7]+|\d+(?:\.\d+)?e[+-]?\d+|infinity|nan)(?![a-z\d])/gi;
/** Digit groups joined by commas, the first of one to three digits (a thousands grouping is tested apart). */
const COMMA_GROUPS = /(?<![\d,.])\d{1,3}(?:,\d+)+(?:\.\d+)?(?!\d)/g;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Every malformed number in `text`, in order. Never throws. */
export function scanMalformed(text: string): MalformedNumber[] {
  const out: MalformedNumber[] = [];
  for (const re of [NOTATION, COMMA_GROUPS]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const raw = m[0];
      if (re === COMMA_GROUPS && THOUSANDS.test(raw)) continue;
      const kind = re === COMMA_GROUPS ? 'grouping' : raw.toLowerCase() === 'nan' ? 'word' : 'notation';
      out.push({ start: m.index, end: m.index + raw.length, signStart: signBefore(text, m.index), raw, kind });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The value of a whole string that is exactly one number (七十五, 1万2, 壹万贰仟), else undefined. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t.length === 0) return undefined;
  const spans = scanNumbers(t);
  const only = spans[0];
  if (spans.length !== 1 || !only || only.start !== 0 || only.end !== t.length || only.vague) return undefined;
  return only.value;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export const overlapsAny = (a: Span, blocked: readonly Span[]): boolean => blocked.some((b) => overlaps(a, b));
