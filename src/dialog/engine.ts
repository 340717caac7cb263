import type { Logger } from 'pino';
import type { FloodGuard } from '../chat/index.ts';
import { type Button, type ButtonAction, CANCEL, type Incoming, intentButton, type Outgoing, parseButton, Replies } from '../chat/index.ts';
import { shanghaiIsoDate } from '../clock.ts';
import type { Translator } from '../i18n/index.ts';
import { DOMAIN_INTENTS, understand as defaultUnderstand, type Understanding, type UnderstandOptions } from '../nlu/index.ts';
import { hasPersonalNumber } from '../privacy/mask.ts';
import { announcement, parseCaseMention, parseCommand, quickCheck, runStaffCommand, type StaffChat, type StaffCommand, staffQuestion } from '../staff/index.ts';
import { type Json, type Profile, type Store, StoreError, type TurnKeys, type TurnRead, type TurnResult, type TurnWrites } from '../store/types.ts';
import type { DialogDef, Msg, Outcome, SlotSpec, Slots, TurnCtx } from './context.ts';
import { offerButtons } from './dialogs/common.ts';
import { DIALOGS } from './dialogs/index.ts';
import { NAME_SLOTS } from './slots.ts';

/** A dialog left this long without an answer is dropped, with a note the next time the user writes. */
export const IDLE_MS = 30 * 60_000;
const SESSION_TTL_MS = 24 * 3600_000;
const DEDUPE_TTL_MS = 24 * 3600_000;
/** After this many answers it cannot use, the bot offers a person instead of asking again. */
const MAX_TRIES = 3;
/** In a group, a message not addressed to the bot is answered only when the NLU is this sure it is a question for it. */
const GROUP_CONFIDENCE = 0.75;
/** Mid-dialog, a different domain question this sure is a digression, not an answer. */
const SWITCH_CONFIDENCE = 0.6;
/** Longer messages are cut before anything reads them. */
const MAX_TEXT = 4000;

const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_INTENTS);
/** Staff lines read as a one-line entitlement check ("西湖区 住院2次 自付8000 75岁"), not as budget or case work. */
const QUICK_CHECK_INTENTS: ReadonlySet<string> = new Set([
  'serious_illness_consolation',
  'hospitalization_consolation',
  'festival_consolation',
  'health_checkup',
  'group_activity',
  'hardship_assistance',
  'out_of_scope',
]);

interface DialogState {
  intent: string;
  slots: Slots;
  /** The slot just asked, 'offer' / 'confirm' (yes/no pending), or 'done' (answered; corrections still apply). */
  awaiting: string;
  tries: number;
  /** The dialog this one interrupted (a question asked mid-form that needed the district first): resumed after. */
  parent?: DialogState;
}

/** "那萧山呢", "重阳的呢": the same question about something else — answered again, not a correction. */
const FOLLOW_UP = /^(那|还有|换成)|呢[?？。!！]*$/;

/** A bare acknowledgement ("好的", "嗯", "不用了", "知道了"), which answers an optional question with nothing. */
const PLAIN_ACK = /^(好的?|好吧|嗯+|哦+|噢+|行|可以|知道了|明白了?|晓得了|不用了?|不需要|不要了?|没事了?|谢谢(你|您)?|ok)[啊呀吧了的哈啦。！!，,.~\s]*$/i;

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

export interface EngineDeps {
  readonly store: Store;
  readonly tr: Translator;
  readonly logger?: Logger;
  readonly understand?: (text: string, opts: UnderstandOptions) => Understanding;
  /** Where new cases are announced (STAFF_CHAT). */
  readonly staffChat?: StaffChat;
  /**
   * Slows down a user who floods. The service passes one for the chat platforms; the scriptable interfaces
   * (JSON lines, terminal) run without, so a long scripted conversation is never cut short.
   */
  readonly floodGuard?: FloodGuard;
  /**
   * Whether this message may open a case now: a channel that cannot vouch for its users (the web chat) limits cases
   * per client. Absent: no limit.
   */
  readonly allowCase?: (incoming: Incoming) => boolean | Promise<boolean>;
}

export interface Engine {
  handle(incoming: Incoming): Promise<Outgoing>;
}

/** When the dialog was last written, by the messages' clock (not the store's), so idleness follows the conversation. */
function sessionTime(data: Json | undefined): number | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const at = (data as { at?: Json }).at;
  return typeof at === 'number' ? at : null;
}

function asState(data: Json | undefined): DialogState | null {
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

/** The questions of a form still to be answered, in order (optional ones and those that do not apply left out). */
function missingSlots(def: DialogDef, slots: Slots): SlotSpec[] {
  return def.slots.filter((spec) => !spec.optional && (spec.when?.(slots) ?? true) && slots[spec.name] === undefined);
}

/** Where a dialog moved to the user's private chat, so that their group messages meanwhile can be pointed there. */
interface AwayMark {
  readonly intent: string;
  readonly at: number;
}

function awayOf(profile: { readonly [key: string]: Json }, now: number): AwayMark | null {
  const mark = profile.privateDialog;
  if (!mark || typeof mark !== 'object' || Array.isArray(mark)) return null;
  const { intent, at } = mark as Record<string, Json>;
  return typeof intent === 'string' && typeof at === 'number' && now - at <= IDLE_MS ? { intent, at } : null;
}

export function createEngine(deps: EngineDeps): Engine {
  const { store, tr, logger } = deps;
  const understand = deps.understand ?? defaultUnderstand;
  const floods = deps.floodGuard;
  const menuButtons = (): Button[] => MENU.map((intent) => ({ label: tr.t(`menu-${intent}`), payload: intentButton(intent) }));

  async function handle(incoming: Incoming): Promise<Outgoing> {
    const quiet: Outgoing = { chat: incoming.chat, intent: null, replies: [], cases: [] };
    const userKey = `${incoming.platform}:${incoming.user}`;
    const keys: TurnKeys = {
      chat: incoming.chat,
      user: incoming.user,
      profile: userKey,
      ...(incoming.messageId === undefined ? {} : { seen: `msg:${incoming.platform}:${incoming.chat}:${incoming.messageId}` }),
    };
    try {
      const outcome = await store.runTurn(
        keys,
        async (read) => {
          const flood = floods?.check(userKey, incoming.now.getTime()) ?? 'ok';
          if (flood === 'ok') return turn(incoming, read);
          if (flood === 'warn') logger?.warn({ user: userKey }, 'flooding user slowed down');
          return { value: flood === 'warn' ? { ...quiet, replies: [{ chat: incoming.chat, text: tr.t('flood-slow-down') }] } : quiet, writes: {} };
        },
        { seenTtlMs: DEDUPE_TTL_MS },
      );
      return outcome.duplicate ? quiet : outcome.value;
    } catch (error) {
      const busy = error instanceof StoreError;
      logger?.error({ err: error, chat: incoming.chat, busy }, 'turn failed');
      if (incoming.group && !incoming.mention) return quiet;
      return { ...quiet, replies: [{ chat: incoming.chat, text: tr.t(busy ? 'system-busy' : 'system-error') }] };
    }
  }

  async function turn(incoming: Incoming, read: TurnRead): Promise<TurnResult<Outgoing>> {
    const userKey = `${incoming.platform}:${incoming.user}`;
    const privateChat = incoming.user;
    const replies = new Replies();
    const { session, profile: profileRecord } = read;
    let state = asState(session?.data);
    const lastAt = sessionTime(session?.data) ?? session?.updatedAt ?? null;
    const idle = lastAt !== null && incoming.now.getTime() - lastAt > IDLE_MS;
    let expiredNote = false;
    /** The topic of a dialog that just expired, offered again when the next message starts nothing new. */
    let expiredTopic: string | null = null;
    if (state && idle) {
      expiredNote = state.awaiting !== 'done';
      if (expiredNote) expiredTopic = state.intent;
      state = null;
    }
    const storedProfile = profileRecord ?? {};
    const profile: { region?: string } = typeof storedProfile.region === 'string' ? { region: storedProfile.region } : {};
    /** A dialog of this user waiting in their private chat; `undefined` = unchanged by this turn, null = cleared. */
    const away = awayOf(storedProfile, incoming.now.getTime());
    let awayNext: AwayMark | null | undefined;
    const ctxFor = (chat: string, inGroup: boolean): TurnCtx => ({
      incoming,
      asOf: shanghaiIsoDate(incoming.now),
      tr,
      store,
      chat,
      inGroup,
      profile,
      cases,
      ...(deps.allowCase ? { allowCase: deps.allowCase } : {}),
    });
    const cases: TurnCtx['cases'] = [];
    let ctx = ctxFor(incoming.chat, incoming.group);
    /** Where the dialog lives after this turn (it may move to the private chat). */
    let home = incoming.chat;
    const say = (text: string, buttons?: readonly Button[]) => replies.say(ctx.chat, text, buttons);

    const profileWrite = (): { profile: Profile } | null => {
      // The private dialog is over: its mark goes (it would otherwise expire by itself).
      if (awayNext === undefined && away && !incoming.group && home === incoming.chat && (!state || state.awaiting === 'done')) awayNext = null;
      const regionChanged = profile.region !== undefined && profile.region !== storedProfile.region;
      if (!regionChanged && awayNext === undefined) return null;
      const next: { [key: string]: Json } = { ...storedProfile };
      if (profile.region !== undefined) next.region = profile.region;
      if (awayNext === null) delete next.privateDialog;
      else if (awayNext !== undefined) next.privateDialog = { intent: awayNext.intent, at: awayNext.at };
      return { profile: next };
    };

    const finishTurn = async (intent: string | null): Promise<TurnResult<Outgoing>> => {
      // The store applies these when the turn commits, together with the dedupe mark and the lock's release.
      const writes: TurnWrites = {
        ...(home !== incoming.chat || (!state && session) ? { dropSession: true } : {}),
        ...(state ? { session: { chat: home, data: { dialog: state as unknown as Json, at: incoming.now.getTime() }, ttlMs: SESSION_TTL_MS } } : {}),
        ...(profileWrite() ?? {}),
      };
      if (deps.staffChat) {
        for (const opened of cases.filter((c) => c.status === 'open')) {
          const record = await store.getCase(opened.id);
          if (record && record.history.length === 1) replies.push(announcement(tr, deps.staffChat, record, incoming.platform, incoming.now.getTime()));
        }
      }
      return { value: { chat: incoming.chat, intent, replies: replies.build(), cases }, writes };
    };

    // Not text: a sticker or a voice note cannot be read.
    if (incoming.media && !incoming.text && incoming.button === undefined) {
      if (!incoming.group || incoming.mention) say(tr.t('media-unsupported'));
      return finishTurn(null);
    }

    let button: ButtonAction | null = null;
    if (incoming.button !== undefined) {
      button = parseButton(incoming.button);
      if (!button) {
        say(tr.t('button-expired'), menuButtons());
        return finishTurn(null);
      }
    }
    // Staff commands and case buttons: checked before anything else, refused politely to others.
    const staffCommand = ((): StaffCommand | 'invalid' | null => {
      if (button?.kind === 'case') return button.action === 'claim' ? { kind: 'claim', id: button.id } : { kind: 'show', id: button.id };
      if (button !== null || !incoming.text) return null;
      // "查一下C20261121-0001" from staff is a look-up; from anyone else, a question about their own case.
      if (incoming.staff) {
        const mention = incoming.text.trimStart().startsWith('/') ? null : parseCaseMention(incoming.text);
        if (mention) return mention;
      }
      if (!/^\s*[/／]/.test(incoming.text)) return null;
      const parsed = parseCommand(incoming.text, shanghaiIsoDate(incoming.now));
      if (parsed === null) return null;
      if (!parsed.ok) {
        if (incoming.staff) say(tr.t(`command-${parsed.error.code}`, { command: parsed.error.command }));
        return 'invalid';
      }
      return parsed.command;
    })();
    if (staffCommand !== null) {
      if (!incoming.staff) {
        logger?.warn({ user: userKey, chat: incoming.chat, command: staffCommand === 'invalid' ? 'invalid' : staffCommand.kind }, 'staff action refused');
        if (!incoming.group || incoming.mention || button !== null) say(tr.t('staff-only'));
        return finishTurn(null);
      }
      if (staffCommand !== 'invalid') {
        const result = await runStaffCommand(
          { store, tr, staff: userKey, platform: incoming.platform, inPrivate: !incoming.group, now: incoming.now },
          staffCommand,
        );
        for (const [i, line] of result.lines.entries()) say(line, i === result.lines.length - 1 ? result.buttons : undefined);
        if (result.attachment) replies.push({ chat: incoming.chat, text: result.attachment.name, attachment: result.attachment });
        for (const r of result.notify) replies.push(r);
        cases.push(...result.changed);
      }
      return finishTurn(null);
    }

    const text = (incoming.text ?? '').slice(0, MAX_TEXT);
    const understanding = text.trim() && button === null ? understand(text, { now: incoming.now, expectName: NAME_SLOTS.has(state?.awaiting ?? '') }) : null;
    const msg: Msg = { text, understanding, button };
    const intentOf = (): string | null => (button?.kind === 'intent' ? button.intent : (understanding?.intent ?? null));
    const isAct = (act: string) => understanding?.intent === act;
    const confidentDomain = (min: number) => understanding !== null && DOMAIN.has(understanding.intent) && understanding.confidence >= min;

    /** Values this message gives for a dialog's slots; in a group, personal ones are not taken. */
    const readAll = (def: DialogDef, skip?: string): Slots => {
      const out: Slots = {};
      for (const spec of def.slots) {
        if (spec.name === skip || (spec.personal && ctx.inGroup)) continue;
        const r = spec.read(msg, ctx, false);
        if (r && 'value' in r) out[spec.name] = r.value;
      }
      return out;
    };

    const ask = (def: DialogDef, slotName: string, prefix?: string) => {
      const spec = def.slots.find((s) => s.name === slotName);
      if (!spec) return;
      const question = tr.t(spec.ask);
      say(prefix ? `${prefix}\n${question}` : question, spec.buttons?.(ctx));
    };

    /** The answer without the question it ends with (an offer's, or an optional slot's: always the last line). */
    const answerOnly = (outcome: Outcome): readonly string[] =>
      outcome.next === 'offer' || outcome.awaiting !== undefined ? outcome.lines.slice(0, -1) : outcome.lines;
    /** Whether facts read from a message differ from what the dialog holds (a repeat is no correction). */
    const changes = (updates: Slots, slots: Slots): boolean =>
      Object.entries(updates).some(([name, value]) => JSON.stringify(slots[name]) !== JSON.stringify(value));

    const show = (outcome: Outcome) => {
      for (const [i, line] of outcome.lines.entries()) say(line, i === outcome.lines.length - 1 ? outcome.buttons : undefined);
    };

    /**
     * What was wrong with facts said in passing ("身份证33010…" with a wrong check digit while the name was asked),
     * so the question for them says why it is asked again.
     */
    const passingErrors = (def: DialogDef, skip: string): Map<string, string> => {
      const out = new Map<string, string>();
      for (const spec of def.slots) {
        if (spec.name === skip || (spec.personal && ctx.inGroup)) continue;
        // Readers return an error unasked only for a recognisable attempt (an ID number with a wrong check digit).
        const r = spec.read(msg, ctx, false);
        if (r && 'error' in r) out.set(spec.name, tr.t(r.error, r.args));
      }
      return out;
    };

    /** Asks the next missing question, or answers when nothing is missing. */
    const advance = async (def: DialogDef, s: DialogState, errors?: Map<string, string>): Promise<void> => {
      const [missing] = missingSlots(def, s.slots);
      if (missing) {
        s.awaiting = missing.name;
        ask(def, missing.name, errors?.get(missing.name));
        return;
      }
      const outcome = await def.finish(ctx, s.slots);
      if (typeof s.slots.region === 'string' && def.intent !== 'report_death') profile.region = s.slots.region;
      if (s.parent) {
        // A question asked mid-form, answered: its follow-ups (offers) give way to the form it interrupted.
        for (const line of answerOnly(outcome)) say(line);
        await resume(s.parent, s.slots.region);
        return;
      }
      show(outcome);
      s.awaiting = outcome.awaiting ?? outcome.next;
      s.tries = 0;
    };

    /** Back to an interrupted dialog, with the district the interruption established if it had none. */
    const resume = async (parent: DialogState, region: Slots[string] | undefined): Promise<void> => {
      const def = DIALOGS.get(parent.intent) as DialogDef;
      if (parent.slots.region === undefined && typeof region === 'string' && def.slots.some((spec) => spec.name === 'region')) parent.slots.region = region;
      state = parent;
      if (parent.awaiting === 'offer' || parent.awaiting === 'confirm') {
        say(tr.t('resume-offer'), offerButtons(ctx, 'button-yes'));
        return;
      }
      say(tr.t('resume'));
      await advance(def, parent);
    };

    const start = async (intent: string, known: Slots = {}): Promise<void> => {
      const def = DIALOGS.get(intent);
      if (!def) return;
      const other = def.handOver?.({ ...known, ...readAll(def) });
      if (other && other.intent !== intent && DIALOGS.has(other.intent)) {
        await start(other.intent, other.slots);
        return;
      }
      if (def.privateOnly && incoming.group) {
        // Personal data is never asked for in a group: a short word there, the rest in private.
        say(tr.t(`${intent}-move-private`));
        ctx = ctxFor(privateChat, false);
        home = privateChat;
        awayNext = { intent, at: incoming.now.getTime() };
      }
      const s: DialogState = { intent, slots: { ...known, ...readAll(def) }, awaiting: '', tries: 0 };
      if (s.slots.region === undefined && profile.region && def.slots.some((spec) => spec.name === 'region')) s.slots.region = profile.region;
      if (def.privateOnly) say([tr.t(`${intent}-opening`), ...(def.opening?.(ctx, s.slots) ?? [])].join('\n'));
      state = s;
      await advance(def, s);
    };

    /** A one-turn answer to another question, then back to the pending one; otherwise the new topic takes over. */
    let digressedTo: string | null = null;
    const digress = async (current: DialogState, intent: string): Promise<void> => {
      digressedTo = intent;
      const def = DIALOGS.get(intent);
      if (!def) return;
      const slots = readAll(def);
      const knownRegion = typeof current.slots.region === 'string' ? current.slots.region : profile.region;
      if (slots.region === undefined && knownRegion && def.slots.some((spec) => spec.name === 'region')) slots.region = knownRegion;
      const missing = missingSlots(def, slots);
      if (!def.privateOnly && missing.length === 0) {
        const outcome = await def.finish(ctx, slots);
        for (const line of answerOnly(outcome)) say(line);
        await resume(current, slots.region);
        return;
      }
      if (!def.privateOnly && missing.length === 1 && missing[0]?.name === 'region') {
        // Only the district is missing: ask it, answer, then come back to the form (which may take the district).
        const { parent: _dropped, ...interrupted } = current;
        state = { intent, slots, awaiting: 'region', tries: 0, parent: interrupted };
        ask(def, 'region');
        return;
      }
      say(tr.t('dialog-switched', { topic: tr.t(`topic-${current.intent}`) }));
      state = null;
      await start(intent);
    };

    /** A plain yes or no in words ("不用了谢谢", "好的 登记吧"); null when the words say neither. */
    const saysNo = ((): boolean | null => {
      const t = text.trim();
      if (/^(不用|不要|不了|不必|不需要|算了|没事|暂时不|先不|不办)/.test(t)) return true;
      if (/^(好|要|可以|行|嗯|是的|是|对|确认|登记|办|麻烦|需要|(帮我|帮忙|给我|请)(登记|申请|办|提交))/.test(t)) return false;
      if (/^(我要|我想)?申请(登记|吧|一下|了)?[。！!.\s]*$/.test(t)) return false;
      return null;
    })();

    const continueDialog = async (s: DialogState): Promise<void> => {
      const def = DIALOGS.get(s.intent) as DialogDef;
      if (s.awaiting === 'offer' || s.awaiting === 'confirm') {
        const updates = readAll(def);
        if (Object.keys(updates).length > 0 && button === null) {
          // A fact said again is answered again, without claiming a change.
          if (changes(updates, s.slots) && !FOLLOW_UP.test(text.trim())) say(tr.t('corrected'));
          Object.assign(s.slots, updates);
          await advance(def, s);
          return;
        }
        if (button?.kind === 'yes' || (button === null && (saysNo === false || (saysNo === null && isAct('affirm'))))) {
          const outcome = def.accept ? await def.accept(ctx, s.slots) : { lines: [tr.t('ok')], next: 'done' as const };
          show(outcome);
          s.awaiting = 'done';
          if (outcome.continueWith) {
            state = null;
            await start(outcome.continueWith.intent, outcome.continueWith.slots);
          }
          return;
        }
        if (button?.kind === 'no' || (button === null && (saysNo === true || (saysNo === null && (isAct('deny') || isAct('thanks')))))) {
          say(tr.t(s.awaiting === 'confirm' ? 'confirm-declined' : 'offer-declined'));
          s.awaiting = 'done';
          return;
        }
        if (confidentDomain(SWITCH_CONFIDENCE) && understanding?.intent !== s.intent) {
          await digress(s, understanding?.intent as string);
          return;
        }
        if (button === null && (isAct('greeting') || isAct('help'))) {
          // A fresh "你好" leaves the pending yes/no behind, as a person would.
          say(tr.t(isAct('help') ? 'help' : 'greeting-reply'), menuButtons());
          state = null;
          return;
        }
        s.tries += 1;
        say(tr.t('yes-or-no'), [
          { label: tr.t(s.awaiting === 'confirm' ? 'button-confirm-report' : 'button-yes'), payload: 'y' },
          { label: tr.t(s.awaiting === 'confirm' ? 'button-cancel' : 'button-no-thanks'), payload: s.awaiting === 'confirm' ? CANCEL : 'n' },
        ]);
        return;
      }

      const spec = def.slots.find((x) => x.name === s.awaiting);
      const answer = spec && !(spec.personal && ctx.inGroup) ? spec.read(msg, ctx, true) : null;
      const others = readAll(def, s.awaiting);
      if ((answer && 'value' in answer) || Object.keys(others).length > 0) {
        if (answer && 'value' in answer) s.slots[s.awaiting] = answer.value;
        // Other facts said in passing fill gaps; they do not overwrite what was already answered.
        for (const [name, value] of Object.entries(others)) if (s.slots[name] === undefined) s.slots[name] = value;
        s.tries = 0;
        await advance(def, s, passingErrors(def, s.awaiting));
        return;
      }
      // An answer that is recognisably an attempt (a mistyped ID number) is corrected, not taken for a new topic.
      if (answer === null && confidentDomain(SWITCH_CONFIDENCE) && understanding?.intent !== s.intent) {
        await digress(s, understanding?.intent as string);
        return;
      }
      if (button?.kind === 'intent') {
        state = null;
        await start(button.intent);
        return;
      }
      if (spec?.optional && PLAIN_ACK.test(text.trim())) {
        // "好的" / "不用了" to an optional question (the self-paid amount, to compute a figure): nothing more is needed.
        say(tr.t('optional-skipped'));
        s.awaiting = 'done';
        return;
      }
      if (isAct('greeting') || isAct('thanks')) {
        ask(def, s.awaiting);
        return;
      }
      const aside = answer !== null && 'error' in answer && answer.aside === true;
      if (!aside) s.tries += 1;
      if (s.tries >= MAX_TRIES) {
        const handoff = [
          { label: tr.t('menu-human_handoff'), payload: intentButton('human_handoff') },
          { label: tr.t('button-cancel'), payload: CANCEL },
        ];
        if (def.privateOnly) {
          // A report or application half told is not thrown away: what was said stays, a person is offered.
          s.tries = 0;
          say(tr.t('retries-exhausted-kept'), handoff);
          ask(def, s.awaiting);
          return;
        }
        say(tr.t('retries-exhausted'), handoff);
        state = null;
        return;
      }
      const problem = answer && 'error' in answer ? tr.t(answer.error, answer.args) : tr.t('not-understood');
      ask(def, s.awaiting, problem);
    };

    const active = state !== null && state.awaiting !== 'done';
    // The user's dialog is waiting in their private chat: personal numbers posted here get a warning (never an
    // echo), and a message to the bot that starts nothing new is pointed to the private chat.
    if (incoming.group && away && !active && button === null) {
      if (hasPersonalNumber(text)) {
        say(tr.t('personal-data-in-group'));
        return finishTurn(null);
      }
      if (incoming.mention && !confidentDomain(SWITCH_CONFIDENCE) && !isAct('greeting') && !isAct('help')) {
        say(tr.t('continue-in-private', { topic: tr.t(`topic-${away.intent}`) }));
        return finishTurn(away.intent);
      }
    }

    // A group message not meant for the bot gets no reply.
    if (incoming.group && !incoming.mention && !active && button === null) {
      const correction = state !== null && Object.keys(readAll(DIALOGS.get(state.intent) as DialogDef)).length > 0 && !confidentDomain(SWITCH_CONFIDENCE);
      if (!correction && !confidentDomain(GROUP_CONFIDENCE)) {
        state = state && !idle ? state : null;
        return finishTurn(understanding?.intent ?? null);
      }
    }

    if (expiredNote) say(tr.t('dialog-expired'));

    // "算了" cancels; "聊城" mistaken for a cancel still carries a slot, so it is an answer.
    const cancelSaid = understanding !== null && isAct('cancel') && understanding.confidence >= 0.6 && Object.keys(understanding.slots).length === 0;
    if (button?.kind === 'cancel' || cancelSaid) {
      say(tr.t(active ? 'cancelled' : 'cancel-nothing'));
      state = null;
      return finishTurn(intentOf() === 'cancel' || button?.kind === 'cancel' ? 'cancel' : intentOf());
    }
    // Staff asking about the rules they work by (人员配备, 公示, 报丧期限) get the rule, whatever dialog was before.
    if (incoming.staff && understanding && button === null) {
      const answer = staffQuestion(tr, understanding, text, ctx.asOf);
      if (answer) {
        say(answer);
        state = null;
        return finishTurn(understanding.intent);
      }
    }
    if (button?.kind === 'intent') {
      state = null;
      if (DIALOGS.has(button.intent)) await start(button.intent);
      else say(tr.t('button-expired'), menuButtons());
      return finishTurn(button.intent);
    }
    if (state && active) {
      const serving = state.intent;
      await continueDialog(state);
      // A message the dialog consumed (an answer, a correction) is reported as that dialog's intent.
      // A message the dialog consumed (an answer, a correction, a yes) is reported as that dialog's intent.
      return finishTurn(digressedTo ?? serving);
    }
    if (state && state.awaiting === 'done' && understanding && !confidentDomain(SWITCH_CONFIDENCE)) {
      // "不对，是一万五": a correction to the question just answered.
      const def = DIALOGS.get(state.intent) as DialogDef;
      const updates = readAll(def);
      if (Object.keys(updates).length > 0) {
        if (changes(updates, state.slots) && !FOLLOW_UP.test(text.trim())) say(tr.t('corrected'));
        Object.assign(state.slots, updates);
        await advance(def, state);
        return finishTurn(state.intent);
      }
    }
    if (button !== null) {
      say(tr.t('button-expired'), menuButtons());
      state = null;
      return finishTurn(null);
    }
    if (!understanding) {
      if (!incoming.group || incoming.mention) say(tr.t('empty-message'), menuButtons());
      return finishTurn(null);
    }
    const intent = understanding.intent;
    if (incoming.staff && QUICK_CHECK_INTENTS.has(intent)) {
      const summary = quickCheck(tr, understanding, text, ctx.asOf);
      if (summary) {
        say(summary);
        state = null;
        return finishTurn(intent);
      }
    }
    if (DOMAIN.has(intent)) {
      state = null;
      await start(intent);
      return finishTurn(intent);
    }
    switch (intent) {
      case 'greeting':
      case 'help':
        say(tr.t(intent === 'help' ? 'help' : 'greeting-reply'), menuButtons());
        break;
      case 'thanks':
        say(tr.t('thanks-reply'));
        break;
      default:
        if (expiredTopic && DIALOGS.has(expiredTopic)) {
          // "西湖区" 40 minutes after the question: the answer to a dialog that has ended. Offer to start it again.
          say(tr.t('expired-restart', { topic: tr.t(`topic-${expiredTopic}`) }), [
            { label: tr.t('button-restart', { topic: tr.t(`topic-${expiredTopic}`) }), payload: intentButton(expiredTopic) },
            ...menuButtons()
              .filter((b) => b.payload !== intentButton(expiredTopic as string))
              .slice(0, 3),
          ]);
        } else say(tr.t(intent === 'affirm' || intent === 'deny' ? 'act-no-context' : 'out-of-scope'), menuButtons());
    }
    return finishTurn(intent);
  }

  return { handle };
}
