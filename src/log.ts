import { hostname } from 'node:os';
import type { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskText, PERSONAL_KEYS } from './privacy/mask.ts';

/** Paths pino censors outright: personal fields at the top level and one level down (e.g. `case.phone`). */
const REDACT = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]);

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  // An error's message and stack may quote user input: they are masked like any other text.
  if (value instanceof Error) {
    const masked: Record<string, unknown> = { type: value.name, message: maskText(value.message) };
    if (value.stack) masked.stack = maskText(value.stack);
    if ('code' in value) masked.code = (value as { code?: unknown }).code;
    return masked;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/** Most log bytes held in memory while stderr is not being read; past that, lines are dropped and counted. */
const MAX_PENDING_BYTES = 1024 * 1024;
/**
 * Largest piece handed to the OS at once. A pipe reports itself writable when it has room for this much (PIPE_BUF), so
 * even on a descriptor someone made blocking again (below) a piece never waits for the reader.
 */
const CHUNK_BYTES = 4096;

/** A log destination that can be flushed (pino's `logger.flush(cb)` calls it). */
export interface FlushableDestination extends DestinationStream {
  /** Calls back once everything accepted so far has been handed to the OS, or once the stream is broken. */
  flush(cb: (error?: Error) => void): void;
  /** Lines dropped so far because the reader fell behind (pipe full) or went away (EPIPE). */
  readonly dropped: number;
}

type StreamHandle = { setBlocking?: (blocking: boolean) => number };

/**
 * The service's stderr as a log destination that never blocks the event loop.
 *
 * Why: `pino.destination(2)` (SonicBoom) writes fd 2 with `fs.write` on libuv's thread pool and, on exit, flushes with
 * `fs.writeSync`. When stderr is a pipe or socket that nobody reads (a log shipper that stopped, `| head` gone), fd 2
 * is blocking, so that exit flush waits forever (and a pool thread stuck in `write` cannot be joined at exit either):
 * SIGTERM's `process.exit()` never returns. Here the lines go through `process.stderr`, which for a pipe or socket is
 * a non-blocking libuv stream; a file or a terminal is written synchronously, as before.
 *
 * Lines wait in a bounded queue of ours (`maxPendingBytes`; beyond it they are dropped, and a notice saying how many is
 * written once the reader catches up). libuv is given one small piece at a time, and only when it holds nothing, with
 * fd 2 set non-blocking again first: a process spawned with our stderr (tsx starts esbuild that way) makes the shared
 * descriptor blocking. A broken pipe (EPIPE) or any other write error stops logging instead of crashing the process.
 */
export function stderrDestination(options: { stream?: Writable; maxPendingBytes?: number } = {}): FlushableDestination {
  const stream = options.stream ?? process.stderr;
  const maxPending = options.maxPendingBytes ?? MAX_PENDING_BYTES;
  // A pipe or socket (not a terminal: Node keeps those blocking on purpose).
  const handle = (stream as unknown as { _handle?: StreamHandle; isTTY?: boolean }).isTTY
    ? undefined
    : (stream as unknown as { _handle?: StreamHandle })._handle;
  const queue: Buffer[] = [];
  let queued = 0;
  let broken = false;
  let dropped = 0;
  let unreported = 0;

  // Unhandled, an EPIPE (or EIO…) on stderr would become an uncaught exception.
  stream.on('error', () => {
    broken = true;
    queue.length = 0;
    queued = 0;
  });
  const usable = (): boolean => !broken && !stream.destroyed && !stream.writableEnded;

  /** Hands libuv the next piece whenever it holds nothing; called on every write and on every piece written. */
  const pump = (): void => {
    while (queue.length > 0 && usable() && stream.writableLength === 0) {
      const head = queue[0] as Buffer;
      const piece = head.length > CHUNK_BYTES ? head.subarray(0, CHUNK_BYTES) : head;
      if (piece === head) queue.shift();
      else queue[0] = head.subarray(CHUNK_BYTES);
      queued -= piece.length;
      try {
        handle?.setBlocking?.(false);
      } catch {
        // Not a libuv stream after all: it writes however it writes.
      }
      // Written right away (the usual case), the loop goes on; otherwise libuv holds the piece until the reader reads.
      stream.write(piece, pump);
    }
  };
  const enqueue = (text: string): void => {
    const buf = Buffer.from(text);
    queue.push(buf);
    queued += buf.length;
  };
  const reportDropped = (): void => {
    if (unreported === 0) return;
    enqueue(
      `${JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, hostname: hostname(), dropped: unreported, msg: `${unreported} log lines dropped: stderr was not being read` })}\n`,
    );
    unreported = 0;
  };

  return {
    get dropped() {
      return dropped;
    },
    write(line: string): void {
      const size = Buffer.byteLength(line);
      if (!usable() || queued + stream.writableLength + size > maxPending) {
        dropped++;
        unreported++;
        return;
      }
      reportDropped();
      enqueue(line);
      pump();
    },
    flush(cb: (error?: Error) => void): void {
      if (usable()) {
        reportDropped();
        pump();
      }
      const check = (): void => {
        if (!usable() || (queued === 0 && stream.writableLength === 0)) cb();
        else setTimeout(check, 10).unref();
      };
      check();
    },
  };
}

/** Calls back once `stream` has nothing waiting to be written (or can no longer write). Polls; never keeps the process alive. */
function whenWritten(stream: Writable, cb: () => void): void {
  const check = (): void => {
    if (stream.destroyed || stream.writableEnded || stream.writableLength === 0) cb();
    else setTimeout(check, 10).unref();
  };
  check();
}

let stderrDest: FlushableDestination | null = null;
/** One destination per process: `process.stderr` is shared, and its error listener is installed once. */
function sharedStderr(): FlushableDestination {
  stderrDest ??= stderrDestination();
  return stderrDest;
}

/**
 * Waits (at most `timeoutMs`) until the logger's lines and anything else written to stderr have been handed to the OS;
 * call before `process.exit()`. Never waits longer: a reader that stopped reading must not hold up the exit.
 */
export function flushLogs(logger: Logger | null, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const flushStderr = (): void => whenWritten(process.stderr, finish);
    try {
      if (logger) logger.flush(flushStderr);
      else flushStderr();
    } catch {
      finish();
    }
  });
}

/**
 * The one logger. Personal fields are censored by key, and any ID number, phone or bank card inside other
 * strings (a user's message, an error text) is masked before it is written.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { log: (record) => maskDeep(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? sharedStderr(),
  );
}
