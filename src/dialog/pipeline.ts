import * as step from './steps/index.ts';
import type { Turn } from './turn.ts';

/** One step of a turn: true when it handled the message (the steps after it do not run). */
export type Step = (t: Turn) => boolean | Promise<boolean>;

/**
 * The turn, as an ordered chain of small steps (like grammY's Composer): what cannot be read, buttons and staff
 * commands first; then group manners, cancel, the form that waits, corrections and new questions; small talk last.
 */
export const STEPS: readonly Step[] = [
  step.media,
  step.badButton,
  step.care,
  step.staffCommand,
  step.awayInPrivate,
  step.groupChatter,
  step.personalInGroup,
  step.expiredNote,
  step.cancel,
  step.staffRuleQuestion,
  step.documentValidity,
  step.menuButton,
  step.pending,
  step.followUp,
  step.staleButton,
  step.emptyText,
  step.staffQuickCheck,
  step.newTopic,
  step.smallTalk,
];

/** Runs the steps in order until one handles the turn. */
export async function runSteps(t: Turn, steps: readonly Step[] = STEPS): Promise<void> {
  for (const run of steps) if (await run(t)) return;
}
