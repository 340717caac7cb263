import { findRegion } from '../rules/index.ts';
import type { Json } from '../store/types.ts';
import type { DialogDef, SlotSpec, Slots } from './context.ts';
import { DIALOGS } from './forms/index.ts';

/** A dialog left this long without an answer is dropped, with a note the next time the user writes. */
export const IDLE_MS = 30 * 60_000;
export const SESSION_TTL_MS = 24 * 3600_000;

/**
 * A dialog as stored between turns. `awaiting` is the slot just asked, 'offer' / 'confirm' (a yes/no pending), or
 * 'done' (answered: the topic follow-ups, corrections and "登记" refer to).
 */
export interface DialogState {
  intent: string;
  slots: Slots;
  awaiting: string;
  tries: number;
  /** The dialog this one interrupted (a question asked mid-form that needed the district first): resumed after. */
  parent?: DialogState;
}

export const YES_NO: ReadonlySet<string> = new Set(['offer', 'confirm']);

/** Waiting for something from the user (an answer or a yes/no), as opposed to an answered topic. */
export const isPending = (s: DialogState | null): boolean => s !== null && s.awaiting !== 'done';

/** When the dialog was last written, by the messages' clock (not the store's), so idleness follows the conversation. */
export function sessionTime(data: Json | undefined): number | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const at = (data as { at?: Json }).at;
  return typeof at === 'number' ? at : null;
}

export function stateOf(data: Json | undefined): DialogState | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  return dialogOf((data as { dialog?: Json }).dialog, 1);
}

/** A stored dialog, with at most `depth` interrupted dialogs under it. */
function dialogOf(d: Json | undefined, depth: number): DialogState | null {
  if (!d || typeof d !== 'object' || Array.isArray(d)) return null;
  const { intent, slots, awaiting, tries, parent } = d as Record<string, Json>;
  if (typeof intent !== 'string' || !DIALOGS.has(intent) || typeof awaiting !== 'string') return null;
  const under = depth > 0 ? dialogOf(parent, depth - 1) : null;
  return {
    intent,
    slots: (slots && typeof slots === 'object' && !Array.isArray(slots) ? slots : {}) as Slots,
    awaiting,
    tries: typeof tries === 'number' ? tries : 0,
    ...(under ? { parent: under } : {}),
  };
}

/**
 * What is kept of a dialog once it no longer waits for anything: the topic and its facts, without the personal data a
 * form collected (names, ID numbers, phones), which live only as long as the form does.
 */
export function withoutPersonal(s: DialogState): DialogState {
  const def = DIALOGS.get(s.intent);
  if (!def) return s;
  const personal = new Set(def.slots.filter((spec) => spec.personal).map((spec) => spec.name));
  if (personal.size === 0) return s;
  const slots: Slots = {};
  for (const [name, value] of Object.entries(s.slots)) if (!personal.has(name)) slots[name] = value;
  return { ...s, slots };
}

/** Every slot a form declares personal, by name, in any dialog. */
const PERSONAL_SLOTS: ReadonlySet<string> = new Set([...DIALOGS.values()].flatMap((def) => def.slots.filter((s) => s.personal).map((s) => s.name)));

/** A value that tells nothing about a person: a district, an amount, a code (an intent, a slot's name, "own"). */
const closedValue = (text: string): boolean => /^\d{1,6}(?:\.\d{1,2})?$/.test(text) || /^[a-z]+(?:[A-Z_][a-z]+)*$/.test(text) || findRegion(text) !== undefined;

/**
 * Whether data kept between turns holds anything personal (issue 12): a slot a form declares personal, or any free
 * text (a question as asked may name anyone). The store seals what does; districts, amounts and codes alone it keeps
 * as they are, since sealing them would cost every turn for nothing.
 */
export function holdsPersonal(data: Json): boolean {
  if (typeof data === 'string') return !closedValue(data);
  if (data === null || typeof data !== 'object') return false;
  if (Array.isArray(data)) return data.some(holdsPersonal);
  return Object.entries(data).some(([name, value]) => PERSONAL_SLOTS.has(name) || holdsPersonal(value));
}

/** The questions of a form still to be answered, in order (optional ones and those that do not apply left out). */
export function missingSlots(def: DialogDef, slots: Slots): SlotSpec[] {
  return def.slots.filter((spec) => !spec.optional && (spec.when?.(slots) ?? true) && slots[spec.name] === undefined);
}

/** Where a dialog moved to the user's private chat, so that their group messages meanwhile can be pointed there. */
export interface AwayMark {
  readonly intent: string;
  readonly at: number;
}

/**
 * The topic a user last had answered in a group, kept on their profile without personal data: "那建德呢" written to
 * the bot in private right after a group answer follows that answer up. Null when none, or idle.
 */
export function groupTopicOf(profile: { readonly [key: string]: Json }, now: number): DialogState | null {
  const kept = profile.groupTopic;
  if (!kept || typeof kept !== 'object' || Array.isArray(kept)) return null;
  const { at } = kept as Record<string, Json>;
  if (typeof at !== 'number' || now - at > IDLE_MS) return null;
  const s = dialogOf((kept as Record<string, Json>).dialog, 0);
  return s && s.awaiting === 'done' ? s : null;
}

export function awayOf(profile: { readonly [key: string]: Json }, now: number): AwayMark | null {
  const mark = profile.privateDialog;
  if (!mark || typeof mark !== 'object' || Array.isArray(mark)) return null;
  const { intent, at } = mark as Record<string, Json>;
  return typeof intent === 'string' && typeof at === 'number' && now - at <= IDLE_MS ? { intent, at } : null;
}
