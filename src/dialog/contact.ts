import { isQuestion } from '../nlu/cues.ts';
import { findPhones, parseName } from '../nlu/slots/index.ts';
import { communityIn } from './slots.ts';

/** How to reach someone, as a case keeps it (src/cases/schemas.ts). */
export interface Contact {
  contactName?: string;
  contactPhone?: string;
  community?: string;
}

/** "我叫…", "名字是…", "本人…": a name told as the writer's own. */
const OWN_NAME = /我叫|我是|本人|名字(是|叫)?|姓名/;
/** A community alone ("小河街道长乐社区") is a contact only when the message is short. */
const SHORT = 20;

/**
 * "我叫任建新 电话13486172035 古荡街道嘉绿苑社区": the writer's name, phone and community, told to be reached on.
 * Empty for a question or a message that tells none of them.
 */
export function contactIn(text: string): Contact {
  if (isQuestion(text)) return {};
  const name = OWN_NAME.test(text) ? parseName(text) : undefined;
  const [phone] = findPhones(text);
  const community = phone || name || text.length <= SHORT ? communityIn(text) : null;
  return {
    ...(name ? { contactName: name } : {}),
    ...(phone ? { contactPhone: phone.phone } : {}),
    ...(community ? { community } : {}),
  };
}
