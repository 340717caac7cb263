import { type RunnerHandle, run } from '@grammyjs/runner';
import { Bot, BotError, type Context, GrammyError, HttpError } from 'grammy';
import type { CallbackQuery, InlineKeyboardButton, Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import type { Button, Incoming, Reply } from '../chat/index.ts';
import { loadTranslator, type Translator } from '../i18n/index.ts';
import { cutText, headerOf, SerialQueue, sameSecret } from './shared.ts';
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

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What can be logged of an error: never a payload (it holds the message text), never the token (a URL names it). */
function describeError(err: unknown, token: string): Record<string, unknown> {
  const redact = (s: string | undefined) => (s ? s.split(token).join('<token>') : s);
  if (err instanceof BotError) return describeError(err.error, token);
  if (err instanceof GrammyError) return { method: err.method, code: err.error_code, description: redact(err.description) };
  if (err instanceof HttpError) {
    const inner = err.error as { code?: unknown; name?: unknown } | null | undefined;
    return { message: redact(err.message), cause: typeof inner?.code === 'string' ? inner.code : typeof inner?.name === 'string' ? inner.name : undefined };
  }
  if (err instanceof Error) return { name: err.name, message: redact(err.message), stack: redact(err.stack) };
  return { message: redact(String(err)) };
}

/** Waits for a promise, at most `ms`; true when it settled in time. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, ms));
    }),
  ]);
  clearTimeout(timer);
  return settled;
}

export function createTelegramChannel(config: TelegramConfig, deps: ChannelDeps): Channel {
  return new Telegram(config, deps);
}

class Telegram implements Channel {
  readonly name = 'telegram' as const;
  readonly webhooks?: readonly WebhookRoute[];
  readonly #config: TelegramConfig;
  readonly #deps: ChannelDeps;
  readonly #logger: ChannelDeps['logger'];
  readonly #tr: Translator;
  readonly #bot: Bot;
  readonly #webhookMode: boolean;
  readonly #secret: string | undefined;
  readonly #stopping = new AbortController();
  readonly #inFlight = new Set<Promise<unknown>>();
  /** One turn at a time per chat and per user (a user's group and private turns share the dialog state). */
  readonly #queue = new SerialQueue();
  #runner: RunnerHandle | undefined;
  #started = false;
  #stopped = false;
  #webhookSet = false;
  #pollFailures = 0;
  #pollCrashed = false;

  constructor(config: TelegramConfig, deps: ChannelDeps) {
    this.#config = config;
    this.#deps = deps;
    this.#logger = deps.logger.child({ channel: 'telegram' });
    this.#webhookMode = Boolean(config.webhookUrl);
    this.#secret = config.webhookSecret;
    if (this.#webhookMode && !this.#secret) throw new Error('telegram: webhookSecret is required with webhookUrl');
    this.#tr = config.tr ?? loadTranslator();
    const apiRoot = config.apiRoot?.replace(/\/+$/, '');
    this.#bot = new Bot(config.token, { client: { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: LONG_POLL_SECONDS + 30 } });
    this.#watchPolling();
    this.#bot.catch((err) => {
      this.#logger.error({ update: err.ctx.update.update_id, err: this.#describe(err.error) }, 'telegram update failed');
    });
    this.#install();
    if (this.#webhookMode) this.webhooks = [{ method: 'POST', path: TELEGRAM_WEBHOOK_PATH, handle: (request) => this.#onWebhook(request) }];
  }

  #describe(err: unknown): Record<string, unknown> {
    return describeError(err, this.#config.token);
  }

  #track<T>(p: Promise<T>): Promise<T> {
    this.#inFlight.add(p);
    const done = () => this.#inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  /** Watches getUpdates for connected(): it retries forever, so the failures are counted here. */
  #watchPolling(): void {
    const logger = this.#logger;
    this.#bot.api.config.use(async (prev, method, payload, signal) => {
      if (method !== 'getUpdates') return prev(method, payload, signal);
      try {
        const res = await prev(method, payload, signal);
        if (res.ok) this.#pollFailures = 0;
        else {
          this.#pollFailures += 1;
          logger.warn({ code: res.error_code, description: res.description, failures: this.#pollFailures }, 'telegram getUpdates failed');
        }
        return res;
      } catch (err) {
        if (!signal?.aborted) {
          this.#pollFailures += 1;
          logger.warn({ err: this.#describe(err), failures: this.#pollFailures }, 'telegram getUpdates failed');
        }
        throw err;
      }
    });
  }

  // ---- sending ---------------------------------------------------------------------------------------------------

  /** Sends one message; retries once on a short 429; throws the API error otherwise. */
  async #sendOrThrow(chat: string, text: string, buttons?: readonly Button[], replyTo?: number): Promise<void> {
    const rows = inlineKeyboard(buttons, (bytes) => this.#logger.warn({ chat, bytes }, 'telegram button dropped: callback_data must be 1-64 bytes'));
    const other = {
      ...(rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}),
      ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#bot.api.sendMessage(chatIdOf(chat), cutText(text, MAX_TEXT), other);
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
  }

  /** Sends one reply; a failure is logged (never the text) and reported as false. */
  async #trySend(chat: string, text: string, buttons?: readonly Button[], replyTo?: number): Promise<boolean> {
    if (text.trim() === '') {
      this.#logger.warn({ chat }, 'telegram reply skipped: empty text');
      return false;
    }
    try {
      await this.#sendOrThrow(chat, text, buttons, replyTo);
      return true;
    } catch (err) {
      this.#logger.warn({ chat, err: this.#describe(err) }, 'telegram send failed');
      return false;
    }
  }

  /**
   * Runs a turn: the engine answers, the replies go out. In a group the first reply to the group quotes the user's
   * message; when a reply to the user's private chat fails (the user never opened one), the group gets a deep link.
   */
  async #turn(incoming: Incoming, quote: number | undefined, me: UserFromGetMe): Promise<void> {
    const out = await this.#deps.handle(incoming);
    let quoted = false;
    let fellBack = false;
    const failed = new Set<string>();
    for (const reply of out.replies) {
      if (failed.has(reply.chat)) continue;
      const here = reply.chat === incoming.chat;
      const replyTo = incoming.group && here && !quoted ? quote : undefined;
      const sent = await this.#trySend(reply.chat, reply.text, reply.buttons, replyTo);
      if (sent) {
        if (replyTo !== undefined) quoted = true;
        continue;
      }
      failed.add(reply.chat);
      if (incoming.group && reply.chat === incoming.user && !fellBack) {
        fellBack = true;
        const link = `https://t.me/${me.username}?start=private`;
        await this.#trySend(incoming.chat, this.#tr.t('telegram-open-private', { link }), undefined, quote);
      }
    }
  }

  // ---- receiving -------------------------------------------------------------------------------------------------

  #install(): void {
    // Counted from the start so stop() also waits for updates queued behind others of their chat.
    this.#bot.use((_ctx, next) => this.#track(Promise.resolve(next())));
    this.#bot.use((ctx: Context, next) => {
      const keys: string[] = [];
      if (ctx.chat) keys.push(`chat:${ctx.chat.id}`);
      if (ctx.from) keys.push(`user:${ctx.from.id}`);
      return this.#queue.run(keys, () => next());
    });
    this.#bot.on('message', (ctx) => this.#onMessage(ctx.message, ctx.update.update_id, ctx.me));
    this.#bot.on('callback_query', async (ctx) => {
      // Answered at once and always, so the button stops spinning whatever happens next.
      const answering = ctx
        .answerCallbackQuery()
        .catch((err: unknown) => this.#logger.warn({ err: this.#describe(err) }, 'telegram answerCallbackQuery failed'));
      try {
        await this.#onButton(ctx.callbackQuery, ctx.update.update_id, ctx.me);
      } finally {
        await answering;
      }
    });
  }

  async #onMessage(msg: Message & { from: NonNullable<Message['from']> }, updateId: number, me: UserFromGetMe): Promise<void> {
    const user = String(msg.from.id);
    const group = isGroup(msg.chat.type);
    const base = { platform: 'telegram', chat: String(msg.chat.id), user, group, staff: this.#deps.staffIds.has(user), messageId: String(updateId) };
    const replied = repliesToBot(msg, me.id);
    const now = this.#deps.now?.() ?? new Date();
    let incoming: Incoming;
    if (msg.text !== undefined) {
      const read = readText(msg.text, msg.entities, me);
      if (!read) {
        this.#logger.debug({ update: updateId }, 'telegram command for another bot ignored');
        return;
      }
      const admin = group && /^\s*[/／]notices\b/i.test(read.text) ? await this.#isAdmin(msg.chat.id, msg.from.id) : undefined;
      incoming = { ...base, text: read.text, mention: read.mention || replied, now, ...(admin !== undefined ? { admin } : {}) };
    } else {
      const media = mediaKind(msg);
      if (!media) return; // joins, leaves, pins, title changes…
      const captioned = msg.caption !== undefined ? (readText(msg.caption, msg.caption_entities, me)?.mention ?? false) : false;
      incoming = { ...base, media, mention: captioned || replied, now };
    }
    this.#logger.debug({ update: updateId, chat: incoming.chat, group, kind: incoming.media ?? 'text' }, 'telegram message');
    await this.#turn(incoming, msg.message_id, me);
  }

  /** Whether a user administers a group: asked only for `/notices` (a group's switch), not for every message. */
  async #isAdmin(chat: number, user: number): Promise<boolean> {
    try {
      const member = await this.#bot.api.getChatMember(chat, user);
      return member.status === 'creator' || member.status === 'administrator';
    } catch (err) {
      this.#logger.warn({ chat, err: this.#describe(err) }, 'telegram getChatMember failed: not taken as an admin');
      return false;
    }
  }

  async #onButton(cq: CallbackQuery, updateId: number, me: UserFromGetMe): Promise<void> {
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
      staff: this.#deps.staffIds.has(user),
      messageId: `cb:${cq.id}`,
      now: this.#deps.now?.() ?? new Date(),
    };
    this.#logger.debug({ update: updateId, chat: incoming.chat, kind: 'button' }, 'telegram button');
    await this.#turn(incoming, undefined, me);
  }

  // ---- webhook ---------------------------------------------------------------------------------------------------

  async #onWebhook(request: Parameters<WebhookRoute['handle']>[0]): ReturnType<WebhookRoute['handle']> {
    if (!this.#secret || !sameSecret(headerOf(request.headers, SECRET_HEADER), this.#secret)) {
      this.#logger.warn('telegram webhook: missing or wrong secret token');
      return { status: 401, body: 'unauthorized' };
    }
    // Not ready (or stopped): Telegram keeps the update and retries.
    if (!this.#webhookSet || this.#stopped) return { status: 503, body: 'not ready' };
    let update: unknown;
    try {
      update = JSON.parse(request.body);
    } catch {
      return { status: 400, body: 'bad request' };
    }
    if (!isUpdate(update)) return { status: 400, body: 'bad request' };
    // Answered at once; the turn runs on (stop() waits for it). Redeliveries are the engine's dedupe.
    void this.#track(
      this.#bot.handleUpdate(update).catch((err: unknown) => {
        this.#logger.error({ update: update.update_id, err: this.#describe(err) }, 'telegram update failed');
      }),
    );
    return { status: 200, body: '' };
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  /** getMe, bounded by the start timeout and by stop(). */
  async #init(): Promise<void> {
    const timeoutMs = this.#config.startTimeoutMs ?? 30_000;
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), this.#stopping.signal]);
    try {
      // grammY types its signal with the abort-controller polyfill; the built-in one is what it uses at run time.
      await this.#bot.init(signal as unknown as Parameters<Bot['init']>[0]);
    } catch (err) {
      const info = this.#describe(err);
      const reason = this.#stopping.signal.aborted
        ? 'stopped'
        : signal.aborted
          ? `no answer within ${timeoutMs} ms`
          : String(info.description ?? info.message ?? 'error');
      this.#logger.error({ err: info, reason }, 'telegram getMe failed');
      throw new Error(`telegram: getMe failed (${reason})`);
    }
  }

  /** Registers the webhook, or removes one so long polling can run. */
  async #setUpDelivery(): Promise<void> {
    try {
      if (this.#webhookMode && this.#config.webhookUrl && this.#secret) {
        await this.#bot.api.setWebhook(this.#config.webhookUrl, { secret_token: this.#secret, allowed_updates: [...ALLOWED_UPDATES] });
        this.#webhookSet = !this.#stopped;
        return;
      }
      // Long polling cannot run while a webhook is set (409); pending updates are kept.
      await this.#bot.api.deleteWebhook();
    } catch (err) {
      // Rethrown clean: a GrammyError carries its payload (the webhook secret).
      const info = this.#describe(err);
      const what = this.#webhookMode ? 'setWebhook' : 'deleteWebhook';
      this.#logger.error({ err: info }, `telegram ${what} failed`);
      throw new Error(`telegram: ${what} failed (${String(info.description ?? info.message ?? 'error')})`);
    }
  }

  #startPolling(): void {
    const handle = run(this.#bot, {
      runner: { silent: true, retryInterval: 'quadratic', fetch: { timeout: LONG_POLL_SECONDS, allowed_updates: [...ALLOWED_UPDATES] } },
    });
    this.#runner = handle;
    handle.task()?.catch((err: unknown) => {
      this.#pollCrashed = true;
      this.#logger.error({ err: this.#describe(err) }, 'telegram polling stopped');
    });
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    try {
      await this.#init();
      await this.#setUpDelivery();
    } catch (err) {
      this.#started = false; // start() may be tried again
      throw err;
    }
    const me = this.#bot.botInfo;
    if (this.#webhookMode) {
      this.#logger.info({ bot: me.username, mode: 'webhook' }, 'telegram started');
      return;
    }
    if (this.#stopped) return;
    this.#startPolling();
    this.#logger.info({ bot: me.username, mode: 'polling' }, 'telegram started');
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#stopping.abort();
    this.#webhookSet = false; // the webhook itself stays registered: Telegram queues updates until the next start
    const handle = this.#runner;
    this.#runner = undefined;
    if (handle) await within(Promise.resolve(handle.stop()), STOP_WAIT_MS);
    // The turns in flight finish (their replies go out); a turn hung for longer is given up on.
    const deadline = Date.now() + DRAIN_MS;
    while (this.#inFlight.size > 0 && Date.now() < deadline) await within(Promise.allSettled([...this.#inFlight]), deadline - Date.now());
    if (this.#inFlight.size > 0) this.#logger.warn({ pending: this.#inFlight.size }, 'telegram stopped with turns still running');
    else this.#logger.info('telegram stopped');
  }

  connected(): boolean {
    if (!this.#bot.isInited() || this.#stopped) return false;
    if (this.#webhookMode) return this.#webhookSet;
    return this.#runner !== undefined && !this.#pollCrashed && this.#runner.isRunning() && this.#pollFailures < FAILING_POLLS;
  }

  async push(reply: Reply): Promise<void> {
    try {
      await this.#sendOrThrow(reply.chat, reply.text, reply.buttons);
    } catch (err) {
      const info = this.#describe(err);
      this.#logger.warn({ chat: reply.chat, err: info }, 'telegram push failed');
      // Rethrown clean: a GrammyError carries its payload (the message text).
      const code = typeof info.code === 'number' ? info.code : undefined;
      // A 429 carries the delay Telegram advised, so the scheduler waits that long before the next message.
      const retryAfter = err instanceof GrammyError && err.error_code === 429 ? err.parameters.retry_after : undefined;
      throw Object.assign(new Error(`telegram: push failed (${code !== undefined ? `${code}: ` : ''}${String(info.description ?? info.message ?? 'error')})`), {
        code,
        ...(retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}),
      });
    }
  }
}
