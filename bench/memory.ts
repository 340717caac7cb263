/**
 * Memory with many live sessions: a process holding the engine on the embedded store, 10,000 distinct chats each sent
 * one message that leaves a dialog waiting for an answer. RSS after a full GC (run with --expose-gc), before and after.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openStore, SQLITE_FILE } from '../src/store/index.ts';
import { makeEngine } from './pipeline.ts';
import { tempDir } from './protocol.ts';
import { NOW_BASE } from './workload.ts';

export interface MemorySnapshot {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

export interface MemoryResult {
  readonly sessionsWanted: number;
  /** Rows in the sessions table afterwards (each one a dialog waiting for an answer). */
  readonly sessionsStored: number;
  readonly gcAvailable: boolean;
  /** Engine built, NLU trained, store open, no session yet. */
  readonly baseline: MemorySnapshot;
  readonly withSessions: MemorySnapshot;
  /** Peak RSS of the whole run (getrusage maxrss). */
  readonly maxRss: number;
  readonly seconds: number;
  readonly dbBytes: number;
  /** An empty node process and one with the tsx loader, for comparison. */
  readonly emptyProcess: { node: number; tsx: number } | null;
}

/** Messages that each start a dialog and leave it waiting (for a region, a name, an amount…). */
const OPENERS = [
  '自付一万二能拿多少大病慰问',
  '大病慰问能拿多少',
  '我在杭州市内搬家了，管理关系怎么转',
  '住院慰问多少钱',
  '我父亲昨天去世了',
  '体检报销怎么弄',
];

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

function snapshot(): MemorySnapshot {
  collect();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** RSS of an empty node process, and with the tsx loader (what running from .ts costs over the compiled dist/). */
export function loaderOverhead(): { node: number; tsx: number } | null {
  const rss = (flags: string[]): number => {
    const out = execFileSync(process.execPath, [...flags, '--expose-gc', '-e', 'gc(); process.stdout.write(String(process.memoryUsage().rss))'], {
      encoding: 'utf8',
    });
    return Number(out.trim());
  };
  try {
    return { node: rss([]), tsx: rss(['--import', 'tsx']) };
  } catch {
    return null;
  }
}

export async function runMemory(sessions = 10_000): Promise<MemoryResult> {
  const dir = tempDir('mem');
  try {
    const file = join(dir, 'data', SQLITE_FILE);
    const store = await openStore({ DATA_DIR: join(dir, 'data') });
    const { engine } = makeEngine(store);
    // One message through the whole pipeline first, so the baseline includes loaded code and compiled statements.
    await engine.handle({ platform: 'bench', chat: 'warm', user: 'warm', text: '你好', group: false, mention: false, staff: false, now: new Date(NOW_BASE) });
    const baseline = snapshot();
    process.stderr.write(`  · memory: ${sessions} chats, one dialog-opening message each\n`);
    const t0 = performance.now();
    const concurrency = 16;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < sessions) {
        const i = next++;
        await engine.handle({
          platform: 'bench',
          chat: `m${i}`,
          user: `m${i}`,
          text: OPENERS[i % OPENERS.length] as string,
          group: false,
          mention: false,
          staff: false,
          messageId: String(i),
          now: new Date(NOW_BASE + i),
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const withSessions = snapshot();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const db = new Database(file, { readonly: true });
    const stored = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    await store.close();
    return {
      sessionsWanted: sessions,
      sessionsStored: stored,
      gcAvailable: typeof (globalThis as { gc?: unknown }).gc === 'function',
      baseline,
      withSessions,
      maxRss,
      seconds,
      dbBytes: pages * pageSize,
      emptyProcess: loaderOverhead(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
