import { citationsOf, type Point } from '../answer.ts';
import { firstOfNextMonth, type IsoDate, parseIsoDate } from '../dates.ts';
import { DOCUMENTS } from '../documents.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { type Citation, type Notice, ok, type Result } from '../types.ts';

/** Where the retiree's former employer sits, when that changes who pays (省部属 → original channel). */
export type EmployerKind = 'ordinary' | 'provincial_ministerial' | 'central_or_provincial_not_local' | 'support_outside_returned' | 'private';

export interface CoverageInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
  /** The date the monthly pension procedure was done. */
  readonly pensionStart?: IsoDate;
  readonly employer?: EmployerKind;
}

export interface CoverageAnswer {
  readonly region: string;
  /** First day of socialized management (the month after the pension starts). */
  readonly coveredFrom: IsoDate | null;
  /** Whether the city fund pays, or the original channel does. */
  readonly fundedBy: 'special_fund' | 'original_channel';
  readonly rules: readonly Point[];
  readonly notices: readonly Notice[];
  readonly citations: readonly Citation[];
}

/** 纳入社会化管理: from the month after the pension starts; stops after death; suspended with the pension. */
export function coverage(input: CoverageInput): Result<CoverageAnswer> {
  if (input.pensionStart !== undefined) {
    const start = parseIsoDate(input.pensionStart);
    if (!start.ok) return start;
  }
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const rules: Point[] = [];
  const start = valueAt(law?.coverageStart, input.asOf);
  const coveredFrom = start && input.pensionStart ? firstOfNextMonth(input.pensionStart) : null;
  if (start) rules.push({ code: 'covered_from_month_after_pension', params: coveredFrom ? { from: coveredFrom } : {}, cite: start.cite });
  const forms = valueAt(law?.handoverForms, input.asOf);
  if (forms) rules.push({ code: 'handover_forms', params: { forms: forms.value.map((f) => `《${f}》`).join('和') }, cite: forms.cite });
  // 长沙 第十二条: where the retiree reports (常年居住地的社区) and where the file goes (档案管理部门).
  const registration = valueAt(law?.residenceRegistration, input.asOf);
  if (registration) rules.push({ code: 'register_at_residence_community', cite: registration.cite });
  const archives = valueAt(law?.archiveToArchivesDepartment, input.asOf);
  if (archives) rules.push({ code: 'archive_to_archives_department', cite: archives.cite });
  const carried = valueAt(law?.archiveNotCarriedByRetiree, input.asOf);
  if (carried) rules.push({ code: 'archive_not_carried_by_retiree', cite: carried.cite });
  const stop = valueAt(law?.coverageStop, input.asOf);
  if (stop)
    rules.push({
      code: stop.value === 'month_after_death' ? 'management_stops_month_after_death' : 'management_stops_month_after_verification',
      cite: stop.cite,
    });
  const noBackPay = valueAt(law?.noBackPay, input.asOf);
  if (noBackPay) rules.push({ code: 'late_handover_no_back_pay', cite: noBackPay.cite });
  const suspended = valueAt(law?.suspendedWithPension, input.asOf);
  if (suspended) rules.push({ code: 'suspended_with_pension', cite: suspended.cite });

  const handover = valueAt(law?.handoverByHukouOrResidence, input.asOf);
  if (handover) rules.push({ code: 'handover_by_hukou_or_residence', cite: handover.cite });
  const cadres = valueAt(law?.cadresKeepManagement, input.asOf);
  if (cadres) rules.push({ code: cadres.value === 'in_principle' ? 'cadres_keep_in_principle' : 'cadres_keep_current_management', cite: cadres.cite });
  const extraItems = valueAt(law?.extraItemsOriginalChannel, input.asOf);
  if (extraItems) rules.push({ code: 'extra_items_original_channel', cite: extraItems.cite });
  const outOfProvince = valueAt(law?.outOfProvinceToEnterpriseLocation, input.asOf);
  if (outOfProvince) rules.push({ code: 'out_of_province_to_enterprise_location', cite: outOfProvince.cite });
  let fundedBy: CoverageAnswer['fundedBy'] = 'special_fund';
  const channel = valueAt(law?.originalChannel, input.asOf);
  if (channel) {
    rules.push({ code: `original_channel_${channel.value[0]}`, cite: channel.cite });
    if (input.employer && (channel.value as readonly string[]).includes(input.employer)) fundedBy = 'original_channel';
  }
  const returned = valueAt(law?.supportOutsideReturned, input.asOf);
  if (returned) rules.push({ code: 'support_outside_returned_covered', cite: returned.cite });
  return ok({ region: regime.value.region.name, coveredFrom, fundedBy, rules, notices: regime.value.notices, citations: citationsOf(rules) });
}

/** 聊城 第三条: a text for state-owned enterprises' retirees does not reach a private firm's. */
function outsideScope(region: Region | string, asOf: IsoDate): Point | null {
  const regime = regimeFor(region, asOf);
  const doc = regime.ok && regime.value.law ? DOCUMENTS[regime.value.law.doc] : null;
  if (!doc || doc.scope === 'all_enterprise') return null;
  return { code: 'outside_scope_private_enterprise', cite: doc.scopeCite ?? { doc: doc.id, clause: '标题', quote: doc.title } };
}

/**
 * The exception the fund's texts make for some employers ("省部属企业退休人员…按原渠道保障经费", 004 二(二); 000 二(二)):
 * their consolation and festival money do not come from this fund. The clause, or null when it does not apply.
 */
export function fundingException(region: Region | string, asOf: IsoDate, employer: EmployerKind | undefined): Point | null {
  if (!employer) return null;
  if (employer === 'private') return outsideScope(region, asOf);
  const regime = regimeFor(region, asOf);
  const channel = regime.ok ? valueAt(regime.value.law?.originalChannel, asOf) : undefined;
  if (!channel || !(channel.value as readonly string[]).includes(employer)) return null;
  return { code: `original_channel_${employer}`, cite: channel.cite };
}
