import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Incoming, Outgoing } from '../../src/chat/index.ts';
import { createEngine } from '../../src/dialog/index.ts';
import { loadTranslator } from '../../src/i18n/index.ts';
import type { Store } from '../../src/store/index.ts';
import { openSqliteStore } from '../../src/store/index.ts';

export const NOW = new Date('2026-11-21T10:00:00+08:00');
const ID = /(?<!\d)\d{17}[\dXx](?!\d)/;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** A bot on a real embedded store in a temp dir, and a log of every reply a group saw. */
export async function harness(options: { staffChat?: { platform: string; chat: string } } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yl-dialog-'));
  let store: Store = openSqliteStore(join(dir, 'bot.db'));
  const tr = loadTranslator();
  let engine = createEngine({ store, tr, ...options });
  const groupReplies: string[] = [];
  const groups = new Set<string>();
  let clock = NOW;

  async function send(input: Partial<Incoming> & { text?: string; button?: string }): Promise<Outgoing> {
    const incoming: Incoming = { platform: 'test', chat: 'c1', user: 'u1', group: false, mention: false, staff: false, now: clock, ...input };
    if (incoming.group) groups.add(incoming.chat);
    if (options.staffChat) groups.add(options.staffChat.chat);
    const out = await engine.handle(incoming);
    for (const r of out.replies) if (groups.has(r.chat)) groupReplies.push(r.text);
    return out;
  }
  const text = (out: Outgoing) => out.replies.map((r) => r.text).join('\n');
  const payloads = (out: Outgoing) => out.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload);

  return {
    send,
    text,
    payloads,
    tr,
    get store() {
      return store;
    },
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
    /** Closes and reopens the store: what a restarted bot sees. */
    async restart() {
      await store.close();
      store = openSqliteStore(join(dir, 'bot.db'));
      engine = createEngine({ store, tr, ...options });
    },
    /** Every reply any group saw carried no ID number or phone. */
    groupLeaks: () => groupReplies.filter((t) => ID.test(t) || PHONE.test(t)),
    groupReplies,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
