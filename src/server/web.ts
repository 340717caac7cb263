import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Incoming, Outgoing, Reply } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';
import { addressKey, type WebLimits } from './limits.ts';
import type { WebNotices } from './notices.ts';
import type { WebSessions } from './web-session.ts';

/**
 * The local web chat: `GET /` serves a static page (src/server/web/, no build step) and `POST /api/chat` hands the
 * page's messages and button presses to the engine as platform `web`, one private chat per browser session.
 * Anyone can reach it, so it vouches for nobody: nobody is staff, sessions are issued by the server only, each
 * client (address and session) has a message allowance, and messages carry their origin so that the engine limits
 * the cases they open. `GET /api/chat/notices` gives the page what staff decided on its cases meanwhile.
 */

/** The page's files, next to this module (src/server/web when run from source, dist/server/web when built). */
export const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

const FILES = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
} as const;

export type WebAssets = ReadonlyMap<string, { readonly type: string; readonly body: Buffer }>;

/** Reads the page's files once at start-up; null (with the missing path) when they are not there. */
export function loadWebAssets(dir: string = WEB_DIR): { ok: true; assets: WebAssets } | { ok: false; missing: string } {
  const assets = new Map<string, { type: string; body: Buffer }>();
  for (const [url, { file, type }] of Object.entries(FILES)) {
    const path = join(dir, file);
    try {
      assets.set(url, { type, body: readFileSync(path) });
    } catch {
      return { ok: false, missing: path };
    }
  }
  return { ok: true, assets };
}

/** The longest text the page may send (the engine cuts long messages further, this bounds the request). */
export const MAX_WEB_TEXT = 10 * 1024;
const MAX_PAYLOAD = 200;

/** What the page posts: a typed message or a pressed button, exactly one. */
export const chatBody = z
  .strictObject({
    text: z.string().max(MAX_WEB_TEXT).optional(),
    button: z.string().min(1).max(MAX_PAYLOAD).optional(),
  })
  .refine((b) => (b.text !== undefined && b.text.trim() !== '') !== (b.button !== undefined), {
    message: 'send either a non-empty text or a button payload',
  });

export const SESSION_COOKIE = 'yl_sid';
const SESSION_MAX_AGE_S = 180 * 24 * 3600;
/** How the browser's own chat is called in the page's JSON: the session stays in the HttpOnly cookie. */
export const WEB_SELF = 'me';

export interface WebOptions {
  readonly handle: (incoming: Incoming) => Promise<Outgoing>;
  readonly now: () => Date;
  /** Null when the page's files are missing: `GET /` then says so (the API still works). */
  readonly assets: WebAssets | null;
  /** Issues and checks session cookies: a session the server did not issue is replaced by a new one. */
  readonly sessions: WebSessions;
  /** Messages per session and per address; the engine's allowCase uses the same object for cases. */
  readonly limits: WebLimits;
  /** Staff decisions on the session's cases, kept until the session comes back. */
  readonly notices: WebNotices;
  /** The sentences the page is given (web-*, in locales/<lang>/channels.ftl). */
  readonly tr: Translator;
  /** A message refused by a limit, for the metrics. */
  readonly onLimited?: (by: 'session' | 'address') => void;
  /** Notices could not be read (the store is down): the page goes on without them; they stay kept for later. */
  readonly onNoticeError?: (error: unknown) => void;
}

/** The raw value of the session cookie, if the browser sent one. */
function cookieValue(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The browser's session id; a new one (HttpOnly, SameSite=Strict cookie) when it has none the server issued. */
function session(request: FastifyRequest, reply: FastifyReply, sessions: WebSessions): string {
  const existing = sessions.verify(cookieValue(request));
  if (existing) return existing;
  const issued = sessions.issue();
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${issued.cookie}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secure}`);
  return issued.id;
}

/** A request from another site's page (its Origin is not this host) is refused. */
function crossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The engine's answer with the session id replaced by `me`, so the id never reaches the page's script. */
function forPage(out: Outgoing, sid: string): Outgoing {
  const name = (chat: string): string => (chat === sid ? WEB_SELF : chat);
  return { ...out, chat: name(out.chat), replies: out.replies.map((r) => ({ ...r, chat: name(r.chat) })) };
}

/** The session's kept notices as replies to show first, each introduced as news about an earlier matter. */
async function noticeReplies(options: WebOptions, sid: string): Promise<Reply[]> {
  let notices: Awaited<ReturnType<WebNotices['take']>>;
  try {
    notices = await options.notices.take(sid);
  } catch (error) {
    options.onNoticeError?.(error);
    return [];
  }
  return notices.map((n) => ({ chat: WEB_SELF, text: `${options.tr.t('web-notice-intro')}\n${n.text}` }));
}

/** Counts a request against the client's limits; false (with a kind 429 sent) when it is over one. */
function admit(request: FastifyRequest, reply: FastifyReply, options: WebOptions, sid: string): boolean {
  const verdict = options.limits.message(addressKey(request.ip), sid);
  if (verdict.ok) return true;
  options.onLimited?.(verdict.by);
  const text = options.tr.t('web-too-many-messages');
  void reply
    .code(429)
    .header('retry-after', String(verdict.retryAfterS))
    .send({ error: 'too_many_requests', chat: WEB_SELF, intent: null, replies: [{ chat: WEB_SELF, text }], cases: [] });
  return false;
}

async function chat(request: FastifyRequest, reply: FastifyReply, options: WebOptions) {
  reply.header('cache-control', 'no-store');
  if (crossSite(request)) return reply.code(403).send({ error: 'cross_site_request' });
  const parsed = chatBody.safeParse(request.body);
  if (!parsed.success) {
    return reply.code(400).send({
      error: 'invalid_body',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const sid = session(request, reply, options.sessions);
  if (!admit(request, reply, options, sid)) return reply;
  const { text, button } = parsed.data;
  const incoming: Incoming = {
    platform: 'web',
    chat: sid,
    user: sid,
    ...(button !== undefined ? { button } : { text: text ?? '' }),
    group: false,
    mention: false,
    staff: false,
    now: options.now(),
    origin: { source: 'web', client: addressKey(request.ip) },
  };
  const out = await options.handle(incoming);
  options.limits.settle(incoming, out);
  const page = forPage(out, sid);
  const notices = await noticeReplies(options, sid);
  return reply.send(notices.length > 0 ? { ...page, replies: [...notices, ...page.replies] } : page);
}

export async function webRoutes(app: FastifyInstance, options: WebOptions): Promise<void> {
  for (const url of Object.keys(FILES)) {
    app.get(url, async (request, reply) => {
      const asset = options.assets?.get(url);
      if (!asset) return reply.code(503).type('text/plain; charset=utf-8').send('web page files are missing from this build (src/server/web)');
      if (url === '/') session(request, reply, options.sessions);
      return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
    });
  }

  app.post('/api/chat', { bodyLimit: 128 * 1024 }, (request, reply) => chat(request, reply, options));

  // What the page asks when it opens: notices kept for this session (a decision on a case it filed).
  app.get('/api/chat/notices', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (crossSite(request)) return reply.code(403).send({ error: 'cross_site_request' });
    const sid = session(request, reply, options.sessions);
    if (!admit(request, reply, options, sid)) return reply;
    return reply.send({ chat: WEB_SELF, replies: await noticeReplies(options, sid) });
  });
}
