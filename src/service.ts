/**
 * The service behind `npm start`: configuration → logger → store → NLU → engine → channels → HTTP.
 *
 * `startService(env, options)` returns once the HTTP server listens and the channels' start has begun (/readyz tells
 * when they are connected);
 * `close()` shuts everything down in order (idempotent). Tests start it on port 0.
 */
import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { runConsole } from './channels/console.ts';
import type { Channel, ChannelDeps, WebhookRoute } from './channels/types.ts';
import { FloodGuard, type Incoming, type Outgoing } from './chat/index.ts';
import { type Config, type ConfigError, describeConfigError, loadConfig, staffChatOf } from './config/index.ts';
import { createEngine } from './dialog/index.ts';
import { loadTranslator, type Translator } from './i18n/index.ts';
import { createLogger } from './log.ts';
import { warmUp } from './nlu/index.ts';
import { type App, buildApp, type Readiness } from './server/app.ts';
import { createMetrics, type Metrics } from './server/metrics.ts';
import { loadWebAssets } from './server/web.ts';
import { openStore, type Store } from './store/index.ts';

/** The configuration is invalid: `error.problems` names each variable. */
export class ConfigurationError extends Error {
  constructor(readonly error: ConfigError) {
    super(`invalid configuration:\n${describeConfigError(error)}`);
    this.name = 'ConfigurationError';
  }
}

/** A channel made by the caller (tests), given the same deps as the configured ones. */
export type ChannelFactory = (deps: ChannelDeps) => Channel | Promise<Channel>;

export interface ServiceOptions {
  /** Overrides PORT; 0 picks a free port. */
  readonly port?: number;
  /** Interface to listen on (default 0.0.0.0, for containers). */
  readonly host?: string;
  /** Default: the project's pino logger at LOG_LEVEL, on stderr. */
  readonly logger?: Logger;
  /** Extra channels (tests inject fakes); they count for /readyz like configured ones. */
  readonly channels?: readonly ChannelFactory[];
  /** Talk in the terminal when no chat channel is configured (main passes stdin/stdout when they are a TTY). */
  readonly console?: { readonly input: Readable; readonly output: Writable };
  /** The clock given to the engine and channels. */
  readonly now?: () => Date;
  /** Where the web page's files are (default src/server/web beside the code). */
  readonly webDir?: string;
  /** How long close() waits for channels and messages in flight (default 10 s). */
  readonly drainTimeoutMs?: number;
}

export interface Service {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  readonly port: number;
  readonly channels: readonly Channel[];
  /** The open store (sessions, cases). */
  readonly store: Store;
  /** The service's logger (masked, on stderr). */
  readonly logger: Logger;
  /** Resolves when the terminal session ends (/quit or end of input); null when no console runs. */
  readonly consoleDone: Promise<void> | null;
  /** Stops taking updates, waits for messages in flight, closes the store. Idempotent. */
  close(): Promise<void>;
}

const STORE_PING_TIMEOUT_MS = 1000;
const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 60_000;

function timeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Variables that enable a chat platform, for the start-up hint. */
const PLATFORM_HINT =
  'no chat platform configured: set TELEGRAM_BOT_TOKEN (Telegram; TELEGRAM_WEBHOOK_URL + TELEGRAM_WEBHOOK_SECRET for webhook mode) ' +
  'or LARK_APP_ID + LARK_APP_SECRET (Lark/Feishu; LARK_MODE=webhook needs LARK_ENCRYPT_KEY). ' +
  'Meanwhile the local web chat is served at GET /';

/** The configured chat platforms, created lazily so an unused SDK is never loaded. */
async function configuredChannels(config: Config, tr: Translator, depsFor: (platform: 'telegram' | 'lark') => ChannelDeps): Promise<Channel[]> {
  const out: Channel[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramChannel } = await import('./channels/telegram.ts');
    out.push(
      createTelegramChannel(
        {
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          webhookUrl: config.TELEGRAM_WEBHOOK_URL,
          webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
          tr,
        },
        depsFor('telegram'),
      ),
    );
  }
  if (config.LARK_APP_ID && config.LARK_APP_SECRET) {
    const { createLarkChannel } = await import('./channels/lark.ts');
    out.push(
      createLarkChannel(
        {
          appId: config.LARK_APP_ID,
          appSecret: config.LARK_APP_SECRET,
          domain: config.LARK_DOMAIN,
          mode: config.LARK_MODE,
          encryptKey: config.LARK_ENCRYPT_KEY,
          verificationToken: config.LARK_VERIFICATION_TOKEN,
        },
        depsFor('lark'),
      ),
    );
  }
  return out;
}

export async function startService(env: NodeJS.ProcessEnv, options: ServiceOptions = {}): Promise<Service> {
  const t0 = performance.now();
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new ConfigurationError(loaded.error);
  const config = loaded.value;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const now = options.now ?? (() => new Date());
  const drainMs = options.drainTimeoutMs ?? 10_000;

  let store: Store | null = null;
  let app: App | null = null;
  const channels: Channel[] = [];
  const retryTimers = new Set<NodeJS.Timeout>();
  const inflight = new Set<Promise<unknown>>();
  let closing: Promise<void> | null = null;

  const metrics: Metrics = createMetrics({
    store: () => store,
    onScrapeError: (error) => logger.warn({ err: error }, 'metrics: cases could not be counted'),
  });

  async function shutdown(): Promise<void> {
    for (const t of retryTimers) clearTimeout(t);
    retryTimers.clear();
    // 1. Stop taking updates: channels first (they wait for their own messages), then the HTTP server (it waits for
    //    requests in flight, webhooks and the web page included).
    const stopped = await Promise.allSettled(
      channels.map((c) =>
        timeout(
          c.stop().then(() => true),
          drainMs,
          false,
        ),
      ),
    );
    stopped.forEach((r, i) => {
      if (r.status === 'rejected' || r.value === false) {
        metrics.error('channel_stop');
        logger.warn({ channel: channels[i]?.name, err: r.status === 'rejected' ? r.reason : undefined }, 'channel did not stop cleanly');
      }
    });
    if (app) {
      await timeout(
        app.close().then(() => true),
        drainMs,
        false,
      );
      // A keep-alive connection whose request finished during the drain would otherwise stay open (and answer 503).
      app.server.closeAllConnections();
    }
    // 2. Whatever is still being answered (the console, a channel that did not wait) finishes before the store goes.
    if (inflight.size > 0) {
      logger.info({ inflight: inflight.size }, 'waiting for messages in flight');
      const drained = await timeout(
        Promise.allSettled([...inflight]).then(() => true),
        drainMs,
        false,
      );
      if (!drained) logger.warn({ inflight: inflight.size }, 'gave up waiting for messages in flight');
    }
    // 3. The store last.
    if (store) {
      try {
        await store.close();
      } catch (error) {
        metrics.error('shutdown');
        logger.warn({ err: error }, 'store did not close cleanly');
      }
    }
    logger.info('service stopped');
  }

  const close = (): Promise<void> => {
    closing ??= shutdown();
    return closing;
  };

  try {
    store = await openStore(config, {
      onError: (error) => {
        metrics.error('store');
        logger.warn({ err: error }, 'store connection error');
      },
      onWarning: (message) => logger.warn(message),
    });
    const tr = loadTranslator();
    const nlu = warmUp();
    logger.info({ store: store.kind, nlu: { model: nlu.model, intents: nlu.intents, trainingMs: Math.round(nlu.trainingMs) } }, 'store open, NLU trained');
    const staffChat = staffChatOf(config);
    const engine = createEngine({ store, tr, logger, floodGuard: new FloodGuard(), ...(staffChat ? { staffChat } : {}) });

    /** Replies addressed to another platform (a staff chat elsewhere) go through that platform's channel. */
    const routeElsewhere = (incoming: Incoming, out: Outgoing): Outgoing => {
      const elsewhere = out.replies.filter((r) => r.platform !== undefined && r.platform !== incoming.platform);
      if (elsewhere.length === 0) return out;
      for (const reply of elsewhere) {
        const channel = channels.find((c) => c.name === reply.platform);
        if (!channel) {
          logger.warn({ platform: reply.platform }, 'no channel for a reply to another platform');
          continue;
        }
        const { platform: _platform, ...rest } = reply;
        channel.push(rest).catch((error: unknown) => {
          metrics.error('push');
          logger.warn({ err: error, platform: reply.platform }, 'push to another platform failed');
        });
      }
      return { ...out, replies: out.replies.filter((r) => !elsewhere.includes(r)) };
    };

    /** The engine with metrics, and tracked so shutdown can wait for it. */
    const handle = (incoming: Incoming): Promise<Outgoing> => {
      const started = performance.now();
      metrics.inflight(1);
      const p: Promise<Outgoing> = engine.handle(incoming).then(
        (out) => {
          metrics.observeMessage(incoming.platform, out.intent, (performance.now() - started) / 1000);
          return routeElsewhere(incoming, out);
        },
        (error: unknown) => {
          metrics.error('engine');
          logger.error({ err: error, platform: incoming.platform }, 'engine failed on a message');
          throw error;
        },
      );
      const tracked = p.finally(() => {
        metrics.inflight(-1);
        inflight.delete(tracked);
      });
      tracked.catch(() => undefined);
      inflight.add(tracked);
      return p;
    };

    const depsFor = (platform: string): ChannelDeps => ({
      handle,
      logger,
      staffIds: new Set(config.STAFF_IDS.filter((s) => s.platform === platform).map((s) => s.id)),
      now,
    });

    channels.push(...(await configuredChannels(config, tr, depsFor)));
    for (const factory of options.channels ?? []) channels.push(await factory(depsFor('injected')));

    const webhooks: WebhookRoute[] = channels.flatMap((c) => [...(c.webhooks ?? [])]);
    const web = loadWebAssets(options.webDir);
    if (!web.ok) logger.warn({ missing: web.missing }, 'web chat page files are missing; GET / answers 503');

    const readiness = async (): Promise<Readiness> => {
      if (closing) return { ready: false, body: { status: 'shutting_down' } };
      const s = store;
      const storeOk = s
        ? await timeout(
            s.ping().catch(() => false),
            STORE_PING_TIMEOUT_MS,
            false,
          )
        : false;
      const channelState: Record<string, boolean> = {};
      const notReady: string[] = storeOk ? [] : ['store'];
      for (const c of channels) {
        let ok = false;
        try {
          ok = c.connected();
        } catch {
          ok = false;
        }
        channelState[c.name] = ok;
        if (!ok) notReady.push(`channel:${c.name}`);
      }
      const body = {
        status: notReady.length === 0 ? 'ready' : 'not_ready',
        store: { kind: s?.kind ?? null, ok: storeOk },
        channels: channelState,
        ...(notReady.length > 0 ? { notReady } : {}),
      };
      return { ready: notReady.length === 0, body };
    };

    app = buildApp({ logger, metrics, readiness, webhooks, closing: () => closing !== null, web: { handle, now, assets: web.ok ? web.assets : null } });
    await app.listen({ port: options.port ?? config.PORT, host: options.host ?? '0.0.0.0' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? config.PORT);
    const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

    // Channels start after the server listens: in webhook mode the platform may post as soon as it is registered.
    const startChannel = async (channel: Channel, attempt: number): Promise<void> => {
      try {
        await channel.start();
        logger.info({ channel: channel.name }, 'channel started');
      } catch (error) {
        if (closing) {
          // Stopped while starting (shutdown): not a failure.
          logger.debug({ err: error, channel: channel.name }, 'channel start ended by shutdown');
          return;
        }
        metrics.error('channel_start');
        const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
        // The channel logs the cause itself; a failed start() leaves it ready to be started again (not stopped).
        logger.warn({ err: error, channel: channel.name, retryInMs: delay }, 'channel failed to start; /readyz reports it, retrying');
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          if (!closing) void startChannel(channel, attempt + 1);
        }, delay);
        timer.unref();
        retryTimers.add(timer);
      }
    };
    // Not awaited: a platform that is slow or unreachable (Telegram's getMe retries for up to 30 s) must not hold up
    // the service or its shutdown; /readyz says when every channel is connected.
    for (const c of channels) void startChannel(c, 0);

    let consoleDone: Promise<void> | null = null;
    if (channels.length === 0) {
      logger.info(PLATFORM_HINT);
      if (options.console) {
        const { input, output } = options.console;
        consoleDone = runConsole({ handle, tr, input, output, now }).catch((error: unknown) => {
          logger.error({ err: error }, 'console channel failed');
        });
      }
    }

    logger.info(
      { url, port, store: store.kind, channels: channels.map((c) => c.name), startupMs: Math.round(performance.now() - t0) },
      `service listening on ${url} (web chat: ${url}/)`,
    );
    return { url, port, channels, store, logger, consoleDone, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
