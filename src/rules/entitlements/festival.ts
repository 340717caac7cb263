import { Decimal } from 'decimal.js';
import type { Entitlement, Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import type { Festival } from '../law/types.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { ok, type Result } from '../types.ts';
import { entitlement, notSet } from './common.ts';

/** Jiande pays festival money only in hardship; "severe" is its 特别困难. */
export type Hardship = 'none' | 'hardship' | 'severe';

export interface FestivalInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  /** One festival, several summed ("端午和中秋加起来"), or the whole year when absent. */
  readonly festival?: Festival | readonly Festival[];
  readonly hardship?: Hardship;
}

/**
 * 节日慰问. Hangzhou: fixed sums per festival for 杭州市级 retirees in socialized management (三(四)).
 * Jiande: no general festival money; hardship cases at 端午/重阳/春节 up to 500, especially hard up to 1000, once a year.
 */
export function festival(input: FestivalInput): Result<Entitlement> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;

  const wanted: readonly Festival[] | undefined = typeof input.festival === 'string' ? [input.festival] : input.festival;
  const fixed = valueAt(law?.festivalFixed, input.asOf);
  if (fixed) {
    const table = Object.entries(fixed.value) as [Festival, Decimal][];
    const parts = table.filter(([name]) => wanted === undefined || wanted.includes(name)).map(([label, amount]) => ({ label, amount, cite: fixed.cite }));
    const conditions: Point[] = [{ code: 'festival_for_city_level_retirees_in_management', cite: fixed.cite }];
    if (parts.length === 0) {
      return ok(
        entitlement('festival', regime.value, {
          outcome: 'none',
          reason: { code: 'festival_not_listed', params: { festival: wanted?.join('、') ?? '', listed: table.map(([n]) => n).join('、') }, cite: fixed.cite },
          conditions,
        }),
      );
    }
    const total = parts.reduce((sum, part) => sum.plus(part.amount), new Decimal(0));
    return ok(entitlement('festival', regime.value, { outcome: 'fixed', amount: total, parts, conditions }));
  }

  const hardshipRule = valueAt(law?.festivalHardship, input.asOf);
  if (hardshipRule) {
    const { ceiling, severeCeiling, festivals, maxTimesPerYear } = hardshipRule.value;
    const conditions: Point[] = [
      { code: 'festival_hardship_only', params: { festivals: festivals.join('、') }, cite: hardshipRule.cite },
      { code: 'times_per_year_in_principle', params: { times: maxTimesPerYear }, cite: hardshipRule.cite },
      { code: 'festival_hardship_ceilings', params: { ceiling: ceiling.toFixed(0), severe: severeCeiling.toFixed(0) }, cite: hardshipRule.cite },
    ];
    const unnamed = wanted?.filter((f) => !festivals.includes(f)) ?? [];
    if (unnamed.length > 0) {
      // 端午节、重阳节和春节"等": the list is open, so another festival is not excluded, only not named.
      conditions.push({ code: 'festival_not_named_but_list_open', params: { festival: unnamed.join('、') }, cite: hardshipRule.cite });
    }
    if (input.hardship === 'none') {
      return ok(
        entitlement('festival', regime.value, {
          outcome: 'none',
          reason: { code: 'festival_hardship_only', params: { festivals: festivals.join('、') }, cite: hardshipRule.cite },
          conditions,
        }),
      );
    }
    return ok(entitlement('festival', regime.value, { outcome: 'ceiling', amount: input.hardship === 'severe' ? severeCeiling : ceiling, conditions }));
  }
  const visits = valueAt(regime.value.law?.festivalVisits, input.asOf);
  return ok(notSet('festival', regime.value, visits && { code: `festival_visits_${visits.value}_no_amount`, cite: visits.cite }));
}
