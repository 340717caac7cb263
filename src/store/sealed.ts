/**
 * Personal data sealed at rest, for both stores: a wrapper around the store implementation that seals on the way in
 * and opens on the way out, so nothing above the Store interface ever sees a sealed value, and nothing below it (the
 * SQLite file and its WAL, Redis's AOF and RDB) ever holds personal data in the clear.
 *
 * What is sealed (AES-256-GCM, src/privacy/seal.ts):
 * - sessions: the whole dialog state (it carries names, ID numbers and phones while a form runs);
 * - profiles: the whole record (a user's region and private-dialog mark; the web chat's notices, which quote staff's
 *   notes, and its session key), stored as `{ "__sealed": "yl1.…" }`;
 * - except a turn's session or profile whose writer says it holds nothing personal (`personal: false`: a district, an
 *   amount, codes; checked again here for long digit runs), kept as it is: about three writes in four, each of which
 *   would otherwise cost a seal (bench: sealing vs unsealed store, issue 12);
 * - cases: the personal fields (`caseFields`: names, ID number, phone, the community as an address) one by one, and
 *   the note of every history event (free text staff and families write). Type, status, region, dates, amounts,
 *   ids, assignee and the events' who/when/what stay readable, so listing, filtering and statistics need no key.
 *
 * Cases come back with their sealed values opened lazily: a personal field is opened the first time it is read, so
 * `/cases` (which shows type, region and due date) opens nothing, and `/case` opens what it shows.
 *
 * Every sealed value is bound to its place (session: chat and user; profile: user; case field: the case's opener,
 * creation time and field name; note: also the event's time and author): moved elsewhere, it does not open.
 * A value that does not open is refused: a case's field throws StoreError('unreadable') when read; a session or
 * profile is dropped (treated as absent: the dialog starts over) and reported through `onUnreadable`.
 *
 * The store also remembers which key ids its data is sealed under (a plain record, ids only): opening it with a
 * keyring that lacks one of them fails at start-up (DataKeyError naming DATA_KEYS) rather than dropping sessions.
 */
import { DataKeyError } from '../privacy/keys.ts';
import { isSealed, type Keyring, SealError, type SealErrorCode, sealedKeyId } from '../privacy/seal.ts';
import {
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  type CaseChange,
  type CaseDraft,
  type CaseEvent,
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
  type Store,
  StoreError,
  type TurnKeys,
  type TurnOptions,
  type TurnOutcome,
  type TurnRead,
  type TurnResult,
  type TurnWrites,
  type UnansweredEntry,
} from './types.ts';

/** The plain record of the key ids the store's data is sealed under. */
export const KEYRING_RECORD = 'yinling:keyring';
/** How many sessions and profiles sealed last are kept in the clear in memory (see #recent). */
const RECENT_MAX = 4096;
/** The one key of a sealed profile as stored. */
const SEALED_PROFILE = '__sealed';

export interface SealOptions {
  /** Case fields sealed at rest. */
  readonly caseFields: readonly string[];
  /** A sealed value that did not open (a session or profile dropped, a case field refused), for the log. */
  readonly onUnreadable?: (what: { kind: RawKind; keyId: string | null; code: SealErrorCode; id?: string; field?: string }) => void;
  /** Runs once the store has closed (releases the data directory). */
  readonly onClose?: () => void | Promise<void>;
}

/** What a sealed value is bound to (GCM additional data). NUL separates parts: no key or id contains it. */
const context = {
  session: (chat: string, user: string) => `session\u0000${chat}\u0000${user}`,
  profile: (user: string) => `profile\u0000${user}`,
  field: (c: { user: string; createdAt: number }, field: string) => `case\u0000${c.user}\u0000${c.createdAt}\u0000${field}`,
  note: (c: { user: string; createdAt: number }, e: CaseEvent) => `note\u0000${c.user}\u0000${c.createdAt}\u0000${e.at}\u0000${e.by}`,
};

type Fields = CaseRecord['fields'];
type Owner = { readonly user: string; readonly createdAt: number };

/**
 * Data its writer says holds nothing personal (districts, amounts, codes) is kept unsealed. Checked again here, so a
 * writer's mistake cannot leave an ID, phone or card number in the clear: any run of 7 digits in a text seals it.
 */
function unsealable(data: Json, personal: boolean | undefined): boolean {
  return personal === false && !longDigits(data);
}

function longDigits(data: Json): boolean {
  if (typeof data === 'string') return /\d{7}/.test(data);
  if (data === null || typeof data !== 'object') return false;
  return Array.isArray(data) ? data.some(longDigits) : Object.values(data).some(longDigits);
}

/** Defines `name` on `target` as a value computed on first read (then kept). */
function lazy(target: Record<string, unknown>, name: string, open: () => unknown): void {
  const settle = (value: unknown) => Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get() {
      const value = open();
      settle(value);
      return value;
    },
    set(value: unknown) {
      settle(value);
    },
  });
}

export class SealedStore implements Store {
  readonly kind: Store['kind'];
  readonly #raw: RawStore;
  readonly #keys: Keyring;
  readonly #caseFields: ReadonlySet<string>;
  readonly #options: SealOptions;
  #closed: Promise<void> | null = null;
  /**
   * The plain JSON of the session or profile this process sealed last, by context (one per chat and user, one per
   * user): the next turn reads back what the last one wrote, and need not decrypt it. Used only when the stored value
   * is exactly what was sealed here for that context, so anything else (changed, moved from another record) is opened
   * and refused as before. Bounded; the oldest go first.
   */
  readonly #recent = new Map<string, { readonly sealed: string; readonly plain: string }>();

  constructor(raw: RawStore, keyring: Keyring, options: SealOptions) {
    this.kind = raw.kind;
    this.#raw = raw;
    this.#keys = keyring;
    this.#caseFields = new Set(options.caseFields);
    this.#options = options;
  }

  /** The implementation beneath (maintenance and tests only: it holds sealed values). */
  get raw(): RawStore {
    return this.#raw;
  }

  get keyring(): Keyring {
    return this.#keys;
  }

  // ---- sealing and opening

  #unreadable(kind: RawKind, error: SealError, where: { id?: string; field?: string } = {}): void {
    this.#options.onUnreadable?.({ kind, keyId: error.keyId, code: error.code, ...where });
  }

  #sealRecent(value: unknown, where: string): string {
    const plain = JSON.stringify(value);
    const sealed = this.#keys.seal(plain, where);
    this.#recent.delete(where);
    if (this.#recent.size >= RECENT_MAX) this.#recent.delete(this.#recent.keys().next().value as string);
    this.#recent.set(where, { sealed, plain });
    return sealed;
  }

  #openRecent<T>(sealed: string, where: string): T {
    const last = this.#recent.get(where);
    return last !== undefined && last.sealed === sealed ? (JSON.parse(last.plain) as T) : this.#keys.openJson<T>(sealed, where);
  }

  /** Session data as the engine wrote it; undefined when it does not open. Data stored before sealing comes as is. */
  #openSession(data: Json, chat: string, user: string): Json | undefined {
    if (!isSealed(data)) return data;
    try {
      return this.#openRecent<Json>(data, context.session(chat, user));
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      this.#unreadable('session', error);
      return undefined;
    }
  }

  #sessionRecord(record: SessionRecord | null, chat: string, user: string): SessionRecord | null {
    if (!record) return null;
    const data = this.#openSession(record.data, chat, user);
    return data === undefined ? null : { data, updatedAt: record.updatedAt };
  }

  #sealProfile(user: string, profile: Profile): Profile {
    return { [SEALED_PROFILE]: this.#sealRecent(profile, context.profile(user)) };
  }

  #openProfile(user: string, stored: Profile | null): Profile | null {
    if (!stored) return null;
    const sealed = stored[SEALED_PROFILE];
    if (!isSealed(sealed)) return stored;
    try {
      return this.#openRecent<Profile>(sealed, context.profile(user));
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      this.#unreadable('profile', error);
      return null;
    }
  }

  #sealFields(owner: Owner, fields: Fields): Fields {
    let out: Record<string, Json> | null = null;
    for (const name of Object.keys(fields)) {
      if (!this.#caseFields.has(name)) continue;
      const value = fields[name];
      if (value === null || value === undefined) continue;
      out ??= { ...fields };
      out[name] = this.#keys.sealJson(value, context.field(owner, name));
    }
    return out ?? fields;
  }

  #sealEvent(owner: Owner, event: CaseEvent): CaseEvent {
    return event.note === undefined ? event : { ...event, note: this.#keys.seal(event.note, context.note(owner, event)) };
  }

  #sealRecord<T extends CaseDraft>(record: T): T {
    return { ...record, fields: this.#sealFields(record, record.fields), history: record.history.map((e) => this.#sealEvent(record, e)) };
  }

  /** Opens one sealed value of a case, or refuses it (StoreError 'unreadable'). */
  #openCaseValue<T>(open: () => T, id: string, field: string): T {
    try {
      return open();
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      this.#unreadable('case', error, { id, field });
      throw new StoreError('unreadable', `case ${id}, ${field}: ${error.message}`);
    }
  }

  /** The case with its sealed values opened on first read. */
  #openCase(record: CaseRecord): CaseRecord {
    const raw = record.fields;
    let fields: Fields = raw;
    if (Object.keys(raw).some((name) => this.#caseFields.has(name) && isSealed(raw[name]))) {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(raw)) {
        if (this.#caseFields.has(name) && isSealed(value)) {
          lazy(out, name, () => this.#openCaseValue(() => this.#keys.openJson<Json>(value, context.field(record, name)), record.id, name));
        } else {
          out[name] = value;
        }
      }
      fields = out as Fields;
    }
    let history = record.history;
    if (history.some((e) => isSealed(e.note))) {
      history = history.map((e) => {
        const note = e.note;
        if (!isSealed(note)) return e;
        const out: Record<string, unknown> = { ...e };
        lazy(out, 'note', () => this.#openCaseValue(() => this.#keys.open(note, context.note(record, e)), record.id, 'note'));
        return out as unknown as CaseEvent;
      });
    }
    return fields === raw && history === record.history ? record : { ...record, fields, history };
  }

  #sealWrites(keys: TurnKeys, writes: TurnWrites): TurnWrites {
    // A dialog that ended or was cancelled leaves no clear copy in memory either.
    if (writes.dropSession) this.#recent.delete(context.session(keys.chat, keys.user));
    if (!writes.session && !writes.profile) return writes;
    const { session, profile } = writes;
    const where = session && context.session(session.chat, keys.user);
    return {
      ...writes,
      ...(session && where
        ? {
            session: {
              ...session,
              data: unsealable(session.data, session.personal) ? this.#plain(session.data, where) : this.#sealRecent(session.data, where),
            },
          }
        : {}),
      ...(profile
        ? {
            profile: unsealable(profile, writes.profilePersonal)
              ? this.#plain(profile, context.profile(keys.profile))
              : this.#sealProfile(keys.profile, profile),
          }
        : {}),
    };
  }

  /** Kept as it is: the clear copy of what was sealed for this place before goes too. */
  #plain<T>(value: T, where: string): T {
    this.#recent.delete(where);
    return value;
  }

  // ---- Store

  async getSession(chat: string, user: string): Promise<SessionRecord | null> {
    return this.#sessionRecord(await this.#raw.getSession(chat, user), chat, user);
  }

  putSession(chat: string, user: string, data: Json, ttlMs: number): Promise<void> {
    return this.#raw.putSession(chat, user, this.#sealRecent(data, context.session(chat, user)), ttlMs);
  }

  deleteSession(chat: string, user: string): Promise<void> {
    this.#recent.delete(context.session(chat, user));
    return this.#raw.deleteSession(chat, user);
  }

  async takeSession(chat: string, user: string): Promise<SessionRecord | null> {
    const record = this.#sessionRecord(await this.#raw.takeSession(chat, user), chat, user);
    this.#recent.delete(context.session(chat, user));
    return record;
  }

  async getProfile(user: string): Promise<Profile | null> {
    return this.#openProfile(user, await this.#raw.getProfile(user));
  }

  putProfile(user: string, profile: Profile): Promise<void> {
    return this.#raw.putProfile(user, this.#sealProfile(user, profile));
  }

  runTurn<T>(keys: TurnKeys, fn: (read: TurnRead) => Promise<TurnResult<T>>, options?: TurnOptions): Promise<TurnOutcome<T>> {
    return this.#raw.runTurn(
      keys,
      async (read) => {
        const result = await fn({
          session: this.#sessionRecord(read.session, keys.chat, keys.user),
          profile: this.#openProfile(keys.profile, read.profile),
        });
        return { value: result.value, writes: this.#sealWrites(keys, result.writes) };
      },
      options,
    );
  }

  async openCase(series: CaseSeries, draft: CaseDraft): Promise<CaseRecord> {
    const record = await this.#raw.openCase(series, this.#sealRecord(draft));
    return { id: record.id, ...draft };
  }

  createCase(record: CaseRecord): Promise<void> {
    return this.#raw.createCase(this.#sealRecord(record));
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    const record = await this.#raw.getCase(id);
    return record ? this.#openCase(record) : null;
  }

  async updateCase(id: string, change: CaseChange, expectedStatus?: CaseStatus): Promise<CaseRecord> {
    // What the sealed values are bound to (opener, creation time) never changes: read once, outside the update.
    const owner = await this.#raw.getCase(id);
    if (!owner) throw new StoreError('not_found', `no case ${id}`);
    const sealed: CaseChange = {
      ...change,
      ...(change.fields ? { fields: this.#sealFields(owner, change.fields) } : {}),
      event: this.#sealEvent(owner, change.event),
    };
    return this.#openCase(await this.#raw.updateCase(id, sealed, expectedStatus));
  }

  async listCases(filter: CaseFilter): Promise<CaseRecord[]> {
    return (await this.#raw.listCases(filter)).map((c) => this.#openCase(c));
  }

  appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    return this.#raw.appendAudit(entries);
  }

  listAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    return this.#raw.listAudit(filter);
  }

  /** The texts are masked before they reach the store: nothing personal to seal. */
  appendUnanswered(entry: UnansweredEntry): Promise<void> {
    return this.#raw.appendUnanswered(entry);
  }

  listUnanswered(from: number, to: number): Promise<UnansweredEntry[]> {
    return this.#raw.listUnanswered(from, to);
  }

  ping(): Promise<boolean> {
    return this.#raw.ping();
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      try {
        await this.#raw.close();
      } finally {
        await this.#options.onClose?.();
      }
    })();
    return this.#closed;
  }

  // ---- keys

  /**
   * Checks that every key the store's data is sealed under is in the keyring (DataKeyError naming DATA_KEYS
   * otherwise), and records the current key's id among them.
   */
  async checkKeys(): Promise<void> {
    await this.#raw.runTurn({ chat: KEYRING_RECORD, user: 'keys', profile: KEYRING_RECORD }, async (read) => {
      const ids = keyIdsOf(read.profile);
      const missing = ids.filter((id) => !this.#keys.has(id));
      if (missing.length > 0) {
        throw new DataKeyError(
          'DATA_KEYS',
          `the store holds personal data sealed under key ${missing.join(', ')}, which is neither DATA_KEY nor in DATA_KEYS: ` +
            'put the old key in DATA_KEYS (id:base64, or the value DATA_KEY had), then run npm run rotate-keys',
        );
      }
      const current = this.#keys.current.id;
      return { value: undefined, writes: ids.includes(current) ? {} : { profile: { ids: [...ids, current], updatedAt: Date.now() } } };
    });
  }

  /**
   * Re-seals everything under the current key: values sealed under older keys, and values stored before sealing
   * existed. Runs while the bot runs (Redis): a value the bot changes meanwhile is not overwritten (compare-and-set)
   * but looked at again in a further pass. Values that do not open are left as they are and counted.
   */
  async rotate(options: { maxPasses?: number } = {}): Promise<RotationReport> {
    const report: RotationReport = { checked: 0, resealed: 0, unreadable: 0, byKind: {}, leftUnder: [] };
    const left = new Set<string>();
    for (let pass = 0; pass < (options.maxPasses ?? 5); pass++) {
      let busy = 0;
      report.unreadable = 0;
      left.clear();
      for (const kind of ['session', 'profile', 'case'] as const) {
        const counts = report.byKind[kind] ?? { checked: 0, resealed: 0, unreadable: 0 };
        report.byKind[kind] = counts;
        // What does not open is counted by the last pass (earlier passes may have seen a value being changed).
        counts.unreadable = 0;
        for await (const batch of this.#raw.scanRaw(kind)) {
          for (const entry of batch) {
            if (pass === 0) {
              report.checked++;
              counts.checked++;
            }
            let next: Json | null;
            try {
              next = this.#resealed(entry);
            } catch (error) {
              if (!(error instanceof SealError)) throw error;
              report.unreadable++;
              counts.unreadable++;
              if (error.keyId) left.add(error.keyId);
              continue;
            }
            if (next === null) continue;
            if (await this.#raw.swapRaw(entry, next)) {
              report.resealed++;
              counts.resealed++;
            } else busy++;
          }
        }
      }
      if (busy === 0) break;
    }
    report.leftUnder = [...left];
    // The store's data is now under the current key, and under the keys of what did not open.
    const ids = [this.#keys.current.id, ...report.leftUnder.filter((id) => id !== this.#keys.current.id)];
    await this.#raw.runTurn({ chat: KEYRING_RECORD, user: 'keys', profile: KEYRING_RECORD }, async () => ({
      value: undefined,
      writes: { profile: { ids, updatedAt: Date.now() } },
    }));
    return report;
  }

  /** A value re-sealed under the current key, or null when it already is. Throws SealError when it does not open. */
  #resealed(entry: RawEntry): Json | null {
    const current = this.#keys.current.id;
    const reseal = (value: Json, ctx: string, asJson: boolean): Json => {
      if (isSealed(value)) {
        if (sealedKeyId(value) === current) return value;
        const plain = this.#keys.open(value, ctx);
        return this.#keys.seal(plain, ctx);
      }
      return asJson ? this.#keys.sealJson(value, ctx) : this.#keys.seal(String(value), ctx);
    };
    if (entry.kind === 'session') {
      const ctx = context.session(entry.chat ?? '', entry.user ?? '');
      const next = reseal(entry.data, ctx, true);
      return next === entry.data ? null : next;
    }
    if (entry.kind === 'profile') {
      if (entry.user === KEYRING_RECORD) return null;
      const stored = entry.data as Profile;
      const sealed = stored?.[SEALED_PROFILE];
      const ctx = context.profile(entry.user ?? '');
      if (isSealed(sealed)) {
        const next = reseal(sealed, ctx, true);
        return next === sealed ? null : { [SEALED_PROFILE]: next };
      }
      return { [SEALED_PROFILE]: this.#keys.sealJson(stored, ctx) };
    }
    const record = entry.data as unknown as CaseRecord;
    let changed = false;
    const fields: Record<string, Json> = { ...record.fields };
    for (const name of Object.keys(fields)) {
      const value = fields[name];
      if (!this.#caseFields.has(name) || value === null || value === undefined) continue;
      const next = reseal(value, context.field(record, name), true);
      if (next !== value) {
        fields[name] = next;
        changed = true;
      }
    }
    const history = record.history.map((e) => {
      if (e.note === undefined) return e;
      const next = reseal(e.note, context.note(record, e), false) as string;
      if (next === e.note) return e;
      changed = true;
      return { ...e, note: next };
    });
    return changed ? ({ ...record, fields, history } as unknown as Json) : null;
  }
}

export interface RotationReport {
  /** Values looked at (sessions, profiles, cases). */
  checked: number;
  /** Values written back under the current key. */
  resealed: number;
  /** Values that did not open (changed, or sealed under a key not given): left as they are. */
  unreadable: number;
  byKind: Partial<Record<RawKind, { checked: number; resealed: number; unreadable: number }>>;
  /** Key ids of the values that did not open. */
  leftUnder: string[];
}

function keyIdsOf(profile: Profile | null): string[] {
  const ids = profile?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** The store with personal data sealed under `keyring`; fails when its data needs a key the keyring lacks. */
export async function sealStore(raw: RawStore, keyring: Keyring, options: SealOptions): Promise<SealedStore> {
  const store = new SealedStore(raw, keyring, options);
  await store.checkKeys();
  return store;
}
