import { shanghaiIsoDate } from '../../clock.ts';
import { asksSummary, aspectsOf, itemIntentOf, namesBudget, namesHeadCount, withoutPlaces } from '../../nlu/cues.ts';
import type { Understanding } from '../../nlu/index.ts';
import {
  budgetItemTopic,
  fundTopicOf,
  parseCaseMention,
  parseCommand,
  quickCheck,
  runStaffCommand,
  type StaffCommand,
  staffQuestion,
} from '../../staff/index.ts';
import { QUESTION } from '../context.ts';
import { defOf } from '../form.ts';
import { PROFILE_CHECK, profileOf, STAFF_RULE } from '../forms/staff-rule.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** Staff lines read as a one-line entitlement check ("西湖区 住院2次 自付8000 75岁"), not as budget or case work. */
const QUICK_CHECK_INTENTS: ReadonlySet<string> = new Set([
  'serious_illness_consolation',
  'hospitalization_consolation',
  'festival_consolation',
  'health_checkup',
  'group_activity',
  'hardship_assistance',
  'out_of_scope',
]);

/** The command in a message or a case button; 'invalid' for a mistyped one (already answered). */
function commandOf(t: Turn): StaffCommand | 'invalid' | null {
  const { button, incoming, text } = t;
  if (button?.kind === 'case') return button.action === 'claim' ? { kind: 'claim', id: button.id } : { kind: 'show', id: button.id };
  if (button !== null || !text) return null;
  // "查一下C20261121-0001" from staff is a look-up; from anyone else, a question about their own case.
  if (incoming.staff) {
    const mention = text.trimStart().startsWith('/') ? null : parseCaseMention(text);
    if (mention) return mention;
  }
  if (!/^\s*[/／]/.test(text)) return null;
  const parsed = parseCommand(text, shanghaiIsoDate(incoming.now));
  if (parsed === null) return null;
  if (!parsed.ok) {
    if (incoming.staff) t.say(t.tr.t(`command-${parsed.error.code}`, { command: parsed.error.command }));
    return 'invalid';
  }
  return parsed.command;
}

/** Staff commands and case buttons: checked before anything else, refused politely to others (and logged). */
export async function staffCommand(t: Turn): Promise<boolean> {
  const command = commandOf(t);
  if (command === null) return false;
  const { incoming } = t;
  if (!incoming.staff) {
    t.deps.logger?.warn({ user: t.user, chat: incoming.chat, command: command === 'invalid' ? 'invalid' : command.kind }, 'staff action refused');
    if (!incoming.group || incoming.mention || t.button !== null) t.say(t.tr.t('staff-only'));
    return true;
  }
  if (command === 'invalid') return true;
  if (command.kind === 'console') {
    await consoleLink(t);
    return true;
  }
  const member = t.member;
  const roster = t.deps.roster?.();
  const result = await runStaffCommand(
    {
      store: t.deps.store,
      tr: t.tr,
      // A roster member acts under their roster id on every platform; STAFF_IDS staff under their user key.
      staff: member?.id ?? t.user,
      platform: incoming.platform,
      inPrivate: !incoming.group,
      now: incoming.now,
      ...(member ? { member } : {}),
      ...(roster ? { roster } : {}),
    },
    command,
  );
  t.show(result);
  if (result.attachment) t.replies.push({ chat: incoming.chat, text: result.attachment.name, attachment: result.attachment });
  for (const r of result.notify) t.replies.push(r);
  t.cases.push(...result.changed);
  return true;
}

/** `/console`: a one-time login link, only in a private chat (a link in a group could be used by anyone there). */
async function consoleLink(t: Turn): Promise<void> {
  const { incoming } = t;
  if (incoming.group) {
    t.say(t.tr.t('console-private-only'));
    return;
  }
  if (!t.deps.consoleLink) {
    t.say(t.tr.t('command-unknown_command', { command: 'console' }));
    return;
  }
  const url = await t.deps.consoleLink({ staff: t.member?.id ?? t.user, account: t.user }, incoming.now);
  t.say(t.tr.t('console-link', { url }));
}

/** Staff asking about the rules they work by (人员配备, 公示, 报丧期限) get the rule, whatever dialog was before. */
/** Fund rules a retiree asks too ("基本信息表一式几份", "节日慰问费资金怎么管理"): answered to anyone. */
const OPEN_TO_ALL: ReadonlySet<string> = new Set(['form_copies', 'dedicated_account', 'payment_method']);

export function staffRuleQuestion(t: Turn): boolean {
  const u = t.understanding;
  // "基本信息表一式几份": a retiree fills these forms in too, and may ask how many copies.
  const anyoneAsks = OPEN_TO_ALL.has(fundTopicOf(t.normalized) ?? '');
  if ((!t.incoming.staff && !anyoneAsks) || !u || t.button !== null) return false;
  // The district of the dialog under way is the one a rule question is about, unless the line names another.
  const known = t.state?.slots.region;
  const asked = staffQuestion(t.tr, u, t.normalized, t.ctx.asOf, typeof known === 'string' ? { region: known } : {});
  if (!asked) return false;
  t.say(asked.answer);
  const waiting = t.state;
  if (waiting && isPending(waiting) && waiting.awaiting !== 'offer' && waiting.awaiting !== 'confirm') {
    // Asked in passing while a form waits ("对了这个公示要几天"): answered, and the form's question comes back.
    t.ask(defOf(waiting.intent), waiting.awaiting, t.tr.t('resume'));
    t.intent = waiting.intent;
    return true;
  }
  const region = u.slots.region ?? (typeof known === 'string' ? known : undefined);
  // The district named is the conversation's, as for any answer: "不合格按多少比例拨" next is about it too.
  if (typeof u.slots.region === 'string') t.profile.region = u.slots.region;
  // A budget item: the budget form takes the topic over, so "文体活动呢", "那建德呢", "2000人呢" change one thing of it.
  const budgetTopic = asked.rule === 'budget_item' ? budgetItemTopic(t.normalized, region, t.ctx.asOf) : null;
  if (budgetTopic) {
    // As the form leaves a per-head answer: waiting for a head count, any of its slots said instead changes the answer.
    t.say(t.tr.t('budget-ask-count'));
    t.state = { intent: 'fund_budget', slots: { ...budgetTopic, [QUESTION]: t.askedIn }, awaiting: 'count', tries: 0 };
    t.intent = u.intent;
    return true;
  }
  // The rule stays the topic: "1500户呢", "建德呢" ask it again.
  const facts = { ...(u.slots.count !== undefined ? { count: u.slots.count } : {}), ...(region ? { region } : {}) };
  t.state = { intent: STAFF_RULE, slots: { rule: asked.rule, [QUESTION]: t.askedIn, askedAs: u.intent, ...facts }, awaiting: 'done', tries: 0 };
  t.intent = u.intent;
  return true;
}

/** Words asking what a retiree is entitled to, as against what a budget holds. */
const ONE_RETIREE_GETS = /待遇|(一|每|单)(个|名|位)(退休|企退)(人员|职工|老人)?|能拿|能领|拿多少|领多少|能得多少/;

/** A staff line with a region and figures of a retiree: the year's entitlements with citations. */
export function staffQuickCheck(t: Turn): boolean {
  const u = t.understanding;
  if (!t.incoming.staff || !u) return false;
  // One item asked ("建德 自付45000 大病"): that item's answer, not the year's; the summary when asked for or no item named.
  // "所有经费汇总": the budget's summary (the budget form), not the year's entitlements.
  // With a head count ("200人 全年一共要多少钱") the summary is the budget's too.
  // "西湖区 退休人员待遇": a district's entitlements with no item named are the year's summary.
  // "钱塘区 一个退休人员 一年能拿多少": what one retiree gets, with no item named, is that summary too.
  const allEntitlements =
    ONE_RETIREE_GETS.test(t.normalized) &&
    u.slots.region !== undefined &&
    itemIntentOf(t.normalized) === null &&
    aspectsOf(t.normalized).every((a) => a === 'amount' || a === 'frequency');
  // "建德市" alone, nothing in front to change: a line that names no item, so the year's summary.
  const onlyPlace = u.slots.region !== undefined && withoutPlaces(t.normalized).replace(/[\s，,。？?的]/g, '') === '';
  const summary = (asksSummary(t.normalized) || allEntitlements || onlyPlace) && !namesBudget(t.normalized) && !namesHeadCount(t.normalized);
  if (!summary && (!QUICK_CHECK_INTENTS.has(u.intent) || itemIntentOf(t.normalized) !== null)) return false;
  // "这个人全年所有待遇汇总呢" after "拱墅 自付7000 大病": the retiree in front is the one summed up.
  const known = summary ? profileOf(t.state?.slots ?? {}) : {};
  const asked: Understanding = { ...u, slots: { ...known, ...u.slots } };
  const answer = quickCheck(t.tr, asked, t.normalized, t.ctx.asOf, summary);
  if (!answer) return false;
  t.say(answer);
  // The retiree checked stays the topic: "那建德呢", "自付两万呢" check again with one thing changed.
  t.state = {
    intent: STAFF_RULE,
    slots: { rule: PROFILE_CHECK, [QUESTION]: t.askedIn, askedAs: u.intent, summary, ...profileOf(asked.slots) },
    awaiting: 'done',
    tries: 0,
  };
  t.intent = u.intent;
  return true;
}
