import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCare, type Proactive } from '../../src/care/index.ts';
import { loadTranslator } from '../../src/i18n/index.ts';
import type { Limits, Occurrence } from '../../src/scheduler/index.ts';
import { DEFAULT_QUIET } from '../../src/scheduler/quiet.ts';

export const tr = loadTranslator();

/** A fake clock and a care setup on SQLite (or Redis) whose sends are counted per key. */
export function careHarness(
  start: string,
  options: { redisUrl?: string; prefix?: string; send?: (o: Occurrence) => Promise<void>; limits?: Record<string, Limits> } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'yinling-care-'));
  let now = new Date(start);
  const sent: Occurrence[] = [];
  const proactive: Proactive = openCare({
    config: { DATA_DIR: dir, ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}) },
    tr,
    now: () => now,
    send: options.send ?? (async (o) => void sent.push(o)),
    quiet: DEFAULT_QUIET,
    festivalDaysBefore: 7,
    limits: options.limits ?? { '*': { perSecond: 100_000, perGroup: 1000, groupWindowMs: 1000 } },
    ...(options.prefix ? { prefix: options.prefix } : {}),
  });
  return {
    proactive,
    care: proactive.care,
    sent,
    dir,
    get now() {
      return now;
    },
    async tick(iso: string) {
      now = new Date(iso);
      return proactive.runDue(now);
    },
    async close() {
      await proactive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const user = (n: number | string) => ({ user: `jsonl:u${n}`, platform: 'jsonl', chat: `u${n}` });
