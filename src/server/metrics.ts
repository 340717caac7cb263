import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { INTENT_IDS } from '../nlu/index.ts';
import type { CaseStatus, Store } from '../store/index.ts';

/** Every case status, so the gauge always has one series per status (0 when none). */
const CASE_STATUSES: readonly CaseStatus[] = ['open', 'claimed', 'resolved', 'rejected'];

/** The case gauge counts at most this many cases per status on a scrape (it saturates there). */
export const CASES_SCRAPE_LIMIT = 1000;
/** A scrape never waits longer than this for the store. */
const SCRAPE_TIMEOUT_MS = 2000;

/** Where an error happened, for `yinling_errors_total{stage}`. A closed set keeps the label bounded. */
export type ErrorStage =
  | 'engine'
  | 'webhook'
  | 'web'
  | 'channel_start'
  | 'channel_stop'
  | 'store'
  | 'metrics'
  | 'shutdown'
  | 'push'
  | 'notice'
  | 'retention'
  | 'scheduler'
  | 'escalation';

/**
 * Label values come from closed sets, whatever users send: a label taken from input (a pressed button names an
 * intent, `i:<anything>`) would create a new series per invented value and exhaust the scraper's memory.
 */
const PLATFORMS: ReadonlySet<string> = new Set(['telegram', 'lark', 'web', 'console', 'jsonl']);
const INTENTS: ReadonlySet<string> = new Set(INTENT_IDS);

/** The platform label: a known platform, or 'other'. */
export const platformLabel = (platform: string): string => (PLATFORMS.has(platform) ? platform : 'other');
/** The intent label: a known intent id, 'none' when the engine reported none, or 'other'. */
export const intentLabel = (intent: string | null): string => (intent === null ? 'none' : INTENTS.has(intent) ? intent : 'other');

export interface Metrics {
  readonly registry: Registry;
  /** One handled message: its platform, the intent the engine reported (or 'none'), and how long it took. */
  observeMessage(platform: string, intent: string | null, seconds: number): void;
  error(stage: ErrorStage): void;
  /** Messages being handled right now. */
  inflight(delta: 1 | -1): void;
  /** A web chat message refused by a per-client limit. */
  limited(by: 'session' | 'address'): void;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type MetricsOptions = { readonly store: () => Store | null; readonly onScrapeError?: (error: unknown) => void };

/** Cases in the store by status, counted on scrape; a store that does not answer leaves it empty. */
function casesGauge(registry: Registry, options: MetricsOptions, onError: () => void): void {
  new Gauge({
    name: 'yinling_cases',
    help: `Cases in the store by status (counted on scrape, at most ${CASES_SCRAPE_LIMIT} per status)`,
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const store = options.store();
      if (!store) return;
      try {
        const counts = await withTimeout(
          Promise.all(CASE_STATUSES.map(async (status) => [status, (await store.listCases({ status, limit: CASES_SCRAPE_LIMIT })).length] as const)),
          SCRAPE_TIMEOUT_MS,
        );
        for (const [status, n] of counts) this.set({ status }, n);
      } catch (error) {
        // A store that does not answer leaves the gauge empty rather than failing the whole scrape.
        onError();
        options.onScrapeError?.(error);
      }
    },
  });
}

/**
 * The service's own Prometheus registry (not prom-client's global one, so several services in one process — tests —
 * do not collide): message counts and latencies, errors by stage, cases by status (read from the store on scrape),
 * plus the default process metrics.
 */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const messages = new Counter({
    name: 'yinling_messages_total',
    help: 'Messages and button presses handled by the dialog engine',
    labelNames: ['platform', 'intent'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'yinling_message_duration_seconds',
    help: 'Time the dialog engine took to answer one message',
    labelNames: ['platform'] as const,
    // Answers take milliseconds; the upper buckets catch a slow store or lock wait.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'yinling_errors_total',
    help: 'Errors by stage (engine, webhook, web, channel_start, channel_stop, store, metrics, shutdown, push, notice, retention)',
    labelNames: ['stage'] as const,
    registers: [registry],
  });
  const inflight = new Gauge({
    name: 'yinling_messages_in_flight',
    help: 'Messages being handled right now',
    registers: [registry],
  });
  casesGauge(registry, options, () => errors.inc({ stage: 'metrics' }));
  const limited = new Counter({
    name: 'yinling_web_limited_total',
    help: 'Web chat requests refused by a per-client limit, by what was over it (session or address)',
    labelNames: ['by'] as const,
    registers: [registry],
  });

  // Known series start at 0 so rate() works from the first message.
  for (const stage of ['engine', 'webhook', 'web'] as const) errors.inc({ stage }, 0);
  for (const by of ['session', 'address'] as const) limited.inc({ by }, 0);

  return {
    registry,
    observeMessage(platform, intent, seconds) {
      messages.inc({ platform: platformLabel(platform), intent: intentLabel(intent) });
      duration.observe({ platform: platformLabel(platform) }, seconds);
    },
    error(stage) {
      errors.inc({ stage });
    },
    inflight(delta) {
      inflight.inc(delta);
    },
    limited(by) {
      limited.inc({ by });
    },
  };
}
