import type Database from 'better-sqlite3';
import type { Redis } from 'ioredis';
import type { Kind, Subscription } from './kinds.ts';

/** A staff notice between its preview and its confirmation. */
export interface Draft {
  readonly id: string;
  readonly text: string;
  readonly staff: string;
  readonly platform: string;
  readonly chat: string;
  /** Whose groups and subscribers: 'city' until the staff roster's scopes land (STAFF_FILE). */
  readonly scope: string;
}

/**
 * Subscriptions, group switches, notice drafts and notice counts. Nothing personal is kept: chat ids, the kind and
 * the date (a staff notice is public by nature). SQLite beside the scheduler's jobs, or Redis.
 */
export interface CareStore {
  put(sub: Subscription): Promise<void>;
  get(user: string, kind: Kind): Promise<Subscription | null>;
  list(user: string): Promise<Subscription[]>;
  remove(user: string, kind: Kind): Promise<boolean>;
  all(): Promise<Subscription[]>;
  putDraft(draft: Draft): Promise<void>;
  /** The draft, removed: a second confirmation finds nothing (the notice goes out once). */
  takeDraft(id: string): Promise<Draft | null>;
  /** Starts a notice's count: `total` copies, reported to the staff chat when all are done. */
  startCount(id: string, total: number, report: { platform: string; chat: string }): Promise<void>;
  /** One copy done (sent or not); the count once the last is done, null before. */
  countDone(id: string, sent: boolean): Promise<{ sent: number; total: number; platform: string; chat: string } | null>;
}

const field = (user: string, kind: string) => `${user}|${kind}`;

export function sqliteCareStore(db: Database.Database): CareStore {
  db.exec(`
    CREATE TABLE IF NOT EXISTS subs (id TEXT PRIMARY KEY, user TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS subs_user ON subs (user);
    CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS counts (id TEXT PRIMARY KEY, total INTEGER, done INTEGER DEFAULT 0, sent INTEGER DEFAULT 0, platform TEXT, chat TEXT);
  `);
  // Prepared once: the scheduler asks for a subscription before and after each of thousands of reminders.
  const q = {
    put: db.prepare('INSERT OR REPLACE INTO subs (id, user, data) VALUES (?, ?, ?)'),
    get: db.prepare<[string], { data: string }>('SELECT data FROM subs WHERE id = ?'),
    list: db.prepare<[string], { data: string }>('SELECT data FROM subs WHERE user = ? ORDER BY id'),
    all: db.prepare<[], { data: string }>('SELECT data FROM subs ORDER BY id'),
    remove: db.prepare('DELETE FROM subs WHERE id = ?'),
    putDraft: db.prepare('INSERT OR REPLACE INTO drafts (id, data) VALUES (?, ?)'),
    takeDraft: db.prepare<[string], { data: string }>('DELETE FROM drafts WHERE id = ? RETURNING data'),
    startCount: db.prepare('INSERT OR IGNORE INTO counts (id, total, platform, chat) VALUES (?, ?, ?, ?)'),
    bump: db.prepare<[number, string], { total: number; done: number; sent: number; platform: string; chat: string }>(
      'UPDATE counts SET done = done + 1, sent = sent + ? WHERE id = ? RETURNING total, done, sent, platform, chat',
    ),
  };
  const parse = (rows: { data: string }[]) => rows.map((r) => JSON.parse(r.data) as Subscription);
  return {
    put: async (sub) => void q.put.run(field(sub.user, sub.kind), sub.user, JSON.stringify(sub)),
    get: async (user, kind) => parse(q.get.all(field(user, kind)))[0] ?? null,
    list: async (user) => parse(q.list.all(user)),
    remove: async (user, kind) => q.remove.run(field(user, kind)).changes > 0,
    all: async () => parse(q.all.all()),
    putDraft: async (d) => void q.putDraft.run(d.id, JSON.stringify(d)),
    takeDraft: async (id) => {
      const row = q.takeDraft.get(id);
      return row ? (JSON.parse(row.data) as Draft) : null;
    },
    startCount: async (id, total, r) => void q.startCount.run(id, total, r.platform, r.chat),
    countDone: async (id, sent) => {
      const row = q.bump.get(sent ? 1 : 0, id);
      return row && row.done === row.total ? row : null;
    },
  };
}

export function redisCareStore(redis: Redis, prefix = 'yinling:care'): CareStore {
  const subs = `${prefix}:subs`;
  const parse = (v: string | null) => (v ? (JSON.parse(v) as Subscription) : null);
  return {
    put: async (sub) => void (await redis.hset(subs, field(sub.user, sub.kind), JSON.stringify(sub))),
    get: async (user, kind) => parse(await redis.hget(subs, field(user, kind))),
    list: async (user) => (await redis.hvals(subs)).map((v) => JSON.parse(v) as Subscription).filter((s) => s.user === user),
    remove: async (user, kind) => (await redis.hdel(subs, field(user, kind))) > 0,
    all: async () => (await redis.hvals(subs)).map((v) => JSON.parse(v) as Subscription),
    putDraft: async (d) => void (await redis.set(`${prefix}:draft:${d.id}`, JSON.stringify(d), 'EX', 86_400)),
    takeDraft: async (id) => {
      const v = await redis.getdel(`${prefix}:draft:${id}`);
      return v ? (JSON.parse(v) as Draft) : null;
    },
    startCount: async (id, total, r) =>
      void (await redis.hsetnx(`${prefix}:count:${id}`, 'meta', JSON.stringify({ total, platform: r.platform, chat: r.chat }))),
    countDone: async (id, sent) => {
      const key = `${prefix}:count:${id}`;
      const [[, done], [, sentN], [, meta]] = (await redis
        .multi()
        .hincrby(key, 'done', 1)
        .hincrby(key, 'sent', sent ? 1 : 0)
        .hget(key, 'meta')
        .exec()) as [[unknown, number], [unknown, number], [unknown, string]];
      const m = JSON.parse(meta) as { total: number; platform: string; chat: string };
      return done === m.total ? { sent: sentN, total: m.total, platform: m.platform, chat: m.chat } : null;
    },
  };
}
