import { citationsOf, type Entitlement, type Point } from '../answer.ts';
import { addDays, firstOfNextMonth, type IsoDate, parseIsoDate } from '../dates.ts';
import { DOCUMENTS } from '../documents.ts';
import { funeral } from '../entitlements/funeral.ts';
import { LAWS } from '../law/index.ts';
import type { Law } from '../law/types.ts';
import { valueAt } from '../parameter.ts';
import { type Regime, regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { type Citation, type Dated, err, type Notice, ok, type Parameter, type Result } from '../types.ts';

export interface DeathInput {
  readonly region: Region | string;
  readonly dateOfDeath: IsoDate;
  readonly asOf: IsoDate;
  /** When the community verified the death (Hangzhou stops management the month after that). */
  readonly verifiedOn?: IsoDate;
}

export interface DeathAnswer {
  readonly region: string;
  readonly dateOfDeath: IsoDate;
  /** Whom the family tells, and by when: a date where the text sets days, otherwise "promptly" (及时). */
  readonly report: {
    readonly whom: 'management_community' | 'registered_community_or_agency' | 'community';
    readonly deadline: { readonly days: number; readonly date: IsoDate; readonly overdue: boolean } | null;
    readonly cite: Citation | null;
  };
  /** First day of the month from which socialized management stops, when it can be known yet. */
  readonly managementStopsFrom: IsoDate | null;
  readonly steps: readonly Point[];
  readonly funeral: Entitlement | null;
  readonly notices: readonly Notice[];
  readonly citations: readonly Citation[];
}

/**
 * The region's own clause; where its text is silent, the text it was made under (建德 → 杭人社发〔2024〕1号), else the
 * one text that says it — a borrowed clause is marked `general`, so the answer labels it as a reference.
 */
function ownOrGeneral<T>(
  own: Law | null,
  pick: (law: Law) => Parameter<T> | undefined,
  general: Law,
  asOf: IsoDate,
): { rule: Dated<T>; general: boolean } | undefined {
  const mine = own ? valueAt(pick(own), asOf) : undefined;
  if (mine) return { rule: mine, general: false };
  const basis = own ? DOCUMENTS[own.doc].basedOn : null;
  for (const law of basis ? [LAWS[basis], general] : [general]) {
    const other = valueAt(pick(law), asOf);
    if (other) return { rule: other, general: true };
  }
  return undefined;
}

const step = (code: string, found: { rule: Dated<unknown>; general: boolean } | undefined, params: Record<string, string | number> = {}): Point[] =>
  found ? [{ code, params: { ...params, general: found.general ? 1 : 0 }, cite: found.rule.cite }] : [];

/** The community helps the family claim what follows a death: 丧葬补助金和抚恤金 (001 四(七)), or 相关社会保险待遇 (003 第七条(九)). */
function benefitsHelp(law: Law | null, asOf: IsoDate): Point[] {
  const help = ownOrGeneral(law, (l) => l.deathBenefitsHelp, LAWS.henan, asOf);
  const claims = help?.rule.value as readonly string[] | undefined;
  return step('claim_funeral_grant_and_survivor_pension', help, { claims: claims?.includes('social_insurance_benefits') ? 'social' : 'named' });
}

/** Whom the family tells and within how many days, by the region's own text; the date by which, once the death's is known. */
function reportDuty(law: Law | null, asOf: IsoDate, dateOfDeath?: IsoDate): DeathAnswer['report'] & { readonly days: number | null } {
  const reportRule = valueAt(law?.deathReport, asOf);
  const days = reportRule?.value.deadlineDays ?? null;
  const deadlineDate = days === null || dateOfDeath === undefined ? null : addDays(dateOfDeath, days);
  return {
    whom: reportRule?.value.whom ?? 'community',
    days,
    deadline: days !== null && deadlineDate ? { days, date: deadlineDate, overdue: asOf > deadlineDate } : null,
    cite: reportRule?.cite ?? null,
  };
}

function checkDate(dateOfDeath: IsoDate, asOf: IsoDate): Result<true> {
  const date = parseIsoDate(dateOfDeath);
  if (!date.ok) return date;
  if (dateOfDeath > asOf) return err({ code: 'future_date', value: dateOfDeath, asOf });
  return ok(true);
}

export interface DeathReportInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  /** When known, the answer has the date by which to report. */
  readonly dateOfDeath?: IsoDate;
}

/** The rule alone, for "老人去世多少天内要报": whom to tell, within how many days (null: the text says 及时 or nothing). */
export interface DeathReportRule {
  readonly region: string;
  readonly report: DeathAnswer['report'] & { readonly days: number | null };
  readonly notices: readonly Notice[];
  readonly citations: readonly Citation[];
}

export function deathReportRule(input: DeathReportInput): Result<DeathReportRule> {
  if (input.dateOfDeath !== undefined) {
    const checked = checkDate(input.dateOfDeath, input.asOf);
    if (!checked.ok) return checked;
  }
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const report = reportDuty(regime.value.law, input.asOf, input.dateOfDeath);
  return ok({ region: regime.value.region.name, report, notices: regime.value.notices, citations: report.cite ? [report.cite] : [] });
}

/**
 * 报告去世: who to tell and by when (Changsha 30 days, Liaocheng 7 days, Hangzhou/Jiande promptly), what stops
 * and when, what must be returned, and what the family can claim.
 */
export function deathProcedure(input: DeathInput): Result<DeathAnswer> {
  const checked = checkDate(input.dateOfDeath, input.asOf);
  if (!checked.ok) return checked;
  if (input.verifiedOn !== undefined) {
    const verified = parseIsoDate(input.verifiedOn);
    if (!verified.ok) return verified;
  }
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const asOf = input.asOf;

  const report: DeathAnswer['report'] = reportDuty(law, asOf, input.dateOfDeath);

  const steps: Point[] = [];
  let managementStopsFrom: IsoDate | null = null;
  const stop = valueAt(law?.coverageStop, asOf);
  if (stop?.value === 'month_after_death') {
    managementStopsFrom = firstOfNextMonth(input.dateOfDeath);
    steps.push({ code: 'management_stops_month_after_death', params: { from: managementStopsFrom }, cite: stop.cite });
  } else if (stop?.value === 'month_after_verification') {
    managementStopsFrom = input.verifiedOn ? firstOfNextMonth(input.verifiedOn) : null;
    steps.push({ code: 'management_stops_month_after_verification', params: managementStopsFrom ? { from: managementStopsFrom } : {}, cite: stop.cite });
  }
  steps.push(
    ...step(
      'pension_stops_on_death',
      ownOrGeneral(law, (l) => l.pensionStopsOnDeath, LAWS.changsha, asOf),
    ),
  );
  steps.push(
    ...step(
      'return_pension_paid_after_death',
      ownOrGeneral(law, (l) => l.overpaymentRecovered, LAWS.changsha, asOf),
    ),
  );
  steps.push(
    ...step(
      'fraud_must_be_repaid',
      ownOrGeneral(law, (l) => l.fraudRepaid, LAWS.changsha, asOf),
    ),
  );
  steps.push(...benefitsHelp(law, asOf));

  const funeralAnswer = funeral({ region: regime.value.region, asOf });
  const funeralEntitlement = funeralAnswer.ok && funeralAnswer.value.outcome === 'fixed' ? funeralAnswer.value : null;

  return ok({
    region: regime.value.region.name,
    dateOfDeath: input.dateOfDeath,
    report,
    managementStopsFrom,
    steps,
    funeral: funeralEntitlement,
    notices: regime.value.notices,
    citations: citationsOf(report.cite ? [report.cite] : [], steps, funeralEntitlement?.citations ?? []),
  });
}

/**
 * The facts of a death without the report's details: whom to tell and by when, what stops, what must be returned,
 * what the family can claim. The date, when known, dates what stops.
 */
export function deathFacts(regime: Regime, asOf: IsoDate, dateOfDeath?: IsoDate, daysSinceDeath?: number): Point[] {
  const law = regime.law;
  const report = reportDuty(law, asOf, dateOfDeath);
  const out: Point[] = [];
  if (report.cite) {
    const whom = report.whom;
    const dated = report.deadline;
    // "走了十来天了" with a 7-day rule: late, though no date is known.
    const late = !dated && report.days !== null && daysSinceDeath !== undefined && daysSinceDeath > report.days;
    out.push(
      report.days === null
        ? { code: 'report_promptly', params: { whom }, cite: report.cite }
        : late
          ? { code: 'report_late', params: { whom, days: report.days }, cite: report.cite }
          : dated
            ? // The date known: by when, and whether it has passed ("现在报还来得及吗").
              { code: 'report_by_date', params: { whom, days: report.days, by: dated.date, overdue: dated.overdue ? 'yes' : 'no' }, cite: report.cite }
            : { code: 'report_within_days', params: { whom, days: report.days }, cite: report.cite },
    );
  }
  const stop = valueAt(law?.coverageStop, asOf);
  if (stop?.value === 'month_after_death') {
    out.push({ code: 'management_stops_month_after_death', params: dateOfDeath ? { from: firstOfNextMonth(dateOfDeath) } : {}, cite: stop.cite });
  } else if (stop?.value === 'month_after_verification') {
    out.push({ code: 'management_stops_month_after_verification', cite: stop.cite });
  }
  out.push(
    ...step(
      'pension_stops_on_death',
      ownOrGeneral(law, (l) => l.pensionStopsOnDeath, LAWS.changsha, asOf),
    ),
  );
  // Reported late, what was paid meanwhile must go back: "晚不晚" is answered with it.
  const overdue = report.deadline?.overdue === true || (report.days !== null && daysSinceDeath !== undefined && daysSinceDeath > report.days);
  out.push(
    ...step(
      'return_pension_paid_after_death',
      ownOrGeneral(law, (l) => l.overpaymentRecovered, LAWS.changsha, asOf),
    ).map((p) => (overdue ? { ...p, alsoAnswers: ['deadline' as const] } : p)),
  );
  out.push(
    ...step(
      'fraud_must_be_repaid',
      ownOrGeneral(law, (l) => l.fraudRepaid, LAWS.changsha, asOf),
    ),
  );
  out.push(...benefitsHelp(law, asOf));
  // 002 第二十五条(二): the community visits and mourns (the text's own, not borrowed).
  const visit = valueAt(law?.visitsOnIllnessAndDeath, asOf);
  if (visit) out.push({ code: 'visit_and_mourn', cite: visit.cite });
  // Only where the text sets one up: a reward is no rule to borrow.
  const reward = valueAt(law?.fraudReportReward, asOf);
  if (reward) out.push({ code: 'fraud_report_reward', cite: reward.cite });
  return out;
}
