import { isFollowUp, isQuestion } from '../../nlu/cues.ts';
import { QUESTION } from '../context.ts';
import { STAFF_RULE } from '../forms/staff-rule.ts';
import type { DialogState } from '../state.ts';
import type { Turn } from '../turn.ts';

/** Longer than this, a message says enough to be read alone. */
const SHORT = 16;

/** The words the topic in front of the user was asked in (a staff rule, a budget item or side), or the topic's name. */
function leadOf(t: Turn, s: DialogState): string | null {
  if (typeof s.slots[QUESTION] === 'string') return s.slots[QUESTION];
  if (s.intent === STAFF_RULE) return null;
  const focus = s.slots.focus;
  if (typeof focus === 'string' && focus.includes(':')) return focus.slice(focus.indexOf(':') + 1);
  return t.tr.maybe(`topic-${s.intent}`);
}

/**
 * "在哪办", "乡镇呢", "从哪年开始", "这个要去申请吗": a short question nothing answered alone is read again with the
 * topic in front of the user (as a person hears it), once. True when it will be.
 */
export function readAgainInContext(t: Turn): boolean {
  const s = t.state;
  if (t.rereading || s === null || t.button !== null) return false;
  const text = t.normalized;
  if (text.length > SHORT || !(isQuestion(text) || isFollowUp(text))) return false;
  const lead = leadOf(t, s);
  if (!lead) return false;
  t.readInContext(lead);
  return true;
}
