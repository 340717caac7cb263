import { isIP } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import type { Logger } from 'pino';
import { sameSecret } from '../channels/shared.ts';
import type { WebhookRoute } from '../channels/types.ts';
import { type ConsoleOptions, consoleRoutes } from '../console/index.ts';
import type { Metrics } from './metrics.ts';
import { type WebOptions, webRoutes } from './web.ts';

/** What /readyz reports: ready or not, and a JSON body saying which part is not. */
export interface Readiness {
  readonly ready: boolean;
  readonly body: Record<string, unknown>;
}

export interface AppOptions {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly readiness: () => Promise<Readiness>;
  /** The channels' webhook routes (Telegram and Lark in webhook mode), mounted as they are. */
  readonly webhooks: readonly WebhookRoute[];
  /** The local web chat page and its API; null when it is off (WEB_CHAT): its routes then answer 404. */
  readonly web: WebOptions | null;
  /** True once shutdown began: answers still being sent close their keep-alive connection. */
  readonly closing: () => boolean;
  /** METRICS_TOKEN: with it, /metrics answers a matching `Authorization: Bearer` from anywhere; without, loopback only. */
  readonly metricsToken?: string;
  /** TRUST_PROXY: reverse proxies whose X-Forwarded-For gives the client address (the web chat's per-client limits). */
  readonly trustProxy?: string;
  /** The staff console under /console (every path 401 without a staff session). */
  readonly console?: ConsoleOptions;
}

/** Only the page's own files; no inline script or style, no plugins, not framable. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Webhook bodies can carry a few attachments' metadata; nothing legitimate is near this. */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** Fastify's headers → the framework-free shape of WebhookRoute (repeated headers joined, as HTTP allows). */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function looksLikeJson(body: string): boolean {
  const t = body.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever the socket says. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

/**
 * Who may read /metrics (it names the platforms in use, case counts and process details): a request with the
 * METRICS_TOKEN as a Bearer token (compared in constant time), or, without a token sent, one straight from this
 * machine (a loopback socket and no proxy headers: a local reverse proxy forwarding the internet is not "local").
 */
export function metricsAccess(request: FastifyRequest, token: string | undefined): 200 | 401 | 403 {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
    return token !== undefined && sameSecret(bearer, token) ? 200 : 401;
  }
  const local = isLoopback(request.socket.remoteAddress) && !FORWARDED.some((h) => request.headers[h] !== undefined);
  if (local) return 200;
  return token !== undefined ? 401 : 403;
}

async function metricsRoute(app: FastifyInstance, options: AppOptions): Promise<void> {
  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const access = metricsAccess(request, options.metricsToken);
    if (access === 401) return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').send({ error: 'unauthorized' });
    if (access === 403) return reply.code(403).send({ error: 'forbidden', message: 'set METRICS_TOKEN to read /metrics from another machine' });
    const text = await options.metrics.registry.metrics();
    return reply.header('content-type', options.metrics.registry.contentType).send(text);
  });
}

/** The channels' webhooks, given the body as the raw string (signature checks and decryption need the exact bytes). */
async function webhookRoutes(app: FastifyInstance, options: AppOptions): Promise<void> {
  // The parser lives in this scope only, the rest of the app keeps the JSON parser.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
    for (const route of options.webhooks) {
      scope.route({
        method: route.method,
        url: route.path,
        bodyLimit: WEBHOOK_BODY_LIMIT,
        handler: async (request, reply) => {
          const body = typeof request.body === 'string' ? request.body : '';
          let result: Awaited<ReturnType<WebhookRoute['handle']>>;
          try {
            result = await route.handle({ headers: flatHeaders(request.headers), body });
          } catch (error) {
            options.metrics.error('webhook');
            request.log.error({ err: error, path: route.path }, 'webhook handler failed');
            return reply.code(500).send({ error: 'internal_error' });
          }
          const headers = { ...(result.headers ?? {}) };
          const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
          if (!hasType) headers['content-type'] = looksLikeJson(result.body) ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
          return reply.code(result.status).headers(headers).send(result.body);
        },
      });
    }
  });
}

/**
 * The HTTP side of the service: health, readiness, metrics, the channels' webhooks and the web chat.
 * Framework errors (bad JSON, body too large, unknown route) come back as JSON with their 4xx status; anything
 * else is a 500 with no detail, logged and counted.
 */
export function buildApp(options: AppOptions) {
  const { logger, metrics } = options;
  const app = Fastify({
    loggerInstance: logger.child({ component: 'http' }),
    // Probes and the page's requests would flood the log; errors are logged below.
    logController: new LogController({ disableRequestLogging: true }),
    // Keep-alive connections that are idle are closed at shutdown, busy ones are waited for.
    forceCloseConnections: 'idle',
    bodyLimit: 64 * 1024,
    // Only the proxies named are believed about the client's address; by default nobody is.
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });

  // Every response: no sniffing, no framing, no referrer; the page may load only its own script and style.
  app.addHook('onSend', async (_request, reply) => {
    if (options.closing()) reply.header('connection', 'close');
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      metrics.error(request.url.startsWith('/webhooks/') ? 'webhook' : 'web');
      request.log.error({ err: error, url: request.url }, 'request failed');
      return reply.code(status).send({ error: 'internal_error' });
    }
    request.log.debug({ err: error, url: request.url }, 'bad request');
    return reply.code(status).send({ error: error.code ?? 'bad_request', message: error.message });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found' }));

  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const r = await options.readiness();
    return reply
      .code(r.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(r.body);
  });

  app.register(metricsRoute, options);
  app.register(webhookRoutes, options);
  if (options.web) app.register(webRoutes, options.web);
  if (options.console) app.register(consoleRoutes, options.console);
  return app;
}

export type App = ReturnType<typeof buildApp>;
