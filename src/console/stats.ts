import { SHANGHAI_OFFSET_MS } from '../clock.ts';
import { caseRegion, listInScope, type StaffMember, scopeRegions } from '../staff/index.ts';
import type { CaseRecord, Store } from '../store/types.ts';

/**
 * A month's statistics for a staff member's scope: cases opened by type and region, median time to resolve, how many
 * went past their due, and what the bot could not answer (out-of-scope questions and hand-offs, already masked when
 * kept), grouped by text with counts — material for new training examples.
 */
export interface MonthStats {
  readonly month: string;
  readonly opened: number;
  readonly byType: readonly (readonly [string, number])[];
  readonly byRegion: readonly (readonly [string, number])[];
  readonly resolved: number;
  /** Median hours from opening to the decision, of the cases decided in the month; null when none. */
  readonly medianHours: number | null;
  readonly overdue: number;
  readonly unanswered: readonly { readonly kind: string; readonly text: string; readonly count: number }[];
}

/** [start, end) of a Shanghai month, epoch ms. */
export function monthRange(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [Date.UTC(y, m - 1, 1) - SHANGHAI_OFFSET_MS, Date.UTC(y, m, 1) - SHANGHAI_OFFSET_MS];
}

const counted = (keys: readonly string[]) =>
  [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const decidedAt = (c: CaseRecord) => [...c.history].reverse().find((e) => e.action === 'resolved' || e.action === 'rejected')?.at ?? null;

/** Past its due: decided after it, or still open at the end of the month (or now, if sooner) after it. */
function wasOverdue(c: CaseRecord, end: number, now: number): boolean {
  if (c.dueAt === null) return false;
  const decided = decidedAt(c);
  return decided !== null ? decided > c.dueAt : c.dueAt < Math.min(end, now);
}

export async function monthStats(store: Store, member: StaffMember, month: string, now: Date): Promise<MonthStats> {
  const [start, end] = monthRange(month);
  const all = await listInScope(store, member, {});
  const opened = all.filter((c) => c.createdAt >= start && c.createdAt < end);
  const decided = all.filter((c) => {
    const at = decidedAt(c);
    return c.status === 'resolved' && at !== null && at >= start && at < end;
  });
  const regions = scopeRegions(member.scope);
  const unanswered = (await store.listUnanswered(start, end)).filter((u) => regions === null || (u.region !== null && regions.includes(u.region)));
  const groups = new Map<string, { kind: string; text: string; count: number }>();
  for (const u of unanswered) {
    const key = `${u.kind}\u0000${u.text}`;
    const g = groups.get(key) ?? { kind: u.kind, text: u.text, count: 0 };
    g.count += 1;
    groups.set(key, g);
  }
  return {
    month,
    opened: opened.length,
    byType: counted(opened.map((c) => c.type)),
    byRegion: counted(opened.map((c) => caseRegion(c) ?? '-')),
    resolved: decided.length,
    medianHours: median(decided.map((c) => ((decidedAt(c) as number) - c.createdAt) / 3_600_000)),
    overdue: opened.filter((c) => wasOverdue(c, end, now.getTime())).length,
    unanswered: [...groups.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
  };
}
