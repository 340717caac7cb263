/**
 * What an applicant tells after a 住院慰问 or 体检报销 was filed ("发票三百九 在成都市一医院做的") is added to that case:
 * the invoice's amount said back, the words kept as 情况说明 — sealed at rest, masked in listings, long numbers never
 * kept — and an amount no invoice has is refused and asked again, not filed.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../src/privacy/seal.ts';
import { fieldText } from '../../src/staff/view.ts';
import { type CaseRecord, openSqliteStore, openStore, SQLITE_FILE } from '../../src/store/index.ts';
import { Cleanup, engineOn, msg, tempDir, textOf, tr } from '../reliability/support.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const WHO = { chat: 'ld-u1', user: 'ld-u1' };
const PHONE = '13912345678';

async function filedHealthCheck() {
  const dir = tempDir(cleanup, 'yl-details-');
  const store = await openStore({ DATA_DIR: dir });
  cleanup.add(() => store.close());
  const engine = engineOn(store);
  const send = (text: string) => engine.handle(msg({ ...WHO, text }));
  await send('上城区的 住在成都 体检费怎么报销');
  const filed = await send('好的');
  expect(filed.cases.map((c) => c.type)).toEqual(['health_check_reimbursement']);
  return { dir, store, send, id: filed.cases[0]?.id as string };
}

describe('details told after filing', () => {
  it('adds the invoice amount (said back) and the words, sealed at rest, without the phone number in them', async () => {
    const { dir, store, send, id } = await filedHealthCheck();
    const told = await send(`发票三百九 11月在成都市第一人民医院做的 有事打${PHONE}`);
    expect(textOf(told)).toContain('390元');
    expect(told.cases.map((c) => c.id)).toEqual([id]);
    const fields = (await store.getCase(id))?.fields ?? {};
    expect(fields.invoice).toBe('390');
    expect(fields.details).toContain('成都市第一人民医院');
    expect(String(fields.details)).not.toContain(PHONE);
    await store.close();
    const raw = openSqliteStore(join(dir, SQLITE_FILE));
    cleanup.add(() => raw.close());
    const rawCase = (await raw.getCase(id)) as CaseRecord;
    expect(isSealed(rawCase.fields.details)).toBe(true);
    expect(JSON.stringify(rawCase)).not.toContain('第一人民医院');
  });

  it('appends what is told later to what was told before', async () => {
    const { store, send, id } = await filedHealthCheck();
    await send('11月20号在华西医院做的');
    await send('发票是四百二');
    const fields = (await store.getCase(id))?.fields ?? {};
    expect(fields.details).toBe('11月20号在华西医院做的；发票是四百二');
    expect(fields.invoice).toBe('420');
  });

  it.each([
    ['发票金额-200', '负数'],
    ['发票金额两千万', '太大'],
  ])('"%s" is refused and the amount asked again; the case keeps no invoice', async (text, why) => {
    const { store, send, id } = await filedHealthCheck();
    const refused = await send(text);
    expect(textOf(refused)).toContain(why);
    expect(refused.cases).toEqual([]);
    expect((await store.getCase(id))?.fields.invoice ?? null).toBeNull();
    const fixed = await send('发票金额200');
    expect(textOf(fixed)).toContain('200元');
  });

  it.each(['好的谢谢', '发票是上海医院开的 也行吧'])('"%s" tells nothing to add', async (text) => {
    const { store, send, id } = await filedHealthCheck();
    const out = await send(text);
    expect(out.cases).toEqual([]);
    expect((await store.getCase(id))?.fields.details).toBeUndefined();
  });

  it('is masked in a listing and shown whole only in the full view', () => {
    expect(fieldText(tr(), 'details', '11月在浙二住了8天', false)).toBe('情况说明：***');
    expect(fieldText(tr(), 'details', '11月在浙二住了8天', true)).toBe('情况说明：11月在浙二住了8天');
  });
});
