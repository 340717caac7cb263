import { Decimal } from 'decimal.js';
import { citationsOf, type Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { yearOf } from '../dates.ts';
import { DOCUMENTS, documentStatus } from '../documents.ts';
import { LAWS } from '../law/index.ts';
import type { BudgetLine } from '../law/types.ts';
import { valueAt } from '../parameter.ts';
import { type Citation, type DocId, err, type Money, type Notice, ok, type Result } from '../types.ts';

export interface BudgetInput {
  readonly doc: DocId;
  readonly asOf: IsoDate;
  readonly retirees: number;
  /** Whether this budget year holds a health check (Hangzhou budgets 200/人 only then). */
  readonly checkYear?: boolean;
  /** Changsha: retirees of 中央/省属驻长 enterprises or 市本级, whose cost city and district share 50/50. */
  readonly sharedWithCity?: boolean;
}

export interface BudgetRow {
  readonly item: BudgetLine['item'];
  readonly perRetiree: Money;
  readonly total: Money;
  readonly reserve: { readonly holder: 'district' | 'city'; readonly perRetiree: Money; readonly total: Money } | null;
  readonly socialFundMayPay: boolean;
  /** Budgeted only in a health-check year. */
  readonly checkYearOnly: boolean;
}

export interface BudgetAnswer {
  readonly doc: DocId;
  readonly retirees: number;
  readonly rows: readonly BudgetRow[];
  readonly perRetiree: Money;
  readonly total: Money;
  /**
   * How the total is shared between levels, when the text says. `city` and `district` are the shares of the rows the
   * split surely covers. `partlyFromSocialFund` are rows paid 由一般公共预算、社保基金等: the 社保基金 part of them is
   * outside the split and the rest is shared too, but the text does not say how large the 社保基金 part is — so their
   * total is given as it is, never divided by a guess.
   */
  readonly split: {
    readonly shared: Money;
    readonly city: Money;
    readonly district: Money;
    readonly partlyFromSocialFund: { readonly items: readonly BudgetLine['item'][]; readonly total: Money } | null;
  } | null;
  readonly points: readonly Point[];
  readonly notices: readonly Notice[];
  readonly citations: readonly Citation[];
}

const HALF = new Decimal(0.5);

/** 年预算: per-retiree standards × retirees, with the split between city and district where the text sets one. */
export function budget(input: BudgetInput): Result<BudgetAnswer> {
  if (!Number.isInteger(input.retirees) || input.retirees < 0 || input.retirees > 10_000_000) {
    return err({ code: 'invalid_count', value: String(input.retirees) });
  }
  const law = LAWS[input.doc];
  const doc = DOCUMENTS[input.doc];
  if (documentStatus(doc, input.asOf) === 'not_yet') return err({ code: 'not_in_force', doc: doc.id, asOf: input.asOf });
  const lines = valueAt(law.budget, input.asOf);
  if (!lines) return err({ code: 'not_in_force', doc: doc.id, asOf: input.asOf });
  const n = input.retirees;
  const rows: BudgetRow[] = lines.value
    .filter((line) => !line.checkYearOnly || input.checkYear !== false)
    .map((line) => ({
      item: line.item,
      perRetiree: line.perRetiree,
      total: line.perRetiree.times(n),
      reserve: line.reserve ? { holder: line.reserve.holder, perRetiree: line.reserve.perRetiree, total: line.reserve.perRetiree.times(n) } : null,
      socialFundMayPay: line.socialFundMayPay === true,
      checkYearOnly: line.checkYearOnly === true,
    }));
  const perRetiree = rows.reduce((sum, row) => sum.plus(row.perRetiree), new Decimal(0));
  const total = perRetiree.times(n);
  const points: Point[] = [{ code: 'budget_standard', cite: lines.cite }];
  const notices: Notice[] = [];
  if (doc.lastDay && input.asOf > doc.lastDay) notices.push({ code: 'document_expired', doc: doc.id, expiredAfter: doc.lastDay });

  let split: BudgetAnswer['split'] = null;
  const rule = valueAt(law.budgetSplit, input.asOf);
  if (rule) {
    points.push({ code: `split_${rule.value.kind}`, cite: rule.cite });
    const zero = new Decimal(0);
    if (rule.value.kind === 'city_district_1_1_except_social_fund') {
      // 四(一): 节日慰问费 "由一般公共预算、社保基金等列支安排"; the 1:1 split leaves out only "社保基金承担部分", whose
      // size the text does not give. Rows the fund may pay are reported whole beside the split, never divided by a guess.
      const fundRows = rows.filter((row) => row.socialFundMayPay);
      const fundTotal = fundRows.reduce((sum, row) => sum.plus(row.total), zero);
      const shared = total.minus(fundTotal);
      split = {
        shared,
        city: shared.times(HALF),
        district: shared.times(HALF),
        partlyFromSocialFund: fundRows.length > 0 ? { items: fundRows.map((row) => row.item), total: fundTotal } : null,
      };
    }
    if (rule.value.kind === 'city_district_50_50_for_central_provincial_and_city_level') {
      split = input.sharedWithCity
        ? { shared: total, city: total.times(HALF), district: total.times(HALF), partlyFromSocialFund: null }
        : { shared: total, city: zero, district: total, partlyFromSocialFund: null };
    }
  }
  if (input.checkYear === false && lines.value.some((line) => line.checkYearOnly)) points.push({ code: 'health_check_only_in_check_year', cite: lines.cite });
  const target = valueAt(law.budgetTarget, input.asOf);
  if (target) {
    points.push({ code: 'same_as_hangzhou_by', params: { year: target.value.sameAsHangzhouBy }, cite: target.cite });
    // Only the 2024 standard is published: a later year gets it with a notice, never an invented increase.
    const standardYear = yearOf(lines.from);
    if (yearOf(input.asOf) > standardYear) notices.push({ code: 'latest_published_value', doc: doc.id, year: standardYear });
  }
  return ok({ doc: doc.id, retirees: n, rows, perRetiree, total, split, points, notices, citations: citationsOf(points) });
}

export type Grade = '优秀' | '良好' | '合格' | '不合格';

export interface AllocationAnswer {
  readonly computed: Money;
  readonly grade: Grade;
  readonly ratio: Decimal;
  readonly paid: Money;
  /** Not paid out: goes back to 市级统筹. */
  readonly withheld: Money;
  readonly timesPerYear: number;
  readonly cite: Citation;
}

/** Jiande 四(三): each half-year payment is the computed amount × 110/100/90/70 % by assessment grade. */
export function jiandeAllocation(input: { computed: Decimal.Value; grade: Grade; asOf: IsoDate }): Result<AllocationAnswer> {
  let computed: Decimal;
  try {
    computed = new Decimal(input.computed);
  } catch {
    return err({ code: 'invalid_amount', value: String(input.computed) });
  }
  if (computed.isNegative()) return err({ code: 'negative_amount', value: String(input.computed) });
  const rule = valueAt(LAWS.jiande.allocationGrades, input.asOf);
  if (!rule) return err({ code: 'not_in_force', doc: 'jiande', asOf: input.asOf });
  const ratio = rule.value[input.grade];
  const paid = computed.times(ratio).toDecimalPlaces(2);
  const withheld = Decimal.max(computed.minus(paid), 0);
  return ok({ computed, grade: input.grade, ratio, paid, withheld, timesPerYear: rule.value.timesPerYear, cite: rule.cite });
}
