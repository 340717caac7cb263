import { qualifiedChat } from '../store/shared.ts';
import type { CaseRecord, Json, Store } from '../store/types.ts';
import { dueAt, shanghaiDay } from './due.ts';
import { CASE_SCHEMAS, type CaseFields, type CaseType } from './schemas.ts';

export type OpenCaseError = { readonly code: 'invalid_fields'; readonly type: CaseType; readonly issues: readonly string[] };

/**
 * Opens a case: validates its fields, reserves the day's next number (C20261121-0007), and writes it durably.
 * The returned record is in the store when the promise resolves, so the bot may tell the user its id.
 */
export async function openCase<T extends CaseType>(
  store: Store,
  input: { type: T; chat: string; user: string; fields: CaseFields<T>; now: Date },
): Promise<{ ok: true; value: CaseRecord } | { ok: false; error: OpenCaseError }> {
  const parsed = CASE_SCHEMAS[input.type].safeParse(input.fields);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_fields', type: input.type, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } };
  }
  const day = shanghaiDay(input.now);
  const at = input.now.getTime();
  const record = await store.openCase(
    { key: day, idPrefix: `C${day}-` },
    {
      type: input.type,
      status: 'open',
      chat: input.chat,
      user: input.user,
      createdAt: at,
      dueAt: dueAt(input.type, input.now),
      assignee: null,
      fields: parsed.data as { [key: string]: Json },
      history: [{ at, by: input.user, action: 'opened' }],
    },
  );
  return { ok: true, value: record };
}

export type AmendCaseError = { readonly code: 'invalid_fields' | 'not_found' | 'closed' | 'not_owner'; readonly issues?: readonly string[] };

/**
 * Corrects the fields of a case its opener filed moments ago ("不对，是萧山的" after the report was filed): the same
 * case with the new fields and a note of what changed, never a second case. A case staff already closed, or one
 * opened by someone else, is not changed.
 */
export async function amendCase<T extends CaseType>(
  store: Store,
  input: {
    id: string;
    type: T;
    user: string;
    fields: CaseFields<T>;
    now: Date;
    describe: (changed: readonly string[]) => string;
    /** The chat the correction came from (platform:chat), for the audit; default the chat the case was filed from. */
    chat?: string;
  },
): Promise<{ ok: true; value: CaseRecord; changed: readonly string[] } | { ok: false; error: AmendCaseError }> {
  const parsed = CASE_SCHEMAS[input.type].safeParse(input.fields);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_fields', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } };
  const current = await store.getCase(input.id);
  if (!current || current.type !== input.type) return { ok: false, error: { code: 'not_found' } };
  if (current.user !== input.user) return { ok: false, error: { code: 'not_owner' } };
  if (current.status === 'resolved' || current.status === 'rejected') return { ok: false, error: { code: 'closed' } };
  const fields = { ...current.fields, ...(parsed.data as { [key: string]: Json }) };
  const changed = Object.keys(fields).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(current.fields[k]));
  if (changed.length === 0) return { ok: true, value: current, changed };
  const value = await store.updateCase(input.id, {
    fields,
    event: { at: input.now.getTime(), by: input.user, action: 'noted', note: input.describe(changed) },
    // The audit names the fields the family changed, never their values.
    audit: { action: 'amended', fields: changed, chat: input.chat ?? qualifiedChat(current.user, current.chat) },
  });
  return { ok: true, value, changed };
}
