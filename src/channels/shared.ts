import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Small helpers the platform adapters (Telegram, Lark) and the HTTP server share, so each exists once: header
 * lookup, secret comparison, text cutting, per-chat ordering and redelivery de-duplication.
 */

/**
 * A request header by name, whatever its case. Node lower-cases header names, but the webhook routes are
 * framework-free and tests or other servers may pass them as sent (`X-Lark-Signature`).
 */
export function headerOf(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * Whether a secret someone sent equals the expected one, in constant time: comparing digests makes the time
 * independent of where the texts differ and of their lengths, so neither the secret nor its length leaks.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/**
 * Cuts a text to at most `max` UTF-16 units (what Telegram counts; stricter than Lark's byte limits), never
 * between the two halves of a surrogate pair (an emoji would turn into a broken character). When it cuts, the
 * `ellipsis` (if any) is put at the end, within `max`.
 */
export function cutText(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + ellipsis;
}

/**
 * Runs work one at a time per key, in the order it was queued, and freely across keys. A task with several keys
 * (a Telegram update: its chat and its user) waits for all of them. Dialog state is read and written per chat, so
 * two messages of one chat must never be answered at once or out of order; a failed task does not stop its chat.
 */
export class SerialQueue {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #pending = new Set<Promise<void>>();

  run<T>(keys: string | readonly string[], work: () => T | Promise<T>): Promise<T> {
    const list = [...new Set(typeof keys === 'string' ? [keys] : keys)].filter((k) => k !== '');
    const before = list.map((k) => this.#tails.get(k)).filter((p): p is Promise<void> => p !== undefined);
    const task = (before.length > 0 ? Promise.all(before) : Promise.resolve()).then(() => work());
    const tail = task.then(
      () => undefined,
      () => undefined,
    );
    for (const k of list) this.#tails.set(k, tail);
    this.#pending.add(tail);
    void tail.then(() => {
      this.#pending.delete(tail);
      for (const k of list) if (this.#tails.get(k) === tail) this.#tails.delete(k);
    });
    return task;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.#pending.size;
  }

  /** Resolves when every task queued so far has finished (tasks queued behind them are already counted). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}

/**
 * A bounded set of recently seen keys (message or event ids), each forgotten after `ttlMs`: platforms redeliver
 * what they think was not acknowledged, and a redelivery must not be answered twice. At most `max` keys are kept
 * (the oldest go first), so a flood of ids cannot grow memory without bound.
 */
export class RecentKeys {
  readonly #seen = new Map<string, number>();

  constructor(
    readonly ttlMs: number,
    readonly max: number,
    readonly clock: () => number = Date.now,
  ) {}

  /** True the first time any of these keys is seen (within the TTL); remembers them all. */
  firstTime(keys: readonly string[]): boolean {
    const now = this.clock();
    const dup = keys.some((k) => {
      const until = this.#seen.get(k);
      return until !== undefined && until > now;
    });
    if (dup) return false;
    for (const k of keys) {
      this.#seen.delete(k);
      this.#seen.set(k, now + this.ttlMs);
    }
    while (this.#seen.size > this.max) {
      const oldest = this.#seen.keys().next();
      if (oldest.done) break;
      this.#seen.delete(oldest.value);
    }
    return true;
  }
}
