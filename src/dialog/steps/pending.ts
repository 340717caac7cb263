import { CANCEL, intentButton, NO, YES } from '../../chat/index.ts';
import {
  type Aspect,
  askedItemIntentOf,
  asksForPerson,
  asksProgress,
  asksSameAgain,
  aspectsOf,
  isApplyRequest,
  isCorrection,
  isFollowUp,
  isQuestion,
  isQuestionOrWish,
  itemIntentOf,
  namesDeath,
  reportsDeath,
  SUPPOSING,
  wantsToApply,
} from '../../nlu/cues.ts';
import { aspectAnswer } from '../answers.ts';
import { basisAnswer, namedCorrection, type Question, questionIn, relatedAnswer, topicAnswer } from '../aside.ts';
import { APPLY, ASIDE_ASPECTS, ASIDE_TOPIC, ASPECTS, type DialogDef, type Read, type SlotSpec, type Slots } from '../context.ts';
import {
  acceptOffer,
  advance,
  answerOnly,
  askedAspects,
  changes,
  defOf,
  digress,
  inherited,
  rememberComparison,
  rememberYesNo,
  replaces,
  start,
  startInstead,
} from '../form.ts';
import { ASKING } from '../forms/death.ts';
import { DIALOGS, sameTopic } from '../forms/index.ts';
import { relativeAmount } from '../slots.ts';
import { type DialogState, isPending, missingSlots } from '../state.ts';
import type { Turn } from '../turn.ts';
import { readAgainInContext } from './context.ts';

/** After this many answers it cannot use, the bot offers a person instead of asking again. */
const MAX_TRIES = 3;
/** "那萧山呢", "重阳的呢": the same question about something else — answered again, not a correction. */
const FOLLOW_UP = /^(那|还有|换成)|呢[?？。!！]*$/;
/** A bare acknowledgement ("好的", "嗯", "不用了", "知道了"), which answers an optional question with nothing. */
const PLAIN_ACK = /^(好的?|好吧|嗯+|哦+|噢+|行|可以|知道了|明白了?|晓得了|不用了?|不需要|不要了?|没事了?|谢谢(你|您)?|ok)[啊呀吧了的哈啦。！!，,.~\s]*$/i;

/** A plain yes or no in words ("不用了谢谢", "好的 登记吧", "那帮我申请"); null when the words say neither, or ask. */
/** "谢谢", "多谢": thanks said with the answer. */
const THANKS = /谢谢|多谢|感谢|谢了/;

export function yesOrNo(text: string): 'yes' | 'no' | null {
  // "那帮我登记这一次", "那就不用了": the 那 that opens a reply says nothing itself.
  const t = text.trim().replace(/^那(就|你)?[，,\s]*/, '');
  if (/^(不用|不要|不了|不必|不需要|算了|没事|暂时不|先不|不办)/.test(t)) return 'no';
  // "整一个申请嘛", "那就弄个登记吧": dialect for "do one", whose 嘛 urges rather than asks.
  // "整吧 帮俺弄", "弄吧": the same, 俺 and 咱 being 我.
  if (/^(那就?|就)?(整|弄|搞|办)(一)?(个|下)(申请|登记)|^(整|弄|搞|办)(吧|呗|嘛)|^帮(我|俺|咱)(整|弄|搞|办)(一下|吧|呗|嘛)?([\s，,。!！]|$)/.test(t))
    return 'yes';
  if (isQuestion(t)) return null;
  // "好的谢谢" to an offer is thanks for the answer, not a yes to filing.
  if (THANKS.test(t) && !/登记|申请|办|提交|要的|需要|麻烦/.test(t)) return null;
  // 中 ("中，提交吧") is Henan's yes.
  if (/^(好|要|可以|行|嗯|是的|是|对|确认|没问题|登记|办|麻烦|需要|中(?=[\s，,吧啊了提交]|$)|(帮我|帮忙|给我|请)(登记|申请|办|提交|改|换|变更|更新))/.test(t))
    return 'yes';
  if (/^(我要|我想)?申请(登记|吧|一下|了)?[。！!.\s]*$/.test(t) || isApplyRequest(t)) return 'yes';
  // "现在对了", "这回没错了": the facts read back are now right.
  if (/^(现在|这下|这回|这次)(就)?(对|没错|没问题|可以)了?(吧)?[。！!.\s]*$/.test(t)) return 'yes';
  return null;
}

/** The form waits for an answer or a yes/no: this message is read against it first. */
export async function pending(t: Turn): Promise<boolean | 'again'> {
  const s = t.state;
  if (s === null || !isPending(s)) return false;
  t.intent = s.intent;
  if (s.awaiting === 'offer' || s.awaiting === 'confirm') return (await yesNo(t, s)) ?? true;
  return (await slotAnswer(t, s)) ?? true;
}

/** "我要找人工", "让社区的人给我打个电话": a person is asked for, whatever waits. */
function wantsPerson(t: Turn): boolean {
  const u = t.understanding;
  return t.button === null && ((u?.intent === 'human_handoff' && u.confidence >= 0.6) || asksForPerson(t.normalized));
}

/** The words that name each question's subject, for "什么社区？" and "身份证号一定要吗". */
const SUBJECT: Readonly<Record<string, RegExp>> = {
  community: /社区|村/,
  idNumber: /身份证/,
  reporterPhone: /电话|手机/,
  region: /哪个区|什么区|区县|县/,
  relation: /关系/,
  amount: /自付|自己付|多少钱|金额|报销/,
};
/** "要登记些什么", "需要提供哪些信息": what the form collects. */
const WHAT_IT_NEEDS = /(要|需要|得)(登记|填|提供|准备|说|报|告诉你)(些|哪些|什么|啥)|(登记|填|提供)(些|哪些)?(什么|啥)(信息|东西|内容)?[啊呀呢吗]?[?？]?$/;

/** "不晓得自付了多少，去哪里查": the user cannot answer the question just asked and asks how to find out. */
const CANNOT_TELL = /不知道|不晓得|不清楚|搞不清|(哪里|哪儿|去哪|在哪|怎么|咋)(查|看|找|打印|开)/;

/** What a question about the question just asked needs to hear, when there is an explanation for it. */
function explanationOf(t: Turn, def: DialogDef, slot: string): string | null {
  // A report's district prompt asks for the community too ("西湖区 翠苑一区社区").
  const asked = slot === 'region' && SUBJECT.community?.test(t.normalized) && def.slots.some((x) => x.name === 'community') ? 'community' : slot;
  const subject = SUBJECT[asked];
  if (!subject?.test(t.normalized) || !def.slots.some((x) => x.name === asked)) return null;
  return t.tr.maybe(`explain-${asked}`);
}

/** The yes/no question again, with its buttons (a confirmation's are "确认登记" and "取消"). */
function askYesNo(t: Turn, s: DialogState, lead: string): void {
  const confirm = s.awaiting === 'confirm';
  t.say(lead, [
    { label: t.tr.t(confirm ? 'button-confirm-report' : 'button-yes'), payload: YES },
    { label: t.tr.t(confirm ? 'button-cancel' : 'button-no-thanks'), payload: confirm ? CANCEL : NO },
  ]);
}

/** A question naming an item other than the dialog's own. */
function aboutAnotherItem(text: string, intent: string): boolean {
  const item = askedItemIntentOf(text);
  return item !== null && !sameTopic(item, intent) && !sameTopic(intent, item) && !(intent === 'report_death' && item === 'funeral_consolation');
}

/** Facts the message gives for the dialog, a named correction ("名字写错了，是张建国") included. */
function factsSaid(t: Turn, def: DialogDef, skip?: string): Slots {
  // "多1块呢" after "自付1万": the amount changed by what is said, not replaced by it.
  const relative = t.button === null ? relativeAmount(t.normalized, t.state?.slots.amount) : undefined;
  return { ...t.readAll(def, skip), ...namedCorrection(t, def), ...(relative !== undefined ? { amount: relative } : {}) };
}

/**
 * A yes that names what it is for, other than the offer: "还有 我爸前天也走了 帮我登记" registers the death; "帮我申请住院那个"
 * while a 大病 offer waits applies for the hospitalisation. True when it started that instead.
 */
async function yesToSomethingElse(t: Turn, s: DialogState): Promise<boolean> {
  const named = namesDeath(t.normalized) ? 'report_death' : itemIntentOf(t.normalized);
  if (!named || named === s.intent || !DIALOGS.has(named) || sameTopic(named, s.intent) || sameTopic(s.intent, named)) return false;
  return startInstead(t, named, { ...inherited(s, named), ...(named === 'report_death' ? {} : { [APPLY]: true }) });
}

/** Of facts said, those the dialog already holds (the amount an application carries from the answer it applies for). */
function heldFacts(said: Slots, held: Slots): Slots {
  return Object.fromEntries(Object.entries(said).filter(([name]) => held[name] !== undefined && held[name] !== null));
}

/**
 * "我上次报的那个大病慰问办到哪了": an earlier case's progress, whatever item it names. An offer is left for it; a form
 * or a confirmation waits on after the answer.
 */
async function progressAsked(t: Turn, s: DialogState): Promise<boolean> {
  if (t.button !== null || !asksProgress(t.normalized)) return false;
  if (s.awaiting === 'offer') await startInstead(t, 'case_status', {});
  else await digress(t, s, 'case_status');
  return true;
}

/**
 * Facts said at a yes/no ("等等 金额说错了 是九千八", "好 帮我办 从上城搬过来的 租的房子"): put right or added, then the
 * answer (or the application) goes on with them. False when the message states none to take.
 */
async function factsAtYesNo(t: Turn, s: DialogState, def: DialogDef): Promise<boolean> {
  // "等等 金额说错了 是九千八" at an application's confirmation: a fact of the topic it applies for, held by it too.
  const applied = def.answeredBy && t.button === null ? heldFacts(t.readAll(defOf(def.answeredBy), 'applicantName'), s.slots) : {};
  const updates = t.button === null ? { ...applied, ...factsSaid(t, def) } : {};
  const changed = changes(updates, s.slots);
  // A question (not a correction) typed here: its facts are asked about, not put right.
  const asked = t.button === null && isQuestion(t.normalized);
  const asks = asked && !isCorrection(t.normalized);
  // "好的 登记报销": a yes whose words repeat a known fact is a yes.
  const plainYesOrNo = t.button === null && !changed && yesOrNo(t.normalized) !== null;
  // "今年3月份也住过一次 还能再领不": facts of another time, asked about.
  // "另外问下 我西湖区的 体检怎么报" at a death's offer: a question about another item, its facts its own.
  // "那个丧事慰问打到谁卡上 我奶奶的卡…" at the confirmation: a question that only says known facts again asks.
  // "要是明年又花了一万多 还能再申请吗" at the confirmation: a what-if asked, the facts to file stay as they are.
  const supposed = asks && s.awaiting === 'confirm' && SUPPOSING.test(t.normalized);
  const notFacts =
    (asks && aspectsOf(t.normalized).includes('frequency')) || (asked && aboutAnotherItem(t.normalized, s.intent)) || (asked && !changed) || supposed;
  if (Object.keys(updates).length === 0 || plainYesOrNo || notFacts) return false;
  // "好 帮我办 从上城搬过来的 租的房子": a yes to the offer that adds facts (none put right) accepts with them.
  const yesWithFacts = s.awaiting === 'offer' && t.button === null && yesOrNo(t.normalized) === 'yes' && !replaces(updates, s.slots);
  // A fact said again is answered again, without claiming a change.
  // "长沙也是7天吗": a question with another fact asks about it; only a statement corrects.
  if (replaces(updates, s.slots) && !FOLLOW_UP.test(t.text.trim()) && !asks) t.sayCorrected(updates, def);
  rememberYesNo(s, t.normalized);
  rememberComparison(t, s, updates);
  Object.assign(s.slots, updates);
  // Still something to apply for with the facts added: applied for; otherwise the answer says why not.
  const outcome = yesWithFacts ? await def.finish(t.ctx, s.slots) : null;
  if (outcome?.next === 'offer') {
    // Facts of the answer itself ("发票三百八", "租的房子") change it: the answer for them is said before filing.
    if (Object.keys(updates).some((name) => def.slots.some((spec) => spec.name === name))) for (const line of answerOnly(outcome)) t.say(line);
    await acceptOffer(t, def, s);
  } else await advance(t, def, s);
  return true;
}

/** A yes, a no, thanks or "不对" at the yes/no: what it says done. False when the message is none of them. */
async function answeredYesOrNo(t: Turn, s: DialogState, def: DialogDef, words: 'yes' | 'no' | null, asked: boolean): Promise<boolean> {
  if (words === 'yes' && (await yesToSomethingElse(t, s))) return true;
  // "要是医院开的是收据行不行": a question is answered, never taken as a yes or a no by the classifier.
  if (t.button?.kind === 'yes' || (t.button === null && (words === 'yes' || (words === null && !asked && t.is('affirm'))))) {
    await acceptOffer(t, def, s);
    return true;
  }
  // "谢谢你们" at the confirmation of a report is thanks, not a "no": the report is not dropped.
  if (t.button === null && words === null && t.is('thanks') && s.awaiting === 'confirm') {
    t.intent = 'thanks';
    askYesNo(t, s, t.tr.t('confirm-after-thanks'));
    return true;
  }
  if (t.button === null && words === null && t.is('thanks') && s.awaiting === 'offer') {
    t.intent = 'thanks';
    t.say(t.tr.t('offer-after-thanks'));
    s.awaiting = 'done';
    return true;
  }
  // "年龄错了" at the confirmation with nothing read to put right: which one is asked, nothing dropped.
  if (s.awaiting === 'confirm' && t.button === null && words === null && isCorrection(t.normalized)) {
    askYesNo(t, s, t.tr.t('confirm-which-wrong'));
    return true;
  }
  if (t.button?.kind === 'no' || (t.button === null && (words === 'no' || (words === null && !asked && t.is('deny'))))) {
    t.say(t.tr.t(s.awaiting === 'confirm' ? 'confirm-declined' : 'offer-declined'));
    s.awaiting = 'done';
    // "不用了 谢谢": the message declines (and thanks); nothing of the topic is asked.
    if (t.button === null && THANKS.test(t.normalized)) t.intent = 'deny';
    return true;
  }
  return false;
}

/** False when the message leaves the offer behind: a question nothing here answers goes on as a new one, in context. */
async function yesNo(t: Turn, s: DialogState): Promise<false | undefined> {
  const def = defOf(s.intent);
  // "我还是想跟社区的人当面说 转人工吧" at the confirmation: a person is asked for, before anything in it is read
  // ("好的 工作人员核对吧" is still a yes).
  if (wantsPerson(t) && yesOrNo(t.normalized) !== 'yes') {
    await digress(t, s, 'human_handoff');
    return;
  }
  if (await factsAtYesNo(t, s, def)) return;
  const asked = t.button === null && isQuestion(t.normalized);
  const words = t.button === null ? yesOrNo(t.normalized) : null;
  if (await answeredYesOrNo(t, s, def, words, asked)) return;
  if (await progressAsked(t, s)) return;
  const question = questionIn(t, s.intent);
  if (question && (await aside(t, s, def, question))) {
    if (t.state === s) askYesNo(t, s, t.tr.t(s.awaiting === 'confirm' ? 'resume-confirm' : 'resume-offer'));
    return;
  }
  const other = t.button === null && wantsToApply(t.normalized) ? itemIntentOf(t.normalized) : null;
  if (other && DIALOGS.has(other) && !sameTopic(other, s.intent)) {
    // "先帮我把体检报销登记了" while a hospitalisation offer waits: that one is applied for, with what is known.
    await startInstead(t, other, inherited(s, other));
    return;
  }
  if (t.button === null && (t.is('greeting') || t.is('help'))) {
    // A fresh "你好" leaves the pending yes/no behind, as a person would.
    t.say(t.tr.t(t.is('help') ? 'help' : 'greeting-reply'), t.menuButtons());
    t.state = null;
    return;
  }
  // "那要是搬到外省住呢 要不要说" after an answer and its offer: the next question, read with the answer as context.
  if (s.awaiting === 'offer' && t.button === null && words === null && (asked || isFollowUp(t.normalized))) {
    s.awaiting = 'done';
    return false;
  }
  s.tries += 1;
  askYesNo(t, s, t.tr.t('yes-or-no'));
}

/**
 * A question asked while the form waits: about another topic, that topic's answer (the form comes back after it,
 * or, after an offer, the new topic takes over with what is known); about this one, the facts that answer it.
 * False when nothing answers it.
 */
async function aside(t: Turn, s: DialogState, def: DialogDef, q: Question): Promise<boolean> {
  if (q.other) {
    if (s.awaiting === 'offer') {
      // "那丧事的呢" after an answer and its offer: the next question, with the district and facts known.
      return startInstead(t, q.other, inherited(s, q.other));
    }
    if (otherTopicAnswer(t, s, q.other, q.aspects)) return true;
    await digress(t, s, q.other);
    return true;
  }
  const basis = await basisAnswer(t, def, s.slots);
  const own = q.aspects.length > 0 || !isFollowUp(t.normalized) ? q.aspects : lastAsideAspects(s);
  // "一年住了三次院呢": a follow-up that changes a figure gets the figure beside the side it asks (as after an answer).
  const changesFigure = isFollowUp(t.normalized) && /\d|[一二两三四五六七八九十]+(次|回|人|个|万|千)/.test(t.normalized);
  const aspects = changesFigure && own.length > 0 && !own.includes('amount') ? [...own, 'amount' as const] : own;
  const lines = basis ? [basis] : (topicAnswer(t, def, s.slots, aspects) ?? relatedAnswer(t, def, s.slots, aspects));
  if (!lines) return false;
  if (q.aspects.length > 0) s.slots[ASIDE_ASPECTS] = [...q.aspects];
  t.show({ lines });
  return true;
}

/** What the last question asked while the form waited asked about: "那已经取了的咋办" asks it again. */
const lastAsideAspects = (s: DialogState): Aspect[] => askedAspects(s, s.slots[ASIDE_ASPECTS] !== undefined ? ASIDE_ASPECTS : ASPECTS);

/** Another topic with facts, answered whatever the district (for each text when it is not known); the form stays. */
function otherTopicAnswer(t: Turn, s: DialogState, intent: string, aspects: readonly Aspect[]): boolean {
  const other = defOf(intent);
  const region = typeof s.slots.region === 'string' ? s.slots.region : t.profile.region;
  const lines = other.topic
    ? aspectAnswer(t.ctx, other.topic, region, other.factsInput?.(t.readAll(other), t.ctx.asOf) ?? {}, ['amount', ...aspects], t.normalized)
    : null;
  if (!lines) return false;
  t.show({ lines });
  t.intent = intent;
  s.slots[ASIDE_TOPIC] = intent;
  return true;
}

/**
 * "要是租的房子呢" while a question waits: what the first message asked is answered again with the one fact changed,
 * then the question comes back.
 */
function whatIf(t: Turn, def: DialogDef, s: DialogState): void {
  const asked = askedAspects(s).filter((a) => a !== 'amount');
  // Nothing asked in so many words: what the dialog says once known ("户口不在杭州呢" → the move's proof).
  const aspects = asked.length > 0 ? asked : (def.saysEarly?.(s.slots) ?? []);
  const lines = aspects.length > 0 ? topicAnswer(t, def, s.slots, aspects) : null;
  if (lines) t.show({ lines });
}

/** "户口在西湖区" (the flat a son's): what the dialog says as soon as it is known (the proof) is said now, not at the end. */
function earlyLines(t: Turn, def: DialogDef, slots: Slots): string {
  const early = def.saysEarly?.(slots) ?? [];
  return early.length > 0 ? (topicAnswer(t, def, slots, early)?.join('\n') ?? '') : '';
}

function sayOnceKnown(t: Turn, def: DialogDef, s: DialogState, before: string): void {
  if (!def.saysEarly || missingSlots(def, s.slots).length === 0) return;
  const now = earlyLines(t, def, s.slots);
  if (now && now !== before) t.say(now);
}

/** "我从上城搬到富阳了，富阳算杭州市区吗": an answer that also asks about the topic gets that answered before going on. */
function answerAlongside(t: Turn, def: DialogDef, s: DialogState): boolean {
  if (t.button !== null || !isQuestion(t.normalized)) return false;
  const asked = questionIn(t, s.intent);
  // "他是西湖区的 丧事费多少" while a report asks the name: the district is taken and the other topic answered.
  // "体检的呢", "节日慰问费也是这样吗" at a budget's prompt name one of the form's own topic words (a slot reads
  // them), not another topic; "那200块钱打到谁卡上" while a report asks the name is the funeral money's question.
  const said = t.readAll(def);
  const ownWords = (isFollowUp(t.normalized) || asksSameAgain(t.normalized)) && def.slots.some((spec) => spec.topicWords && said[spec.name] !== undefined);
  if (asked?.other) return !ownWords && otherTopicAnswer(t, s, asked.other, asked.aspects);
  if (!asked || asked.aspects.length === 0) return false;
  const lines = topicAnswer(t, def, s.slots, asked.aspects);
  if (lines) t.show({ lines });
  return lines !== null;
}

/** The answer and the facts the message gives, taken: what is known early is said, and the form goes on. */
/** "要是…呢", "如果是…": a case supposed, not a fact of this one. */
const HYPOTHETICAL = /^(那)?(要是|如果|假如|假设|若是|万一)/;

async function takeFacts(t: Turn, def: DialogDef, s: DialogState, spec: SlotSpec | undefined, answer: Read | null, others: Slots): Promise<void> {
  const earlyBefore = earlyLines(t, def, s.slots);
  const answered = answer !== null && 'value' in answer;
  if (answered) s.slots[s.awaiting] = answer.value;
  // "找不到身份证": taken as "later", and said so.
  if (answered && answer.value === null) {
    const later = t.tr.maybe(`skipped-${s.awaiting}`);
    if (later) t.say(later);
  }
  // Facts said in passing fill gaps; a correction ("不对，是前天") replaces what was answered.
  // An optional question asked after an answer ("告诉我人数…") leaves the answer open to follow-ups that change it.
  // "要是西湖区的呢" during a report: a what-if about the rule, answered with the fact changed; the report keeps its own.
  if (!answered && def.privateOnly && HYPOTHETICAL.test(t.normalized) && Object.keys(others).length > 0) {
    whatIf(t, def, { ...s, slots: { ...s.slots, ...others } });
    await advance(t, def, s);
    return;
  }
  const correcting = isCorrection(t.normalized) || isFollowUp(t.normalized) || spec?.optional === true;
  if (isCorrection(t.normalized) && changes(others, s.slots)) t.sayCorrected(others, def);
  if (correcting) rememberComparison(t, s, others);
  // Facts given instead of the answer asked for ("我电话…" at the ID prompt): taken, and said to be.
  const fresh = Object.fromEntries(Object.entries(others).filter(([name]) => s.slots[name] === undefined));
  if (!answered && !isQuestion(t.normalized) && !isCorrection(t.normalized)) t.sayNoted(fresh, def);
  for (const [name, value] of Object.entries(others)) if (correcting || s.slots[name] === undefined) s.slots[name] = value;
  s.tries = 0;
  if (!answerAlongside(t, def, s) && !answered && isFollowUp(t.normalized)) whatIf(t, def, s);
  else sayOnceKnown(t, def, s, earlyBefore);
  await advance(t, def, s, t.passingErrors(def, s.awaiting));
}

/**
 * Words about the form itself rather than an answer: what it needs, what its question means, applying (for the topic
 * just asked about, or for this one once it is answered). True when handled.
 */
async function aboutTheForm(t: Turn, def: DialogDef, s: DialogState): Promise<boolean> {
  if (t.button !== null) return false;
  // "要登记些什么啊": what the form as a whole needs, then its question again.
  const needs = WHAT_IT_NEEDS.test(t.normalized) ? t.tr.maybe(`form-needs-${s.intent}`) : null;
  const asksAboutIt = isQuestion(t.normalized) && t.normalized.length <= 12;
  // "社区？什么社区？": the question just asked is explained, and asked again.
  const explained = needs ?? (asksAboutIt || CANNOT_TELL.test(t.normalized) ? explanationOf(t, def, s.awaiting) : null);
  if (explained) {
    t.ask(def, s.awaiting, explained);
    return true;
  }
  const applying = isApplyRequest(t.normalized);
  const askedAside = s.slots[ASIDE_TOPIC];
  if (typeof askedAside === 'string' && DIALOGS.has(askedAside) && (applying || wantsToApply(t.normalized))) {
    // "那帮我登记报销" right after a question about another topic: that topic is applied for, with what is known.
    return startInstead(t, askedAside, { ...inherited(s, askedAside), [APPLY]: true });
  }
  const named = applying || wantsToApply(t.normalized) ? itemIntentOf(t.normalized) : null;
  if (named && DIALOGS.has(named) && !sameTopic(named, s.intent) && !sameTopic(s.intent, named) && !def.privateOnly) {
    // "帮我申请住院那个" while the 大病 amount is asked: the item named is the one applied for.
    return startInstead(t, named, { ...inherited(s, named), [APPLY]: true });
  }
  if (def.accept && applying) {
    // "帮他申请" while a question waits: the application goes ahead once it is answered.
    s.slots[APPLY] = true;
    t.ask(def, s.awaiting, t.tr.t('apply-start', { topic: t.tr.t(`topic-${s.intent}`) }));
    return true;
  }
  return false;
}

/** Sure enough that a question while an optional prompt waits asks the topic itself again. */
const SAME_TOPIC_ASKED = 0.9;

/** "12月9号走的" while the name is asked: what is wrong with the fact said (a date to come) is said, and that asked. */
function askWrongFact(t: Turn, def: DialogDef, s: DialogState): boolean {
  const wrong = isQuestion(t.normalized) ? undefined : [...t.passingErrors(def, s.awaiting)][0];
  if (!wrong) return false;
  const [name, error] = wrong;
  s.awaiting = name;
  t.ask(def, name, error);
  return true;
}

async function slotAnswer(t: Turn, s: DialogState): Promise<'again' | undefined> {
  const def = defOf(s.intent);
  if (t.button === null && asksForPerson(t.normalized) && isQuestionOrWish(t.normalized)) {
    // "能不能让社区的工作人员给我打个电话": a person is asked for, before anything in it is read as an answer.
    await digress(t, s, 'human_handoff');
    return;
  }
  // "我爸昨天走了 要报" while a question about deaths in general waits for the place: a report now, begun as one.
  if (t.button === null && s.slots[ASKING] === true && reportsDeath(t.normalized) && !isQuestion(t.normalized)) {
    await startInstead(t, 'report_death', { ...(typeof s.slots.region === 'string' ? { region: s.slots.region } : {}), [ASKING]: false });
    return;
  }
  const spec = def.slots.find((x) => x.name === s.awaiting);
  // "那我自己中秋的慰问还有吗" during a report: 中秋 is the other item's, not a date of death. (A budget's own
  // item slot reads "体检的呢"; only a form collecting a person's facts keeps other items' facts out.)
  const elsewhere = def.privateOnly === true && isQuestion(t.normalized) && !isCorrection(t.normalized) && aboutAnotherItem(t.normalized, s.intent);
  // "要是户口不在杭州要什么材料" while the hukou is asked: a case supposed and asked about, no answer given.
  const supposed = t.button === null && isQuestion(t.normalized) && SUPPOSING.test(t.normalized);
  const others = elsewhere ? {} : factsSaid(t, def, s.awaiting);
  // "不对，不是拱墅 是滨江" while the hukou is asked: a correction of other facts does not answer this question.
  const correctsOthers = isCorrection(t.normalized) && changes(others, s.slots);
  if (def.answeredBy && t.button === null && (await answerAgain(t, s, def.answeredBy))) return;
  const answer = spec && !(spec.personal && t.ctx.inGroup) && !correctsOthers && !supposed ? spec.read(t.msg, t.ctx, true) : null;
  // Facts said again ("长沙那个办法还管用吗" in a 长沙 report) are no answer: the message may be a question.
  if ((answer && 'value' in answer) || changes(others, s.slots)) {
    // "好 帮我办 从上城搬过来的": the answer comes with the request; the application goes ahead once all is known.
    if (def.accept && t.button === null && (isApplyRequest(t.normalized) || wantsToApply(t.normalized))) s.slots[APPLY] = true;
    await takeFacts(t, def, s, spec, answer, others);
    return;
  }
  // "要我电话干嘛" while the phone is asked: a question about the question, whatever the classifier hears in 电话.
  const aboutThePrompt = isQuestion(t.normalized) && (SUBJECT[s.awaiting]?.test(t.normalized) ?? false) && !asksForPerson(t.normalized);
  if (wantsPerson(t) && !aboutThePrompt) {
    await digress(t, s, 'human_handoff');
    return;
  }
  if (await aboutTheForm(t, def, s)) return;
  if (askWrongFact(t, def, s)) return;
  if (await progressAsked(t, s)) return;
  // A question is answered from the facts; a reader's error that answers it in its own words (aside) is said otherwise.
  const question = questionIn(t, s.intent);
  if (question && (await aside(t, s, def, question))) {
    if (t.state === s) t.ask(def, s.awaiting, t.tr.t('resume'));
    return;
  }
  if (!question && Object.keys(others).length > 0) {
    // "我是她儿媳妇" while the phone is asked, the relation known already: heard, and the question asked again plainly.
    t.ask(def, s.awaiting, t.tr.t('fact-noted'));
    return;
  }
  if (spec?.optional && s.slots[APPLY] !== true && PLAIN_ACK.test(t.normalized.trim())) {
    // "好的" / "不用了" to an optional question (the self-paid amount, to compute a figure): nothing more is needed.
    t.say(t.tr.t('optional-skipped'));
    s.awaiting = 'done';
    return;
  }
  if (t.is('greeting') || t.is('thanks')) {
    t.ask(def, s.awaiting);
    return;
  }
  // "从哪年开始" while a head count waits: read again with what was asked before it.
  if (question && readAgainInContext(t)) return 'again';
  if (question && spec?.optional && t.understanding?.intent === s.intent && t.understanding.confidence >= SAME_TOPIC_ASKED) {
    // "建德退管工作经费每人多少" again while an optional head count waits: the topic's question, answered anew.
    t.state = null;
    await start(t, s.intent, inherited(s, s.intent));
    return;
  }
  const unanswered = question !== null || (answer !== null && 'error' in answer && answer.aside === true);
  if (!unanswered) s.tries += 1;
  if (s.tries >= MAX_TRIES) {
    exhausted(t, def, s);
    return;
  }
  // The slot's own reply to a side remark ("号码在哪能查到") answers it better than "not in the texts".
  const ownAside = answer !== null && 'error' in answer && answer.aside === true;
  const problem =
    question && !ownAside ? t.tr.t('aside-unanswered') : answer && 'error' in answer ? t.tr.t(answer.error, answer.args) : t.tr.t('not-understood');
  t.ask(def, s.awaiting, problem);
}

/**
 * An application's facts corrected or changed ("说错了 是四万零三百", "那要是自付一万二呢"): the answer it applies for is
 * given again for them, and the application goes on. False when the message changes none of them.
 */
async function answerAgain(t: Turn, s: DialogState, intent: string): Promise<boolean> {
  // "查了一下 是九千三百块": the figure the answer waited for, said now, answers it again too.
  // A bare number answers the question asked (an age), not the money.
  const figureSaid = t.understanding?.slots.amount !== undefined && /元|块|万|千|百/.test(t.normalized);
  if (!isCorrection(t.normalized) && !isFollowUp(t.normalized) && !figureSaid) return false;
  const answered = defOf(intent);
  const said = t.readAll(answered, 'applicantName');
  if (!changes(said, s.slots)) return false;
  if (isCorrection(t.normalized)) t.sayCorrected(said, answered);
  const kept = Object.fromEntries(answered.slots.map((spec) => [spec.name, s.slots[spec.name]]).filter(([, v]) => v !== undefined && v !== null));
  return startInstead(t, intent, { ...kept, ...said, [APPLY]: true });
}

/** Three answers the form could not use: a person is offered; a report half told keeps what was said. */
function exhausted(t: Turn, def: DialogDef, s: DialogState): void {
  const handoff = [
    { label: t.tr.t('menu-human_handoff'), payload: intentButton('human_handoff') },
    { label: t.tr.t('button-cancel'), payload: CANCEL },
  ];
  if (def.privateOnly) {
    s.tries = 0;
    t.say(t.tr.t('retries-exhausted-kept'), handoff);
    t.ask(def, s.awaiting);
    return;
  }
  t.say(t.tr.t('retries-exhausted'), handoff);
  t.state = null;
}
