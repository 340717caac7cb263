/**
 * Start-up time to ready: `node --import tsx src/main.ts` with no chat platform, a temporary DATA_DIR and a free
 * port, timed from spawn until `GET /readyz` answers 200; then SIGTERM and wait for the exit. The compiled path
 * (`node dist/main.js`, what the Dockerfile runs) is measured too: from the tree's dist/ when it exists, otherwise
 * compiled into a temporary folder.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/support/free-port.ts';
import { tempDir } from './protocol.ts';
import { sleep } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 20_000;

/** Services being timed, for killStartupChildren() on Ctrl-C. */
const running = new Set<ChildProcess>();

export function killStartupChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export interface StartupRun {
  /** Spawn → first 200 from /readyz. */
  readonly readyMs: number;
  /** What the service logged as its own start-up (startService: config → store → NLU → HTTP listening). */
  readonly startupMsLogged: number | null;
  readonly trainingMsLogged: number | null;
  /** The service's RSS once ready, from /proc (Linux; null elsewhere). */
  readonly rssAtReady: number | null;
  /** SIGTERM → exit. */
  readonly stopMs: number;
  readonly exitCode: number | null;
}

export interface StartupResult {
  readonly command: string;
  readonly runs: readonly StartupRun[];
  readonly minMs: number;
  readonly medianMs: number;
  readonly error?: string;
  readonly warning?: string;
  /** The compiled path: how long tsc took (not part of the start-up). */
  readonly buildMs?: number;
}

function readyz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/readyz', method: 'GET', timeout: 1000, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** The environment of the child: this one without chat platforms, Redis or staff settings. */
function childEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(TELEGRAM_|LARK_|REDIS_URL|STAFF_|PORT$|DATA_DIR$|LOG_LEVEL$|NODE_OPTIONS$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
}

function rssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function once(args: readonly string[], cwd: string): Promise<StartupRun> {
  const port = await freePort();
  const dataDir = tempDir('start');
  try {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: childEnv(port, dataDir), stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 200_000) stderr += d.toString('utf8');
    });
    let exited = false;
    const exit = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => {
        exited = true;
        resolve(code);
      }),
    );
    let readyMs = NaN;
    while (performance.now() - t0 < READY_TIMEOUT_MS && !exited) {
      if ((await readyz(port)) === 200) {
        readyMs = performance.now() - t0;
        break;
      }
      await sleep(5);
    }
    const rssAtReady = rssOf(child.pid);
    const s = performance.now();
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const exitCode = await exit;
    clearTimeout(killer);
    const stopMs = performance.now() - s;
    if (!Number.isFinite(readyMs)) throw new Error(`not ready within ${READY_TIMEOUT_MS} ms (exit ${exitCode}):\n${stderr.slice(-2000)}`);
    let startupMsLogged: number | null = null;
    let trainingMsLogged: number | null = null;
    for (const line of stderr.split('\n')) {
      try {
        const rec = JSON.parse(line) as { startupMs?: number; nlu?: { trainingMs?: number } };
        if (typeof rec.startupMs === 'number') startupMsLogged = rec.startupMs;
        if (typeof rec.nlu?.trainingMs === 'number') trainingMsLogged = rec.nlu.trainingMs;
      } catch {
        // not a log record
      }
    }
    return { readyMs, startupMsLogged, trainingMsLogged, rssAtReady, stopMs, exitCode };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(command: string, args: readonly string[], repeats: number, cwd = ROOT): Promise<StartupResult> {
  const runs: StartupRun[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      process.stderr.write(`  · start-up: ${command} (${i + 1}/${repeats})\n`);
      runs.push(await once(args, cwd));
    }
  } catch (error) {
    return { command, runs, minMs: NaN, medianMs: NaN, error: error instanceof Error ? error.message : String(error) };
  }
  const sorted = runs.map((r) => r.readyMs).sort((a, b) => a - b);
  return { command, runs, minMs: sorted[0] ?? NaN, medianMs: sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN };
}

/**
 * The compiled service laid out as the Dockerfile does (dist/, dist/server/web, dist/console/console.css, intents/, locales/, node_modules/,
 * package.json side by side), in a temporary folder: `tsc -p tsconfig.build.json --outDir <tmp>/dist`, the rest
 * linked. The tree's own dist/ is never written.
 */
function buildCompiled(): { dir: string; buildMs: number; warning?: string } {
  const dir = tempDir('dist');
  const t = performance.now();
  let warning: string | undefined;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', join(dir, 'dist')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (error) {
    // tsc still emits JavaScript when the tree has type errors (someone mid-edit); measure it, with a note.
    if (!existsSync(join(dir, 'dist', 'main.js'))) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    warning = 'tsc reported errors in the tree; measured what it emitted';
  }
  const buildMs = performance.now() - t;
  for (const name of ['node_modules', 'intents', 'locales']) symlinkSync(join(ROOT, name), join(dir, name));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(join(ROOT, 'src', 'server', 'web'), join(dir, 'dist', 'server', 'web'), { recursive: true });
  copyFileSync(join(ROOT, 'src', 'console', 'console.css'), join(dir, 'dist', 'console', 'console.css'));
  return { dir, buildMs, ...(warning ? { warning } : {}) };
}

export async function runStartup(repeats = 3, compiled = true): Promise<StartupResult[]> {
  const out = [await measure('node --import tsx src/main.ts', ['--import', 'tsx', 'src/main.ts'], repeats)];
  if (existsSync(join(ROOT, 'dist', 'main.js'))) {
    out.push(await measure("node dist/main.js (the tree's dist/)", ['dist/main.js'], repeats));
  } else if (compiled) {
    process.stderr.write('  · start-up: compiling to a temporary dist/ (Docker layout)\n');
    let build: ReturnType<typeof buildCompiled> | null = null;
    try {
      build = buildCompiled();
      const r = await measure('node dist/main.js (compiled, Docker layout)', ['dist/main.js'], repeats, build.dir);
      out.push({ ...r, ...(build.warning ? { warning: build.warning } : {}), buildMs: build.buildMs });
    } catch (error) {
      out.push({
        command: 'node dist/main.js (compiled)',
        runs: [],
        minMs: NaN,
        medianMs: NaN,
        error: `build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      });
    } finally {
      if (build) rmSync(build.dir, { recursive: true, force: true });
    }
  }
  return out;
}
