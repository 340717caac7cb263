import { festivalsFrom } from './lunar.ts';

/** What a user can ask to be reminded of. */
export const KINDS = ['cert', 'check', 'festival', 'leader'] as const;
export type Kind = (typeof KINDS)[number];

export const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);

/** A subscription: who, where to write, what, and when the next reminder is (ISO date, Shanghai). */
export interface Subscription {
  /** `platform:user`, or `group:platform:chat` for a group that turned notices on. */
  readonly user: string;
  readonly platform: string;
  readonly chat: string;
  readonly group: boolean;
  readonly kind: Kind;
  /** Chosen month and day (not for festivals: they follow the lunar calendar). */
  readonly month?: number;
  readonly day?: number;
  /** The date of the reminder now scheduled (its occurrence key carries it). */
  readonly next: string;
  /** A festival notice's name when `next` is one. */
  readonly festival?: string;
}

/** Years between reminders: the health check is every two years (004 三(二), 000 三(二)). */
const EVERY_YEARS: Readonly<Record<Exclude<Kind, 'festival'>, number>> = { cert: 1, check: 2, leader: 1 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Month/day in a year, 29 Feb becoming 28 Feb in a common year. */
function dateIn(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(Math.min(day, lastDay(year, month)))}`;
}

/** The default date: the 1st of next month (a reminder a few weeks away, changed by the user when they know better). */
export function defaultMonthDay(todayIso: string): { month: number; day: number } {
  const m = Number(todayIso.slice(5, 7));
  return { month: (m % 12) + 1, day: 1 };
}

/** The first date on or after `fromIso` (exclusive when `after`) on the month/day, then every `years`. */
export function nextYearly(fromIso: string, month: number, day: number, years: number, after: boolean, anchor?: string): string {
  let year = Number(fromIso.slice(0, 4));
  const start = anchor ? Number(anchor.slice(0, 4)) : undefined;
  for (; ; year++) {
    if (start !== undefined && (year - start) % years !== 0) continue;
    const d = dateIn(year, month, day);
    if (after ? d > fromIso : d >= fromIso) return d;
  }
}

/** When a festival notice goes: `daysBefore` days before the next festival whose notice date is not past. */
export function nextFestival(fromIso: string, daysBefore: number, after: boolean): { date: string; festival: string } {
  const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  for (const f of festivalsFrom(fromIso)) {
    const d = shift(f.date, daysBefore);
    if (after ? d > fromIso : d >= fromIso) return { date: d, festival: f.name };
  }
  throw new Error('no festival ahead');
}

/** The reminder after `sub.next` (or the first from `todayIso` for a new subscription). */
export function following(sub: Pick<Subscription, 'kind' | 'month' | 'day' | 'next'>, daysBefore: number): { date: string; festival?: string } {
  if (sub.kind === 'festival') return nextFestival(sub.next, daysBefore, true);
  return { date: nextYearly(sub.next, sub.month ?? 1, sub.day ?? 1, EVERY_YEARS[sub.kind], true, sub.next) };
}

export function first(kind: Kind, todayIso: string, month: number, day: number, daysBefore: number): { date: string; festival?: string } {
  if (kind === 'festival') return nextFestival(todayIso, daysBefore, false);
  // Today's reminder time may have passed: the first one is after today.
  return { date: nextYearly(todayIso, month, day, 1, true) };
}
