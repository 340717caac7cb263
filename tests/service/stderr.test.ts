import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, stderrDestination } from '../../src/log.ts';
import { freePort } from '../support/free-port.ts';

/**
 * Logging must never keep the service from shutting down: with stderr a pipe that nobody reads (a log shipper that
 * stopped) or whose reader is gone (`npm start 2>&1 | head`), SIGTERM still ends the process with exit 0.
 * (Before the fix, pino's SonicBoom flushed synchronously on exit into the full pipe and the process hung forever.)
 */

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** Generous bound on how long a SIGTERM'd service may take to exit: a hang, not speed, is what is tested. */
const EXIT_BOUND_MS = 10_000;
/** Every bad request is logged (at debug) with its URL: a long query makes each line about 6 KB. */
const PAD = 'x'.repeat(6000);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

interface Running {
  readonly child: ChildProcess & { stderr: NonNullable<ChildProcess['stderr']> };
  readonly base: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` (tsx src/main.ts) at LOG_LEVEL=debug with stderr on a pipe; resolves once /readyz answers 200. */
async function startReal(): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'yinling-stderr-'));
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    // Without tsx's cache, tsx starts esbuild with our stderr, which makes the shared descriptor blocking again.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'debug', TSX_DISABLE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group, so that a hung service (tsx's child) can be killed as well
  }) as Running['child'];
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let early = '';
  const collect = (chunk: Buffer): void => {
    early += chunk.toString();
  };
  child.stderr.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`service did not become ready:\n${early}`);
    await sleep(50);
  }
  child.stderr.off('data', collect);
  return { child, base, exited };
}

/** Sends `count` malformed chat requests (each logged with its long URL); returns how many were answered 400. */
async function flood(base: string, count: number): Promise<number> {
  let answered = 0;
  for (let sent = 0; sent < count && answered === sent; sent += 25) {
    const batch = Array.from({ length: Math.min(25, count - sent) }, () =>
      fetch(`${base}/api/chat?pad=${PAD}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
        signal: AbortSignal.timeout(5000),
      }).then(
        (r) => {
          if (r.status === 400) answered++;
          return r.arrayBuffer();
        },
        () => undefined,
      ),
    );
    await Promise.all(batch);
  }
  return answered;
}

/** SIGTERM, then the exit within EXIT_BOUND_MS (or 'hung'). */
async function terminate(run: Running): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'hung'> {
  run.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), EXIT_BOUND_MS)));
  try {
    return await Promise.race([run.exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('service: stderr that is not being read', () => {
  it('exits 0 on SIGTERM when stderr is a full pipe nobody reads', { timeout: 60_000 }, async () => {
    const run = await startReal();
    run.child.stderr.pause(); // from here on nobody reads: the pipe fills up
    const requests = 600; // ≈ 3.6 MB of log lines, far more than a pipe holds
    const answered = await flood(run.base, requests);
    expect(answered).toBe(requests); // the service kept answering while its log was stuck

    const result = await terminate(run);
    expect(result).toEqual({ code: 0, signal: null });

    // Reading again now: far less than was logged came through, so the pipe really was full (and the rest dropped).
    let received = 0;
    run.child.stderr.on('data', (chunk: Buffer) => (received += chunk.length));
    run.child.stderr.resume();
    await Promise.race([new Promise((resolve) => run.child.stderr.once('close', resolve)), sleep(5000)]);
    expect(received).toBeLessThan(answered * PAD.length);
  });

  it('exits 0 on SIGTERM when the reader of stderr has gone away (EPIPE), without crashing before', { timeout: 60_000 }, async () => {
    const run = await startReal();
    run.child.stderr.destroy(); // the reader closes its end: every write now fails with EPIPE
    const requests = 200;
    expect(await flood(run.base, requests)).toBe(requests); // still alive and answering
    expect(run.child.exitCode).toBeNull();

    const result = await terminate(run);
    expect(result).toEqual({ code: 0, signal: null });
  });
});

/** A stream whose writes complete only when `release()` is called: a pipe whose reader stopped. */
function stuckStream(): { stream: Writable; release(): void; written: string[] } {
  const pending: (() => void)[] = [];
  const written: string[] = [];
  let stuck = true;
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      written.push(chunk.toString());
      if (stuck) pending.push(() => done());
      else done();
    },
  });
  return {
    stream,
    written,
    release() {
      stuck = false;
      while (pending.length > 0) pending.shift()?.();
    },
  };
}

describe('stderr log destination', () => {
  it('holds a bounded amount while the reader is stuck, drops the rest, and says how many it dropped', async () => {
    const { stream, release, written } = stuckStream();
    const destination = stderrDestination({ stream, maxPendingBytes: 64 * 1024 });
    const logger = createLogger({ level: 'info', destination });
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 1000; i++) logger.info({ i }, line);
    expect(stream.writableLength).toBeLessThanOrEqual(64 * 1024);
    expect(destination.dropped).toBeGreaterThan(900);

    release();
    const flushed = new Promise<void>((resolve) => logger.flush(() => resolve()));
    await flushed;
    expect(stream.writableLength).toBe(0);
    const notice = written.map((l) => JSON.parse(l) as { msg: string; dropped?: number }).find((r) => r.dropped !== undefined);
    expect(notice?.dropped).toBe(destination.dropped);
    expect(notice?.msg).toMatch(/log lines dropped/);
  });

  it('a broken pipe (EPIPE) stops logging instead of crashing, and flush still returns', async () => {
    const stream = new Writable({
      write(_chunk, _enc, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const destination = stderrDestination({ stream });
    const logger = createLogger({ level: 'info', destination });
    logger.info('first');
    await sleep(10); // the error is emitted asynchronously
    expect(() => logger.error('after the reader left')).not.toThrow();
    expect(destination.dropped).toBeGreaterThanOrEqual(1);
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
  });

  it('still masks personal data', () => {
    const { stream, release, written } = stuckStream();
    release();
    const logger = createLogger({ level: 'info', destination: stderrDestination({ stream }) });
    logger.info({ phone: '13812345678' }, 'call 13812345678');
    expect(written.join('')).not.toContain('13812345678');
  });
});
