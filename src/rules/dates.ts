import { err, ok, type Result, type RuleError } from './types.ts';

/** A plain calendar date 'YYYY-MM-DD'; the rules never look at a clock or a time zone. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(input: string): Result<IsoDate, Extract<RuleError, { code: 'invalid_date' }>> {
  const m = ISO.exec(input.trim());
  if (!m) return err({ code: 'invalid_date', value: input });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || y < 1900) {
    return err({ code: 'invalid_date', value: input });
  }
  return ok(input.trim());
}

const toUtc = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (t: Date): IsoDate => t.toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** The first day of the month after `date`: "次月" in the texts. */
export function firstOfNextMonth(date: IsoDate): IsoDate {
  const t = toUtc(date);
  return fromUtc(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1)));
}

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));
