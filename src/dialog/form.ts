import type { DialogDef, Outcome, Slots } from './context.ts';
import { offerButtons } from './forms/common.ts';
import { DIALOGS } from './forms/index.ts';
import { type DialogState, missingSlots } from './state.ts';
import type { Turn } from './turn.ts';

/**
 * The form machinery every dialog shares: start a dialog with what the message told, ask what is missing, answer when
 * nothing is, and come back to an interrupted dialog.
 */

export const defOf = (intent: string): DialogDef => DIALOGS.get(intent) as DialogDef;

/** The answer without the question it ends with (an offer's, or an optional slot's: always the last line). */
export const answerOnly = (outcome: Outcome): readonly string[] =>
  outcome.next === 'offer' || outcome.awaiting !== undefined ? outcome.lines.slice(0, -1) : outcome.lines;

/** Whether facts read from a message differ from what the dialog holds (a repeat is no correction). */
export const changes = (updates: Slots, slots: Slots): boolean =>
  Object.entries(updates).some(([name, value]) => JSON.stringify(slots[name]) !== JSON.stringify(value));

const usesRegion = (def: DialogDef) => def.slots.some((spec) => spec.name === 'region');

/** Asks the next missing question, or answers when nothing is missing. */
export async function advance(t: Turn, def: DialogDef, s: DialogState, errors?: Map<string, string>): Promise<void> {
  const [missing] = missingSlots(def, s.slots);
  if (missing) {
    s.awaiting = missing.name;
    t.ask(def, missing.name, errors?.get(missing.name));
    return;
  }
  const outcome = await def.finish(t.ctx, s.slots);
  if (typeof s.slots.region === 'string' && def.intent !== 'report_death') t.profile.region = s.slots.region;
  if (s.parent) {
    // A question asked mid-form, answered: its follow-ups (offers) give way to the form it interrupted.
    for (const line of answerOnly(outcome)) t.say(line);
    await resume(t, s.parent, s.slots.region);
    return;
  }
  t.show(outcome);
  s.awaiting = outcome.awaiting ?? outcome.next;
  s.tries = 0;
}

/** Back to an interrupted dialog, with the district the interruption established if it had none. */
export async function resume(t: Turn, parent: DialogState, region: Slots[string] | undefined): Promise<void> {
  const def = defOf(parent.intent);
  if (parent.slots.region === undefined && typeof region === 'string' && usesRegion(def)) parent.slots.region = region;
  t.state = parent;
  if (parent.awaiting === 'offer' || parent.awaiting === 'confirm') {
    t.say(t.tr.t('resume-offer'), offerButtons(t.ctx, 'button-yes'));
    return;
  }
  t.say(t.tr.t('resume'));
  await advance(t, def, parent);
}

/** Starts a dialog with what the message told (and what is `known`); a private one moves out of a group first. */
export async function start(t: Turn, intent: string, known: Slots = {}): Promise<void> {
  const def = DIALOGS.get(intent);
  if (!def) return;
  const other = def.handOver?.({ ...known, ...t.readAll(def) });
  if (other && other.intent !== intent && DIALOGS.has(other.intent)) {
    await start(t, other.intent, other.slots);
    return;
  }
  if (def.privateOnly && t.incoming.group) {
    // Personal data is never asked for in a group: a short word there, the rest in private.
    t.say(t.tr.t(`${intent}-move-private`));
    t.moveToPrivate(intent);
  }
  const s: DialogState = { intent, slots: { ...known, ...t.readAll(def) }, awaiting: '', tries: 0 };
  if (s.slots.region === undefined && t.profile.region && usesRegion(def)) s.slots.region = t.profile.region;
  if (def.privateOnly) t.say([t.tr.t(`${intent}-opening`), ...(def.opening?.(t.ctx, s.slots) ?? [])].join('\n'));
  t.state = s;
  await advance(t, def, s);
}

/** A one-turn answer to another question, then back to the pending one; otherwise the new topic takes over. */
export async function digress(t: Turn, current: DialogState, intent: string): Promise<void> {
  t.intent = intent;
  const def = DIALOGS.get(intent);
  if (!def) return;
  const slots = t.readAll(def);
  const knownRegion = typeof current.slots.region === 'string' ? current.slots.region : t.profile.region;
  if (slots.region === undefined && knownRegion && usesRegion(def)) slots.region = knownRegion;
  const missing = missingSlots(def, slots);
  if (!def.privateOnly && missing.length === 0) {
    const outcome = await def.finish(t.ctx, slots);
    for (const line of answerOnly(outcome)) t.say(line);
    await resume(t, current, slots.region);
    return;
  }
  if (!def.privateOnly && missing.length === 1 && missing[0]?.name === 'region') {
    // Only the district is missing: ask it, answer, then come back to the form (which may take the district).
    const { parent: _dropped, ...interrupted } = current;
    t.state = { intent, slots, awaiting: 'region', tries: 0, parent: interrupted };
    t.ask(def, 'region');
    return;
  }
  t.say(t.tr.t('dialog-switched', { topic: t.tr.t(`topic-${current.intent}`) }));
  t.state = null;
  await start(t, intent);
}
