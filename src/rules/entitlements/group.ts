import { Decimal } from 'decimal.js';
import type { Entitlement, Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { formatYuan } from '../money.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { err, ok, type Result } from '../types.ts';
import { entitlement, notSet } from './common.ts';

export interface GroupActivityInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  readonly age?: number;
  /** Cannot attend for an objective reason (illness, mobility). */
  readonly cannotAttend?: boolean;
}

const validAge = (age: number | undefined) => age === undefined || (Number.isInteger(age) && age >= 40 && age <= 120);

/** 自管小组文体活动: once a year, never cash or cards; 75 and over, or unable to attend → 慰问品 (Hangzhou 三(三)). */
export function groupActivity(input: GroupActivityInput): Result<Entitlement> {
  if (!validAge(input.age)) return err({ code: 'invalid_age', value: String(input.age) });
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const rule = valueAt(regime.value.law?.groupActivity, input.asOf);
  if (!rule) {
    const collective = valueAt(regime.value.law?.collectiveActivities, input.asOf);
    return ok(notSet('group_activity', regime.value, collective && { code: 'collective_activities_only', cite: collective.cite }));
  }
  const { timesPerYear, giftFromAge } = rule.value;
  const kinds = valueAt(regime.value.law?.groupActivityKinds, input.asOf);
  const conditions: Point[] = [
    { code: 'activity_times_per_year_no_cash', params: { times: timesPerYear }, cite: rule.cite },
    { code: 'gift_from_age_or_cannot_attend', params: { age: giftFromAge }, cite: rule.cite },
    ...(kinds ? [{ code: 'activity_kinds', params: { kinds: kinds.value.join('|') }, cite: kinds.cite }] : []),
  ];
  // 75 周岁以上: in legal Chinese 以上 includes the number itself.
  const gift = (input.age !== undefined && input.age >= giftFromAge) || input.cannotAttend === true;
  return ok(entitlement('group_activity', regime.value, { outcome: gift ? 'in_kind' : 'fixed', amount: null, conditions }));
}

export interface GroupLeaderInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  /** Retirees the leader manages; absent: the rule itself, with the yearly cap as the ceiling. */
  readonly managed?: number;
  readonly leaderAge?: number;
}

/** 自管小组长补助: up to 10 元 per managed retiree, at most 500 元 a year, after assessment and publicity. */
export function groupLeaderSubsidy(input: GroupLeaderInput): Result<Entitlement> {
  const managed = input.managed;
  if (managed !== undefined && (!Number.isInteger(managed) || managed < 0 || managed > 10_000)) {
    return err({ code: 'invalid_count', value: String(input.managed) });
  }
  if (!validAge(input.leaderAge)) return err({ code: 'invalid_age', value: String(input.leaderAge) });
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const rule = valueAt(law?.groupLeaderSubsidy, input.asOf);
  if (!rule) return ok(notSet('group_leader_subsidy', regime.value));
  const { perRetiree, annualCap } = rule.value;
  const ceiling = managed === undefined ? annualCap : Decimal.min(perRetiree.times(managed), annualCap);
  const rates = { perRetiree: formatYuan(perRetiree), cap: formatYuan(annualCap) };
  const conditions: Point[] = [
    managed === undefined
      ? { code: 'leader_subsidy_rule', params: rates, cite: rule.cite }
      : { code: 'leader_subsidy_formula', params: { ...rates, managed }, cite: rule.cite },
    { code: 'after_assessment_and_publicity', cite: rule.cite },
  ];
  const size = valueAt(law?.groupSize, input.asOf);
  if (size) {
    const [min, max] = size.value;
    const within = managed === undefined || (managed >= min && managed <= max);
    conditions.push({
      code: within ? 'group_size' : 'group_size_outside',
      params: { min, max, ...(managed === undefined ? {} : { managed }) },
      cite: size.cite,
    });
  }
  const maxAge = valueAt(law?.leaderMaxAge, input.asOf);
  if (maxAge) {
    const over = input.leaderAge !== undefined && input.leaderAge > maxAge.value;
    conditions.push({ code: over ? 'leader_age_over_generally' : 'leader_age_generally', params: { max: maxAge.value }, cite: maxAge.cite });
  }
  const card = valueAt(law?.leaderPaidToOwnCard, input.asOf);
  if (card) conditions.push({ code: 'paid_to_leader_own_card_and_publicised', cite: card.cite });
  const publicity = valueAt(law?.publicity, input.asOf);
  if (publicity) conditions.push({ code: 'publicity_min_days', params: { days: publicity.value.minDays }, cite: publicity.cite });
  if (managed === 0) {
    return ok(entitlement('group_leader_subsidy', regime.value, { outcome: 'none', reason: { code: 'no_managed_retirees', cite: rule.cite }, conditions }));
  }
  return ok(entitlement('group_leader_subsidy', regime.value, { outcome: 'ceiling', amount: ceiling, conditions }));
}
