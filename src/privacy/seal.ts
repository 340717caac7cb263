/**
 * Sealing of personal data at rest: AES-256-GCM (node:crypto) under the data key, every value tagged with the id of
 * the key that sealed it, so keys can rotate (old keys stay readable, `npm run rotate-keys` re-seals under the current
 * one).
 *
 * A sealed value is one ASCII string, `yl1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>`: a 12-byte random IV, the
 * ciphertext, the 16-byte GCM tag. The caller names what the value belongs to (the "context": e.g. the session's chat
 * and user, or the case's opener, creation time and field name); it is authenticated with the value (GCM additional
 * data) but not stored, so a sealed value moved to another record, or changed by one bit, does not open: it is
 * refused (SealError), never shown as garbage.
 *
 * IVs are random (12 bytes from a pool filled by the CSPRNG): under one key that is safe for 2^32 seals (NIST SP
 * 800-38D), far above what a chat bot writes between key rotations.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, type KeyObject, randomFillSync } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'yl1';
/** A key id: letters, digits, `_` and `-`, as DATA_KEYS writes them (`id:base64`). */
export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** IV + tag alone are 28 bytes: 38 base64url characters at least. */
const SEALED = /^yl1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{38,})$/;

export type SealErrorCode = 'unknown_key' | 'tampered' | 'malformed';

/** A value that cannot be opened: its key is not known (not DATA_KEY nor in DATA_KEYS), or it was changed. */
export class SealError extends Error {
  constructor(
    readonly code: SealErrorCode,
    readonly keyId: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The id of a key given without one: a short fingerprint (HMAC of a fixed label), which reveals nothing of the key. */
export function fingerprint(key: Buffer): string {
  return `k${createHmac('sha256', key).update('yinling data key id').digest('hex').slice(0, 10)}`;
}

/**
 * A key as written in DATA_KEY, DATA_KEYS or data.key: `base64` (32 bytes; standard or URL alphabet) or `id:base64`.
 * Returns the reason when it is not one.
 */
export function parseDataKey(text: string): { ok: true; value: DataKey } | { ok: false; reason: string } {
  const t = text.trim();
  const colon = t.indexOf(':');
  const id = colon >= 0 ? t.slice(0, colon) : null;
  const material = colon >= 0 ? t.slice(colon + 1) : t;
  if (id !== null && !KEY_ID.test(id)) return { ok: false, reason: `key id "${id.slice(0, 40)}" may only have letters, digits, _ and - (at most 32)` };
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(material)) return { ok: false, reason: 'must be base64 of 32 bytes (e.g. openssl rand -base64 32)' };
  const key = Buffer.from(material.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== KEY_BYTES) return { ok: false, reason: `must be base64 of 32 bytes, got ${key.length} (e.g. openssl rand -base64 32)` };
  return { ok: true, value: { id: id ?? fingerprint(key), key } };
}

/** A list of keys, comma-separated (DATA_KEYS). */
export function parseDataKeys(text: string): { ok: true; value: DataKey[] } | { ok: false; reason: string } {
  const out: DataKey[] = [];
  for (const [i, part] of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .entries()) {
    const parsed = parseDataKey(part);
    if (!parsed.ok) return { ok: false, reason: `key ${i + 1}: ${parsed.reason}` };
    out.push(parsed.value);
  }
  return { ok: true, value: out };
}

/** True for a string in the sealed format (it may still fail to open). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('yl1.') && SEALED.test(value);
}

/** The id of the key a sealed value was sealed with; null when it is not sealed. */
export function sealedKeyId(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('yl1.')) return null;
  return SEALED.exec(value)?.[1] ?? null;
}

/** The current key (seals) and older ones (open only). */
export class Keyring {
  readonly current: DataKey;
  readonly #keys = new Map<string, Buffer>();
  /** The keys imported once: createCipheriv given raw bytes imports them again on every call. */
  readonly #imported = new Map<string, KeyObject>();
  readonly #ivs = Buffer.alloc(IV_BYTES * 256);
  #ivAt = this.#ivs.length;

  constructor(current: DataKey, older: readonly DataKey[] = []) {
    if (current.key.length !== KEY_BYTES) throw new Error('a data key has 32 bytes');
    this.current = current;
    for (const k of older) {
      if (k.key.length !== KEY_BYTES) throw new Error('a data key has 32 bytes');
      const known = this.#keys.get(k.id);
      if (known && !known.equals(k.key)) throw new Error(`two different keys have the id ${k.id}`);
      this.#keys.set(k.id, k.key);
    }
    const known = this.#keys.get(current.id);
    if (known && !known.equals(current.key)) throw new Error(`two different keys have the id ${current.id}`);
    this.#keys.set(current.id, current.key);
    for (const [id, key] of this.#keys) this.#imported.set(id, createSecretKey(key));
  }

  /** Ids of every key that can open (the current one first). */
  get ids(): string[] {
    return [this.current.id, ...[...this.#keys.keys()].filter((id) => id !== this.current.id)];
  }

  has(id: string): boolean {
    return this.#keys.has(id);
  }

  #iv(): Buffer {
    if (this.#ivAt >= this.#ivs.length) {
      randomFillSync(this.#ivs);
      this.#ivAt = 0;
    }
    const iv = this.#ivs.subarray(this.#ivAt, this.#ivAt + IV_BYTES);
    this.#ivAt += IV_BYTES;
    return iv;
  }

  /** Seals a string under the current key; `context` names what it belongs to (authenticated, not stored). */
  seal(plain: string, context: string): string {
    const iv = this.#iv();
    const cipher = createCipheriv('aes-256-gcm', this.#imported.get(this.current.id) as KeyObject, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const head = cipher.update(plain, 'utf8');
    const tail = cipher.final();
    const sealed = Buffer.concat([iv, head, tail, cipher.getAuthTag()]).toString('base64url');
    return `${VERSION}.${this.current.id}.${sealed}`;
  }

  /** Opens a sealed string; SealError when its key is unknown or it (or its context) does not match. */
  open(sealed: string, context: string): string {
    const m = SEALED.exec(sealed);
    if (!m) throw new SealError('malformed', null, 'not a sealed value');
    const id = m[1] as string;
    const key = this.#imported.get(id);
    if (!key) throw new SealError('unknown_key', id, `sealed under key ${id}, which is neither DATA_KEY nor in DATA_KEYS`);
    const raw = Buffer.from(m[2] as string, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealError('malformed', id, 'sealed value too short');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const head = decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES));
      return Buffer.concat([head, decipher.final()]).toString('utf8');
    } catch {
      throw new SealError('tampered', id, `sealed value under key ${id} does not authenticate: changed, or moved from another record`);
    }
  }

  /** Seals any JSON value (its JSON text). */
  sealJson(value: unknown, context: string): string {
    return this.seal(JSON.stringify(value), context);
  }

  /** Opens what sealJson sealed. */
  openJson<T>(sealed: string, context: string): T {
    return JSON.parse(this.open(sealed, context)) as T;
  }
}
