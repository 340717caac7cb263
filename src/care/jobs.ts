import { runRetentionIfDue } from '../cases/index.ts';
import { DueJobs, type Push } from '../scheduler/index.ts';
import { type EscalationDeps, escalateOverdue } from '../staff/escalate.ts';
import type { Store } from '../store/types.ts';
import type { Proactive } from './index.ts';

/**
 * The jobs the clock runs, in order: reminders and notices (what they sent is taken from `drain`), retention, and the
 * escalation of overdue cases to the admins of their scope.
 */
export function dueJobsFor(deps: { store: Store; retentionDays: number; proactive: Proactive; drain: () => Push[]; escalation?: EscalationDeps }): DueJobs {
  const jobs = new DueJobs()
    .add('care', async (now) => {
      await deps.proactive.runDue(now);
      return deps.drain();
    })
    .add('retention', async (now) => {
      await runRetentionIfDue(deps.store, now, deps.retentionDays);
      return [];
    });
  const escalation = deps.escalation;
  if (escalation)
    jobs.add('escalation', async (now) => (await escalateOverdue(escalation, now)).map((p) => ({ chat: p.chat, text: p.text, buttons: p.buttons ?? [] })));
  return jobs;
}
