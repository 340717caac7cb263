import type { Logger } from 'pino';
import type { Care } from '../care/service.ts';
import type { FloodGuard, Incoming, Outgoing } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';
import { understand as defaultUnderstand, type Understanding, type UnderstandOptions } from '../nlu/index.ts';
import { announcement, type StaffChat } from '../staff/index.ts';
import { type Store, StoreError, type TurnKeys, type TurnRead, type TurnResult } from '../store/types.ts';
import { runSteps } from './pipeline.ts';
import { Turn, type TurnDeps } from './turn.ts';

const DEDUPE_TTL_MS = 24 * 3600_000;

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
    if (!deps.staffChat) return;
    for (const opened of t.cases.filter((c) => c.status === 'open')) {
      const record = await store.getCase(opened.id);
      if (record && record.history.length === 1) t.replies.push(announcement(tr, deps.staffChat, record, t.incoming.platform, t.incoming.now.getTime()));
    }
  }

  async function turn(incoming: Incoming, read: TurnRead): Promise<TurnResult<Outgoing>> {
    const quiet: Outgoing = { chat: incoming.chat, intent: null, replies: [], cases: [] };
    const flood = floodGuard?.check(`${incoming.platform}:${incoming.user}`, incoming.now.getTime()) ?? 'ok';
    if (flood !== 'ok') {
      if (flood === 'warn') logger?.warn({ user: `${incoming.platform}:${incoming.user}` }, 'flooding user slowed down');
      return { value: flood === 'warn' ? { ...quiet, replies: [{ chat: incoming.chat, text: tr.t('flood-slow-down') }] } : quiet, writes: {} };
    }
    const t = new Turn(incoming, turnDeps, read);
    await runSteps(t);
    await announce(t);
    return t.result();
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
