import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { findRegion } from '../rules/regions.ts';

/**
 * The staff roster (STAFF_FILE): who is staff, in which role, for which regions, and where new cases are announced.
 * Parsed with `yaml`, validated with zod; every problem is named with its line so an office can fix the file itself.
 */

export type Role = 'admin' | 'caseworker' | 'viewer';

export interface StaffMember {
  /** Stable id, used in case history, assignment and the audit trail. */
  readonly id: string;
  readonly name: string;
  /** platform:user (telegram:123, lark:ou_abc, cli:u1): the identities a platform vouches for. */
  readonly accounts: readonly string[];
  readonly role: Role;
  /** '*' or official region names (杭州市 = the whole city), optionally `region/community`. */
  readonly scope: readonly string[];
}

export interface AnnounceRule {
  /** One scope entry, as in a member's scope. */
  readonly scope: string;
  /** platform:chat */
  readonly chat: string;
}

export interface Roster {
  readonly staff: readonly StaffMember[];
  readonly announce: readonly AnnounceRule[];
}

export const EMPTY_ROSTER: Roster = { staff: [], announce: [] };

/** '西湖' → '西湖区', '西湖区/翠苑社区' kept with its community; null when the region is unknown. */
export function normalizeScope(entry: string): string | null {
  const text = entry.trim();
  if (text === '*') return '*';
  const [regionPart, ...rest] = text.split('/');
  const region = findRegion(regionPart ?? '');
  if (!region) return null;
  const community = rest.join('/').trim();
  return community ? `${region.name}/${community}` : region.name;
}

const scopeEntry = z.string().transform((v, ctx) => {
  const n = normalizeScope(v);
  if (n === null) ctx.addIssue({ code: 'custom', message: `"${v}" is not a region the rules know (e.g. 西湖区, 建德市, 杭州市) nor "*"` });
  return n ?? v;
});

const account = z
  .string()
  .regex(/^[a-z]+:\S+$/, 'must be platform:user, e.g. telegram:123456, lark:ou_abc, cli:u1')
  // The web chat vouches for nobody: a web session can never be staff.
  .refine((a) => !a.startsWith('web:'), 'web chat users cannot be staff (the web chat does not verify anyone)');

const member = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1–40 letters, digits, dot, dash or underscore'),
  name: z.string().trim().min(1).max(40),
  accounts: z.array(account).min(1),
  role: z.enum(['admin', 'caseworker', 'viewer']),
  // One region may be written without a list (scope: 西湖区).
  scope: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(scopeEntry).min(1)),
});

const rosterSchema = z
  .object({
    staff: z.array(member).default([]),
    announce: z.array(z.object({ scope: scopeEntry, chat: z.string().regex(/^[a-z]+:\S+$/, 'must be platform:chat, e.g. telegram:-1001234') })).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    const accounts = new Map<string, number>();
    r.staff.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'id'], message: `id "${m.id}" is used twice` });
      ids.add(m.id);
      m.accounts.forEach((a, j) => {
        if (accounts.has(a)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'accounts', j], message: `account ${a} is listed for two staff members` });
        accounts.set(a, i);
      });
    });
  });

export type RosterResult = { readonly ok: true; readonly roster: Roster } | { readonly ok: false; readonly problems: readonly string[] };

/** Reads a roster from YAML text; `file` names it in the problems ("staff.yaml:7: staff[0].role: …"). */
export function parseRoster(text: string, file = 'STAFF_FILE'): RosterResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => (offset === undefined ? '' : `:${lines.linePos(offset).line}`);
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => `${file}${at(e.pos[0])}: ${e.message.split('\n')[0]}`) };
  const parsed = rosterSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { ok: true, roster: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    // The line of the deepest node that exists on the issue's path.
    let path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    let node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    while (!node?.range && path.length > 0) {
      path = path.slice(0, -1);
      node = (path.length > 0 ? doc.getIn(path, true) : doc.contents) as typeof node;
    }
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return `${file}${at(node?.range?.[0])}: ${where || 'roster'}: ${issue.message}`;
  });
  return { ok: false, problems };
}

/** The member a platform identity belongs to. */
export function memberOf(roster: Roster, accountKey: string): StaffMember | null {
  return roster.staff.find((m) => m.accounts.includes(accountKey)) ?? null;
}

/** A member by id. */
export function memberById(roster: Roster, id: string): StaffMember | null {
  return roster.staff.find((m) => m.id === id) ?? null;
}

/** STAFF_IDS staff: city-wide caseworkers acting under their own user key, as before rosters existed. */
export function fallbackMember(userKey: string): StaffMember {
  return { id: userKey, name: userKey, accounts: [userKey], role: 'caseworker', scope: ['*'] };
}
