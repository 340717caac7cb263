import type { Pacer } from './pacer.ts';
import { nextAllowed, type QuietHours } from './quiet.ts';
import { type Ledger, type Occurrence, type Outcome, type Processor, retryAfterOf } from './types.ts';

/** Due longer ago than this when the bot gets to it (it was down): dropped and counted, not sent late. */
export const STALE_MS = 7 * 86_400_000;
/** 429s in a row on one message before it is handed back to the back end for later. */
const MAX_RATE_LIMITED = 5;
/** A failed send is tried again after this long (the back end keeps it). */
const RETRY_MS = 60_000;
/** Another handling holds the send: look again after this long (by then it is recorded, or its claim lapsed). */
const BUSY_RETRY_MS = 5_000;

export interface DeliverDeps {
  readonly ledger: Ledger;
  readonly pacer: Pacer;
  readonly quiet: QuietHours | null;
  /** The bot's clock (the tick's time in the JSON-lines interface). */
  readonly now: () => Date;
  /** Sends one message through its platform; throws on failure (with `retryAfterMs` on a 429). */
  readonly send: (occ: Occurrence) => Promise<void>;
  /** Whether it is still wanted (the user may have stopped the reminder since it was scheduled). */
  readonly wanted?: (occ: Occurrence) => Promise<boolean>;
  /** After it is handled for good (sent, stale, unwanted): the next year's reminder, a notice's count. */
  readonly after?: (occ: Occurrence, outcome: 'sent' | 'stale' | 'unwanted') => Promise<void>;
}

/**
 * One occurrence, exactly once: stale → dropped; quiet hours → deferred to the morning; already in the ledger →
 * nothing; otherwise paced, sent (waiting out a 429 as advised) and recorded. The back end's claim (a lease on
 * SQLite, the job lock on BullMQ) keeps two live instances from holding the same occurrence; the ledger catches the
 * one a dead instance had sent but not yet finished.
 */
export function createProcessor(deps: DeliverDeps): Processor {
  return async (occ) => {
    const now = deps.now().getTime();
    if (now - occ.dueAt > STALE_MS) return finish(deps, occ, 'stale');
    const allowed = nextAllowed(Math.max(now, occ.dueAt), deps.quiet);
    if (allowed > now) return { deferUntil: allowed };
    if (await deps.ledger.wasSent(occ.key)) return 'duplicate';
    if (deps.wanted && !(await deps.wanted(occ))) return finish(deps, occ, 'unwanted');
    const sent = await sendPaced(deps, occ);
    if (sent === 'busy') return { retryAt: now + BUSY_RETRY_MS, error: 'being sent by another handling' };
    if (sent !== true) return { retryAt: now + RETRY_MS, error: sent };
    await deps.ledger.markSent(occ.key, now);
    return finish(deps, occ, 'sent');
  };
}

async function finish(deps: DeliverDeps, occ: Occurrence, outcome: 'sent' | 'stale' | 'unwanted'): Promise<Outcome> {
  await deps.after?.(occ, outcome);
  return outcome;
}

/** Sends within the platform's limits; a 429 pauses the platform for the advised delay and the message waits. */
async function sendPaced(deps: DeliverDeps, occ: Occurrence): Promise<true | 'busy' | string> {
  for (let attempt = 1; ; attempt++) {
    await deps.pacer.take(occ.platform, occ.chat, occ.group);
    // Claimed after the pacer's wait, right before the first send, so the claim's time is the send's own.
    if (attempt === 1 && deps.ledger.claim && !(await deps.ledger.claim(occ.key))) return 'busy';
    try {
      await deps.send(occ);
      return true;
    } catch (error) {
      const wait = retryAfterOf(error);
      if (wait === undefined || attempt >= MAX_RATE_LIMITED) return error instanceof Error ? error.message : String(error);
      deps.pacer.pause(occ.platform, wait);
    }
  }
}
