import { intentButton } from '../../chat/index.ts';
import {
  aboutSomeoneElse,
  askedItemIntentOf,
  asksProgress,
  aspectsOf,
  employerOf,
  isApplyRequest,
  isBareAspectQuestion,
  isCorrection,
  isFollowUp,
  isQuestion,
  itemIntentOf,
  namesBudgetLine,
  namesDeath,
  reportsDeath,
  saysOrdinaryEmployer,
  wantsToApply,
  withoutPlaces,
} from '../../nlu/cues.ts';
import { DOMAIN_INTENTS, type Understanding } from '../../nlu/index.ts';
import { findRegion } from '../../rules/index.ts';
import { basisAnswer, namedCorrection, questionIn, topicAnswer } from '../aside.ts';
import { APPLY, ASPECTS, type DialogDef, EMPLOYER, type Slots, whoTheyAre } from '../context.ts';
import {
  acceptOffer,
  advance,
  answerOnly,
  asApplicant,
  asEarlier,
  changes,
  defOf,
  inherited,
  outsideTheFund,
  refillFromCase,
  rememberAspects,
  rememberComparison,
  rememberWho,
  rememberYesNo,
  start,
  startInstead,
} from '../form.ts';
import { FILED } from '../forms/common.ts';
import { DIALOGS, sameTopic, topicFor } from '../forms/index.ts';
import { STAFF_RULE } from '../forms/staff-rule.ts';
import { relativeAmount } from '../slots.ts';
import type { DialogState } from '../state.ts';
import type { Turn } from '../turn.ts';
import { readAgainInContext } from './context.ts';

const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_INTENTS);
/** Sure enough that a message is a new question rather than a follow-up of the answer just given. */
const NEW_QUESTION = 0.6;
/** "帮我报一下", "要登记": asked to report (with a death told in the same message). */
const ASKS_TO_REPORT = /(帮我|给我|替我|我要|要|来)(报|登记|上报)|报一下|登记一下/;
/** The topic whose facts answer further questions about a staff rule. */
const RULE_TOPICS: Readonly<Record<string, string>> = { death_deadline: 'report_death', publicity: 'serious_illness_consolation' };
/** "要我自己申请不", "用不用去登记": whether one has to apply at all. */
const ASKS_IF_APPLYING =
  /(要|需要|得|用)(我|自己|本人|家里人|家属)*(去)?(申请|登记|报名)[^，,。]{0,4}(吗|不|伐|么|嘛)[?？]?$|(要不要|用不用|需不需要)(我|自己|本人)*(去)?(申请|登记|报名)/;
/** A follow-up naming only its item ("住院呢", "体检那块呢") is short. */
const SHORT = 10;

/**
 * After an answer, the question just answered is the context: "那建德呢", "要是自付五万呢", "不对，是一万五" ask it again
 * with one thing changed; "住院呢" asks the same about another item; "要带什么材料" asks one side of it; "帮我登记"
 * does what it offered.
 */
export async function followUp(t: Turn): Promise<boolean | 'again'> {
  const s = t.state;
  if (s?.awaiting !== 'done' || t.button !== null || !t.understanding) return false;
  // "档案移交名册表呢" after "基本信息表要填几份": a staff rule's follow-up is read again with the rule's words.
  // ("建德呢", "1500户呢" change a fact of it instead.)
  const changesNothing = Object.keys(t.understanding.slots).length === 0;
  // "刚才报的那个现在到哪一步了" after filing: the case's progress, not the topic again.
  if (typeof s.slots[FILED] === 'string' && asksProgress(t.normalized)) return startInstead(t, 'case_status', {});
  // "建德 10000.01" after "公示几天": an amount is the rule's topic's (大病慰问's), asked again with it.
  const ruleTopic = s.intent === STAFF_RULE ? RULE_TOPICS[String(s.slots.rule)] : undefined;
  if (ruleTopic && t.understanding.slots.amount !== undefined && DIALOGS.has(ruleTopic)) {
    const amount = t.understanding.slots.amount;
    return startInstead(t, ruleTopic, { ...inherited(s, ruleTopic), ...t.readAll(defOf(ruleTopic)), amount });
  }
  if (s.intent === STAFF_RULE && changesNothing && isFollowUp(t.normalized) && itemIntentOf(t.normalized) === null && readAgainInContext(t)) return 'again';
  const def = defOf(s.intent);
  const text = t.normalized;
  const newQuestion = asksANewQuestion(t, s, t.understanding);
  const item = itemIntentOf(text);
  const namesOther = (item !== null && !sameTopic(item, s.intent)) || namesDeath(text);
  // "人走了以后专项资金从哪个月停" after a budget answer: a question about deaths, the death's to answer.
  const deathQuestion = isQuestion(text) && item === null && aspectsOf(text).some((a) => a === 'stop' || a === 'pension' || a === 'deadline');
  // After the funeral money's answer the death is the topic: "什么时候停保障" asks what stops, without naming it again.
  const aboutDeath = namesDeath(text) || s.intent === 'funeral_consolation';
  // "好 住院那个帮我登记" after the funeral money's answer names another item: that one is applied for, not a death.
  const namesOtherItem = item !== null && item !== 'funeral_consolation' && !namesDeath(text);
  if (aboutDeath && !namesOtherItem && (ASKS_TO_REPORT.test(text) || deathQuestion) && s.intent !== 'report_death') {
    // "那帮我报一下 她前天走的" after the funeral money's answer: the death is reported, with what is known.
    return startInstead(t, 'report_death', inherited(s, 'report_death'));
  }
  if ((isApplyRequest(text) || wantsToApply(text)) && !namesOther) {
    // "我要申请，我带了33个人": what the request also says is taken first, and its figure said.
    const said = t.readAll(def);
    Object.assign(s.slots, said);
    const lines = Object.keys(said).length > 0 ? topicAnswer(t, def, s.slots, ['amount']) : null;
    if (lines) t.show({ lines });
    return apply(t, def, s);
  }
  // After a budget answer, "那体检呢" is the budget's 体检 line (its own item slot reads it), not the entitlement.
  // "每次体检标准多少" asks the check's own standard, not the budget's line.
  const budgetItem = s.intent === 'fund_budget' && !/每次|一次/.test(text);
  // "那要是年底又住院 加起来到六千呢" after a 大病 answer: 住院 names another item, but the figure is this one's.
  const said = t.readAll(def);
  const ownFacts = item ? factsOnlyHere(said, item) : false;
  if (item && !budgetItem && !ownFacts && DIALOGS.has(item) && !sameTopic(item, s.intent) && (isFollowUp(text) || text.length <= SHORT)) {
    return startInstead(t, item, inherited(s, item));
  }
  const updates = changedBy(t, def, s, said);
  // "管60人" after a group-leader answer changes its count, whatever a classifier makes of it alone.
  // "建德10000.01呢": a follow-up that changes figures only, however long its figures are.
  const followsUp = text.length <= SHORT || (isFollowUp(text) && !namesBudgetLine(text));
  const onlyChangesOne = (item === null || budgetItem) && followsUp && Object.keys(updates).length > 0;
  if (newQuestion && !onlyChangesOne) return false;
  if (Object.keys(updates).length > 0 && typeof s.slots[FILED] === 'string' && !isCorrection(text)) {
    // After filing, a new question about the same thing is a new question; only a correction amends what was filed.
    t.state = null;
    await start(t, s.intent, { ...inherited(s, s.intent), ...updates });
    return true;
  }
  if (Object.keys(updates).length > 0) {
    const writer = s.slots[EMPLOYER];
    await refillFromCase(t, def, s);
    if (changes(updates, s.slots) && isCorrection(text)) t.sayCorrected(updates, def);
    rememberComparison(t, s, updates);
    Object.assign(s.slots, updates);
    // "在外地住的怎么检": the fact changed, and the side it asks of is now the question.
    // "建德的 … 能全报不": a question with a side of its own (the amount) asks only that; one without keeps what was asked.
    if (!rememberAspects(s, text) && aspectsOf(text).length > 0) delete s.slots[ASPECTS];
    rememberYesNo(s, text);
    if (!aboutSomeoneElse(text)) rememberWho(s, text);
    await advance(t, def, s);
    // "那我老伴是市属企业退休的呢" was answered with her employer; the writer stays who they said they are.
    if (aboutSomeoneElse(text) && EMPLOYER in updates) s.slots[EMPLOYER] = writer ?? null;
    t.intent = s.intent;
    return true;
  }
  return answerAboutIt(t, def, s, text);
}

/** The message gives a fact (other than the district) that this dialog takes and the other item's does not. */
function factsOnlyHere(said: Slots, item: string): boolean {
  const other = DIALOGS.get(item);
  return Object.keys(said).some((name) => name !== 'region' && !other?.slots.some((spec) => spec.name === name));
}

/** What a message after an answer changes of it: its facts, a figure moved ("多1块呢"), who the writer is. */
function changedBy(t: Turn, def: DialogDef, s: DialogState, said: Slots): Slots {
  const text = t.normalized;
  // "多1块呢" after "自付1万": the amount changed by what is said, not replaced by it.
  const relative = relativeAmount(text, s.slots.amount);
  // "那支援外地建设回杭定居的呢" after an answer to 省属企业: who they are is the one thing changed. "那我老伴是市属企业
  // 退休的 她有伐" asks of someone whose employer it says: asked with theirs. Someone else's other facts leave it be.
  const saysEmployer = employerOf(text) !== undefined || saysOrdinaryEmployer(text);
  const aboutThem = isFollowUp(text) && (!aboutSomeoneElse(text) || saysEmployer);
  const who = aboutThem ? employerOf(text) : undefined;
  const updates: Slots = {
    ...said,
    ...namedCorrection(t, def),
    ...(relative !== undefined ? { amount: relative } : {}),
    ...(who && who !== s.slots[EMPLOYER] ? { [EMPLOYER]: who } : {}),
    // "那要是一般企业退休的呢": none of the exceptions any more (rememberWho drops it).
    ...(aboutThem && saysOrdinaryEmployer(text) && s.slots[EMPLOYER] !== undefined ? { [EMPLOYER]: null } : {}),
  };
  // "…回杭定居的呢" after a 西湖区 answer: the city named takes nothing from the district known inside it.
  if (typeof updates.region === 'string' && typeof s.slots.region === 'string' && withinCity(s.slots.region, updates.region)) delete updates.region;
  return updates;
}

/** True when `district` lies in `city` and goes by the city's text (西湖区 in 杭州市; not 建德市, which has its own). */
function withinCity(district: string, city: string): boolean {
  const c = findRegion(city);
  const d = findRegion(district);
  return c?.cityOnly === true && d !== undefined && d !== c && d.city === c.name && d.doc === c.doc;
}

/** Sure enough that the message asks about another topic than the one just answered. */
function asksANewQuestion(t: Turn, s: DialogState, u: Understanding): boolean {
  const text = t.normalized;
  // "我是建德的，管30个人" from a group leader: their district and head count, not a budget (staff work).
  // "那退管工作经费每人多少" after a health-check answer: a budget line, a new question even from a retiree.
  const budgetLine = u.intent === 'fund_budget' && s.intent !== 'fund_budget' && namesBudgetLine(text);
  // "一年三节合计" after a festival's budget line: a sum of the same budget, whatever a classifier makes of it alone.
  // ("建德 重阳 困难 3人 合计" names its own district and count: a question of its own.)
  const ownFacts = u.slots.region !== undefined || u.slots.count !== undefined;
  const sameSum = s.intent === 'fund_budget' && t.incoming.staff && /合计|总共|一共|加起来|共计/.test(text) && !ownFacts;
  if (sameSum) return false;
  if (budgetLine) return true;
  const other = !sameTopic(u.intent, s.intent) && !sameTopic(s.intent, u.intent);
  return topicFor(u.intent, t.incoming.staff) && u.confidence >= NEW_QUESTION && other && !isBareAspectQuestion(text);
}

/** A question about the topic just answered: its clauses ("依据呢"), or the side of it asked ("要带什么材料"). */
async function answerAboutIt(t: Turn, def: DialogDef, s: DialogState, text: string): Promise<boolean> {
  const basis = await basisAnswer(t, def, s.slots);
  if (basis) {
    t.say(basis);
    t.intent = s.intent;
    return true;
  }
  const question = questionIn(t, s.intent);
  // "要我自己申请不" after the festival money's answer: nothing to apply for is said so (and a person offered).
  if (!def.accept && !def.appliedVia && ASKS_IF_APPLYING.test(text) && !question?.other) return apply(t, def, s);
  if (!question || question.other || question.aspects.length === 0) return false;
  // "忘了做会咋样" after the certification rules: a dialog answered from its points answers the side asked anew.
  // (Money asked of — "多领的要退吗" — is a death's or a fraud's, answered elsewhere.)
  const pointsDialog = s.intent !== STAFF_RULE && !def.topic && !def.accept && def.slots.every((spec) => spec.optional || s.slots[spec.name] !== undefined);
  if (pointsDialog && !question.aspects.includes('pension')) {
    await advance(t, def, s);
    t.intent = s.intent;
    return true;
  }
  // "社区这边要协助干啥" after a staff rule on reporting deaths: the death's facts answer it.
  const ruleTopic = s.intent === STAFF_RULE ? RULE_TOPICS[String(s.slots.rule)] : undefined;
  // "购物卡呢" after "能不能发现金": the same yes/no question of the thing named (topicAnswer joins the two).
  // "要是明年再住一次呢": a follow-up gets the figure beside the side it asks.
  const aspects = isFollowUp(text) && !question.aspects.includes('amount') ? [...question.aspects, 'amount' as const] : question.aspects;
  const outside = outsideTheFund(t, def, s);
  const lines = outside ? [outside] : topicAnswer(t, ruleTopic ? defOf(ruleTopic) : def, s.slots, aspects);
  if (!lines) return false;
  t.show({ lines });
  t.intent = s.intent;
  return true;
}

/**
 * "帮我登记", "那我要报名", "帮我报销一下": the topic just answered is what they apply for. Its offer is taken up (the
 * district asked first when it was not known); a topic with nothing to apply for says so and offers a person.
 */
async function apply(t: Turn, def: DialogDef, s: DialogState): Promise<boolean> {
  if (def.appliedVia) {
    return startInstead(t, def.appliedVia, inherited(s, def.appliedVia));
  }
  t.intent = s.intent;
  if (def.accept && typeof s.slots.region !== 'string' && def.slots.some((spec) => spec.name === 'region')) {
    if (t.ctx.inGroup) {
      // An application is nobody else's business: the district is asked, and the rest done, in private.
      t.say(t.tr.t('apply-move-private'));
      t.moveToPrivate(s.intent);
    }
    s.slots[APPLY] = true;
    s.awaiting = 'region';
    // Said what is being registered, so "帮我办" is seen to be understood.
    t.ask(def, 'region', t.tr.t('apply-start', { topic: t.tr.t(`topic-${s.intent}`) }));
    return true;
  }
  // Staff registering for a retiree ("帮她申请") are answered as the retiree would be: the application starts.
  const outcome = def.accept ? await def.finish(asApplicant(t), s.slots) : null;
  if (outcome?.next === 'offer') {
    await acceptOffer(t, def, s);
    return true;
  }
  // Nothing to apply for here (a check the community arranges, a ceiling not reached): the answer says why.
  if (outcome && outcome.lines.length > 0 && !def.slots.some((spec) => spec.name === 'outside')) {
    t.show({ lines: answerOnly(outcome) });
    return true;
  }
  t.say(t.tr.t('apply-not-offered', { topic: t.tr.t(`topic-${s.intent}`) }), [{ label: t.tr.t('menu-human_handoff'), payload: intentButton('human_handoff') }]);
  return true;
}

/** A question of the domain starts its dialog. */
export async function newTopic(t: Turn): Promise<boolean> {
  const u = t.understanding;
  // "那社区还管我吗" after "省属企业退休的 …": who they said they are holds for the next question.
  // The topic answered is kept one step back: "那帮我办转移" after this new question goes back to it.
  const who = t.state?.awaiting === 'done' ? { ...whoTheyAre(t.state.slots), ...asEarlier(t.state) } : {};
  // "我上个月刚办好退休 西湖区的 明年春节能拿1200不": a long question the classifier is unsure of, that names an item,
  // is that item's question.
  // "钱塘区 端午" from staff: a place and an item, nothing else, is that item's question.
  const bare = withoutPlaces(t.normalized).replace(/[\s，,。？?]/g, '').length <= 4;
  const named = u?.intent === 'out_of_scope' && (isQuestion(t.normalized) || bare) ? askedItemIntentOf(t.normalized) : null;
  if (named && DIALOGS.has(named)) return startInstead(t, named, who);
  if (!u || !DOMAIN.has(u.intent)) return false;
  // "支援外地建设回杭的，过节慰问费有没有我的份": who they are is context; the item named is the question.
  // "体检经费标准多少一个人" from a retiree: the item's own standard, not a budget line (staff work).
  const item = u.intent === 'coverage_enrollment' || !topicFor(u.intent, t.incoming.staff) ? itemIntentOf(t.normalized) : null;
  // "人走了以后养老金还能领吗": what a death stops is a question about deaths.
  // "要报告我父亲去世，另外问下丧葬补助金…": a death reported in so many words is the report, whatever else is asked.
  // "冒领养老金怎么处理": pension drawn wrongly is what a death's facts say (return it; it is recovered).
  const wrongly = u.intent === 'pension_certification' && /冒领|骗取|多领/.test(t.normalized);
  // "企业退休人员死亡 社区要协助家属做什么": what follows a death, asked of a text, is the death's topic.
  const aboutDeath = u.intent === 'pension_certification' || u.intent === 'coverage_enrollment' || reportsDeath(t.normalized);
  const death = (aboutDeath && namesDeath(t.normalized)) || wrongly ? 'report_death' : null;
  // "我妈上个月住院刚领了慰问 昨天走了 那丧事的慰问还有吗": with a death told, the item asked is the one named last.
  const lastNamed = namesDeath(t.normalized) ? askedItemIntentOf(t.normalized) : null;
  const asked = lastNamed === 'funeral_consolation' ? lastNamed : item;
  // "郑州 省属企业移交650人 管理费多少" from staff: a budget line, whatever else the line names.
  const budget = t.incoming.staff && u.intent !== 'fund_budget' && namesBudgetLine(t.normalized) ? 'fund_budget' : null;
  // "到时候来报的话有没有时间限制": by when a death is reported, not how a case stands.
  const deadline = u.intent === 'case_status' && /报/.test(t.normalized) && !asksProgress(t.normalized) && aspectsOf(t.normalized).includes('deadline');
  const intent = death ?? budget ?? (deadline ? 'report_death' : asked && DIALOGS.has(asked) ? asked : u.intent);
  return startInstead(t, intent, who);
}
