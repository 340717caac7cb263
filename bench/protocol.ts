/**
 * What run.ts and the section processes share: the result line, and the names of temporary folders, so that run.ts
 * can remove every folder of its run even when a section was killed before its own clean-up ran.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How a section process (section.ts) hands its result to run.ts: one stdout line, this mark, then JSON. */
export const RESULT_MARK = 'BENCH_RESULT ';

/** run.ts sets it for its sections; temporary folders are named after it. */
export const RUN_ID_ENV = 'BENCH_RUN_ID';

function prefix(): string {
  return `yl-bench-${process.env[RUN_ID_ENV] ?? `solo${process.pid}`}-`;
}

/** A new temporary folder of this run (under the OS temp dir, or `base`, e.g. /dev/shm). */
export function tempDir(label: string, base: string = tmpdir()): string {
  return mkdtempSync(join(base, `${prefix()}${label}-`));
}

/** Removes every temporary folder of the run `runId` (in the OS temp dir and /dev/shm). */
export function removeRunDirs(runId: string): void {
  for (const base of [tmpdir(), '/dev/shm']) {
    let names: string[];
    try {
      names = readdirSync(base);
    } catch {
      continue;
    }
    for (const name of names) if (name.startsWith(`yl-bench-${runId}-`)) rmSync(join(base, name), { recursive: true, force: true });
  }
}
