import type { Entitlement, Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { ok, type Result } from '../types.ts';
import { entitlement, notSet } from './common.ts';

export interface FuneralInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
}

/** 丧事料理慰问费: 200 元 when a retiree dies (Hangzhou, Jiande); Jiande also says how it is paid. */
export function funeral(input: FuneralInput): Result<Entitlement> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const rule = valueAt(law?.funeral, input.asOf);
  if (!rule) {
    // What the text has instead of an amount: help claiming (001 四(七)), or a visit to mourn (002 第二十五条(二)).
    const help = valueAt(law?.deathBenefitsHelp, input.asOf);
    const visit = valueAt(law?.visitsOnIllnessAndDeath, input.asOf);
    const instead: Point | undefined = help
      ? { code: 'community_helps_after_death', cite: help.cite }
      : visit && { code: 'visit_and_mourn_on_death', cite: visit.cite };
    return ok(notSet('funeral', regime.value, instead));
  }
  const conditions: Point[] = [];
  if (rule.value.payment === 'visit_or_account') conditions.push({ code: 'paid_by_visit_or_to_family_account', cite: rule.cite });
  return ok(entitlement('funeral', regime.value, { outcome: 'fixed', amount: rule.value.amount, conditions, extraCitations: [rule.cite] }));
}
