/**
 * The service runs the retention job at start when it is due (and daily after): with the service's clock on day N a
 * closed case keeps its personal data; restarted on day N+1, it loses it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openCase } from '../../src/cases/index.ts';
import { startService } from '../../src/service.ts';
import { openStore } from '../../src/store/index.ts';
import { DEATH_REPORT_FIELDS } from '../support/cases.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const CLOSED = new Date('2026-11-21T10:00:00+08:00');

describe('service: retention', () => {
  it('erases on day N+1 at start-up, not on day N (RETENTION_DAYS=30)', { timeout: 20_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-svc-retention-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const seed = await openStore({ DATA_DIR: dir });
    const opened = await openCase(seed, {
      type: 'inquiry',
      chat: 'c',
      user: 'test:u',
      fields: { topic: 'handoff', reason: 'handoff', region: null },
      now: CLOSED,
    });
    const death = await openCase(seed, {
      type: 'death_report',
      chat: 'c',
      user: 'test:u',
      fields: DEATH_REPORT_FIELDS,
      now: CLOSED,
    });
    if (!opened.ok || !death.ok) throw new Error('fixtures');
    await seed.updateCase(death.value.id, { status: 'resolved', event: { at: CLOSED.getTime(), by: 'test:s', action: 'resolved', note: '已办' } });
    await seed.close();

    const startOn = async (iso: string) => {
      const service = await startService(
        { DATA_DIR: dir, RETENTION_DAYS: '30' },
        { port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), now: () => new Date(iso) },
      );
      // The job runs in the background right after start; give it a moment, then look.
      for (let i = 0; i < 40; i++) {
        if (await service.store.getProfile('yinling:retention')) break;
        await sleep(25);
      }
      const fields = (await service.store.getCase(death.value.id))?.fields;
      await service.close();
      return fields;
    };
    expect(await startOn('2026-12-21T23:00:00+08:00')).toMatchObject({ idNumber: '330182195203151239' });
    const after = await startOn('2026-12-22T00:10:00+08:00');
    expect(after).not.toHaveProperty('idNumber');
    expect(after).toMatchObject({ region: '西湖区', dateOfDeath: '2026-11-20' });
  });
});
