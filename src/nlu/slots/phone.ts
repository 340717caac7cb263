/**
 * Mainland mobile numbers: 1[3-9] and nine more digits, with spaces or dashes anywhere people put them
 * (138 1234 5678, 138-1234-5678) and an optional +86 / 86 prefix. Landlines are not the `phone` slot.
 */
import type { Span } from './numerals.ts';

export interface PhoneMatch extends Span {
  /** Eleven digits, no prefix or separators. */
  readonly phone: string;
}

const MOBILE = /(?<![\d])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![\d])/g;
/** A number the writer says is a phone number (电话 / 手机 …) followed by digits. */
const CUED = /(?<![证卡账])(?:电话|手机|号码|联系方式|手机号|电话号)(?:号码|号)?(?:是|为|:)?\s?(\+?\d[\d -]{3,18}\d)(?![\d])/g;
const LANDLINE = /^0\d{9,11}$/;
const MOBILE_DIGITS = /^1[3-9]\d{9}$/;
const NON_DIGITS = /\D/g;

export function findPhones(text: string): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  MOBILE.lastIndex = 0;
  for (let m = MOBILE.exec(text); m !== null; m = MOBILE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, phone: `${m[1]}${m[2]}${m[3]}` });
  }
  return out;
}

export function parsePhone(text: string): string | undefined {
  return findPhones(text)[0]?.phone;
}

/**
 * True when the text gives, as a phone number, digits that are not a mobile number (too short, too
 * long, wrong prefix). Landlines (0 and 10–12 digits) are not flagged.
 */
export function hasInvalidPhone(text: string, phones: readonly PhoneMatch[] = findPhones(text)): boolean {
  CUED.lastIndex = 0;
  for (let m = CUED.exec(text); m !== null; m = CUED.exec(text)) {
    const raw = m[1] ?? '';
    const at = m.index + m[0].length - raw.length;
    // a good mobile number there (maybe followed by another number): nothing wrong
    if (phones.some((p) => p.start === at || (p.start <= at && at < p.end))) continue;
    const digits = raw.replace(NON_DIGITS, '');
    if (LANDLINE.test(digits)) continue;
    const local = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
    if (!MOBILE_DIGITS.test(local)) return true;
  }
  return false;
}

/** Masking lives with the other privacy helpers. */
export { maskPhone } from '../../privacy/mask.ts';
