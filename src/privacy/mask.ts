/**
 * Masking of personal data for logs, staff lists and anything a group could see.
 * The texts forbid disclosing ID numbers, phones, bank cards and addresses (004 五(三), 000 五(二), 002 第二十九条).
 */

/** 330182199001011234 → 330182********1234 (region code and last four kept, as staff recognise them). */
export function maskIdNumber(id: string): string {
  const s = id.replace(/[\s-]/g, '');
  if (s.length === 18) return `${s.slice(0, 6)}********${s.slice(14)}`;
  if (s.length <= 4) return '*'.repeat(s.length);
  return `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const local = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (local.length === 11) return `${local.slice(0, 3)}****${local.slice(7)}`;
  if (local.length <= 4) return '*'.repeat(local.length);
  return `${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
}

/** 6222021234567890123 → ************0123. */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(digits.length - 4, 0))}${digits.slice(-4)}`;
}

// Digits are matched whole (no digit on either side) so that an amount is never mistaken for a phone.
const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9Xx])/g;
const PHONE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])/g;
const BANK_CARD = /(?<![0-9])(?:\d[ -]?){15,18}\d(?![0-9])/g;

/** Masks every ID number, mobile phone and bank-card-like digit run in free text. */
export function maskText(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(PHONE, (m) => maskPhone(m))
    .replace(BANK_CARD, (m) => maskBankCard(m));
}

/** Keys whose values are personal data wherever they appear in a log record. */
export const PERSONAL_KEYS = [
  'id_number',
  'idNumber',
  'phone',
  'address',
  'bank_card',
  'bankCard',
  'hardship',
  'personName',
  'deceasedName',
  'reporterPhone',
  'applicantName',
  'leaderName',
] as const;

/** An ID number, phone or bank card in the text: what `maskText` would mask. */
export function hasPersonalNumber(text: string): boolean {
  return maskText(text) !== text;
}
