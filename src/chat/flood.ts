/**
 * Politely slows down one user who floods (e.g. 100 messages in 10 s): past `limit` messages in `windowMs`, the
 * user is told once to wait, and further messages in the window are dropped. Other users are unaffected.
 * Per process: several instances each apply it, which is enough to protect the bot and the group.
 */
export class FloodGuard {
  readonly #hits = new Map<string, { start: number; count: number; warned: boolean }>();

  constructor(
    readonly limit = 20,
    readonly windowMs = 10_000,
    /** Users tracked at most; the oldest are forgotten first. */
    readonly capacity = 50_000,
  ) {}

  /** 'ok' to process, 'warn' to say "please wait" once, 'drop' to stay quiet. */
  check(user: string, now: number): 'ok' | 'warn' | 'drop' {
    let entry = this.#hits.get(user);
    if (!entry || now - entry.start >= this.windowMs) {
      entry = { start: now, count: 0, warned: false };
      this.#hits.delete(user);
      this.#hits.set(user, entry);
      if (this.#hits.size > this.capacity) this.#hits.delete(this.#hits.keys().next().value as string);
    }
    entry.count += 1;
    if (entry.count <= this.limit) return 'ok';
    if (entry.warned) return 'drop';
    entry.warned = true;
    return 'warn';
  }
}
