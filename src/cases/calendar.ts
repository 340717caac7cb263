import { LegalHoliday, SolarDay } from 'tyme4ts';

/**
 * China's working days: Monday–Friday, except the public holidays the State Council sets each year, plus the make-up
 * working days (调休, often a Saturday or Sunday) that go with them. The schedule comes from tyme4ts (its legal-holiday
 * table follows the State Council's yearly notice), never from a table of our own: upgrading the library is how a new
 * year's schedule arrives.
 *
 * A year the library does not know yet (the notice is published each November) has no legal holidays in its table:
 * that year is counted Monday–Friday, and `calendarKnows(year)` lets the service warn about it at start.
 */

/** Whether the day (Shanghai calendar) is a working day. */
export function isWorkingDay(year: number, month: number, day: number): boolean {
  const holiday = LegalHoliday.fromYmd(year, month, day);
  if (holiday) return holiday.isWork();
  const weekday = SolarDay.fromYmd(year, month, day).getWeek().getIndex();
  return weekday !== 0 && weekday !== 6;
}

const known = new Map<number, boolean>();

/** Whether the library holds the year's holiday schedule (any legal holiday or make-up day in the year). */
export function calendarKnows(year: number): boolean {
  let answer = known.get(year);
  if (answer === undefined) {
    // Every year's schedule has 元旦 on January 1; a missing entry there means the year is not in the table.
    answer = LegalHoliday.fromYmd(year, 1, 1) !== null || LegalHoliday.fromYmd(year, 10, 1) !== null;
    known.set(year, answer);
  }
  return answer;
}
