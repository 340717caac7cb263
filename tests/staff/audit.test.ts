/**
 * The audit trail, through the engine as staff use it, on the store the service opens (personal data sealed): every
 * display of a case's full personal data (/case in private, the view button in private, a claim in private), every
 * change (claim, note, resolve, the family's correction), every export (/publicity); `/audit <id>` and
 * `/audit export <from> <to>`. The trail names fields, never values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incoming, Outgoing } from '../../src/chat/index.ts';
import { parseCommand } from '../../src/staff/index.ts';
import { type CaseRecord, type Json, openStore, type RawEntry, type SealedStore } from '../../src/store/index.ts';
import { engineOn, msg, textOf } from '../reliability/support.ts';

const ID = '330182195203151239';
const PHONE = '13812345678';
const NOW = new Date('2026-11-21T10:00:00+08:00');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function rig() {
  const dir = mkdtempSync(join(tmpdir(), 'yl-audit-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const store: SealedStore = await openStore({ DATA_DIR: dir });
  cleanups.push(() => store.close());
  const engine = engineOn(store, { staffChat: { platform: 'test', chat: 'staff-room' } });
  let clock = NOW;
  const send = (fields: Partial<Incoming> & { chat: string; user: string }): Promise<Outgoing> => engine.handle(msg({ now: clock, ...fields }));
  const family = { chat: 'fam', user: 'fam' };
  /** A son reports his father's death in private; returns the case id. */
  async function report(): Promise<string> {
    await send({ ...family, text: '我父亲张建国昨天去世了，我是他儿子' });
    await send({ ...family, text: ID });
    await send({ ...family, text: PHONE });
    await send({ ...family, text: '西湖区' });
    await send({ ...family, text: '翠苑一区社区' });
    const filed = await send({ ...family, button: 'y' });
    const id = filed.cases[0]?.id;
    if (!id) throw new Error(`not filed: ${textOf(filed)}`);
    return id;
  }
  return {
    store,
    send,
    report,
    family,
    advance: (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

const staff = { user: 'boss', staff: true } as const;
const inPrivate = { chat: 'boss', ...staff };
const inGroup = { chat: 'staff-room', group: true, ...staff };

describe('audit trail', () => {
  it('records every full view, every change and every export — who, when, which case, which fields, from where — and no values', async () => {
    const r = await rig();
    const id = await r.report();

    // In the staff group the case is masked: no full view, no entry.
    expect(textOf(await r.send({ ...inGroup, text: `/case ${id}` }))).not.toContain(ID);
    // In private: the command, the button, and a claim all show everything, and each is recorded.
    expect(textOf(await r.send({ ...inPrivate, text: `/case ${id}` }))).toContain(ID);
    expect(textOf(await r.send({ ...inPrivate, button: `k:view:${id}` }))).toContain(PHONE);
    expect(textOf(await r.send({ ...inPrivate, button: `k:claim:${id}` }))).toContain('已认领');
    await r.send({ ...inPrivate, text: `/note ${id} 已电话联系家属${PHONE}` });
    await r.send({ ...inGroup, text: `/resolve ${id} 丧事慰问费已发放` });

    const trail = await r.store.listAudit({ caseId: id });
    expect(trail.map((e) => [e.action, e.by, e.chat])).toEqual([
      ['opened', 'test:fam', 'test:fam'],
      ['viewed', 'test:boss', 'test:private'],
      ['viewed', 'test:boss', 'test:private'],
      ['claimed', 'test:boss', 'test:private'],
      ['viewed', 'test:boss', 'test:private'],
      ['noted', 'test:boss', 'test:private'],
      ['resolved', 'test:boss', 'test:group'],
    ]);
    expect(trail[1]?.fields).toEqual(['deceasedName', 'idNumber', 'reporterPhone', 'community']);
    expect(trail[4]?.fields).toEqual(['deceasedName', 'idNumber', 'reporterPhone', 'community']);
    expect(JSON.stringify(trail)).not.toMatch(new RegExp(`${ID}|${PHONE}|张建国|翠苑`));

    // /audit <id>: the case's entries in words.
    const shown = textOf(await r.send({ ...inPrivate, text: `/audit ${id}` }));
    expect(shown).toContain(`${id} 的操作记录（共7条）`);
    expect(shown).toContain('test:boss 查看完整信息（姓名、身份证号、报告人电话、社区）');
    expect(shown).toContain('2026-11-21 10:00 test:fam 登记');
    expect(shown).not.toContain(ID);

    // The export for inspections: a CSV of the days asked, itself recorded.
    const exported = await r.send({ ...inPrivate, text: '/audit export 2026-11-21 2026-11-21' });
    expect(textOf(exported)).toContain('共7条');
    const csv = exported.replies.find((x) => x.attachment)?.attachment;
    expect(csv?.name).toBe('audit-2026-11-21_2026-11-21.csv');
    const lines = csv?.content.trim().split('\n') ?? [];
    expect(lines[0]).toBe('序号,时间,操作人,操作,案件编号,涉及字段,聊天,说明');
    expect(lines).toHaveLength(8);
    expect(lines[2]).toMatch(new RegExp(`^\\d+,2026-11-21 10:00:00,test:boss,查看完整信息,${id},姓名、身份证号、报告人电话、社区,test:private,$`));
    expect(csv?.content).not.toMatch(new RegExp(`${ID}|${PHONE}`));
    expect((await r.store.listAudit({ from: NOW.getTime() })).at(-1)).toMatchObject({ action: 'audit_exported', caseId: null, note: '2026-11-21..2026-11-21' });
    // Another day has nothing.
    expect(textOf(await r.send({ ...inPrivate, text: '/audit export 2026-11-22 2026-11-30' }))).toContain('共0条');
  });

  it('records the family correcting a filed report (the fields changed, not their values)', async () => {
    const r = await rig();
    const id = await r.report();
    const corrected = await r.send({ ...r.family, text: '不对，是萧山区' });
    const confirmed = /请核对/.test(textOf(corrected)) ? await r.send({ ...r.family, button: 'y' }) : corrected;
    expect(textOf(confirmed)).toMatch(/已按新的信息更新登记|不会重复登记/);
    const amended = (await r.store.listAudit({ caseId: id })).find((e) => e.action === 'amended');
    expect(amended).toMatchObject({ by: 'test:fam', chat: 'test:fam', fields: ['region'] });
  });

  it('records each case of a 公示 export with the four published fields', async () => {
    const r = await rig();
    const who = { chat: 'p1', user: 'p1' };
    await r.send({ ...who, text: '拱墅区 自付两万 大病慰问' });
    await r.send({ ...who, button: 'y' });
    await r.send({ ...who, text: '王秀英' });
    await r.send({ ...who, button: 's:gender:女' });
    await r.send({ ...who, text: '78岁' });
    const filed = await r.send({ ...who, button: 'y' });
    const id = filed.cases[0]?.id as string;
    await r.send({ ...inPrivate, text: `/resolve ${id} 已发放2000元` });
    const list = await r.send({ ...inGroup, text: '/publicity 2026-11' });
    expect(textOf(list)).toContain('王秀英');
    const exported = (await r.store.listAudit({ caseId: id })).filter((e) => e.action === 'exported');
    expect(exported).toEqual([
      expect.objectContaining({ by: 'test:boss', chat: 'test:group', fields: ['applicantName', 'gender', 'age', 'paidAmount'], note: 'publicity 2026-11' }),
    ]);
    const resolved = (await r.store.listAudit({ caseId: id })).find((e) => e.action === 'resolved');
    expect(resolved?.fields).toEqual(['paidAmount']);
  });

  it('refuses to show a case whose sealed data was changed at rest, and records no view', async () => {
    const r = await rig();
    const id = await r.report();
    const raw = r.store.raw;
    let entry: RawEntry | undefined;
    for await (const batch of raw.scanRaw('case')) entry ??= batch.find((e) => e.id === id);
    const record = entry?.data as unknown as CaseRecord;
    const sealedId = record.fields.idNumber as string;
    const changed = `${sealedId.slice(0, -3)}${sealedId.at(-3) === 'A' ? 'B' : 'A'}${sealedId.slice(-2)}`;
    expect(await raw.swapRaw(entry as RawEntry, { ...record, fields: { ...record.fields, idNumber: changed } } as unknown as Json)).toBe(true);
    const out = textOf(await r.send({ ...inPrivate, text: `/case ${id}` }));
    expect(out).toContain('无法解密');
    expect(out).not.toContain('张建国');
    expect((await r.store.listAudit({ caseId: id })).map((e) => e.action)).toEqual(['opened']);
    // Listing needs none of it: the queue still shows the case.
    expect(textOf(await r.send({ ...inGroup, text: '/cases' }))).toContain(id);
  });

  it('reads /audit and /audit export as staff type them', () => {
    const parsed = (text: string) => {
      const p = parseCommand(text, '2026-11-21');
      return p === null ? null : p.ok ? p.command : p.error.code;
    };
    expect(parsed('/audit C20261121-1')).toEqual({ kind: 'audit', id: 'C20261121-0001' });
    expect(parsed('/audti C20261121-1')).toEqual({ kind: 'audit', id: 'C20261121-0001' });
    expect(parsed('/audit export 2026-11-01 2026-11-30')).toEqual({ kind: 'audit_export', from: '2026-11-01', to: '2026-11-30' });
    expect(parsed('/audit export 2026-11-01 至 2026-11-3')).toEqual({ kind: 'audit_export', from: '2026-11-01', to: '2026-11-03' });
    expect(parsed('/audit 导出 2026-11')).toEqual({ kind: 'audit_export', from: '2026-11-01', to: '2026-11-30' });
    expect(parsed('/audit export 2月')).toEqual({ kind: 'audit_export', from: '2026-02-01', to: '2026-02-28' });
    expect(parsed('/audit export')).toEqual({ kind: 'audit_export', from: '2026-11-01', to: '2026-11-30' });
    expect(parsed('/audit export 2026-11-30 2026-11-01')).toBe('bad_range');
    expect(parsed('/audit export 2026-02-30 2026-03-01')).toBe('bad_range');
    expect(parsed('/audit')).toBe('missing_id');
  });
});
