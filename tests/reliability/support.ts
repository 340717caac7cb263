/**
 * Helpers for the reliability tests: temp dirs and real bot processes (`chat --jsonl`) that are always cleaned up,
 * engines on real stores, and the patterns of personal data a group must never see.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Incoming, Outgoing } from '../../src/chat/index.ts';
import { createEngine, type Engine } from '../../src/dialog/index.ts';
import { loadTranslator, type Translator } from '../../src/i18n/index.ts';
import { openStore, type SealedStore, type Store } from '../../src/store/index.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const NOW_ISO = '2026-11-21T10:00:00+08:00';
export const NOW = new Date(NOW_ISO);
/** The day's case ids: C20261121-0001 … */
export const caseId = (n: number): string => `C20261121-${String(n).padStart(4, '0')}`;
/** The DATA_KEY of the tests' bots on Redis (every process sharing a Redis needs the same key). Test data only. */
export const TEST_DATA_KEY = 'test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

/** The store a bot with this environment opens (personal data sealed), to read what it left behind. */
export async function storeOf(cleanup: Cleanup, env: { DATA_DIR?: string; REDIS_URL?: string }): Promise<SealedStore> {
  const store = await openStore({
    DATA_DIR: env.DATA_DIR ?? tempDir(cleanup),
    ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL, DATA_KEY: TEST_DATA_KEY } : {}),
  });
  cleanup.add(() => store.close());
  return store;
}

// ---- cleanup

/** Things to undo after a test or a file, in reverse order; every step runs even when one fails. */
export class Cleanup {
  readonly #steps: (() => unknown)[] = [];
  add(step: () => unknown): void {
    this.#steps.push(step);
  }
  async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.#steps.length > 0) {
      try {
        await this.#steps.pop()?.();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}

export function tempDir(cleanup: Cleanup, prefix = 'yl-rel-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.add(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---- engines

let translator: Translator | null = null;
export const tr = (): Translator => (translator ??= loadTranslator());

export function engineOn(store: Store, options: { logger?: Logger; staffChat?: { platform: string; chat: string } } = {}): Engine {
  return createEngine({ store, tr: tr(), ...options });
}

/** An incoming message with defaults (private chat, not staff, at NOW). */
export function msg(fields: Partial<Incoming> & { chat: string; user: string }): Incoming {
  return { platform: 'test', group: false, mention: false, staff: false, now: NOW, ...fields };
}

export const textOf = (out: Outgoing | ChatOut): string => out.replies.map((r) => r.text).join('\n');

// ---- real bot processes

export interface ChatReply {
  readonly chat: string;
  readonly text: string;
  readonly buttons?: readonly { readonly label: string; readonly payload: string }[];
}
export interface ChatOut {
  readonly chat: string | null;
  readonly intent: string | null;
  readonly replies: readonly ChatReply[];
  readonly cases: readonly { readonly id: string; readonly type: string; readonly status: string }[];
  readonly error?: string;
}
export interface ChatIn {
  readonly chat: string;
  readonly user: string;
  readonly text?: string;
  readonly button?: string;
  readonly group?: boolean;
  readonly mention?: boolean;
  readonly staff?: boolean;
  readonly id?: string | number;
}

/** Configuration the children must not inherit from whoever runs the tests. */
const CONFIG_VARS = [
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_API_ROOT',
  'TELEGRAM_WEBHOOK_URL',
  'TELEGRAM_WEBHOOK_SECRET',
  'LARK_APP_ID',
  'LARK_APP_SECRET',
  'LARK_DOMAIN',
  'LARK_MODE',
  'LARK_ENCRYPT_KEY',
  'LARK_VERIFICATION_TOKEN',
  'REDIS_URL',
  'DATA_DIR',
  'DATA_KEY',
  'DATA_KEYS',
  'RETENTION_DAYS',
  'STAFF_IDS',
  'STAFF_CHAT',
  'PORT',
  'LOG_LEVEL',
];

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * `node --import tsx src/cli/chat.ts --jsonl --now 2026-11-21T10:00:00+08:00`: one JSON line in, one out, in order.
 * Killed (SIGKILL) by the cleanup if the test did not stop it.
 */
export class ChatProcess {
  readonly #child: ChildProcess;
  readonly #lines: string[] = [];
  readonly #waiters: ((line: string | null) => void)[] = [];
  #stderr = '';
  #closed = false;
  readonly exited: Promise<void>;

  private constructor(child: ChildProcess) {
    this.#child = child;
    const rl = createInterface({ input: child.stdout!, crlfDelay: Infinity });
    rl.on('line', (line) => {
      const waiter = this.#waiters.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
    rl.on('close', () => {
      this.#closed = true;
      for (const waiter of this.#waiters.splice(0)) waiter(null);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (this.#stderr.length < 20_000) this.#stderr += chunk.toString('utf8');
    });
    // Writing to a killed child must not crash the test run.
    child.stdin?.on('error', () => undefined);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static start(cleanup: Cleanup, env: { DATA_DIR?: string; REDIS_URL?: string; STAFF_CHAT?: string; DATA_KEY?: string }): ChatProcess {
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const name of CONFIG_VARS) delete base[name];
    // Bots sharing a Redis seal under one key (start-up refuses REDIS_URL without DATA_KEY).
    if (env.REDIS_URL && !env.DATA_KEY) base.DATA_KEY = TEST_DATA_KEY;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--jsonl', '--now', NOW_ISO], {
      cwd: ROOT,
      env: { ...base, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    const bot = new ChatProcess(child);
    cleanup.add(() => bot.kill('SIGKILL'));
    return bot;
  }

  get pid(): number {
    return this.#child.pid ?? -1;
  }
  get stderr(): string {
    return this.#stderr;
  }

  write(input: ChatIn): void {
    this.#child.stdin?.write(`${JSON.stringify(input)}\n`);
  }

  /** The next output line, parsed; fails after `timeoutMs` or when the process ends first (with its stderr). */
  next(timeoutMs = 10_000): Promise<ChatOut> {
    const queued = this.#lines.shift();
    if (queued !== undefined) return Promise.resolve(JSON.parse(queued) as ChatOut);
    if (this.#closed) return Promise.reject(new Error(`bot ${this.pid} has ended; stderr:\n${this.#stderr}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.#waiters.indexOf(waiter);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(new Error(`no output line from bot ${this.pid} within ${timeoutMs} ms; stderr:\n${this.#stderr}`));
      }, timeoutMs);
      const waiter = (line: string | null): void => {
        clearTimeout(timer);
        if (line === null) reject(new Error(`bot ${this.pid} ended before answering; stderr:\n${this.#stderr}`));
        else resolve(JSON.parse(line) as ChatOut);
      };
      this.#waiters.push(waiter);
    });
  }

  /** Writes one line and waits for its answer. */
  async send(input: ChatIn, timeoutMs?: number): Promise<ChatOut> {
    this.write(input);
    return this.next(timeoutMs);
  }

  /** Kills the process and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    this.#child.kill(signal);
    await this.exited;
  }

  /** Ends its input and waits for a clean exit (the CLI closes its store at end of input). */
  async end(): Promise<number | null> {
    this.#child.stdin?.end();
    await this.exited;
    return this.#child.exitCode;
  }
}

// ---- waiting

/** Retries `attempt` until `done` holds for its result, every `everyMs`, for at most `timeoutMs`. */
export async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    await sleep(everyMs);
  }
}

// ---- personal data

/** An 18-digit ID number (last character may be X), whole. */
export const ID_NUMBER = /(?<![0-9])\d{17}[\dXx](?![0-9Xx])/g;
/** A mainland mobile, whole, optionally with +86 and spaces or dashes (138 1234 5678). */
export const MOBILE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])/g;
/** A 16–19-digit bank card, whole, optionally grouped by spaces or dashes. */
export const BANK_CARD = /(?<![0-9])(?:\d[ -]?){15,18}\d(?![0-9])/g;

/** Every unmasked ID number, mobile or bank card in a text. */
export function personalData(text: string): string[] {
  return [...text.matchAll(ID_NUMBER), ...text.matchAll(MOBILE), ...text.matchAll(BANK_CARD)].map((m) => m[0]);
}
