import { SHANGHAI_OFFSET_MS } from '../clock.ts';

/**
 * Quiet hours, Asia/Shanghai: nothing is sent from `start` to `end` (default 21:00–08:00, QUIET_HOURS=21-8). Older
 * people go to bed early; a reminder at 22:00 wakes them for something that can wait till morning.
 */
export interface QuietHours {
  readonly start: number;
  readonly end: number;
}

export const DEFAULT_QUIET: QuietHours = { start: 21, end: 8 };

/** "21-8" → { start: 21, end: 8 }; "off" → null (never quiet). */
export function parseQuietHours(raw: string | undefined): QuietHours | null | 'invalid' {
  if (raw === undefined || raw === '') return DEFAULT_QUIET;
  if (raw === 'off') return null;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
  if (!m) return 'invalid';
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (start > 23 || end > 23 || start === end) return 'invalid';
  return { start, end };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** When sending may start again: `at` itself when it is not in quiet hours, otherwise the next `end` o'clock. */
export function nextAllowed(at: number, quiet: QuietHours | null): number {
  if (!quiet) return at;
  const local = at + SHANGHAI_OFFSET_MS;
  const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  const hour = (local - dayStart) / HOUR_MS;
  const inQuiet = quiet.start > quiet.end ? hour >= quiet.start || hour < quiet.end : hour >= quiet.start && hour < quiet.end;
  if (!inQuiet) return at;
  // The end hour today, or tomorrow when it has passed (21:00 → 08:00 next day).
  const endToday = dayStart + quiet.end * HOUR_MS;
  return (endToday > local ? endToday : endToday + DAY_MS) - SHANGHAI_OFFSET_MS;
}
