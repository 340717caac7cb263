import { Decimal } from 'decimal.js';
import { err, type Money, ok, type Result, type RuleError } from './types.ts';

/** Past this an amount is a typing slip, not a medical bill (domain.md: over 10,000,000 is absurd). */
export const ABSURD_AMOUNT = new Decimal(10_000_000);

/**
 * Reads an amount of 元 given as a number or a decimal string, fen precision at most.
 * Negative, absurd and malformed amounts are errors, not numbers to compute with.
 */
export function parseAmount(input: Decimal.Value): Result<Money, Extract<RuleError, { code: 'negative_amount' | 'absurd_amount' | 'invalid_amount' }>> {
  const text = String(input).trim();
  let value: Decimal;
  try {
    value = new Decimal(text);
  } catch {
    return err({ code: 'invalid_amount', value: text });
  }
  if (!value.isFinite()) return err({ code: 'invalid_amount', value: text });
  if (value.isNegative() && !value.isZero()) return err({ code: 'negative_amount', value: text });
  if (value.greaterThan(ABSURD_AMOUNT)) return err({ code: 'absurd_amount', value: text, max: ABSURD_AMOUNT.toFixed(0) });
  if (value.decimalPlaces() > 2) return err({ code: 'invalid_amount', value: text });
  return ok(value);
}

/** Money as people read it: no trailing ".00", fen kept when present. */
export function formatYuan(value: Money): string {
  return value.isInteger() ? value.toFixed(0) : value.toFixed(2);
}
