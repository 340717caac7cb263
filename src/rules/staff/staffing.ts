import type { IsoDate } from '../dates.ts';
import { LAWS } from '../law/index.ts';
import { valueAt } from '../parameter.ts';
import { type Citation, err, ok, type Result } from '../types.ts';

export interface StaffingAnswer {
  readonly count: number;
  readonly cite: Citation;
}

/**
 * Henan 五(四)2: one manager per 300 retirees. Ruling: a started 300 needs a person, so the count rounds up
 * (301 retirees → 2).
 */
export function staffForRetirees(retirees: number, asOf: IsoDate): Result<StaffingAnswer> {
  if (!Number.isInteger(retirees) || retirees < 0 || retirees > 10_000_000) return err({ code: 'invalid_count', value: String(retirees) });
  const rule = valueAt(LAWS.henan.staffPerRetirees, asOf);
  if (!rule) return err({ code: 'not_in_force', doc: 'henan', asOf });
  return ok({ count: Math.ceil(retirees / rule.value), cite: rule.cite });
}

/**
 * Henan 五(四)1: community staff handed over by households. The text's bands overlap at their ends
 * ("1000户以下…1000户至2000户…2000户至3000户"); ruling, as domain.md: below 1000 → 5; 1000–1999 → 7;
 * 2000–3000 → 9; above 3000, one more per full 300 households more (3300 → 10, 3299 → 9).
 */
export function communityStaff(households: number, asOf: IsoDate): Result<StaffingAnswer> {
  if (!Number.isInteger(households) || households < 0 || households > 10_000_000) return err({ code: 'invalid_count', value: String(households) });
  const rule = valueAt(LAWS.henan.communityStaffByHouseholds, asOf);
  if (!rule) return err({ code: 'not_in_force', doc: 'henan', asOf });
  const { below1000, from1000, from2000, over3000PerHouseholds } = rule.value;
  let count: number;
  if (households < 1000) count = below1000;
  else if (households < 2000) count = from1000;
  else if (households <= 3000) count = from2000;
  else count = from2000 + Math.floor((households - 3000) / over3000PerHouseholds);
  return ok({ count, cite: rule.cite });
}
