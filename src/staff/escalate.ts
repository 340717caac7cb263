import type { Button } from '../chat/index.ts';
import { caseButton } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';
import { type CaseRecord, type Store, StoreError } from '../store/types.ts';
import type { StaffChat } from './announce.ts';
import type { Roster } from './roster.ts';
import { adminsFor } from './scope.ts';
import { formatDateTime } from './view.ts';

/** A message the bot sends on its own initiative; `platform` names where (the account's or the chat's platform). */
export interface Push {
  readonly chat: string;
  readonly text: string;
  readonly buttons?: readonly Button[];
  readonly platform?: string;
}

export interface EscalationDeps {
  readonly store: Store;
  readonly tr: Translator;
  readonly roster: () => Roster;
  /** STAFF_CHAT: where a case no admin covers is escalated. */
  readonly fallback?: StaffChat;
}

const escalated = (c: CaseRecord) => c.history.some((e) => e.action === 'escalated');

/** The admins' private chats (or the fallback chat) a case's escalation goes to. */
function targetsOf(deps: EscalationDeps, c: CaseRecord): { chat: string; platform: string; who: string }[] {
  const admins = adminsFor(deps.roster(), c);
  const chats = admins.flatMap((a) =>
    a.accounts.map((account) => {
      const split = account.indexOf(':');
      return { platform: account.slice(0, split), chat: account.slice(split + 1), who: a.id };
    }),
  );
  if (chats.length > 0) return chats;
  return deps.fallback ? [{ ...deps.fallback, who: 'fallback' }] : [];
}

/**
 * Every open or claimed case past its due, told ONCE to the admins of its scope (no admin: the STAFF_CHAT fallback).
 * The escalation is written into the case's history (and the audit trail) before anything is sent, so it never
 * repeats, across restarts too; a case closed meanwhile is left alone (the write expects its status unchanged).
 */
export async function escalateOverdue(deps: EscalationDeps, now: Date): Promise<Push[]> {
  const { store, tr } = deps;
  const pushes: Push[] = [];
  for (const c of await store.listCases({ overdueAt: now.getTime() })) {
    if (escalated(c)) continue;
    const targets = targetsOf(deps, c);
    const who = [...new Set(targets.map((t) => t.who))].join(',') || 'nobody';
    try {
      await store.updateCase(
        c.id,
        { event: { at: now.getTime(), by: 'bot', action: 'escalated', note: who }, audit: { action: 'escalated', chat: null, note: `to ${who}` } },
        c.status,
      );
    } catch (error) {
      if (error instanceof StoreError && (error.code === 'conflict' || error.code === 'not_found')) continue;
      throw error;
    }
    const text = tr.t('case-escalated', {
      id: c.id,
      type: tr.t(`case-type-${c.type}`),
      due: c.dueAt === null ? '' : formatDateTime(c.dueAt),
      assignee: c.assignee ?? 'none',
    });
    const buttons = [{ label: tr.t('button-view'), payload: caseButton('view', c.id) }];
    for (const t of targets) pushes.push({ chat: t.chat, text, buttons, platform: t.platform });
  }
  return pushes;
}

/** Runs the escalation every `everyMs` (default 5 minutes) and hands the pushes to `send`. */
export function startEscalation(
  deps: EscalationDeps & { readonly now: () => Date; readonly everyMs?: number },
  send: (pushes: readonly Push[]) => void,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = escalateOverdue(deps, deps.now()).then(send, onError);
  };
  const timer = setInterval(tick, deps.everyMs ?? 5 * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
