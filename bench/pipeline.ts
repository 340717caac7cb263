/**
 * The whole pipeline — `engine.handle`: normalise → NLU → dialog → rules → store → replies — driven by the
 * conversation mix of workload.ts, on whichever store it is given; and, beside it, the bare store calls a turn makes.
 *
 * Three ways of loading it:
 * - serial: one message at a time (the service time, no queueing);
 * - capacity: a closed loop with `concurrency` messages in flight (in different chats), as fast as it goes;
 * - open loop: messages arrive on a fixed schedule at the target rate, and each latency is measured from the
 *   message's scheduled arrival (so a stall counts against every message that waited, not just one).
 */
import { constants, PerformanceObserver, performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Outgoing } from '../src/chat/index.ts';
import { createEngine, type Engine } from '../src/dialog/index.ts';
import { loadTranslator, type Translator } from '../src/i18n/index.ts';
import { createLogger } from '../src/log.ts';
import { warmUp } from '../src/nlu/index.ts';
import type { Json, Store } from '../src/store/index.ts';
import { profiled } from './profile.ts';
import { prng, Samples, type Summary, sleep } from './stats.ts';
import { Conversations, NOW_BASE, type WorkloadCheck } from './workload.ts';

export interface RunResult {
  readonly messages: number;
  readonly seconds: number;
  /** Completed messages per second of wall time. */
  readonly rate: number;
  readonly latency: Summary;
  readonly concurrency?: number;
  readonly targetRate?: number;
  /** Open loop: the most messages waiting or in flight at once. */
  readonly maxBacklog?: number;
  /** Open loop: scheduled arrival → handle() called (part of the latency; the harness's share is its ~1 ms timer). */
  readonly lateness?: Summary;
  /** Messages of the whole phase when it is several runs (per-message CPU, AOF… are divided by this). */
  readonly phaseMessages?: number;
  /** Repeated open loop: the p99 of every run (the result shown is the median one). */
  readonly runsP99?: readonly number[];
  /** Open loop: stopped by the time cap before every scheduled message was sent. */
  readonly truncated?: boolean;
  readonly check?: WorkloadCheck;
  /** Open loop: the latency of the turns that opened a case (they write the case durably, in extra round trips). */
  readonly caseTurns?: Summary;
  /** CPU time of this (the bot's) process per message, user + system, µs. */
  cpuUsPerMessage?: number;
  /** Garbage-collection pauses of this process during the phase. */
  gc?: GcStats;
  /** What the store's server says about the phase (Redis: AOF bytes and server CPU per message, fsync stalls). */
  server?: Record<string, number>;
}

export interface GcStats {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
  /** Full (mark-sweep-compact) collections. */
  readonly major: number;
  readonly majorMaxMs: number;
}

/** Collects GC pauses (perf_hooks 'gc' entries) until stop(). */
export function watchGc(): { stop(): Promise<GcStats> } {
  let count = 0;
  let totalMs = 0;
  let maxMs = 0;
  let major = 0;
  let majorMaxMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      count++;
      totalMs += entry.duration;
      maxMs = Math.max(maxMs, entry.duration);
      const kind = ((entry as { detail?: unknown }).detail as { kind?: number } | null | undefined)?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        major++;
        majorMaxMs = Math.max(majorMaxMs, entry.duration);
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // Entries are delivered asynchronously: let the last ones arrive.
      await sleep(20);
      observer.disconnect();
      return { count, totalMs, maxMs, major, majorMaxMs };
    },
  };
}

/** Observes the store's server around each phase (Redis INFO); the SQLite store has none. */
export interface ServerProbe {
  before(): Promise<void>;
  after(messages: number): Promise<Record<string, number>>;
}

export interface PipelineResult {
  readonly store: 'sqlite' | 'redis';
  readonly live: number;
  readonly options: PipelineOptions;
  readonly serial: RunResult;
  readonly capacity: RunResult;
  readonly openLoop: RunResult;
  /** The store calls of one turn, without NLU or dialog. */
  readonly bareSerial: RunResult;
  readonly bareCapacity: RunResult;
  /** Store calls per message over the mix, by method, and the slow ones. */
  readonly storeCalls: Record<string, CallStats>;
  /** Warnings and errors the engine logged during the run. */
  readonly loggedProblems: number;
  readonly extra?: Record<string, RunResult>;
}

export interface PipelineOptions {
  readonly live: number;
  readonly concurrency: number;
  readonly targetRate: number;
  readonly warmupMessages: number;
  readonly serialMessages: number;
  readonly capacityMessages: number;
  readonly openLoopSeconds: number;
  /** The open loop is run this many times; the median run is reported. */
  readonly openLoopRepeats: number;
  /** Hard cap on any one run. */
  readonly maxRunMs: number;
  readonly messageIds: boolean;
  /** Messages of the separate serial pass that counts and times store calls. */
  readonly countMessages: number;
  /** Quiet time between phases, so one phase's background work (disk write-back) does not land in the next. */
  readonly pauseMs: number;
}

export const DEFAULT_PIPELINE: PipelineOptions = {
  live: 200,
  concurrency: 32,
  targetRate: 2000,
  warmupMessages: 3000,
  serialMessages: 3000,
  capacityMessages: 20_000,
  openLoopSeconds: 4,
  openLoopRepeats: 3,
  maxRunMs: 8_000,
  messageIds: true,
  countMessages: 2000,
  pauseMs: 500,
};

function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

function rateOf(messages: number, seconds: number): number {
  return seconds > 0 ? messages / seconds : 0;
}

/** Closed loop: `concurrency` workers, each sending the next message of some idle conversation as soon as its last one is answered. */
export async function closedLoop(engine: Engine, conversations: Conversations, concurrency: number, maxMessages: number, maxMs: number): Promise<RunResult> {
  const latency = new Samples();
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  const worker = async (): Promise<void> => {
    while (started < maxMessages && performance.now() < deadline) {
      const sent = conversations.take();
      if (!sent) {
        await yieldToLoop();
        continue;
      }
      started++;
      const t = performance.now();
      let out: Outgoing | null = null;
      try {
        out = await engine.handle(sent.incoming);
      } catch {
        out = null;
      }
      latency.push(performance.now() - t);
      conversations.done(sent, out);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return {
    messages: latency.length,
    seconds,
    rate: rateOf(latency.length, seconds),
    latency: latency.summary(),
    concurrency,
    check: { ...conversations.check },
  };
}

/** Open loop: message i is due at t0 + i / rate whatever happened before; its latency runs from that moment. */
export async function openLoop(engine: Engine, conversations: Conversations, rate: number, seconds: number, maxMs: number): Promise<RunResult> {
  const latency = new Samples();
  const caseTurns = new Samples();
  /** How late the harness sent each message (timer granularity, or the event loop busy with earlier messages). */
  const lateness = new Samples();
  const interval = 1000 / rate;
  let count = Math.round(rate * seconds);
  const t0 = performance.now() + 2;
  let sentCount = 0;
  let inFlight = 0;
  let maxBacklog = 0;
  let lastDone = t0;
  let truncated = false;
  await new Promise<void>((resolve) => {
    const finishIfDone = (): void => {
      if (sentCount >= count && inFlight === 0) resolve();
    };
    const tick = (): void => {
      const now = performance.now();
      if (now - t0 > maxMs && sentCount < count) {
        truncated = true;
        count = sentCount;
      }
      // Messages already due but not yet sent are waiting too.
      const due = Math.min(count, Math.floor((now - t0) / interval) + 1);
      maxBacklog = Math.max(maxBacklog, inFlight + Math.max(0, due - sentCount));
      while (sentCount < count && t0 + sentCount * interval <= now) {
        const sent = conversations.take();
        if (!sent) break; // every live conversation is waiting for a reply: overload; the schedule keeps running
        const scheduled = t0 + sentCount * interval;
        lateness.push(now - scheduled);
        sentCount++;
        inFlight++;
        const finish = (out: Outgoing | null): void => {
          const end = performance.now();
          latency.push(end - scheduled);
          if (out?.cases.some((c) => c.status === 'open')) caseTurns.push(end - scheduled);
          lastDone = end;
          inFlight--;
          conversations.done(sent, out);
          finishIfDone();
        };
        engine.handle(sent.incoming).then(finish, () => finish(null));
      }
      // A 1 ms timer, not a setImmediate spin: spinning would take a whole core from Redis and the kernel on a 2-core box.
      if (sentCount < count) setTimeout(tick, 0);
      else finishIfDone();
    };
    setTimeout(tick, 0);
  });
  const wall = (lastDone - t0) / 1000;
  return {
    messages: latency.length,
    seconds: wall,
    rate: rateOf(latency.length, wall),
    latency: latency.summary(),
    targetRate: rate,
    maxBacklog,
    lateness: lateness.summary(),
    truncated,
    check: { ...conversations.check },
    caseTurns: caseTurns.summary(),
  };
}

/**
 * The open loop `repeats` times (fresh conversations each time, a pause between): one noisy stretch on a shared
 * machine does not decide the figure. The result is the run with the median p99; `runsP99` lists every run's.
 */
export async function openLoopRepeated(
  engine: Engine,
  make: (seed: number, prefix: string) => Conversations,
  prefix: string,
  options: Pick<PipelineOptions, 'targetRate' | 'openLoopSeconds' | 'maxRunMs' | 'pauseMs' | 'openLoopRepeats'>,
): Promise<RunResult> {
  const runs: RunResult[] = [];
  for (let i = 0; i < options.openLoopRepeats; i++) {
    if (i > 0) await sleep(options.pauseMs);
    runs.push(await openLoop(engine, make(4 + 10 * i, `${prefix}${i}`), options.targetRate, options.openLoopSeconds, options.maxRunMs));
  }
  const byP99 = [...runs].sort((a, b) => a.latency.p99 - b.latency.p99);
  const median = byP99[Math.floor((byP99.length - 1) / 2)] as RunResult;
  return {
    ...median,
    runsP99: runs.map((r) => r.latency.p99),
    truncated: runs.some((r) => r.truncated),
    phaseMessages: runs.reduce((n, r) => n + r.messages, 0),
  };
}

/**
 * The store work of a typical turn, with nothing else: runTurn with a message id, reading session and profile and
 * writing the session back.
 */
export async function bareTurns(store: Store, concurrency: number, maxTurns: number, maxMs: number, idPrefix: string, chats = 200): Promise<RunResult> {
  const rand = prng(7);
  const latency = new Samples();
  const busy = new Set<number>();
  let started = 0;
  let seq = 0;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  const data: Json = {
    dialog: { intent: 'serious_illness_consolation', slots: { amount: 12000 }, awaiting: 'region', tries: 0 },
    at: NOW_BASE,
  };
  const worker = async (): Promise<void> => {
    while (started < maxTurns && performance.now() < deadline) {
      let k = Math.floor(rand() * chats);
      for (let i = 0; busy.has(k) && i < chats; i++) k = (k + 1) % chats;
      if (busy.has(k)) {
        await yieldToLoop();
        continue;
      }
      busy.add(k);
      started++;
      const chat = `${idPrefix}c${k}`;
      const t = performance.now();
      await store.runTurn(
        { chat, user: chat, profile: `bench:${chat}`, seen: `msg:bench:${chat}:${++seq}` },
        async () => ({ value: null, writes: { session: { chat, data, ttlMs: 24 * 3600_000 } } }),
        { seenTtlMs: 24 * 3600_000 },
      );
      latency.push(performance.now() - t);
      busy.delete(k);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { messages: latency.length, seconds, rate: rateOf(latency.length, seconds), latency: latency.summary(), concurrency };
}

/** The workload's conversations for these options: `make(seed, idPrefix)`, told which replies are errors. */
export function conversationsFor(tr: Translator, options: PipelineOptions): (seed: number, prefix: string) => Conversations {
  return (seed, prefix) =>
    new Conversations({
      seed,
      live: options.live,
      idPrefix: prefix,
      messageIds: options.messageIds,
      errorTexts: [tr.t('system-error'), tr.t('system-busy')],
      expiredText: tr.t('button-expired'),
    });
}

export function makeEngine(store: Store): { engine: Engine; tr: Translator; problems: () => number } {
  let problems = 0;
  const logger = createLogger({ level: 'warn', destination: { write: () => void problems++ } });
  const tr = loadTranslator();
  warmUp();
  return { engine: createEngine({ store, tr, logger }), tr, problems: () => problems };
}

export interface CallStats {
  /** Calls per message. */
  perMessage: number;
  /** Calls that took 1 ms or more, per 1,000 messages (SQLite: the event loop was blocked that long). */
  slowPer1000: number;
  slowMaxMs: number;
  /** Time spent in the calls of 1 ms or more, and in all calls, ms (over the pass). */
  slowMs: number;
  totalMs: number;
}

/** The store with every method call counted and timed (for "store calls per message" and the slow ones). */
function countingStore(store: Store, stats: Map<string, CallStats>): Store {
  const record = (method: string, ms: number | null): void => {
    const s = stats.get(method) ?? { perMessage: 0, slowPer1000: 0, slowMaxMs: 0, slowMs: 0, totalMs: 0 };
    s.perMessage++;
    if (ms !== null) {
      s.totalMs += ms;
      if (ms >= 1) {
        s.slowPer1000++;
        s.slowMs += ms;
        s.slowMaxMs = Math.max(s.slowMaxMs, ms);
      }
    }
    stats.set(method, s);
  };
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      const method = String(key);
      if (method === 'runTurn') {
        // A turn's own time is not the store's: timed are its start (lock + reads) and its commit (writes + release).
        const runTurn = value as Store['runTurn'];
        return (keys: Parameters<Store['runTurn']>[0], fn: Parameters<Store['runTurn']>[1], options?: Parameters<Store['runTurn']>[2]) => {
          let t = performance.now();
          let began = false;
          return runTurn
            .call(
              target,
              keys,
              async (read) => {
                began = true;
                record('runTurn: begin', performance.now() - t);
                const result = await fn(read);
                t = performance.now();
                return result;
              },
              options,
            )
            .finally(() => record(began ? 'runTurn: commit' : 'runTurn: duplicate or failed', performance.now() - t));
        };
      }
      return (...args: unknown[]) => {
        const t = performance.now();
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) {
          record(method, null);
          return result;
        }
        return result.finally(() => record(method, performance.now() - t));
      };
    },
  });
}

export interface PhaseContext {
  readonly engine: Engine;
  readonly store: Store;
  readonly make: (seed: number, prefix: string) => Conversations;
  readonly phase: (name: string, fn: () => Promise<RunResult>) => Promise<RunResult>;
}

export async function runPipeline(
  store: Store,
  options: PipelineOptions = DEFAULT_PIPELINE,
  probe?: ServerProbe,
  extraPhases?: (ctx: PhaseContext) => Promise<Record<string, RunResult>>,
): Promise<PipelineResult> {
  const { engine, tr, problems } = makeEngine(store);
  const make = conversationsFor(tr, options);
  /** One measured phase: a pause, the server probe and CPU time around it, a CPU profile when asked. */
  const phase = async (name: string, fn: () => Promise<RunResult>): Promise<RunResult> => {
    await sleep(options.pauseMs);
    await probe?.before();
    const gc = watchGc();
    const cpu = process.cpuUsage();
    const result = await profiled(`${store.kind}-${name}`, fn);
    const used = process.cpuUsage(cpu);
    const messages = result.phaseMessages ?? result.messages;
    result.cpuUsPerMessage = messages > 0 ? (used.user + used.system) / messages : NaN;
    result.gc = await gc.stop();
    if (probe) result.server = await probe.after(messages);
    return result;
  };
  const k = store.kind;

  progress(`${k}: warm-up, ${options.warmupMessages} messages`);
  await closedLoop(engine, make(1, 'w'), 8, options.warmupMessages, options.maxRunMs);

  progress(`${k}: open loop at ${options.targetRate} msg/s, ${options.openLoopRepeats} × ${options.openLoopSeconds} s, ${options.live} live chats`);
  const open = await phase('open-loop', () => openLoopRepeated(engine, make, 'o', options));

  progress(`${k}: serial, ${options.serialMessages} messages one at a time`);
  const serial = await phase('serial', () => closedLoop(engine, make(2, 's'), 1, options.serialMessages, options.maxRunMs));

  progress(`${k}: capacity, up to ${options.capacityMessages} messages, ${options.concurrency} in flight, ${options.live} live chats`);
  const capacity = await phase('capacity', () => closedLoop(engine, make(3, 'c'), options.concurrency, options.capacityMessages, options.maxRunMs));

  progress(`${k}: the bare store calls of a turn (no NLU, no dialog)`);
  await bareTurns(store, 8, 1000, options.maxRunMs, 'bw');
  const bareSerial = await phase('bare-serial', () => bareTurns(store, 1, options.serialMessages, options.maxRunMs, 'bs'));
  const bareCapacity = await phase('bare-capacity', () => bareTurns(store, options.concurrency, options.capacityMessages, options.maxRunMs, 'bc'));

  progress(`${k}: store calls per message, timed (a separate serial pass)`);
  const stats = new Map<string, CallStats>();
  const counted = makeEngine(countingStore(store, stats)).engine;
  const countRun = await closedLoop(counted, make(5, 'n'), 1, options.countMessages, options.maxRunMs);
  const storeCalls = Object.fromEntries(
    [...stats.entries()]
      .sort((a, b) => b[1].perMessage - a[1].perMessage)
      .map(([m, x]) => [m, { ...x, perMessage: x.perMessage / countRun.messages, slowPer1000: (x.slowPer1000 * 1000) / countRun.messages }]),
  );

  const extra = extraPhases ? await extraPhases({ engine, store, make, phase }) : undefined;

  return {
    store: k,
    live: options.live,
    options,
    serial,
    capacity,
    openLoop: open,
    bareSerial,
    bareCapacity,
    storeCalls,
    loggedProblems: problems(),
    ...(extra ? { extra } : {}),
  };
}
