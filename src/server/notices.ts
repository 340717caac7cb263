import type { Json, Store } from '../store/index.ts';

/**
 * Notices for web chat sessions: when staff resolve or reject a case filed from the web chat, the family cannot be
 * messaged (a web page is not a chat platform), so the notice is kept in the store and shown when that session
 * next opens the page or sends a message. Kept as a profile record of its own per session, written under the
 * store's per-chat lock (runTurn), so two notices at once, or a notice while the page takes them, lose nothing, also
 * across instances sharing Redis.
 */

export interface WebNotice {
  readonly text: string;
  /** Epoch ms when it was kept. */
  readonly at: number;
}

/** A session keeps at most this many unread notices (the oldest go, with a warning): a case has two decisions at most. */
export const MAX_NOTICES = 50;

const recordOf = (session: string) => `yinling:web-notices:${session}`;

function noticesOf(profile: { readonly [key: string]: Json } | null): WebNotice[] {
  const list = profile?.notices;
  if (!Array.isArray(list)) return [];
  return list.flatMap((n) =>
    n && typeof n === 'object' && !Array.isArray(n) && typeof n.text === 'string' && typeof n.at === 'number' ? [{ text: n.text, at: n.at }] : [],
  );
}

export class WebNotices {
  constructor(
    readonly store: Store,
    readonly onOverflow: (session: string, dropped: number) => void = () => undefined,
  ) {}

  /** Keeps a notice for a session; resolves once it is stored. */
  async keep(session: string, text: string, at: number): Promise<void> {
    const record = recordOf(session);
    await this.store.runTurn({ chat: record, user: 'notices', profile: record }, async (read) => {
      const notices = [...noticesOf(read.profile), { text, at }];
      const dropped = Math.max(0, notices.length - MAX_NOTICES);
      if (dropped > 0) this.onOverflow(session, dropped);
      return { value: undefined, writes: { profile: { notices: notices.slice(dropped) as unknown as Json } } };
    });
  }

  /** The session's unread notices, oldest first; they are shown now, so they are cleared. */
  async take(session: string): Promise<WebNotice[]> {
    const record = recordOf(session);
    // Most visits have none: a plain read, no lock and no write.
    if (noticesOf(await this.store.getProfile(record)).length === 0) return [];
    const outcome = await this.store.runTurn({ chat: record, user: 'notices', profile: record }, async (read) => {
      const notices = noticesOf(read.profile);
      return { value: notices, writes: notices.length > 0 ? { profile: { notices: [] } } : {} };
    });
    return outcome.duplicate ? [] : outcome.value;
  }
}
