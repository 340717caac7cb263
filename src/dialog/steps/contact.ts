import { amendCase, type CaseFields, type CaseType } from '../../cases/index.ts';
import { contactIn } from '../contact.ts';
import { FILED } from '../forms/common.ts';
import type { Turn } from '../turn.ts';

/**
 * "我叫任建新 电话134… 古荡街道嘉绿苑社区" right after a case was filed: how to reach the writer, added to that case
 * (staff call back on it) — in a private chat only; a group never takes personal data.
 */
export async function caseContact(t: Turn): Promise<boolean> {
  const s = t.state;
  const id = s?.slots[FILED];
  if (t.button !== null || t.incoming.group || !s || s.awaiting !== 'done' || typeof id !== 'string') return false;
  const contact = contactIn(t.normalized);
  const told = Object.keys(contact);
  if (told.length === 0) return false;
  const current = await t.ctx.store.getCase(id);
  if (!current) return false;
  const amended = await amendCase(t.ctx.store, {
    id,
    type: current.type as CaseType,
    user: t.user,
    fields: { ...current.fields, ...contact } as CaseFields<CaseType>,
    now: t.incoming.now,
    describe: (changed) => t.tr.t('case-amended-note', { fields: changed.map((f) => t.tr.t(`field-${f}`)).join(t.tr.t('list-enum')) }),
  });
  if (!amended.ok) return false;
  if (amended.changed.length > 0) t.ctx.cases.push({ id, type: current.type, status: amended.value.status });
  const what = told.map((f) => t.tr.t(`field-${f}`)).join(t.tr.t('list-enum'));
  t.say(t.tr.t(amended.changed.length > 0 ? 'case-contact-added' : 'case-contact-same', { id, what }));
  t.intent = s.intent;
  return true;
}
