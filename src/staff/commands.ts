import { CASE_TYPES, type CaseType } from '../cases/index.ts';

/** Staff commands, typed as text ("/claim C20261121-0007") or reached through buttons. */
export type ListFilter = 'open' | 'mine' | 'overdue' | 'all' | CaseType;

export type StaffCommand =
  | { readonly kind: 'list'; readonly filter: ListFilter }
  | { readonly kind: 'show'; readonly id: string }
  | { readonly kind: 'claim'; readonly id: string }
  | { readonly kind: 'resolve'; readonly id: string; readonly note: string }
  | { readonly kind: 'reject'; readonly id: string; readonly note: string }
  | { readonly kind: 'note'; readonly id: string; readonly note: string }
  | { readonly kind: 'publicity'; readonly month: string }
  /** The audit entries of one case. */
  | { readonly kind: 'audit'; readonly id: string }
  /** The audit trail between two Shanghai days (inclusive), as a CSV for inspections. */
  | { readonly kind: 'audit_export'; readonly from: string; readonly to: string }
  /** Hands a case to a staff member of the roster (by roster id) within scope. */
  | { readonly kind: 'assign'; readonly id: string; readonly to: string }
  /** A one-time login link to the web console (private chat only). */
  | { readonly kind: 'console' };

export type CommandError = {
  readonly code: 'unknown_command' | 'missing_id' | 'bad_id' | 'missing_note' | 'missing_staff' | 'bad_filter' | 'bad_month' | 'bad_range';
  readonly command: string;
};

const COMMAND = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i;
/** A case number as typed: C20261121-0007, c20261121-7, C20261121－0007 (after NFKC), C20261121 0007. */
const CASE_ID = /^C(\d{8})[-_\s]?(\d{1,6})(?![\d])(?:[\s,，:：]+([\s\S]*))?$/i;
/** Something that starts like a case number but is not one (C2026112-1, C-0001): told apart from a missing id. */
const CASE_ID_LIKE = /^C?[\d-]/i;
const FILTERS = ['open', 'mine', 'overdue', 'all', ...CASE_TYPES] as const;
const COMMANDS = ['cases', 'case', 'claim', 'resolve', 'reject', 'note', 'publicity', 'audit', 'assign', 'console'] as const;

/** What staff type after /cases besides the English filters: 大病, 报丧, 超期, 我的… */
const FILTER_ALIASES: readonly (readonly [RegExp, ListFilter])[] = [
  [/^(待处理|未处理|未办|未办结|进行中|处理中|open)$/, 'open'],
  [/^(我的|我认领的|mine|my)$/, 'mine'],
  [/^(超期|逾期|过期|已超期|到期|overdue|late)$/, 'overdue'],
  [/^(全部|所有|all)$/, 'all'],
  [/^(去世|报丧|死亡|去世报告|报告去世|death)$/, 'death_report'],
  [/^(转移|搬家|转管理关系|管理关系转移|关系转移|transfer)$/, 'management_transfer'],
  [/^(大病|大病慰问|大病申请|大病慰问申请|serious)$/, 'serious_illness_application'],
  [/^(住院|住院慰问|住院申请|住院慰问申请|hospital)$/, 'hospitalization_application'],
  [/^(体检|体检报销|健康体检|health)$/, 'health_check_reimbursement'],
  [/^(小组长|组长|小组长补助|组长补助|小组长补助申请|leader)$/, 'group_leader_subsidy_application'],
  [/^(咨询|人工|转人工|人工咨询|inquiry)$/, 'inquiry'],
];

/** C + the day + the sequence in at least four digits, as the store numbers cases (C20261121-0007). */
const caseNumber = (day: string, seq: string) => `C${day}-${String(Number(seq)).padStart(4, '0')}`;

/** Damerau–Levenshtein (optimal string alignment) distance, for short command names. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The command a mistyped name most likely meant: one edit away (two for longer names), and only one such. */
export function suggestCommand(name: string): string | undefined {
  const scored = COMMANDS.map((c) => ({ c, d: distance(name, c) })).filter(({ c, d }) => d > 0 && d <= (c.length >= 6 ? 2 : 1));
  const best = Math.min(...scored.map((s) => s.d));
  const top = scored.filter((s) => s.d === best).map((s) => s.c);
  // case/cases are one letter apart: a slip between them means the one whose argument fits (decided by the caller).
  if (top.length === 2 && top.includes('case') && top.includes('cases')) return undefined;
  return top.length === 1 ? top[0] : undefined;
}

/** Commands every chat platform sends or users type by habit; not staff commands (the NLU greets or helps). */
const NOT_STAFF = new Set(['start', 'help', 'menu', 'settings']);

/**
 * Reads a staff command. Returns null when the text is not a command at all, so ordinary messages go on to the NLU.
 * `/publicity` takes 2026-11, 2026年11月 or 11月 (this year).
 */
export function parseCommand(text: string, today: string): { ok: true; command: StaffCommand } | { ok: false; error: CommandError } | null {
  // Full-width forms from a Chinese keyboard: ／cases, ／ｃａｓｅ Ｃ２０２６１１２１－０００１.
  // Only letters, digits, the slash and the dash are folded: a note keeps its own punctuation (，stays ，).
  const m = COMMAND.exec(text.replace(/[／０-９Ａ-Ｚａ-ｚ－＿\u3000]/g, (c) => c.normalize('NFKC')).trim());
  if (!m) return null;
  const name = (m[1] as string).toLowerCase();
  const rest = (m[2] ?? '').trim();
  if (NOT_STAFF.has(name)) return null;
  const fail = (code: CommandError['code']) => ({ ok: false as const, error: { code, command: name } });
  switch (name) {
    case 'cases': {
      const filter = parseFilter(rest);
      return filter ? { ok: true, command: { kind: 'list', filter } } : fail('bad_filter');
    }
    case 'case':
    case 'claim':
    case 'resolve':
    case 'reject':
    case 'note': {
      const id = CASE_ID.exec(rest);
      if (!id) return fail(CASE_ID_LIKE.test(rest) ? 'bad_id' : 'missing_id');
      // Staff type the day's sequence short (C20261121-1): the number is always four digits or more.
      const caseId = caseNumber(id[1] as string, id[2] as string);
      const note = (id[3] ?? '').trim();
      if (name === 'case') return { ok: true, command: { kind: 'show', id: caseId } };
      if (name === 'claim') return { ok: true, command: { kind: 'claim', id: caseId } };
      if (!note) return fail('missing_note');
      return { ok: true, command: { kind: name, id: caseId, note: note.slice(0, 500) } };
    }
    case 'assign': {
      const id = CASE_ID.exec(rest);
      if (!id) return fail(CASE_ID_LIKE.test(rest) ? 'bad_id' : 'missing_id');
      const to = (id[3] ?? '').trim().split(/\s+/)[0] ?? '';
      if (!to) return fail('missing_staff');
      return { ok: true, command: { kind: 'assign', id: caseNumber(id[1] as string, id[2] as string), to } };
    }
    case 'console':
      return { ok: true, command: { kind: 'console' } };
    case 'publicity': {
      const month = parseMonth(rest, today);
      return month ? { ok: true, command: { kind: 'publicity', month } } : fail('bad_month');
    }
    case 'audit': {
      const exported = /^(?:export|导出)(?:\s+([\s\S]*))?$/i.exec(rest);
      if (exported) {
        const range = parseRange((exported[1] ?? '').trim(), today);
        return range ? { ok: true, command: { kind: 'audit_export', ...range } } : fail('bad_range');
      }
      const id = CASE_ID.exec(rest);
      if (!id) return fail(CASE_ID_LIKE.test(rest) ? 'bad_id' : 'missing_id');
      return { ok: true, command: { kind: 'audit', id: caseNumber(id[1] as string, id[2] as string) } };
    }
    default: {
      // A slip of one letter (/cliam, /resovle, /casse) that points at exactly one command is read as that command.
      const caseOrCases = distance(name, 'case') <= 1 && distance(name, 'cases') <= 1 ? (CASE_ID_LIKE.test(rest) ? 'case' : 'cases') : undefined;
      const suggestion = suggestCommand(name) ?? caseOrCases;
      return suggestion ? parseCommand(`/${suggestion}${rest ? ` ${rest}` : ''}`, today) : fail('unknown_command');
    }
  }
}

/** The filter after /cases: empty → open; English names and types; Chinese words staff use (大病, 超期, 我的). */
export function parseFilter(text: string): ListFilter | null {
  const filter = text.trim().toLowerCase();
  if (!filter) return 'open';
  if ((FILTERS as readonly string[]).includes(filter)) return filter as ListFilter;
  for (const [re, f] of FILTER_ALIASES) if (re.test(filter)) return f;
  return null;
}

/**
 * A staff member asking about a case in words ("查一下C20261121-0001", "C20261121-1 怎么样了"): the case to show, or
 * null. Only for staff: a retiree naming a number asks about their own case (case_status).
 */
export function parseCaseMention(text: string): StaffCommand | null {
  const t = text.normalize('NFKC').trim();
  const m = /(?:^|[^A-Za-z0-9])C(\d{8})[-_]?(\d{1,6})(?!\d)/i.exec(t);
  if (!m) return null;
  // Only a look-up: a decision (办结, 退回) always needs the explicit command.
  if (/办结|退回|驳回|认领|发放/.test(t.replace(/办结了吗|发放了吗/g, ''))) return null;
  return { kind: 'show', id: caseNumber(m[1] as string, m[2] as string) };
}

/** A real calendar day, 'YYYY-MM-DD', from 2026-11-01 or 2026-11-1. */
function isoDay(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * The days of `/audit export`: `<from> <to>` (2026-11-01 2026-11-30, or with 至/~/to between), one day, or a month
 * (2026-11, 11月: the whole month). Empty: this month. From must not be after to.
 */
export function parseRange(text: string, today: string): { from: string; to: string } | null {
  const parts = text.split(/\s*(?:\s|至|到|~|～|—|to)\s*/i).filter(Boolean);
  if (parts.length === 2) {
    const from = isoDay(parts[0] as string);
    const to = isoDay(parts[1] as string);
    return from && to && from <= to ? { from, to } : null;
  }
  if (parts.length === 1) {
    const day = isoDay(parts[0] as string);
    if (day) return { from: day, to: day };
  }
  if (parts.length > 1) return null;
  const month = parseMonth(text, today);
  if (!month) return null;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const CN_MONTH: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function parseMonth(raw: string, today: string): string | null {
  const text = raw
    .replace(/^(本月|这个月|当月)$/, '')
    .replace(/^([一二三四五六七八九十]{1,2})月?$/, (all, cn: string) => (CN_MONTH[cn] ? `${CN_MONTH[cn]}月` : all));
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月?$/.exec(text);
  const bare = /^(\d{1,2})月?$/.exec(text);
  const [y, mo] = iso
    ? [Number(iso[1]), Number(iso[2])]
    : bare
      ? [Number(today.slice(0, 4)), Number(bare[1])]
      : text === ''
        ? [Number(today.slice(0, 4)), Number(today.slice(5, 7))]
        : [0, 0];
  if (!y || mo < 1 || mo > 12) return null;
  return `${y}-${String(mo).padStart(2, '0')}`;
}
