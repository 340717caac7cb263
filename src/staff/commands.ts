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
  | { readonly kind: 'publicity'; readonly month: string };

export type CommandError = { readonly code: 'unknown_command' | 'missing_id' | 'missing_note' | 'bad_filter' | 'bad_month'; readonly command: string };

const COMMAND = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i;
const CASE_ID = /^(C\d{8}-\d{4,6})(?:\s+([\s\S]*))?$/i;
const FILTERS = ['open', 'mine', 'overdue', 'all', ...CASE_TYPES] as const;

/**
 * Reads a staff command. Returns null when the text is not a command at all, so ordinary messages go on to the NLU.
 * `/publicity` takes 2026-11, 2026年11月 or 11月 (this year).
 */
export function parseCommand(text: string, today: string): { ok: true; command: StaffCommand } | { ok: false; error: CommandError } | null {
  const m = COMMAND.exec(text.trim());
  if (!m) return null;
  const name = (m[1] as string).toLowerCase();
  const rest = (m[2] ?? '').trim();
  const fail = (code: CommandError['code']) => ({ ok: false as const, error: { code, command: name } });
  switch (name) {
    case 'cases': {
      const filter = (rest || 'open').toLowerCase();
      return (FILTERS as readonly string[]).includes(filter) ? { ok: true, command: { kind: 'list', filter: filter as ListFilter } } : fail('bad_filter');
    }
    case 'case':
    case 'claim':
    case 'resolve':
    case 'reject':
    case 'note': {
      const id = CASE_ID.exec(rest);
      if (!id) return fail('missing_id');
      const caseId = (id[1] as string).toUpperCase();
      const note = (id[2] ?? '').trim();
      if (name === 'case') return { ok: true, command: { kind: 'show', id: caseId } };
      if (name === 'claim') return { ok: true, command: { kind: 'claim', id: caseId } };
      if (!note) return fail('missing_note');
      return { ok: true, command: { kind: name, id: caseId, note: note.slice(0, 500) } };
    }
    case 'publicity': {
      const month = parseMonth(rest, today);
      return month ? { ok: true, command: { kind: 'publicity', month } } : fail('bad_month');
    }
    default:
      return fail('unknown_command');
  }
}

function parseMonth(text: string, today: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月?$/.exec(text);
  const bare = /^(\d{1,2})月?$/.exec(text);
  const [y, mo] = iso ? [Number(iso[1]), Number(iso[2])] : bare ? [Number(today.slice(0, 4)), Number(bare[1])] : text === '' ? [Number(today.slice(0, 4)), Number(today.slice(5, 7))] : [0, 0];
  if (!y || mo < 1 || mo > 12) return null;
  return `${y}-${String(mo).padStart(2, '0')}`;
}
