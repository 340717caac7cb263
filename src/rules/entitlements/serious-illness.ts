import type { Decimal } from 'decimal.js';
import type { Entitlement, Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import type { SeriousIllnessScale } from '../law/types.ts';
import { formatYuan, parseAmount } from '../money.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { type Money, ok, type Result } from '../types.ts';
import { entitlement, illnessVisits, notSet } from './common.ts';

export interface SeriousIllnessInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  /** Annual in-scope self-pay of one settlement year, 元; absent: the whole scale is described. */
  readonly selfPay?: Decimal.Value;
}

/** The tier a self-pay falls in: 超出/超过 is strictly greater, 不超过 is less or equal (domain.md rulings). */
export function seriousIllnessTier(scale: SeriousIllnessScale, selfPay: Money): { index: number; lower: Money; upTo: Money | null; ceiling: Money } | null {
  if (!selfPay.greaterThan(scale.threshold)) return null;
  let lower = scale.threshold;
  for (const [index, tier] of scale.tiers.entries()) {
    if (tier.upTo === null || selfPay.lessThanOrEqualTo(tier.upTo)) return { index, lower, upTo: tier.upTo, ceiling: tier.ceiling };
    lower = tier.upTo;
  }
  return null;
}

/** 大病慰问: ceilings by annual self-pay tier; staff set the amount within the ceiling. */
export function seriousIllness(input: SeriousIllnessInput): Result<Entitlement> {
  const amount = input.selfPay === undefined ? null : parseAmount(input.selfPay);
  if (amount && !amount.ok) return amount;
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const rule = valueAt(law?.seriousIllness, input.asOf);
  if (!rule) {
    return ok(notSet('serious_illness', regime.value, illnessVisits(regime.value, input.asOf)));
  }
  const conditions: Point[] = [{ code: 'self_pay_in_scope_one_settlement_year', params: { threshold: formatYuan(rule.value.threshold) }, cite: rule.cite }];
  const dependsOnFunds = valueAt(law?.seriousIllnessDependsOnFunds, input.asOf);
  if (dependsOnFunds) conditions.push({ code: 'amount_depends_on_funds', cite: dependsOnFunds.cite });
  const publicised = valueAt(law?.seriousIllnessPublicised, input.asOf);
  if (publicised) conditions.push({ code: 'recipients_publicised', cite: publicised.cite });
  const documents = [{ code: 'medical_expense_statement_unless_big_data', cite: rule.cite }];

  if (amount === null) {
    // Self-pay unknown: every tier with its ceiling, the top one as the headline.
    const tiers: Point[] = [];
    let lower = rule.value.threshold;
    for (const t of rule.value.tiers) {
      tiers.push({
        code: t.upTo ? 'tier_between' : 'tier_over',
        params: { lower: formatYuan(lower), ...(t.upTo ? { upper: formatYuan(t.upTo) } : {}), ceiling: formatYuan(t.ceiling) },
        cite: rule.cite,
      });
      if (t.upTo) lower = t.upTo;
    }
    const top = rule.value.tiers[rule.value.tiers.length - 1];
    return ok(
      entitlement('serious_illness', regime.value, { outcome: 'ceiling', amount: top?.ceiling ?? null, conditions: [...tiers, ...conditions], documents }),
    );
  }
  const selfPay = amount.value;
  const tier = seriousIllnessTier(rule.value, selfPay);
  if (!tier) {
    return ok(
      entitlement('serious_illness', regime.value, {
        outcome: 'none',
        reason: { code: 'self_pay_not_over_threshold', params: { threshold: formatYuan(rule.value.threshold), selfPay: formatYuan(selfPay) }, cite: rule.cite },
        conditions,
        documents,
      }),
    );
  }
  const band: Point = {
    code: tier.upTo ? 'tier_between' : 'tier_over',
    params: { lower: formatYuan(tier.lower), ...(tier.upTo ? { upper: formatYuan(tier.upTo) } : {}), ceiling: formatYuan(tier.ceiling) },
    cite: rule.cite,
  };
  return ok(entitlement('serious_illness', regime.value, { outcome: 'ceiling', amount: tier.ceiling, conditions: [band, ...conditions], documents }));
}
