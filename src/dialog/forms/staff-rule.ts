import { type StaffRule, staffRuleAnswer } from '../../staff/index.ts';
import type { DialogDef } from '../context.ts';
import { countSlot, regionSlot } from '../slots.ts';

/**
 * A rule staff asked about in passing (人员配备, 公示, 报丧期限), kept as the topic so that "1500户呢", "2400名呢" or
 * "建德呢" ask it again with the new count or region. Never asks anything itself.
 */
export const STAFF_RULE = 'staff_rule';

export const staffRuleDialog: DialogDef = {
  intent: STAFF_RULE,
  slots: [
    { ...regionSlot(), optional: true },
    { ...countSlot(), optional: true },
  ],
  finish(ctx, s) {
    const facts = { ...(typeof s.count === 'number' ? { count: s.count } : {}), ...(typeof s.region === 'string' ? { region: s.region } : {}) };
    const answer = staffRuleAnswer(ctx.tr, s.rule as StaffRule, facts, String(s.question ?? ''), ctx.asOf);
    return { lines: [answer ?? ctx.tr.t('aside-unanswered')], next: 'done' };
  },
};
