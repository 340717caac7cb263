/**
 * The platforms' send limits, kept by waiting rather than by being refused: Telegram allows about 30 messages a
 * second overall and 20 a minute into one group; Lark 50 a second per app and 5 a second into one chat. A big notice
 * is spread out by this; a 429 pauses the whole platform for the delay it advised.
 *
 * In-process: each instance keeps its own pace, so with several instances set the overall rate to the platform's
 * limit divided by their number (PUSH_RATE).
 */
export interface Limits {
  /** Messages a second over all chats. */
  readonly perSecond: number;
  /** Messages into one group chat within `groupWindowMs`. */
  readonly perGroup: number;
  readonly groupWindowMs: number;
}

export const PLATFORM_LIMITS: Readonly<Record<string, Limits>> = {
  telegram: { perSecond: 30, perGroup: 20, groupWindowMs: 60_000 },
  lark: { perSecond: 50, perGroup: 5, groupWindowMs: 1_000 },
};
const FALLBACK: Limits = { perSecond: 30, perGroup: 20, groupWindowMs: 60_000 };

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Pacer {
  readonly #next = new Map<string, number>();
  readonly #pausedUntil = new Map<string, number>();
  readonly #groupSends = new Map<string, number[]>();

  constructor(
    readonly limits: Readonly<Record<string, Limits>> = PLATFORM_LIMITS,
    private readonly sleep: Sleep = realSleep,
    private readonly clock: () => number = Date.now,
  ) {}

  limitsOf(platform: string): Limits {
    return this.limits[platform] ?? this.limits['*'] ?? FALLBACK;
  }

  /** Waits until one more message to `chat` is within the limits, and takes its slot. */
  async take(platform: string, chat: string, group: boolean): Promise<void> {
    const l = this.limitsOf(platform);
    for (;;) {
      const now = this.clock();
      let at = Math.max(now, this.#next.get(platform) ?? 0, this.#pausedUntil.get(platform) ?? 0);
      const sends = group ? this.#recent(`${platform}|${chat}`, now, l.groupWindowMs) : null;
      if (sends && sends.length >= l.perGroup) at = Math.max(at, (sends[0] as number) + l.groupWindowMs);
      // Within the millisecond the clock can tell: go (a fast rate spends several slots per millisecond; the
      // slots still advance one interval each, so the rate over time is exact).
      if (at - now < 1) {
        this.#next.set(platform, Math.max(now, this.#next.get(platform) ?? 0) + 1000 / l.perSecond);
        sends?.push(now);
        return;
      }
      await this.sleep(at - now);
    }
  }

  /** A 429: nothing more to this platform from this instance for `ms`. */
  pause(platform: string, ms: number): void {
    const until = this.clock() + ms;
    this.#pausedUntil.set(platform, Math.max(this.#pausedUntil.get(platform) ?? 0, until));
  }

  #recent(key: string, now: number, window: number): number[] {
    const list = (this.#groupSends.get(key) ?? []).filter((t) => t > now - window);
    this.#groupSends.set(key, list);
    return list;
  }
}
