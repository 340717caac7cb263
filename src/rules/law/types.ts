import { Decimal } from 'decimal.js';
import type { Citation, Dated, DocId, Money, Parameter } from '../types.ts';

export type Festival = '春节' | '端午节' | '中秋节' | '重阳节';
export const FESTIVALS: readonly Festival[] = ['春节', '端午节', '中秋节', '重阳节'];

/** "超出 threshold" opens the scale; each tier holds amounts up to and including `upTo` (null: no upper bound). */
export interface SeriousIllnessScale {
  readonly threshold: Money;
  readonly tiers: readonly { readonly upTo: Money | null; readonly ceiling: Money }[];
}

export interface BudgetLine {
  readonly item: 'service_care' | 'health_check' | 'group_activity' | 'festival' | 'work_funds' | 'management';
  readonly perRetiree: Money;
  /** Part the district (or city) holds back out of perRetiree, where the text sets one. */
  readonly reserve?: { readonly holder: 'district' | 'city'; readonly perRetiree: Money };
  /** Only in the year a health check is held. */
  readonly checkYearOnly?: boolean;
  /** Paid partly from the 社保基金, which the 1:1 city/district split leaves out. */
  readonly socialFundMayPay?: boolean;
}

/** Who keeps a copy of a hand-over form. */
export type FormHolder = 'transferor' | 'receiver' | 'enterprise' | 'retiree' | 'community' | 'archive_office';
export interface FormCopies {
  readonly copies: number;
  readonly holders: readonly FormHolder[];
}

/** Every amount, threshold and deadline a document sets, each with the clause it comes from. */
export interface Law {
  readonly doc: DocId;
  readonly hospitalization?: Parameter<{ perStay: Money; maxTimesPerYear: number }>;
  readonly seriousIllness?: Parameter<SeriousIllnessScale>;
  /** Hangzhou: the exact amount is set by the funds available and the applications (an explicit 但-clause). */
  readonly seriousIllnessDependsOnFunds?: Parameter<true>;
  readonly seriousIllnessPublicised?: Parameter<true>;
  readonly funeral?: Parameter<{ amount: Money; payment: 'standard' | 'visit_or_account' }>;
  readonly festivalFixed?: Parameter<Partial<Record<Festival, Money>>>;
  readonly festivalHardship?: Parameter<{ ceiling: Money; severeCeiling: Money; festivals: readonly Festival[]; maxTimesPerYear: number }>;
  readonly healthCheck?: Parameter<{ standard: Money; intervalYears: number }>;
  readonly healthCheckOutside?: Parameter<{ capIsStandard: true }>;
  /** Who pays for the checks, and the budget line per retiree where the text sets one. */
  readonly healthCheckFunding?: Parameter<{ payer: 'city_district_1_1' | 'city_finance_full'; budgetPerRetiree?: Money }>;
  readonly groupActivity?: Parameter<{ timesPerYear: number; giftFromAge: number }>;
  /** What the groups' activities are: 文化、体育、游览 (004 三(三)). */
  readonly groupActivityKinds?: Parameter<readonly ('culture' | 'sports' | 'tour')[]>;
  readonly groupLeaderSubsidy?: Parameter<{ perRetiree: Money; annualCap: Money }>;
  /** Where festival money is paid from (004 四(一): 一般公共预算、社保基金等). */
  readonly festivalFunding?: Parameter<'general_budget_and_social_fund'>;
  /** The fund the group leader's subsidy is paid from (its name as the text gives it). */
  readonly leaderSubsidyFund?: Parameter<string>;
  /** The budget line the 住院、大病、丧事 consolations are paid from (统筹用于…慰问关怀). */
  readonly careItemsFund?: Parameter<string>;
  readonly groupSize?: Parameter<readonly [number, number]>;
  readonly leaderMaxAge?: Parameter<number>;
  readonly leaderPaidToOwnCard?: Parameter<true>;
  readonly coverageStart?: Parameter<'month_after_pension_start'>;
  /** The forms filled in when the monthly pension is first drawn, for the hand-over to socialized management. */
  readonly handoverForms?: Parameter<readonly string[]>;
  /** The enterprise sends the files by a person of its own; the retiree may not carry their own file. */
  readonly archiveNotCarriedByRetiree?: Parameter<true>;
  /** 档案 kept by the archives department of the insured employer's city or county (002 第十二条(二)). */
  readonly archiveToArchivesDepartment?: Parameter<true>;
  readonly coverageStop?: Parameter<'month_after_death' | 'month_after_verification'>;
  readonly noBackPay?: Parameter<true>;
  readonly suspendedWithPension?: Parameter<true>;
  readonly originalChannel?: Parameter<readonly ('provincial_ministerial' | 'central_or_provincial_not_local')[]>;
  readonly supportOutsideReturned?: Parameter<true>;
  readonly deathReport?: Parameter<{ deadlineDays: number | null; whom: 'management_community' | 'registered_community_or_agency' }>;
  readonly certification?: Parameter<{ timesPerYear: number | null }>;
  readonly homeCertification?: Parameter<true>;
  readonly pensionSuspension?: Parameter<readonly ('no_certification' | 'missing_over_6_months' | 'imprisoned' | 'double_drawing' | 'other_law')[]>;
  readonly pensionStopsOnDeath?: Parameter<true>;
  readonly overpaymentRecovered?: Parameter<true>;
  readonly fraudRepaid?: Parameter<true>;
  /** 举报冒领养老金的奖励制度 (002 第三十一条(二); 003 第三十条). */
  readonly fraudReportReward?: Parameter<true>;
  readonly deathBenefitsHelp?: Parameter<readonly ('funeral_grant' | 'survivor_pension' | 'social_insurance_benefits')[]>;
  readonly transferInUrban?: Parameter<true>;
  readonly residenceRegistration?: Parameter<'residence_community'>;
  readonly handoverByHukouOrResidence?: Parameter<true>;
  /** 企业离休人员（和省管干部）保持现有管理方式不变 (001 五(一)); in principle, unless 纳入属地管理 (002 第三十五条). */
  readonly cadresKeepManagement?: Parameter<'with_provincial_cadres' | 'in_principle'>;
  /** 现有企业退休人员享受的统筹外项目由原渠道解决 (001 七(一)). */
  readonly extraItemsOriginalChannel?: Parameter<true>;
  /** Retirees whose 户籍 is in another province are handed to the enterprise's location. */
  readonly outOfProvinceToEnterpriseLocation?: Parameter<true>;
  readonly budget?: Parameter<readonly BudgetLine[]>;
  readonly budgetSplit?: Parameter<
    | { kind: 'city_district_1_1_except_social_fund' }
    | { kind: 'city_district_50_50_for_central_provincial_and_city_level' }
    | { kind: 'city_pays_health_check_in_full' }
    | { kind: 'central_or_provincial_finance' }
  >;
  readonly budgetTarget?: Parameter<{ sameAsHangzhouBy: number }>;
  readonly allocationGrades?: Parameter<{ 优秀: Decimal; 良好: Decimal; 合格: Decimal; 不合格: Decimal; timesPerYear: number }>;
  readonly staffPerRetirees?: Parameter<number>;
  readonly communityStaffByHouseholds?: Parameter<{ below1000: number; from1000: number; from2000: number; over3000PerHouseholds: number }>;
  readonly publicity?: Parameter<{ minDays: number; place: 'website_or_community' | 'notice_board' }>;
  /** Henan (郑州转发 三): staff per level — county at least 3–5, township a dedicated person, community 1–2. */
  readonly staffByLevel?: Parameter<{ county: readonly [number, number]; community: readonly [number, number] }>;
  // Fund management (资金管理), for staff.
  /** The least share of next year's transfer payment sent down in advance (items settled at cost excepted). */
  readonly advanceTransfer?: Parameter<{ minShare: Decimal }>;
  /** 先预拨、后清算: settled in this quarter of the year after the funds' year. */
  readonly settlement?: Parameter<{ quarterOfNextYear: number }>;
  /** The items settled at cost against their standards. */
  readonly settledAtCost?: Parameter<readonly BudgetLine['item'][]>;
  /** Service-care settlement capped by the retirees under management at the end of this month of the funds' year. */
  readonly settlementCapHeadcountMonth?: Parameter<number>;
  /** Management entrusted across districts is settled by the entrustment agreement. */
  readonly entrustedSettlement?: Parameter<true>;
  /** No fixed assets may be bought, except the archive equipment listed (an explicit 除外 clause). */
  readonly noFixedAssets?: Parameter<{ except: readonly ('archive_shelf' | 'archive_cabinet')[] }>;
  /** The text lists buying office equipment for the work among the uses of the funds. */
  readonly officeEquipment?: Parameter<true>;
  /** Who pays the funds: the usual payer, and groups paid by another level. */
  readonly fundPayer?: Parameter<'district_finance' | 'city_finance'>;
  readonly otherPayer?: Parameter<{ group: 'city_agency_nonlocal_hukou' | 'provincial_agency_local_hukou'; payer: 'city_finance' | 'provincial_finance' }>;
  /** Items kept in a dedicated account (专户), the rest paid through the treasury (国库集中支付). */
  readonly dedicatedAccount?: Parameter<readonly BudgetLine['item'][]>;
  /** The assessment rubric (考核评分细则): items with their points, by dimension. */
  readonly assessmentRubric?: Parameter<readonly { dimension: string; item: string; points: number }[]>;
  /** How many copies a hand-over form is made in, and who keeps them. */
  readonly archiveRosterCopies?: Parameter<FormCopies>;
  readonly infoFormCopies?: Parameter<FormCopies>;
  readonly realNameBankTransfer?: Parameter<true>;
  readonly visitsOnIllnessAndDeath?: Parameter<true>;
  /** Festival visits, with no amount set: to 孤寡、重病、高龄、特困… retirees ('vulnerable'), or to retirees at large. */
  readonly festivalVisits?: Parameter<'vulnerable' | 'retirees'>;
  /** Collective cultural and sports activities organised by the city, street and community, with no per-person rule. */
  readonly collectiveActivities?: Parameter<true>;
  /** Retirees tell the community of a new phone, address, or a move out of the province or abroad. */
  readonly reportChanges?: Parameter<true>;
  /** The community helps retirees in special hardship apply for 低保 and other assistance. */
  readonly hardshipAssistance?: Parameter<true>;
  /** Regular visits to 孤寡、重病、高龄、特困… retirees. */
  readonly hardshipVisits?: Parameter<true>;
  /**
   * Rules of the text that no topic answers (work injury, party membership, archives …), each entry a provision of
   * its own named by a code, not successive values of one.
   */
  readonly provisions?: Parameter<string>;
}

export const y = (v: Decimal.Value): Money => new Decimal(v);

/** One dated value with its citation. */
export function since<T>(from: string, value: T, doc: DocId, clause: string, quote: string): Dated<T> {
  const cite: Citation = { doc, clause, quote };
  return { from, value, cite };
}
