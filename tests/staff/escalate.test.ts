/**
 * Escalation: an open case past its due is told once to the admins of its scope (their private chats), recorded in
 * its history so it never repeats — across a restart too; a case no admin covers goes to STAFF_CHAT; a closed case,
 * or one still within its due, is left alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTranslator } from '../../src/i18n/index.ts';
import { escalateOverdue } from '../../src/staff/index.ts';
import { openStore } from '../../src/store/index.ts';
import { death, illness, roster, seed, T0 } from './fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const DAY = 86_400_000;

describe('escalateOverdue', () => {
  it('escalates each overdue case once to the admins of its scope, and never again after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-esc-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let store = await openStore({ DATA_DIR: dir });
    const r = roster();
    const deps = () => ({ store, tr: loadTranslator(), roster: () => r, fallback: { platform: 'test', chat: 'fallback-room' } });
    await seed(store, [
      // due T0 + 1 day: overdue at T0 + 2 days
      death('C20261120-0001', '西湖区', '翠苑一区社区'),
      // due T0 + 5 days: not yet
      illness('C20261120-0002', '建德市'),
      // 长沙市: no admin covers it → STAFF_CHAT
      death('C20261120-0003', '长沙市', '某社区'),
      // overdue but already decided
      death('C20261120-0004', '西湖区', 'x', { status: 'resolved' }),
    ]);
    const first = await escalateOverdue(deps(), new Date(T0 + 2 * DAY));
    const where = (id: string) => first.filter((p) => p.text.includes(id)).map((p) => `${p.platform}:${p.chat}`);
    expect(where('C20261120-0001')).toEqual(['test:admin', 'cli:admin']);
    expect(where('C20261120-0003')).toEqual(['test:fallback-room']);
    expect(first).toHaveLength(3);
    const toAdmin = first.find((p) => p.chat === 'admin');
    expect(toAdmin?.text).toContain('超期');
    expect(toAdmin?.text).not.toContain('李秀英');
    expect(toAdmin?.buttons?.[0]?.payload).toBe('k:view:C20261120-0001');
    expect(await escalateOverdue(deps(), new Date(T0 + 2 * DAY + 60_000))).toEqual([]);

    await store.close();
    store = await openStore({ DATA_DIR: dir });
    cleanups.push(() => store.close());
    expect(await escalateOverdue(deps(), new Date(T0 + 3 * DAY))).toEqual([]);
    const c = await store.getCase('C20261120-0001');
    expect(c?.history.filter((e) => e.action === 'escalated')).toHaveLength(1);
    expect((await store.listAudit({ caseId: 'C20261120-0001' })).map((e) => e.action)).toContain('escalated');

    // The 建德市 case comes due later: escalated then, once.
    const later = await escalateOverdue(deps(), new Date(T0 + 6 * DAY));
    expect(later.map((p) => p.text.slice(0, 30))).toHaveLength(2);
    expect(later.every((p) => p.text.includes('C20261120-0002'))).toBe(true);
    expect(await escalateOverdue(deps(), new Date(T0 + 7 * DAY))).toEqual([]);
  });
});
