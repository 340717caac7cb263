/**
 * The shared store: Redis via ioredis, for several bot processes (REDIS_URL).
 *
 * Persistence the Redis server needs, so that a case confirmed to a user survives a Redis restart or crash:
 *
 *     appendonly yes
 *     appendfsync always
 *
 * We choose `always` rather than `everysec`: the interface promises that a case is durable once `createCase`
 * resolves, and with `always` Redis fsyncs the AOF before it replies, so "resolved" means "on disk". The cost is
 * one fsync per Redis event-loop turn (Redis groups the writes of all clients into one fsync), which a chat bot's
 * write rate (a session write per message) is far from saturating. `everysec` is acceptable if the operator accepts
 * losing up to about a second of writes (a case confirmed in the last second before a power loss); RDB snapshots
 * alone (`save …`) are not enough. We do not call WAIT/WAITAOF after each write: WAIT is about replicas, and
 * WAITAOF needs Redis 7.2; with `appendfsync always` neither is needed. `openRedisStore` reads the settings
 * (CONFIG GET, when the server allows it) and reports a weaker setup through `onWarning`.
 *
 * Key layout (prefix `yl:` by default; every key of one deployment starts with it):
 *
 *     {p}session:{chat}|{user}     string, JSON { data, updatedAt }, PX = the session's TTL
 *     {p}profile:{user}            string, JSON
 *     {p}seen:{key}                string "1", PX: a message whose turn committed (written by that commit)
 *     {p}lock:{chat}               string, the holder's random token, SET NX PX ttl
 *     {p}lockq:{chat}              zset: waiters' tokens scored by arrival (server time, µs): the fair queue
 *     {p}lockb:{chat}              zset: waiters' tokens scored by their last poll, to drop waiters that died
 *     {p}casenum:{day}             integer, INCR (by OPEN_CASE)
 *     {p}caseop:{token}            string, the id an openCase request got, PX 60 s (a resent request gets the same)
 *     {p}case:{id}                 string, JSON of the whole CaseRecord
 *     {p}cases:all                 zset of case ids scored by createdAt
 *     {p}cases:status:{status}     zset by createdAt, one per status
 *     {p}cases:type:{type}         zset by createdAt
 *     {p}cases:assignee:{key}      zset by createdAt (cases with an assignee)
 *     {p}cases:user:{key}          zset by createdAt (cases opened by the user)
 *     {p}cases:due                 zset of open/claimed cases with a dueAt, scored by dueAt (the overdue query)
 *     {p}cases:region:{name}       zset by createdAt (a case's region, a transfer's `to`: staff scopes)
 *     {p}cases:region:{name}:status:{status}  zset by createdAt (a district's queue of one status)
 *     {p}cases:assignee:{key}:status:{status}  zset by createdAt ("mine" of one status)
 *     {p}cases:region-indexed      string "1": cases written before these region and status indexes existed are in them
 *     {p}unanswered                zset of JSON entries (with a random tag) scored by time: what the bot could not answer
 *     {p}audit:n                   integer, INCR: the audit entries' order of writing (seq)
 *     {p}audit:entries             hash seq → entry JSON (the audit trail; nothing here changes or deletes an entry)
 *     {p}audit:at                  zset of seqs scored by the entry's time (the export by date range)
 *     {p}audit:case:{id}           list of the seqs of one case's entries
 *
 * A case's opening and every change of a case append their audit entry in the same script as the case write.
 * The lock and its queues are not written to the AOF (nor to replicas): the scripts that change them switch
 * propagation off (redis.set_repl(REPL_NONE)). A lock only matters while its holder lives, and with `appendfsync
 * always` every write a reply depends on waits for an fsync: this way a turn's first round trip (dedupe check,
 * lock, reads) writes nothing to the AOF, and only its commit (session, profile, seen mark) does. After a Redis
 * restart no lock survives; a turn that was running then can overlap with the next one of its chat, once.
 *
 * In the session key, `%` and `|` inside chat and user keys are escaped (%25, %7C) so that no two (chat, user)
 * pairs share a key. A case and its index entries are written by one Lua script, so they change together;
 * `updateCase` is a compare-and-set script (the new JSON is written only if the stored JSON is still the one the
 * change was computed from, otherwise it re-reads and retries), which makes the expectedStatus check atomic without
 * decoding JSON in Lua (cjson would turn [] into {} and round long numbers).
 *
 * Failure: calls fail fast with StoreError('unavailable') while Redis is unreachable (no offline queue, one retry
 * per request, a command timeout), and the client reconnects by itself when Redis is back. The scripts are
 * idempotent when ioredis resends a command whose reply was lost.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { applyCaseChange, auditInRange, auditJson, auditOrder, ChatQueue, changeAudit, openedAudit, ttl } from './shared.ts';
import {
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  type CaseChange,
  type CaseDraft,
  type CaseFilter,
  type CaseRecord,
  type CaseSeries,
  type CaseStatus,
  type Json,
  type Profile,
  type RawEntry,
  type RawKind,
  type RawStore,
  type SessionRecord,
  StoreError,
  type TurnKeys,
  type TurnOptions,
  type TurnOutcome,
  type TurnRead,
  type TurnResult,
  type UnansweredEntry,
} from './types.ts';

export interface RedisStoreOptions {
  /** Prefix of every key; default `yl:`. Tests use their own to stay apart. */
  readonly prefix?: string;
  /** How long `openRedisStore` waits for the first connection; default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** A command without a reply after this long fails with 'unavailable'; default 2000 ms. */
  readonly commandTimeoutMs?: number;
  /** Connection errors (ioredis 'error' events); they never crash the process. */
  readonly onError?: (error: Error) => void;
  /** A persistence setup weaker than the one recommended at the top of this file. */
  readonly onWarning?: (message: string) => void;
}

const DEFAULT_LOCK_TTL_MS = 30_000;
const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_SEEN_TTL_MS = 24 * 60 * 60 * 1000;
/** A waiter that has not polled for this long is dropped from the fair queue (it died or gave up). */
const LOCK_STALE_MS = 1_000;
/** Polling backoff while waiting for a lock. */
const LOCK_POLL_FIRST_MS = 2;
const LOCK_POLL_MAX_MS = 25;
/** Ids fetched per round trip while listing cases. */
const LIST_PAGE = 200;
/** How long a resent openCase is recognised as the same request. */
const OPEN_CASE_MARKER_TTL_MS = 60_000;
/** updateCase compare-and-set attempts before giving up ('unavailable', i.e. "busy"). */
const UPDATE_ATTEMPTS = 20;

class Script {
  readonly sha: string;
  constructor(readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }
}

/** Lua: appends one audit entry (KEYS n, entries, at; the case's list key or nil). */
const AUDIT_LUA = `
local function audit(nkey, hkey, zkey, ckey, json, at)
  local seq = redis.call('INCR', nkey)
  redis.call('HSET', hkey, seq, json)
  redis.call('ZADD', zkey, at, seq)
  if ckey then redis.call('RPUSH', ckey, seq) end
end
`;

/**
 * KEYS[1] case, KEYS[2..5] audit n, entries, at, the case's list, KEYS[6..] index zsets;
 * ARGV[1] json, ARGV[2] id, ARGV[3] audit json, ARGV[4] audit at, ARGV[5..] the score for each index zset.
 */
const CREATE_CASE = new Script(`${AUDIT_LUA}
local cur = redis.call('GET', KEYS[1])
if cur then
  if cur == ARGV[1] then return 1 end
  return 0
end
redis.call('SET', KEYS[1], ARGV[1])
for i = 6, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[i - 1], ARGV[2])
end
audit(KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[3], ARGV[4])
return 1
`);

/**
 * Reserves the series' next number and writes the case under it, with its audit entry. KEYS[1] counter, KEYS[2] this
 * request's marker, KEYS[3..5] audit n, entries, at, KEYS[6..] index zsets; ARGV[1] key prefix of cases, ARGV[2] id
 * prefix, ARGV[3] the case JSON before its id, ARGV[4] after it, ARGV[5] marker ttl ms, ARGV[6] the audit JSON before
 * the id, ARGV[7] after it, ARGV[8] the audit's time, ARGV[9] key prefix of the cases' audit lists, ARGV[10..] the
 * score for each index zset. Returns the id.
 * The case key depends on the number, so it is built here rather than passed in KEYS (fine on one Redis; not
 * Cluster-safe). The marker makes a resent command (reply lost, ioredis retries) return the same case.
 */
const OPEN_CASE = new Script(`${AUDIT_LUA}
local done = redis.call('GET', KEYS[2])
if done then return done end
local id, key
repeat
  local n = redis.call('INCR', KEYS[1])
  local digits = tostring(n)
  if #digits < 4 then digits = string.rep('0', 4 - #digits) .. digits end
  id = ARGV[2] .. digits
  key = ARGV[1] .. id
until redis.call('EXISTS', key) == 0
redis.call('SET', key, ARGV[3] .. id .. ARGV[4])
for i = 6, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[i + 4], id)
end
audit(KEYS[3], KEYS[4], KEYS[5], ARGV[9] .. id, ARGV[6] .. id .. ARGV[7], ARGV[8])
redis.call('SET', KEYS[2], id, 'PX', ARGV[5])
return id
`);

/**
 * KEYS[1] case, KEYS[2..5] audit n, entries, at, the case's list, KEYS[6 .. nrem+5] zsets to leave, KEYS[nrem+6 ..]
 * zsets to join; ARGV[1] expected json, ARGV[2] new json, ARGV[3] id, ARGV[4] nrem, ARGV[5] audit json, ARGV[6] audit
 * time, ARGV[7 ..] the score for each zset to join.
 * Returns 1 written (or already written: a resent command, audited once), 0 no such case, -1 changed meanwhile.
 */
const UPDATE_CASE = new Script(`${AUDIT_LUA}
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
if cur == ARGV[2] then return 1 end
if cur ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[1], ARGV[2])
local nrem = tonumber(ARGV[4])
for i = 6, nrem + 5 do
  redis.call('ZREM', KEYS[i], ARGV[3])
end
for i = nrem + 6, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[i - nrem + 1], ARGV[3])
end
audit(KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[5], ARGV[6])
return 1
`);

/** KEYS[1..3] audit n, entries, at; ARGV[1] key prefix of the cases' lists, then per entry: json, at, case id or ''. */
const APPEND_AUDIT = new Script(`${AUDIT_LUA}
for i = 2, #ARGV, 3 do
  local case = ARGV[i + 2]
  audit(KEYS[1], KEYS[2], KEYS[3], case ~= '' and (ARGV[1] .. case) or nil, ARGV[i], ARGV[i + 1])
end
return 1
`);

/** KEYS[1] a value; ARGV[1] expected, ARGV[2] new: writes (keeping its expiry) only if unchanged. For key rotation. */
const SWAP_VALUE = new Script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
`);

/**
 * The start of a turn: the dedupe check, the chat's fair lock and the turn's reads, in one round trip.
 * KEYS[1] lock, KEYS[2] queue (arrival), KEYS[3] beats (last poll), KEYS[4] seen, KEYS[5] session, KEYS[6] profile;
 * ARGV[1] token, ARGV[2] ttl ms, ARGV[3] stale ms, ARGV[4] '1' when KEYS[4] is a real seen key.
 * Returns {2} for a message already processed, {0} while waiting, {1, session or nil, profile or nil} once held.
 *
 * The seen key is written only by a committed turn, so when it exists the message's turn is over: no need to wait
 * for the lock. Fast path: nobody queued and the lock free → take it (one write). Otherwise the waiter joins the
 * queue on its first poll and the lock goes to the head of the queue only, so waiters from different processes
 * are served in order of arrival; waiters that stop polling are dropped.
 */
const BEGIN_TURN = new Script(`
redis.set_repl(redis.REPL_NONE)
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[4]) == 1 then return {2} end
if redis.call('EXISTS', KEYS[2]) == 1 or not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
  local staleMs = tonumber(ARGV[3])
  local stale = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', string.format('(%.0f', now - staleMs * 1000), 'LIMIT', 0, 100)
  for _, s in ipairs(stale) do
    redis.call('ZREM', KEYS[2], s)
    redis.call('ZREM', KEYS[3], s)
  end
  local nowText = string.format('%.0f', now)
  redis.call('ZADD', KEYS[2], 'NX', nowText, ARGV[1])
  redis.call('ZADD', KEYS[3], nowText, ARGV[1])
  local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if head == ARGV[1] and redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
    redis.call('ZREM', KEYS[2], ARGV[1])
    redis.call('ZREM', KEYS[3], ARGV[1])
  else
    redis.call('PEXPIRE', KEYS[2], staleMs * 4)
    redis.call('PEXPIRE', KEYS[3], staleMs * 4)
    return {0}
  end
end
return {1, redis.call('GET', KEYS[5]), redis.call('GET', KEYS[6])}
`);

/**
 * The end of a turn: its writes, the seen mark and the lock's release, in one round trip (one AOF fsync).
 * KEYS[1] lock, KEYS[2] session to drop, KEYS[3] session to put, KEYS[4] profile, KEYS[5] seen;
 * ARGV[1] token, ARGV[2] '1' to drop, ARGV[3] session JSON or '', ARGV[4] session ttl ms, ARGV[5] profile JSON or '',
 * ARGV[6] seen ttl ms or ''. Idempotent when resent. Returns 1 when the lock was still ours.
 */
const COMMIT_TURN = new Script(`
if ARGV[2] == '1' then redis.call('DEL', KEYS[2]) end
if ARGV[3] ~= '' then redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4]) end
if ARGV[5] ~= '' then redis.call('SET', KEYS[4], ARGV[5]) end
if ARGV[6] ~= '' then redis.call('SET', KEYS[5], '1', 'PX', ARGV[6]) end
redis.set_repl(redis.REPL_NONE)
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`);

/** KEYS[1] queue, KEYS[2] beats; ARGV[1] token: a waiter that gives up leaves the queue. */
const LEAVE_QUEUE = new Script(`
redis.set_repl(redis.REPL_NONE)
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`);

/** KEYS[1] lock; ARGV[1] token: deletes the lock only if we still hold it. */
const RELEASE_LOCK = new Script(`
redis.set_repl(redis.REPL_NONE)
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** KEYS[1] lock; ARGV[1] token, ARGV[2] ttl ms: extends the lock while its holder is still working. */
const EXTEND_LOCK = new Script(`
redis.set_repl(redis.REPL_NONE)
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

const OPEN_STATUSES: readonly CaseStatus[] = ['open', 'claimed'];

/** Escapes the separator of two-part keys. */
function esc(part: string): string {
  return part.replace(/%/g, '%25').replace(/\|/g, '%7C');
}

/** The inverse of esc. */
function unesc(part: string): string {
  return part.replace(/%(25|7C)/g, (_, code: string) => (code === '25' ? '%' : '|'));
}

/** A literal for SCAN MATCH: glob characters escaped. */
function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const wrapped = new StoreError('unavailable', `redis: ${message}`);
  wrapped.cause = error;
  return wrapped;
}

/** A case's region as the scopes filter by it: its `region`, or a transfer's `to`. */
function regionOf(record: CaseRecord): string | null {
  const f = record.fields;
  return typeof f.region === 'string' ? f.region : typeof f.to === 'string' ? f.to : null;
}

function matches(record: CaseRecord, filter: CaseFilter, statuses: readonly CaseStatus[] | undefined): boolean {
  if (statuses !== undefined && !statuses.includes(record.status)) return false;
  if (filter.regions !== undefined && !filter.regions.includes(regionOf(record) ?? '')) return false;
  if (filter.type !== undefined && record.type !== filter.type) return false;
  if (filter.assignee !== undefined && record.assignee !== filter.assignee) return false;
  if (filter.user !== undefined && record.user !== filter.user) return false;
  if (filter.overdueAt !== undefined) {
    if (!OPEN_STATUSES.includes(record.status) || record.dueAt === null || !(record.dueAt < filter.overdueAt)) return false;
  }
  return true;
}

/** Newest first; ties by id, descending (the same order as SQLite and as ZREVRANGE). */
function newestFirst(a: CaseRecord, b: CaseRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export class RedisStore implements RawStore {
  readonly kind = 'redis' as const;
  readonly prefix: string;
  readonly #redis: Redis;
  #regionIndexed: Promise<void> | null = null;
  readonly #local = new ChatQueue();
  readonly #watchdogs = new Set<NodeJS.Timeout>();

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.prefix = prefix;
  }

  // ---- keys

  #session(chat: string, user: string): string {
    return `${this.prefix}session:${esc(chat)}|${esc(user)}`;
  }
  #case(id: string): string {
    return `${this.prefix}case:${id}`;
  }
  /** The audit keys a script appends to: counter, entries, time index (and, per case, `${auditList}${id}`). */
  get #audit(): [string, string, string] {
    return [`${this.prefix}audit:n`, `${this.prefix}audit:entries`, `${this.prefix}audit:at`];
  }
  get #auditList(): string {
    return `${this.prefix}audit:case:`;
  }
  #index(record: CaseRecord): Map<string, number> {
    const p = `${this.prefix}cases:`;
    const out = new Map<string, number>([
      [`${p}all`, record.createdAt],
      [`${p}status:${record.status}`, record.createdAt],
      [`${p}type:${record.type}`, record.createdAt],
      [`${p}user:${record.user}`, record.createdAt],
    ]);
    if (record.assignee !== null) {
      out.set(`${p}assignee:${record.assignee}`, record.createdAt);
      // "Mine" in the console asks for a status too.
      out.set(`${p}assignee:${record.assignee}:status:${record.status}`, record.createdAt);
    }
    if (OPEN_STATUSES.includes(record.status) && record.dueAt !== null) out.set(`${p}due`, record.dueAt);
    const region = regionOf(record);
    if (region !== null) {
      out.set(`${p}region:${region}`, record.createdAt);
      // A district's queue asks for its cases of a status: one small set per region and status.
      out.set(`${p}region:${region}:status:${record.status}`, record.createdAt);
    }
    return out;
  }

  /** Adds cases written before the region index existed to it, once per Redis (idempotent: ZADD). */
  async #regionIndexReady(): Promise<void> {
    this.#regionIndexed ??= (async () => {
      const p = `${this.prefix}cases:`;
      if ((await this.#call(() => this.#redis.get(`${p}region-indexed`))) === '1') return;
      for (let start = 0; ; start += LIST_PAGE) {
        const ids = await this.#call(() => this.#redis.zrange(`${p}all`, start, start + LIST_PAGE - 1));
        const pipeline = this.#redis.pipeline();
        for (const r of await this.#fetch(ids)) {
          for (const [key, score] of this.#index(r)) if (key.startsWith(`${p}region:`) || key.includes(':status:')) pipeline.zadd(key, score, r.id);
        }
        await this.#call(() => pipeline.exec());
        if (ids.length < LIST_PAGE) break;
      }
      await this.#call(() => this.#redis.set(`${p}region-indexed`, '1'));
    })();
    try {
      await this.#regionIndexed;
    } catch (error) {
      this.#regionIndexed = null;
      throw error;
    }
  }

  // ---- plumbing

  async #call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** EVALSHA, falling back to EVAL when the server does not know the script (first use, or after a restart). */
  async #eval(script: Script, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    return this.#call(async () => {
      try {
        return await this.#redis.evalsha(script.sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('NOSCRIPT')) {
          return await this.#redis.eval(script.lua, keys.length, ...keys, ...args);
        }
        throw error;
      }
    });
  }

  // ---- sessions and profiles, outside a turn

  async getSession(chat: string, user: string): Promise<SessionRecord | null> {
    const raw = await this.#call(() => this.#redis.get(this.#session(chat, user)));
    return raw === null ? null : (JSON.parse(raw) as SessionRecord);
  }

  async putSession(chat: string, user: string, data: Json, ttlMs: number): Promise<void> {
    const value = JSON.stringify({ data, updatedAt: Date.now() });
    await this.#call(() => this.#redis.set(this.#session(chat, user), value, 'PX', ttl(ttlMs)));
  }

  async deleteSession(chat: string, user: string): Promise<void> {
    await this.#call(() => this.#redis.del(this.#session(chat, user)));
  }

  async takeSession(chat: string, user: string): Promise<SessionRecord | null> {
    // GETDEL is atomic: of two instances racing for one token, one gets it.
    const raw = await this.#call(() => this.#redis.getdel(this.#session(chat, user)));
    return raw === null ? null : (JSON.parse(raw) as SessionRecord);
  }

  async appendUnanswered(entry: UnansweredEntry): Promise<void> {
    const member = JSON.stringify({ ...entry, tag: randomBytes(6).toString('base64url') });
    await this.#call(() => this.#redis.zadd(`${this.prefix}unanswered`, entry.at, member));
  }

  async listUnanswered(from: number, to: number): Promise<UnansweredEntry[]> {
    const raws = await this.#call(() => this.#redis.zrangebyscore(`${this.prefix}unanswered`, from, `(${to}`));
    return raws.map((raw) => {
      const { tag: _tag, ...entry } = JSON.parse(raw) as UnansweredEntry & { tag: string };
      return entry;
    });
  }

  async getProfile(user: string): Promise<Profile | null> {
    const raw = await this.#call(() => this.#redis.get(`${this.prefix}profile:${user}`));
    return raw === null ? null : (JSON.parse(raw) as Profile);
  }

  async putProfile(user: string, profile: Profile): Promise<void> {
    await this.#call(() => this.#redis.set(`${this.prefix}profile:${user}`, JSON.stringify(profile)));
  }

  // ---- turns

  /**
   * Two levels of locking: an in-process FIFO queue per chat (so that one process never competes with itself, and
   * its own messages keep their order), then the Redis lock, which the process at the head of the Redis queue gets.
   * BEGIN_TURN takes the lock and reads in one round trip; COMMIT_TURN writes and releases in one. While `fn` runs,
   * a watchdog extends the lock every ttl/3, so the TTL only matters when the holder dies.
   */
  async runTurn<T>(keys: TurnKeys, fn: (read: TurnRead) => Promise<TurnResult<T>>, options?: TurnOptions): Promise<TurnOutcome<T>> {
    const lockTtl = ttl(options?.ttlMs ?? DEFAULT_LOCK_TTL_MS);
    const waitMs = options?.waitMs ?? DEFAULT_WAIT_MS;
    const deadline = Date.now() + waitMs;
    const lock = `${this.prefix}lock:${keys.chat}`;
    const session = this.#session(keys.chat, keys.user);
    const profile = `${this.prefix}profile:${keys.profile}`;
    const seen = keys.seen === undefined ? null : `${this.prefix}seen:${keys.seen}`;
    const releaseLocal = await this.#local.acquire(keys.chat, waitMs);
    try {
      const token = randomUUID();
      const begin = [lock, `${this.prefix}lockq:${keys.chat}`, `${this.prefix}lockb:${keys.chat}`, seen ?? lock, session, profile];
      let reply: unknown[];
      for (let delay = LOCK_POLL_FIRST_MS; ; delay = Math.min(delay * 2, LOCK_POLL_MAX_MS)) {
        reply = (await this.#eval(BEGIN_TURN, begin, [token, lockTtl, LOCK_STALE_MS, seen === null ? '0' : '1'])) as unknown[];
        if (reply[0] !== 0) break;
        const left = deadline - Date.now();
        if (left <= 0) {
          await this.#eval(LEAVE_QUEUE, begin.slice(1, 3), [token]).catch(() => {});
          throw new StoreError('lock_timeout', `chat ${keys.chat} is busy: waited until the deadline`);
        }
        await sleep(Math.min(delay, left));
      }
      if (reply[0] === 2) return { duplicate: true };

      const watchdog = setInterval(
        () => {
          this.#eval(EXTEND_LOCK, [lock], [token, lockTtl]).catch(() => {
            // Unreachable for a moment: the lock keeps its TTL; nothing else to do.
          });
        },
        Math.max(10, Math.floor(lockTtl / 3)),
      );
      watchdog.unref();
      this.#watchdogs.add(watchdog);
      let result: TurnResult<T>;
      try {
        result = await fn({
          session: typeof reply[1] === 'string' ? (JSON.parse(reply[1]) as SessionRecord) : null,
          profile: typeof reply[2] === 'string' ? (JSON.parse(reply[2]) as Profile) : null,
        });
      } catch (error) {
        // If Redis is unreachable now, the lock expires by itself after its TTL.
        await this.#eval(RELEASE_LOCK, [lock], [token]).catch(() => {});
        throw error;
      } finally {
        clearInterval(watchdog);
        this.#watchdogs.delete(watchdog);
      }
      const { writes } = result;
      const put = writes.session;
      await this.#eval(
        COMMIT_TURN,
        [lock, session, put ? this.#session(put.chat, keys.user) : session, profile, seen ?? lock],
        [
          token,
          writes.dropSession ? '1' : '0',
          put ? JSON.stringify({ data: put.data, updatedAt: Date.now() }) : '',
          put ? ttl(put.ttlMs) : 0,
          writes.profile ? JSON.stringify(writes.profile) : '',
          seen === null ? '' : ttl(options?.seenTtlMs ?? DEFAULT_SEEN_TTL_MS),
        ],
      );
      return { duplicate: false, value: result.value };
    } finally {
      releaseLocal();
    }
  }

  // ---- cases

  async openCase(series: CaseSeries, draft: CaseDraft): Promise<CaseRecord> {
    // The JSON is cut where the id goes: a random marker, put first so that its first occurrence is the id's place.
    const marker = randomUUID();
    const json = JSON.stringify({ id: marker, ...draft });
    const at = json.indexOf(marker);
    const entry = auditJson(openedAudit({ id: marker, ...draft }));
    const auditAt = entry.indexOf(marker);
    const index = [...this.#index({ id: marker, ...draft })];
    const id = (await this.#eval(
      OPEN_CASE,
      [`${this.prefix}casenum:${series.key}`, `${this.prefix}caseop:${marker}`, ...this.#audit, ...index.map(([key]) => key)],
      [
        `${this.prefix}case:`,
        series.idPrefix,
        json.slice(0, at),
        json.slice(at + marker.length),
        OPEN_CASE_MARKER_TTL_MS,
        entry.slice(0, auditAt),
        entry.slice(auditAt + marker.length),
        draft.createdAt,
        this.#auditList,
        ...index.map(([, score]) => score),
      ],
    )) as string;
    return { id, ...draft };
  }

  async createCase(record: CaseRecord): Promise<void> {
    const json = JSON.stringify(record);
    const index = [...this.#index(record)];
    const reply = await this.#eval(
      CREATE_CASE,
      [this.#case(record.id), ...this.#audit, `${this.#auditList}${record.id}`, ...index.map(([key]) => key)],
      [json, record.id, auditJson(openedAudit(record)), record.createdAt, ...index.map(([, score]) => score)],
    );
    if (reply !== 1) throw new StoreError('conflict', `case ${record.id} already exists`);
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    const raw = await this.#call(() => this.#redis.get(this.#case(id)));
    return raw === null ? null : (JSON.parse(raw) as CaseRecord);
  }

  async updateCase(id: string, change: CaseChange, expectedStatus?: CaseStatus): Promise<CaseRecord> {
    const key = this.#case(id);
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const raw = await this.#call(() => this.#redis.get(key));
      if (raw === null) throw new StoreError('not_found', `no case ${id}`);
      const current = JSON.parse(raw) as CaseRecord;
      if (expectedStatus !== undefined && current.status !== expectedStatus) {
        throw new StoreError('conflict', `case ${id} is ${current.status}, not ${expectedStatus}`);
      }
      const next = applyCaseChange(current, change);
      const before = this.#index(current);
      const after = [...this.#index(next)];
      const leave = [...before.keys()].filter((k) => !after.some(([a]) => a === k));
      const entry = changeAudit(id, change);
      const reply = await this.#eval(
        UPDATE_CASE,
        [key, ...this.#audit, `${this.#auditList}${id}`, ...leave, ...after.map(([k]) => k)],
        [raw, JSON.stringify(next), id, leave.length, auditJson(entry), entry.at, ...after.map(([, score]) => score)],
      );
      if (reply === 1) return next;
      if (reply === 0) throw new StoreError('not_found', `no case ${id}`);
      // -1: someone else changed it between our GET and the script: compute again from the new state.
    }
    throw new StoreError('unavailable', `case ${id} is changing too often to update`);
  }

  async listCases(filter: CaseFilter): Promise<CaseRecord[]> {
    const limit = filter.limit === undefined ? Infinity : Math.max(0, Math.floor(filter.limit));
    const statuses = filter.status === undefined ? undefined : typeof filter.status === 'string' ? [filter.status] : filter.status;
    if (limit === 0 || statuses?.length === 0 || filter.regions?.length === 0) return [];
    const p = `${this.prefix}cases:`;
    if (filter.regions !== undefined || (filter.assignee !== undefined && statuses !== undefined)) await this.#regionIndexReady();

    // Overdue cases: the due zset holds only open/claimed cases, a small set; read them all and sort. Within a few
    // regions (a district's queue) the region index is walked instead, newest first, checking the due date.
    const fewRegions = filter.regions !== undefined && filter.regions.length <= 3;
    if (filter.overdueAt !== undefined && !fewRegions) {
      const ids = await this.#call(() => this.#redis.zrangebyscore(`${p}due`, '-inf', `(${filter.overdueAt}`));
      const records = (await this.#fetch(ids)).filter((r) => matches(r, filter, statuses));
      return records.sort(newestFirst).slice(0, limit);
    }

    // Otherwise walk the smallest index that applies, newest first, and check every filter on each record (the
    // indexes are not intersected in Redis: with a bot's few thousand cases, reading one index is cheap).
    const candidates: { keys: string[]; size: number }[] = [];
    const single = [
      filter.type === undefined ? null : `${p}type:${filter.type}`,
      filter.assignee === undefined ? null : `${p}assignee:${filter.assignee}`,
      filter.user === undefined ? null : `${p}user:${filter.user}`,
    ].filter((k): k is string => k !== null);
    const statusKeys = statuses?.map((s) => `${p}status:${s}`) ?? [];
    const regionKeys = filter.regions?.map((r) => `${p}region:${r}`) ?? [];
    // Regions × statuses, when few: the district's queue itself.
    const regionStatusKeys =
      filter.regions && statuses && filter.regions.length * statuses.length <= 6
        ? filter.regions.flatMap((r) => statuses.map((st) => `${p}region:${r}:status:${st}`))
        : [];
    const assigneeStatusKeys =
      filter.assignee !== undefined && statuses && statuses.length <= 4 ? statuses.map((st) => `${p}assignee:${filter.assignee}:status:${st}`) : [];
    const allKeys = [...single, ...statusKeys, ...regionKeys, ...regionStatusKeys, ...assigneeStatusKeys, `${p}all`];
    const sizes = await this.#call(async () => {
      const pipeline = this.#redis.pipeline();
      for (const k of allKeys) pipeline.zcard(k);
      const replies = (await pipeline.exec()) ?? [];
      return replies.map(([error, n]) => {
        if (error) throw error;
        return Number(n);
      });
    });
    const sizeOf = (k: string): number => sizes[allKeys.indexOf(k)] ?? 0;
    for (const k of single) candidates.push({ keys: [k], size: sizeOf(k) });
    if (statusKeys.length > 0) candidates.push({ keys: statusKeys, size: statusKeys.reduce((n, k) => n + sizeOf(k), 0) });
    if (regionKeys.length > 0) candidates.push({ keys: regionKeys, size: regionKeys.reduce((n, k) => n + sizeOf(k), 0) });
    if (regionStatusKeys.length > 0) candidates.push({ keys: regionStatusKeys, size: regionStatusKeys.reduce((n, k) => n + sizeOf(k), 0) });
    if (assigneeStatusKeys.length > 0) candidates.push({ keys: assigneeStatusKeys, size: assigneeStatusKeys.reduce((n, k) => n + sizeOf(k), 0) });
    candidates.push({ keys: [`${p}all`], size: sizeOf(`${p}all`) });
    const best = candidates.reduce((a, b) => (b.size < a.size ? b : a));

    const out: CaseRecord[] = [];
    if (best.keys.length === 1) {
      // Pages by rank: a case created meanwhile shifts the ranks by one, so an id can come twice; keep the first.
      const key = best.keys[0] as string;
      const taken = new Set<string>();
      // The first page is no larger than asked for: when the index is the filter itself (a district's queue of one
      // status) that page is the answer, and nothing more is read or parsed.
      for (let start = 0, size = Math.min(LIST_PAGE, limit); out.length < limit; start += size, size = LIST_PAGE) {
        const end = start + size - 1;
        const ids = await this.#call(() => this.#redis.zrevrange(key, start, end));
        for (const r of await this.#fetch(ids)) {
          if (out.length < limit && !taken.has(r.id) && matches(r, filter, statuses)) {
            taken.add(r.id);
            out.push(r);
          }
        }
        if (ids.length < size) break;
      }
      return out;
    }
    // Several statuses: their union, ordered here (ZUNION returns ascending score, then member).
    const flat = await this.#call(() => this.#redis.zunion(best.keys.length, ...best.keys, 'WITHSCORES'));
    const ids: string[] = [];
    for (let i = flat.length - 2; i >= 0; i -= 2) ids.push(flat[i] as string);
    for (let start = 0, size = Math.min(LIST_PAGE, limit); start < ids.length && out.length < limit; start += size, size = LIST_PAGE) {
      for (const r of await this.#fetch(ids.slice(start, start + size))) {
        if (out.length < limit && matches(r, filter, statuses)) out.push(r);
      }
    }
    return out;
  }

  /** The records of these ids, in the same order; ids whose case is gone are skipped. */
  async #fetch(ids: readonly string[]): Promise<CaseRecord[]> {
    if (ids.length === 0) return [];
    const raws = await this.#call(() => this.#redis.mget(ids.map((id) => this.#case(id))));
    return raws.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as CaseRecord);
  }

  // ---- audit

  async appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const args = entries.flatMap((e) => [auditJson(e), e.at, e.caseId ?? '']);
    await this.#eval(APPEND_AUDIT, this.#audit, [this.#auditList, ...args]);
  }

  async listAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    const limit = filter.limit === undefined ? Infinity : Math.max(0, Math.floor(filter.limit));
    if (limit === 0) return [];
    const [, entriesKey, atKey] = this.#audit;
    const seqs =
      filter.caseId === undefined
        ? await this.#call(() =>
            this.#redis.zrangebyscore(atKey, filter.from === undefined ? '-inf' : filter.from, filter.to === undefined ? '+inf' : `(${filter.to}`),
          )
        : await this.#call(() => this.#redis.lrange(`${this.#auditList}${filter.caseId}`, 0, -1));
    const out: AuditRecord[] = [];
    for (let start = 0; start < seqs.length; start += LIST_PAGE) {
      const page = seqs.slice(start, start + LIST_PAGE);
      const raws = await this.#call(() => this.#redis.hmget(entriesKey, ...page));
      raws.forEach((raw, i) => {
        if (raw === null) return;
        const entry = { ...(JSON.parse(raw) as AuditEntry), seq: Number(page[i]) };
        if (auditInRange(entry, filter)) out.push(entry);
      });
    }
    return out.sort(auditOrder).slice(0, limit);
  }

  // ---- raw access, for key rotation (src/store/sealed.ts)

  async *scanRaw(kind: RawKind, batch = 500): AsyncIterable<readonly RawEntry[]> {
    const head = `${this.prefix}${kind === 'session' ? 'session:' : kind === 'profile' ? 'profile:' : 'case:'}`;
    let cursor = '0';
    do {
      const [next, keys] = await this.#call(() => this.#redis.scan(cursor, 'MATCH', `${globLiteral(head)}*`, 'COUNT', Math.max(1, Math.floor(batch))));
      cursor = next;
      if (keys.length === 0) continue;
      const raws = await this.#call(() => this.#redis.mget(keys));
      const entries: RawEntry[] = [];
      keys.forEach((key, i) => {
        const raw = raws[i];
        if (raw === null || raw === undefined) return;
        const rest = key.slice(head.length);
        if (kind === 'session') {
          const bar = rest.indexOf('|');
          const stored = JSON.parse(raw) as SessionRecord;
          entries.push({ kind, chat: unesc(rest.slice(0, bar)), user: unesc(rest.slice(bar + 1)), data: stored.data, version: raw });
        } else if (kind === 'profile') {
          entries.push({ kind, user: rest, data: JSON.parse(raw) as Json, version: raw });
        } else {
          entries.push({ kind, id: rest, data: JSON.parse(raw) as Json, version: raw });
        }
      });
      if (entries.length > 0) yield entries;
    } while (cursor !== '0');
  }

  async swapRaw(entry: RawEntry, data: Json): Promise<boolean> {
    let key: string;
    let value: string;
    if (entry.kind === 'session') {
      key = this.#session(entry.chat ?? '', entry.user ?? '');
      value = JSON.stringify({ data, updatedAt: (JSON.parse(entry.version) as SessionRecord).updatedAt });
    } else if (entry.kind === 'profile') {
      key = `${this.prefix}profile:${entry.user ?? ''}`;
      value = JSON.stringify(data);
    } else {
      key = this.#case(entry.id ?? '');
      value = JSON.stringify(data);
    }
    return (await this.#eval(SWAP_VALUE, [key], [entry.version, value])) === 1;
  }

  // ---- health

  async ping(): Promise<boolean> {
    try {
      return (await this.#redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    for (const w of this.#watchdogs) clearInterval(w);
    this.#watchdogs.clear();
    if (this.#redis.status === 'end') return;
    try {
      await this.#redis.quit();
    } catch {
      this.#redis.disconnect();
    }
  }
}

/**
 * Connects to Redis and returns the store once the connection is ready. Throws StoreError('unavailable') when
 * Redis cannot be reached within `connectTimeoutMs` (a wrong REDIS_URL should stop the bot at start, loudly).
 * After that first connection, outages make calls fail with 'unavailable' and the client reconnects by itself.
 */
export async function openRedisStore(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const redis = new Redis(url, {
    lazyConnect: true,
    // Fail fast: no queueing of commands while disconnected, in-flight commands fail after one reconnect attempt,
    // and a command without a reply fails after commandTimeout.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    connectTimeout: Math.min(connectTimeoutMs, 2_000),
    // Reconnect forever, quickly at first, then every second: the store comes back by itself with Redis.
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    // Commands issued in the same tick (a turn's reads, its writes) share one socket write.
    enableAutoPipelining: true,
  });
  // Without a listener an 'error' event would crash the process; connection errors surface as 'unavailable'.
  redis.on('error', (error: Error) => options.onError?.(error));

  const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  redis.connect().catch(() => {
    // The first attempt failed; retryStrategy keeps trying until the deadline below.
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), connectTimeoutMs);
  });
  const ok = await Promise.race([ready.then(() => true), timedOut]);
  clearTimeout(timer);
  if (!ok) {
    redis.disconnect();
    throw new StoreError('unavailable', `redis: no answer from ${redactUrl(url)} within ${connectTimeoutMs} ms`);
  }

  if (options.onWarning) await checkPersistence(redis, options.onWarning);
  return new RedisStore(redis, options.prefix ?? 'yl:');
}

/** Reports a persistence setup weaker than `appendonly yes` + `appendfsync always|everysec`, when CONFIG is allowed. */
async function checkPersistence(redis: Redis, warn: (message: string) => void): Promise<void> {
  let settings: string[];
  try {
    settings = (await redis.config('GET', 'append*')) as string[];
  } catch {
    return; // CONFIG is often disabled on managed Redis: nothing to check.
  }
  const get = (name: string): string | undefined => {
    const i = settings.indexOf(name);
    return i >= 0 && i % 2 === 0 ? settings[i + 1] : undefined;
  };
  if (get('appendonly') !== 'yes') {
    warn('Redis runs without appendonly: cases confirmed to users can be lost when Redis restarts (set appendonly yes, appendfsync always)');
  } else if (get('appendfsync') === 'no') {
    warn('Redis runs with appendfsync no: recent cases can be lost on a power failure (set appendfsync always)');
  } else if (get('appendfsync') === 'everysec') {
    warn('Redis runs with appendfsync everysec: up to a second of confirmed cases can be lost on a power failure (appendfsync always closes that window)');
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
