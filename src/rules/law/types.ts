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
  readonly groupActivity?: Parameter<{ timesPerYear: number; giftFromAge: number }>;
  readonly groupLeaderSubsidy?: Parameter<{ perRetiree: Money; annualCap: Money }>;
  readonly groupSize?: Parameter<readonly [number, number]>;
  readonly leaderMaxAge?: Parameter<number>;
  readonly leaderPaidToOwnCard?: Parameter<true>;
  readonly coverageStart?: Parameter<'month_after_pension_start'>;
  /** The forms filled in when the monthly pension is first drawn, for the hand-over to socialized management. */
  readonly handoverForms?: Parameter<readonly string[]>;
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
  readonly deathBenefitsHelp?: Parameter<readonly ('funeral_grant' | 'survivor_pension')[]>;
  readonly transferInUrban?: Parameter<true>;
  readonly residenceRegistration?: Parameter<'residence_community'>;
  readonly handoverByHukouOrResidence?: Parameter<true>;
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
  readonly realNameBankTransfer?: Parameter<true>;
  readonly visitsOnIllnessAndDeath?: Parameter<true>;
  /** Collective cultural and sports activities organised by the city, street and community, with no per-person rule. */
  readonly collectiveActivities?: Parameter<true>;
  /** Retirees tell the community of a new phone, address, or a move out of the province or abroad. */
  readonly reportChanges?: Parameter<true>;
  /** The community helps retirees in special hardship apply for 低保 and other assistance. */
  readonly hardshipAssistance?: Parameter<true>;
  /** Regular visits to 孤寡、重病、高龄、特困… retirees. */
  readonly hardshipVisits?: Parameter<true>;
}

export const y = (v: Decimal.Value): Money => new Decimal(v);

/** One dated value with its citation. */
export function since<T>(from: string, value: T, doc: DocId, clause: string, quote: string): Dated<T> {
  const cite: Citation = { doc, clause, quote };
  return { from, value, cite };
}
