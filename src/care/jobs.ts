import { runRetentionIfDue } from '../cases/index.ts';
import { DueJobs, type Push } from '../scheduler/index.ts';
import type { Store } from '../store/types.ts';
import type { Proactive } from './index.ts';

/**
 * The jobs the clock runs, in order: reminders and notices (what they sent is taken from `drain`), then retention.
 * Issue 13's escalation is one more line: `.add('escalation', (now) => escalateOverdue(deps, now))`.
 */
export function dueJobsFor(deps: { store: Store; retentionDays: number; proactive: Proactive; drain: () => Push[] }): DueJobs {
  return new DueJobs()
    .add('care', async (now) => {
      await deps.proactive.runDue(now);
      return deps.drain();
    })
    .add('retention', async (now) => {
      await runRetentionIfDue(deps.store, now, deps.retentionDays);
      return [];
    });
}
