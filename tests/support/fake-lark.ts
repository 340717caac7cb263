import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A local stand-in for the Lark / Feishu Open API, on 127.0.0.1, just enough for the channel adapter:
 * the tenant token, the bot's own identity, sending and replying to messages, and the long-connection endpoint
 * discovery (with a bare WebSocket handshake, so the SDK's WSClient can report "connected").
 */

export const FAKE_TOKEN = 't-fake-tenant-token';
/** The app secret the fake refuses. */
export const WRONG_SECRET = 'wrong-secret';

export interface SentMessage {
  readonly kind: 'create' | 'reply';
  /** create: the query parameter. */
  readonly receive_id_type?: string;
  readonly receive_id?: string;
  /** reply: the message answered (path parameter). */
  readonly reply_to?: string;
  readonly msg_type: string;
  /** As sent: a JSON string. */
  readonly content: string;
  readonly uuid?: string;
}

export interface FakeLarkOptions {
  readonly botOpenId?: string;
  /** The long-connection endpoint: hand out a WebSocket URL on this server, or refuse (code 403). */
  readonly wsEndpoint?: 'accept' | 'reject';
}

export interface FakeLark {
  /** Base URL to give the adapter as its domain. */
  readonly url: string;
  readonly botOpenId: string;
  readonly sent: readonly SentMessage[];
  readonly tokenRequests: number;
  /** WebSocket handshakes completed. */
  readonly wsConnections: number;
  /** Resolves when at least `count` messages were sent (create or reply); rejects after `timeoutMs`. */
  waitForSent(count: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** The next `times` sends (create or reply) fail with this HTTP status (500) or this Lark error code (HTTP 200). */
  failSends(times: number, failure: { status: number } | { code: number }): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startFakeLark(options: FakeLarkOptions = {}): Promise<FakeLark> {
  const botOpenId = options.botOpenId ?? 'ou_bot000000000000000000000000000';
  const sent: SentMessage[] = [];
  const events = new EventEmitter();
  const sockets = new Set<Socket>();
  let tokenRequests = 0;
  let wsConnections = 0;
  let failures: { times: number; failure: { status: number } | { code: number } } | null = null;
  let nextId = 1;

  const authorized = (req: IncomingMessage) => req.headers.authorization === `Bearer ${FAKE_TOKEN}`;

  const recordSend = (res: ServerResponse, message: SentMessage): void => {
    if (failures && failures.times > 0) {
      failures.times -= 1;
      const f = failures.failure;
      if ('status' in f) json(res, f.status, { code: 99991400, msg: 'fake failure' });
      else json(res, 200, { code: f.code, msg: 'fake failure' });
      return;
    }
    sent.push(message);
    events.emit('sent');
    json(res, 200, { code: 0, msg: 'success', data: { message_id: `om_sent_${nextId++}`, msg_type: message.msg_type } });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = await readBody(req);
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const path = url.pathname;

      if (req.method === 'POST' && path === '/open-apis/auth/v3/tenant_access_token/internal') {
        tokenRequests += 1;
        if (typeof body.app_id !== 'string' || typeof body.app_secret !== 'string') {
          json(res, 400, { code: 10003, msg: 'invalid param' });
          return;
        }
        if (body.app_secret === WRONG_SECRET) {
          json(res, 200, { code: 10014, msg: 'app secret invalid' });
          return;
        }
        json(res, 200, { code: 0, msg: 'ok', tenant_access_token: FAKE_TOKEN, expire: 7200 });
        return;
      }
      if (req.method === 'POST' && path === '/callback/ws/endpoint') {
        if (options.wsEndpoint !== 'accept') {
          json(res, 200, { code: 403, msg: 'long connection is not enabled for this app', data: {} });
          return;
        }
        const port = (server.address() as AddressInfo).port;
        json(res, 200, {
          code: 0,
          msg: 'ok',
          data: {
            URL: `ws://127.0.0.1:${port}/ws?device_id=fake-device&service_id=1`,
            ClientConfig: { PingInterval: 120, ReconnectCount: 1, ReconnectInterval: 1, ReconnectNonce: 0 },
          },
        });
        return;
      }
      if (!authorized(req)) {
        json(res, 401, { code: 99991663, msg: 'invalid tenant access token' });
        return;
      }
      if (req.method === 'GET' && path === '/open-apis/bot/v3/info') {
        json(res, 200, { code: 0, msg: 'ok', bot: { open_id: botOpenId, app_name: '银龄助手', activate_status: 2 } });
        return;
      }
      if (req.method === 'POST' && path === '/open-apis/im/v1/messages') {
        const receiveIdType = url.searchParams.get('receive_id_type') ?? undefined;
        const { receive_id, msg_type, content, uuid } = body;
        if (!receiveIdType || typeof receive_id !== 'string' || typeof msg_type !== 'string' || typeof content !== 'string') {
          json(res, 400, { code: 230001, msg: 'invalid request' });
          return;
        }
        recordSend(res, { kind: 'create', receive_id_type: receiveIdType, receive_id, msg_type, content, ...(typeof uuid === 'string' ? { uuid } : {}) });
        return;
      }
      const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(path);
      if (req.method === 'POST' && reply) {
        const { msg_type, content, uuid } = body;
        if (typeof msg_type !== 'string' || typeof content !== 'string') {
          json(res, 400, { code: 230001, msg: 'invalid request' });
          return;
        }
        recordSend(res, { kind: 'reply', reply_to: decodeURIComponent(reply[1] as string), msg_type, content, ...(typeof uuid === 'string' ? { uuid } : {}) });
        return;
      }
      json(res, 404, { code: 404, msg: `no fake for ${req.method} ${path}` });
    })().catch(() => {
      if (!res.headersSent) json(res, 500, { code: 500, msg: 'fake error' });
    });
  });

  // A bare WebSocket handshake: enough for the SDK to see the socket open. Frames it sends are read and dropped.
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string' || !req.url?.startsWith('/ws')) {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    wsConnections += 1;
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    botOpenId,
    get sent() {
      return sent;
    },
    get tokenRequests() {
      return tokenRequests;
    },
    get wsConnections() {
      return wsConnections;
    },
    waitForSent(count, timeoutMs = 2000) {
      if (sent.length >= count) return Promise.resolve([...sent]);
      return new Promise((resolve, reject) => {
        const onSent = () => {
          if (sent.length < count) return;
          clearTimeout(timer);
          events.off('sent', onSent);
          resolve([...sent]);
        };
        const timer = setTimeout(() => {
          events.off('sent', onSent);
          reject(new Error(`expected ${count} sent messages within ${timeoutMs} ms, got ${sent.length}`));
        }, timeoutMs);
        events.on('sent', onSent);
      });
    },
    failSends(times, failure) {
      failures = { times, failure };
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- What Lark does to an event before posting it: encryption and the request signature ----

/** AES-256-CBC with key sha256(encryptKey) and a random IV prefixed, base64: Lark's `encrypt` field. */
export function larkEncrypt(encryptKey: string, plaintext: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** X-Lark-Signature of an event request: sha256(timestamp + nonce + encryptKey + body), hex. */
export function larkSignature(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256')
    .update(timestamp + nonce + encryptKey + body)
    .digest('hex');
}

/** X-Lark-Signature of a legacy card callback: sha1(timestamp + nonce + verificationToken + body), hex. */
export function larkCardSignature(timestamp: string, nonce: string, verificationToken: string, body: string): string {
  return createHash('sha1')
    .update(timestamp + nonce + verificationToken + body)
    .digest('hex');
}

/** Headers Lark sends with an event request, signed when an encrypt key is given. */
export function larkHeaders(body: string, encryptKey?: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  return {
    'content-type': 'application/json',
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    ...(encryptKey ? { 'x-lark-signature': larkSignature(timestamp, nonce, encryptKey, body) } : {}),
  };
}

// ---- Event builders, in the shapes Lark delivers (schema 2.0) ----

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(16)}${(++counter).toString(16).padStart(6, '0')}`;

export interface MessageEventInput {
  readonly eventId?: string;
  readonly messageId?: string;
  readonly chatId: string;
  readonly chatType: 'p2p' | 'group';
  readonly senderOpenId: string;
  readonly senderType?: string;
  readonly messageType?: string;
  /** The message's `content` object (serialized into the JSON string Lark sends). */
  readonly content: Record<string, unknown>;
  readonly mentions?: readonly { key: string; openId: string; name: string }[];
  readonly token?: string;
}

export function messageEvent(input: MessageEventInput): Record<string, unknown> {
  return {
    schema: '2.0',
    header: {
      event_id: input.eventId ?? nextId('ev'),
      event_type: 'im.message.receive_v1',
      create_time: String(Date.now()),
      token: input.token ?? '',
      app_id: 'cli_0123456789abcdef',
      tenant_key: 'tenant-fake',
    },
    event: {
      sender: {
        sender_id: { open_id: input.senderOpenId, union_id: 'on_union', user_id: 'user-fake' },
        sender_type: input.senderType ?? 'user',
        tenant_key: 'tenant-fake',
      },
      message: {
        message_id: input.messageId ?? nextId('om_'),
        create_time: String(Date.now()),
        chat_id: input.chatId,
        chat_type: input.chatType,
        message_type: input.messageType ?? 'text',
        content: JSON.stringify(input.content),
        ...(input.mentions
          ? {
              mentions: input.mentions.map((m) => ({
                key: m.key,
                id: { open_id: m.openId, union_id: 'on_x', user_id: 'x' },
                name: m.name,
                tenant_key: 'tenant-fake',
              })),
            }
          : {}),
      },
    },
  };
}

export interface CardActionInput {
  readonly eventId?: string;
  readonly operatorOpenId: string;
  readonly chatId: string;
  readonly messageId?: string;
  readonly value: unknown;
  readonly token?: string;
}

/** A `card.action.trigger` callback (new-style card callbacks, schema 2.0). */
export function cardActionEvent(input: CardActionInput): Record<string, unknown> {
  return {
    schema: '2.0',
    header: {
      event_id: input.eventId ?? nextId('ev'),
      token: input.token ?? '',
      create_time: String(Date.now() * 1000),
      event_type: 'card.action.trigger',
      tenant_key: 'tenant-fake',
      app_id: 'cli_0123456789abcdef',
    },
    event: {
      operator: { tenant_key: 'tenant-fake', user_id: 'user-fake', open_id: input.operatorOpenId, union_id: 'on_x' },
      token: `c-${nextId('')}`,
      action: { value: input.value, tag: 'button' },
      host: 'im_message',
      context: { open_message_id: input.messageId ?? nextId('om_'), open_chat_id: input.chatId },
    },
  };
}
