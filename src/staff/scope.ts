import { findRegion, REGIONS } from '../rules/regions.ts';
import type { CaseRecord } from '../store/types.ts';
import type { Roster, StaffMember } from './roster.ts';

/**
 * Who covers what. A case belongs to its region (and community, where known); a scope entry covers a region when it
 * names it, names its city (杭州市 = every district and county of Hangzhou: 建德市, 萧山区, 西湖区 …), or is "*".
 * A `region/community` entry covers only cases of that region whose community names it.
 */

/** The official region of a case: where it was filed for (a transfer: the new residence). */
export function caseRegion(c: CaseRecord): string | null {
  const raw = typeof c.fields.region === 'string' ? c.fields.region : typeof c.fields.to === 'string' ? c.fields.to : null;
  return raw ? (findRegion(raw)?.name ?? raw) : null;
}

/** The community of a case, when known (a sealed field: reading it opens it). */
function caseCommunity(c: CaseRecord): string | null {
  try {
    return typeof c.fields.community === 'string' ? c.fields.community : null;
  } catch {
    return null;
  }
}

/** Whether one scope entry covers a region (and community). */
export function entryCovers(entry: string, region: string | null, community: string | null): boolean {
  if (entry === '*') return true;
  if (region === null) return false;
  const [scopeRegion, scopeCommunity] = entry.split('/', 2) as [string, string | undefined];
  const r = findRegion(scopeRegion);
  const target = findRegion(region);
  if (!r || !target) return scopeRegion === region && scopeCommunity === undefined;
  const regionOk = r.name === target.name || (r.name === r.city && target.city === r.city);
  if (!regionOk) return false;
  return scopeCommunity === undefined || community?.includes(scopeCommunity) === true;
}

/** How specific an entry is: community 3, district or county 2, a whole city 1, "*" 0. */
export function specificity(entry: string): number {
  if (entry === '*') return 0;
  if (entry.includes('/')) return 3;
  const r = findRegion(entry);
  return r && r.name === r.city ? 1 : 2;
}

export function scopeCovers(scope: readonly string[], c: CaseRecord): boolean {
  const region = caseRegion(c);
  const community = scope.some((e) => e.includes('/')) ? caseCommunity(c) : null;
  return scope.some((e) => entryCovers(e, region, community));
}

/** The region names a scope reaches, for the store's filter; null = everything ("*"). */
export function scopeRegions(scope: readonly string[]): readonly string[] | null {
  if (scope.includes('*')) return null;
  const names = new Set<string>();
  for (const entry of scope) {
    const region = entry.split('/', 1)[0] as string;
    const r = findRegion(region);
    if (!r) continue;
    if (r.name === r.city) for (const other of REGIONS) if (other.city === r.city) names.add(other.name);
    names.add(r.name);
  }
  return [...names];
}

/** Whether anyone in the roster (or a city-wide fallback) covers the case: a case nobody covers is flagged. */
export function covered(roster: Roster, c: CaseRecord): boolean {
  return roster.staff.some((m) => !m.scope.includes('*') && scopeCovers(m.scope, c));
}

/** The admins whose scope covers the case (escalation goes to them). */
export function adminsFor(roster: Roster, c: CaseRecord): StaffMember[] {
  return roster.staff.filter((m) => m.role === 'admin' && scopeCovers(m.scope, c));
}

/** The announcement chat for a case: the most specific rule that covers it; null when none does. */
export function announceChatFor(roster: Roster, c: CaseRecord): string | null {
  const region = caseRegion(c);
  const matching = roster.announce.filter((a) => entryCovers(a.scope, region, a.scope.includes('/') ? caseCommunity(c) : null));
  if (matching.length === 0) return null;
  return matching.reduce((best, a) => (specificity(a.scope) > specificity(best.scope) ? a : best)).chat;
}
