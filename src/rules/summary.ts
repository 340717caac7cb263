import type { Decimal } from 'decimal.js';
import type { Entitlement } from './answer.ts';
import type { IsoDate } from './dates.ts';
import { festival, type Hardship } from './entitlements/festival.ts';
import { funeral } from './entitlements/funeral.ts';
import { groupActivity } from './entitlements/group.ts';
import { healthCheck } from './entitlements/health-check.ts';
import { hospitalization } from './entitlements/hospitalization.ts';
import { seriousIllness } from './entitlements/serious-illness.ts';
import { regimeFor } from './regime.ts';
import type { Region } from './regions.ts';
import { err, type Notice, ok, type Result } from './types.ts';

/** What staff know of a retiree when they check entitlements quickly. */
export interface RetireeProfile {
  readonly region: Region | string;
  /** The date the answer is for; the year's entitlements are read as of this date. */
  readonly asOf: IsoDate;
  readonly age?: number;
  /** Annual in-scope self-pay, 元. */
  readonly selfPay?: Decimal.Value;
  readonly hospitalizations?: number;
  readonly livesOutsideHangzhou?: boolean;
  readonly hardship?: Hardship;
}

export interface AnnualSummary {
  readonly region: string;
  readonly year: number;
  readonly entitlements: readonly Entitlement[];
  readonly notices: readonly Notice[];
}

/**
 * Every entitlement of a year for one profile, each with its figure, conditions, documents and citations.
 * Items whose facts are unknown (no self-pay given) are still listed, with their rule, so nothing is silently left out.
 */
export function annualSummary(profile: RetireeProfile): Result<AnnualSummary> {
  const regime = regimeFor(profile.region, profile.asOf);
  if (!regime.ok) return regime;
  const region = regime.value.region;
  const { asOf } = profile;
  const results: Result<Entitlement>[] = [
    hospitalization({ region, asOf, ...(profile.hospitalizations !== undefined ? { stays: profile.hospitalizations } : {}) }),
    seriousIllness({ region, asOf, ...(profile.selfPay !== undefined ? { selfPay: profile.selfPay } : {}) }),
    festival({ region, asOf, ...(profile.hardship ? { hardship: profile.hardship } : {}) }),
    healthCheck({ region, asOf, livesOutsideHangzhou: profile.livesOutsideHangzhou ?? false }),
    groupActivity({ region, asOf, ...(profile.age !== undefined ? { age: profile.age } : {}) }),
    // Paid to the family after a death, but one of the retiree's entitlements: a summary leaves nothing out.
    funeral({ region, asOf }),
  ];
  const entitlements: Entitlement[] = [];
  for (const result of results) {
    if (!result.ok) return err(result.error);
    entitlements.push(result.value);
  }
  return ok({ region: region.name, year: Number(asOf.slice(0, 4)), entitlements, notices: regime.value.notices });
}
