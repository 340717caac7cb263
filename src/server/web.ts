import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Incoming, Outgoing } from '../chat/index.ts';

/**
 * The local web chat: `GET /` serves a static page (src/server/web/, no build step) and `POST /api/chat` hands the
 * page's messages and button presses to the engine as platform `web`, one private chat per browser.
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
const SESSION_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SESSION_MAX_AGE_S = 180 * 24 * 3600;
/** How the browser's own chat is called in the page's JSON: the session id stays in the HttpOnly cookie. */
export const WEB_SELF = 'me';

export interface WebOptions {
  readonly handle: (incoming: Incoming) => Promise<Outgoing>;
  readonly now: () => Date;
  /** Null when the page's files are missing: `GET /` then says so (the API still works). */
  readonly assets: WebAssets | null;
}

function readSession(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SESSION_PATTERN.test(value)) return value;
  }
  return null;
}

/** The browser's session id, issuing a new random one (HttpOnly, SameSite=Strict) on the first visit. */
function session(request: FastifyRequest, reply: FastifyReply): string {
  const existing = readSession(request);
  if (existing) return existing;
  const sid = randomBytes(16).toString('base64url');
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secure}`);
  return sid;
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

export async function webRoutes(app: FastifyInstance, options: WebOptions): Promise<void> {
  for (const url of Object.keys(FILES)) {
    app.get(url, async (request, reply) => {
      const asset = options.assets?.get(url);
      if (!asset) return reply.code(503).type('text/plain; charset=utf-8').send('web page files are missing from this build (src/server/web)');
      if (url === '/') session(request, reply);
      return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
    });
  }

  app.post('/api/chat', { bodyLimit: 128 * 1024 }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (crossSite(request)) return reply.code(403).send({ error: 'cross_site_request' });
    const parsed = chatBody.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({
        error: 'invalid_body',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const sid = session(request, reply);
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
    };
    const out = await options.handle(incoming);
    return reply.send(forPage(out, sid));
  });
}
