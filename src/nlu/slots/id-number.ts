/**
 * 18-character mainland resident ID numbers (GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence, check character 0-9 or X computed mod 11 with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
 */
import type { Span } from './numerals.ts';

export type IdNumberProblem = 'check_digit' | 'length' | 'birth_date';

export type IdNumberResult =
  | { readonly ok: true; readonly value: string; readonly birthDate: string; readonly span: Span }
  | { readonly ok: false; readonly problem: IdNumberProblem; readonly length: number; readonly span: Span };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** Digit runs (maybe with an X/x at the end) and the 6-8-4 grouping people sometimes type. */
const COMPACT = /(?<![\dA-Za-z])\d{14,20}[xX]?(?![\dA-Za-z])/g;
const GROUPED = /(?<![\dA-Za-z])\d{6}[ -]\d{8}[ -]\d{3}[\dxX](?![\dA-Za-z])|(?<![\dA-Za-z])\d{6}[ -]\d{4}[ -]\d{4}[ -]\d{3}[\dxX](?![\dA-Za-z])/g;
const SEPARATORS = /[ -]/g;
const EIGHTEEN = /^\d{17}[\dX]$/;
const MOBILE = /^(?:86)?1[3-9]\d{9}$/;
/** Words that say an ID number is being given. */
const ID_CUE = /身份证|身份号|证件号|证号|公民身份/;

/** The check character the first 17 digits call for. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

function validBirthDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Checks one candidate string (separators allowed). */
export function validateIdNumber(input: string, span: Span = { start: 0, end: input.length }): IdNumberResult {
  const id = input.replace(SEPARATORS, '').toUpperCase();
  if (!EIGHTEEN.test(id)) return { ok: false, problem: 'length', length: id.length, span };
  const birthDate = validBirthDate(id.slice(6, 14));
  if (birthDate === null) return { ok: false, problem: 'birth_date', length: 18, span };
  if (idCheckChar(id) !== id[17]) return { ok: false, problem: 'check_digit', length: 18, span };
  return { ok: true, value: id, birthDate, span };
}

export interface IdNumberOptions {
  /** The bot has just asked for an ID number: a wrong-length digit run is an attempt at one. */
  readonly expected?: boolean;
}

/**
 * Every ID-number-like run in the text, checked. An 18-character run is always an attempt at an ID
 * number. A 15–17 or 19–20 digit run is reported as a wrong-length ID number only when the text says it
 * is one (身份证 …) or the caller expects one; otherwise it may be a bank card and is left alone.
 * Mobile numbers are never taken.
 */
export function findIdNumbers(text: string, opts: IdNumberOptions = {}): IdNumberResult[] {
  const out: IdNumberResult[] = [];
  const cued = opts.expected === true || ID_CUE.test(text);
  const consider = (raw: string, start: number): void => {
    const span = { start, end: start + raw.length };
    if (out.some((r) => r.span.start < span.end && span.start < r.span.end)) return;
    const compact = raw.replace(SEPARATORS, '');
    if (MOBILE.test(compact)) return;
    if (compact.length === 18) {
      out.push(validateIdNumber(compact, span));
      return;
    }
    if (!cued || compact.length < 15) return;
    out.push({ ok: false, problem: 'length', length: compact.length, span });
  };
  GROUPED.lastIndex = 0;
  for (let m = GROUPED.exec(text); m !== null; m = GROUPED.exec(text)) consider(m[0], m.index);
  COMPACT.lastIndex = 0;
  for (let m = COMPACT.exec(text); m !== null; m = COMPACT.exec(text)) consider(m[0], m.index);
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** The first ID number in the text: valid, or what is wrong with it. */
export function parseIdNumber(text: string, opts: IdNumberOptions = {}): IdNumberResult | undefined {
  const all = findIdNumbers(text, opts);
  return all.find((r) => r.ok) ?? all[0];
}

/** Masking lives with the other privacy helpers. */
export { maskIdNumber } from '../../privacy/mask.ts';
