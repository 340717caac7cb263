import { createHash, randomUUID } from 'node:crypto';
import type { EventHandles } from '@larksuiteoapi/node-sdk';
import { AESCipher, Client, DefaultCache, Domain, EventDispatcher, LoggerLevel, WSClient } from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import type { Button, Incoming, Outgoing, Reply } from '../chat/index.ts';
import { cutText, headerOf, RecentKeys, SerialQueue, sameSecret } from './shared.ts';
import type { Channel, ChannelDeps, WebhookRoute } from './types.ts';

/**
 * Lark / Feishu through the official SDK (@larksuiteoapi/node-sdk).
 *
 * Receiving: the long connection (WSClient + EventDispatcher) by default, or two webhook routes. Both feed the same
 * EventDispatcher, whose handlers only translate, de-duplicate and queue: the dialog engine runs after the event is
 * acknowledged, so Lark's 3-second window is always met. `stop()` waits for the queued work.
 *
 * Identity: a group is its chat_id (oc_…); a private chat is the user's open_id (ou_…), as the engine addresses a
 * user's private chat by the user id. Sending to an ou_… id uses receive_id_type 'open_id'.
 *
 * Message texts are never logged, nor handed to the SDK's logger (its debug output carries event payloads).
 */

export interface LarkChannelConfig {
  readonly appId: string;
  readonly appSecret: string;
  /** 'feishu' (default), 'lark', or a base URL such as http://127.0.0.1:8080 */
  readonly domain?: string;
  readonly mode?: 'ws' | 'webhook';
  /** Required in webhook mode: every request is signed with it (and encrypted bodies are decrypted with it). */
  readonly encryptKey?: string;
  /** Optional: when set, webhook bodies must also carry it. */
  readonly verificationToken?: string;
}

export interface LarkChannel extends Channel {
  readonly name: 'lark';
  /**
   * What the long connection calls for every event or callback frame (the decoded, plaintext envelope): the
   * EventDispatcher of this channel, without request checks. Returns the callback response, if any.
   */
  dispatch(envelope: unknown): Promise<unknown>;
}

/** Lark's text limit is far higher; long texts are cut well below it (the engine already splits at 3500). */
export const MAX_TEXT = 4000;
/** Event ids remembered for de-duplication: Lark redelivers unacknowledged events for up to about 7 hours. */
const DEDUPE_TTL_MS = 12 * 3600_000;
const DEDUPE_MAX = 20_000;
/** How long start() waits for the long connection before returning (it keeps trying in the background). */
const WS_READY_WAIT_MS = 15_000;
/** How long stop() waits for messages in flight. */
const STOP_WAIT_MS = 20_000;
const APP_ID = /^cli_[0-9a-fA-F]{16}$/;

type Json = Record<string, unknown>;
type MessageEvent = Parameters<NonNullable<EventHandles['im.message.receive_v1']>>[0];
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function larkDomain(domain: string | undefined): Domain | string {
  if (domain === undefined || domain === 'feishu') return Domain.Feishu;
  if (domain === 'lark') return Domain.Lark;
  return domain.replace(/\/+$/, '');
}

/** Cuts below Lark's limits, marking the cut with an ellipsis. */
const cut = (text: string, max = MAX_TEXT) => cutText(text, max, '…');

/** A text message renders <at user_id="…"> tags: user-supplied text must not mention anyone (or everyone). */
const defuseAt = (text: string) => text.replace(/<(\/?)at\b/gi, '<\u200b$1at');

/** The receive_id_type of a chat id as the engine gives it: a user's open_id or a chat_id. */
export function receiveIdType(chat: string): 'open_id' | 'union_id' | 'chat_id' {
  if (chat.startsWith('ou_')) return 'open_id';
  if (chat.startsWith('on_')) return 'union_id';
  return 'chat_id';
}

/** An interactive card (message card JSON 1.0): the text as plain text, and one button per Button carrying its payload. */
export function buildCard(text: string, buttons: readonly Button[], chat: string): Json {
  return {
    config: { wide_screen_mode: true },
    elements: [
      { tag: 'div', text: { tag: 'plain_text', content: cut(text) } },
      {
        tag: 'action',
        layout: 'flow',
        actions: buttons.map((b) => ({
          tag: 'button',
          text: { tag: 'plain_text', content: cut(b.label, 100) },
          type: 'default',
          // `chat` says where the card went (a private card goes to an open_id), so a press continues there.
          value: { payload: b.payload, chat },
        })),
      },
    ],
  };
}

function render(reply: Reply): { msg_type: string; content: string } {
  if (reply.buttons && reply.buttons.length > 0) {
    return { msg_type: 'interactive', content: JSON.stringify(buildCard(reply.text, reply.buttons, reply.chat)) };
  }
  return { msg_type: 'text', content: JSON.stringify({ text: defuseAt(cut(reply.text)) }) };
}

const MEDIA: Readonly<Record<string, NonNullable<Incoming['media']>>> = {
  image: 'photo',
  audio: 'voice',
  sticker: 'sticker',
  file: 'file',
  media: 'other',
};

/** The readable text of a rich-text (post) message: text and link runs, paragraph by paragraph. */
function postText(content: Json): string {
  const body = Array.isArray(content.content) ? content : (Object.values(content).find((v) => isObject(v) && Array.isArray(v.content)) as Json | undefined);
  if (!body || !Array.isArray(body.content)) return '';
  const lines: string[] = [];
  const title = str(body.title);
  if (title) lines.push(title);
  for (const paragraph of body.content as unknown[]) {
    if (!Array.isArray(paragraph)) continue;
    lines.push(
      paragraph.map((run: unknown) => (isObject(run) && (run.tag === 'text' || run.tag === 'a') && typeof run.text === 'string' ? run.text : '')).join(''),
    );
  }
  return lines.join('\n');
}

/** The text (mention placeholders removed) or the media kind of a received message. */
export function readContent(messageType: string, content: string): { text?: string; media?: Incoming['media'] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    parsed = undefined;
  }
  const clean = (t: string) =>
    t
      .replace(/@_user_\d+|@_all\b/g, ' ')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
  if (messageType === 'text') return { text: clean(isObject(parsed) && typeof parsed.text === 'string' ? parsed.text : '') };
  if (messageType === 'post') {
    const text = clean(isObject(parsed) ? postText(parsed) : '');
    return text ? { text } : { media: 'photo' };
  }
  return { media: MEDIA[messageType] ?? 'other' };
}

/** What can be said of an error without its request (the SDK's errors carry the message sent). */
function describeError(error: unknown): { error: string; status?: number; code?: string | number } {
  if (!isObject(error) && !(error instanceof Error)) return { error: String(error).slice(0, 200) };
  const e = error as { name?: unknown; message?: unknown; code?: unknown; response?: { status?: unknown; data?: unknown } };
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined;
  const larkCode = isObject(e.response?.data) && typeof e.response.data.code === 'number' ? e.response.data.code : undefined;
  const code = larkCode ?? (typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined);
  return {
    error: `${typeof e.name === 'string' ? e.name : 'Error'}: ${typeof e.message === 'string' ? e.message.slice(0, 200) : ''}`,
    ...(status !== undefined ? { status } : {}),
    ...(code !== undefined ? { code } : {}),
  };
}

/** The SDK's logger, reduced to short strings: no request bodies, no event payloads. Its debug and trace are dropped. */
function sdkLogger(log: Logger) {
  const summarize = (arg: unknown): string => {
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
    if (Array.isArray(arg)) return arg.map(summarize).filter(Boolean).join(' ');
    if (arg instanceof Error || (isObject(arg) && typeof arg.message === 'string')) {
      const d = describeError(arg);
      return [d.error, d.status !== undefined ? `status=${d.status}` : '', d.code !== undefined ? `code=${d.code}` : ''].filter(Boolean).join(' ');
    }
    if (isObject(arg) && (typeof arg.code === 'number' || typeof arg.msg === 'string')) return `code=${String(arg.code)} msg=${String(arg.msg).slice(0, 200)}`;
    return '';
  };
  const line = (args: unknown[]) => summarize(args).slice(0, 500);
  return {
    // The adapter reports the outcome of every call itself; the SDK's own errors are detail.
    error: (...args: unknown[]) => log.warn({ sdk: line(args) }, 'lark sdk error'),
    warn: (...args: unknown[]) => log.warn({ sdk: line(args) }, 'lark sdk warning'),
    info: (...args: unknown[]) => log.debug({ sdk: line(args) }, 'lark sdk'),
    debug: () => undefined,
    trace: () => undefined,
  };
}

/** Where a reply answers: a group reply to the same chat quotes the triggering message. */
interface Trigger {
  readonly chat: string;
  readonly group: boolean;
  readonly messageId?: string;
}

type Verdict = { ok: true; body: Json; challenge: boolean } | { ok: false; status: number; reason: string };

/** What a webhook request is checked with: the app's encrypt key (and its cipher) and verification token. */
interface RequestKeys {
  readonly encryptKey?: string;
  readonly verificationToken?: string;
  readonly cipher?: AESCipher;
}

/** How far X-Lark-Request-Timestamp may be from now: an older request (a recording played back) is refused. */
export const MAX_REQUEST_AGE_MS = 5 * 60_000;

/** The request body, decrypted when it is encrypted. */
function openBody(keys: RequestKeys, raw: string): { ok: true; body: Json; encrypted: boolean } | { ok: false; status: number; reason: string } {
  let outer: unknown;
  try {
    outer = JSON.parse(raw);
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!isObject(outer)) return { ok: false, status: 400, reason: 'body is not an object' };
  if (typeof outer.encrypt !== 'string') return { ok: true, body: outer, encrypted: false };
  if (!keys.cipher) return { ok: false, status: 401, reason: 'encrypted body, but no encrypt key is configured' };
  try {
    const plain: unknown = JSON.parse(keys.cipher.decrypt(outer.encrypt));
    if (!isObject(plain)) return { ok: false, status: 400, reason: 'decrypted body is not an object' };
    return { ok: true, body: plain, encrypted: true };
  } catch {
    return { ok: false, status: 401, reason: 'cannot decrypt' };
  }
}

/** The verification token a body carries (schema 2.0 in its header, older shapes at the top). */
function tokenOf(body: Json): string {
  const header = isObject(body.header) ? body.header : undefined;
  return str(header?.token) ?? str(body.token) ?? '';
}

/**
 * Checks a webhook request as Lark documents it: X-Lark-Signature = sha256(timestamp + nonce + encrypt key + raw
 * body), over the exact bytes received, and a timestamp within MAX_REQUEST_AGE_MS of now. Old-style card callbacks
 * (signed with the verification token only, which travels in every plain request) are refused. The url_verification
 * challenge has no effect and comes unsigned: it is answered when it was encrypted with our key or carries the token.
 */
function verifyRequest(keys: RequestKeys, headers: Readonly<Record<string, string | undefined>>, raw: string, nowMs: number): Verdict {
  const opened = openBody(keys, raw);
  if (!opened.ok) return opened;
  const { body, encrypted } = opened;
  const tokenOk = keys.verificationToken !== undefined && sameSecret(tokenOf(body), keys.verificationToken);
  if (body.type === 'url_verification') {
    return encrypted || tokenOk ? { ok: true, body, challenge: true } : { ok: false, status: 401, reason: 'challenge neither encrypted nor with the token' };
  }
  if (!keys.encryptKey) return { ok: false, status: 401, reason: 'no encrypt key configured: requests cannot be verified' };
  const timestamp = headerOf(headers, 'x-lark-request-timestamp') ?? '';
  const nonce = headerOf(headers, 'x-lark-request-nonce') ?? '';
  const signature = headerOf(headers, 'x-lark-signature') ?? '';
  const sentAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) * 1000 : Number.NaN;
  if (!(Math.abs(nowMs - sentAt) <= MAX_REQUEST_AGE_MS)) return { ok: false, status: 401, reason: 'timestamp missing or not within 5 minutes' };
  const expected = createHash('sha256')
    .update(timestamp + nonce + keys.encryptKey + raw)
    .digest('hex');
  if (!sameSecret(signature, expected)) return { ok: false, status: 401, reason: 'bad signature' };
  if (!('schema' in body) && isObject(body.action))
    return { ok: false, status: 401, reason: 'old-style card callback: switch the card to card.action.trigger' };
  if (keys.verificationToken !== undefined && !tokenOk) return { ok: false, status: 401, reason: 'bad verification token' };
  return { ok: true, body, challenge: false };
}

const jsonReply = (status: number, body: unknown) => ({ status, body: JSON.stringify(body), headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The operator, chat and payload of a `card.action.trigger` callback. */
function readCardAction(data: Json): { user?: string; chatId?: string; cardMessage?: string; value: unknown; payload?: string } {
  const operator = isObject(data.operator) ? data.operator : undefined;
  const context = isObject(data.context) ? data.context : undefined;
  const action = isObject(data.action) ? data.action : undefined;
  let value: unknown = action?.value;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      value = { payload: value };
    }
  }
  return {
    user: str(operator?.open_id),
    chatId: str(context?.open_chat_id),
    cardMessage: str(context?.open_message_id),
    value,
    payload: isObject(value) ? str(value.payload) : undefined,
  };
}

/** Lark / Feishu channel. See the module comment. */
export function createLarkChannel(config: LarkChannelConfig, deps: ChannelDeps): LarkChannel {
  return new Lark(config, deps);
}

class Lark implements LarkChannel {
  readonly name = 'lark' as const;
  readonly webhooks?: readonly WebhookRoute[];
  readonly #config: LarkChannelConfig;
  readonly #deps: ChannelDeps;
  readonly #log: Logger;
  readonly #sdkLog: ReturnType<typeof sdkLogger>;
  readonly #now: () => Date;
  readonly #mode: 'ws' | 'webhook';
  readonly #domain: Domain | string;
  readonly #keys: RequestKeys;
  readonly #client: Client;
  readonly #dispatcher: EventDispatcher;
  readonly #recent = new RecentKeys(DEDUPE_TTL_MS, DEDUPE_MAX);
  /** Turns run after the acknowledgement, one at a time per chat; stop() waits for them. */
  readonly #queue = new SerialQueue();
  #state: 'idle' | 'starting' | 'running' | 'stopped' = 'idle';
  #botOpenId: string | undefined;
  #ws: WSClient | undefined;

  constructor(config: LarkChannelConfig, deps: ChannelDeps) {
    this.#config = config;
    this.#deps = deps;
    this.#log = deps.logger.child({ channel: 'lark' });
    this.#now = deps.now ?? (() => new Date());
    this.#mode = config.mode ?? 'ws';
    if (this.#mode === 'webhook' && !config.encryptKey) throw new Error('lark: encryptKey is required in webhook mode (requests are signed with it)');
    this.#domain = larkDomain(config.domain);
    this.#sdkLog = sdkLogger(this.#log);
    this.#keys = {
      encryptKey: config.encryptKey,
      verificationToken: config.verificationToken,
      cipher: config.encryptKey ? new AESCipher(config.encryptKey) : undefined,
    };
    this.#client = new Client({
      appId: config.appId,
      appSecret: config.appSecret,
      domain: this.#domain,
      logger: this.#sdkLog,
      loggerLevel: LoggerLevel.info,
      // Each channel keeps its own token cache (the SDK's default one is process-wide).
      cache: new DefaultCache(),
    });
    // Requests are checked here (the SDK signs over re-serialized JSON and ignores the verification token).
    this.#dispatcher = new EventDispatcher({ logger: this.#sdkLog, loggerLevel: LoggerLevel.info });
    this.#register();
    if (this.#mode === 'webhook') this.webhooks = [this.#route('/webhooks/lark/events'), this.#route('/webhooks/lark/cards')];
  }

  /** Events are taken once the bot's identity is known (mentions depend on it) and until stop(). */
  #accepting(): boolean {
    return (this.#state === 'running' || this.#state === 'starting') && this.#botOpenId !== undefined;
  }

  // ---- sending ----

  /** One API call, retried once on a network error, 5xx or 429 (the uuid makes the retry idempotent on Lark's side). */
  async #call(what: string, send: () => Promise<{ code?: number; msg?: string }>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await send();
        if (res.code === undefined || res.code === 0) return true;
        this.#log.warn({ what, code: res.code, msg: String(res.msg ?? '').slice(0, 200) }, 'lark send refused');
        return false;
      } catch (error) {
        const d = describeError(error);
        const transient = d.status === undefined || d.status >= 500 || d.status === 429;
        if (attempt < 2 && transient) {
          await new Promise((r) => setTimeout(r, 300));
          continue;
        }
        this.#log.warn({ what, ...d }, 'lark send failed');
        return false;
      }
    }
  }

  async #send(reply: Reply, trigger?: Trigger): Promise<boolean> {
    const { msg_type, content } = render(reply);
    const im = this.#client.im.v1.message;
    try {
      if (trigger?.group && trigger.messageId && reply.chat === trigger.chat) {
        const message_id = trigger.messageId;
        const uuid = randomUUID();
        if (await this.#call('reply', () => im.reply({ path: { message_id }, data: { msg_type, content, uuid } }))) return true;
        // The message may be gone (withdrawn): say it in the chat instead.
      }
      // A scheduled message's key, digested to Lark's 50 characters: Lark sends one message per uuid within an hour.
      const uuid = reply.key ? createHash('sha256').update(reply.key).digest('hex').slice(0, 50) : randomUUID();
      const receive_id_type = receiveIdType(reply.chat);
      return await this.#call('create', () => im.create({ params: { receive_id_type }, data: { receive_id: reply.chat, msg_type, content, uuid } }));
    } catch (error) {
      this.#log.warn(describeError(error), 'lark send failed');
      return false;
    }
  }

  async #deliver(out: Outgoing, trigger: Trigger): Promise<void> {
    for (const reply of out.replies) await this.#send(reply, trigger);
  }

  // ---- receiving ----

  /** Runs a turn after the acknowledgement, in order per chat. */
  #run(incoming: Incoming, trigger: Trigger): void {
    this.#queue
      .run(incoming.chat, async () => this.#deliver(await this.#deps.handle(incoming), trigger))
      .catch((error: unknown) => this.#log.error(describeError(error), 'lark turn failed'));
  }

  #onMessage(data: MessageEvent): void {
    if (!this.#accepting()) return;
    const message = isObject(data?.message) ? data.message : undefined;
    const user = str(data?.sender?.sender_id?.open_id);
    if (!message || !user || data.sender.sender_type !== 'user') return;
    const messageId = str(message.message_id);
    const chatId = str(message.chat_id);
    if (!messageId || !chatId) return;
    const keys = [`m:${messageId}`, ...(str(data.event_id) ? [`e:${data.event_id as string}`] : [])];
    if (!this.#recent.firstTime(keys)) {
      this.#log.debug({ event: data.event_id }, 'lark duplicate event skipped');
      return;
    }
    const group = message.chat_type !== 'p2p';
    const chat = group ? chatId : user;
    const mention = this.#botOpenId !== undefined && (message.mentions ?? []).some((m) => m?.id?.open_id === this.#botOpenId);
    const { text, media } = readContent(String(message.message_type ?? ''), String(message.content ?? ''));
    const incoming: Incoming = {
      platform: 'lark',
      chat,
      user,
      ...(text !== undefined ? { text } : {}),
      ...(media ? { media } : {}),
      group,
      mention,
      staff: this.#deps.staffIds.has(user),
      messageId,
      now: this.#now(),
    };
    this.#run(incoming, { chat, group, messageId });
  }

  /** A button press, from `card.action.trigger` (long connection or signed webhook): the operator is who Lark says. */
  #onCardAction(data: Json): void {
    if (!this.#accepting()) return;
    const { user, chatId, cardMessage, value, payload } = readCardAction(data);
    if (!user || payload === undefined) return;
    const eventId = str(data.event_id) ?? (str(data.token) ? `card:${data.token as string}` : undefined);
    if (eventId && !this.#recent.firstTime([`e:${eventId}`])) {
      this.#log.debug({ event: eventId }, 'lark duplicate card action skipped');
      return;
    }
    // The card says where it was sent; trusted only when that is this chat or the presser's own private chat.
    const cardChat = isObject(value) ? str(value.chat) : undefined;
    const chat = cardChat !== undefined && (cardChat === user || cardChat === chatId) ? cardChat : (chatId ?? user);
    const group = chat !== user;
    const incoming: Incoming = {
      platform: 'lark',
      chat,
      user,
      button: payload,
      group,
      mention: true,
      staff: this.#deps.staffIds.has(user),
      ...(eventId ? { messageId: eventId } : {}),
      now: this.#now(),
    };
    this.#run(incoming, { chat, group, ...(cardMessage ? { messageId: cardMessage } : {}) });
  }

  #register(): void {
    const ignore = () => undefined;
    this.#dispatcher.register<{ 'card.action.trigger': (data: Json) => Json }>({
      'im.message.receive_v1': (data) => {
        this.#onMessage(data);
      },
      'card.action.trigger': (data) => {
        this.#onCardAction(data);
        return {};
      },
      // Events a bot commonly receives that need nothing (registered so the SDK does not warn about each).
      'im.message.message_read_v1': ignore,
      'im.chat.access_event.bot_p2p_chat_entered_v1': ignore,
      'im.chat.member.bot.added_v1': ignore,
      'im.chat.member.bot.deleted_v1': ignore,
      'im.message.reaction.created_v1': ignore,
      'im.message.reaction.deleted_v1': ignore,
    });
  }

  dispatch(envelope: unknown): Promise<unknown> {
    return this.#dispatcher.invoke(envelope, { needCheck: false });
  }

  // ---- webhook requests ----

  #route(path: string): WebhookRoute {
    return { method: 'POST', path, handle: (request) => this.#handleRequest(path, request) };
  }

  async #handleRequest(path: string, request: Parameters<WebhookRoute['handle']>[0]): ReturnType<WebhookRoute['handle']> {
    const verdict = verifyRequest(this.#keys, request.headers, request.body, Date.now());
    if (!verdict.ok) {
      this.#log.warn({ path, reason: verdict.reason }, 'lark webhook request rejected');
      return jsonReply(verdict.status, { error: verdict.status === 401 ? 'unauthorized' : 'bad request' });
    }
    if (verdict.challenge) return jsonReply(200, { challenge: verdict.body.challenge });
    // Not taking updates: Lark retries later (or another instance takes it).
    if (this.#state !== 'running') return jsonReply(503, { error: 'not ready' });
    try {
      const result = await this.dispatch(verdict.body);
      return jsonReply(200, isObject(result) ? result : {});
    } catch (error) {
      this.#log.error(describeError(error), 'lark webhook handling failed');
      return jsonReply(500, { error: 'internal error' });
    }
  }

  // ---- lifecycle ----

  async #learnBotIdentity(): Promise<string> {
    const res: unknown = await this.#client.request({ method: 'GET', url: '/open-apis/bot/v3/info' });
    const bot = isObject(res) && isObject(res.bot) ? res.bot : undefined;
    const openId = str(bot?.open_id);
    if (!openId) {
      const code = isObject(res) ? res.code : undefined;
      throw new Error(`Lark bot info has no open_id (code ${String(code)}): is the bot capability enabled?`);
    }
    return openId;
  }

  #wsClient(settle: (result: 'ready' | Error) => void): WSClient {
    const log = this.#log;
    return new WSClient({
      appId: this.#config.appId,
      appSecret: this.#config.appSecret,
      domain: this.#domain,
      logger: this.#sdkLog,
      loggerLevel: LoggerLevel.info,
      handshakeTimeoutMs: 10_000,
      onReady: () => {
        log.info('lark long connection ready');
        settle('ready');
      },
      onError: (error) => {
        log.error(describeError(error), 'lark long connection failed');
        settle(error);
      },
      onReconnecting: () => log.warn('lark long connection lost, reconnecting'),
      onReconnected: () => log.info('lark long connection restored'),
    });
  }

  async #startLongConnection(): Promise<void> {
    if (!APP_ID.test(this.#config.appId)) throw new Error('LARK_APP_ID is not an app id (cli_ and 16 hex digits): the long connection needs one');
    let settle: (result: 'ready' | Error) => void = () => undefined;
    const outcome = new Promise<'ready' | Error>((resolve) => {
      settle = resolve;
    });
    const ws = this.#wsClient((result) => settle(result));
    this.#ws = ws;
    await ws.start({ eventDispatcher: this.#dispatcher });
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([outcome, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), WS_READY_WAIT_MS)))]);
    clearTimeout(timer);
    if (waited instanceof Error) {
      ws.close({ force: true });
      this.#ws = undefined;
      throw new Error(`Lark long connection failed: ${waited.message}`);
    }
    if (waited === 'timeout') this.#log.warn({ waitedMs: WS_READY_WAIT_MS }, 'lark long connection not ready yet, still trying');
  }

  async start(): Promise<void> {
    if (this.#state === 'running' || this.#state === 'starting') return;
    this.#state = 'starting';
    try {
      // Also obtains the tenant token: bad credentials fail here.
      this.#botOpenId = await this.#learnBotIdentity();
      if (this.#mode === 'ws') await this.#startLongConnection();
      this.#state = 'running';
      this.#log.info({ mode: this.#mode }, 'lark channel started');
    } catch (error) {
      this.#state = 'idle';
      const d = describeError(error);
      this.#log.error(d, 'lark channel failed to start');
      throw new Error(`Lark channel failed to start: ${d.error}${d.status !== undefined ? ` (HTTP ${d.status})` : ''}`);
    }
  }

  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    this.#ws?.close({ force: true });
    this.#ws = undefined;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_WAIT_MS)));
    const done = await Promise.race([this.#queue.idle().then(() => 'done' as const), deadline]);
    clearTimeout(timer);
    if (done === 'timeout') this.#log.warn({ pending: this.#queue.size }, 'lark channel stopped with messages still in flight');
    this.#log.info('lark channel stopped');
  }

  connected(): boolean {
    if (this.#state !== 'running') return false;
    return this.#mode === 'webhook' || this.#ws?.getConnectionStatus().state === 'connected';
  }

  async push(reply: Reply): Promise<void> {
    // The scheduler must know a push failed, to try again later (a reply in a chat is only logged).
    if (!(await this.#send(reply)) && reply.key) throw new Error('lark: push failed');
  }
}
