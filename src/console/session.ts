import { randomBytes } from 'node:crypto';
import { tokenHash } from '../staff/index.ts';
import type { Store } from '../store/types.ts';

/**
 * Browser sessions of the web console, kept in the store (so every instance sharing it knows them): the cookie is a
 * random 32-byte value and only its hash is a key. A session ends after 30 minutes without a request (idle expiry,
 * checked against the service's clock and enforced by the record's TTL), or at logout. Each carries its CSRF token.
 */
export const SESSION_CHAT = 'console:session';
export const IDLE_MS = 30 * 60_000;
/** A session's expiry is pushed forward at most this often (not a store write per request). */
const TOUCH_MS = 60_000;
export const COOKIE = 'yl_console';

export interface ConsoleSession {
  /** The acting id: roster member id, or a STAFF_IDS user key. */
  readonly staff: string;
  readonly account: string;
  readonly csrf: string;
  readonly lastAt: number;
}

const isSession = (d: unknown): d is ConsoleSession => {
  const s = d as Partial<ConsoleSession> | null;
  return typeof s?.staff === 'string' && typeof s.account === 'string' && typeof s.csrf === 'string' && typeof s.lastAt === 'number';
};

export async function startSession(store: Store, staff: string, account: string, now: Date): Promise<{ cookie: string; session: ConsoleSession }> {
  const cookie = randomBytes(32).toString('base64url');
  const session: ConsoleSession = { staff, account, csrf: randomBytes(24).toString('base64url'), lastAt: now.getTime() };
  await store.putSession(SESSION_CHAT, tokenHash(cookie), { ...session }, IDLE_MS);
  return { cookie, session };
}

/** The live session of a cookie, its idle time renewed; null when unknown, ended or idle too long. */
export async function readSession(store: Store, cookie: string | undefined, now: Date): Promise<ConsoleSession | null> {
  if (!cookie || !/^[A-Za-z0-9_-]{43}$/.test(cookie)) return null;
  const key = tokenHash(cookie);
  const record = await store.getSession(SESSION_CHAT, key);
  const s = record?.data;
  if (!isSession(s)) return null;
  const t = now.getTime();
  if (t - s.lastAt > IDLE_MS) {
    await store.deleteSession(SESSION_CHAT, key);
    return null;
  }
  if (t - s.lastAt < TOUCH_MS) return s;
  const touched: ConsoleSession = { staff: s.staff, account: s.account, csrf: s.csrf, lastAt: t };
  await store.putSession(SESSION_CHAT, key, { ...touched }, IDLE_MS);
  return touched;
}

export async function endSession(store: Store, cookie: string | undefined): Promise<void> {
  if (cookie && /^[A-Za-z0-9_-]{43}$/.test(cookie)) await store.deleteSession(SESSION_CHAT, tokenHash(cookie));
}

/** The cookie's value from a Cookie header. */
export function cookieOf(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/** Set-Cookie for a session: HttpOnly, SameSite=Strict, only under /console, Secure when served over https. */
export function sessionCookie(value: string, secure: boolean, maxAgeS = IDLE_MS / 1000): string {
  return `${COOKIE}=${value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure ? '; Secure' : ''}`;
}
