import { PERSONAL_FIELDS } from '../cases/index.ts';
import { SHANGHAI_OFFSET_MS } from '../clock.ts';
import type { Translator } from '../i18n/index.ts';
import { maskIdNumber, maskPhone, maskText } from '../privacy/mask.ts';
import type { CaseRecord, Json } from '../store/types.ts';

/** Case texts for staff. Personal fields are masked unless `full` (a staff member's private chat). */

export function formatTime(epochMs: number): string {
  const t = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

/** 2026-11-21 10:00 (Shanghai), with seconds when asked: the audit trail's times, year included. */
export function formatDateTime(epochMs: number, seconds = false): string {
  const iso = new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)}`;
}

/** 张建国 → 张**: enough for staff to recognise, not enough to identify in a group. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

function maskValue(field: string, value: Json): string {
  const text = String(value);
  if (field === 'idNumber') return maskIdNumber(text);
  if (field.toLowerCase().includes('phone')) return maskPhone(text);
  if (field.toLowerCase().includes('name')) return maskName(text);
  return '***';
}

export function fieldText(tr: Translator, field: string, value: Json, full: boolean): string {
  if (value === null || value === undefined) return '';
  // Personal fields are masked whole; any other text (a community typed freely) has numbers masked inside it.
  // Codes stored in a case (route not_covered, reason handoff, housing rented) are shown in words.
  const coded = typeof value === 'string' ? tr.maybe(`value-${field}-${value}`) : null;
  const shown = coded
    ? coded
    : full
      ? typeof value === 'boolean'
        ? tr.t(value ? 'value-yes' : 'value-no')
        : String(value)
      : PERSONAL_FIELDS.includes(field)
        ? maskValue(field, value)
        : typeof value === 'boolean'
          ? tr.t(value ? 'value-yes' : 'value-no')
          : maskText(String(value));
  return `${tr.maybe(`field-${field}`) ?? field}：${shown}`;
}

export function caseLine(tr: Translator, c: CaseRecord, now: number): string {
  const active = c.status === 'open' || c.status === 'claimed';
  const overdue = c.dueAt !== null && c.dueAt < now && active;
  return tr.t('case-line', {
    // A decided case has no due date left to meet.
    state: !active ? 'closed' : c.dueAt === null ? 'none' : overdue ? 'overdue' : 'due',
    id: c.id,
    type: tr.t(`case-type-${c.type}`),
    status: tr.t(`case-status-${c.status}`),
    due: c.dueAt === null ? '' : formatTime(c.dueAt),
    overdue: overdue ? 'yes' : 'no',
    region: typeof c.fields.region === 'string' ? c.fields.region : typeof c.fields.to === 'string' ? c.fields.to : tr.t('case-region-unknown'),
  });
}

export function caseDetail(tr: Translator, c: CaseRecord, full: boolean, now: number): string {
  const lines = [caseLine(tr, c, now)];
  for (const [field, value] of Object.entries(c.fields)) {
    const text = fieldText(tr, field, value, full);
    if (text) lines.push(`· ${text}`);
  }
  if (c.assignee) lines.push(tr.t('case-assignee', { who: c.assignee }));
  for (const e of c.history) {
    const note = e.note === undefined ? '' : full ? e.note : maskText(e.note);
    lines.push(tr.t('case-event', { at: formatTime(e.at), action: tr.t(`case-action-${e.action}`), note }));
  }
  if (!full) lines.push(tr.t('case-masked-note'));
  return lines.join('\n');
}

/** A case's fields for a machine reader (the console's JSON API): personal fields masked whole, numbers in other text masked. */
export function maskedFields(c: CaseRecord): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [field, value] of Object.entries(c.fields)) {
    if (value === null || typeof value === 'boolean' || typeof value === 'number') out[field] = value;
    else if (PERSONAL_FIELDS.includes(field)) out[field] = maskValue(field, value);
    else if (field === 'community') out[field] = '***';
    else out[field] = typeof value === 'string' ? maskText(value) : value;
  }
  return out;
}
