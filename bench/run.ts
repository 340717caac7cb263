/**
 * `npm run bench` — measures the whole bot and prints one table (figures beside their targets, PASS/MISS); the
 * same table and every raw figure are written to bench/results/<timestamp>.json. Figures are reported, never
 * asserted: the run exits 0 whatever they are (1 only if the benchmark itself broke).
 *
 * Sections (each measuring part runs in a fresh process of its own, see section.ts):
 *   nlu      classify() and understand() over a realistic sentence mix; training time on a fresh process
 *   sqlite   the full pipeline (engine.handle) on the embedded store in a temp dir, many chats at once: an open loop
 *            at the target rate (latency), a closed loop (capacity), serial; the bare store calls of a turn; what-if
 *            the database were on tmpfs (what the disk syncs cost)
 *   redis    the same on a real redis-server on loopback (tests/support/redis-server.ts, appendfsync always),
 *            and what-if appendfsync everysec
 *   reminders 100,000 subscribers due in one minute through a fake platform, SQLite and BullMQ: no duplicate, no
 *            loss, and the scheduler's own ceiling in reminders/s (≥ 20 × Telegram's 30/s)
 *   startup  node --import tsx src/main.ts → GET /readyz 200, three times; and the compiled dist/ (Docker layout)
 *   memory   RSS with 10,000 dialogs waiting, after a GC
 *   console  the staff console's JSON API (/console/api/cases, filtered pages of 50) with 100,000 cases in the store,
 *            on SQLite and on Redis, over HTTP on loopback
 *
 * Options: --only=nlu,sqlite,…   --profile (V8 CPU profiles of the measured phases, summarised below the table)
 *          --keep-profiles (keep the .cpuprofile files; their folder is printed)
 * The workload can be inspected with `node --import tsx bench/section.ts trace` (each scripted dialog once).
 * Bounded: every loop has a count and a time cap; the whole run takes about two minutes. Only loopback traffic;
 * temporary folders and the Redis server are removed at the end (also on Ctrl-C).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type RedisServer, startRedis } from '../tests/support/redis-server.ts';
import type { ConsoleBenchResult } from './console.ts';
import type { MemoryResult } from './memory.ts';
import type { NluResult } from './nlu.ts';
import type { PipelineResult, RunResult } from './pipeline.ts';
import { PROFILE_DIR_ENV, type ProfileSummary, summarizeProfiles } from './profile.ts';
import { RESULT_MARK, RUN_ID_ENV, removeRunDirs, tempDir } from './protocol.ts';
import type { RemindersResult } from './reminders.ts';
import { killStartupChildren, runStartup, type StartupResult } from './startup.ts';
import { fmtBytes, fmtMs, fmtNumber } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Names this run's temporary folders (inherited by the sections).
process.env[RUN_ID_ENV] = `${Date.now().toString(36)}${process.pid}`;
const SECTION_TIMEOUT_MS = 170_000;
/** 100,000 reminders (and writing them first) on a shared two-core machine take minutes, not seconds. */
const REMINDERS_TIMEOUT_MS = 400_000;
const SECTIONS = ['nlu', 'sqlite', 'redis', 'startup', 'memory', 'reminders', 'console'] as const;
type SectionName = (typeof SECTIONS)[number];

const TARGETS = {
  nluPerSecond: 20_000,
  sqliteRate: 2_000,
  sqliteP99Ms: 5,
  redisRate: 1_000,
  redisP99Ms: 10,
  rssBytes: 200 * 1024 * 1024,
  readyMs: 1_500,
  /** The scheduler's own ceiling: at least 20 × Telegram's 30 messages a second, so the platform sets the pace. */
  remindersRate: 20 * 30,
  consoleP99Ms: 50,
};

// ---------------------------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
const only = ((): Set<SectionName> => {
  const arg = argv.find((a) => a.startsWith('--only='));
  if (!arg) return new Set(SECTIONS);
  const names = arg.slice('--only='.length).split(',').filter(Boolean);
  for (const n of names) {
    if (!(SECTIONS as readonly string[]).includes(n)) {
      process.stderr.write(`bench: unknown section ${n} (known: ${SECTIONS.join(', ')})\n`);
      process.exit(2);
    }
  }
  return new Set(names as SectionName[]);
})();
const profile = argv.includes('--profile') || argv.includes('--keep-profiles');
const keepProfiles = argv.includes('--keep-profiles');

// ---------------------------------------------------------------------------------------------
// Running sections in child processes

const children = new Set<ChildProcess>();
let redis: RedisServer | null = null;
let profileDir: string | null = null;

async function cleanup(): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  children.clear();
  killStartupChildren();
  if (redis) {
    const r = redis;
    redis = null;
    await r.stop().catch(() => undefined);
  }
  if (profileDir && !keepProfiles) rmSync(profileDir, { recursive: true, force: true });
  // Whatever a killed section could not remove itself.
  removeRunDirs(process.env[RUN_ID_ENV] as string);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Runs `node [flags] --import tsx bench/section.ts args…` and returns its BENCH_RESULT. */
function section<T>(args: readonly string[], nodeFlags: readonly string[] = [], timeoutMs = SECTION_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    if (interrupted) {
      reject(new Error('interrupted'));
      return;
    }
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_OPTIONS;
    if (profileDir) env[PROFILE_DIR_ENV] = profileDir;
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'bench/section.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_MARK.length)) as T);
      else reject(new Error(`section ${args[0]} failed (exit ${code ?? signal})${signal === 'SIGKILL' ? `: over ${timeoutMs / 1000} s` : ''}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The table

type Verdict = 'PASS' | 'MISS' | 'info' | 'SKIP' | 'ERROR';
interface Row {
  readonly section: string;
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  readonly result: Verdict | '';
}

const rows: Row[] = [];
const row = (section: string, measure: string, value: string, target = '', result: Verdict | '' = ''): void => {
  rows.push({ section, measure, value, target, result });
};
const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'MISS');
const pct = (r: RunResult['latency']): string => `${fmtMs(r.p50)} / ${fmtMs(r.p95)} / ${fmtMs(r.p99)}`;
const rate = (x: number, unit = 'msg/s'): string => `${fmtNumber(x, 0)} ${unit}`;

function renderTable(list: readonly Row[]): string {
  const headers: Row = { section: 'Section', measure: 'Measure', value: 'Value', target: 'Target', result: '' };
  const cols = ['section', 'measure', 'value', 'target', 'result'] as const;
  const width = (s: string): number =>
    [...s].reduce(
      (w, ch) => w + (/[\u1100-\uFFEF]/.test(ch) && ch !== 'µ' && ch !== '·' && ch !== '—' && ch !== '≥' && ch !== '≤' && ch !== '→' && ch !== '×' ? 2 : 1),
      0,
    );
  const widths = cols.map((c) => Math.max(width(c === 'result' ? 'Result' : headers[c]), ...list.map((r) => width(r[c]))));
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
  const line = (r: Row, head = false): string => `| ${cols.map((c, i) => pad(head && c === 'result' ? 'Result' : r[c], widths[i] as number)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const out = [line(headers, true), rule];
  let last = '';
  for (const r of list) {
    if (r.section !== last && last !== '') out.push(rule);
    out.push(line(r.section === last ? { ...r, section: '' } : r));
    last = r.section;
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Sections → rows

function nluRows(r: NluResult): void {
  const s = 'NLU alone';
  row(s, `sentence mix`, `${r.sentences.intents} intents/ examples + ${r.sentences.heldout} held-out + ${r.sentences.own} own`, '', 'info');
  row(s, 'training, fresh process: warmUp()', `${fmtMs(r.firstTrainingMs)} (trainingMs ${fmtMs(r.reportedTrainingMs)})`, '', 'info');
  row(s, 'training again, warm process (min of 3)', fmtMs(r.retrainMs.min), '', 'info');
  row(
    s,
    'getClassifier().classify: throughput',
    rate(r.classify.perSecond, '/s'),
    `≥ ${fmtNumber(TARGETS.nluPerSecond, 0)} /s`,
    verdict(r.classify.perSecond >= TARGETS.nluPerSecond),
  );
  row(s, 'classify: p50 / p99', `${fmtMs(r.classify.latency.p50)} / ${fmtMs(r.classify.latency.p99)}`, '', 'info');
  row(s, 'understand(): throughput', rate(r.understand.perSecond, '/s'), '', 'info');
  row(s, 'understand(): p50 / p99', `${fmtMs(r.understand.latency.p50)} / ${fmtMs(r.understand.latency.p99)}`, '', 'info');
}

function checkText(r: RunResult): string {
  const c = r.check;
  if (!c) return '';
  const problems = c.systemErrors + c.expiredButtons;
  return (
    `${fmtNumber(c.messages, 0)} msgs, ${fmtNumber(c.quiet, 0)} quiet in groups, ${c.casesOpened} cases ` +
    `(${c.casesScripted}/${c.casesExpected} scripted), ${c.systemErrors} errors, ${c.expiredButtons} expired buttons` +
    (problems > 0 ? '  ← workload went off script' : '')
  );
}

function pipelineRows(r: PipelineResult, label: string, rateTarget: number, p99Target: number): void {
  const s = label;
  const open = r.openLoop;
  const openOk = !open.truncated && open.rate >= 0.95 * (open.targetRate ?? 0) && open.latency.p99 <= p99Target;
  const runs = (x: RunResult): string => (x.runsP99 && x.runsP99.length > 1 ? ` (p99 of each run: ${x.runsP99.map((v) => fmtMs(v)).join(', ')})` : '');
  row(
    s,
    `open loop @ ${fmtNumber(open.targetRate ?? 0, 0)} msg/s, ${r.live} chats: p50 / p95 / p99, median of ${open.runsP99?.length ?? 1} runs`,
    `${pct(open.latency)}${runs(open)}${open.truncated ? ' (cut at time cap)' : ''}`,
    `p99 ≤ ${p99Target} ms`,
    verdict(openOk),
  );
  row(
    s,
    '  open loop: achieved rate, max backlog, send lateness p99',
    `${rate(open.rate)}, ${open.maxBacklog ?? 0} msgs, ${open.lateness ? fmtMs(open.lateness.p99) : 'n/a'}`,
    '',
    'info',
  );
  if (open.caseTurns && open.caseTurns.n > 0) {
    row(
      s,
      '  open loop: turns that opened a case: count, p50 / p99',
      `${open.caseTurns.n}, ${fmtMs(open.caseTurns.p50)} / ${fmtMs(open.caseTurns.p99)}`,
      '',
      'info',
    );
  }
  row(
    s,
    `capacity: ${r.capacity.concurrency} in flight, ${r.live} chats`,
    rate(r.capacity.rate),
    `≥ ${fmtNumber(rateTarget, 0)} msg/s`,
    verdict(r.capacity.rate >= rateTarget),
  );
  row(s, '  at capacity: p50 / p95 / p99 (incl. queueing)', pct(r.capacity.latency), '', 'info');
  row(s, 'serial, 1 in flight: p50 / p95 / p99', `${pct(r.serial.latency)} (${rate(r.serial.rate)})`, '', 'info');
  row(
    s,
    'bot CPU per message: serial / capacity',
    `${fmtNumber(r.serial.cpuUsPerMessage ?? NaN, 0)} µs / ${fmtNumber(r.capacity.cpuUsPerMessage ?? NaN, 0)} µs`,
    '',
    'info',
  );
  if (open.gc) {
    const g = open.gc;
    row(
      s,
      `  open loop: GC pauses (all ${open.runsP99?.length ?? 1} runs)`,
      `${g.count} (${fmtMs(g.totalMs)} in all, max ${fmtMs(g.maxMs)}; ${g.major} full, max ${fmtMs(g.majorMaxMs)})`,
      '',
      'info',
    );
  }
  const calls = Object.entries(r.storeCalls)
    .filter(([, x]) => x.perMessage >= 0.005)
    .map(([m, x]) => `${m} ${fmtNumber(x.perMessage, 2)}`)
    .join(', ');
  const total = Object.values(r.storeCalls).reduce((a, x) => a + x.perMessage, 0);
  row(s, 'store calls per message', `${fmtNumber(total, 2)}: ${calls}`, '', 'info');
  const slow = Object.entries(r.storeCalls)
    .filter(([, x]) => x.slowPer1000 > 0)
    .sort((a, b) => b[1].slowMs - a[1].slowMs)
    .slice(0, 4)
    .map(([m, x]) => `${m} ${fmtNumber(x.slowPer1000, 1)} (max ${fmtMs(x.slowMaxMs)})`)
    .join(', ');
  const storeMs = Object.values(r.storeCalls).reduce((a, x) => a + x.totalMs, 0);
  const slowMs = Object.values(r.storeCalls).reduce((a, x) => a + x.slowMs, 0);
  row(
    s,
    '  store calls ≥ 1 ms, per 1,000 msgs (serial)',
    slow ? `${slow}; ${fmtNumber((100 * slowMs) / Math.max(storeMs, 1e-9), 0)}% of store time` : 'none',
    '',
    'info',
  );
  row(
    s,
    'bare store calls of a turn, serial: p50 / p99',
    `${fmtMs(r.bareSerial.latency.p50)} / ${fmtMs(r.bareSerial.latency.p99)} (${rate(r.bareSerial.rate, 'turns/s')})`,
    '',
    'info',
  );
  row(
    s,
    `bare store calls, ${r.bareCapacity.concurrency} in flight`,
    `${rate(r.bareCapacity.rate, 'turns/s')}, p99 ${fmtMs(r.bareCapacity.latency.p99)}${r.bareSerial.server ? ` [AOF ${fmtNumber(r.bareSerial.server.aofBytesPerMessage ?? NaN, 0)} B, Redis CPU ${fmtNumber(r.bareSerial.server.redisCpuUsPerMessage ?? NaN, 0)} µs per turn, serial]` : ''}`,
    '',
    'info',
  );
  if (open.server) {
    const sv = open.server;
    row(
      s,
      'redis server, open loop: AOF written / server CPU, per msg',
      `${fmtNumber(sv.aofBytesPerMessage ?? NaN, 0)} B / ${fmtNumber(sv.redisCpuUsPerMessage ?? NaN, 0)} µs; fsync stalls ≥1 ms in ${sv.fsyncStallSeconds ?? 0} s, max ${fmtNumber(sv.fsyncStallMaxMs ?? 0, 0)} ms`,
      '',
      'info',
    );
  }
  if (r.extra) {
    const e = r.extra;
    const server = (x: RunResult | undefined): string =>
      x?.server
        ? ` [AOF ${fmtNumber(x.server.aofBytesPerMessage ?? NaN, 0)} B, Redis CPU ${fmtNumber(x.server.redisCpuUsPerMessage ?? NaN, 0)} µs per turn]`
        : '';
    if (e.tmpfsOpenLoop)
      row(
        s,
        'what-if DB on tmpfs (fsync free): open loop p50 / p95 / p99',
        `${pct(e.tmpfsOpenLoop.latency)}${runs(e.tmpfsOpenLoop)}`,
        `(p99 ≤ ${p99Target} ms)`,
        'info',
      );
    if (e.tmpfsSerial) row(s, '  tmpfs: serial p50 / p95 / p99', pct(e.tmpfsSerial.latency), '', 'info');
    const us = (x: RunResult | undefined) => x?.cpuUsPerMessage ?? Number.NaN;
    if (e.sealingSealedSerial && e.sealingRawSerial && e.sealingSealedCapacity && e.sealingRawCapacity) {
      const sealed = { serial: us(e.sealingSealedSerial), capacity: us(e.sealingSealedCapacity) };
      /** Sealed against another store, serial / 32 in flight: the value and whether both rises are within 15 %. */
      const against = (other: { serial: number; capacity: number }): [string, Verdict] => {
        const rise = (a: number, b: number) => `${(a / b - 1) * 100 >= 0 ? '+' : ''}${((a / b - 1) * 100).toFixed(1)} %`;
        const one = (a: number, b: number) => `${fmtNumber(a, 0)} vs ${fmtNumber(b, 0)} µs (${rise(a, b)})`;
        const within = sealed.serial <= other.serial * 1.15 && sealed.capacity <= other.capacity * 1.15;
        return [`${one(sealed.serial, other.serial)} / ${one(sealed.capacity, other.capacity)}`, within ? 'PASS' : 'MISS'];
      };
      const [raw, rawResult] = against({ serial: us(e.sealingRawSerial), capacity: us(e.sealingRawCapacity) });
      row(
        s,
        'sealing (issue 12): bot CPU per message, sealed vs unsealed store, serial / 32 in flight (median of 8 rounds, order swapped each round)',
        raw,
        '≤ +15 %',
        rawResult,
      );
      if (e.sealingPlainSerial && e.sealingPlainCapacity) {
        const [plain, plainResult] = against({ serial: us(e.sealingPlainSerial), capacity: us(e.sealingPlainCapacity) });
        row(s, '  sealing and secure_delete = FAST together, vs neither: serial / 32 in flight', plain, '≤ +15 %', plainResult);
      }
    }
    if (e.everysecOpenLoop)
      row(
        s,
        `what-if appendfsync everysec: open loop p50 / p95 / p99`,
        `${pct(e.everysecOpenLoop.latency)}${runs(e.everysecOpenLoop)}`,
        `(p99 ≤ ${p99Target} ms)`,
        'info',
      );
    if (e.everysecSerial) row(s, '  everysec: serial p50 / p95 / p99', pct(e.everysecSerial.latency), '', 'info');
    if (e.everysecBareSerial)
      row(
        s,
        '  everysec: bare store calls, serial p50 / p99',
        `${fmtMs(e.everysecBareSerial.latency.p50)} / ${fmtMs(e.everysecBareSerial.latency.p99)}${server(e.everysecBareSerial)}`,
        '',
        'info',
      );
  }
  row(s, 'workload check (median open-loop run)', `${checkText(open)}; ${r.loggedProblems} engine warnings logged`, '', 'info');
}

function startupRows(results: readonly StartupResult[]): void {
  const s = 'Start-up to ready';
  for (const r of results) {
    if (r.error) {
      row(s, r.command, `failed: ${r.error.split('\n')[0]}`, `≤ ${TARGETS.readyMs / 1000} s`, 'ERROR');
      continue;
    }
    const rss = r.runs.map((x) => x.rssAtReady).filter((x): x is number => x !== null);
    row(
      s,
      `${r.command} → /readyz 200: min / median of ${r.runs.length}`,
      `${fmtMs(r.minMs)} / ${fmtMs(r.medianMs)}${rss.length > 0 ? `; RSS when ready ${fmtBytes(Math.max(...rss))}` : ''}${r.warning ? ` (${r.warning})` : ''}`,
      `≤ ${fmtNumber(TARGETS.readyMs / 1000, 1)} s`,
      verdict(r.medianMs <= TARGETS.readyMs),
    );
    const logged = r.runs.map((x) => x.startupMsLogged).filter((x): x is number => x !== null);
    const trained = r.runs.map((x) => x.trainingMsLogged).filter((x): x is number => x !== null);
    if (logged.length > 0) {
      const med = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)] as number;
      row(s, '  of which startService() (logged startupMs) / NLU training', `${fmtMs(med(logged))} / ${fmtMs(med(trained))}`, '', 'info');
    }
  }
}

function consoleRows(r: ConsoleBenchResult, label: string): void {
  row(
    label,
    `GET /console/api/cases, filtered pages of 50 (${fmtNumber(r.all.n, 0)} requests, one at a time): p50 / p99`,
    `${fmtMs(r.all.p50)} / ${fmtMs(r.all.p99)}`,
    `p99 ≤ ${TARGETS.consoleP99Ms} ms`,
    verdict(r.all.p99 <= TARGETS.consoleP99Ms),
  );
  for (const [name, q] of Object.entries(r.queries)) row(label, `  ${name}: p50 / p99`, `${fmtMs(q.p50)} / ${fmtMs(q.p99)}`, '', 'info');
  row(label, `  ${fmtNumber(r.cases, 0)} cases written first`, `${fmtNumber(r.seedMs / 1000, 1)} s`, '', 'info');
}

function memoryRows(r: MemoryResult): void {
  const s = 'Memory, embedded store';
  row(
    s,
    `RSS with ${fmtNumber(r.sessionsStored, 0)} live sessions${r.gcAvailable ? ' (after GC)' : ' (no --expose-gc!)'}`,
    fmtBytes(r.withSessions.rss),
    `≤ ${fmtBytes(TARGETS.rssBytes)}`,
    verdict(r.withSessions.rss <= TARGETS.rssBytes && r.sessionsStored >= r.sessionsWanted),
  );
  row(s, '  before the sessions / peak during the run', `${fmtBytes(r.baseline.rss)} / ${fmtBytes(r.maxRss)}`, '', 'info');
  row(s, '  JS heap used before / after', `${fmtBytes(r.baseline.heapUsed)} / ${fmtBytes(r.withSessions.heapUsed)}`, '', 'info');
  if (r.emptyProcess) row(s, '  an empty process: node / node --import tsx', `${fmtBytes(r.emptyProcess.node)} / ${fmtBytes(r.emptyProcess.tsx)}`, '', 'info');
  row(s, '  sessions table: rows / file size', `${fmtNumber(r.sessionsStored, 0)} / ${fmtBytes(r.dbBytes)}`, '', 'info');
}

function remindersRows(r: RemindersResult, label: string): void {
  const clean = r.duplicates === 0 && r.missing === 0 && r.distinct === r.subscribers;
  row(
    label,
    `${fmtNumber(r.subscribers, 0)} due in one minute: delivered / duplicates / missing`,
    `${fmtNumber(r.distinct, 0)} / ${r.duplicates} / ${r.missing}`,
    '0 dup, 0 lost',
    verdict(clean),
  );
  row(
    label,
    "  scheduler's ceiling (fake platform, limit scaled up)",
    rate(r.perSecond, 'reminders/s'),
    `≥ ${TARGETS.remindersRate} /s (20 × 30/s)`,
    verdict(r.perSecond >= TARGETS.remindersRate),
  );
  const redisCpu = r.redisCpuUsPerReminder !== undefined ? ` + Redis ${fmtNumber(r.redisCpuUsPerReminder, 0)} µs` : '';
  row(
    label,
    '  cost per reminder: wall / CPU of the bot process',
    `${fmtNumber(r.usPerReminder, 0)} µs / ${fmtNumber(r.cpuUsPerReminder, 0)} µs${redisCpu}`,
    '',
    'info',
  );
  row(label, '  ceiling by CPU alone (all of it on one idle core)', rate(r.cpuCeilingPerSecond, 'reminders/s'), '', 'info');
  row(label, '  setup (subscriptions and occurrences written)', `${fmtNumber(r.setupSeconds, 1)} s`, '', 'info');
}

function failedRows(name: string, error: unknown): void {
  row(name, 'section failed', error instanceof Error ? error.message : String(error), '', 'ERROR');
}

function printProfiles(summaries: readonly ProfileSummary[]): string {
  const out: string[] = [];
  for (const p of summaries) {
    out.push(`\nCPU profile ${p.profile}: ${fmtMs(p.busyMs)} busy of ${fmtMs(p.totalMs)}`);
    out.push(`  stages (inclusive): ${p.stages.map((x) => `${x.name} ${fmtNumber(x.share * 100, 1)}%`).join(', ')}`);
    out.push(
      `  areas (self): ${p.areas
        .slice(0, 8)
        .map((x) => `${x.name} ${fmtNumber(x.share * 100, 1)}%`)
        .join(', ')}`,
    );
    out.push('  top functions (self):');
    for (const f of p.functions.slice(0, 10)) out.push(`    ${fmtNumber(f.share * 100, 1).padStart(5)}%  ${fmtMs(f.ms).padStart(9)}  ${f.name}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

/**
 * CPU accounting from /proc (Linux; null elsewhere), in clock ticks: the whole machine's busy and total time (steal
 * = time the hypervisor gave to other VMs), and this process's own time plus that of its finished children (the
 * sections, redis-server, the services timed at start-up). The difference is other people's work on the machine.
 */
interface CpuTicks {
  readonly busy: number;
  readonly total: number;
  readonly steal: number;
  readonly own: number;
}

function cpuTicks(): CpuTicks | null {
  try {
    const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name: state is field 3; utime, stime, cutime, cstime are fields 14–17.
    const rest = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = (rest[11] ?? 0) + (rest[12] ?? 0) + (rest[13] ?? 0) + (rest[14] ?? 0);
    return { busy: total - idle, total, steal: f[7] ?? 0, own };
  } catch {
    return null;
  }
}

/** Share of the machine's CPU others used between two snapshots, and the steal share. */
function othersShare(a: CpuTicks | null, b: CpuTicks | null): { others: number; steal: number } | null {
  if (!a || !b || b.total <= a.total) return null;
  const total = b.total - a.total;
  return { others: Math.max(0, (b.busy - a.busy - (b.own - a.own)) / total), steal: (b.steal - a.steal) / total };
}

const interference: Record<string, { others: number; steal: number }> = {};

/** Runs one section and notes how much of the machine other processes took meanwhile. */
async function measured(name: string, fn: () => Promise<void>): Promise<void> {
  const before = cpuTicks();
  await fn();
  const share = othersShare(before, cpuTicks());
  if (share) interference[name] = share;
}

const started = performance.now();
const startedAt = new Date();
const loadAtStart = loadavg()[0] ?? 0;
const raw: Record<string, unknown> = {};
let broken = false;
note(
  `bench: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}; sections: ${[...only].join(', ')}${profile ? ' (CPU profiling on: figures are slower)' : ''}`,
);
if (profile) profileDir = keepProfiles ? mkdtempSync(join(tmpdir(), 'yl-bench-profiles-')) : tempDir('prof');

try {
  if (only.has('nlu')) {
    note('[nlu] classify / understand over the sentence mix');
    await measured('nlu', async () => {
      try {
        const r = await section<NluResult>(['nlu']);
        raw.nlu = r;
        nluRows(r);
      } catch (error) {
        broken = true;
        failedRows('NLU alone', error);
      }
    });
  }

  if (only.has('sqlite') && !interrupted) {
    note('[sqlite] full pipeline on the embedded store');
    await measured('sqlite', async () => {
      try {
        const r = await section<PipelineResult>(['pipeline-sqlite']);
        raw.sqlite = r;
        pipelineRows(r, 'Pipeline, SQLite (temp dir)', TARGETS.sqliteRate, TARGETS.sqliteP99Ms);
      } catch (error) {
        broken = true;
        failedRows('Pipeline, SQLite (temp dir)', error);
      }
    });
  }

  if (only.has('redis') && !interrupted) {
    const label = 'Pipeline, Redis (loopback, harness: appendfsync always)';
    note('[redis] full pipeline on a real redis-server on loopback');
    await measured('redis', async () => {
      try {
        redis = await startRedis();
      } catch (error) {
        redis = null;
        note(`bench: could not start redis-server: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!redis) {
        const banner = '!'.repeat(78);
        note(`\n${banner}\n!!! redis-server is missing or did not start: the Redis rows are SKIPPED.\n${banner}\n`);
        row(
          label,
          '!!! SKIPPED: redis-server is not installed (apt-get install redis-server)',
          '—',
          `≥ ${TARGETS.redisRate} msg/s, p99 ≤ ${TARGETS.redisP99Ms} ms`,
          'SKIP',
        );
        raw.redis = { skipped: 'redis-server not installed' };
        return;
      }
      try {
        const r = await section<PipelineResult>(['pipeline-redis', redis.url, `bench${Date.now()}:`]);
        raw.redis = r;
        pipelineRows(r, label, TARGETS.redisRate, TARGETS.redisP99Ms);
      } catch (error) {
        broken = true;
        failedRows(label, error);
      } finally {
        const r = redis;
        redis = null;
        if (r) await r.stop();
      }
    });
  }

  if (only.has('startup') && !interrupted) {
    note('[startup] node --import tsx src/main.ts until GET /readyz is 200');
    await measured('startup', async () => {
      try {
        const r = await runStartup(3);
        raw.startup = r;
        startupRows(r);
      } catch (error) {
        broken = true;
        failedRows('Start-up to ready', error);
      }
    });
  }

  if (only.has('console') && !interrupted) {
    note('[console] /console/api/cases with 100,000 cases: SQLite, then Redis');
    await measured('console', async () => {
      const sqliteLabel = 'Console API, SQLite, 100,000 cases';
      try {
        const r = await section<ConsoleBenchResult>(['console-sqlite', '100000']);
        raw.consoleSqlite = r;
        consoleRows(r, sqliteLabel);
      } catch (error) {
        broken = true;
        failedRows(sqliteLabel, error);
      }
      const redisLabel = 'Console API, Redis, 100,000 cases';
      try {
        redis = await startRedis();
      } catch {
        redis = null;
      }
      if (!redis) {
        row(redisLabel, '!!! SKIPPED: redis-server is not installed', '—', `p99 ≤ ${TARGETS.consoleP99Ms} ms`, 'SKIP');
        return;
      }
      try {
        const r = await section<ConsoleBenchResult>(['console-redis', redis.url, `benchc${Date.now()}:`, '100000']);
        raw.consoleRedis = r;
        consoleRows(r, redisLabel);
      } catch (error) {
        broken = true;
        failedRows(redisLabel, error);
      } finally {
        const r = redis;
        redis = null;
        if (r) await r.stop();
      }
    });
  }

  if (only.has('memory') && !interrupted) {
    note('[memory] 10,000 live sessions on the embedded store');
    await measured('memory', async () => {
      try {
        const r = await section<MemoryResult>(['memory', '10000'], ['--expose-gc']);
        raw.memory = r;
        memoryRows(r);
      } catch (error) {
        broken = true;
        failedRows('Memory, embedded store', error);
      }
    });
  }

  if (only.has('reminders') && !interrupted) {
    note('[reminders] 100,000 subscribers due in the same minute, SQLite and BullMQ on Redis');
    await measured('reminders', async () => {
      const sqliteLabel = 'Reminders, SQLite scheduler';
      try {
        const r = await section<RemindersResult>(['reminders-sqlite', '100000'], [], REMINDERS_TIMEOUT_MS);
        raw.remindersSqlite = r;
        remindersRows(r, sqliteLabel);
      } catch (error) {
        broken = true;
        failedRows(sqliteLabel, error);
      }
      const label = 'Reminders, BullMQ (Redis: appendfsync always)';
      try {
        redis = await startRedis();
      } catch {
        redis = null;
      }
      if (!redis) {
        row(label, '!!! SKIPPED: redis-server is not installed', '—', '', 'SKIP');
        return;
      }
      try {
        const r = await section<RemindersResult>(['reminders-redis', redis.url, '100000'], [], REMINDERS_TIMEOUT_MS);
        raw.remindersRedis = r;
        remindersRows(r, label);
      } catch (error) {
        broken = true;
        failedRows(label, error);
      } finally {
        const r = redis;
        redis = null;
        if (r) await r.stop();
      }
    });
  }

  let profiles: ProfileSummary[] = [];
  if (profileDir) {
    try {
      profiles = summarizeProfiles(profileDir);
      raw.profiles = profiles;
    } catch (error) {
      note(`bench: could not read the profiles: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const seconds = (performance.now() - started) / 1000;
  const loadAtEnd = loadavg()[0] ?? 0;
  row('Run', 'bench wall time', `${fmtNumber(seconds, 1)} s`, '', 'info');
  const pct0 = (x: number): string => `${fmtNumber(x * 100, 0)}%`;
  const noisy = Object.values(interference).some((x) => x.others > 0.1 || x.steal > 0.05);
  row(
    'Run',
    "other processes' share of the machine's CPU, by section",
    Object.keys(interference).length === 0
      ? `n/a (load avg ${fmtNumber(loadAtStart, 1)} / ${fmtNumber(loadAtEnd, 1)})`
      : `${Object.entries(interference)
          .map(([k, x]) => `${k} ${pct0(x.others)}${x.steal >= 0.01 ? ` (+${pct0(x.steal)} steal)` : ''}`)
          .join(', ')}${noisy ? '  ← others were busy: those figures are noisy' : ''}`,
    '',
    'info',
  );
  const table = renderTable(rows);
  process.stdout.write(`\n${table}\n`);
  if (profiles.length > 0) process.stdout.write(`${printProfiles(profiles)}\n`);

  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = null;
  }
  const report = {
    startedAt: startedAt.toISOString(),
    seconds,
    load: { start: loadAtStart, end: loadAtEnd, othersBySection: interference },
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, memoryBytes: totalmem(), node: process.version, platform: process.platform },
    commit,
    profiled: profile,
    targets: TARGETS,
    table: rows,
    results: raw,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${file.slice(ROOT.length)}${keepProfiles && profileDir ? `; CPU profiles kept in ${profileDir}` : ''}\n`);
} finally {
  await cleanup();
}
process.exit(broken ? 1 : 0);
