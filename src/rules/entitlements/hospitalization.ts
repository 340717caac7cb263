import type { Entitlement } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { err, ok, type Result } from '../types.ts';
import { entitlement, illnessVisits, notSet } from './common.ts';

export interface HospitalizationInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  /** Stays this year; the consolation is paid per stay, in principle once a year. */
  readonly stays?: number;
}

/** 住院慰问: 150 元 a stay, in principle once a year, on a hospital certificate unless 大数据 can verify it. */
export function hospitalization(input: HospitalizationInput): Result<Entitlement> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const stays = input.stays;
  if (stays !== undefined && (!Number.isInteger(stays) || stays < 0 || stays > 366)) {
    return err({ code: 'invalid_count', value: String(stays) });
  }
  const rule = valueAt(regime.value.law?.hospitalization, input.asOf);
  if (!rule) {
    return ok(notSet('hospitalization', regime.value, illnessVisits(regime.value, input.asOf)));
  }
  const { perStay, maxTimesPerYear } = rule.value;
  const conditions = [{ code: 'times_per_year_in_principle', params: { times: maxTimesPerYear }, cite: rule.cite }];
  const documents = [{ code: 'hospital_certificate_unless_big_data', cite: rule.cite }];
  if (stays === 0) {
    return ok(entitlement('hospitalization', regime.value, { outcome: 'none', reason: { code: 'no_stay', cite: rule.cite }, conditions, documents }));
  }
  const paidStays = stays === undefined ? 1 : Math.min(stays, maxTimesPerYear);
  // "一年住三次呢": more stays than the year allows — the limit is why the sum is what it is.
  const capped = stays !== undefined && stays > maxTimesPerYear;
  return ok(
    entitlement('hospitalization', regime.value, {
      outcome: 'fixed',
      amount: perStay.times(paidStays),
      ...(capped ? { reason: { code: 'more_stays_than_allowed', params: { times: maxTimesPerYear, stays }, cite: rule.cite } } : {}),
      conditions: [{ code: 'per_stay', params: { amount: perStay.toFixed(0) }, cite: rule.cite }, ...(capped ? [] : conditions)],
      documents,
    }),
  );
}
