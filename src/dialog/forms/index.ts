import { isApplyRequest, isFollowUp, isQuestion, itemIntentOf, namesBudgetLine, wantsToApply } from '../../nlu/cues.ts';
import { DOMAIN_INTENTS, INTENT_IDS } from '../../nlu/index.ts';
import type { DialogDef, SlotSpec } from '../context.ts';
import { fundBudgetDialog } from './budget.ts';
import { reportDeathDialog } from './death.ts';
import {
  festivalDialog,
  funeralDialog,
  groupActivityDialog,
  healthCheckDialog,
  hospitalizationDialog,
  seriousIllnessApplicationDialog,
  seriousIllnessDialog,
} from './entitlements.ts';
import { groupLeaderApplicationDialog, groupLeaderDialog } from './group-leader.ts';
import { caseStatusDialog, coverageDialog, handoffDialog, hardshipDialog, pensionDialog, updateInfoDialog } from './procedures.ts';
import { staffRuleDialog } from './staff-rule.ts';
import { transferDialog } from './transfer.ts';

const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_INTENTS);

/** Intents that are the same topic as a dialog: a message of one is never a digression from the other. */
const FAMILY: Readonly<Record<string, readonly string[]>> = {
  serious_illness_consolation: ['serious_illness_application'],
  serious_illness_application: ['serious_illness_consolation'],
  group_leader_subsidy: ['group_leader_subsidy_application'],
  // A staff rule kept as the topic: "1200个退休人员呢" reads as a budget line to a classifier, and asks the rule again.
  staff_rule: ['fund_budget'],
  group_leader_subsidy_application: ['group_leader_subsidy'],
  hospitalization_consolation: ['hospitalization_application'],
  hospitalization_application: ['hospitalization_consolation'],
};
const INTENTS: ReadonlySet<string> = new Set(INTENT_IDS);
/** The interface's intent for a turn: an application's dialog reports the topic it applies for (interface.md ids only). */
export const reportedIntent = (intent: string | null): string | null =>
  intent === null || INTENTS.has(intent) ? intent : ((FAMILY[intent] ?? []).find((i) => INTENTS.has(i)) ?? intent);
/** Whether two intents are the same topic (a question and its application). */
export const sameTopic = (a: string, b: string): boolean => a === b || (FAMILY[a] ?? []).includes(b);

/** Topics only staff work on: a retiree's district and head count ("我是建德的，管30个人") are never a budget question. */
const STAFF_TOPICS: ReadonlySet<string> = new Set(['fund_budget']);
/** A topic of the domain for this user, as a classifier sees it: a staff topic is none for a retiree. */
export const topicFor = (intent: string, staff: boolean): boolean => DOMAIN.has(intent) && (!STAFF_TOPICS.has(intent) || staff);

/** A message this short naming no item of its own is about the question in front. */
const SHORT = 8;
/** Sure enough that a message is about another topic that facts in it belong to that topic. */
const OTHER_TOPIC = 0.6;
/** Sure enough that a whole sentence answering the question just asked is really a new question. */
const NEW_QUESTION = 0.9;

/**
 * Facts in a message about another topic belong to that topic: "西湖区1000个退休人员经费预算多少" while a
 * serious-illness offer waits is a budget question, not a correction of the district. A reader's error for such a
 * message ("没找到“住院慰问多少钱”这个地方") becomes no answer, so the engine can take it as a digression.
 * Personal slots are left alone: they live in private dialogs that keep their own question.
 */
function topical(def: DialogDef, spec: SlotSpec): SlotSpec {
  if (spec.personal || spec.topicWords) return spec;
  const same = new Set([def.intent, ...(FAMILY[def.intent] ?? [])]);
  return {
    ...spec,
    read(msg, ctx, awaited) {
      const r = spec.read(msg, ctx, awaited);
      const u = msg.understanding;
      if (r === null || u === null || msg.button !== null || !topicFor(u.intent, ctx.incoming.staff === true) || same.has(u.intent)) return r;
      // "管60人", "那建德呢": too short to be about anything but the question in front, whatever the classifier says.
      const item = itemIntentOf(msg.text);
      if ((msg.text.trim().length <= SHORT && item === null) || (item !== null && same.has(item))) return r;
      // "省属企业移交650人 管理费多少": a budget line named is the budget's, whatever the classifier says.
      if (def.intent === 'fund_budget' && namesBudgetLine(msg.text)) return r;
      // "建德的 我是孤寡老人" where the district is asked: no question, so the district answers it.
      if (awaited && spec.name === 'region' && !('error' in r) && !isQuestion(msg.text)) return r;
      // "建德10000.01呢": a follow-up that names no item and no budget line changes the question in front.
      if (item === null && isFollowUp(msg.text) && !namesBudgetLine(msg.text)) return r;
      // "帮我申请 我在拱墅": a request to apply for the topic in front, with its facts.
      if (item === null && (isApplyRequest(msg.text) || wantsToApply(msg.text))) return r;
      if (!awaited || 'error' in r) return u.confidence >= OTHER_TOPIC ? null : r;
      return u.confidence >= NEW_QUESTION && msg.text.trim().length >= 8 ? null : r;
    },
  };
}

/** Dialogs that handle questions asked mid-form themselves (a death report keeps its place). */
const OWN_QUESTIONS: ReadonlySet<string> = new Set(['report_death']);

/** One dialog per domain intent, plus the application that follows a serious-illness answer. */
export const DIALOGS: ReadonlyMap<string, DialogDef> = new Map(
  [
    seriousIllnessDialog,
    hospitalizationDialog,
    funeralDialog,
    reportDeathDialog,
    transferDialog,
    healthCheckDialog,
    festivalDialog,
    groupActivityDialog,
    groupLeaderDialog,
    pensionDialog,
    updateInfoDialog,
    coverageDialog,
    hardshipDialog,
    fundBudgetDialog,
    staffRuleDialog,
    caseStatusDialog,
    handoffDialog,
    seriousIllnessApplicationDialog,
    groupLeaderApplicationDialog,
  ].map((d): [string, DialogDef] => [d.intent, OWN_QUESTIONS.has(d.intent) ? d : { ...d, slots: d.slots.map((spec) => topical(d, spec)) }]),
);

/** The dialog that answers each rules topic (the first declared for it: the consolation, not its application). */
const TOPIC_OWNERS: ReadonlyMap<string, DialogDef> = new Map(
  [...DIALOGS.values()].reverse().flatMap((d): [string, DialogDef][] => (d.topic ? [[d.topic, d]] : [])),
);
export const topicOwner = (topic: string): DialogDef | undefined => TOPIC_OWNERS.get(topic);
