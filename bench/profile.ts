/**
 * CPU profiles for `npm run bench -- --profile`: a section wraps a phase in `profiled()` (the V8 sampling profiler
 * through node:inspector, so only that phase is recorded), and run.ts summarises the .cpuprofile files into the
 * top cost centres — self time per function and per area (src/nlu, src/store, ioredis, GC…).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** Where sections write profiles; unset = no profiling. */
export const PROFILE_DIR_ENV = 'BENCH_PROFILE_DIR';

export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env[PROFILE_DIR_ENV];
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface CostCentre {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly profile: string;
  readonly totalMs: number;
  /** Self time, idle excluded from the shares. */
  readonly busyMs: number;
  readonly functions: readonly CostCentre[];
  readonly areas: readonly CostCentre[];
  /** Inclusive time of the project's main stages (a sample counts for every stage on its stack). */
  readonly stages: readonly CostCentre[];
}

function shortUrl(url: string): string {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) return clean.slice(nm + '/node_modules/'.length);
  const src = clean.indexOf('/src/');
  if (src >= 0) return clean.slice(src + 1);
  const bench = clean.indexOf('/bench/');
  if (bench >= 0) return clean.slice(bench + 1);
  return clean;
}

/** A coarse place for a frame: a project folder, an npm package, node internals, or V8's own entries. */
function areaOf(frame: CallFrame): string {
  const name = frame.functionName;
  if (!frame.url) {
    if (name === '(garbage collector)' || name === '(idle)' || name === '(program)' || name === '(root)') return name;
    return '(native / V8 builtins)';
  }
  const url = shortUrl(frame.url);
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(url);
  if (frame.url.includes('/node_modules/') && pkg) return `npm: ${pkg[1]}`;
  const folder = /^(src\/[^/]+|bench)\//.exec(url);
  if (folder) return folder[1] as string;
  if (url.startsWith('src/')) return 'src';
  return url;
}

/** Stages whose inclusive time is worth knowing: a frame matching the test is "inside" that stage. */
const STAGES: readonly (readonly [string, (f: CallFrame) => boolean])[] = [
  ['understand() (NLU)', (f) => f.functionName === 'understand' && f.url.includes('/src/nlu/')],
  ['classify()', (f) => f.functionName === 'classify' && f.url.includes('/src/nlu/')],
  ['extractSlots()', (f) => f.functionName === 'extractSlots'],
  ['normalize()', (f) => f.functionName === 'normalize' && f.url.includes('/src/nlu/')],
  ['store calls (src/store)', (f) => f.url.includes('/src/store/')],
  ['ioredis', (f) => f.url.includes('/node_modules/ioredis/') || f.url.includes('/node_modules/redis-parser/')],
  ['better-sqlite3', (f) => f.url.includes('/node_modules/better-sqlite3/')],
  ['rules (src/rules)', (f) => f.url.includes('/src/rules/')],
  ['translator (fluent)', (f) => f.url.includes('/node_modules/@fluent/')],
  ['JSON.parse / stringify', (f) => f.functionName === 'parse' || f.functionName === 'stringify'],
];

export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // The delta before sample i+1 is the time spent in sample i.
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const id = samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  const stages = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    total += ms;
    const f = node.callFrame;
    if (f.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const url = shortUrl(f.url);
    // Line numbers are left out: under tsx they point into the transformed code, not the .ts file.
    const key = `${f.functionName || '(anonymous)'}${url ? ` (${url})` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    const area = areaOf(f);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    // Inclusive stage time: walk up the stack once per stage.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame;
      if (!frame) break;
      for (const [stage, test] of STAGES) {
        if (!seen.has(stage) && test(frame)) {
          seen.add(stage);
          stages.set(stage, (stages.get(stage) ?? 0) + ms);
        }
      }
    }
  }
  const busy = total - idle;
  const rank = (m: Map<string, number>, n: number): CostCentre[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms, share: busy > 0 ? ms / busy : 0 }));
  return {
    profile: file.split('/').pop() ?? file,
    totalMs: total,
    busyMs: busy,
    functions: rank(functions, top),
    areas: rank(areas, top),
    stages: rank(stages, STAGES.length),
  };
}

export function summarizeProfiles(dir: string): ProfileSummary[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .map((f) => summarizeProfile(join(dir, f)));
}
