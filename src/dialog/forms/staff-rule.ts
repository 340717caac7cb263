import type { Understanding } from '../../nlu/index.ts';
import { quickCheck, type StaffRule, staffRuleAnswer } from '../../staff/index.ts';
import { type DialogDef, QUESTION, type Slots, type TurnCtx } from '../context.ts';
import { provisionAnswer } from '../provisions.ts';
import { amountSlot, countSlot, regionSlot } from '../slots.ts';

/**
 * A rule staff asked about in passing (人员配备, 公示, 报丧期限), kept as the topic so that "1500户呢", "2400名呢" or
 * "建德呢" ask it again with the new count or region. Never asks anything itself.
 */
export const STAFF_RULE = 'staff_rule';
/** The rule of a one-line check of a retiree's year ("上城区 自付8000 75岁"): the profile is the topic. */
export const PROFILE_CHECK = 'profile_check';
/** The rule of a provision of the texts (src/dialog/provisions.ts): "那长沙呢" asks it of another district. */
export const PROVISION = 'provision';

/** What a line tells of a retiree (district, self-paid amount, age, stays), as kept slots. */
export function profileOf(slots: object): { region?: string; amount?: number; age?: number; count?: number } {
  const kept: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(slots)) {
    if (PROFILE_FACTS.has(name) && (typeof value === 'number' || typeof value === 'string')) kept[name] = value;
  }
  return kept;
}
const PROFILE_FACTS: ReadonlySet<string> = new Set(['region', 'amount', 'age', 'count']);

/** The year's entitlements for the retiree kept, with what the follow-up changed. */
function profileAnswer(ctx: TurnCtx, s: Slots): string | null {
  const question = String(s[QUESTION] ?? '');
  const u: Understanding = { text: question, intent: 'out_of_scope', confidence: 1, slots: profileOf(s) };
  return quickCheck(ctx.tr, u, question, ctx.asOf, s.summary === true);
}

export const staffRuleDialog: DialogDef = {
  intent: STAFF_RULE,
  slots: [
    { ...regionSlot(), optional: true },
    { ...countSlot(), optional: true },
    { ...amountSlot(), optional: true },
  ],
  finish(ctx, s) {
    if (s.rule === PROFILE_CHECK) return { lines: [profileAnswer(ctx, s) ?? ctx.tr.t('aside-unanswered')], next: 'done' };
    if (s.rule === PROVISION) {
      const region = typeof s.region === 'string' ? s.region : undefined;
      return { lines: [provisionAnswer(ctx.tr, ctx.asOf, String(s[QUESTION] ?? ''), region) ?? ctx.tr.t('aside-unanswered')], next: 'done' };
    }
    // "2100呢" after a staffing rule: a bare number is the head count asked about.
    if (s.rule === 'staffing' && typeof s.amount === 'string') {
      s.count = Number(s.amount);
      delete s.amount;
    }
    const facts = { ...(typeof s.count === 'number' ? { count: s.count } : {}), ...(typeof s.region === 'string' ? { region: s.region } : {}) };
    const question = String(s[QUESTION] ?? '');
    // "按多少人配一个" answered by its rule; "1200个退休人员呢" then counts the staff for that many.
    const counted = typeof s.count === 'number' && s.rule !== 'staffing' ? staffRuleAnswer(ctx.tr, 'staffing', facts, question, ctx.asOf) : null;
    const answer = counted ?? staffRuleAnswer(ctx.tr, s.rule as StaffRule, facts, question, ctx.asOf);
    return { lines: [answer ?? ctx.tr.t('aside-unanswered')], next: 'done' };
  },
};
