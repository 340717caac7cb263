import type { AuditEntry, AuditFilter, AuditRecord, CaseChange, CaseRecord, CaseSeries } from './types.ts';
import { StoreError } from './types.ts';

/** setTimeout fires at once beyond this; longer waits get no timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The record after one `updateCase` change; shared by both implementations so they agree exactly. */
export function applyCaseChange(current: CaseRecord, change: CaseChange): CaseRecord {
  return {
    ...current,
    status: change.status ?? current.status,
    assignee: change.assignee === undefined ? current.assignee : change.assignee,
    fields: change.fields ?? current.fields,
    history: [...current.history, change.event],
  };
}

/** A chat as the audit names it: `platform:chat`, the platform taken from the user key (`telegram:42`). */
export function qualifiedChat(user: string, chat: string): string {
  const split = user.indexOf(':');
  if (split <= 0) return chat;
  const platform = user.slice(0, split + 1);
  return chat.startsWith(platform) ? chat : `${platform}${chat}`;
}

/** The audit entry a case's opening writes with it: who filed it, where, and the names of the fields filed. */
export function openedAudit(record: CaseRecord): AuditEntry {
  return {
    at: record.createdAt,
    by: record.user,
    action: 'opened',
    caseId: record.id,
    fields: Object.keys(record.fields).filter((k) => record.fields[k] !== null && record.fields[k] !== undefined),
    chat: qualifiedChat(record.user, record.chat),
  };
}

/** The audit entry an `updateCase` writes with its change. */
export function changeAudit(id: string, change: CaseChange): AuditEntry {
  const a = change.audit;
  return {
    at: change.event.at,
    by: change.event.by,
    action: a?.action ?? change.event.action,
    caseId: id,
    fields: [...(a?.fields ?? [])],
    chat: a?.chat ?? null,
    ...(a?.note ? { note: a.note } : {}),
  };
}

/** An entry as stored: its JSON (both stores keep the same shape). */
export function auditJson(entry: AuditEntry): string {
  return JSON.stringify({
    at: entry.at,
    by: entry.by,
    action: entry.action,
    caseId: entry.caseId,
    fields: [...entry.fields],
    chat: entry.chat,
    ...(entry.note === undefined ? {} : { note: entry.note }),
  });
}

/** Oldest first: by time, then order of writing. */
export function auditOrder(a: AuditRecord, b: AuditRecord): number {
  return a.at - b.at || a.seq - b.seq;
}

/** Whether an entry falls in the filter's time range. */
export function auditInRange(entry: AuditEntry, filter: AuditFilter): boolean {
  return (filter.from === undefined || entry.at >= filter.from) && (filter.to === undefined || entry.at < filter.to);
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
