/**
 * Slot parsers for the NLU layer: the single export file.
 *
 * extractSlots takes text already passed through normalize() and returns the slots it states (a slot
 * the text does not state is absent, never guessed) and what it states unusably (SlotError), so the
 * dialog can say what is wrong. It never throws.
 */
import { findAges } from './age.ts';
import { findCounts } from './count.ts';
import { findDates, type Now } from './date.ts';
import { parseFestival } from './festival.ts';
import { findIdNumbers, type IdNumberResult } from './id-number.ts';
import { decideAmount, type InvalidAmount, moneyBlockedSpans, scanMoney } from './money.ts';
import { parseName } from './name.ts';
import { type MalformedNumber, type NumberSpan, type Span, scanMalformed, scanNumbers } from './numerals.ts';
import { findPhones, hasInvalidPhone } from './phone.ts';
import { parseHomophoneRegion, parseRegion } from './region.ts';
import { parseRelation } from './relation.ts';
import type { SlotError, Slots } from './types.ts';

export { type AgeMatch, findAges, parseAge } from './age.ts';
export { type CountMatch, findCounts, parseCount } from './count.ts';
export { type CivilDate, type DateMatch, findDates, type Now, parseDate, shanghaiDate } from './date.ts';
export { type Festival, type FestivalMatch, findFestivals, parseFestival } from './festival.ts';
export {
  findIdNumbers,
  type IdNumberOptions,
  type IdNumberProblem,
  type IdNumberResult,
  idCheckChar,
  maskIdNumber,
  parseIdNumber,
  validateIdNumber,
} from './id-number.ts';
export {
  type AmountMatch,
  type AmountRange,
  decideAmount,
  findAmounts,
  type InvalidAmount,
  MAX_AMOUNT,
  type MoneyScan,
  OVER_BEFORE,
  parseMoney,
  pickAmount,
  scanMoney,
  type VagueAmount,
  vagueRange,
} from './money.ts';
export { KIN_BEFORE_NAME, type NameOptions, parseName } from './name.ts';
export { type MalformedNumber, type NumberSpan, parseNumber, type Span, scanMalformed, scanNumbers } from './numerals.ts';
export { findPhones, hasInvalidPhone, maskPhone, type PhoneMatch, parsePhone } from './phone.ts';
export { correctedRegion, findRegions, homophoneRegionIn, parseHomophoneRegion, parseRegion, pickRegions, type RegionMatch } from './region.ts';
export { findRelations, parseRelation, type RelationMatch } from './relation.ts';
export type { SlotError, SlotErrorCode, SlotName, Slots } from './types.ts';

/** extractSlots looks at no more than this many characters. */
export const MAX_SLOT_TEXT = 2000;

export interface ExtractOptions {
  /** The clock relative dates resolve against (read in Asia/Shanghai). */
  readonly now: Now;
  /** The bot has just asked for a name: a bare 2–4 character name is the answer. */
  readonly expectName?: boolean;
  /** The bot has just asked for an ID number: a wrong-length digit run is reported as one. */
  readonly expectIdNumber?: boolean;
}

export interface ExtractResult {
  slots: Slots;
  errors: SlotError[];
}

const ID_ERROR: Readonly<Record<Exclude<IdNumberResult, { ok: true }>['problem'], SlotError['code']>> = {
  check_digit: 'id_check_digit',
  length: 'id_length',
  birth_date: 'id_birth_date',
};

function idError(r: Exclude<IdNumberResult, { ok: true }>): SlotError {
  switch (ID_ERROR[r.problem]) {
    case 'id_check_digit':
      return { code: 'id_check_digit', slot: 'id_number' };
    case 'id_birth_date':
      return { code: 'id_birth_date', slot: 'id_number' };
    default:
      return { code: 'id_length', slot: 'id_number', length: r.length };
  }
}

/** The error for a bad figure said as money. */
function amountError(a: InvalidAmount): SlotError {
  const text = a.raw.length > 24 ? `${a.raw.slice(0, 24)}…` : a.raw;
  if (a.code === 'absurd_amount') return { code: 'absurd_amount', slot: 'amount', text };
  return { code: 'invalid_amount', slot: 'amount', text, reason: a.reason ?? 'notation' };
}

/** Runs one parser; a parser that throws (a bug) costs that slot, never the message. */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Every slot the (normalised) text states, and what it states unusably. Never throws. */
export function extractSlots(normalizedText: string, opts: ExtractOptions): ExtractResult {
  const slots: Slots = {};
  const errors: SlotError[] = [];
  if (typeof normalizedText !== 'string' || normalizedText.length === 0) return { slots, errors };
  const text = normalizedText.length > MAX_SLOT_TEXT ? normalizedText.slice(0, MAX_SLOT_TEXT) : normalizedText;

  // Identifiers first: their digits are off limits for money, counts and ages.
  const phones = attempt(() => findPhones(text)) ?? [];
  const ids = attempt(() => findIdNumbers(text, { expected: opts?.expectIdNumber === true })) ?? [];
  const idSpans: Span[] = ids.map((r) => r.span);
  const blocked: Span[] = [...phones, ...idSpans];

  const phone = phones[0];
  if (phone) slots.phone = phone.phone;
  else if (attempt(() => hasInvalidPhone(text, phones))) errors.push({ code: 'phone_invalid', slot: 'phone' });

  const goodId = ids.find((r): r is Extract<IdNumberResult, { ok: true }> => r.ok);
  const badId = ids.find((r): r is Exclude<IdNumberResult, { ok: true }> => !r.ok);
  if (goodId) slots.id_number = goodId.value;
  else if (badId) errors.push(idError(badId));

  const numbers: NumberSpan[] = attempt(() => scanNumbers(text)) ?? [];
  const malformed: MalformedNumber[] = attempt(() => scanMalformed(text)) ?? [];
  const money = attempt(() => scanMoney(text, moneyBlockedSpans(text, blocked), numbers, malformed));
  if (money) {
    const decided = decideAmount(money);
    if (decided && 'amount' in decided) slots.amount = decided.amount;
    else {
      if (decided) errors.push(amountError(decided));
      if (money.vague[0]) errors.push({ code: 'vague_amount', slot: 'amount', text: money.vague[0].raw });
    }
  }

  const dates = attempt(() => findDates(text, opts?.now ?? new Date())) ?? [];
  const goodDate = dates.find((d) => d.date !== null);
  if (goodDate?.date) slots.date = goodDate.date;
  else if (dates[0]) errors.push({ code: 'invalid_date', slot: 'date', text: dates[0].raw });

  // 1e5, 0x10: their digits are no count or age either
  const notations = malformed.filter((m) => m.kind !== 'grouping');
  const counted = notations.length > 0 ? [...blocked, ...notations] : blocked;
  const count = attempt(() => findCounts(text, counted, numbers)[0]?.count);
  if (count !== undefined) slots.count = count;
  const age = attempt(() => findAges(text, counted, numbers)[0]?.age);
  if (age !== undefined) slots.age = age;

  const region = attempt(() => parseRegion(text) ?? parseHomophoneRegion(text, opts?.expectName !== true));
  if (region !== undefined) slots.region = region;
  const festival = attempt(() => parseFestival(text));
  if (festival !== undefined) slots.festival = festival;
  const relation = attempt(() => parseRelation(text));
  if (relation !== undefined) slots.relation = relation;
  const name = attempt(() => parseName(text, { expected: opts?.expectName === true }));
  if (name !== undefined) slots.name = name;

  return { slots, errors };
}
