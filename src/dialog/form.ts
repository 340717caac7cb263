import { renderCitations, renderPoint } from '../answers/index.ts';
import {
  type Aspect,
  asksAboutTheFund,
  asksIfNeeded,
  asksSameAgain,
  asksWh,
  aspectsOf,
  employerOf,
  insuredLocally,
  isFollowUp,
  isYesNoQuestion,
  namesBareCityLevel,
  saysOrdinaryEmployer,
  tellsPensionSuspended,
  verdictWords,
  wantsToApply,
} from '../nlu/cues.ts';
import { coverage, type EmployerKind, findRegion, fundingException, type IsoDate, MONEY_TOPICS, type Point, topicFacts } from '../rules/index.ts';
import type { Json } from '../store/types.ts';
import {
  aspectAnswer,
  commonAnswer,
  comparedVerdict,
  EVERYONE,
  LIVES_IN,
  lead,
  ONE_MORE,
  ONLY_SOME,
  putsFigure,
  sameEverywhere,
  silentHere,
  verdict,
  WHEREVER,
} from './answers.ts';
import { questionIn, topicAnswer } from './aside.ts';
import { APPLY, ASPECTS, type DialogDef, EMPLOYER, type Outcome, QUESTION, type Slots, SUSPENDED, type TurnCtx, YES_NO_ASKED, yesNoAsked } from './context.ts';
import { FILED, offerButtons } from './forms/common.ts';
import { ASKING } from './forms/death.ts';
import { DIALOGS } from './forms/index.ts';
import { amountProblem } from './slots.ts';
import { type DialogState, missingSlots } from './state.ts';
import type { Turn } from './turn.ts';

/**
 * The form machinery every dialog shares: start a dialog with what the message told, ask what is missing, answer when
 * nothing is, and come back to an interrupted dialog.
 */

export const defOf = (intent: string): DialogDef => DIALOGS.get(intent) as DialogDef;

/** The answer without the question it ends with (an offer's, or an optional slot's: always the last line). */
export const answerOnly = (outcome: Outcome): readonly string[] =>
  outcome.next === 'offer' || outcome.awaiting !== undefined ? outcome.lines.slice(0, -1) : outcome.lines;

/** Whether facts read from a message differ from what the dialog holds (a repeat is no correction). */
export const changes = (updates: Slots, slots: Slots): boolean =>
  Object.entries(updates).some(([name, value]) => JSON.stringify(slots[name]) !== JSON.stringify(value) && !widens(name, value, slots[name]));

/** Whether facts read from a message replace one the dialog held (a first value is news, not a correction). */
export const replaces = (updates: Slots, slots: Slots): boolean =>
  changes(Object.fromEntries(Object.entries(updates).filter(([name]) => slots[name] !== undefined)), slots);

/** "长沙" said in a report for 岳麓区: the city of the district known is no change of it. */
function widens(name: string, said: unknown, known: unknown): boolean {
  if (name !== 'region' || typeof said !== 'string' || typeof known !== 'string') return false;
  return findRegion(known)?.city === said;
}

const usesRegion = (def: DialogDef) => def.slots.some((spec) => spec.name === 'region');

/** Asks the next missing question, or answers when nothing is missing. */
export async function advance(t: Turn, def: DialogDef, s: DialogState, errors?: Map<string, string>, resumed = false): Promise<void> {
  answerOnceRegionKnown(t, def, s);
  const missingAll = missingSlots(def, s.slots);
  // "自付-3000", "自付两千万" with the district unknown: the amount is asked again first; no district makes it right.
  const troubled = missingAll.some((spec) => spec.name === 'region') ? def.slots.find((spec) => amountProblem(s.slots[spec.name]) !== null) : undefined;
  const problem = troubled ? amountProblem(s.slots[troubled.name]) : null;
  if (troubled && problem) {
    delete s.slots[troubled.name];
    s.awaiting = troubled.name;
    t.ask(def, troubled.name, t.tr.t(problem.id, problem.args));
    return;
  }
  // "身份证33018219440404008" (a digit short) in the first message: that number is asked again first, while it is in mind.
  const missing = missingAll.find((spec) => errors?.has(spec.name)) ?? missingAll[0];
  if (missing) {
    const firstAsk = missing.name === 'region' && s.awaiting !== 'region';
    // Also at the district's prompt: a corrected amount (一万二 → 八千) may be one every text answers alike.
    if (missing.name === 'region' && (await answerWherever(t, def, s))) return;
    // The district decides the answer here: said why it is asked, the first time.
    const applying = s.slots[APPLY] === true;
    // What every text says alike comes with the reason ("超过5000元才能申请"), so the question is not all there is.
    const alike = def.topic && !applying ? sameEverywhere(t.ctx, def.topic, def.factsInput?.(s.slots, t.ctx.asOf) ?? {}) : [];
    // A question about deaths in general ("去世后多久要报") is asked where it differs from text to text, with why.
    const asking = s.slots[ASKING] === true;
    const why =
      firstAsk && def.topic && (!def.privateOnly || asking)
        ? [t.tr.t(asking ? 'region-why-places' : applying ? 'region-why-apply' : 'region-why'), ...alike].join('\n')
        : undefined;
    s.awaiting = missing.name;
    const back = resumed ? t.tr.t('resume') : undefined;
    t.ask(def, missing.name, errors?.get(missing.name) ?? ([back, why].filter((x) => x !== undefined).join('\n') || undefined));
    return;
  }
  const outcome = shaped(t, def, s, await def.finish(s.slots[APPLY] === true ? asApplicant(t) : t.ctx, s.slots));
  if (typeof s.slots.region === 'string' && def.intent !== 'report_death') t.profile.region = s.slots.region;
  // A mover is managed where they came from until the move is done: that is their district for other questions.
  else if (typeof s.slots.from === 'string' && findRegion(s.slots.from)?.cityOnly === false) t.profile.region = s.slots.from;
  if (s.parent) {
    // A question asked mid-form, answered: its follow-ups (offers) give way to the form it interrupted.
    for (const line of answerOnly(outcome)) t.say(line);
    await resume(t, s.parent, s.slots.region);
    return;
  }
  if (s.slots[APPLY] === true && outcome.next === 'offer') {
    // "帮我申请" said before the district was known: now it is, the application goes ahead.
    delete s.slots[APPLY];
    for (const line of answerOnly(outcome)) t.say(line);
    await acceptOffer(t, def, s);
    return;
  }
  t.show(outcome);
  s.awaiting = outcome.awaiting ?? outcome.next;
  s.tries = 0;
}

/** What the fund pays for, which a suspended pension suspends (004 二(一)); a move or a death report is not. */
const FUND_TOPICS: ReadonlySet<string> = new Set([...MONEY_TOPICS, 'health_check', 'group_activity']);

/** A follow-up that changes one thing ("那75岁以上的呢") gets the figure beside the side asked before. */
function aspectsToAnswer(t: Turn, s: DialogState): Aspect[] {
  const asked = askedAspects(s);
  // A follow-up, or an application ("帮他登记住院慰问，一年能领几次"): the figure goes with the answer to what was asked.
  // So does an eligibility question with the case's own amount ("自付五千零一块能不能拿").
  // "住院慰问一年几次": how often goes with how much each time.
  const withFigure =
    isFollowUp(t.normalized) ||
    s.slots[APPLY] === true ||
    wantsToApply(t.normalized) ||
    t.understanding?.slots.amount !== undefined ||
    asked.includes('frequency');
  return withFigure && asked.length > 0 && !asked.includes('amount') ? [...asked, 'amount'] : asked;
}

export function askedAspects(s: DialogState, slot = ASPECTS): Aspect[] {
  const v = s.slots[slot];
  return Array.isArray(v) ? (v.filter((a) => typeof a === 'string') as Aspect[]) : [];
}

/** The sides a message asks about, kept for the answer when it asks more than the figure; true when it did. */
export function rememberAspects(s: DialogState, text: string): boolean {
  const aspects = aspectsOf(text);
  if (!aspects.some((a) => a !== 'amount')) return false;
  s.slots[ASPECTS] = aspects;
  return true;
}

/** A yes/no question asked anew ("上城 自付一万 能拿2500不") is the one answered; a bare follow-up keeps the last. */
export function rememberYesNo(s: DialogState, text: string): void {
  if (isYesNoQuestion(text)) s.slots[YES_NO_ASKED] = text;
  // "那是谁定具体给多少": a follow-up asking who, what or how much asks no yes or no.
  else if (!isFollowUp(text) || asksWh(text)) delete s.slots[YES_NO_ASKED];
}

/** Who the writer says they are ("央企退休的", "养老金停了"), kept for the next questions; "在建德参保的呢" undoes 不在建德参保. */
export function rememberWho(s: DialogState, text: string): void {
  const employer = employerOf(text);
  if (employer) s.slots[EMPLOYER] = employer;
  else if (saysOrdinaryEmployer(text)) delete s.slots[EMPLOYER];
  else if (s.slots[EMPLOYER] === 'central_or_provincial_not_local' && insuredLocally(text)) delete s.slots[EMPLOYER];
  if (tellsPensionSuspended(text)) s.slots[SUSPENDED] = true;
}

/** What the first message asked, remembered for the answer (it may come after the district is asked). */
function rememberQuestion(t: Turn, def: DialogDef, s: DialogState): void {
  // What a follow-up ("那建德的呢") does not ask anew is inherited; a question of its own asks only itself.
  const followUp = isFollowUp(t.normalized);
  if (!rememberAspects(s, t.normalized) && (aspectsOf(t.normalized).length > 0 || !followUp)) delete s.slots[ASPECTS];
  rememberWho(s, t.normalized);
  rememberYesNo(s, t.normalized);
  if (def.accept && wantsToApply(t.normalized)) s.slots[APPLY] = true;
  // Staff's question, in its words (numbers masked): "2024年的呢", "乡镇呢" are read against it (steps/context.ts).
  if (t.incoming.staff && !followUp && !def.privateOnly) s.slots[QUESTION] = t.askedIn;
}

/** "西湖区也是这样吗": a district changed by a follow-up asking whether it is the same, kept for this turn's answer. */
export function rememberComparison(t: Turn, s: DialogState, updates: Slots): void {
  if (!asksSameAgain(t.normalized) || typeof updates.region !== 'string') return;
  if (typeof s.slots.region === 'string' && updates.region !== s.slots.region) t.comparedWith = s.slots.region;
  // After an answer given for 杭州市级 and 建德市 alike, "那建德的也一样吗" compares the one named with the other.
  const other = WHEREVER.find((w) => w.region !== updates.region);
  if (typeof s.slots.region !== 'string' && other && WHEREVER.some((w) => w.region === updates.region)) t.comparedWith = other.region;
}

/** The answer led by whether it is the same as the district's it was compared with ("一样。住院慰问：150元"). */
function compared(t: Turn, def: DialogDef, s: DialogState, outcome: Outcome): Outcome {
  const [first, ...rest] = outcome.lines;
  if (t.comparedWith === null || typeof s.slots.region !== 'string' || !def.topic || first === undefined) return outcome;
  const said = comparedVerdict(t.ctx, def.topic, t.comparedWith, s.slots.region, def.factsInput?.(s.slots, t.ctx.asOf) ?? {}, askedAspects(s));
  // A yes read off the words "也是…吗" is replaced by the comparison.
  const plain = /^(是|不是)。/.test(first) ? first.slice(first.indexOf('。') + 1) : first;
  return { ...outcome, lines: [`${said}${plain}`, ...rest] };
}

/**
 * The answer, first line first: a yes/no question gets its yes or no and the fact that answers it, the asked side
 * of the topic before the rest; an offer keeps its question (the last line).
 */
function shaped(t: Turn, def: DialogDef, s: DialogState, outcome: Outcome): Outcome {
  // A form that collects a report has its own last message; an amount asked again is no answer yet.
  if (outcome.again || def.privateOnly) return outcome;
  return compared(t, def, s, shapedOnce(t, def, s, outcome));
}

function shapedOnce(t: Turn, def: DialogDef, s: DialogState, outcome: Outcome): Outcome {
  const exception = exceptionFor(t, def, s);
  const answer = answerShaped(t, def, s, outcome);
  // Said by the answer itself already (coverage puts the rule about them first): not twice.
  if (!exception || answer.lines.some((line) => line.includes(exception.split('\n')[0] ?? exception))) return answer;
  // "算不算保障对象": the 但-clause answers it (支援外地建设回杭: yes; 省部属: not from this fund), said once, first.
  const question = yesNoAsked(s.slots) ?? '';
  const words = verdictWords(question);
  const returned = s.slots[EMPLOYER] === 'support_outside_returned';
  // 省部属: still managed and paid, by the original channel: "no" only to whether this fund covers them.
  // A private firm's retiree under a state-owned enterprises' text: no, whatever is asked.
  // Suspended with the pension: not from this fund either, whatever is asked.
  const outside = s.slots[EMPLOYER] === 'private' || s.slots[SUSPENDED] === true;
  // "省部属企业退休的 能不能领杭州的节日慰问费": money paid from the fund is the fund's question; its figures are not theirs.
  const fromTheFund = !returned && def.topic !== undefined && MONEY_TOPICS.has(def.topic);
  if (!words || (!returned && !outside && !fromTheFund && !asksAboutTheFund(question))) return { ...answer, lines: [exception, ...answer.lines] };
  const said = `${returned ? words.yes : words.no}。`;
  if (outside) return { ...answer, lines: [`${said}${exception}`] };
  // Nothing to apply for here either: no offer follows.
  if (fromTheFund) return { lines: [`${said}${exception}`], next: 'done' };
  const [first = '', ...rest] = answer.lines;
  const plain = first.startsWith(`${words.yes}。`) || first.startsWith(`${words.no}。`) ? first.slice(first.indexOf('。') + 1) : first;
  return { ...answer, lines: [`${said}${exception}`, plain, ...rest] };
}

/**
 * A coverage rule of the district's text: "支援外地建设退休回杭定居的，参照纳入" (004 二(二)), who is covered although
 * retired elsewhere; "被暂停养老待遇的…暂停列入" (004 二(一)), who is not while their pension is stopped.
 */
function coverageRule(region: string, asOf: IsoDate, code: string): Point | null {
  const r = coverage({ region, asOf });
  return (r.ok && r.value.rules.find((p) => p.code === code)) || null;
}

/** 但-clauses before the figure: "省部属企业退休人员…按原渠道保障经费" (004 二(二)) comes first, with its clause. */
function exceptionFor(t: Turn, def: DialogDef, s: DialogState): string | null {
  const employer = s.slots[EMPLOYER];
  if (typeof s.slots.region !== 'string' || !def.topic) return null;
  const suspended = s.slots[SUSPENDED] === true && FUND_TOPICS.has(def.topic);
  const point = suspended
    ? coverageRule(s.slots.region, t.ctx.asOf, 'suspended_with_pension')
    : typeof employer !== 'string'
      ? null
      : employer === 'support_outside_returned'
        ? coverageRule(s.slots.region, t.ctx.asOf, 'support_outside_returned_covered')
        : fundingException(s.slots.region, t.ctx.asOf, employer as EmployerKind);
  return point ? `${renderPoint(t.tr, point)}\n${renderCitations(t.tr, [point.cite])}` : null;
}

/**
 * "那谁出", "那找谁" after "省属企业退休的 节日慰问费有没有": for one the fund does not pay (省部属, suspended), the
 * 但-clause is the answer to whatever else is asked about the money; null when the fund is theirs.
 */
export function outsideTheFund(t: Turn, def: DialogDef, s: DialogState): string | null {
  if (s.slots[EMPLOYER] === 'support_outside_returned' || !def.topic || !MONEY_TOPICS.has(def.topic)) return null;
  return exceptionFor(t, def, s);
}

function answerShaped(t: Turn, def: DialogDef, s: DialogState, outcome: Outcome): Outcome {
  // Answered before the form's questions: the full answer now, not that side again.
  if (s.slots[ANSWERED_EARLY] === true) {
    delete s.slots[ANSWERED_EARLY];
    return outcome;
  }
  const asked = aspectsToAnswer(t, s);
  // "去哪里办 经费归哪边" once the move is known: what to bring goes with what was asked (the dialog's early side).
  const early = asked.length > 0 && !isFollowUp(t.normalized) ? (def.saysEarly?.(s.slots) ?? []) : [];
  const aspects = [...asked, ...early.filter((a) => !asked.includes(a))];
  // The answer is the first line; what follows it (an offer, a case already waiting, a question) stays.
  if (aspects.length > 0 && def.topic) {
    // "那要是打到我侄子卡上呢": a follow-up is the yes/no asked before, of what it changes (topicAnswer joins them).
    const carried = isFollowUp(t.normalized) && !isYesNoQuestion(t.normalized);
    const region = typeof s.slots.region === 'string' ? s.slots.region : undefined;
    // Silent here on the side asked: said so, before what the text does say (no yes read off other lines).
    if (region && silentHere(t.ctx, def.topic, region, def.factsInput?.(s.slots, t.ctx.asOf) ?? {}, aspects)) {
      return { ...outcome, lines: [t.tr.t('text-silent-in', { region }), ...outcome.lines] };
    }
    const lines = topicAnswer(t, def, s.slots, aspects, carried ? undefined : (yesNoAsked(s.slots) ?? ''));
    if (lines) return { ...outcome, lines: [...lines, ...outcome.lines.slice(1)] };
  }
  if (yesNoAsked(s.slots) && outcome.lines.length > 0) return { ...outcome, lines: withVerdict(t, def, s, [...outcome.lines]) };
  return outcome;
}

/**
 * Questions whose yes or no is said by one kind of line, not by whether the money is due: [what the question asks,
 * the lines that answer it, whether only their no overrides the due-ness].
 *   "我七十六了还能当组长伐" — 一般不超过75周岁; "今年做了明年还能做不" — 每2年一次; "能不能折成钱" — 不发现金;
 *   "花了500 能全报不" — 最多400元; "住在萧山算外地伐" — 杭州市外 (yes or no, from where the place is);
 *   "我住西湖区 自己做的能报销吗" — 直接结算.
 */
const LINE_VERDICTS: readonly (readonly [RegExp, RegExp, boolean])[] = [
  [/[5-9]\d|[五六七八九]十/, /不超过\d+周岁/, true],
  // "是不是每个退休的都有" — 只对…重点、特困…退休人员.
  [EVERYONE, ONLY_SOME, true],
  [/明年|今年.{0,6}还|每年/, /每2年|两年一次/, true],
  [/现金|折成钱|折现|换成钱|发钱|给钱/, /现金/, true],
  [/全报|全部报|都能报|都报|报全|全额/, /最多|最高|不超过/, true],
  // "发票丢了 还能报销伐" — 凭正规发票.
  [/发票[^，,。？?]{0,3}(丢|没了|找不到|不见)|没(有)?(开|要|拿)?(正规)?发票/, /发票/, true],
  // "超过400的部分能报吗" — 最多400元.
  [/(超过|超出|高于|多于)\d+|超(出)?的(那)?部分|多出(来)?的/, /最多|最高|不超过|标准\d+元/, true],
  [/算(不算)?(外地|市外|杭州市外|杭州外)/, /杭州市外/, false],
  // "我住西湖区 自己做的体检能报销吗" — 费用由…医院直接结算 (reimbursing is only for those living outside).
  [/报销|能报|给报|报不报/, /直接结算/, true],
  // "能不能多去一次" — 每人每年参加1次 / 每年不超过1次.
  [ONE_MORE, /\d+次/, true],
  // "我住萧山 能不能自己去医院体检了再拿发票报销" — the 杭州市外 rule, and 萧山 is inside 杭州市.
  [LIVES_IN, /杭州市外/, true],
];

/** The paragraphs with one line moved to the top of the first (its bullet dropped). */
function lineFirst(paragraphs: readonly string[], line: string): string[] {
  const rest = paragraphs.map((p) =>
    p
      .split('\n')
      .filter((l) => l !== line)
      .join('\n'),
  );
  return [[line.replace(/^·\s*/, ''), rest[0]].filter(Boolean).join('\n'), ...rest.slice(1)].filter((p) => p !== '');
}

/** A question about money rather than whether something is done at all. */
const MONEY_ASKED = /钱|金|多少|标准|元|块/;

/** "有，…" / "不能，…": the yes or no the question's own words ask for, before the figure. */
function withVerdict(t: Turn, def: DialogDef, s: DialogState, lines: string[]): string[] {
  const words = verdictWords(yesNoAsked(s.slots) ?? '');
  const region = typeof s.slots.region === 'string' ? s.slots.region : undefined;
  if (!words || !def.topic) return lines;
  // "自付三万 是不是能拿2500": the figure put forward, checked against the answer's.
  const asked = yesNoAsked(s.slots) ?? '';
  if (putsFigure(asked)) {
    const said = verdict(asked, (lines[0] ?? '').split('\n')[0]);
    if (said) return lead(said, lines);
  }
  const facts = region ? topicFacts(def.topic, { ...(def.factsInput?.(s.slots, t.ctx.asOf) ?? {}), region, asOf: t.ctx.asOf }) : null;
  // "这个要去申请吗", "需要证明吗": whether something is needed is not whether the money is due.
  const outcome = facts?.ok && !asksIfNeeded(words) ? facts.value.entitlement?.outcome : undefined;
  if (!outcome) {
    // No entitlement to say yes or no by (a move, 纳入): the line the question is about says it.
    const said = verdict(yesNoAsked(s.slots), lines.join('\n').split('\n'));
    return said ? lead(said, lines) : lines;
  }
  const question = yesNoAsked(s.slots) ?? '';
  // "过节有慰问吗" where the text sets visits but no amount (长沙 第二十五条(二)): there are visits; money is not set.
  const visitsOnly = outcome === 'not_set' && facts?.ok === true && facts.value.entitlement?.reason !== undefined && !MONEY_ASKED.test(question);
  const yes = outcome === 'fixed' || outcome === 'ceiling' || outcome === 'in_kind' || visitsOnly;
  const every = lines.join('\n').split('\n');
  // Due in general, but the line a question turns on says otherwise: that line's yes or no.
  for (const [asks, about, noOnly] of LINE_VERDICTS) {
    if (!asks.test(question)) continue;
    const aboutLines = every.filter((line) => about.test(line));
    const said = aboutLines.length > 0 ? verdict(question, aboutLines) : '';
    if (!said || (noOnly && !(yes && said.endsWith(`${words.no}。`)))) continue;
    // A no that a line says, where the money is due in general, leads with that line ("不能。每人每年参加1次").
    return noOnly ? lead(said, lineFirst(lines, aboutLines[0] as string)) : lead(said, lines);
  }
  return lead(`${yes ? words.yes : words.no}。`, lines);
}

/**
 * The district is not known: when every text gives the same answer (住院慰问 150 元 in 杭州市级 and 建德市 alike), it
 * is given at once; a question about one side of the topic is answered for each text. False when the district decides.
 */
async function answerWherever(t: Turn, def: DialogDef, s: DialogState): Promise<boolean> {
  // A report collects personal data and asks its own questions; a question about deaths ("人走了养老金还能领吗") does not.
  // By when to report differs by district and may be followed by a report: that one asks the district, and offers.
  const generalQuestion = s.slots[ASKING] === true && !askedAspects(s).includes('deadline');
  if (!def.topic || (def.privateOnly && !generalQuestion)) return false;
  const input = def.factsInput?.(s.slots, t.ctx.asOf) ?? {};
  const question = yesNoAsked(s.slots);
  // "大病慰问杭州和建德一样吗": where the texts differ, the difference is the answer (each text's figures).
  const asked = aspectsToAnswer(t, s);
  const aspects: Aspect[] = asked.length === 0 && /一样|区别|相同|不同|差别/.test(question ?? '') ? ['amount'] : asked;
  const lines =
    (aspects.length > 0 ? aspectAnswer(t.ctx, def.topic, undefined, input, aspects, question) : null) ?? commonAnswer(t.ctx, def.topic, input, question);
  if (!lines) return false;
  if (s.slots[APPLY] === true && !def.privateOnly) {
    // "住院慰问帮我登记下": the answer is the same everywhere, but the application needs the district: asked next.
    t.show({ lines });
    return false;
  }
  if (s.parent) {
    for (const line of lines) t.say(line);
    await resume(t, s.parent, undefined);
    return true;
  }
  t.show({ lines });
  s.awaiting = 'done';
  s.tries = 0;
  return true;
}

/** The first message of a report asked something ("丧葬费多少，能打到我卡上吗"): answered before the first question. */
const ANSWERED_WITHOUT_REGION = '_regionless';

function answerFirstQuestion(t: Turn, def: DialogDef, s: DialogState): string[] {
  if (!def.privateOnly || !def.topic || s.slots._asking !== undefined) return [];
  const q = questionIn(t, def.intent);
  if (!q) return [];
  const region = typeof s.slots.region === 'string' ? s.slots.region : undefined;
  const other = q.other ? DIALOGS.get(q.other) : undefined;
  const own = q.aspects.filter((a) => a !== 'amount');
  // "丧事费多少" asks the other topic only: the report's own facts wait for their own question.
  // "他是省属企业退休的…丧事慰问有没有": the 但-clause on who pays comes first (004 二(二)).
  const employer = employerOf(t.normalized);
  const exception = employer && region ? fundingException(region, t.ctx.asOf, employer) : null;
  const lines = [
    ...(exception ? [`${renderPoint(t.tr, exception)}\n${renderCitations(t.tr, [exception.cite])}`] : []),
    ...((other?.topic && aspectAnswer(t.ctx, other.topic, region, {}, ['amount', ...q.aspects], t.normalized)) || []),
    ...(other && own.length === 0 ? [] : (topicAnswer(t, def, s.slots, own) ?? [])),
  ];
  if (lines.length > 0 && !region) s.slots[ANSWERED_WITHOUT_REGION] = true;
  return lines;
}

const MOVES: ReadonlySet<string> = new Set(['transfer_management']);

/**
 * "我从萧山搬到滨江了 要转关系 到了滨江节日慰问有伐": the other item the first message asks about is answered first (for
 * the place it names last, where the user will be), then the form goes on.
 */
function answerOtherItemFirst(t: Turn, def: DialogDef, s: DialogState): void {
  // A budget reads items as its own lines, and 纳入 answers who is covered before the money: only a move asks this way.
  if (!MOVES.has(def.intent)) return;
  const q = questionIn(t, def.intent);
  // "以后慰问金是滨江那边发还是原来社区发": money in general asks who pays after the move (the move's own answer),
  // not the funeral money the bare word 慰问金 stands for elsewhere.
  const other = q?.other && !(q.other === 'funeral_consolation' && !/丧|白事/.test(t.normalized)) ? DIALOGS.get(q.other) : undefined;
  if (!q || !other?.topic) return;
  const place = [s.slots.to, s.slots.region, t.profile.region].find((r) => typeof r === 'string') as string | undefined;
  const lines = aspectAnswer(t.ctx, other.topic, place, {}, ['amount', ...q.aspects.filter((a) => a !== 'amount')], t.normalized);
  if (!lines) return;
  t.show({ lines });
  // Its yes or no is said: the form's own answer does not say it again.
  delete s.slots[YES_NO_ASKED];
}

/** Set when the first message's question was answered before the form's questions. */
const ANSWERED_EARLY = '_early';

/**
 * "搬到临平去住了，需要带什么材料": a form whose next question is not the district (that one is asked with its reason,
 * or not at all) answers what the first message asked from what it already told, then asks on.
 */
function answerBeforeAsking(t: Turn, def: DialogDef, s: DialogState): void {
  const [missing] = missingSlots(def, s.slots);
  const asked = askedAspects(s).filter((a) => a !== 'amount');
  const aspects = asked.length > 0 ? asked : (def.saysEarly?.(s.slots) ?? []);
  if (def.privateOnly || !def.topic || !missing || missing.name === 'region' || aspects.length === 0) return;
  const lines = topicAnswer(t, def, s.slots, aspects);
  if (!lines) return;
  t.show({ lines });
  s.slots[ANSWERED_EARLY] = true;
}

/** A question answered for every text before the district was known: answered again for the district, once. */
function answerOnceRegionKnown(t: Turn, def: DialogDef, s: DialogState): void {
  if (s.slots[ANSWERED_WITHOUT_REGION] !== true || typeof s.slots.region !== 'string') return;
  delete s.slots[ANSWERED_WITHOUT_REGION];
  const lines = topicAnswer(
    t,
    def,
    s.slots,
    askedAspects(s).filter((a) => a !== 'amount'),
  );
  if (lines) t.show({ lines });
}

/** Yes to an offer: the dialog's accept, which may hand over to the next dialog (an application in private). */
export async function acceptOffer(t: Turn, def: DialogDef, s: DialogState): Promise<void> {
  if (t.ctx.inGroup) {
    // What is filed, and for whom, is nobody else's business in a group: the rest goes on in private.
    t.say(t.tr.t('apply-move-private'));
    t.moveToPrivate(def.intent);
  }
  const outcome = def.accept ? await def.accept(t.ctx, s.slots) : { lines: [t.tr.t('ok')], next: 'done' as const };
  t.show(outcome);
  s.awaiting = 'done';
  // One hand-over a turn: a dialog that would hand over again in the same turn waits for the next message.
  if (outcome.continueWith && t.handOvers++ === 0) {
    t.state = null;
    await start(t, outcome.continueWith.intent, outcome.continueWith.slots);
  }
}

/** Staff applying for a retiree ("西湖 自付2万 大病 帮她申请") are answered as the retiree would be: with the offer. */
export function asApplicant(t: Turn): TurnCtx {
  return t.incoming.staff ? { ...t.ctx, incoming: { ...t.ctx.incoming, staff: false } } : t.ctx;
}

/** The topic left for another, one step back: its facts come back when the user returns to it. */
const EARLIER = '_earlier';

/** The topic in front, kept as the earlier one of the next: its own declared facts, none of them personal. */
export function asEarlier(s: DialogState): Slots {
  const own = (DIALOGS.get(s.intent)?.slots ?? []).filter((spec) => !spec.personal && s.slots[spec.name] !== undefined && s.slots[spec.name] !== null);
  return { [EARLIER]: { intent: s.intent, slots: Object.fromEntries(own.map((spec) => [spec.name, s.slots[spec.name] as Json])) } };
}

/** The facts of the topic left one step back, when it is the one returned to. */
function earlierFacts(s: DialogState, next: string): Slots {
  const earlier = s.slots[EARLIER];
  if (!earlier || typeof earlier !== 'object' || Array.isArray(earlier)) return {};
  const { intent, slots } = earlier as { intent?: Json; slots?: Json };
  return intent === next && slots && typeof slots === 'object' && !Array.isArray(slots) ? (slots as Slots) : {};
}

/** What a new topic keeps from the one before it: the district. */
export function inherited(s: DialogState, next: string): Slots {
  // The district, and what was asked of the last topic ("能不能发现金" → "建德的小组长补助呢" asks it of the next one).
  const kept = [ASPECTS, YES_NO_ASKED, EMPLOYER, SUSPENDED].filter((name) => s.slots[name] !== undefined).map((name) => [name, s.slots[name]] as const);
  // "住自己房子 … 帮我登记": facts the next dialog also asks for (hukou, housing, the two ends of a move) are not asked again.
  const shared = (DIALOGS.get(next)?.slots ?? [])
    .filter((spec) => !spec.personal && spec.name !== 'region' && s.slots[spec.name] !== undefined && s.slots[spec.name] !== null)
    .map((spec) => [spec.name, s.slots[spec.name]] as const);
  // "那帮我办转移" after a festival question asked once the move was answered: the move's facts come back.
  return {
    ...earlierFacts(s, next),
    ...(typeof s.slots.region === 'string' ? { region: s.slots.region } : {}),
    ...Object.fromEntries(shared),
    ...Object.fromEntries(kept),
    ...(s.intent !== next ? asEarlier(s) : {}),
  };
}

/** Back to an interrupted dialog, with the district the interruption established if it had none. */
export async function resume(t: Turn, parent: DialogState, region: Slots[string] | undefined): Promise<void> {
  const def = defOf(parent.intent);
  if (parent.slots.region === undefined && typeof region === 'string' && usesRegion(def)) parent.slots.region = region;
  t.state = parent;
  if (parent.awaiting === 'offer' || parent.awaiting === 'confirm') {
    t.say(t.tr.t('resume-offer'), offerButtons(t.ctx, 'button-yes'));
    return;
  }
  // "我们接着刚才的：" leads the question asked again, on its line; said alone when nothing is left to ask.
  const asksAgain = missingSlots(def, parent.slots).length > 0;
  if (!asksAgain) t.say(t.tr.t('resume'));
  await advance(t, def, parent, undefined, asksAgain);
}

/** Starts a dialog with what the message told (and what is `known`); a private one moves out of a group first. */
export async function start(t: Turn, intent: string, known: Slots = {}): Promise<void> {
  const def = DIALOGS.get(intent);
  if (!def) return;
  // The district the user said before counts: "聊城的 …", then "搬到外省住呢" is 聊城's move.
  const before: Slots = t.profile.region ? { region: t.profile.region } : {};
  const other = def.handOver?.({ ...before, ...known, ...t.readAll(def) }, t.ctx.asOf);
  if (other && other.intent !== intent && DIALOGS.has(other.intent)) {
    // Reported as what it became: a death told with a funeral-money question is a death report.
    if (t.intent === intent) t.intent = other.intent;
    await start(t, other.intent, other.slots);
    return;
  }
  if (def.privateOnly && t.incoming.group) {
    // Personal data is never asked for in a group: a short word there, the rest in private.
    t.say(t.tr.t(`${intent}-move-private`));
    t.moveToPrivate(intent);
  }
  const s: DialogState = { intent, slots: { ...known, ...t.readAll(def) }, awaiting: '', tries: 0 };
  // "富阳 中秋 每人" after "住院 4人次": what the message says per head is not the count carried over.
  for (const spec of def.slots) if (spec.clearedBy?.test(t.normalized) && known[spec.name] !== undefined) delete s.slots[spec.name];
  if (s.slots.region === undefined && t.profile.region && usesRegion(def)) s.slots.region = t.profile.region;
  // A new question "市级 服务关怀经费 标准", no place known: 杭州市级 (after a 建德 answer, 市级 is 建德's: not read here).
  if (s.slots.region === undefined && usesRegion(def) && namesBareCityLevel(t.normalized)) s.slots.region = '杭州市';
  rememberQuestion(t, def, s);
  if (def.privateOnly) {
    const opening = def.opening?.(t.ctx, s.slots) ?? [];
    // A question about deaths in general gets no condolence: nobody's death was told.
    const lead = s.slots[ASKING] === true ? '' : t.tr.t(`${intent}-opening`);
    // What the first message asked is answered on the condolence's line, before the form's introduction.
    // Handed over from an answer given this turn (an application after its consolation), the question is answered.
    const [first = '', ...rest] = (t.handOvers > 0 ? [] : answerFirstQuestion(t, def, s)).join('\n').split('\n');
    const lines = [`${lead}${first}`, ...rest, ...(rest.length > 0 ? [''] : []), ...opening].filter((line, i) => i > 0 || line !== '');
    if (lines.length > 0) t.say(lines.join('\n'));
  }
  answerOtherItemFirst(t, def, s);
  answerBeforeAsking(t, def, s);
  t.state = s;
  // "身份证330102…0022" in the first message with a wrong check digit: said when its question comes.
  await advance(t, def, s, t.passingErrors(def, ''));
}

/** Another dialog takes the turn over, with what is known: the one in front is left, the new one started. */
export async function startInstead(t: Turn, intent: string, known: Slots = {}): Promise<true> {
  t.state = null;
  t.intent = intent;
  await start(t, intent, known);
  return true;
}

/** A one-turn answer to another question, then back to the pending one; otherwise the new topic takes over. */
export async function digress(t: Turn, current: DialogState, intent: string): Promise<void> {
  t.intent = intent;
  const def = DIALOGS.get(intent);
  if (!def) return;
  const slots = t.readAll(def);
  const knownRegion = typeof current.slots.region === 'string' ? current.slots.region : t.profile.region;
  if (slots.region === undefined && knownRegion && usesRegion(def)) slots.region = knownRegion;
  const missing = missingSlots(def, slots);
  if (!def.privateOnly && missing.length === 0) {
    const outcome = await def.finish(t.ctx, slots);
    for (const line of answerOnly(outcome)) t.say(line);
    // Handed to a person, a question the bot was about to answer is theirs now; a report half told keeps its place.
    if (intent === 'human_handoff' && !defOf(current.intent).privateOnly) {
      t.state = null;
      return;
    }
    if (intent === 'human_handoff') {
      // The family asked for a person: the report is kept for them to go on with, but not pressed on them.
      t.state = current;
      t.say(t.tr.t('report-kept-after-handoff'));
      return;
    }
    await resume(t, current, slots.region);
    return;
  }
  if (!def.privateOnly && missing.length === 1 && missing[0]?.name === 'region') {
    // Only the district is missing: ask it, answer, then come back to the form (which may take the district).
    const { parent: _dropped, ...interrupted } = current;
    t.state = { intent, slots, awaiting: 'region', tries: 0, parent: interrupted };
    t.ask(def, 'region');
    return;
  }
  t.say(t.tr.t('dialog-switched', { topic: t.tr.t(`topic-${current.intent}`) }));
  t.state = null;
  await start(t, intent);
}

/**
 * A correction after filing ("不对，日期是前天"): the dialog kept no personal data once its case was filed, so what the
 * user does not change is read back from their own case before the form confirms it again.
 */
export async function refillFromCase(t: Turn, def: DialogDef, s: DialogState): Promise<void> {
  const id = s.slots[FILED];
  if (typeof id !== 'string') return;
  const missing = def.slots.filter((spec) => spec.personal && s.slots[spec.name] === undefined);
  if (missing.length === 0) return;
  const record = await t.ctx.store.getCase(id);
  if (!record || record.user !== t.user) return;
  for (const spec of missing) {
    const value = record.fields[spec.name];
    if (value !== undefined && value !== null) s.slots[spec.name] = value;
  }
}
