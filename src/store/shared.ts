import type { CaseRecord, CaseSeries, Store } from './types.ts';
import { StoreError } from './types.ts';

/** setTimeout fires at once beyond this; longer waits get no timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The record after one `updateCase` change; shared by both implementations so they agree exactly. */
export function applyCaseChange(current: CaseRecord, change: Parameters<Store['updateCase']>[1]): CaseRecord {
  return {
    ...current,
    status: change.status ?? current.status,
    assignee: change.assignee === undefined ? current.assignee : change.assignee,
    fields: change.fields ?? current.fields,
    history: [...current.history, change.event],
  };
}

/** The id of a series' case number n: the prefix and n with at least 4 digits (C20261121-0007). */
export function caseId(series: CaseSeries, n: number): string {
  return `${series.idPrefix}${String(n).padStart(4, '0')}`;
}

/** A TTL as a whole number of milliseconds, at least 1. */
export function ttl(ms: number): number {
  return Number.isFinite(ms) ? Math.max(1, Math.ceil(ms)) : 1;
}

interface Waiter {
  grant(): void;
}

/**
 * In-process per-chat FIFO lock. A chat is in the map while someone holds its lock; the array lists the waiters in
 * arrival order. The entry is deleted when the last holder releases with nobody waiting, so the map holds only the
 * chats being processed right now. A waiter that gives up (waitMs) is removed from the array.
 */
export class ChatQueue {
  readonly #chats = new Map<string, Waiter[]>();

  /** Chats currently held (for tests and metrics). */
  get size(): number {
    return this.#chats.size;
  }

  /** Resolves with the release function once the caller holds the chat; rejects with lock_timeout after waitMs. */
  acquire(chat: string, waitMs: number): Promise<() => void> {
    if (Number.isNaN(waitMs)) waitMs = 0;
    const waiters = this.#chats.get(chat);
    if (waiters === undefined) {
      this.#chats.set(chat, []);
      return Promise.resolve(this.#releaser(chat));
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      const waiter: Waiter = {
        grant: () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(this.#releaser(chat));
        },
      };
      // An infinite (or absurdly long) wait gets no timer: setTimeout would fire at once beyond 2^31-1 ms.
      const timer =
        waitMs < MAX_TIMER_MS
          ? setTimeout(
              () => {
                if (settled) return;
                settled = true;
                const i = waiters.indexOf(waiter);
                if (i >= 0) waiters.splice(i, 1);
                reject(new StoreError('lock_timeout', `chat ${chat} is busy: waited ${waitMs} ms`));
              },
              Math.max(0, waitMs),
            )
          : undefined;
      waiters.push(waiter);
    });
  }

  #releaser(chat: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const waiters = this.#chats.get(chat);
      const next = waiters?.shift();
      if (next) next.grant();
      else this.#chats.delete(chat);
    };
  }
}
