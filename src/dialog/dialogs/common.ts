import { renderCitations, renderEntitlement, renderNotice, renderOutcome } from '../../answers/index.ts';
import { openCase, type CaseFields, type CaseType } from '../../cases/index.ts';
import type { Entitlement, Result, RuleError } from '../../rules/index.ts';
import { NO, YES } from '../buttons.ts';
import type { Outcome, TurnCtx } from '../context.ts';
import type { Button } from '../types.ts';

/** A rules error said kindly; the dialog then ends or asks again. */
export function ruleErrorLine(ctx: TurnCtx, error: RuleError): string {
  return ctx.tr.t(`error-${error.code}`, Object.fromEntries(Object.entries(error).filter(([k]) => k !== 'code')) as Record<string, string>);
}

/** In a group the answer is short: notices, the figure and the clause; in private the whole answer. */
export function entitlementLines(ctx: TurnCtx, e: Entitlement): string[] {
  if (!ctx.inGroup) return [renderEntitlement(ctx.tr, e)];
  const lines = [...e.notices.map((n) => renderNotice(ctx.tr, n)), renderOutcome(ctx.tr, e)];
  if (e.reason) lines.push(ctx.tr.t(`cond-${e.reason.code}`, e.reason.params ?? {}));
  if (e.citations.length > 0) lines.push(renderCitations(ctx.tr, e.citations));
  return [lines.join('\n')];
}

export function offerButtons(ctx: TurnCtx, yesId: string): Button[] {
  return [
    { label: ctx.tr.t(yesId), payload: YES },
    { label: ctx.tr.t('button-no-thanks'), payload: NO },
  ];
}

/** Answers an entitlement; `offer` names the yes-button when the answer can become an application. */
export function answerEntitlement(ctx: TurnCtx, result: Result<Entitlement>, offer?: { when: (e: Entitlement) => boolean; yes: string; question: string }): Outcome {
  if (!result.ok) return { lines: [ruleErrorLine(ctx, result.error)], next: 'done' };
  const lines = entitlementLines(ctx, result.value);
  if (offer && offer.when(result.value)) {
    return { lines: [...lines, ctx.tr.t(offer.question)], buttons: offerButtons(ctx, offer.yes), next: 'offer' };
  }
  return { lines, next: 'done' };
}

/** Opens a case and tells the user its number and when staff will act. */
export async function fileCase<T extends CaseType>(ctx: TurnCtx, type: T, fields: CaseFields<T>): Promise<Outcome> {
  const opened = await openCase(ctx.store, { type, chat: ctx.incoming.chat, user: `${ctx.incoming.platform}:${ctx.incoming.user}`, fields, now: ctx.incoming.now });
  if (!opened.ok) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
  const record = opened.value;
  ctx.cases.push({ id: record.id, type: record.type, status: record.status });
  return { lines: [ctx.tr.t('case-opened', { id: record.id, type: ctx.tr.t(`case-type-${type}`) })], next: 'done' };
}
