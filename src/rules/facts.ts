import type { Decimal } from 'decimal.js';
import type { Entitlement, Point } from './answer.ts';
import type { IsoDate } from './dates.ts';
import { DOCUMENTS, documentStatus } from './documents.ts';
import { festival } from './entitlements/festival.ts';
import { funeral } from './entitlements/funeral.ts';
import { groupActivity, groupLeaderSubsidy } from './entitlements/group.ts';
import { healthCheck } from './entitlements/health-check.ts';
import { hospitalization } from './entitlements/hospitalization.ts';
import { seriousIllness } from './entitlements/serious-illness.ts';
import { LAWS } from './law/index.ts';
import type { Festival, Law } from './law/types.ts';
import { formatYuan } from './money.ts';
import { valueAt } from './parameter.ts';
import { coverage } from './procedures/coverage.ts';
import { deathFacts } from './procedures/death.ts';
import { type Housing, transfer } from './procedures/transfer.ts';
import { regimeFor } from './regime.ts';
import type { Region } from './regions.ts';
import type { Citation, DocId, Notice, Result } from './types.ts';

/**
 * Facts of a topic, each tagged with the sides of it a question can ask about (how much, how often, what to bring,
 * where, how it is paid …), so that "住院慰问要不要证明" is answered by the fact about proofs, first line first.
 */
export const ASPECT_IDS = [
  'amount',
  'frequency',
  'documents',
  'where',
  'payment',
  'cost',
  'definition',
  'decision',
  'publicity',
  'validity',
  'age',
  'eligibility',
  'deadline',
  'pension',
  'stop',
  'benefits',
  'group_size',
  'funds',
  'backpay',
  /** "怎么申请", "怎么领": how one gets it — what to bring, where to go, what is checked and published, how it is paid. */
  'procedure',
] as const;
export type Aspect = (typeof ASPECT_IDS)[number];

/** Every side of a topic, for "详细说说": the whole answer (a text's validity and the steps are asked for by name). */
export const EVERY_ASPECT: readonly Aspect[] = ASPECT_IDS.filter((a) => a !== 'validity' && a !== 'procedure');

/** Which aspects each fact (by its point code) answers. A code not listed answers none. */
const ASPECTS_OF: Readonly<Record<string, readonly Aspect[]>> = {
  covered_from_month_after_pension: ['stop', 'deadline'],
  handover_forms: ['documents'],
  archive_not_carried_by_retiree: ['documents', 'where'],
  archive_to_archives_department: ['documents', 'where'],
  late_handover_no_back_pay: ['backpay'],
  suspended_with_pension: ['stop', 'pension'],
  certify_times_per_year: ['frequency'],
  certify_as_required: ['frequency'],
  home_certification: ['where', 'eligibility'],
  suspension_no_certification: ['stop', 'pension'],
  suspension_missing_over_6_months: ['stop', 'pension'],
  suspension_imprisoned: ['stop', 'pension'],
  suspension_double_drawing: ['stop', 'pension'],
  suspension_other_law: ['stop'],
  resumes_when_cause_ends: ['backpay', 'pension'],
  original_channel_provincial_ministerial: ['funds'],
  original_channel_central_or_provincial_not_local: ['funds'],
  support_outside_returned_covered: ['eligibility'],
  per_stay: ['amount'],
  times_per_year_in_principle: ['frequency', 'eligibility'],
  more_stays_than_allowed: ['frequency', 'amount', 'eligibility'],
  hospital_certificate_unless_big_data: ['documents'],
  self_pay_in_scope_one_settlement_year: ['definition', 'eligibility', 'frequency'],
  amount_depends_on_funds: ['decision'],
  recipients_publicised: ['publicity'],
  medical_expense_statement_unless_big_data: ['documents'],
  self_pay_not_over_threshold: ['eligibility', 'amount'],
  tier_between: ['amount'],
  tier_over: ['amount'],
  paid_by_visit_or_to_family_account: ['payment'],
  community_helps_after_death: ['benefits', 'amount', 'where'],
  visit_and_mourn_on_death: ['benefits', 'amount'],
  visit_and_mourn: ['benefits'],
  festival_for_city_level_retirees_in_management: ['eligibility'],
  festival_hardship_only: ['eligibility'],
  festival_hardship_ceilings: ['amount', 'eligibility'],
  festival_not_listed: ['eligibility'],
  festival_not_named_but_list_open: ['eligibility'],
  health_check_every_years: ['frequency', 'amount'],
  health_check_settled_with_hospital: ['cost', 'payment', 'where'],
  // It says the most reimbursed (最多400元): an amount asked of one living outside is answered by it.
  health_check_outside_reimbursed: ['cost', 'documents', 'payment', 'where', 'amount'],
  formal_check_invoice: ['documents'],
  activity_kinds: ['definition'],
  activity_times_per_year_no_cash: ['frequency', 'payment', 'cost'],
  collective_activities_only: ['frequency'],
  gift_from_age_or_cannot_attend: ['age', 'eligibility'],
  leader_subsidy_formula: ['amount', 'frequency'],
  leader_subsidy_rule: ['amount', 'frequency'],
  after_assessment_and_publicity: ['eligibility', 'publicity', 'decision', 'frequency'],
  group_size: ['group_size'],
  group_size_outside: ['group_size'],
  leader_age_generally: ['age', 'eligibility'],
  leader_age_over_generally: ['age', 'eligibility'],
  paid_to_leader_own_card_and_publicised: ['payment', 'publicity'],
  leader_subsidy_fund: ['funds'],
  care_items_fund: ['funds'],
  check_funds_city_district_1_1: ['funds'],
  check_funds_city_finance_full: ['funds'],
  festival_funds_general_budget_and_social_fund: ['funds'],
  publicity_min_days: ['publicity'],
  publicity_fields: ['publicity'],
  real_name_bank_transfer: ['payment'],
  apply_via_management_community: ['where'],
  document_in_force: ['validity'],
  residence_permit: ['documents'],
  property_certificate_own: ['documents'],
  property_certificate_relative: ['documents'],
  lease_and_property_certificate_copy: ['documents'],
  apply_at_new_residence_community: ['where'],
  new_place_funds: ['funds'],
  register_at_residence_community: ['where'],
  handover_by_hukou_or_residence: ['where', 'documents'],
  transfer_outside_hangzhou_urban: ['where', 'documents', 'definition'],
  moves_inside_hangzhou_urban: ['definition'],
  proofs_by_hukou_and_housing: ['documents'],
  proofs_by_housing: ['documents'],
  out_of_province_to_enterprise_location: ['where'],
  cadres_keep_current_management: ['eligibility'],
  cadres_keep_in_principle: ['eligibility'],
  extra_items_original_channel: ['funds', 'where'],
  report_within_days: ['deadline', 'where'],
  report_by_date: ['deadline', 'where'],
  report_late: ['deadline', 'where'],
  report_promptly: ['deadline', 'where'],
  management_stops_month_after_death: ['stop'],
  management_stops_month_after_verification: ['stop'],
  pension_stops_on_death: ['pension', 'stop'],
  return_pension_paid_after_death: ['pension'],
  fraud_must_be_repaid: ['pension'],
  fraud_report_reward: ['pension', 'benefits'],
  claim_funeral_grant_and_survivor_pension: ['benefits', 'where'],
};

const PROCEDURE_SIDES: ReadonlySet<Aspect> = new Set(['documents', 'where', 'publicity', 'payment']);
const ASPECTS_WITH_PROCEDURE: Readonly<Record<string, readonly Aspect[]>> = Object.fromEntries(
  Object.entries(ASPECTS_OF).map(([code, aspects]) => [code, aspects.some((a) => PROCEDURE_SIDES.has(a)) ? [...aspects, 'procedure'] : aspects]),
);

export const aspectsOfPoint = (p: Point): readonly Aspect[] => [...(ASPECTS_WITH_PROCEDURE[p.code] ?? []), ...(p.alsoAnswers ?? [])];

/** Every topic whose facts a district's text gives. */
export const TOPICS = [
  'hospitalization',
  'serious_illness',
  'funeral',
  'festival',
  'health_check',
  'group_activity',
  'group_leader_subsidy',
  'death',
  'transfer',
  'coverage',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface TopicInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  readonly selfPay?: Decimal.Value;
  readonly stays?: number;
  readonly festival?: Festival | readonly Festival[];
  readonly age?: number;
  readonly managed?: number;
  readonly livesOutsideHangzhou?: boolean;
  /** What the check cost, by its invoice (outside 杭州市: reimbursed as paid, up to the standard). */
  readonly invoice?: Decimal.Value;
  readonly dateOfDeath?: IsoDate;
  /** "走了十来天了": at least this many days since the death, told instead of its date. */
  readonly daysSinceDeath?: number;
  /** A move: where from and to (the region is where to when `to` is not said), 户籍 and housing. */
  readonly from?: Region | string;
  readonly to?: Region | string;
  readonly hukouInUrban?: boolean;
  readonly housing?: Housing;
}

export interface TopicFacts {
  readonly region: string;
  readonly doc: DocId | null;
  /** The entitlement's headline, for a money topic. */
  readonly entitlement: Entitlement | null;
  readonly points: readonly Point[];
  readonly notices: readonly Notice[];
}

function entitlementOf(topic: Topic, input: TopicInput): Result<Entitlement> | null {
  const { region, asOf } = input;
  switch (topic) {
    case 'hospitalization':
      return hospitalization({ region, asOf, ...(input.stays !== undefined ? { stays: input.stays } : {}) });
    case 'serious_illness':
      return seriousIllness({ region, asOf, ...(input.selfPay !== undefined ? { selfPay: input.selfPay } : {}) });
    case 'funeral':
      return funeral({ region, asOf });
    case 'festival':
      return festival({ region, asOf, ...(input.festival ? { festival: input.festival } : {}) });
    case 'health_check':
      return healthCheck({
        region,
        asOf,
        livesOutsideHangzhou: input.livesOutsideHangzhou ?? false,
        ...(input.invoice !== undefined ? { invoice: input.invoice } : {}),
      });
    case 'group_activity':
      return groupActivity({ region, asOf, ...(input.age !== undefined ? { age: input.age } : {}) });
    case 'group_leader_subsidy':
      return groupLeaderSubsidy({ region, asOf, ...(input.managed !== undefined ? { managed: input.managed } : {}) });
    case 'death':
    case 'transfer':
    case 'coverage':
      return null;
  }
}

/** A region's own clause, or the one of the text it was made under (a borrowed clause says so). */
function ownOrBasis<T>(law: Law, pick: (l: Law) => readonly { from: string; value: T; cite: Citation }[] | undefined, asOf: IsoDate) {
  const own = valueAt(pick(law), asOf);
  if (own) return { rule: own, general: false };
  const basis = DOCUMENTS[law.doc].basedOn;
  const other = basis ? valueAt(pick(LAWS[basis]), asOf) : undefined;
  return other ? { rule: other, general: true } : undefined;
}

/** Topics whose facts are where to go and what to bring, not money. */
const NO_COMMUNITY_STEP: ReadonlySet<Topic> = new Set(['death', 'transfer', 'coverage']);
/** Topics paid from the special fund (专项资金), money to a retiree. */
export const MONEY_TOPICS: ReadonlySet<Topic> = new Set(['hospitalization', 'serious_illness', 'funeral', 'festival', 'group_leader_subsidy']);
const PUBLICISED: ReadonlySet<Topic> = new Set(['serious_illness', 'group_leader_subsidy']);

/** What every text adds to a topic: how the money is paid, where to go, what is published, whether it is in force. */
/** Which fund pays for an item ("谁出钱"): said only when asked, never with the figure. */
function fundsPoints(topic: Topic, law: Law, asOf: IsoDate): Point[] {
  if (topic === 'health_check') {
    const f = valueAt(law.healthCheckFunding, asOf);
    if (!f) return [];
    const { payer, budgetPerRetiree } = f.value;
    return [{ code: `check_funds_${payer}`, params: budgetPerRetiree ? { budget: formatYuan(budgetPerRetiree) } : {}, cite: f.cite }];
  }
  if (topic === 'festival') {
    const f = valueAt(law.festivalFunding, asOf);
    return f ? [{ code: `festival_funds_${f.value}`, cite: f.cite }] : [];
  }
  if (topic === 'hospitalization' || topic === 'serious_illness' || topic === 'funeral') {
    const f = valueAt(law.careItemsFund, asOf);
    return f ? [{ code: 'care_items_fund', params: { fund: f.value }, cite: f.cite }] : [];
  }
  if (topic === 'group_leader_subsidy') {
    const f = valueAt(law.leaderSubsidyFund, asOf);
    return f ? [{ code: 'leader_subsidy_fund', params: { fund: f.value }, cite: f.cite }] : [];
  }
  return [];
}

function sharedPoints(topic: Topic, law: Law, asOf: IsoDate): Point[] {
  const out: Point[] = [];
  // 000 三(一)2 says how the leader's subsidy is paid in its own words: the general rule (borrowed there) is not added.
  // So does 000 三(一)4 for the funeral money (上门慰问或打入本人、直系亲属账户), which the general rule would contradict.
  const ownPaymentRule =
    (topic === 'group_leader_subsidy' && valueAt(law.leaderPaidToOwnCard, asOf) !== undefined) ||
    (topic === 'funeral' && valueAt(law.funeral, asOf)?.value.payment === 'visit_or_account');
  if (MONEY_TOPICS.has(topic) && !ownPaymentRule) {
    const paid = ownOrBasis(law, (l) => l.realNameBankTransfer, asOf);
    if (paid) out.push({ code: 'real_name_bank_transfer', params: { general: paid.general ? 1 : 0 }, cite: paid.rule.cite });
  }
  if (!NO_COMMUNITY_STEP.has(topic)) {
    const managed = ownOrBasis(law, (l) => l.coverageStop, asOf);
    if (managed) out.push({ code: 'apply_via_management_community', cite: managed.rule.cite });
  }
  if (PUBLICISED.has(topic)) {
    const publicity = valueAt(law.publicity, asOf);
    if (publicity) {
      out.push({ code: 'publicity_min_days', params: { days: publicity.value.minDays }, cite: publicity.cite });
      out.push({ code: 'publicity_fields', cite: publicity.cite });
    }
  }
  out.push(...fundsPoints(topic, law, asOf));
  const doc = DOCUMENTS[law.doc];
  if (documentStatus(doc, asOf) === 'in_force') out.push({ code: 'document_in_force', params: { since: doc.effectiveFrom }, cite: doc.validity });
  return out;
}

/** The facts of a topic for a region: its entitlement's points, then what the region's text adds. */
export function topicFacts(topic: Topic, input: TopicInput): Result<TopicFacts> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const e = entitlementOf(topic, input);
  if (e && !e.ok) return e;
  const entitlement = e?.value ?? null;
  const own = entitlement ? [...(entitlement.reason ? [entitlement.reason] : []), ...entitlement.conditions, ...entitlement.documents] : [];
  const death = topic === 'death' ? deathFacts(regime.value, input.asOf, input.dateOfDeath, input.daysSinceDeath) : [];
  const move = topic === 'transfer' ? movePoints(input) : [];
  const covered = topic === 'coverage' ? coveragePoints(input) : [];
  return {
    ok: true,
    value: {
      region: regime.value.region.name,
      doc: law?.doc ?? null,
      entitlement,
      points: [...own, ...death, ...move, ...covered, ...(law ? sharedPoints(topic, law, input.asOf) : [])],
      // 四(一) names 杭州市区 itself (市级 and five districts): "以下是杭州市级标准" would not be true of a move.
      notices: topic === 'transfer' ? regime.value.notices.filter((n) => n.code !== 'city_level_only') : regime.value.notices,
    },
  };
}

/** 纳入社会化管理: when it starts and stops, the forms, back pay, and whose funds (004 二; 000 二; 001 二). */
function coveragePoints(input: TopicInput): Point[] {
  const r = coverage({ region: input.region, asOf: input.asOf });
  return r.ok ? [...r.value.rules] : [];
}

/** A move's proofs and steps (004 四(一); 002 第十二条; 001 二(二)2), or why the clause does not reach it. */
function movePoints(input: TopicInput): Point[] {
  const r = transfer({
    from: input.from ?? input.region,
    to: input.to ?? input.region,
    asOf: input.asOf,
    ...(input.hukouInUrban !== undefined ? { hukouInUrban: input.hukouInUrban } : {}),
    ...(input.housing ? { housing: input.housing } : {}),
  });
  if (!r.ok) return [];
  // "富阳算杭州市区吗": both ends inside 杭州市区, as the clause defines it.
  const first = r.value.steps[0];
  const inside: Point[] =
    r.value.route === 'hangzhou_urban' && first && input.to !== undefined
      ? [{ code: 'moves_inside_hangzhou_urban', params: { to: r.value.to }, cite: first.cite }]
      : [];
  // The proof depends on what is not known yet (户籍, housing): every case the clause lists, each with its proof.
  const options: Point[] =
    r.value.route === 'hangzhou_urban' && first && r.value.proofs.length === 0
      ? [{ code: r.value.missing.includes('hukou') ? 'proofs_by_hukou_and_housing' : 'proofs_by_housing', cite: first.cite }]
      : [];
  return [...(r.value.reason ? [r.value.reason] : []), ...inside, ...r.value.proofs, ...options, ...r.value.steps];
}

/** The facts that answer these aspects, in the order asked. */
export function factsFor(facts: TopicFacts, aspects: readonly Aspect[]): Point[] {
  const out: Point[] = [];
  for (const aspect of aspects) for (const p of facts.points) if (aspectsOfPoint(p).includes(aspect) && !out.includes(p)) out.push(p);
  return out;
}
