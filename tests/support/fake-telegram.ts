import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small fake of the Telegram Bot API on 127.0.0.1, enough for the grammY adapter: getMe, getUpdates (long
 * polling with offset semantics), sendMessage, answerCallbackQuery, setWebhook, deleteWebhook, getWebhookInfo.
 * Every call is recorded; tests enqueue updates and await the calls the bot makes.
 */

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  first_name?: string;
}

export interface ApiCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
  readonly at: number;
}

/** An update as the Bot API sends it; `update_id` is filled in by `enqueue` when absent. */
export type FakeUpdate = { update_id: number } & Record<string, unknown>;

export interface FakeTelegramOptions {
  readonly token?: string;
  readonly botUsername?: string;
  readonly botId?: number;
  /** How long an empty getUpdates waits at most (the client's `timeout` is capped to this). Default 400 ms. */
  readonly maxPollMs?: number;
}

export interface FakeTelegram {
  /** e.g. http://127.0.0.1:40123 — give it to the bot as apiRoot. */
  readonly apiRoot: string;
  readonly token: string;
  readonly bot: FakeUser & { username: string };
  /** Every API call, in order. */
  readonly calls: readonly ApiCall[];
  callsOf(method: string): ApiCall[];
  /** Queues an update for getUpdates; returns its update_id. */
  enqueue(update: Omit<FakeUpdate, 'update_id'> & { update_id?: number }): number;
  /** Serves an update again even though its id was already confirmed (a redelivery). */
  redeliver(update: FakeUpdate): void;
  /** Resolves with the first call of `method` matching `where`, recorded already or arriving within `timeoutMs`. */
  waitFor(method: string, where?: (payload: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** sendMessage to these chat ids answers 403 "bot can't initiate conversation with a user". */
  readonly forbiddenChats: Set<string>;
  /** getChatMember answers "administrator" for these `chat:user` pairs, "member" otherwise. */
  readonly admins: Set<string>;
  /** When true, getUpdates answers 502 Bad Gateway. */
  failGetUpdates: boolean;
  /** The next `count` sendMessage calls answer 429 Too Many Requests with parameters.retry_after = `retryAfterS`. */
  throttle(count: number, retryAfterS: number): void;
  /** The webhook set by setWebhook, or null. */
  readonly webhook: { url: string; secret_token?: string } | null;
  /** Updates still waiting to be confirmed by an offset. */
  pending(): number;
  close(): Promise<void>;
}

type Waiter = { method: string; where: (p: Record<string, unknown>) => boolean; resolve: (c: ApiCall) => void };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parsePayload(req: IncomingMessage, raw: string, url: URL): Record<string, unknown> {
  const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return payload;
  if (type.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') Object.assign(payload, parsed);
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(raw)) {
      try {
        payload[k] = JSON.parse(v);
      } catch {
        payload[k] = v;
      }
    }
  }
  return payload;
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? '123456:TEST-token';
  const bot: FakeUser & { username: string } = {
    id: options.botId ?? 777000111,
    is_bot: true,
    first_name: '银龄助手',
    username: options.botUsername ?? 'yinling_test_bot',
  };
  const maxPollMs = options.maxPollMs ?? 400;

  const calls: ApiCall[] = [];
  const waiters: Waiter[] = [];
  let queue: { update: FakeUpdate; forced: boolean }[] = [];
  let nextUpdateId = 1000;
  let nextMessageId = 5000;
  let webhook: { url: string; secret_token?: string } | null = null;
  const pollWakers = new Set<() => void>();
  const forbiddenChats = new Set<string>();
  const admins = new Set<string>();
  const state = { failGetUpdates: false, throttled: 0, retryAfterS: 1 };

  const record = (method: string, payload: Record<string, unknown>): void => {
    const call = { method, payload, at: Date.now() };
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.method === method && w.where(payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const ok = (res: ServerResponse, result: unknown) => send(res, 200, { ok: true, result });
  const fail = (res: ServerResponse, code: number, description: string) => send(res, code, { ok: false, error_code: code, description });

  const takeUpdates = (offset: number, limit: number): FakeUpdate[] => {
    // Offset confirms every update before it; forced (redelivered) ones are served once regardless.
    queue = queue.filter((e) => e.forced || e.update.update_id >= offset);
    const out = queue.slice(0, limit);
    queue = queue.filter((e) => !(e.forced && out.includes(e)));
    return out.map((e) => e.update);
  };

  const getUpdates = (_req: IncomingMessage, res: ServerResponse, payload: Record<string, unknown>): void => {
    if (webhook) {
      fail(res, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      return;
    }
    if (state.failGetUpdates) {
      fail(res, 502, 'Bad Gateway');
      return;
    }
    const offset = Number(payload.offset ?? 0);
    const limit = Math.max(1, Math.min(100, Number(payload.limit ?? 100)));
    const timeoutMs = Math.min(maxPollMs, Math.max(0, Number(payload.timeout ?? 0)) * 1000);
    const now = takeUpdates(offset, limit);
    if (now.length > 0 || timeoutMs === 0) {
      ok(res, now);
      return;
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      pollWakers.delete(wake);
      ok(res, takeUpdates(offset, limit));
    };
    const wake = () => finish();
    const timer = setTimeout(finish, timeoutMs);
    pollWakers.add(wake);
    // The client aborted (the bot stopped): forget the poll without serving, so nothing is lost.
    res.on('close', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      pollWakers.delete(wake);
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return fail(res, 404, 'Not Found');
    const raw = await readBody(req);
    if (m[1] !== token) return fail(res, 401, 'Unauthorized');
    const method = m[2] as string;
    let payload: Record<string, unknown>;
    try {
      payload = parsePayload(req, raw, url);
    } catch {
      return fail(res, 400, 'Bad Request: invalid JSON');
    }
    record(method, payload);
    switch (method) {
      case 'getMe':
        return ok(res, { ...bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'getUpdates':
        return getUpdates(req, res, payload);
      case 'sendMessage': {
        const chatId = String(payload.chat_id ?? '');
        if (!chatId) return fail(res, 400, 'Bad Request: chat_id is empty');
        const text = typeof payload.text === 'string' ? payload.text : '';
        if (!text) return fail(res, 400, 'Bad Request: message text is empty');
        if (text.length > 4096) return fail(res, 400, 'Bad Request: message is too long');
        if (forbiddenChats.has(chatId)) return fail(res, 403, "Forbidden: bot can't initiate conversation with a user");
        if (state.throttled > 0) {
          state.throttled -= 1;
          return send(res, 429, {
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${state.retryAfterS}`,
            parameters: { retry_after: state.retryAfterS },
          });
        }
        const id = Number(chatId);
        return ok(res, {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: id < 0 ? { id, type: 'supergroup', title: 'group' } : { id, type: 'private', first_name: 'user' },
          from: bot,
          text,
          ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
        });
      }
      case 'getChatMember': {
        const status = admins.has(`${String(payload.chat_id)}:${String(payload.user_id)}`) ? 'administrator' : 'member';
        return ok(res, { status, user: { id: Number(payload.user_id), is_bot: false, first_name: 'user' } });
      }
      case 'answerCallbackQuery':
        return ok(res, true);
      case 'setWebhook':
        webhook = { url: String(payload.url ?? ''), ...(payload.secret_token ? { secret_token: String(payload.secret_token) } : {}) };
        return ok(res, true);
      case 'deleteWebhook':
        webhook = null;
        if (payload.drop_pending_updates) queue = [];
        return ok(res, true);
      case 'getWebhookInfo':
        return ok(res, { url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length });
      default:
        return fail(res, 404, 'Not Found: method not found');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => fail(res, 500, 'Internal Server Error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    enqueue(update) {
      const update_id = update.update_id ?? nextUpdateId++;
      if (update_id >= nextUpdateId) nextUpdateId = update_id + 1;
      queue.push({ update: { ...update, update_id }, forced: false });
      for (const wake of [...pollWakers]) wake();
      return update_id;
    },
    redeliver(update) {
      queue.push({ update, forced: true });
      for (const wake of [...pollWakers]) wake();
    },
    waitFor(method, where = () => true, timeoutMs = 3000) {
      const found = calls.find((c) => c.method === method && where(c.payload));
      if (found) return Promise.resolve(found);
      return new Promise<ApiCall>((resolve, reject) => {
        const waiter: Waiter = {
          method,
          where,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake Telegram: no ${method} call within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    forbiddenChats,
    admins,
    throttle(count: number, retryAfterS: number) {
      state.throttled = count;
      state.retryAfterS = retryAfterS;
    },
    get failGetUpdates() {
      return state.failGetUpdates;
    },
    set failGetUpdates(value: boolean) {
      state.failGetUpdates = value;
    },
    get webhook() {
      return webhook;
    },
    pending: () => queue.length,
    async close() {
      for (const wake of [...pollWakers]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

// ---- Update builders -------------------------------------------------------------------------------------------

let messageSeq = 1;

export const user = (id: number, first_name = '用户'): FakeUser => ({ id, is_bot: false, first_name });
export const privateChat = (id: number): FakeChat => ({ id, type: 'private', first_name: '用户' });
export const groupChat = (id: number, title = '社区群'): FakeChat => ({ id, type: 'supergroup', title });

/** Entities for commands (at the start) and @mentions in a text, as Telegram computes them. */
export function entitiesOf(text: string): { type: string; offset: number; length: number }[] {
  const out: { type: string; offset: number; length: number }[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) out.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![A-Za-z0-9_/])@[A-Za-z0-9_]{5,32}/g)) out.push({ type: 'mention', offset: m.index, length: m[0].length });
  return out;
}

export function message(options: {
  chat: FakeChat;
  from: FakeUser;
  text?: string;
  replyTo?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  const entities = options.text !== undefined ? entitiesOf(options.text) : [];
  return {
    message_id: messageSeq++,
    date: Math.floor(Date.now() / 1000),
    chat: options.chat,
    from: options.from,
    ...(options.text !== undefined ? { text: options.text } : {}),
    ...(entities.length > 0 ? { entities } : {}),
    ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
    ...options.extra,
  };
}

export function callbackQuery(options: { from: FakeUser; message: Record<string, unknown>; data: string; id?: string }): Record<string, unknown> {
  return {
    id: options.id ?? `cbq${messageSeq++}`,
    from: options.from,
    message: options.message,
    chat_instance: 'ci-1',
    data: options.data,
  };
}
