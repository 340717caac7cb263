import { isApplyRequest, isCancel, wantsToApply } from '../../nlu/cues.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** "算了" or the cancel button ends whatever waits; "聊城" mistaken for a cancel still carries a slot, so it is an answer. */
export function cancel(t: Turn): boolean {
  const u = t.understanding;
  // "算了，我先问问我哥再报" is a cancel whatever else it names, while something waits.
  // "帮我办了" asks to have it done: a classifier's cancel is not enough against a request without a cancel word.
  const request = (isApplyRequest(t.normalized) || wantsToApply(t.normalized)) && !isCancel(t.normalized);
  const said =
    (u !== null && u.intent === 'cancel' && u.confidence >= 0.6 && Object.keys(u.slots).length === 0 && !request) ||
    (isPending(t.state) && isCancel(t.normalized));
  if (t.button?.kind !== 'cancel' && !said) return false;
  t.say(t.tr.t(isPending(t.state) ? 'cancelled' : 'cancel-nothing'));
  t.state = null;
  t.intent = 'cancel';
  return true;
}
