import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/index.ts';

/**
 * Web chat session ids, issued by the server only. The cookie is `<id><tag>`: a random id (16 bytes) and an HMAC of
 * it under a key kept in the store, so a client cannot make up a session (or guess another's): an id the server did
 * not issue fails the tag and a new session is issued instead. The id alone is what the rest of the service sees
 * (the web user's chat and user key), never the cookie: an id shown anywhere (a case record, a log line) cannot be
 * turned back into a cookie. Several instances sharing Redis share the key.
 */

/** Where the key is kept: a profile record no chat user can have (theirs are `<platform>:<id>`, platforms are single words). */
export const SESSION_KEY_RECORD = 'yinling:web-session-key';
const ID_BYTES = 16;
const TAG_BYTES = 16;
/** 32 bytes in base64url: 43 characters. */
const COOKIE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class WebSessions {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('web session key must be at least 32 bytes');
    this.#key = key;
  }

  /** The sessions of this deployment: the key from the store, made (and kept) on first use. */
  static async open(store: Store): Promise<WebSessions> {
    const read = async () => {
      const stored = (await store.getProfile(SESSION_KEY_RECORD))?.key;
      return typeof stored === 'string' ? Buffer.from(stored, 'base64') : null;
    };
    let key = await read();
    if (!key || key.length < 32) {
      await store.putProfile(SESSION_KEY_RECORD, { key: randomBytes(32).toString('base64'), createdAt: Date.now() });
      // Read back: when two instances start at once, both use whichever key was written last.
      key = await read();
    }
    if (!key) throw new Error('web session key could not be stored');
    return new WebSessions(key);
  }

  #tag(id: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(id).digest().subarray(0, TAG_BYTES);
  }

  /** A new session: its id (for the engine) and the cookie value (for the browser). */
  issue(): { id: string; cookie: string } {
    const id = randomBytes(ID_BYTES);
    return { id: id.toString('base64url'), cookie: Buffer.concat([id, this.#tag(id)]).toString('base64url') };
  }

  /** The session id of a cookie value this server issued; null for anything else. */
  verify(cookie: string | undefined): string | null {
    if (!cookie || !COOKIE_PATTERN.test(cookie)) return null;
    const raw = Buffer.from(cookie, 'base64url');
    if (raw.length !== ID_BYTES + TAG_BYTES) return null;
    const id = raw.subarray(0, ID_BYTES);
    if (!timingSafeEqual(raw.subarray(ID_BYTES), this.#tag(id))) return null;
    // Re-encoded, so that two spellings of the same bytes (non-canonical base64url) are one session.
    return id.toString('base64url');
  }
}
