import { asksAboutPrivacy, isFollowUp, isQuestion, itemIntentOf, namesHeadCount, reportsDeath } from '../../nlu/cues.ts';
import { fundTopicOf } from '../../staff/index.ts';
import { QUESTION } from '../context.ts';
import { defOf } from '../form.ts';
import { PROVISION, STAFF_RULE } from '../forms/staff-rule.ts';
import { provisionAnswer } from '../provisions.ts';
import { recallFact } from '../recall.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** A follow-up of the answer just given is short. */
const SHORT = 10;
/** A question short enough to lean on the provision just answered ("档案移交前单位要做啥"). */
const SHORT_FOLLOW_UP = 16;

/**
 * "退休后的工伤待遇找谁", "聊城 企业交人过来 要填什么表", "有没有高龄补贴": a rule of the text that no topic answers, said
 * from its clause — the district's text when it is known, otherwise each text that has it, named. A question only;
 * a form that waits asks its question again after.
 */
export function provision(t: Turn): boolean {
  // A death in the family told is the report's (its questions answered there); a neighbour's is a question.
  if (t.button !== null || !isQuestion(t.normalized) || reportsDeath(t.normalized)) return false;
  // "核算8万 评估良好 半年拨多少", "移交800个退休人员 管理费用算多少": a sum to work out is the budget's.
  if (t.understanding?.slots.amount !== undefined || namesHeadCount(t.normalized)) return false;
  // "基本信息表一式几份": how many copies is the forms' own count (a staff rule), not who fills them in.
  if (fundTopicOf(t.normalized) === 'form_copies') return false;
  const said = t.understanding?.slots.region;
  const known = typeof said === 'string' ? said : typeof t.state?.slots.region === 'string' ? t.state.slots.region : t.profile.region;
  // "要填啥表" right after an answer, the district unknown: the topic in front asks it, not every text.
  const afterRule = t.state?.intent === STAFF_RULE && t.state.slots.rule === PROVISION;
  const followsUp = t.state?.awaiting === 'done' && t.normalized.length <= SHORT && !afterRule;
  if (!known && followsUp) return false;
  // "档案呢", "企退之家那项几分" after a provision's answer: the district's fact the new words point at.
  // A question naming an item or a 公示's fields is that item's (or the privacy step's), not a fact recalled.
  const recalled =
    afterRule &&
    known &&
    !t.rereading &&
    (isFollowUp(t.normalized) || t.normalized.length <= SHORT_FOLLOW_UP) &&
    itemIntentOf(t.normalized) === null &&
    !asksAboutPrivacy(t.normalized);
  const lines = provisionAnswer(t.tr, t.ctx.asOf, t.normalized, known) ?? (recalled ? recallFact(t.tr, t.ctx.asOf, known, t.normalized) : null);
  if (!lines) return false;
  if (typeof said === 'string') t.profile.region = said;
  const s = t.state;
  // Reported as first asked: a rule asked again keeps the intent it was asked as.
  const before = s?.intent === STAFF_RULE ? s.slots.askedAs : undefined;
  const askedAs = typeof before === 'string' ? before : (t.understanding?.intent ?? null);
  t.intent = s?.intent ?? t.understanding?.intent ?? null;
  if (s && isPending(s) && s.awaiting !== 'offer' && s.awaiting !== 'confirm') {
    t.ask(defOf(s.intent), s.awaiting, `${lines}\n\n${t.tr.t('resume')}`);
    return true;
  }
  t.say(lines);
  // The rule stays the topic: "那长沙呢" asks it again of another district.
  if (!isPending(s))
    t.state = {
      intent: STAFF_RULE,
      slots: { rule: PROVISION, [QUESTION]: t.askedIn, askedAs, ...(known ? { region: known } : {}) },
      awaiting: 'done',
      tries: 0,
    };
  return true;
}
