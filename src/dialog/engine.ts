import type { Logger } from 'pino';
import type { Care } from '../care/service.ts';
import type { FloodGuard, Incoming, Outgoing } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';
import { understand as defaultUnderstand, type Understanding, type UnderstandOptions } from '../nlu/index.ts';
import { maskText } from '../privacy/mask.ts';
import { announcement, type CaseRoute, fallbackMember, type Roster, type StaffChat, type StaffMember } from '../staff/index.ts';
import { type CaseRecord, type Store, StoreError, type TurnKeys, type TurnRead, type TurnResult } from '../store/types.ts';
import { runSteps } from './pipeline.ts';
import { Turn, type TurnDeps } from './turn.ts';

const DEDUPE_TTL_MS = 24 * 3600_000;

export interface EngineDeps {
  readonly store: Store;
  readonly tr: Translator;
  readonly logger?: Logger;
  readonly understand?: (text: string, opts: UnderstandOptions) => Understanding;
  /** Where new cases are announced (STAFF_CHAT): without `routeCase`, every case; with it, the fallback. */
  readonly staffChat?: StaffChat;
  /** Where a new case is announced (the roster's most specific chat), and whether it is flagged as nobody's. */
  readonly routeCase?: (c: CaseRecord) => CaseRoute | null;
  /**
   * Who is staff, with role and scope (STAFF_FILE). Absent: a user the channel marks as staff is a city-wide
   * caseworker (STAFF_IDS).
   */
  readonly staffOf?: (incoming: Incoming) => StaffMember | null;
  /** The current roster (for /assign). */
  readonly roster?: () => Roster;
  /** Makes a one-time console login link for a staff member (`/console`); absent: the console is not offered. */
  readonly consoleLink?: (grant: { staff: string; account: string }, now: Date) => Promise<string>;
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
  /** Reminders and notices: subscriptions in chat, group switches, staff notices. */
  readonly care?: Care;
}

export interface Engine {
  handle(incoming: Incoming): Promise<Outgoing>;
}

function keysOf(incoming: Incoming): TurnKeys {
  return {
    chat: incoming.chat,
    user: incoming.user,
    profile: `${incoming.platform}:${incoming.user}`,
    ...(incoming.messageId === undefined ? {} : { seen: `msg:${incoming.platform}:${incoming.chat}:${incoming.messageId}` }),
  };
}

/** The bot: one message in, the replies and the cases it opened out. Channels are invisible here. */
export function createEngine(deps: EngineDeps): Engine {
  const turnDeps: TurnDeps = { ...deps, understand: deps.understand ?? defaultUnderstand };
  const { store, tr, logger, floodGuard } = deps;

  /** New cases of this turn told to the staff chat, personal data masked. */
  async function announce(t: Turn): Promise<void> {
    if (!deps.staffChat && !deps.routeCase) return;
    for (const opened of t.cases.filter((c) => c.status === 'open')) {
      const record = await store.getCase(opened.id);
      if (record?.history.length !== 1) continue;
      const route = deps.routeCase ? deps.routeCase(record) : deps.staffChat ? { chat: deps.staffChat, flagged: false } : null;
      if (route) t.replies.push(announcement(tr, route.chat, record, t.incoming.platform, t.incoming.now.getTime(), route.flagged));
    }
  }

  /** The staff member writing, from the identity the channel vouches for; the message is staff's only then. */
  function asStaff(incoming: Incoming): { incoming: Incoming; member: StaffMember | null } {
    const member = deps.staffOf ? deps.staffOf(incoming) : incoming.staff ? fallbackMember(`${incoming.platform}:${incoming.user}`) : null;
    return { incoming: member === null ? (incoming.staff ? { ...incoming, staff: false } : incoming) : { ...incoming, staff: true }, member };
  }

  async function turn(incoming: Incoming, read: TurnRead): Promise<TurnResult<Outgoing>> {
    const quiet: Outgoing = { chat: incoming.chat, intent: null, replies: [], cases: [] };
    const flood = floodGuard?.check(`${incoming.platform}:${incoming.user}`, incoming.now.getTime()) ?? 'ok';
    if (flood !== 'ok') {
      if (flood === 'warn') logger?.warn({ user: `${incoming.platform}:${incoming.user}` }, 'flooding user slowed down');
      return { value: flood === 'warn' ? { ...quiet, replies: [{ chat: incoming.chat, text: tr.t('flood-slow-down') }] } : quiet, writes: {} };
    }
    const who = asStaff(incoming);
    const t = new Turn(who.incoming, turnDeps, read);
    t.member = who.member;
    await runSteps(t);
    await keepUnanswered(t);
    await announce(t);
    return t.result();
  }

  /** What the bot could not answer (out of scope, or handed to a person), masked, for the monthly statistics. */
  async function keepUnanswered(t: Turn): Promise<void> {
    const kind = t.intent === 'out_of_scope' ? 'out_of_scope' : t.intent === 'human_handoff' ? 'handoff' : null;
    // Staff lines, buttons, and group chatter the bot was not asked about are not questions to it.
    if (kind === null || t.member !== null || !t.said.trim() || t.button !== null || (t.incoming.group && !t.incoming.mention)) return;
    const region = t.understanding?.slots.region ?? t.profile.region ?? null;
    try {
      await store.appendUnanswered({ at: t.incoming.now.getTime(), kind, text: maskText(t.said.trim().slice(0, 200)), region });
    } catch (error) {
      logger?.warn({ err: error }, 'an unanswered question could not be kept for the statistics');
    }
  }

  async function handle(incoming: Incoming): Promise<Outgoing> {
    const quiet: Outgoing = { chat: incoming.chat, intent: null, replies: [], cases: [] };
    try {
      const outcome = await store.runTurn(keysOf(incoming), (read) => turn(incoming, read), { seenTtlMs: DEDUPE_TTL_MS });
      return outcome.duplicate ? quiet : outcome.value;
    } catch (error) {
      const busy = error instanceof StoreError;
      logger?.error({ err: error, chat: incoming.chat, busy }, 'turn failed');
      if (incoming.group && !incoming.mention) return quiet;
      return { ...quiet, replies: [{ chat: incoming.chat, text: tr.t(busy ? 'system-busy' : 'system-error') }] };
    }
  }

  return { handle };
}
