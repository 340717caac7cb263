import type { Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { DOCUMENTS, documentStatus } from '../documents.ts';
import { LAWS } from '../law/index.ts';
import type { Law } from '../law/types.ts';
import { valueAt } from '../parameter.ts';
import type { DocId } from '../types.ts';

/**
 * Fund management (资金管理) as staff ask it: each side of it is the points one document makes, as codes with their
 * figures and clauses. A document silent on a side gives none: the caller says so, never a figure from elsewhere.
 */
export type FundTopic =
  | 'advance_transfer'
  | 'settlement'
  | 'settlement_cap'
  | 'fixed_assets'
  | 'payer'
  | 'dedicated_account'
  | 'payment_method'
  | 'assessment'
  | 'form_copies'
  | 'staff_levels';

export const FUND_TOPICS: readonly FundTopic[] = [
  'advance_transfer',
  'settlement',
  'settlement_cap',
  'fixed_assets',
  'payer',
  'dedicated_account',
  'payment_method',
  'assessment',
  'form_copies',
  'staff_levels',
];

type Extract = (law: Law, asOf: IsoDate) => Point[];

const list = (items: readonly string[]): string => items.join('|');

const settlement: Extract = (law, asOf) => {
  const points: Point[] = [];
  const when = valueAt(law.settlement, asOf);
  if (when) points.push({ code: 'fund_settlement_quarter', params: { quarter: when.value.quarterOfNextYear }, cite: when.cite });
  const atCost = valueAt(law.settledAtCost, asOf);
  if (atCost) points.push({ code: 'fund_settled_at_cost', params: { items: list(atCost.value) }, cite: atCost.cite });
  const cap = valueAt(law.settlementCapHeadcountMonth, asOf);
  if (cap) points.push({ code: 'fund_settlement_cap', params: { month: cap.value }, cite: cap.cite });
  const entrusted = valueAt(law.entrustedSettlement, asOf);
  if (entrusted) points.push({ code: 'fund_entrusted_settlement', cite: entrusted.cite });
  // Jiande settles nothing afterwards: it pays half-yearly by assessment grade (四(三)).
  const grades = valueAt(law.allocationGrades, asOf);
  if (grades) points.push({ code: 'fund_paid_by_grade', params: { times: grades.value.timesPerYear }, cite: grades.cite });
  return points;
};

const payer: Extract = (law, asOf) => {
  const points: Point[] = [];
  const other = valueAt(law.otherPayer, asOf);
  if (other) points.push({ code: `fund_payer_${other.value.group}`, params: { payer: other.value.payer }, cite: other.cite });
  const usual = valueAt(law.fundPayer, asOf);
  if (usual) points.push({ code: 'fund_payer_usual', params: { payer: usual.value }, cite: usual.cite });
  return points;
};

const fixedAssets: Extract = (law, asOf) => {
  const rule = valueAt(law.noFixedAssets, asOf);
  if (rule) return [{ code: 'fund_no_fixed_assets', params: { except: list(rule.value.except) }, cite: rule.cite }];
  const office = valueAt(law.officeEquipment, asOf);
  return office ? [{ code: 'fund_office_equipment', cite: office.cite }] : [];
};

const assessment: Extract = (law, asOf) => {
  const rubric = valueAt(law.assessmentRubric, asOf);
  if (!rubric) return [];
  const total = rubric.value.reduce((sum, row) => sum + row.points, 0);
  const points: Point[] = [{ code: 'fund_rubric_total', params: { total }, cite: rubric.cite }];
  for (const dimension of [...new Set(rubric.value.map((row) => row.dimension))]) {
    const rows = rubric.value.filter((row) => row.dimension === dimension);
    const sum = rows.reduce((s, row) => s + row.points, 0);
    points.push({ code: 'fund_rubric_dimension', params: { dimension, sum, items: rows.map((r) => `${r.item}:${r.points}`).join('|') }, cite: rubric.cite });
  }
  // The grades the score leads to pay 110/100/90/70 % (四(三)); the rubric gives no score for each grade.
  const grades = valueAt(law.allocationGrades, asOf);
  if (grades) {
    const pct = (g: '优秀' | '良好' | '合格' | '不合格') => grades.value[g].times(100).toNumber();
    points.push({
      code: 'fund_rubric_grades',
      params: { excellent: pct('优秀'), good: pct('良好'), pass: pct('合格'), fail: pct('不合格') },
      cite: grades.cite,
    });
  }
  return points;
};

/** One item of a rubric named in a question ("宣传报道几分"): its points and dimension; null when none is named. */
export function rubricItemIn(doc: DocId, text: string, asOf: IsoDate): { item: string; points: number; dimension: string; cite: Point['cite'] } | null {
  const rubric = valueAt(LAWS[doc].assessmentRubric, asOf);
  const row = rubric?.value.find((r) => text.includes(r.item));
  return rubric && row ? { ...row, cite: rubric.cite } : null;
}

const formCopies: Extract = (law, asOf) => {
  const points: Point[] = [];
  const roster = valueAt(law.archiveRosterCopies, asOf);
  if (roster)
    points.push({ code: 'fund_copies_archive_roster', params: { copies: roster.value.copies, holders: list(roster.value.holders) }, cite: roster.cite });
  const info = valueAt(law.infoFormCopies, asOf);
  if (info) points.push({ code: 'fund_copies_info_form', params: { copies: info.value.copies, holders: list(info.value.holders) }, cite: info.cite });
  return points;
};

const staffLevels: Extract = (law, asOf) => {
  const points: Point[] = [];
  const ratio = valueAt(law.staffPerRetirees, asOf);
  if (ratio) points.push({ code: 'fund_staff_ratio', params: { per: ratio.value }, cite: ratio.cite });
  const levels = valueAt(law.staffByLevel, asOf);
  if (levels) {
    const [countyMin, countyMax] = levels.value.county;
    const [communityMin, communityMax] = levels.value.community;
    points.push({ code: 'fund_staff_levels', params: { countyMin, countyMax, communityMin, communityMax }, cite: levels.cite });
  }
  const households = valueAt(law.communityStaffByHouseholds, asOf);
  if (households) points.push({ code: 'fund_staff_households', params: { ...households.value }, cite: households.cite });
  return points;
};

const EXTRACT: Readonly<Record<FundTopic, Extract>> = {
  advance_transfer: (law, asOf) => {
    const rule = valueAt(law.advanceTransfer, asOf);
    return rule ? [{ code: 'fund_advance_transfer', params: { percent: rule.value.minShare.times(100).toNumber() }, cite: rule.cite }] : [];
  },
  settlement,
  settlement_cap: (law, asOf) => settlement(law, asOf).filter((p) => p.code === 'fund_settlement_cap' || p.code === 'fund_settled_at_cost'),
  fixed_assets: fixedAssets,
  payer,
  dedicated_account: (law, asOf) => {
    const rule = valueAt(law.dedicatedAccount, asOf);
    return rule ? [{ code: 'fund_dedicated_account', params: { items: list(rule.value) }, cite: rule.cite }] : [];
  },
  payment_method: (law, asOf) => {
    const rule = valueAt(law.realNameBankTransfer, asOf);
    return rule ? [{ code: 'fund_payment_method', cite: rule.cite }] : [];
  },
  assessment,
  form_copies: formCopies,
  staff_levels: staffLevels,
};

/** The points `doc` makes on one side of fund management as of `asOf`; [] when it is silent or not yet in force. */
export function fundPoints(doc: DocId, topic: FundTopic, asOf: IsoDate): Point[] {
  if (documentStatus(DOCUMENTS[doc], asOf) === 'not_yet') return [];
  return EXTRACT[topic](LAWS[doc], asOf);
}

/** Every document that says something on this side, with what it says, in the order of DOCUMENTS. */
export function fundFacts(topic: FundTopic, asOf: IsoDate): { readonly doc: DocId; readonly points: readonly Point[] }[] {
  return (Object.keys(DOCUMENTS) as DocId[]).map((doc) => ({ doc, points: fundPoints(doc, topic, asOf) })).filter((f) => f.points.length > 0);
}
