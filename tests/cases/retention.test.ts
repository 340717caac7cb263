/**
 * Retention with a fake clock, on the store the service opens (personal data sealed; SQLite, and Redis when
 * installed): the personal fields of a closed case are kept through day N (RETENTION_DAYS after the day it was
 * closed) and erased on day N+1; type, region, dates, amounts and history stay; the erasure is audited; the daily job
 * runs once a day, also across restarts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCase, RETENTION_RECORD, retentionNote, runRetention, runRetentionIfDue, startRetention } from '../../src/cases/index.ts';
import { openStore, type SealedStore, type Store } from '../../src/store/index.ts';
import { DEATH_REPORT_FIELDS } from '../support/cases.ts';
import { startRedis } from '../support/redis-server.ts';

const server = await startRedis();
const dirs: string[] = [];
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const at = (iso: string) => new Date(iso);
const DAYS = 365;
const CLOSED = at('2026-11-21T10:00:00+08:00');
const DEATH = DEATH_REPORT_FIELDS;
const ILLNESS = {
  region: '拱墅区',
  year: 2026,
  selfPay: '20000',
  ceiling: '2000',
  citation: '杭人社发〔2024〕1号 三(一)4',
  applicantName: '王秀英',
  gender: '女',
  age: 78,
} as const;

const backends = [
  { name: 'sqlite', skip: false, dataKey: undefined as string | undefined },
  { name: 'redis', skip: server === null, dataKey: randomBytes(32).toString('base64') },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`retention: ${backend.name}`, () => {
    /** A store of its own for each test; `open` opens it again (a restart). */
    let config: { DATA_DIR: string; REDIS_URL?: string | undefined; DATA_KEY?: string };
    let prefix: string;
    beforeEach(() => {
      const dir = mkdtempSync(join(tmpdir(), 'yl-retention-'));
      dirs.push(dir);
      prefix = `r:${randomBytes(4).toString('hex')}:`;
      config = { DATA_DIR: dir, ...(backend.dataKey ? { REDIS_URL: server?.url, DATA_KEY: backend.dataKey } : {}) };
    });
    const open = async (): Promise<SealedStore> => {
      const store = await openStore(config, { redisPrefix: prefix });
      cleanups.push(() => store.close());
      return store;
    };

    async function closedCases(store: Store) {
      const death = await openCase(store, { type: 'death_report', chat: 'c1', user: 'test:u1', fields: DEATH, now: CLOSED });
      const illness = await openCase(store, { type: 'serious_illness_application', chat: 'c2', user: 'test:u2', fields: ILLNESS, now: CLOSED });
      const open = await openCase(store, { type: 'death_report', chat: 'c3', user: 'test:u3', fields: { ...DEATH, deceasedName: '李四' }, now: CLOSED });
      if (!death.ok || !illness.ok || !open.ok) throw new Error('fixtures invalid');
      await store.updateCase(death.value.id, { status: 'resolved', event: { at: CLOSED.getTime(), by: 'test:s', action: 'resolved', note: '已办' } });
      await store.updateCase(illness.value.id, {
        status: 'rejected',
        event: { at: CLOSED.getTime() + 3_600_000, by: 'test:s', action: 'rejected', note: '材料不全' },
      });
      return { death: death.value.id, illness: illness.value.id, open: open.value.id };
    }

    it('keeps the personal fields through day N and erases them on day N+1, keeping what statistics need', async () => {
      const store = await open();
      const ids = await closedCases(store);
      // Day N: 2027-11-21 (365 days after 2026-11-21), to its last minute.
      expect(await runRetention(store, at('2027-11-21T23:59:59+08:00'), DAYS)).toEqual({ erased: [], failed: [] });
      expect((await store.getCase(ids.death))?.fields.idNumber).toBe(DEATH.idNumber);
      // Day N+1.
      const result = await runRetention(store, at('2027-11-22T00:00:00+08:00'), DAYS);
      expect([...result.erased].sort()).toEqual([ids.death, ids.illness].sort());

      const death = await store.getCase(ids.death);
      expect(death?.fields).toEqual({ dateOfDeath: '2026-11-20', relation: '父亲', region: '西湖区', deadline: null });
      expect(death?.type).toBe('death_report');
      expect(death?.status).toBe('resolved');
      expect(death?.createdAt).toBe(CLOSED.getTime());
      expect(death?.history.map((e) => [e.action, e.note])).toEqual([
        ['opened', undefined],
        ['resolved', '已办'],
        ['noted', retentionNote(DAYS)],
      ]);
      const illness = await store.getCase(ids.illness);
      expect(illness?.fields).toEqual({ region: '拱墅区', year: 2026, selfPay: '20000', ceiling: '2000', citation: ILLNESS.citation, gender: '女', age: 78 });
      // An open case is never erased, however old.
      expect((await store.getCase(ids.open))?.fields.deceasedName).toBe('李四');

      const erased = (await store.listAudit({ caseId: ids.death })).at(-1);
      expect(erased).toMatchObject({ action: 'erased', by: 'retention', fields: ['deceasedName', 'idNumber', 'reporterPhone', 'community'], chat: null });
      // Once erased, later runs leave it alone.
      expect((await runRetention(store, at('2028-01-01T00:00:00+08:00'), DAYS)).erased).toEqual([]);
    });

    it('runs once a Shanghai day, remembering the last run in the store across a restart', async () => {
      let store = await open();
      const ids = await closedCases(store);
      const day1 = at('2027-11-21T08:00:00+08:00');
      expect(await runRetentionIfDue(store, day1, DAYS)).toEqual({ ran: true, erased: [], failed: [] });
      expect(await runRetentionIfDue(store, at('2027-11-21T23:00:00+08:00'), DAYS)).toEqual({ ran: false });
      expect(await store.getProfile(RETENTION_RECORD)).toMatchObject({ lastDay: '2027-11-21' });
      await store.close();
      store = await open();
      expect(await runRetentionIfDue(store, at('2027-11-21T23:30:00+08:00'), DAYS)).toEqual({ ran: false });
      const next = await runRetentionIfDue(store, at('2027-11-22T00:30:00+08:00'), DAYS);
      expect(next.ran && [...next.erased].sort()).toEqual([ids.death, ids.illness].sort());
    });

    it('the daily timer runs the job at start when it is due, and again when a new day begins', async () => {
      const store = await open();
      const ids = await closedCases(store);
      let now = at('2027-11-22T09:00:00+08:00');
      const runs: string[][] = [];
      const timer = startRetention({ store, days: DAYS, now: () => now, everyMs: 20, onRun: (r) => runs.push([...r.erased]) });
      await timer.first;
      expect(runs.map((r) => r.sort())).toEqual([[ids.death, ids.illness].sort()]);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(runs).toHaveLength(1); // the same day: not again
      now = at('2027-11-23T00:01:00+08:00');
      await new Promise((resolve) => setTimeout(resolve, 80));
      await timer.stop();
      expect(runs).toHaveLength(2);
      expect(runs[1]).toEqual([]);
    });
  });
}
