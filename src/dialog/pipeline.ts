import * as step from './steps/index.ts';
import type { Turn } from './turn.ts';

/**
 * One step of a turn: true when it handled the message (the steps after it do not run); 'again' when the message is
 * to be read again in context (see `Turn.readInContext`): the chain goes back to the first step that reads meaning.
 */
export type Step = (t: Turn) => boolean | 'again' | Promise<boolean | 'again'>;

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
  step.provision,
  step.staffRuleQuestion,
  step.documentValidity,
  step.privacyQuestion,
  step.glossary,
  step.menuButton,
  step.caseContact,
  step.pending,
  step.details,
  step.followUp,
  step.staleButton,
  step.emptyText,
  step.staffQuickCheck,
  step.newTopic,
  step.smallTalk,
];

/** Where a message read again in context starts over: what it is about (buttons, group manners are settled). */
const REREAD_FROM = STEPS.indexOf(step.staffRuleQuestion);

/** Runs the steps in order until one handles the turn. */
export async function runSteps(t: Turn): Promise<void> {
  for (let i = 0; i < STEPS.length; i++) {
    const done = await STEPS[i]?.(t);
    if (done === 'again') i = REREAD_FROM - 1;
    else if (done) return;
  }
}
