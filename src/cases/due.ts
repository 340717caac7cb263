import { SHANGHAI_OFFSET_MS, shanghaiIsoDate } from '../clock.ts';
import { isWorkingDay } from './calendar.ts';
import type { CaseType } from './schemas.ts';

/**
 * When a case is due, in working days after it opens (China's working days: public holidays off, make-up days on;
 * see calendar.ts), at 18:00 Asia/Shanghai. A death report is due the next working day.
 */
export const DUE_WORKING_DAYS: Readonly<Record<CaseType, number>> = {
  death_report: 1,
  inquiry: 1,
  management_transfer: 5,
  serious_illness_application: 5,
  hospitalization_application: 5,
  health_check_reimbursement: 10,
  // Paid after the annual assessment and a publicity of at least 7 days (000/004 三(一)2, 五(二)/五(三)).
  group_leader_subsidy_application: 10,
};

const DAY_MS = 86_400_000;

/** Epoch ms of 18:00 Shanghai time, `workingDays` working days after `now`. */
export function dueAt(type: CaseType, now: Date): number {
  let local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  let left = DUE_WORKING_DAYS[type];
  while (left > 0) {
    local = new Date(local.getTime() + DAY_MS);
    if (isWorkingDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate())) left -= 1;
  }
  const due = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 18, 0, 0);
  return due - SHANGHAI_OFFSET_MS;
}

/** '20261121': the Shanghai calendar day of `now`, for case numbers. */
export function shanghaiDay(now: Date): string {
  return shanghaiIsoDate(now).replace(/-/g, '');
}
