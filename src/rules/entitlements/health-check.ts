import { Decimal } from 'decimal.js';
import type { Entitlement, Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { formatYuan, parseAmount } from '../money.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { ok, type Result } from '../types.ts';
import { entitlement, notSet } from './common.ts';

export interface HealthCheckInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  /** Lives outside 杭州市: checks locally at own cost and is reimbursed. */
  readonly livesOutsideHangzhou?: boolean;
  /** The invoice of a check done outside 杭州市, 元. */
  readonly invoice?: Decimal.Value;
}

/** 健康体检: every two years at a 400 元 standard settled with the hospital; outside 杭州市, reimbursed up to 400. */
export function healthCheck(input: HealthCheckInput): Result<Entitlement> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const rule = valueAt(law?.healthCheck, input.asOf);
  if (!rule) return ok(notSet('health_check', regime.value));
  const { standard, intervalYears } = rule.value;
  const conditions: Point[] = [{ code: 'health_check_every_years', params: { years: intervalYears, standard: formatYuan(standard) }, cite: rule.cite }];
  const outside = valueAt(law?.healthCheckOutside, input.asOf);
  if (!input.livesOutsideHangzhou || !outside) {
    conditions.push({ code: 'health_check_settled_with_hospital', cite: rule.cite });
    return ok(entitlement('health_check', regime.value, { outcome: 'fixed', amount: standard, conditions }));
  }
  const documents = [{ code: 'formal_check_invoice', cite: outside.cite }];
  conditions.push({ code: 'health_check_outside_reimbursed', params: { cap: formatYuan(standard) }, cite: outside.cite });
  if (input.invoice === undefined) {
    return ok(entitlement('health_check', regime.value, { outcome: 'ceiling', amount: standard, conditions, documents }));
  }
  const invoice = parseAmount(input.invoice);
  if (!invoice.ok) return invoice;
  // 按实报销，报销金额不超过体检经费标准: the lesser of the invoice and the standard.
  const refund = Decimal.min(invoice.value, standard);
  return ok(entitlement('health_check', regime.value, { outcome: 'fixed', amount: refund, conditions, documents }));
}
