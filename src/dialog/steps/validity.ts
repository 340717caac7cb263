import { formatDate, renderCitations } from '../../answers/index.ts';
import { aspectsOf, isFollowUp, namesThisText } from '../../nlu/cues.ts';
import { DOCUMENTS, type DocId, documentNamedIn, documentStatus, findRegion, type PolicyDocument } from '../../rules/index.ts';
import { verdict } from '../answers.ts';
import { QUESTION } from '../context.ts';
import { defOf } from '../form.ts';
import { STAFF_RULE } from '../forms/staff-rule.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/**
 * "长政办发〔2020〕10号现在还能用吗", "长沙那个办法还管用吗", "这个文件还在有效期吗": whether a text is in force, from its
 * own validity clause, asked by anyone at any point; a form that waits asks its question again after.
 */
export async function documentValidity(t: Turn): Promise<boolean> {
  if (t.button !== null) return false;
  // "那聊城那个呢" after a text's validity: the same question of another text.
  const again = t.state?.intent === STAFF_RULE && t.state.slots.rule === VALIDITY && isFollowUp(t.normalized);
  if (!again && !aspectsOf(t.normalized).includes('validity')) return false;
  // "那里面说30天内报 还作数吗" after a text's validity: the text just asked about.
  const asked = t.state?.intent === STAFF_RULE && t.state.slots.rule === VALIDITY ? DOCUMENTS[t.state.slots.doc as DocId] : undefined;
  const inFront = asked ?? (namesThisText(t.normalized) || /里面|上面|里头|那个|这个/.test(t.normalized) ? documentInFront(t) : null);
  const doc = documentNamedIn(t.normalized) ?? documentOfRegion(t.understanding?.slots.region) ?? inFront ?? null;
  if (!doc) return false;
  const status = documentStatus(doc, t.ctx.asOf);
  const args = {
    title: doc.title,
    number: doc.docNumber ?? '',
    from: formatDate(t.tr, doc.effectiveFrom),
    until: doc.lastDay ? formatDate(t.tr, doc.lastDay) : '',
  };
  const line = t.tr.t(`validity-${status}`, args);
  const lead = verdict(t.normalized, line, status === 'in_force');
  t.say(`${lead}${line}\n${renderCitations(t.tr, [doc.validity])}`);
  const s = t.state;
  if (s && isPending(s) && s.awaiting !== 'offer' && s.awaiting !== 'confirm') t.ask(defOf(s.intent), s.awaiting, t.tr.t('resume'));
  // Nothing waits: the question stays the topic, for "那聊城那个呢".
  else t.state = { intent: STAFF_RULE, slots: { rule: VALIDITY, doc: doc.id, [QUESTION]: t.askedIn }, awaiting: 'done', tries: 0 };
  return true;
}

/** The rule kept as the topic after a text's validity is answered. */
const VALIDITY = 'validity';

/** The text of a district ("郑州" → the Henan text). */
function documentOfRegion(region: unknown): PolicyDocument | null {
  const doc = typeof region === 'string' ? findRegion(region)?.doc : null;
  return doc ? DOCUMENTS[doc] : null;
}

/** The text of the district the conversation is about. */
const documentInFront = (t: Turn): PolicyDocument | null => documentOfRegion(t.state?.slots.region ?? t.profile.region);
