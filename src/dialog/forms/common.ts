import { formatDate, renderCitations, renderEntitlement, renderNotice, renderOutcome, sourceLabel } from '../../answers/index.ts';
import { amendCase, type CaseFields, type CaseType, openCase } from '../../cases/index.ts';
import type { Button } from '../../chat/index.ts';
import { NO, YES } from '../../chat/index.ts';
import { shanghaiIsoDate } from '../../clock.ts';
import { aspectsOf, isFollowUp, isYesNoQuestion } from '../../nlu/cues.ts';
import { normalize } from '../../nlu/index.ts';
import { aspectsOfPoint, type Citation, type Entitlement, formatYuan, type Point, type Result, type RuleError } from '../../rules/index.ts';
import { onlyQualifies } from '../answers.ts';
import { contactIn } from '../contact.ts';
import type { Outcome, Slots, TurnCtx } from '../context.ts';
import { amountProblem } from '../slots.ts';

/** A rules error said kindly; the dialog then ends or asks again. */
export function ruleErrorLine(ctx: TurnCtx, error: RuleError): string {
  return ctx.tr.t(`error-${error.code}`, Object.fromEntries(Object.entries(error).filter(([k]) => k !== 'code')) as Record<string, string>);
}

/** "杭州市级住院慰问标准", "市级 服务关怀经费": the level named, "以下是杭州市级标准…请告诉我您在哪个区" would ask what was said. */
export function unlessLevelSaid<N extends { readonly code: string }>(ctx: TurnCtx, notices: readonly N[]): readonly N[] {
  return /市级|市本级/.test(ctx.incoming.text ?? '') ? notices.filter((n) => n.code !== 'city_level_only') : notices;
}

/** In a group the answer is short: notices, the figure and the clause; in private the whole answer. */
export function entitlementLines(ctx: TurnCtx, given: Entitlement): string[] {
  // "杭州市级住院慰问标准" names the level: "以下是杭州市级标准…请告诉我您在哪个区" would ask what was said.
  const leveled = { ...given, notices: unlessLevelSaid(ctx, given.notices) };
  const e = yesNoShort(ctx, leveled);
  if (!ctx.inGroup) return [renderEntitlement(ctx.tr, e)];
  const lines = [...e.notices.map((n) => renderNotice(ctx.tr, n)), renderOutcome(ctx.tr, e)];
  if (e.reason) lines.push(ctx.tr.t(`cond-${e.reason.code}`, e.reason.params ?? {}));
  if (e.citations.length > 0) lines.push(renderCitations(ctx.tr, e.citations));
  return [lines.join('\n')];
}

/** How many facts follow the yes or no of a yes/no question's answer. */
const YES_NO_FACTS = 3;

/** "自付三万 是不是能拿2500": the yes or no, the figure and what decides it; the qualifiers on "详细说说". */
function yesNoShort(ctx: TurnCtx, e: Entitlement): Entitlement {
  const text = normalize(ctx.incoming.text ?? '');
  // A follow-up ("多一块呢") asks the same again: what qualified the last answer is not said twice.
  if (!isYesNoQuestion(text) && !isFollowUp(text)) return e;
  const asked = aspectsOf(text);
  // At most a few facts after the yes or no: "详细说说" gives them all.
  // The facts about the side asked ("我七十六了" → the age limit) come first, so they are never the ones cut.
  const about = (p: Point) => (aspectsOfPoint(p).some((a) => asked.includes(a)) ? 0 : 1);
  const kept = e.conditions.filter((p) => !onlyQualifies(p, asked));
  return { ...e, conditions: [...kept].sort((a, b) => about(a) - about(b)).slice(0, YES_NO_FACTS) };
}

export function offerButtons(ctx: TurnCtx, yesId: string): Button[] {
  return [
    { label: ctx.tr.t(yesId), payload: YES },
    { label: ctx.tr.t('button-no-thanks'), payload: NO },
  ];
}

/** Answers an entitlement; `offer` names the yes-button when the answer can become an application. */
export function answerEntitlement(
  ctx: TurnCtx,
  result: Result<Entitlement>,
  offer?: { when: (e: Entitlement) => boolean; yes: string; question: string },
  /** How many people it is asked for ("去世3人"): a fixed sum is said for them all too. */
  people?: number,
): Outcome {
  if (!result.ok) return { lines: [ruleErrorLine(ctx, result.error)], next: 'done' };
  const e = result.value;
  const lines = entitlementLines(ctx, e);
  if (people !== undefined && people > 1 && (e.outcome === 'fixed' || e.outcome === 'ceiling') && e.amount) {
    const [headline = '', ...rest] = (lines[0] ?? '').split('\n');
    // A ceiling summed is a ceiling too ("3人最高共7500元").
    const key = e.outcome === 'fixed' ? 'entitlement-for-people' : 'entitlement-for-people-ceiling';
    lines[0] = [headline, ctx.tr.t(key, { count: people, total: formatYuan(e.amount.times(people)) }), ...rest].join('\n');
  }
  // Staff ask for the figures, not to apply themselves: no offer that would wait for a yes.
  if (offer && !ctx.incoming.staff && offer.when(e)) {
    return { lines: [...lines, ctx.tr.t(offer.question)], buttons: offerButtons(ctx, offer.yes), next: 'offer' };
  }
  return { lines, next: 'done' };
}

/**
 * A wrong amount said in passing ("自付两千万", "自付-5000"): said kindly, the slot emptied and asked again, instead
 * of an answer that silently ignores it. Null when the slot holds no such problem.
 */
export function amountAskedAgain(ctx: TurnCtx, s: Slots, slot: string, ask: string): Outcome | null {
  const problem = amountProblem(s[slot]);
  if (!problem) return null;
  delete s[slot];
  return { lines: [`${ctx.tr.t(problem.id, problem.args)}\n${ctx.tr.t(ask)}`], next: 'done', awaiting: slot, again: true };
}

/** "杭人社发〔2024〕1号 三(一)4": a clause as staff read it in a case (not the rules' internal document key). */
export function citationText(cite: Citation | undefined): string | null {
  return cite ? `${sourceLabel(cite.doc)} ${cite.clause}` : null;
}

/** The slot under which a dialog remembers the case it filed, so that a later correction amends that case. */
export const FILED = '_case';

/**
 * Opens a case and tells the user its number and by when staff act. When the dialog already filed one (the user
 * corrected a fact after filing and confirmed again), that case is amended instead: one report, never two.
 */
export async function fileCase<T extends CaseType>(ctx: TurnCtx, type: T, given: CaseFields<T>, slots?: Slots): Promise<Outcome> {
  const user = `${ctx.incoming.platform}:${ctx.incoming.user}`;
  // "我叫庞美娟 电话180… 住院慰问帮我申请一下": how to reach the writer goes with the case (a report has its own).
  const told = type === 'death_report' || ctx.incoming.group ? {} : contactIn(normalize(ctx.incoming.text ?? ''));
  const fields = { ...told, ...given } as CaseFields<T>;
  const filed = slots?.[FILED];
  if (typeof filed === 'string') {
    const amended = await amendCase(ctx.store, {
      id: filed,
      type,
      user,
      fields,
      now: ctx.incoming.now,
      describe: (changed) => ctx.tr.t('case-amended-note', { fields: changed.map((f) => ctx.tr.maybe(`field-${f}`) ?? f).join(ctx.tr.t('list-enum')) }),
    });
    if (amended.ok) {
      const record = amended.value;
      if (amended.changed.length > 0) ctx.cases.push({ id: record.id, type: record.type, status: record.status });
      const args = { id: record.id, type: ctx.tr.t(`case-type-${record.type}`) };
      return { lines: [ctx.tr.t(amended.changed.length > 0 ? 'case-amended' : 'case-unchanged', args)], next: 'done' };
    }
    if (amended.error.code === 'invalid_fields') return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    // Closed by staff meanwhile, or gone: what the user confirmed now is a new case.
  }
  const pending = await pendingSame(ctx, type, fields as Record<string, unknown>, user);
  if (pending) {
    if (slots) slots[FILED] = pending.id;
    return {
      lines: [ctx.tr.t('case-already-open', { id: pending.id, type: ctx.tr.t(`case-type-${type}`), status: ctx.tr.t(`case-status-${pending.status}`) })],
      next: 'done',
    };
  }
  if (ctx.allowCase && !(await ctx.allowCase(ctx.incoming))) return { lines: [ctx.tr.t('case-limit-reached')], next: 'done' };
  const source = ctx.incoming.origin ? { source: ctx.incoming.origin.source } : {};
  const opened = await openCase(ctx.store, { type, chat: ctx.incoming.chat, user, fields: { ...fields, ...source }, now: ctx.incoming.now });
  if (!opened.ok) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
  const record = opened.value;
  ctx.cases.push({ id: record.id, type: record.type, status: record.status });
  if (slots) slots[FILED] = record.id;
  const due = record.dueAt === null ? null : formatDate(ctx.tr, shanghaiIsoDate(new Date(record.dueAt)));
  // "人工咨询：信息变更": a request for a person says what it is about, so the family sees it was understood.
  const topic = 'topic' in fields ? fields.topic : undefined;
  const about = typeof topic === 'string' && topic !== 'human_handoff' ? ctx.tr.maybe(`topic-${topic}`) : null;
  const label = ctx.tr.t(`case-type-${type}`) + (about ? ctx.tr.t('case-type-about', { topic: about }) : '');
  return {
    lines: [ctx.tr.t(due ? 'case-opened-due' : 'case-opened', { id: record.id, type: label, ...(due ? { due } : {}) })],
    next: 'done',
  };
}

/**
 * What makes two cases of a type the same matter: the person it is for. A type not listed is one matter per user (a
 * hospitalization application, a transfer).
 */
const SAME_MATTER: Partial<Record<CaseType, string>> = {
  death_report: 'deceasedName',
  serious_illness_application: 'applicantName',
  group_leader_subsidy_application: 'leaderName',
};
/** Asking for a person again is a new request each time (the staff queue shows each one). */
const ALWAYS_NEW: ReadonlySet<CaseType> = new Set(['inquiry']);

/**
 * The user's case of this type still waiting for staff, for the same matter: asking again ("住了两次能拿两次吗" →
 * "好的") must not file it twice. Resolved or rejected cases do not count: a new application is a new case.
 */
async function pendingSame(ctx: TurnCtx, type: CaseType, fields: Record<string, unknown>, user: string) {
  if (ALWAYS_NEW.has(type)) return null;
  const key = SAME_MATTER[type];
  const open = await ctx.store.listCases({ user, type, status: ['open', 'claimed'], limit: 20 });
  return open.find((c) => key === undefined || c.fields[key] === fields[key]) ?? null;
}

/**
 * An answer whose offer would file what the user already filed and staff have not yet handled ("住了两次能拿两次吗"
 * right after registering): the answer stands, the offer gives way to the case already waiting.
 */
export async function unlessPending(ctx: TurnCtx, outcome: Outcome, type: CaseType, slots: Slots): Promise<Outcome> {
  if (outcome.next !== 'offer' || ctx.incoming.staff) return outcome;
  const pending = await pendingSame(ctx, type, {}, `${ctx.incoming.platform}:${ctx.incoming.user}`);
  // The case this dialog filed: a correction confirmed again amends it (fileCase), so the offer stays.
  if (!pending || slots[FILED] === pending.id) return outcome;
  const already = ctx.tr.t('case-already-open', { id: pending.id, type: ctx.tr.t(`case-type-${type}`), status: ctx.tr.t(`case-status-${pending.status}`) });
  return { lines: [...outcome.lines.slice(0, -1), already], next: 'done' };
}
