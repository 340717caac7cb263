import { Worker } from 'node:worker_threads';

/**
 * Runs SQLite WAL checkpoints on a worker thread with its own connection, every `everyMs`, and the fsyncs that make
 * case writes durable on another. A checkpoint fsyncs the database file; done inline (SQLite's auto-checkpoint) it
 * would stall whichever message's write triggered it, and with it every chat behind that message on the one main
 * thread. PASSIVE never blocks the writer.
 */
export interface Checkpointer {
  /** Resolves once everything committed so far is on disk (the -wal file fsynced), without blocking this thread. */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

// Plain CommonJS evaluated in the workers: no file to resolve, so it works the same under tsx and from dist/.
// Two workers, so that a case's fsync never waits behind a checkpoint (which writes and fsyncs the database file
// and can take tens of milliseconds): one checkpoints on a timer, the other only fsyncs the -wal file on request.
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); try { db.close(); } catch {} parentPort.close(); });
`;

const SYNC_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const fsyncWal = () => {
  const fd = fs.openSync(workerData.file + '-wal', 'r+');
  try { fs.fdatasyncSync(fd); } finally { fs.closeSync(fd); }
};
parentPort.on('message', (m) => {
  if (m && m.op === 'sync') {
    let error = null;
    try { fsyncWal(); } catch (e) { error = String(e && e.message || e); }
    parentPort.postMessage({ id: m.id, error });
    return;
  }
  parentPort.close();
});
`;

type Waiter = { resolve: () => void; reject: (error: Error) => void };

export function startCheckpointer(file: string, everyMs = 200): Checkpointer {
  const checkpoints = new Worker(CHECKPOINT_WORKER, { eval: true, workerData: { file, everyMs } });
  const worker = new Worker(SYNC_WORKER, { eval: true, workerData: { file } });
  // The workers must never keep the process alive, nor take it down.
  checkpoints.unref();
  checkpoints.on('error', () => {
    // Checkpoints are housekeeping: without them the -wal file grows until the next open; the store still works.
  });
  worker.unref();
  let alive = true;
  let next = 0;
  /** Callers covered by the fsync under way (by its id), and callers waiting for the next one. */
  const covered = new Map<number, Waiter[]>();
  let queued: Waiter[] = [];

  // Callers who ask while an fsync runs share the next one: a burst of cases costs two fsyncs, not one each.
  const flush = () => {
    if (!alive || covered.size > 0 || queued.length === 0) return;
    const id = next++;
    covered.set(id, queued);
    queued = [];
    // A pending sync keeps the process alive: a case is not reported written before it is on disk.
    worker.ref();
    worker.postMessage({ op: 'sync', id });
  };
  const failAll = (error: Error) => {
    alive = false;
    for (const waiters of covered.values()) for (const w of waiters) w.reject(error);
    for (const w of queued) w.reject(error);
    covered.clear();
    queued = [];
  };
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(new Error('checkpoint worker exited')));
  worker.on('message', (m: { id: number; error: string | null }) => {
    const waiters = covered.get(m.id) ?? [];
    covered.delete(m.id);
    for (const w of waiters) {
      if (m.error) w.reject(new Error(m.error));
      else w.resolve();
    }
    if (queued.length === 0) worker.unref();
    flush();
  });

  let stopped: Promise<void> | undefined;
  return {
    sync() {
      if (!alive) return Promise.reject(new Error('checkpoint worker is not running'));
      return new Promise<void>((resolve, reject) => {
        queued.push({ resolve, reject });
        flush();
      });
    },
    stop() {
      stopped ??= Promise.all([stopWorker(checkpoints), stopWorker(worker)]).then(() => undefined);
      return stopped;
    },
  };
}

/** Asks a worker to finish (closing its connection) and waits for it, at most 2 s. */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise<void>((resolve) => {
    // While stopping, the worker keeps the process alive until it has closed its connection.
    worker.ref();
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 2_000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage('stop');
  });
}
