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
  const number = await store.nextCaseNumber(day);
  const at = input.now.getTime();
  const record: CaseRecord = {
    id: `C${day}-${String(number).padStart(4, '0')}`,
    type: input.type,
    status: 'open',
    chat: input.chat,
    user: input.user,
    createdAt: at,
    dueAt: dueAt(input.type, input.now),
    assignee: null,
    fields: parsed.data as { [key: string]: Json },
    history: [{ at, by: input.user, action: 'opened' }],
  };
  await store.createCase(record);
  return { ok: true, value: record };
}
