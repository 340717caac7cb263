import type { Logger } from 'pino';
import { formatDate } from '../answers/index.ts';
import type { Care } from '../care/service.ts';
import { type Button, type ButtonAction, type CaseRef, type Incoming, intentButton, type Outgoing, parseButton, Replies, slotButton } from '../chat/index.ts';
import { shanghaiIsoDate } from '../clock.ts';
import type { Translator } from '../i18n/index.ts';
import { DOMAIN_INTENTS, normalize, type Understanding, type UnderstandOptions } from '../nlu/index.ts';
import { maskText } from '../privacy/mask.ts';
import type { CaseRoute, Roster, StaffChat, StaffMember } from '../staff/index.ts';
import type { CaseRecord, Json, Store, TurnRead, TurnResult, TurnWrites } from '../store/types.ts';
import type { DialogDef, Msg, Outcome, Slots, TurnCtx } from './context.ts';
import { FILED } from './forms/common.ts';
import { reportedIntent } from './forms/index.ts';
import { STAFF_RULE } from './forms/staff-rule.ts';
import { NAME_SLOTS } from './slots.ts';
import {
  type AwayMark,
  awayOf,
  type DialogState,
  groupTopicOf,
  holdsPersonal,
  IDLE_MS,
  isPending,
  SESSION_TTL_MS,
  sessionTime,
  stateOf,
  withoutPersonal,
} from './state.ts';

/** Longer messages are cut before anything reads them. */
const MAX_TEXT = 4000;

const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_INTENTS);

/** The menu of topics offered with greetings, help and things the bot cannot answer. */
const MENU: readonly string[] = [
  'serious_illness_consolation',
  'hospitalization_consolation',
  'funeral_consolation',
  'festival_consolation',
  'health_checkup',
  'transfer_management',
  'report_death',
  'case_status',
  'human_handoff',
];

/** What every turn needs from outside: the store, the sentences, the NLU. */
export interface TurnDeps {
  readonly store: Store;
  readonly tr: Translator;
  readonly logger?: Logger;
  readonly understand: (text: string, opts: UnderstandOptions) => Understanding;
  readonly staffChat?: StaffChat;
  readonly routeCase?: (c: CaseRecord) => CaseRoute | null;
  readonly roster?: () => Roster;
  readonly consoleLink?: (grant: { staff: string; account: string }, now: Date) => Promise<string>;
  readonly allowCase?: (incoming: Incoming) => boolean | Promise<boolean>;
  /** Reminders and notices (absent: the bot says the feature is unavailable). */
  readonly care?: Care;
}

/**
 * One message on its way through the steps: what arrived, what the bot remembers of the chat and the user, and what it
 * says back. Steps read and change it; `result()` turns it into the store's writes and the channel's replies.
 */
export class Turn {
  /** The message's text; after `readInContext`, the words of the topic before it. */
  text: string;
  /** The message as sent, whatever it was read as. */
  readonly said: string;
  /** Read again with its topic's words before it (at most once a turn). */
  rereading = false;
  /** The district a follow-up compares with ("西湖区也是这样吗" after 建德's answer): this turn's answer only. */
  comparedWith: string | null = null;
  /** The button pressed, parsed; null for text (and for a payload that is not ours: see `badButton`). */
  readonly button: ButtonAction | null;
  readonly badButton: boolean;
  /** The dialog after this turn: a form waiting, an answered topic, or nothing. */
  state: DialogState | null;
  /** The dialog stored before this message, as it was (corrections compare with it). */
  readonly idle: boolean;
  /** The topic of a dialog that just expired, offered again when the next message starts nothing new. */
  readonly expiredTopic: string | null;
  /** Dialogs started from another's accept in this turn (at most one: see acceptOffer). */
  handOvers = 0;
  readonly profile: { region?: string };
  /** A dialog of this user waiting in their private chat. */
  readonly away: AwayMark | null;
  /** undefined = unchanged by this turn, null = cleared. */
  awayNext: AwayMark | null | undefined;
  /** Where the dialog lives after this turn (it may move to the private chat). */
  home: string;
  ctx: TurnCtx;
  readonly replies = new Replies();
  readonly cases: CaseRef[] = [];
  /** The intent reported for this turn. */
  intent: string | null = null;
  /** The staff member writing (role and scope), set by the engine from the verified identity; null for everyone else. */
  member: StaffMember | null = null;
  #understanding: Understanding | null | undefined;
  #normalized: string | undefined;

  constructor(
    readonly incoming: Incoming,
    readonly deps: TurnDeps,
    readonly read: TurnRead,
  ) {
    this.text = (incoming.text ?? '').slice(0, MAX_TEXT);
    this.said = this.text;
    this.button = incoming.button === undefined ? null : parseButton(incoming.button);
    this.badButton = incoming.button !== undefined && this.button === null;
    const stored = stateOf(read.session?.data);
    const lastAt = sessionTime(read.session?.data) ?? read.session?.updatedAt ?? null;
    this.idle = lastAt !== null && incoming.now.getTime() - lastAt > IDLE_MS;
    this.expiredTopic = stored && this.idle && isPending(stored) ? stored.intent : null;
    const profile = read.profile ?? {};
    // Nothing here yet: the topic last answered for this user in a group is followed up in private.
    const fromGroup = !incoming.group && !read.session ? groupTopicOf(profile, incoming.now.getTime()) : null;
    this.state = stored && !this.idle ? stored : fromGroup;
    this.profile = typeof profile.region === 'string' ? { region: profile.region } : {};
    this.away = awayOf(profile, incoming.now.getTime());
    this.home = incoming.chat;
    this.ctx = this.ctxFor(incoming.chat, incoming.group);
  }

  get tr(): Translator {
    return this.deps.tr;
  }

  /** The NLU's reading of the text, once, when a step first asks; null for buttons and empty texts. */
  get understanding(): Understanding | null {
    if (this.#understanding === undefined) {
      const expectName = NAME_SLOTS.has(this.state?.awaiting ?? '');
      this.#understanding =
        this.text.trim() && this.button === null && !this.badButton ? this.deps.understand(this.text, { now: this.incoming.now, expectName }) : null;
    }
    return this.#understanding;
  }

  /** The text as the NLU reads it: Simplified, half-width, without emoji. */
  get normalized(): string {
    this.#normalized ??= normalize(this.text);
    return this.#normalized;
  }

  /**
   * "在哪办", "乡镇呢", "从哪年开始": a short question that means nothing alone is read again with the words of the
   * topic in front of the user before it, as a person hears it. Once a turn.
   */
  readInContext(lead: string): void {
    this.rereading = true;
    this.text = `${lead} ${this.said}`.slice(0, MAX_TEXT);
    this.#understanding = undefined;
    this.#normalized = undefined;
  }

  /** The words a topic is kept with for the questions that follow (numbers masked: it is stored with the state). */
  get askedIn(): string {
    return maskText(this.normalized);
  }

  get msg(): Msg {
    return { text: this.text, understanding: this.understanding, button: this.button };
  }

  /** The user key: platform and user id. */
  get user(): string {
    return `${this.incoming.platform}:${this.incoming.user}`;
  }

  is(act: string): boolean {
    return this.understanding?.intent === act;
  }

  /** The NLU is at least this sure the message is a question of the domain. */
  confidentDomain(min: number): boolean {
    const u = this.understanding;
    return u !== null && DOMAIN.has(u.intent) && u.confidence >= min;
  }

  ctxFor(chat: string, inGroup: boolean): TurnCtx {
    return {
      incoming: this.incoming,
      asOf: shanghaiIsoDate(this.incoming.now),
      tr: this.deps.tr,
      store: this.deps.store,
      chat,
      inGroup,
      profile: this.profile,
      cases: this.cases,
      ...(this.deps.allowCase ? { allowCase: this.deps.allowCase } : {}),
    };
  }

  /** From here on, replies go to the user's private chat, and the dialog lives there. */
  moveToPrivate(intent: string): void {
    this.ctx = this.ctxFor(this.incoming.user, false);
    this.home = this.incoming.user;
    this.awayNext = { intent, at: this.incoming.now.getTime() };
  }

  say(text: string, buttons?: readonly Button[]): void {
    this.replies.say(this.ctx.chat, text, buttons);
  }

  /**
   * "好的，已改过来：去世日期 2026年12月3日": a correction said back with what it now is, so a wrong reading shows at
   * once. Personal values are named, never repeated.
   */
  sayCorrected(updates: Slots, def: DialogDef): void {
    const shown = this.#described(updates, def);
    this.say(shown.length > 0 ? this.tr.t('corrected-to', { what: shown.join(this.tr.t('list-enum')) }) : this.tr.t('corrected'));
  }

  /** "我电话13912345678" where the ID number was asked: what was taken is said, so the writer sees it was heard. */
  sayNoted(updates: Slots, def: DialogDef): void {
    const shown = this.#described(updates, def);
    if (shown.length > 0) this.say(this.tr.t('noted-to', { what: shown.join(this.tr.t('list-enum')) }));
  }

  /** Facts as the user reads them: a field's name and value; a personal value named, never repeated. */
  #described(updates: Slots, def: DialogDef): string[] {
    return Object.entries(updates)
      .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
      .map(([name, value]) => {
        const spec = def.slots.find((x) => x.name === name);
        const label = this.tr.maybe(`field-${name}`);
        if (!spec || !label) return null;
        if (spec.personal) return label;
        // A choice is said by its button's words ("租的房子"), never its code.
        const chosen = spec.buttons?.(this.ctx).find((b) => b.payload === slotButton(name, String(value)))?.label;
        return `${label} ${chosen ?? (/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatDate(this.tr, String(value)) : String(value))}`;
      })
      .filter((x): x is string => x !== null);
  }

  /** A line to the user's private chat, whatever chat this turn answers. */
  sayPrivately(text: string): void {
    this.replies.say(this.incoming.user, text);
  }

  /** An outcome's lines, its buttons on the last one. */
  show(outcome: Pick<Outcome, 'lines' | 'buttons'>): void {
    for (const [i, line] of outcome.lines.entries()) this.say(line, i === outcome.lines.length - 1 ? outcome.buttons : undefined);
  }

  /** A form's question, after what was wrong with the last answer when there was something. */
  ask(def: DialogDef, slotName: string, prefix?: string): void {
    const spec = def.slots.find((s) => s.name === slotName);
    if (!spec) return;
    const question = this.tr.t(spec.askFor?.(this.state?.slots ?? {}) ?? spec.ask);
    // A reason that ends in a comma leads into the question on the same line.
    const joint = prefix?.endsWith('，') || prefix?.endsWith('：') ? '' : '\n';
    this.say(prefix ? `${prefix}${joint}${question}` : question, spec.buttons?.(this.ctx));
  }

  menuButtons(): Button[] {
    return MENU.map((intent) => ({ label: this.tr.t(`menu-${intent}`), payload: intentButton(intent) }));
  }

  /** Values this message gives for a dialog's slots; in a group, personal ones are not taken. */
  readAll(def: DialogDef, skip?: string): Slots {
    const out: Slots = {};
    const msg = this.msg;
    for (const spec of def.slots) {
      if (spec.name === skip || (spec.personal && this.ctx.inGroup)) continue;
      const r = spec.read(msg, this.ctx, false);
      if (r && 'value' in r) out[spec.name] = r.value;
    }
    return out;
  }

  /** What was wrong with facts said in passing (an ID number with a wrong check digit while the name was asked). */
  passingErrors(def: DialogDef, skip: string): Map<string, string> {
    const out = new Map<string, string>();
    const msg = this.msg;
    for (const spec of def.slots) {
      if (spec.name === skip || (spec.personal && this.ctx.inGroup)) continue;
      // Readers return an error unasked only for a recognisable attempt.
      const r = spec.read(msg, this.ctx, false);
      if (r && 'error' in r) out.set(spec.name, this.tr.t(r.error, r.args));
    }
    return out;
  }

  /** The private dialog is over: its mark goes (it would otherwise expire by itself). */
  #profileWrite(): Pick<TurnWrites, 'profile' | 'profilePersonal'> | null {
    const stored = this.read.profile ?? {};
    const { incoming, away, state } = this;
    if (this.awayNext === undefined && away && !incoming.group && this.home === incoming.chat && !isPending(state)) this.awayNext = null;
    const regionChanged = this.profile.region !== undefined && this.profile.region !== stored.region;
    // An answered topic in a group (nothing personal, nothing filed) is kept for a follow-up in private.
    const answered = incoming.group && state !== null && state.awaiting === 'done' && state.slots[FILED] === undefined && this.home === incoming.chat;
    const topic = answered ? (withoutPersonal(state) as unknown as Json) : null;
    // The same topic kept a moment ago is not written again (each write is sealed).
    const now = incoming.now.getTime();
    const kept = groupTopicOf(stored, now + IDLE_MS / 2);
    const keep = topic !== null && JSON.stringify(kept) !== JSON.stringify(groupTopicOf({ groupTopic: { dialog: topic, at: now } }, now));
    if (!regionChanged && this.awayNext === undefined && !keep) return null;
    const next: { [key: string]: Json } = { ...stored };
    if (keep) next.groupTopic = { dialog: topic, at: now };
    if (this.profile.region !== undefined) next.region = this.profile.region;
    if (this.awayNext === null) delete next.privateDialog;
    else if (this.awayNext !== undefined) next.privateDialog = { intent: this.awayNext.intent, at: this.awayNext.at };
    return { profile: next, profilePersonal: holdsPersonal(next) };
  }

  #sessionWrite(kept: DialogState): NonNullable<TurnWrites['session']> {
    const dialog = kept as unknown as Json;
    return { chat: this.home, data: { dialog, at: this.incoming.now.getTime() }, ttlMs: SESSION_TTL_MS, personal: holdsPersonal(dialog) };
  }

  /** The store's writes (applied with the dedupe mark and the lock's release) and what the channel sends. */
  async result(): Promise<TurnResult<Outgoing>> {
    const { incoming, read } = this;
    // A dialog that waits for nothing keeps no personal data: a filed case holds it (sealed), and a correction reads it
    // back from there; an answer with no case (an offer declined) needs none.
    const ended = this.state !== null && this.state.awaiting === 'done';
    const kept = this.state && ended ? withoutPersonal(this.state) : this.state;
    const writes: TurnWrites = {
      ...(this.home !== incoming.chat || (!kept && read.session) ? { dropSession: true } : {}),
      ...(kept ? { session: this.#sessionWrite(kept) } : {}),
      ...(this.#profileWrite() ?? {}),
    };
    // A staff rule asked again reports the intent it was first asked as (its own dialog id is no intent); a text's
    // validity kept as a rule was asked as none.
    const asked = this.state?.slots.askedAs;
    const intent = this.intent === STAFF_RULE ? (typeof asked === 'string' ? asked : null) : reportedIntent(this.intent);
    return { value: { chat: incoming.chat, intent, replies: this.replies.build(), cases: this.cases }, writes };
  }
}
