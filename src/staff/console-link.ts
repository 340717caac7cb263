import { createHash, randomBytes } from 'node:crypto';
import type { Json, Store } from '../store/types.ts';

/**
 * One-time login links to the web console. The token is random (32 bytes) and only its hash is stored, as a session
 * record that expires with the link (10 minutes): a link works on any instance sharing the store, and only once
 * (takeSession reads and deletes it in one step). The expiry is also checked against the service's clock.
 */
export const LOGIN_CHAT = 'console:login';
export const LOGIN_TTL_MS = 10 * 60_000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface LoginGrant {
  /** The acting id: a roster member's id, or a STAFF_IDS user key. */
  readonly staff: string;
  /** The platform account that asked for the link. */
  readonly account: string;
}

/** A new link for this staff member: PUBLIC_URL + /console/login?t=… */
export async function issueConsoleLink(store: Store, grant: LoginGrant, now: Date, publicUrl: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const data: Json = { staff: grant.staff, account: grant.account, expiresAt: now.getTime() + LOGIN_TTL_MS };
  await store.putSession(LOGIN_CHAT, tokenHash(token), data, LOGIN_TTL_MS);
  return `${publicUrl.replace(/\/+$/, '')}/console/login?t=${token}`;
}

/** Uses up a link: the grant it carried, or null when it is unknown, used, or expired. */
export async function redeemConsoleLink(store: Store, token: string, now: Date): Promise<LoginGrant | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const taken = await store.takeSession(LOGIN_CHAT, tokenHash(token));
  const d = taken?.data as { staff?: unknown; account?: unknown; expiresAt?: unknown } | undefined;
  if (!d || typeof d.staff !== 'string' || typeof d.account !== 'string' || typeof d.expiresAt !== 'number') return null;
  return now.getTime() < d.expiresAt ? { staff: d.staff, account: d.account } : null;
}

/** Whether a link is still unused and unexpired, without using it (the page that asks "log in?"). */
export async function peekConsoleLink(store: Store, token: string, now: Date): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const s = await store.getSession(LOGIN_CHAT, tokenHash(token));
  const d = s?.data as { expiresAt?: unknown } | undefined;
  return typeof d?.expiresAt === 'number' && now.getTime() < d.expiresAt;
}
