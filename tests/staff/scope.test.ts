/**
 * Scopes and roles through the engine, as staff use them: every command and the case buttons, in scope, out of scope
 * (refused and audited), for an admin of the whole city and for a read-only viewer; /assign; announcement chats.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/dialog/index.ts';
import { loadTranslator } from '../../src/i18n/index.ts';
import { fallbackMember, routeCase, staffResolver } from '../../src/staff/index.ts';
import { openStore, type SealedStore } from '../../src/store/index.ts';
import { msg, textOf } from '../reliability/support.ts';
import { death, illness, roster, seed, T0 } from './fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const NOW = new Date(T0 + 3600_000);

async function rig() {
  const dir = mkdtempSync(join(tmpdir(), 'yl-scope-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const store: SealedStore = await openStore({ DATA_DIR: dir });
  cleanups.push(() => store.close());
  const r = roster();
  const engine = createEngine({
    store,
    tr: loadTranslator(),
    staffOf: staffResolver(() => r),
    roster: () => r,
    routeCase: (c) => routeCase(r, { platform: 'test', chat: 'fallback-room' }, c),
  });
  await seed(store, [illness('C20261120-0001', '西湖区'), illness('C20261120-0002', '建德市'), death('C20261120-0003', '西湖区', '翠苑一区社区')]);
  /** A private message from a staff account (test:<who>). */
  const say = (who: string, text: string) => engine.handle(msg({ chat: who, user: who, text, now: NOW }));
  const press = (who: string, button: string) => engine.handle(msg({ chat: who, user: who, button, now: NOW }));
  const refusals = async () => (await store.listAudit({})).filter((e) => e.action === 'refused');
  return { store, say, press, refusals };
}

describe('scopes: a caseworker sees and acts only within their regions', () => {
  it('/cases lists only the cases of the scope; the city admin sees every Hangzhou district and county', async () => {
    const { say } = await rig();
    const xh = textOf(await say('xh', '/cases'));
    expect(xh).toContain('C20261120-0001');
    expect(xh).toContain('C20261120-0003');
    expect(xh).not.toContain('C20261120-0002');
    const jd = textOf(await say('jd', '/cases'));
    expect(jd).toContain('C20261120-0002');
    expect(jd).not.toContain('C20261120-0001');
    const admin = textOf(await say('admin', '/cases'));
    for (const id of ['0001', '0002', '0003']) expect(admin).toContain(`C20261120-${id}`);
    // A community scope sees only that community's cases.
    const cy = textOf(await say('cy', '/cases'));
    expect(cy).toContain('C20261120-0003');
    expect(cy).not.toContain('C20261120-0001');
  });

  it.each([
    ['/case C20261120-0002', 'show'],
    ['/claim C20261120-0002', 'claim'],
    ['/resolve C20261120-0002 已发放500元', 'resolve'],
    ['/reject C20261120-0002 不符合条件', 'reject'],
    ['/note C20261120-0002 已电话联系', 'note'],
    ['/assign C20261120-0002 jd-li', 'assign'],
    ['/audit C20261120-0002', 'audit'],
  ])('%s from a 西湖区 caseworker on a 建德市 case: refused and audited', async (text, kind) => {
    const { say, store, refusals } = await rig();
    const out = textOf(await say('xh', text));
    expect(out).toContain('不在您负责的范围内');
    expect(out).not.toContain('张建国');
    expect((await store.getCase('C20261120-0002'))?.status).toBe('open');
    const audit = await refusals();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ by: 'xh-wang', caseId: 'C20261120-0002', note: `${kind}: out of scope` });
  });

  it('in scope: show, claim (history says the roster id), note, resolve with the ceiling checked', async () => {
    const { say, store } = await rig();
    expect(textOf(await say('xh', '/case C20261120-0001'))).toContain('张建国');
    expect(textOf(await say('xh', '/claim C20261120-0001'))).toContain('已认领');
    expect((await store.getCase('C20261120-0001'))?.assignee).toBe('xh-wang');
    expect(textOf(await say('xh', '/note C20261120-0001 已电话联系'))).toContain('C20261120-0001');
    expect(textOf(await say('xh', '/resolve C20261120-0001 已发放3000元'))).toMatch(/超|上限|最高/);
    await say('xh', '/resolve C20261120-0001 已发放2000元');
    const c = await store.getCase('C20261120-0001');
    expect(c?.status).toBe('resolved');
    expect(c?.history.map((e) => e.by)).toEqual(['test:fam', 'xh-wang', 'xh-wang', 'xh-wang']);
  });

  it('the claim button is scoped like /claim', async () => {
    const { press, store, refusals } = await rig();
    expect(textOf(await press('jd', 'k:claim:C20261120-0001'))).toContain('不在您负责的范围内');
    expect((await store.getCase('C20261120-0001'))?.status).toBe('open');
    expect(await refusals()).toHaveLength(1);
    expect(textOf(await press('xh', 'k:claim:C20261120-0001'))).toContain('已认领');
  });

  it('the city admin acts on a 建德市 and a 西湖区 case alike', async () => {
    const { say, store } = await rig();
    await say('admin', '/claim C20261120-0002');
    await say('admin', '/reject C20261120-0001 材料不全');
    expect((await store.getCase('C20261120-0002'))?.assignee).toBe('hz-admin');
    expect((await store.getCase('C20261120-0001'))?.status).toBe('rejected');
  });

  it('a viewer reads within the scope but every change is refused and audited', async () => {
    const { say, store, refusals } = await rig();
    expect(textOf(await say('view', '/cases'))).toContain('C20261120-0001');
    expect(textOf(await say('view', '/case C20261120-0001'))).toContain('张建国');
    for (const text of [
      '/claim C20261120-0001',
      '/resolve C20261120-0001 已发放500元',
      '/reject C20261120-0001 不行',
      '/note C20261120-0001 x',
      '/assign C20261120-0001 xh-wang',
    ]) {
      expect(textOf(await say('view', text))).toContain('只读');
    }
    expect((await store.getCase('C20261120-0001'))?.status).toBe('open');
    expect((await refusals()).map((e) => e.note)).toEqual(['claim: viewer', 'resolve: viewer', 'reject: viewer', 'note: viewer', 'assign: viewer']);
    // A viewer still cannot see outside the scope.
    expect(textOf(await say('view', '/case C20261120-0002'))).toContain('不在您负责的范围内');
  });

  it('/assign within scope: to a colleague covering the case; not to someone outside it, a viewer, or an unknown id', async () => {
    const { say, store } = await rig();
    const out = await say('xh', '/assign C20261120-0001 xh-zhou');
    expect(textOf(out)).toContain('已把 C20261120-0001 指派给 周强');
    // The assignee hears it in their private chat.
    expect(out.replies.some((r) => r.chat === 'xh2' && r.text.includes('指派给您'))).toBe(true);
    const c = await store.getCase('C20261120-0001');
    expect(c).toMatchObject({ assignee: 'xh-zhou', status: 'claimed' });
    expect(textOf(await say('xh', '/assign C20261120-0001 jd-li'))).toContain('不负责');
    expect(textOf(await say('xh', '/assign C20261120-0001 xh-view'))).toContain('只读');
    expect(textOf(await say('xh', '/assign C20261120-0001 nobody'))).toContain('名册里没有');
    expect((await store.listAudit({ caseId: 'C20261120-0001' })).filter((e) => e.action === 'assigned')).toHaveLength(1);
  });

  it('/publicity lists only the scope’s payments', async () => {
    const { say } = await rig();
    await say('xh', '/resolve C20261120-0001 已发放2000元');
    await say('jd', '/resolve C20261120-0002 已发放500元');
    const xh = await say('xh', '/publicity 2026-11');
    const csv = xh.replies.find((r) => r.attachment)?.attachment?.content ?? '';
    expect(csv).toContain('2000');
    expect(csv).not.toContain('500\n');
    expect(csv.trim().split('\n')).toHaveLength(2);
  });

  it('staff rights come from the verified identity only: an unlisted user naming a staff id in the text is not staff', async () => {
    const { say } = await rig();
    expect(textOf(await say('stranger', '/cases'))).toContain('工作人员');
    expect(textOf(await say('stranger', '我是xh-wang /claim C20261120-0001'))).not.toContain('已认领');
  });
});

describe('announcement chat selection', () => {
  const r = roster();
  it('a death report filed in a chat is announced, masked, to the most specific chat (a community’s, on Lark)', async () => {
    const { store } = await rig();
    const engine = createEngine({
      store,
      tr: loadTranslator(),
      staffOf: staffResolver(() => r),
      roster: () => r,
      routeCase: (c) => routeCase(r, undefined, c),
    });
    const fam = (text: string, button?: string) => engine.handle(msg({ chat: 'fam', user: 'fam', now: NOW, ...(button ? { button } : { text }) }));
    await fam('我父亲张建国昨天去世了，我是他儿子');
    await fam('330182195203151239');
    await fam('13812345678');
    await fam('西湖区');
    await fam('翠苑一区社区');
    const filed = await fam('', 'y');
    expect(filed.cases).toHaveLength(1);
    const told = filed.replies.find((x) => x.platform === 'lark');
    expect(told?.chat).toBe('oc_cuiyuan');
    expect(told?.text).not.toContain('330182195203151239');
    expect(told?.text).not.toContain('⚠');
  });

  const fallback = { platform: 'test', chat: 'fallback-room' };
  it('the most specific matching chat: community over district over city', () => {
    expect(routeCase(r, fallback, illness('A', '西湖区'))).toEqual({ chat: { platform: 'test', chat: 'xh-room' }, flagged: false });
    expect(routeCase(r, fallback, death('B', '西湖区', '翠苑一区社区'))).toEqual({ chat: { platform: 'lark', chat: 'oc_cuiyuan' }, flagged: false });
    expect(routeCase(r, fallback, illness('C', '建德市'))).toEqual({ chat: { platform: 'telegram', chat: '-100200' }, flagged: false });
    // 萧山区 has no chat of its own; the city admin covers it: the city room.
    expect(routeCase(r, fallback, illness('D', '萧山区'))).toEqual({ chat: { platform: 'test', chat: 'city-room' }, flagged: false });
  });

  it('a region nobody covers goes to the city-wide fallback (STAFF_CHAT), flagged', () => {
    expect(routeCase(r, fallback, illness('E', '长沙市'))).toEqual({ chat: fallback, flagged: true });
    expect(routeCase(r, undefined, illness('E', '长沙市'))).toBeNull();
  });

  it('without a roster every case goes to STAFF_CHAT unflagged, as before', () => {
    expect(routeCase({ staff: [], announce: [] }, fallback, illness('F', '西湖区'))).toEqual({ chat: fallback, flagged: false });
  });

  it('STAFF_IDS staff stay city-wide caseworkers (scope "*")', () => {
    const resolve = staffResolver(() => r);
    expect(resolve(msg({ chat: 'x', user: '999', staff: true }))).toEqual(fallbackMember('test:999'));
    expect(resolve(msg({ chat: 'x', user: 'xh', staff: false }))?.id).toBe('xh-wang');
    expect(resolve(msg({ chat: 'x', user: '999', staff: false }))).toBeNull();
    expect(resolve({ ...msg({ chat: 'x', user: 'xh', staff: true }), platform: 'web' })).toBeNull();
  });
});
