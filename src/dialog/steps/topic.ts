import { DOMAIN_INTENTS } from '../../nlu/index.ts';
import { advance, changes, defOf, start } from '../form.ts';
import type { Turn } from '../turn.ts';

const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_INTENTS);
/** Sure enough that a message is a new question rather than a correction of the answer just given. */
const NEW_QUESTION = 0.6;
/** "那萧山呢", "重阳的呢": the same question about something else — answered again, not a correction. */
const FOLLOW_UP = /^(那|还有|换成)|呢[?？。!！]*$/;

/** "不对，是一万五": a correction of the question just answered, answered again with it. */
export async function correctAnswered(t: Turn): Promise<boolean> {
  const { state } = t;
  if (state?.awaiting !== 'done' || !t.understanding || t.confidentDomain(NEW_QUESTION)) return false;
  const def = defOf(state.intent);
  const updates = t.readAll(def);
  if (Object.keys(updates).length === 0) return false;
  if (changes(updates, state.slots) && !FOLLOW_UP.test(t.text.trim())) t.say(t.tr.t('corrected'));
  Object.assign(state.slots, updates);
  await advance(t, def, state);
  t.intent = state.intent;
  return true;
}

/** A question of the domain starts its dialog. */
export async function newTopic(t: Turn): Promise<boolean> {
  const u = t.understanding;
  if (!u || !DOMAIN.has(u.intent)) return false;
  t.state = null;
  t.intent = u.intent;
  await start(t, u.intent);
  return true;
}
