import { isApplyRequest, itemIntentOf } from '../../nlu/cues.ts';
import { hasPersonalNumber } from '../../privacy/mask.ts';
import { defOf } from '../form.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** In a group, a message not addressed to the bot is answered only when the NLU is this sure it is a question for it. */
const GROUP_CONFIDENCE = 0.75;
/** Sure enough that a message is a new question rather than chatter around an answer. */
const QUESTION_CONFIDENCE = 0.6;

/**
 * The user's dialog is waiting in their private chat: personal numbers posted in the group get a warning (never an
 * echo), and a message to the bot that starts nothing new is pointed to the private chat.
 */
export function awayInPrivate(t: Turn): boolean {
  const { incoming, away } = t;
  if (!incoming.group || !away || isPending(t.state) || t.button !== null) return false;
  if (hasPersonalNumber(t.text)) {
    // Never echoed nor kept from the group; the form that waits in private asks for it there.
    t.say(t.tr.t('personal-data-in-group'));
    t.sayPrivately(t.tr.t('personal-data-send-here', { topic: t.tr.t(`topic-${away.intent}`) }));
    t.intent = away.intent;
    return true;
  }
  // "帮我登记" in the group while the offer waits in private: that offer's, answered there, never a new topic.
  const applies = isApplyRequest(t.normalized) && itemIntentOf(t.normalized) === null;
  if (incoming.mention && (applies || (!t.confidentDomain(QUESTION_CONFIDENCE) && !t.is('greeting') && !t.is('help')))) {
    t.say(t.tr.t('continue-in-private', { topic: t.tr.t(`topic-${away.intent}`) }));
    t.intent = away.intent;
    return true;
  }
  return false;
}

/** A group message not meant for the bot gets no reply (a correction of the answer just given is meant for it). */
export function groupChatter(t: Turn): boolean {
  const { incoming, state } = t;
  if (!incoming.group || incoming.mention || isPending(state) || t.button !== null) return false;
  const correction = state !== null && Object.keys(t.readAll(defOf(state.intent))).length > 0 && !t.confidentDomain(QUESTION_CONFIDENCE);
  if (correction || t.confidentDomain(GROUP_CONFIDENCE)) return false;
  t.intent = t.understanding?.intent ?? null;
  return true;
}

/** The dialog that waited expired: said once, before whatever this message brings. */
export function expiredNote(t: Turn): boolean {
  if (t.expiredTopic !== null) t.say(t.tr.t('dialog-expired'));
  return false;
}

/**
 * A message to the bot in a group with an ID number, phone or bank card in it: the group is told not to post such
 * numbers (never echoed), and the answer goes to the private chat.
 */
export function personalInGroup(t: Turn): boolean {
  if (!t.incoming.group || t.home !== t.incoming.chat || !hasPersonalNumber(t.text)) return false;
  t.say(t.tr.t('personal-data-in-group'));
  t.moveToPrivate(t.understanding?.intent ?? 'human_handoff');
  return false;
}
