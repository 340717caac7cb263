import { isIP } from 'node:net';
import type { Incoming, Outgoing } from '../chat/index.ts';

/**
 * Per-client limits for the public web chat, which cannot tell who is writing: a client is its IP address and its
 * session, and each has its own allowance (dropping the cookie gives a new session, not a new address; many family
 * members behind one router share an address, so the address's allowance is larger). Per process: several
 * instances each apply them.
 */

/**
 * Counts events per key in a sliding window: at most `limit` in any `windowMs`. Keeps only the times of the last
 * `limit` events of each key, and at most `capacity` keys (the least recently used go first), so memory is bounded
 * whatever a client sends.
 */
export class SlidingLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly capacity = 50_000,
  ) {}

  #recent(key: string, now: number): number[] {
    const times = (this.#hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.#hits.delete(key);
    if (times.length > 0) this.#hits.set(key, times);
    return times;
  }

  /** Events of the key in the window ending now. */
  used(key: string, now: number): number {
    return this.#recent(key, now).length;
  }

  /** How long until the key may have one more event (0: now). */
  waitMs(key: string, now: number): number {
    if (this.limit <= 0) return this.windowMs;
    const times = this.#recent(key, now);
    if (times.length < this.limit) return 0;
    return Math.max(0, (times[times.length - this.limit] as number) + this.windowMs - now);
  }

  /** Records one event of the key; false (nothing recorded) when the key is at its limit. */
  take(key: string, now: number): boolean {
    const times = this.#recent(key, now);
    if (times.length >= this.limit) return false;
    times.push(now);
    this.#hits.delete(key);
    this.#hits.set(key, times);
    if (this.#hits.size > this.capacity) this.#hits.delete(this.#hits.keys().next().value as string);
    return true;
  }

  /** Takes back the latest event of the key at `at` (a reservation that was not used). */
  giveBack(key: string, at: number): void {
    const times = this.#hits.get(key);
    const i = times?.lastIndexOf(at) ?? -1;
    if (times && i >= 0) times.splice(i, 1);
  }
}

/**
 * The key of a client address: IPv4 as it is (an IPv4-mapped IPv6 address is IPv4), IPv6 by its /64 network, since
 * one home or phone gets a whole /64 and could otherwise change address for every message.
 */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1] as string;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export interface WebLimitsOptions {
  /** Messages per session per minute (WEB_MESSAGE_LIMIT). */
  readonly messagesPerSession: number;
  /** Messages per address per minute (WEB_IP_MESSAGE_LIMIT). */
  readonly messagesPerAddress: number;
  /** Cases opened per client (address, and session) per hour (WEB_CASE_LIMIT). */
  readonly casesPerClient: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

export type MessageVerdict = { readonly ok: true } | { readonly ok: false; readonly by: 'session' | 'address'; readonly retryAfterS: number };

/** The web chat's limits: messages by session and by address, and cases (stricter) by either. */
export class WebLimits {
  readonly #bySession: SlidingLimiter;
  readonly #byAddress: SlidingLimiter;
  readonly #cases: SlidingLimiter;
  /** Case slots taken for a message being answered, given back when no case was opened after all. */
  readonly #reserved = new WeakMap<Incoming, { keys: string[]; at: number }>();

  constructor(
    options: WebLimitsOptions,
    readonly clock: () => number = Date.now,
  ) {
    this.#bySession = new SlidingLimiter(options.messagesPerSession, MINUTE);
    this.#byAddress = new SlidingLimiter(options.messagesPerAddress, MINUTE);
    this.#cases = new SlidingLimiter(options.casesPerClient, HOUR);
  }

  /** Counts one message of a client; refused when its session or its address is over its limit. */
  message(address: string, session: string): MessageVerdict {
    const now = this.clock();
    const s = `s:${session}`;
    const a = `a:${address}`;
    const by = this.#bySession.waitMs(s, now) > 0 ? 'session' : this.#byAddress.waitMs(a, now) > 0 ? 'address' : null;
    if (by) {
      const wait = by === 'session' ? this.#bySession.waitMs(s, now) : this.#byAddress.waitMs(a, now);
      return { ok: false, by, retryAfterS: Math.max(1, Math.ceil(wait / 1000)) };
    }
    this.#bySession.take(s, now);
    this.#byAddress.take(a, now);
    return { ok: true };
  }

  /**
   * The engine's allowCase for a web message: a case may be opened while both the client's address and its
   * session are under the hourly limit. The slot is taken now (two messages at once cannot both pass the last
   * one) and given back by `settle` when the turn opened no case.
   */
  allowCase(incoming: Incoming): boolean {
    if (incoming.origin?.source !== 'web') return true;
    const now = this.clock();
    const keys = [`a:${incoming.origin.client}`, `s:${incoming.user}`];
    if (keys.some((k) => this.#cases.waitMs(k, now) > 0)) return false;
    for (const k of keys) this.#cases.take(k, now);
    this.#reserved.set(incoming, { keys, at: now });
    return true;
  }

  /** After the turn: a slot taken for a case that was not opened (the form failed) is given back. */
  settle(incoming: Incoming, out: Outgoing): void {
    const reserved = this.#reserved.get(incoming);
    if (!reserved) return;
    this.#reserved.delete(incoming);
    if (out.cases.some((c) => c.status === 'open')) return;
    for (const k of reserved.keys) this.#cases.giveBack(k, reserved.at);
  }
}
