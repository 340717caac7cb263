import { CANCEL, intentButton } from '../../chat/index.ts';
import type { DialogDef } from '../context.ts';
import { advance, changes, defOf, digress, start } from '../form.ts';
import { type DialogState, isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** After this many answers it cannot use, the bot offers a person instead of asking again. */
const MAX_TRIES = 3;
/** Mid-dialog, a different domain question this sure is a digression, not an answer. */
const SWITCH_CONFIDENCE = 0.6;
/** "那萧山呢", "重阳的呢": the same question about something else — answered again, not a correction. */
const FOLLOW_UP = /^(那|还有|换成)|呢[?？。!！]*$/;
/** A bare acknowledgement ("好的", "嗯", "不用了", "知道了"), which answers an optional question with nothing. */
const PLAIN_ACK = /^(好的?|好吧|嗯+|哦+|噢+|行|可以|知道了|明白了?|晓得了|不用了?|不需要|不要了?|没事了?|谢谢(你|您)?|ok)[啊呀吧了的哈啦。！!，,.~\s]*$/i;

/** A plain yes or no in words ("不用了谢谢", "好的 登记吧"); null when the words say neither. */
export function yesOrNo(text: string): 'yes' | 'no' | null {
  const t = text.trim();
  if (/^(不用|不要|不了|不必|不需要|算了|没事|暂时不|先不|不办)/.test(t)) return 'no';
  if (/^(好|要|可以|行|嗯|是的|是|对|确认|登记|办|麻烦|需要|(帮我|帮忙|给我|请)(登记|申请|办|提交))/.test(t)) return 'yes';
  if (/^(我要|我想)?申请(登记|吧|一下|了)?[。！!.\s]*$/.test(t)) return 'yes';
  return null;
}

/** The form waits for an answer or a yes/no: this message is read against it first. */
export async function pending(t: Turn): Promise<boolean> {
  const s = t.state;
  if (s === null || !isPending(s)) return false;
  t.intent = s.intent;
  if (s.awaiting === 'offer' || s.awaiting === 'confirm') await yesNo(t, s);
  else await slotAnswer(t, s);
  return true;
}

async function yesNo(t: Turn, s: DialogState): Promise<void> {
  const def = defOf(s.intent);
  const updates = t.readAll(def);
  if (Object.keys(updates).length > 0 && t.button === null) {
    // A fact said again is answered again, without claiming a change.
    if (changes(updates, s.slots) && !FOLLOW_UP.test(t.text.trim())) t.say(t.tr.t('corrected'));
    Object.assign(s.slots, updates);
    await advance(t, def, s);
    return;
  }
  const words = t.button === null ? yesOrNo(t.text) : null;
  if (t.button?.kind === 'yes' || (t.button === null && (words === 'yes' || (words === null && t.is('affirm'))))) {
    await accept(t, def, s);
    return;
  }
  if (t.button?.kind === 'no' || (t.button === null && (words === 'no' || (words === null && (t.is('deny') || t.is('thanks')))))) {
    t.say(t.tr.t(s.awaiting === 'confirm' ? 'confirm-declined' : 'offer-declined'));
    s.awaiting = 'done';
    return;
  }
  if (t.confidentDomain(SWITCH_CONFIDENCE) && t.understanding?.intent !== s.intent) {
    await digress(t, s, t.understanding?.intent as string);
    return;
  }
  if (t.button === null && (t.is('greeting') || t.is('help'))) {
    // A fresh "你好" leaves the pending yes/no behind, as a person would.
    t.say(t.tr.t(t.is('help') ? 'help' : 'greeting-reply'), t.menuButtons());
    t.state = null;
    return;
  }
  s.tries += 1;
  const confirm = s.awaiting === 'confirm';
  t.say(t.tr.t('yes-or-no'), [
    { label: t.tr.t(confirm ? 'button-confirm-report' : 'button-yes'), payload: 'y' },
    { label: t.tr.t(confirm ? 'button-cancel' : 'button-no-thanks'), payload: confirm ? CANCEL : 'n' },
  ]);
}

/** Yes to the offer or the confirmation: the dialog's accept, which may hand over to the next dialog. */
async function accept(t: Turn, def: DialogDef, s: DialogState): Promise<void> {
  const outcome = def.accept ? await def.accept(t.ctx, s.slots) : { lines: [t.tr.t('ok')], next: 'done' as const };
  t.show(outcome);
  s.awaiting = 'done';
  if (outcome.continueWith) {
    t.state = null;
    await start(t, outcome.continueWith.intent, outcome.continueWith.slots);
  }
}

async function slotAnswer(t: Turn, s: DialogState): Promise<void> {
  const def = defOf(s.intent);
  const spec = def.slots.find((x) => x.name === s.awaiting);
  const answer = spec && !(spec.personal && t.ctx.inGroup) ? spec.read(t.msg, t.ctx, true) : null;
  const others = t.readAll(def, s.awaiting);
  if ((answer && 'value' in answer) || Object.keys(others).length > 0) {
    if (answer && 'value' in answer) s.slots[s.awaiting] = answer.value;
    // Other facts said in passing fill gaps; they do not overwrite what was already answered.
    for (const [name, value] of Object.entries(others)) if (s.slots[name] === undefined) s.slots[name] = value;
    s.tries = 0;
    await advance(t, def, s, t.passingErrors(def, s.awaiting));
    return;
  }
  // An answer that is recognisably an attempt (a mistyped ID number) is corrected, not taken for a new topic.
  if (answer === null && t.confidentDomain(SWITCH_CONFIDENCE) && t.understanding?.intent !== s.intent) {
    await digress(t, s, t.understanding?.intent as string);
    return;
  }
  if (spec?.optional && PLAIN_ACK.test(t.text.trim())) {
    // "好的" / "不用了" to an optional question (the self-paid amount, to compute a figure): nothing more is needed.
    t.say(t.tr.t('optional-skipped'));
    s.awaiting = 'done';
    return;
  }
  if (t.is('greeting') || t.is('thanks')) {
    t.ask(def, s.awaiting);
    return;
  }
  const aside = answer !== null && 'error' in answer && answer.aside === true;
  if (!aside) s.tries += 1;
  if (s.tries >= MAX_TRIES) {
    exhausted(t, def, s);
    return;
  }
  const problem = answer && 'error' in answer ? t.tr.t(answer.error, answer.args) : t.tr.t('not-understood');
  t.ask(def, s.awaiting, problem);
}

/** Three answers the form could not use: a person is offered; a report half told keeps what was said. */
function exhausted(t: Turn, def: DialogDef, s: DialogState): void {
  const handoff = [
    { label: t.tr.t('menu-human_handoff'), payload: intentButton('human_handoff') },
    { label: t.tr.t('button-cancel'), payload: CANCEL },
  ];
  if (def.privateOnly) {
    s.tries = 0;
    t.say(t.tr.t('retries-exhausted-kept'), handoff);
    t.ask(def, s.awaiting);
    return;
  }
  t.say(t.tr.t('retries-exhausted'), handoff);
  t.state = null;
}
