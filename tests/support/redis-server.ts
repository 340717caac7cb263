import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/**
 * A real redis-server for the tests (never a mock): on a spare loopback port, with its own temporary directory,
 * AOF on and fsynced on every write, no RDB snapshots.
 *
 * When redis-server is not installed the Redis tests skip with a loud notice, except under CI (CI=true), where a
 * missing server fails the run. REDIS_SERVER names another binary.
 */

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** The server's working directory (the AOF lives here). */
  readonly dir: string;
  /** Stops the server for good and removes its directory. */
  stop(): Promise<void>;
  /**
   * Stops the server (SIGTERM: Redis flushes the AOF and exits; SIGKILL: a crash) and starts it again on the same
   * port and directory. `whileDown` runs while it is stopped, to test what clients do during an outage.
   */
  restart(whileDown?: () => Promise<void>, options?: { signal?: 'SIGTERM' | 'SIGKILL' }): Promise<void>;
}

const binary = process.env.REDIS_SERVER ?? 'redis-server';
const running = new Set<ChildProcess>();

// A test run that dies must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function installed(): boolean {
  const probe = spawnSync(binary, ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/** True when the server on `port` answers PING with PONG (not LOADING, not refused). */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let buffer = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('\r\n')) done(buffer.startsWith('+PONG'));
    });
  });
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer): void => {
    if (output.length < 20_000) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  child.once('exit', () => {
    exited = true;
    running.delete(child);
  });

  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`redis-server exited at start:\n${output}`);
    if (await pong(port)) return child;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output}`);
}

async function terminate(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startRedis(): Promise<RedisServer | null> {
  if (!installed()) {
    const banner = '!'.repeat(78);
    if (process.env.CI === 'true') {
      throw new Error(`\n${banner}\n!!! ${binary} is not installed, and CI=true: a missing Redis fails the run.\n${banner}\n`);
    }
    const message =
      `\n${banner}\n!!! ${binary} is not installed: the Redis store tests are SKIPPED.\n` +
      `!!! Install it (apt-get install redis-server) to run them; under CI a missing server fails the run.\n${banner}\n`;
    console.warn(message);
    return null;
  }

  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'yinling-redis-'));
  let child: ChildProcess | null = null;
  try {
    child = await launch(port, dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      if (child) await terminate(child);
      child = null;
      rmSync(dir, { recursive: true, force: true });
    },
    async restart(whileDown, options) {
      if (child) await terminate(child, options?.signal);
      child = null;
      try {
        if (whileDown) await whileDown();
      } finally {
        child = await launch(port, dir);
      }
    },
  };
}
