import type { Push } from './types.ts';

/** A job the clock runs: it does what fell due by `now` and returns what it sent (the tick line lists it). */
export type DueJob = (now: Date) => Promise<readonly Push[]>;

/**
 * The jobs that run when time passes: reminders and notices, retention, and later escalations (issue 13:
 * `due.add('escalation', (now) => escalateOverdue(deps, now))`). The service's timer and the tick line both call
 * `runDue`; each job keeps its own "once a day" or "once per occurrence" record, so running it often is harmless.
 */
export class DueJobs {
  readonly #jobs: { name: string; job: DueJob }[] = [];

  add(name: string, job: DueJob): this {
    this.#jobs.push({ name, job });
    return this;
  }

  get names(): string[] {
    return this.#jobs.map((j) => j.name);
  }

  /** Runs every job in order; one that fails does not stop the others (its error is handed to `onError`). */
  async runDue(now: Date, onError?: (name: string, error: unknown) => void): Promise<Push[]> {
    const out: Push[] = [];
    for (const { name, job } of this.#jobs) {
      try {
        out.push(...(await job(now)));
      } catch (error) {
        onError?.(name, error);
      }
    }
    return out;
  }
}

/** Runs `due.runDue(now())` every `everyMs` (real time), one run at a time; stop() waits for a run under way. */
export function startDueTimer(due: DueJobs, now: () => Date, everyMs: number, onError?: (name: string, error: unknown) => void) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = running.then(() => (stopped ? [] : due.runDue(now(), onError)));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
