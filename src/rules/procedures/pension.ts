import { citationsOf, type Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { LAWS } from '../law/index.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { type Citation, type Notice, ok, type Result } from '../types.ts';

export interface PensionAnswer {
  readonly region: string;
  readonly points: readonly Point[];
  readonly notices: readonly Notice[];
  readonly citations: readonly Citation[];
}

export interface PensionInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
}

/**
 * 养老金领取资格认证 and 停发: how often to certify, home certification for the bedridden, and the causes for which a
 * pension is suspended and later resumed. Only Changsha and Liaocheng spell these out; elsewhere the Changsha clauses
 * are given as the one text that does, marked `general`.
 */
export function pensionCertification(input: PensionInput): Result<PensionAnswer> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const general = (own: boolean) => (own ? 0 : 1);
  const points: Point[] = [];

  const own = valueAt(law?.certification, input.asOf);
  const cert = own ?? valueAt(LAWS.changsha.certification, input.asOf);
  if (cert) {
    points.push(
      cert.value.timesPerYear === null
        ? { code: 'certify_as_required', params: { general: general(!!own) }, cite: cert.cite }
        : { code: 'certify_times_per_year', params: { times: cert.value.timesPerYear, general: general(!!own) }, cite: cert.cite },
    );
  }
  const home = valueAt(law?.homeCertification, input.asOf) ?? valueAt(LAWS.changsha.homeCertification, input.asOf);
  if (home) points.push({ code: 'home_certification', params: { general: general(law?.doc === 'changsha') }, cite: home.cite });
  const suspended = valueAt(law?.suspendedWithPension, input.asOf);
  if (suspended) points.push({ code: 'suspended_with_pension', cite: suspended.cite });
  const causes = valueAt(law?.pensionSuspension, input.asOf) ?? valueAt(LAWS.changsha.pensionSuspension, input.asOf);
  if (causes) {
    for (const cause of causes.value) points.push({ code: `suspension_${cause}`, params: { general: general(law?.doc === 'changsha') }, cite: causes.cite });
    points.push({ code: 'resumes_when_cause_ends', params: { general: general(law?.doc === 'changsha') }, cite: causes.cite });
  }
  // "伪造材料骗的呢": benefits obtained by fraud are ordered repaid (002 第三十四条), where the text says so.
  const fraud = valueAt(law?.fraudRepaid, input.asOf);
  if (fraud) points.push({ code: 'fraud_must_be_repaid', cite: fraud.cite });
  return ok({ region: regime.value.region.name, points, notices: regime.value.notices, citations: citationsOf(points) });
}
