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
import { limitsOf, openCare, type Proactive, quietOf } from './care/index.ts';
import { calendarKnows, type RetentionTimer, startRetention } from './cases/index.ts';
import { runConsole } from './channels/console.ts';
import type { Channel, ChannelDeps } from './channels/types.ts';
import { FloodGuard, type Incoming, type Outgoing, type Reply } from './chat/index.ts';
import { type Config, type ConfigError, describeConfigError, loadConfig, publicUrlOf, staffChatOf, webChatEnabled } from './config/index.ts';
import { loadConsoleCss } from './console/index.ts';
import { createEngine, type Engine } from './dialog/index.ts';
import { loadTranslator, type Translator } from './i18n/index.ts';
import { createLogger } from './log.ts';
import { warmUp } from './nlu/index.ts';
import { DueJobs, type Occurrence, startDueTimer } from './scheduler/index.ts';
import { type App, buildApp, type Readiness } from './server/app.ts';
import { WebLimits } from './server/limits.ts';
import { createMetrics, type Metrics } from './server/metrics.ts';
import { WebNotices } from './server/notices.ts';
import { loadWebAssets, type WebAssets, type WebOptions } from './server/web.ts';
import { WebSessions } from './server/web-session.ts';
import {
  fallbackMember,
  issueConsoleLink,
  LiveRoster,
  memberById,
  type Push,
  routeCase,
  type StaffMember,
  staffResolver,
  startEscalation,
} from './staff/index.ts';
import { openStore, type Store } from './store/index.ts';
import { storeLogging } from './store/logging.ts';

export { DataKeyError } from './privacy/keys.ts';
export { RosterError } from './staff/index.ts';
export { DataDirLockedError } from './store/index.ts';

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
  /** Overrides HOST, the address to listen on (default 127.0.0.1: this machine only). */
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
  /** How often reminders and notices that fell due are looked for (default 30 s; tests shorten it). */
  readonly dueEveryMs?: number;
}

export interface Service {
  /** Base URL of the HTTP server from this machine, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  readonly port: number;
  /** The address the server is bound to (HOST): 127.0.0.1 by default, 0.0.0.0 for every interface. */
  readonly address: string;
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
const PLATFORM_HINT_NO_WEB =
  'no chat platform configured: set TELEGRAM_BOT_TOKEN (Telegram; TELEGRAM_WEBHOOK_URL + TELEGRAM_WEBHOOK_SECRET for webhook mode) ' +
  'or LARK_APP_ID + LARK_APP_SECRET (Lark/Feishu; LARK_MODE=webhook needs LARK_ENCRYPT_KEY).';
const PLATFORM_HINT = `${PLATFORM_HINT_NO_WEB} Meanwhile the local web chat is served at GET /`;

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

/** What the parts of a running service share; filled in as start-up goes. */
interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly drainMs: number;
  readonly metrics: Metrics;
  readonly channels: Channel[];
  readonly retryTimers: Set<NodeJS.Timeout>;
  /** Messages being answered and notices being kept: shutdown waits for them before the store closes. */
  readonly inflight: Set<Promise<unknown>>;
  store: Store | null;
  app: App | null;
  retention: RetentionTimer | null;
  /** Reminders and notices, and the timer that runs what fell due. */
  proactive: Proactive | null;
  dueTimer: { stop(): Promise<void> } | null;
  /** STAFF_FILE, followed (SIGHUP, file changes); empty without it. */
  roster: LiveRoster;
  escalation: { stop(): Promise<void> } | null;
  /** The base of the links the bot sends (PUBLIC_URL, or this machine's address once listening). */
  publicUrl: string;
  closing: Promise<void> | null;
}

/** Stops channels, then HTTP, waits for what is in flight, closes the store. */
async function shutdown(rt: Runtime): Promise<void> {
  const { logger, metrics, channels, drainMs } = rt;
  for (const t of rt.retryTimers) clearTimeout(t);
  rt.retryTimers.clear();
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
  if (rt.app) {
    await timeout(
      rt.app.close().then(() => true),
      drainMs,
      false,
    );
    // A keep-alive connection whose request finished during the drain would otherwise stay open (and answer 503).
    rt.app.server.closeAllConnections();
  }
  // 2. Whatever is still being answered (the console, a channel that did not wait) finishes before the store goes.
  if (rt.inflight.size > 0) {
    logger.info({ inflight: rt.inflight.size }, 'waiting for messages in flight');
    const drained = await timeout(
      Promise.allSettled([...rt.inflight]).then(() => true),
      drainMs,
      false,
    );
    if (!drained) logger.warn({ inflight: rt.inflight.size }, 'gave up waiting for messages in flight');
  }
  // 3. The daily retention job and the escalation timer: a run under way finishes (its writes are durable), the timers stop.
  rt.roster.close();
  if (rt.escalation)
    await timeout(
      rt.escalation.stop().then(() => true),
      drainMs,
      false,
    );
  if (rt.retention)
    await timeout(
      rt.retention.stop().then(() => true),
      drainMs,
      false,
    );
  // 4. Reminders: a send under way finishes (it is recorded), the timer stops, the scheduler closes.
  if (rt.dueTimer)
    await timeout(
      rt.dueTimer.stop().then(() => true),
      drainMs,
      false,
    );
  // Bounded like the rest: a scheduler whose Redis is gone must not hold the shutdown.
  if (rt.proactive) {
    const closed = await timeout(
      rt.proactive.close().then(
        () => true,
        (error: unknown) => {
          logger.warn({ err: error }, 'scheduler did not close cleanly');
          return true;
        },
      ),
      drainMs,
      false,
    );
    if (!closed) logger.warn('scheduler did not close in time; stopping anyway');
  }
  // 5. The store last.
  if (rt.store) {
    try {
      await rt.store.close();
    } catch (error) {
      metrics.error('shutdown');
      logger.warn({ err: error }, 'store did not close cleanly');
    }
  }
  logger.info('service stopped');
}

/** Keeps a promise in the runtime's in-flight set until it settles. */
function track<T>(rt: Runtime, p: Promise<T>): Promise<T> {
  const tracked = p.finally(() => rt.inflight.delete(tracked));
  tracked.catch(() => undefined);
  rt.inflight.add(tracked);
  return p;
}

/** Keeps a web family's notice, trying again twice when the store fails (Redis restarting). */
async function keepNotice(notices: WebNotices, session: string, text: string, at: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await notices.keep(session, text, at);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

/**
 * Replies addressed to another platform go through that platform's channel: a staff chat elsewhere, or a family's
 * notice. A web chat family cannot be messaged, so their notice is kept for their next visit (WebNotices).
 */
function routeElsewhere(rt: Runtime, notices: WebNotices, incoming: Incoming, out: Outgoing): Outgoing {
  const elsewhere = out.replies.filter((r) => r.platform !== undefined && r.platform !== incoming.platform);
  if (elsewhere.length === 0) return out;
  for (const reply of elsewhere) sendElsewhere(rt, notices, reply);
  return { ...out, replies: out.replies.filter((r) => !elsewhere.includes(r)) };
}

/** One reply through the channel of its platform (a web family's notice kept for their next visit). */
function sendElsewhere(rt: Runtime, notices: WebNotices, reply: Reply): void {
  const { logger, metrics } = rt;
  if (reply.platform === 'web') {
    const kept = keepNotice(notices, reply.chat, reply.text, rt.now().getTime()).then(
      () => logger.info({ platform: 'web' }, 'notice kept for the web chat session (shown on its next visit)'),
      (error: unknown) => {
        metrics.error('notice');
        logger.error({ err: error, platform: 'web' }, 'notice for a web chat session could not be kept');
      },
    );
    void track(rt, kept);
    return;
  }
  const channel = rt.channels.find((c) => c.name === reply.platform);
  if (!channel) {
    metrics.error('push');
    logger.warn({ platform: reply.platform }, 'no channel for a reply to another platform');
    return;
  }
  const { platform: _platform, ...rest } = reply;
  channel.push(rest).catch((error: unknown) => {
    metrics.error('push');
    logger.warn({ err: error, platform: reply.platform }, 'push to another platform failed');
  });
}

/** The engine with metrics and routing, tracked so shutdown can wait for it. */
function engineHandle(rt: Runtime, engine: Engine, notices: WebNotices): (incoming: Incoming) => Promise<Outgoing> {
  const { metrics, logger } = rt;
  return (incoming) => {
    const started = performance.now();
    metrics.inflight(1);
    const p: Promise<Outgoing> = engine.handle(incoming).then(
      (out) => {
        metrics.observeMessage(incoming.platform, out.intent, (performance.now() - started) / 1000);
        return routeElsewhere(rt, notices, incoming, out);
      },
      (error: unknown) => {
        metrics.error('engine');
        logger.error({ err: error, platform: incoming.platform }, 'engine failed on a message');
        throw error;
      },
    );
    return track(
      rt,
      p.finally(() => metrics.inflight(-1)),
    );
  };
}

/** /readyz: the store answers and every channel is connected. */
function readinessOf(rt: Runtime): () => Promise<Readiness> {
  return async () => {
    if (rt.closing) return { ready: false, body: { status: 'shutting_down' } };
    const s = rt.store;
    const storeOk = s
      ? await timeout(
          s.ping().catch(() => false),
          STORE_PING_TIMEOUT_MS,
          false,
        )
      : false;
    const channelState: Record<string, boolean> = {};
    const notReady: string[] = storeOk ? [] : ['store'];
    for (const c of rt.channels) {
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
}

/** Starts a channel; a failure is reported and retried with a growing delay. */
function startChannel(rt: Runtime, channel: Channel, attempt: number): void {
  const { logger, metrics } = rt;
  channel.start().then(
    () => logger.info({ channel: channel.name }, 'channel started'),
    (error: unknown) => {
      if (rt.closing) {
        // Stopped while starting (shutdown): not a failure.
        logger.debug({ err: error, channel: channel.name }, 'channel start ended by shutdown');
        return;
      }
      metrics.error('channel_start');
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
      // The channel logs the cause itself; a failed start() leaves it ready to be started again (not stopped).
      logger.warn({ err: error, channel: channel.name, retryInMs: delay }, 'channel failed to start; /readyz reports it, retrying');
      const timer = setTimeout(() => {
        rt.retryTimers.delete(timer);
        if (!rt.closing) startChannel(rt, channel, attempt + 1);
      }, delay);
      timer.unref();
      rt.retryTimers.add(timer);
    },
  );
}

/** Listens on HOST:PORT; the address it is really bound to, and a URL to reach it from this machine. */
async function listen(app: App, host: string, port: number): Promise<{ address: string; port: number; url: string }> {
  await app.listen({ port, host });
  const bound = app.server.address();
  const address = typeof bound === 'object' && bound ? bound.address : host;
  const actualPort = typeof bound === 'object' && bound ? bound.port : port;
  const wildcard = address === '0.0.0.0' || address === '::';
  const reach = wildcard ? '127.0.0.1' : address;
  return { address, port: actualPort, url: `http://${reach.includes(':') ? `[${reach}]` : reach}:${actualPort}` };
}

/** The web chat's parts: sessions (key from the store), limits, and the notices kept for its families. */
async function webParts(rt: Runtime, store: Store) {
  const { config, logger } = rt;
  const limits = new WebLimits({
    messagesPerSession: config.WEB_MESSAGE_LIMIT,
    messagesPerAddress: config.WEB_IP_MESSAGE_LIMIT,
    casesPerClient: config.WEB_CASE_LIMIT,
  });
  const notices = new WebNotices(store, (_session, dropped) =>
    logger.warn({ dropped }, 'a web chat session has too many unread notices; the oldest were dropped'),
  );
  const sessions = await WebSessions.open(store);
  return { limits, notices, sessions };
}

/** What the web chat's routes are given. */
function webOptionsFor(
  rt: Runtime,
  handle: (incoming: Incoming) => Promise<Outgoing>,
  tr: Translator,
  web: Awaited<ReturnType<typeof webParts>>,
  assets: WebAssets | null,
): WebOptions {
  const { metrics, logger, now } = rt;
  return {
    handle,
    now,
    assets,
    tr,
    ...web,
    onLimited: (by) => metrics.limited(by),
    onNoticeError: (error) => {
      metrics.error('notice');
      logger.warn({ err: error }, 'web chat notices could not be read; they stay kept');
    },
  };
}

export async function startService(env: NodeJS.ProcessEnv, options: ServiceOptions = {}): Promise<Service> {
  const t0 = performance.now();
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new ConfigurationError(loaded.error);
  const config = loaded.value;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const rt: Runtime = {
    config,
    logger,
    now: options.now ?? (() => new Date()),
    drainMs: options.drainTimeoutMs ?? 10_000,
    metrics: createMetrics({ store: () => rt.store, onScrapeError: (error) => logger.warn({ err: error }, 'metrics: cases could not be counted') }),
    channels: [],
    retryTimers: new Set(),
    inflight: new Set(),
    store: null,
    app: null,
    retention: null,
    proactive: null,
    dueTimer: null,
    roster: LiveRoster.none(),
    escalation: null,
    publicUrl: publicUrlOf(config),
    closing: null,
  };
  const close = (): Promise<void> => {
    rt.closing ??= shutdown(rt);
    return rt.closing;
  };
  try {
    return await run(rt, options, close, t0);
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** The start-up line: the address really bound (and whether that is every interface), and where the web chat is. */
function logListening(rt: Runtime, bound: { address: string; port: number; url: string }, webOn: boolean, t0: number): void {
  const wildcard = bound.address === '0.0.0.0' || bound.address === '::';
  const where = `${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`;
  rt.logger.info(
    {
      address: bound.address,
      port: bound.port,
      url: bound.url,
      webChat: webOn,
      store: rt.store?.kind,
      channels: rt.channels.map((c) => c.name),
      startupMs: Math.round(performance.now() - t0),
    },
    `service listening on ${where}${wildcard ? ' (every network interface)' : ''}; web chat ${webOn ? `at ${bound.url}/` : 'off'}`,
  );
}

/** How often the service looks for reminders and notices that fell due. */
const DUE_EVERY_MS = 30_000;

/** A message the bot sends by itself, through the channel of its platform (the key lets Lark drop a repeat). */
async function sendOccurrence(rt: Runtime, occ: Occurrence): Promise<void> {
  const channel = rt.channels.find((c) => c.name === occ.platform);
  if (!channel) throw new Error(`no channel for platform ${occ.platform}`);
  await channel.push({ chat: occ.chat, text: occ.text, buttons: occ.buttons, key: occ.key });
}

/** The scheduler and subscriptions (SQLite under DATA_DIR, or BullMQ with REDIS_URL). */
function startCare(rt: Runtime, tr: Translator): Proactive {
  const { config } = rt;
  rt.proactive = openCare({
    config,
    tr,
    now: rt.now,
    send: (occ) => sendOccurrence(rt, occ),
    quiet: quietOf(config.QUIET_HOURS),
    festivalDaysBefore: config.FESTIVAL_NOTICE_DAYS,
    limits: limitsOf(config.PUSH_RATE),
    logger: rt.logger,
  });
  return rt.proactive;
}

/** The roster (STAFF_FILE, followed), or none; a bad file at start throws RosterError (the process exits 2). */
function openRoster(rt: Runtime): LiveRoster {
  const { config, logger } = rt;
  if (!config.STAFF_FILE) return LiveRoster.none();
  const live = LiveRoster.open(config.STAFF_FILE, {
    onReload: (r) => logger.info({ staff: r.staff.length, announce: r.announce.length }, 'staff roster reloaded'),
    onInvalid: (problems) => logger.error({ problems }, 'staff roster is invalid; the last good roster stays in force'),
  });
  logger.info({ staff: live.current.staff.length, announce: live.current.announce.length }, 'staff roster loaded');
  return live;
}

/**
 * The staff side: who is staff (the roster, STAFF_IDS as city-wide fallback), where cases are announced, console
 * login links, the escalation timer, and the console's options.
 */
function staffWorkspace(rt: Runtime, store: Store, tr: Translator, notices: WebNotices) {
  const { config, logger, metrics, now } = rt;
  const staffChat = staffChatOf(config);
  const staffKeys = new Set(config.STAFF_IDS.map((s) => `${s.platform}:${s.id}`));
  const roster = () => rt.roster.current;
  const deliver = (replies: readonly (Reply | Push)[]) => {
    for (const r of replies) sendElsewhere(rt, notices, r as Reply);
  };
  // cli: accounts are the JSON-lines interface's users: the service has no such channel to tell them on.
  const escalate = (pushes: readonly Push[]) => deliver(pushes.filter((p) => p.platform !== 'cli'));
  rt.escalation = startEscalation({ store, tr, roster, now, ...(staffChat ? { fallback: staffChat } : {}) }, escalate, (error) => {
    metrics.error('escalation');
    logger.error({ err: error }, 'escalation of overdue cases failed; it runs again in 5 minutes');
  });
  const year = now().getFullYear();
  if (!calendarKnows(year) || !calendarKnows(year + 1))
    logger.warn(
      { years: [year, year + 1].filter((y) => !calendarKnows(y)) },
      'the holiday calendar (tyme4ts) does not know these years: dues count Monday-Friday; upgrade tyme4ts',
    );
  const memberFor = (staff: string): StaffMember | null => memberById(roster(), staff) ?? (staffKeys.has(staff) ? fallbackMember(staff) : null);
  return {
    engine: {
      ...(staffChat ? { staffChat } : {}),
      staffOf: staffResolver(roster),
      roster,
      routeCase: (c: Parameters<typeof routeCase>[2]) => routeCase(roster(), staffChat, c),
      consoleLink: (grant: { staff: string; account: string }, at: Date) => issueConsoleLink(store, grant, at, rt.publicUrl),
    },
    console: { store, tr, now, memberFor, roster, deliver, secure: rt.publicUrl.startsWith('https:'), css: loadConsoleCss() },
  };
}

/** Start-up after the configuration: store, NLU, engine, channels, HTTP, then the channels' start. */
async function run(rt: Runtime, options: ServiceOptions, close: () => Promise<void>, t0: number): Promise<Service> {
  const { config, logger, metrics, now } = rt;
  rt.roster = openRoster(rt);
  const store = await openStore(
    config,
    storeLogging(logger, () => metrics.error('store')),
  );
  rt.store = store;
  // Personal data of closed cases erased after RETENTION_DAYS: at start if not yet run today, then daily.
  rt.retention = startRetention({
    store,
    days: config.RETENTION_DAYS,
    now,
    onRun: (result) => {
      if (result.erased.length > 0 || result.failed.length > 0)
        logger.info(
          { erased: result.erased.length, failed: result.failed.length, days: config.RETENTION_DAYS },
          'retention: personal data of closed cases erased',
        );
    },
    onError: (error) => {
      metrics.error('retention');
      logger.error({ err: error }, 'retention job failed; it runs again within the hour');
    },
  });
  const tr = loadTranslator();
  const nlu = warmUp();
  logger.info({ store: store.kind, nlu: { model: nlu.model, intents: nlu.intents, trainingMs: Math.round(nlu.trainingMs) } }, 'store open, NLU trained');
  const web = await webParts(rt, store);
  const staff = staffWorkspace(rt, store, tr, web.notices);
  // One engine for every channel: only messages from the web chat are limited in the cases they open.
  const proactive = startCare(rt, tr);
  const engine = createEngine({
    store,
    tr,
    logger,
    care: proactive.care,
    floodGuard: new FloodGuard(),
    allowCase: (i) => web.limits.allowCase(i),
    ...staff.engine,
  });
  const handle = engineHandle(rt, engine, web.notices);
  rt.dueTimer = startDueTimer(
    new DueJobs().add('care', async (t) => {
      await proactive.runDue(t);
      return [];
    }),
    now,
    options.dueEveryMs ?? DUE_EVERY_MS,
    (name, error) => {
      metrics.error('scheduler');
      logger.error({ err: error, job: name }, 'scheduled job failed; it runs again shortly');
    },
  );
  const depsFor = (platform: string): ChannelDeps => ({
    handle,
    logger,
    staffIds: new Set(config.STAFF_IDS.filter((s) => s.platform === platform).map((s) => s.id)),
    now,
  });
  rt.channels.push(...(await configuredChannels(config, tr, depsFor)));
  for (const factory of options.channels ?? []) rt.channels.push(await factory(depsFor('injected')));

  const webOn = webChatEnabled(config);
  const assets = loadWebAssets(options.webDir);
  if (webOn && !assets.ok) logger.warn({ missing: assets.missing }, 'web chat page files are missing; GET / answers 503');
  const webOptions = webOptionsFor(rt, handle, tr, web, assets.ok ? assets.assets : null);
  rt.app = buildApp({
    logger,
    metrics,
    readiness: readinessOf(rt),
    webhooks: rt.channels.flatMap((c) => [...(c.webhooks ?? [])]),
    closing: () => rt.closing !== null,
    web: webOn ? webOptions : null,
    metricsToken: config.METRICS_TOKEN,
    trustProxy: config.TRUST_PROXY,
    console: staff.console,
  });
  const bound = await listen(rt.app, options.host ?? config.HOST, options.port ?? config.PORT);
  if (!config.PUBLIC_URL) rt.publicUrl = publicUrlOf(config, bound.port);

  // Channels start after the server listens: in webhook mode the platform may post as soon as it is registered.
  // Not awaited: a platform that is slow or unreachable (Telegram's getMe retries for up to 30 s) must not hold up
  // the service or its shutdown; /readyz says when every channel is connected.
  for (const c of rt.channels) startChannel(rt, c, 0);

  let consoleDone: Promise<void> | null = null;
  if (rt.channels.length === 0) {
    logger.info(webOn ? PLATFORM_HINT : PLATFORM_HINT_NO_WEB);
    if (options.console) {
      const { input, output } = options.console;
      consoleDone = runConsole({ handle, tr, input, output, now }).catch((error: unknown) => logger.error({ err: error }, 'console channel failed'));
    }
  }
  logListening(rt, bound, webOn, t0);
  return { url: bound.url, port: bound.port, address: bound.address, channels: rt.channels, store, logger, consoleDone, close };
}
