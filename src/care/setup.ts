import { type Limits, PLATFORM_LIMITS, parseQuietHours, type QuietHours } from '../scheduler/index.ts';

/** QUIET_HOURS as hours (validated by the configuration). */
export function quietOf(raw: string): QuietHours | null {
  const q = parseQuietHours(raw);
  return q === 'invalid' ? (parseQuietHours(undefined) as QuietHours) : q;
}

/** The platforms' limits, the overall rate replaced by PUSH_RATE when set (several instances share a bot's limit). */
export function limitsOf(pushRate: number | undefined): Readonly<Record<string, Limits>> {
  if (pushRate === undefined) return PLATFORM_LIMITS;
  return Object.fromEntries(Object.entries(PLATFORM_LIMITS).map(([k, l]) => [k, { ...l, perSecond: pushRate }]));
}
