/**
 * What the bot could not answer: out-of-scope questions and hand-offs are kept (personal numbers masked) and the
 * month's statistics group them with counts for the staff whose scope they concern.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { monthStats } from '../../src/console/index.ts';
import { fallbackMember } from '../../src/staff/index.ts';
import { openStore, type SealedStore } from '../../src/store/index.ts';
import { engineOn, msg } from '../reliability/support.ts';
import { illness, roster, seed, T0 } from './fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe('unanswered questions and monthly statistics', () => {
  it('keeps out-of-scope questions and hand-offs masked, grouped with counts; staff lines are not kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-unans-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const store: SealedStore = await openStore({ DATA_DIR: dir });
    cleanups.push(() => store.close());
    const engine = engineOn(store);
    const now = new Date(T0);
    for (const user of ['a', 'b']) {
      const out = await engine.handle(msg({ chat: user, user, text: '今天天气怎么样', now }));
      expect(out.intent).toBe('out_of_scope');
    }
    await engine.handle(msg({ chat: 'c', user: 'c', text: '帮我查下13812345678这个号码是谁', now }));
    await engine.handle(msg({ chat: 'd', user: 'd', text: '我要转人工', now }));
    await engine.handle(msg({ chat: 's', user: 's', text: '今天天气怎么样', staff: true, now }));
    const kept = await store.listUnanswered(T0 - 1, T0 + 1);
    expect(kept.some((u) => u.text.includes('13812345678'))).toBe(false);
    const stats = await monthStats(store, fallbackMember('test:boss'), '2026-11', new Date(T0 + 3600_000));
    const weather = stats.unanswered.find((u) => u.text === '今天天气怎么样');
    expect(weather).toEqual({ kind: 'out_of_scope', text: '今天天气怎么样', count: 2 });
    expect(stats.unanswered.some((u) => u.kind === 'handoff')).toBe(true);
    // A district caseworker sees only the questions of their region (these named none).
    const xh = roster().staff.find((m) => m.id === 'xh-wang');
    if (!xh) throw new Error('fixture');
    expect((await monthStats(store, xh, '2026-11', new Date(T0))).unanswered).toEqual([]);
  });

  it('cases by type and region, median time to resolve, overdue count, per scope', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-stats-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const store: SealedStore = await openStore({ DATA_DIR: dir });
    cleanups.push(() => store.close());
    const H = 3_600_000;
    await seed(store, [
      illness('C20261120-0001', '西湖区', {
        status: 'resolved',
        history: [
          { at: T0, by: 'u', action: 'opened' },
          { at: T0 + 2 * H, by: 'xh-wang', action: 'resolved' },
        ],
      }),
      illness('C20261120-0002', '西湖区', {
        status: 'resolved',
        history: [
          { at: T0, by: 'u', action: 'opened' },
          { at: T0 + 10 * H, by: 'xh-wang', action: 'resolved' },
        ],
      }),
      illness('C20261120-0003', '西湖区', { dueAt: T0 + H }),
      illness('C20261120-0004', '建德市'),
    ]);
    const xh = roster().staff.find((m) => m.id === 'xh-wang');
    if (!xh) throw new Error('fixture');
    const s = await monthStats(store, xh, '2026-11', new Date(T0 + 24 * H));
    expect(s).toMatchObject({ opened: 3, resolved: 2, medianHours: 6, overdue: 1, byRegion: [['西湖区', 3]], byType: [['serious_illness_application', 3]] });
  });
});
