/** Asia/Shanghai has had no daylight saving since 1991: a fixed +8 h gives its calendar. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Shanghai calendar date of an instant, 'YYYY-MM-DD': the "today" the rules answer for. */
export function shanghaiIsoDate(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
