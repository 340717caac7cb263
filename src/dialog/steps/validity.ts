import { formatDate, renderCitations } from '../../answers/index.ts';
import { aspectsOf, namesThisText } from '../../nlu/cues.ts';
import { DOCUMENTS, documentNamedIn, documentStatus, findRegion, type PolicyDocument } from '../../rules/index.ts';
import { verdict } from '../answers.ts';
import { defOf } from '../form.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/**
 * "长政办发〔2020〕10号现在还能用吗", "长沙那个办法还管用吗", "这个文件还在有效期吗": whether a text is in force, from its
 * own validity clause, asked by anyone at any point; a form that waits asks its question again after.
 */
export async function documentValidity(t: Turn): Promise<boolean> {
  if (t.button !== null || !aspectsOf(t.normalized).includes('validity')) return false;
  const doc = documentNamedIn(t.normalized) ?? (namesThisText(t.normalized) ? documentInFront(t) : null);
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
  return true;
}

/** The text of the district the conversation is about. */
function documentInFront(t: Turn): PolicyDocument | null {
  const region = t.state?.slots.region ?? t.profile.region;
  const doc = typeof region === 'string' ? findRegion(region)?.doc : null;
  return doc ? DOCUMENTS[doc] : null;
}
