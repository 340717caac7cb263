import { timingSafeEqual } from 'node:crypto';
import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { Bot, BotError, type Context, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardButton, Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import type { Button, Incoming, Reply } from '../chat/index.ts';
import { loadTranslator, type Translator } from '../i18n/index.ts';
import type { Channel, ChannelDeps, WebhookRoute } from './types.ts';

/**
 * The Telegram channel (grammY). It only translates: an update becomes an `Incoming` for the dialog engine, the
 * engine's replies become sendMessage calls. Long polling (@grammyjs/runner, one update at a time per chat and per
 * user) by default; webhook mode when a webhook URL is configured.
 */

export interface TelegramConfig {
  readonly token: string;
  /** Bot API root without a trailing slash; default https://api.telegram.org. */
  readonly apiRoot?: string;
  /** Webhook mode: the public URL Telegram posts updates to (served by the service at TELEGRAM_WEBHOOK_PATH). */
  readonly webhookUrl?: string;
  /** Required with webhookUrl: Telegram sends it back in x-telegram-bot-api-secret-token. */
  readonly webhookSecret?: string;
  /** Sentences (telegram-open-private); loaded from locales/ when absent. */
  readonly tr?: Translator;
  /** How long start() waits for getMe (retrying network errors) before giving up; default 30 s. */
  readonly startTimeoutMs?: number;
}

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const MAX_TEXT = 4096;
const MAX_CALLBACK_BYTES = 64;
const BUTTONS_PER_ROW = 3;
/** getUpdates failing this many times in a row makes connected() false until one succeeds again. */
const FAILING_POLLS = 3;
const LONG_POLL_SECONDS = 30;
const STOP_WAIT_MS = 5_000;
const DRAIN_MS = 25_000;
const MAX_RETRY_AFTER_S = 10;
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
const GREETING = '你好';

type Media = NonNullable<Incoming['media']>;

/** A message's kind when it is not text; null for service messages (joins, pins, …) which are not passed on. */
function mediaKind(msg: Message): Media | null {
  if (msg.voice || msg.video_note) return 'voice';
  if (msg.sticker || msg.animation) return 'sticker';
  if (msg.photo) return 'photo';
  if (msg.document || msg.audio || msg.video) return 'file';
  if (msg.location || msg.venue || msg.contact || msg.poll || msg.dice || msg.game || msg.story) return 'other';
  return null;
}

/** Cuts to Telegram's 4096 UTF-16 units without splitting a surrogate pair. */
export function cutText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Inline keyboard rows of at most 3; a payload over 64 bytes (or empty) cannot be a callback_data and is dropped. */
export function inlineKeyboard(buttons: readonly Button[] | undefined, onDropped: (bytes: number) => void): InlineKeyboardButton[][] {
  const usable: InlineKeyboardButton[] = [];
  for (const b of buttons ?? []) {
    const bytes = Buffer.byteLength(b.payload, 'utf8');
    if (bytes === 0 || bytes > MAX_CALLBACK_BYTES) {
      onDropped(bytes);
      continue;
    }
    usable.push({ text: b.label, callback_data: b.payload });
  }
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < usable.length; i += BUTTONS_PER_ROW) rows.push(usable.slice(i, i + BUTTONS_PER_ROW));
  return rows;
}

/**
 * Reads a text: whether it addresses this bot, and what remains once the @mention is taken out.
 * Returns null for a command addressed to another bot (`/help@other_bot`).
 */
export function readText(
  text: string,
  entities: readonly MessageEntity[] | undefined,
  me: { id: number; username: string },
): { text: string; mention: boolean } | null {
  const handle = `@${me.username}`.toLowerCase();
  const ranges: [number, number][] = [];
  if (entities) {
    for (const e of entities) {
      const own =
        (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) || (e.type === 'text_mention' && e.user.id === me.id);
      if (own) ranges.push([e.offset, e.offset + e.length]);
    }
  } else {
    // Entities are always sent by Telegram; this covers hand-made updates.
    const re = new RegExp(`(?<![A-Za-z0-9_])@${me.username}(?![A-Za-z0-9_])`, 'gi');
    for (const m of text.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  }
  let rest = text;
  for (const [from, to] of ranges.sort((a, b) => b[0] - a[0])) rest = `${rest.slice(0, from)} ${rest.slice(to)}`;
  rest = rest
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .replace(/^[\s,，:：]+/, '')
    .trim();
  let mention = ranges.length > 0;

  const command = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?=\s|$)([\s\S]*)$/.exec(rest);
  if (command) {
    const [, name = '', target, args = ''] = command;
    if (target && target.toLowerCase() !== me.username.toLowerCase()) return null;
    // A command is for a bot: addressed to this one, or bare (Telegram gives bare commands to the group's bots).
    mention = true;
    // /start and /start <payload> (t.me/<bot>?start=…) greet; the engine then continues a stored private dialog.
    if (name.toLowerCase() === 'start') return { text: GREETING, mention };
    const tail = args.trim();
    return { text: tail ? `/${name} ${tail}` : `/${name}`, mention };
  }
  // A bare "@bot" is a call for the bot: a greeting.
  if (rest === '' && mention) rest = GREETING;
  return { text: rest, mention };
}

function isGroup(type: string | undefined): boolean {
  return type === 'group' || type === 'supergroup';
}

/** Whether a message answers one of the bot's own (a forum topic's implicit reply to its opening message is not). */
function repliesToBot(msg: Message, botId: number): boolean {
  const to = msg.reply_to_message;
  if (!to) return false;
  if (msg.is_topic_message && to.message_id === msg.message_thread_id) return false;
  return to.from?.id === botId;
}

/** `"-100123"` → -100123 (Telegram ids fit in a double); usernames (`@channel`) stay strings. */
function chatIdOf(chat: string): number | string {
  return /^-?\d{1,16}$/.test(chat) ? Number(chat) : chat;
}

function headerOf(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTelegramChannel(config: TelegramConfig, deps: ChannelDeps): Channel {
  const { logger: parentLogger, staffIds } = deps;
  const logger = parentLogger.child({ channel: 'telegram' });
  const webhookMode = Boolean(config.webhookUrl);
  const secret = config.webhookSecret;
  if (webhookMode && !secret) throw new Error('telegram: webhookSecret is required with webhookUrl');
  const tr = config.tr ?? loadTranslator();
  const apiRoot = config.apiRoot?.replace(/\/+$/, '');
  const token = config.token;

  const bot = new Bot(token, { client: { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: LONG_POLL_SECONDS + 30 } });

  /** Anything that could carry the token (a network error names the URL) is cut out of logs. */
  const redact = (s: string | undefined) => (s ? s.split(token).join('<token>') : s);
  const describe = (err: unknown): Record<string, unknown> => {
    if (err instanceof BotError) return describe(err.error);
    // Never the payload: it holds the message text.
    if (err instanceof GrammyError) return { method: err.method, code: err.error_code, description: redact(err.description) };
    if (err instanceof HttpError) {
      const inner = err.error as { code?: unknown; name?: unknown } | null | undefined;
      return { message: redact(err.message), cause: typeof inner?.code === 'string' ? inner.code : typeof inner?.name === 'string' ? inner.name : undefined };
    }
    if (err instanceof Error) return { name: err.name, message: redact(err.message), stack: redact(err.stack) };
    return { message: redact(String(err)) };
  };

  let runner: RunnerHandle | undefined;
  let started = false;
  let stopped = false;
  let webhookSet = false;
  let pollFailures = 0;
  let pollCrashed = false;
  const stopping = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    const done = () => inFlight.delete(p);
    p.then(done, done);
    return p;
  };

  // Watch getUpdates for connected(): it retries forever, so the failures are counted here.
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    try {
      const res = await prev(method, payload, signal);
      if (res.ok) pollFailures = 0;
      else {
        pollFailures += 1;
        logger.warn({ code: res.error_code, description: res.description, failures: pollFailures }, 'telegram getUpdates failed');
      }
      return res;
    } catch (err) {
      if (!signal?.aborted) {
        pollFailures += 1;
        logger.warn({ err: describe(err), failures: pollFailures }, 'telegram getUpdates failed');
      }
      throw err;
    }
  });

  bot.catch((err) => {
    logger.error({ update: err.ctx.update.update_id, err: describe(err.error) }, 'telegram update failed');
  });

  // ---- sending ---------------------------------------------------------------------------------------------------

  /** Sends one message; retries once on a short 429; throws the API error otherwise. */
  const sendOrThrow = async (chat: string, text: string, buttons?: readonly Button[], replyTo?: number): Promise<void> => {
    const rows = inlineKeyboard(buttons, (bytes) => logger.warn({ chat, bytes }, 'telegram button dropped: callback_data must be 1-64 bytes'));
    const other = {
      ...(rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}),
      ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        await bot.api.sendMessage(chatIdOf(chat), cutText(text), other);
        return;
      } catch (err) {
        const wait = err instanceof GrammyError && err.error_code === 429 ? err.parameters.retry_after : undefined;
        if (attempt === 0 && wait !== undefined && wait <= MAX_RETRY_AFTER_S) {
          await sleep(wait * 1000);
          continue;
        }
        throw err;
      }
    }
  };

  /** Sends one reply; a failure is logged (never the text) and reported as false. */
  const trySend = async (chat: string, text: string, buttons?: readonly Button[], replyTo?: number): Promise<boolean> => {
    if (text.trim() === '') {
      logger.warn({ chat }, 'telegram reply skipped: empty text');
      return false;
    }
    try {
      await sendOrThrow(chat, text, buttons, replyTo);
      return true;
    } catch (err) {
      logger.warn({ chat, err: describe(err) }, 'telegram send failed');
      return false;
    }
  };

  /**
   * Runs a turn: the engine answers, the replies go out. In a group the first reply to the group quotes the user's
   * message; when a reply to the user's private chat fails (the user never opened one), the group gets a deep link.
   */
  const turn = async (incoming: Incoming, quote: number | undefined, me: UserFromGetMe): Promise<void> => {
    const out = await deps.handle(incoming);
    let quoted = false;
    let fellBack = false;
    const failed = new Set<string>();
    for (const reply of out.replies) {
      if (failed.has(reply.chat)) continue;
      const here = reply.chat === incoming.chat;
      const replyTo = incoming.group && here && !quoted ? quote : undefined;
      const sent = await trySend(reply.chat, reply.text, reply.buttons, replyTo);
      if (sent) {
        if (replyTo !== undefined) quoted = true;
        continue;
      }
      failed.add(reply.chat);
      if (incoming.group && reply.chat === incoming.user && !fellBack) {
        fellBack = true;
        const link = `https://t.me/${me.username}?start=private`;
        await trySend(incoming.chat, tr.t('telegram-open-private', { link }), undefined, quote);
      }
    }
  };

  // ---- receiving -------------------------------------------------------------------------------------------------

  // Counted from the start so stop() also waits for updates queued behind sequentialize.
  bot.use((_ctx, next) => track(Promise.resolve(next())));
  // One turn at a time per chat and per user (a user's group and private turns share the dialog state).
  bot.use(
    sequentialize((ctx: Context) => {
      const keys: string[] = [];
      if (ctx.chat) keys.push(`chat:${ctx.chat.id}`);
      if (ctx.from) keys.push(`user:${ctx.from.id}`);
      return keys;
    }),
  );

  bot.on('message', async (ctx) => {
    const msg = ctx.message;
    const from = msg.from;
    const me = ctx.me;
    const user = String(from.id);
    const group = isGroup(msg.chat.type);
    const base = {
      platform: 'telegram',
      chat: String(msg.chat.id),
      user,
      group,
      staff: staffIds.has(user),
      messageId: String(ctx.update.update_id),
    };
    const replied = repliesToBot(msg, me.id);
    let incoming: Incoming;
    if (msg.text !== undefined) {
      const read = readText(msg.text, msg.entities, me);
      if (!read) {
        logger.debug({ update: ctx.update.update_id }, 'telegram command for another bot ignored');
        return;
      }
      incoming = { ...base, text: read.text, mention: read.mention || replied, now: deps.now?.() ?? new Date() };
    } else {
      const media = mediaKind(msg);
      if (!media) return; // joins, leaves, pins, title changes…
      const captioned = msg.caption !== undefined ? (readText(msg.caption, msg.caption_entities, me)?.mention ?? false) : false;
      incoming = { ...base, media, mention: captioned || replied, now: deps.now?.() ?? new Date() };
    }
    logger.debug({ update: ctx.update.update_id, chat: incoming.chat, group, kind: incoming.media ?? 'text' }, 'telegram message');
    await turn(incoming, msg.message_id, me);
  });

  bot.on('callback_query', async (ctx) => {
    const cq = ctx.callbackQuery;
    // Answered at once and always, so the button stops spinning whatever happens next.
    const answering = ctx.answerCallbackQuery().catch((err: unknown) => logger.warn({ err: describe(err) }, 'telegram answerCallbackQuery failed'));
    try {
      if (cq.data === undefined) return; // a game button
      const chat = cq.message?.chat;
      const user = String(cq.from.id);
      const incoming: Incoming = {
        platform: 'telegram',
        chat: String(chat?.id ?? cq.from.id),
        user,
        button: cq.data,
        group: isGroup(chat?.type),
        // Pressing the bot's own button addresses the bot.
        mention: true,
        staff: staffIds.has(user),
        messageId: `cb:${cq.id}`,
        now: deps.now?.() ?? new Date(),
      };
      logger.debug({ update: ctx.update.update_id, chat: incoming.chat, kind: 'button' }, 'telegram button');
      await turn(incoming, undefined, ctx.me);
    } finally {
      await answering;
    }
  });

  // ---- webhook ---------------------------------------------------------------------------------------------------

  const route: WebhookRoute = {
    method: 'POST',
    path: TELEGRAM_WEBHOOK_PATH,
    async handle(request) {
      if (!secret || !sameSecret(headerOf(request.headers, SECRET_HEADER), secret)) {
        logger.warn('telegram webhook: missing or wrong secret token');
        return { status: 401, body: 'unauthorized' };
      }
      // Not ready (or stopped): Telegram keeps the update and retries.
      if (!webhookSet || stopped) return { status: 503, body: 'not ready' };
      let update: unknown;
      try {
        update = JSON.parse(request.body);
      } catch {
        return { status: 400, body: 'bad request' };
      }
      if (!isUpdate(update)) return { status: 400, body: 'bad request' };
      // Answered at once; the turn runs on (stop() waits for it). Redeliveries are the engine's dedupe.
      void track(
        bot.handleUpdate(update).catch((err: unknown) => {
          logger.error({ update: update.update_id, err: describe(err) }, 'telegram update failed');
        }),
      );
      return { status: 200, body: '' };
    },
  };

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  const channel: Channel = {
    name: 'telegram',
    ...(webhookMode ? { webhooks: [route] } : {}),

    async start() {
      if (started) return;
      started = true;
      const timeoutMs = config.startTimeoutMs ?? 30_000;
      const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]);
      try {
        // grammY types its signal with the abort-controller polyfill; the built-in one is what it uses at run time.
        await bot.init(signal as unknown as Parameters<typeof bot.init>[0]);
      } catch (err) {
        started = false; // start() may be tried again
        const reason = stopping.signal.aborted
          ? 'stopped'
          : signal.aborted
            ? `no answer within ${timeoutMs} ms`
            : String(describe(err).description ?? describe(err).message ?? 'error');
        logger.error({ err: describe(err), reason }, 'telegram getMe failed');
        throw new Error(`telegram: getMe failed (${reason})`);
      }
      const me = bot.botInfo;
      try {
        if (webhookMode && config.webhookUrl && secret) {
          await bot.api.setWebhook(config.webhookUrl, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
          webhookSet = !stopped;
          logger.info({ bot: me.username, mode: 'webhook' }, 'telegram started');
          return;
        }
        // Long polling cannot run while a webhook is set (409); pending updates are kept.
        await bot.api.deleteWebhook();
      } catch (err) {
        // Rethrown clean: a GrammyError carries its payload (the webhook secret).
        started = false;
        const info = describe(err);
        logger.error({ err: info }, webhookMode ? 'telegram setWebhook failed' : 'telegram deleteWebhook failed');
        throw new Error(`telegram: ${webhookMode ? 'setWebhook' : 'deleteWebhook'} failed (${String(info.description ?? info.message ?? 'error')})`);
      }
      if (stopped) return;
      const handle = run(bot, {
        runner: { silent: true, retryInterval: 'quadratic', fetch: { timeout: LONG_POLL_SECONDS, allowed_updates: [...ALLOWED_UPDATES] } },
      });
      runner = handle;
      handle.task()?.catch((err: unknown) => {
        pollCrashed = true;
        logger.error({ err: describe(err) }, 'telegram polling stopped');
      });
      logger.info({ bot: me.username, mode: 'polling' }, 'telegram started');
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      stopping.abort();
      webhookSet = false; // the webhook itself stays registered: Telegram queues updates until the next start
      const handle = runner;
      runner = undefined;
      if (handle) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.resolve(handle.stop()).catch(() => undefined),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, STOP_WAIT_MS);
          }),
        ]);
        clearTimeout(timer);
      }
      // The turns in flight finish (their replies go out); a turn hung for longer is given up on.
      const deadline = Date.now() + DRAIN_MS;
      while (inFlight.size > 0 && Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          }),
        ]);
        clearTimeout(timer);
      }
      if (inFlight.size > 0) logger.warn({ pending: inFlight.size }, 'telegram stopped with turns still running');
      else logger.info('telegram stopped');
    },

    connected() {
      if (!bot.isInited() || stopped) return false;
      if (webhookMode) return webhookSet;
      return runner !== undefined && !pollCrashed && runner.isRunning() && pollFailures < FAILING_POLLS;
    },

    async push(reply: Reply) {
      try {
        await sendOrThrow(reply.chat, reply.text, reply.buttons);
      } catch (err) {
        const info = describe(err);
        logger.warn({ chat: reply.chat, err: info }, 'telegram push failed');
        // Rethrown clean: a GrammyError carries its payload (the message text).
        const code = typeof info.code === 'number' ? info.code : undefined;
        throw Object.assign(
          new Error(`telegram: push failed (${code !== undefined ? `${code}: ` : ''}${String(info.description ?? info.message ?? 'error')})`),
          { code },
        );
      }
    },
  };
  return channel;
}
