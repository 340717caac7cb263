import { describe, expect, it } from 'vitest';
import { calendarKnows, dueAt, isWorkingDay } from '../../src/cases/index.ts';

/** The due time as a Shanghai date-time, e.g. 2026-10-08 18:00. */
const due = (opened: string, type: Parameters<typeof dueAt>[0] = 'death_report') =>
  new Date(dueAt(type, new Date(opened)) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('dues in China working days (tyme4ts legal holidays)', () => {
  it('skips the 2026 National Day holiday (10-01..10-07)', () => {
    expect(isWorkingDay(2026, 10, 1)).toBe(false);
    expect(isWorkingDay(2026, 10, 7)).toBe(false);
    expect(isWorkingDay(2026, 10, 8)).toBe(true);
    expect(due('2026-09-30T10:00:00+08:00')).toBe('2026-10-08 18:00');
    // Five working days: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    expect(due('2026-09-30T10:00:00+08:00', 'serious_illness_application')).toBe('2026-10-13 18:00');
  });

  it('counts the make-up Saturday after National Day 2026 (10-10) and the make-up Sunday before it (09-20)', () => {
    expect(isWorkingDay(2026, 10, 10)).toBe(true);
    expect(isWorkingDay(2026, 10, 17)).toBe(false);
    expect(due('2026-10-09T10:00:00+08:00')).toBe('2026-10-10 18:00');
    expect(due('2026-09-18T10:00:00+08:00')).toBe('2026-09-20 18:00');
  });

  it('skips the 2026 Spring Festival holiday and counts its make-up Saturdays (02-14, 02-28)', () => {
    expect(isWorkingDay(2026, 2, 14)).toBe(true);
    expect(isWorkingDay(2026, 2, 17)).toBe(false);
    expect(isWorkingDay(2026, 2, 28)).toBe(true);
    expect(due('2026-02-13T10:00:00+08:00')).toBe('2026-02-14 18:00');
    expect(due('2026-02-14T10:00:00+08:00')).toBe('2026-02-24 18:00');
  });

  it('an ordinary week: Friday to Monday, the weekend skipped', () => {
    expect(due('2026-11-20T10:00:00+08:00')).toBe('2026-11-23 18:00');
  });

  it('2027: the library holds no State Council schedule yet, so the year is counted Monday–Friday and flagged unknown', () => {
    // The 2027 notice is not in tyme4ts 1.5.2; when an upgrade brings it, this test says so and must be updated
    // with the 2027 国庆/春节 days.
    expect(calendarKnows(2026)).toBe(true);
    expect(calendarKnows(2027)).toBe(false);
    expect(isWorkingDay(2027, 10, 1)).toBe(true);
    expect(due('2027-02-05T10:00:00+08:00')).toBe('2027-02-08 18:00');
  });
});
