import { intentButton } from '../../chat/index.ts';
import { saysWhereTheyLive } from '../../nlu/cues.ts';
import { DIALOGS } from '../forms/index.ts';
import type { Turn } from '../turn.ts';
import { readAgainInContext } from './context.ts';

/** What a message is as a whole, whatever topic is in front of the user. */
const DIALOG_ACTS: ReadonlySet<string> = new Set(['greeting', 'help', 'thanks', 'affirm', 'deny']);

/** Nothing readable (only spaces, only emoji): the menu, where the bot was addressed. */
export function emptyText(t: Turn): boolean {
  if (t.understanding) return false;
  if (!t.incoming.group || t.incoming.mention) t.say(t.tr.t('empty-message'), t.menuButtons());
  return true;
}

/** Greetings, thanks, a yes or no with nothing pending, and what the bot cannot answer. */
export function smallTalk(t: Turn): boolean | 'again' {
  if (!DIALOG_ACTS.has(t.understanding?.intent ?? '') && readAgainInContext(t)) return 'again';
  const intent = t.understanding?.intent ?? 'out_of_scope';
  t.intent = intent;
  const region = t.understanding?.slots.region;
  if (region && saysWhereTheyLive(t.normalized) && (intent === 'greeting' || intent === 'out_of_scope')) {
    // "你好 我住拱墅区的": kept for the questions that follow, and said so.
    t.profile.region = region;
    t.say(t.tr.t('region-noted', { region }), t.menuButtons());
  } else if (intent === 'greeting' || intent === 'help') {
    t.say(t.tr.t(intent === 'help' ? 'help' : 'greeting-reply'), t.menuButtons());
  } else if (intent === 'thanks') {
    t.say(t.tr.t('thanks-reply'));
  } else if (t.expiredTopic && DIALOGS.has(t.expiredTopic)) {
    // "西湖区" 40 minutes after the question: the answer to a dialog that has ended. Offer to start it again.
    const topic = t.tr.t(`topic-${t.expiredTopic}`);
    const again = intentButton(t.expiredTopic);
    t.say(t.tr.t('expired-restart', { topic }), [
      { label: t.tr.t('button-restart', { topic }), payload: again },
      ...t
        .menuButtons()
        .filter((b) => b.payload !== again)
        .slice(0, 3),
    ]);
  } else {
    t.say(t.tr.t(intent === 'affirm' || intent === 'deny' ? 'act-no-context' : 'out-of-scope'), t.menuButtons());
  }
  return true;
}
