import { renderCitations, renderNotice, renderOutcome, renderPoint } from '../answers/index.ts';
import {
  asksIfNeeded,
  asksWhetherAny,
  aspectsOf,
  exceptionAsked,
  exceptionExcuses,
  isYesNoQuestion,
  lineAbout,
  saysNo,
  verdictWords,
  withoutBrackets,
} from '../nlu/cues.ts';
import { parseNumber } from '../nlu/slots/index.ts';
import {
  type Aspect,
  aspectsOfPoint,
  type Citation,
  DOCUMENTS,
  factsFor,
  formatYuan,
  type Point,
  type Topic,
  type TopicFacts,
  topicFacts,
} from '../rules/index.ts';
import type { FactsInput, TurnCtx } from './context.ts';
import { regionsIn } from './slots.ts';

/**
 * Answers composed from the facts of a topic: the side of it a question asks about (first line first, a few lines),
 * and the answer that holds in every text when the district is not known yet.
 */

/** The texts a question is answered from when the district is not known: 杭州市级 and 建德市, which set the items. */
export const WHEREVER: readonly { readonly region: string; readonly label: string }[] = [
  { region: '杭州市', label: 'where-hangzhou' },
  { region: '建德市', label: 'where-jiande' },
];
/** "每个退休的都有吗" against a rule for some only ("只对…特困…"). */
export const EVERYONE = /每个|每一个|所有的?(退休|人|老人)|人人|个个|谁都/;
export const ONLY_SOME = /只对|只有[^，,。]{0,12}(才|可以|能)|仅限|限于/;
/** "A和B是不是一样", "有区别吗": answered by whether the texts agree. */
const COMPARES = /一样|区别|相同|不同|差别/;
/** At most this many lines of facts before the clauses: more on "详细说说". */
const MAX_FACT_LINES = 5;
const MAX_YES_NO_LINES = 3;

function facts(ctx: TurnCtx, topic: Topic, region: string, input: FactsInput): TopicFacts | null {
  const r = topicFacts(topic, { ...input, region, asOf: ctx.asOf });
  return r.ok ? r.value : null;
}

/** What a fact only qualifies (what counts, who decides, where it is published): left out of a yes or no unless asked. */
const QUALIFYING: readonly Aspect[] = ['definition', 'decision', 'publicity'];
/** What 自付 means: a qualifier once the figure is given and the question is whether it is enough. */
const QUALIFYING_CODES: ReadonlySet<string> = new Set(['self_pay_in_scope_one_settlement_year']);

/** True for a fact that only qualifies the answer and is not what the question asks about. */
export function onlyQualifies(p: Point, asked: readonly Aspect[]): boolean {
  const of = aspectsOfPoint(p);
  if (of.some((a) => asked.includes(a) && a !== 'amount' && a !== 'eligibility')) return false;
  return QUALIFYING_CODES.has(p.code) || (of.length > 0 && of.every((a) => QUALIFYING.includes(a)));
}

/**
 * The points answering the aspects, as lines; the headline first when the amount is asked, last when the question
 * turns on it without asking it ("是不是一定能拿2500", "有没有住院慰问，要什么材料"). Empty: nothing answers.
 */
/** Words that order the facts: one text, or several tried in turn (a follow-up's own words before its context's). */
type Words = string | readonly string[] | undefined;

/** The line the first of the words that is about one is about ("统筹外补贴呢" before the question it follows). */
function lineAboutFirst(words: Words, lines: readonly string[]): string | undefined {
  for (const w of typeof words === 'string' ? [words] : (words ?? [])) {
    const about = lineAbout(w, lines, false);
    if (about !== undefined) return about;
  }
  return undefined;
}

function answerLines(
  ctx: TurnCtx,
  f: TopicFacts,
  aspects: readonly Aspect[],
  question?: string,
  words: Words = question,
  maxLines = MAX_FACT_LINES,
): { lines: string[]; cites: Citation[]; facts: string[] } {
  // A yes or no gets the facts that decide it; what only qualifies them comes on "详细说说".
  const yesNo = question !== undefined && isYesNoQuestion(question);
  const askedSides = yesNo ? aspectsOf(question) : [];
  const points = factsFor(f, aspects).filter((p) => !yesNo || !onlyQualifies(p, askedSides));
  const lines: string[] = [];
  const cites: Citation[] = [];
  const headline = f.entitlement ? renderOutcome(ctx.tr, f.entitlement) : null;
  const parts = f.entitlement?.parts ?? [];
  // The headline, and its parts when it adds several up (春节1200元、端午节400元…).
  const figure = headline
    ? [
        headline,
        ...(parts.length > 1 ? [parts.map((p) => ctx.tr.t('part', { label: p.label, amount: formatYuan(p.amount) })).join(ctx.tr.t('list-comma'))] : []),
      ]
    : [];
  // Asked first, the figure leads; added to another question ("要申请，住院证明要带吗"), it follows the answer.
  if (f.entitlement && headline && aspects[0] === 'amount') {
    lines.push(...figure);
    cites.push(...f.entitlement.citations.slice(0, 1));
  }
  const expired = f.notices.find((n) => n.code === 'document_expired');
  if (aspects.includes('validity') && expired?.code === 'document_expired') {
    lines.push(renderNotice(ctx.tr, expired));
    cites.push(DOCUMENTS[expired.doc].validity);
  }
  // "档案移交到哪": of the facts that answer "where", the one the question's own words are about comes first.
  const rendered = points.map((p) => ({ p, line: renderPoint(ctx.tr, p) }));
  const about = lineAboutFirst(
    words,
    rendered.map((r) => r.line),
  );
  const ordered = about === undefined ? rendered : [...rendered.filter((r) => r.line === about), ...rendered.filter((r) => r.line !== about)];
  const facts: string[] = [];
  const sides: readonly Aspect[] = aspects.filter((x) => x !== 'amount');
  // "住院慰问：150元" said, "每次住院150元" says the figure again: one line, when the question is about another side.
  const figureAgain = (p: Point, line: string) =>
    sides.length > 0 &&
    aspects.includes('amount') &&
    aspectsOfPoint(p).every((x) => x === 'amount') &&
    figuresIn(line).every((n) => figuresIn(headline ?? '').includes(n));
  const distinct = ordered.filter((r, i) => ordered.findIndex((o) => o.line === r.line) === i && !figureAgain(r.p, r.line));
  for (const { p, line } of distinct.slice(0, maxLines)) {
    lines.push(line);
    // The facts of the side asked (not those that are only the figure again).
    if (aspectsOfPoint(p).some((x) => sides.includes(x))) facts.push(line);
    cites.push(p.cite);
  }
  const turnsOnAmount = aspects.includes('decision') || aspects.includes('payment') || aspects.includes('procedure') || asksWhetherAny(question ?? '');
  if (f.entitlement && headline && lines.length > 0 && aspects[0] !== 'amount' && (turnsOnAmount || aspects.includes('amount'))) {
    lines.push(...figure);
    cites.push(...f.entitlement.citations.slice(0, 1));
  }
  return { lines, cites, facts };
}

const figuresIn = (line: string): string[] => line.match(/\d+(?:\.\d+)?/g) ?? [];
/** "也住过一次", "已经领过了", "还能再领": one had already this year. */
const ONE_HAD = /(也|已经|刚|上次)(住|领|拿|申请)过|领过了|拿过了|再(领|给|拿|发)|(?<![第几])(两|二|2)(回|次)/;
/** "住了三回院", "一年住院3次": more than once, as digits (a number, not an ordinal). */
function timesTold(q: string): string | undefined {
  const m = /(?<![第每几])([三四五六七八九十3-9])\s?(回|次)/.exec(q)?.[1];
  const n = m === undefined ? undefined : parseNumber(m);
  return n === undefined ? undefined : String(n);
}
/** "养老金暂停了 …": a stop told, before the question. */
const STOP_TOLD = /[^\s，,]*停(发)?了(?=[\s，,])/;
/** "我七十六了": an age in words, as digits. */
const spelledAge = (q: string): string | undefined => {
  const words = /(?:(?:今年|已经|都)([五六七八九]十[一二三四五六七八九]?)|([五六七八九]十[一二三四五六七八九]?)(?:岁|周岁|了))/.exec(q);
  const said = words?.[1] ?? words?.[2];
  const n = said === undefined ? undefined : parseNumber(said);
  return n === undefined ? undefined : String(n);
};
/** Proofs a question may name, and how an answer names them. */
const PROOFS: readonly (readonly [RegExp, RegExp])[] = [
  [/合同|协议/, /协议|合同/],
  [/房产证|权属证明/, /权属证明|房产证/],
  [/居住证/, /居住证/],
  [/户口本/, /户口本|户籍/],
  [/住院证明|出院小结|出院证明/, /住院证明|出院/],
  [/查询单|费用清单/, /查询单|清单/],
  [/发票/, /发票/],
];

/** "会不会要我们退钱", "多领的要不要退": whether money is to be returned. */
const RETURN_ASKED = /退钱|还钱|要退|退回|退还|不退/;

/** "我78了", "今年七十八", "那我老伴73呢": the age a question gives, as digits. */
const askedAge = (q: string): string | undefined =>
  /([5-9]\d)(岁|周岁|了)|(?:今年|已经|都)([5-9]\d)|(?<!\d)([5-9]\d)(?=呢)/
    .exec(q)
    ?.slice(1)
    .find((x) => x !== undefined) ?? spelledAge(q);

/** A time the question asks about that the rule has not reached yet. */
function notYetBy(q: string, every: string): boolean {
  return (
    // "这个月就能纳入吗" answered by "次月起纳入": not yet.
    (/这个月|当月|本月|马上|立刻|立即/.test(q) && /次月起?(纳入|移交|开始|实行)/.test(every)) ||
    // "去年体检过了，今年还能吗" answered by "每2年一次": not this year.
    (/去年/.test(q) && /今年/.test(q) && /每2年|两年/.test(every)) ||
    // "体检是不是每年一次" answered by "每2年一次": no.
    (/每年|一年一次/.test(q) && /每2年|两年一次/.test(every)) ||
    // "今年做了明年还能做不" answered by "每2年一次": not next year.
    (/今年/.test(q) && /明年/.test(q) && /每2年|两年/.test(every))
  );
}

/** "是不是二百", "就是500吗": the figure a question puts forward. */
const CLAIMED_FIGURE =
  /(?:是不是|就是|也是|还是|是)(?:能拿|能领|能给|能报|给|拿|领|每人|每个人|一人|一个人)?([\d零〇一二两三四五六七八九十百千万]+)(?:块钱|块|元|天|日|次|个人|人)?(?:吗|嘛|么|啊|呀|吧)?[?？。]?$/;
/** "是不是能拿2500", "能拿2500不": the question puts a figure forward, which the answer's figure confirms or not. */
export const putsFigure = (question: string): boolean => CLAIMED_FIGURE.test(question) || REACHED_FIGURE.test(question);
/** "能拿2500不": a figure asked to be reached — yes when the cap allows it. */
const REACHED_FIGURE = /(?:能拿|能领|能给|能报|拿得到|领得到)([\d零〇一二两三四五六七八九十百千万]+)(?:块钱|块|元)?(?:吗|嘛|么|不|伐)?[?？。]?$/;

/**
 * The lines a yes or no is read from: "体检那400块钱是不是发到我手上" turns on how it is paid, not on the figure that
 * goes with the answer, so the facts of the side asked, when there are any.
 */
const verdictLines = (a: { lines: string[]; facts: string[] }, aspects: readonly Aspect[]): string[] =>
  aspects.some((x) => x !== 'amount') && a.facts.length > 0 ? a.facts : a.lines;

/**
 * The answer to the aspects asked of a topic, for the district when known; otherwise the same answer wherever the
 * texts agree, or the answer of each text. Null when no fact of the topic answers them.
 */
export function aspectAnswer(
  ctx: TurnCtx,
  topic: Topic,
  region: string | undefined,
  input: FactsInput,
  aspects: readonly Aspect[],
  question?: string,
  /** The message's words, which order the facts (the one it is about first); the question's by default. */
  words: Words = question,
  /** How many facts at most ("详细说说" asks for all of them). */
  maxLines = MAX_FACT_LINES,
): string[] | null {
  if (aspects.length === 0) return null;
  // A yes or no with what it rests on: fewer facts after it than an open question gets ("详细说说" gives all).
  // A message asking several things ("现在咋办 钱要退吗") keeps room for each.
  if (maxLines === MAX_FACT_LINES && aspects.length === 1 && question !== undefined && isYesNoQuestion(question)) maxLines = MAX_YES_NO_LINES;
  // "要不要申请": no fact says yes or no to that; the steps are the answer ("要不要办居住证" asks of a proof: it does).
  if (aspects.includes('procedure') && !aspects.includes('documents')) question = undefined;
  if (region) {
    const f = facts(ctx, topic, region, input);
    const a = f && answerLines(ctx, f, aspects, question, words, maxLines);
    if (!f || !a || a.lines.length === 0) return null;
    const notices = f.notices.map((n) => renderNotice(ctx.tr, n)).filter((n) => !a.lines.includes(n));
    // The first line answers; what qualifies it (a borrowed or expired text) follows.
    const [first, ...rest] = lead(verdict(question, verdictLines(a, aspects)), a.lines);
    return [[first, ...notices, ...rest, renderCitations(ctx.tr, a.cites)].join('\n')];
  }
  const answered = WHEREVER.flatMap((w) => {
    const f = facts(ctx, topic, w.region, input);
    const a = f && answerLines(ctx, f, aspects, question, words, maxLines);
    return a && a.lines.length > 0 ? [{ ...w, a }] : [];
  });
  if (answered.length === 0) return null;
  const cites = answered.flatMap((w) => w.a.cites);
  // What every text says is said once; what differs, text by text; a text that says nothing of it, says so.
  const everyText = answered.length === WHEREVER.length;
  const shared = everyText ? (answered[0]?.a.lines ?? []).filter((line) => answered.every((w) => w.a.lines.includes(line))) : [];
  const own = answered.map((w) => ({ label: w.label, lines: w.a.lines.filter((line) => !shared.includes(line)) })).filter((w) => w.lines.length > 0);
  const silent = WHEREVER.filter((w) => !answered.some((a) => a.label === w.label)).map((w) => `${ctx.tr.t(w.label)}${ctx.tr.t('text-silent')}`);
  // "发现金还是打卡": what each text says of the side asked comes before a figure they share (unless the figure was asked).
  const sideFirst = aspects[0] !== 'amount';
  const sharedSides = sideFirst ? shared.filter((line) => answered[0]?.a.facts.includes(line)) : shared;
  const sharedAfter = shared.filter((line) => !sharedSides.includes(line));
  const lines = [...sharedSides, ...own.map((w) => `${ctx.tr.t(w.label)}${w.lines.join('；')}`), ...silent, ...sharedAfter];
  // The verdict reads the first fact the first text gives, as if the district were known.
  const said = answered[0] ? verdictLines(answered[0].a, aspects) : undefined;
  // "杭州和建德是不是一样": the comparison is the answer.
  const compared = COMPARES.test(question ?? '') ? ctx.tr.t(own.length === 0 ? 'verdict-same' : 'verdict-different') : null;
  return [
    lead(compared ?? verdict(question, said), [...lines, ...(own.length === 0 ? [ctx.tr.t('same-wherever')] : []), renderCitations(ctx.tr, cites)]).join('\n'),
  ];
}

/**
 * "建德 七十七了还能当组长不" → "那上城区呢": the side asked (not the figure) is one another text rules on and this
 * district's text does not; its silence is the answer, not a yes read off other lines.
 */
export function silentHere(ctx: TurnCtx, topic: Topic, region: string, input: FactsInput, aspects: readonly Aspect[]): boolean {
  const says = (f: TopicFacts | null, side: Aspect) => f !== null && answerLines(ctx, f, [side]).facts.length > 0;
  const here = facts(ctx, topic, region, input);
  const unsaid = aspects.filter((side) => side !== 'amount' && !says(here, side));
  if (unsaid.length === 0) return false;
  // A side no text has anything on tells nothing; one another text rules on does (the others worked out only now).
  return WHEREVER.some((w) => {
    if (w.region === region) return false;
    const there = facts(ctx, topic, w.region, input);
    return unsaid.some((side) => says(there, side));
  });
}

/**
 * "建德也是这样吗": 一样 / 不一样, from whether two districts' texts say the same on the sides asked and the figure
 * (their facts, not their notices: "一样" of the rule but not the money would mislead).
 */
export function comparedVerdict(ctx: TurnCtx, topic: Topic, a: string, b: string, input: FactsInput, aspects: readonly Aspect[]): string {
  const alike = (sides: readonly Aspect[]) => {
    const said = (region: string) => {
      const f = facts(ctx, topic, region, input);
      return f ? answerLines(ctx, f, sides).lines.join('\n') : null;
    };
    const first = said(a);
    return first !== null && first === said(b);
  };
  const sameMoney = alike(['amount']);
  if (aspects.length === 0 || aspects.includes('amount'))
    return ctx.tr.t(alike(['amount', ...aspects.filter((x) => x !== 'amount')]) ? 'verdict-same' : 'verdict-different');
  // "材料也一样吗": the side asked is answered, and money that differs is said with it.
  if (!alike(aspects)) return ctx.tr.t('verdict-different');
  return ctx.tr.t(sameMoney ? 'verdict-same' : 'verdict-same-but-money');
}

/** "要不要报给社区", "要跟社区说一声吗": whether a death or a change has to be told. */
const REPORT_ASKED = /(要不要|需不需要|用不用|得|要|需要)[^，,。？?]{0,4}(报|告诉|告知|通知|说一声|讲一声)[^，,。？?]{0,6}(社区|街道|社保|单位)?/;
/** "要不要回杭州做", "得回来查吗": whether one must come back for it. */
/** "常住富阳", "住在萧山女儿家": the place named as home. */
export const LIVES_IN = /(?:常住|长住|住在|家在|人在|住(?![院了过]))([\u4e00-\u9fa5]{2,6})/;
/** "要不要回原来的社区办": whether the old community is where to go. */
const BACK_TO_OLD = /回(老|原来|以前|之前)的?[^，,。？?]{0,4}(社区|那边|地方)/;
const COME_BACK = /回(杭州|来|本地|当地|管理地|老家|这边)[^，,。？?]{0,4}(做|体检|检查|查)|回去(做|体检|检查)/;

/** Questions whose yes or no any line of the answer says, whichever leads; null for the others. */
function saidByAnyLine(words: { readonly yes: string; readonly no: string }, question: string, all: string): string | null {
  // "常住外地 体检要不要回杭州做" answered by "可以在常住地医院自费体检": no need to come back.
  if (COME_BACK.test(question) && /常住地/.test(all)) return `${words.no}。`;
  // "要不要回原来的社区办" answered by "到新住址…所在的街道社区申请": not the old one.
  if (BACK_TO_OLD.test(question) && /新住址|常年居住地/.test(all)) return `${words.no}。`;
  // "是不是一定要去社区领" answered by "可以上门慰问，或打入…账户": not necessarily.
  if (words.yes === '一定' && /(去|到)[^，,。？?]{0,6}(领|拿|取)/.test(question) && /上门|打入|账户|转账/.test(all)) return `${words.no}。`;
  // "去年四千 今年三千 能加一块算不" answered by "一个结算年度内…": two years are not added up.
  if (/(加|合|并|算)(在)?(一块|一起|起来)|合并|累计|两年/.test(question) && /一个结算年度/.test(all)) return `${words.no}。`;
  // "150是每次住院都给吗" answered by "原则上每人每年不超过1次": not every time.
  if (/每(一)?(次|回)[^，,。？?]{0,8}都/.test(question) && /不超过1次/.test(all)) return `${/一般|原则上/.exec(all)?.[0] ?? ''}${words.no}。`;
  // "晚了十来天 要不要紧": it matters only where a deadline has passed; a late report is still made.
  if (words.no === '不要紧') return `${/已经过了|已经超过/.test(all) ? words.yes : words.no}，`;
  // "老人去世了要不要报给社区" answered by "家属告知社区…": to report is what the text asks, whatever stops after.
  if (asksIfNeeded(words) && REPORT_ASKED.test(question) && !/报不了|(?<!能)不能报|不让报|不给报/.test(question) && /告知|报告/.test(all))
    return `${words.yes}。`;
  return null;
}

/**
 * "住在萧山算外地伐", "西湖区管的 常住富阳 能不能自费体检回来报销": a place inside 杭州市 is not what the 杭州市外 rule
 * is for; null when the line is not that rule or no place is named.
 */
function outsideCityVerdict(q: string, said: string, words: { readonly yes: string; readonly no: string }): string | null {
  if (!/杭州市外/.test(said)) return null;
  if (/算(不算)?(外地|市外|杭州市外|杭州外)|(外地|市外)(算|吗)/.test(q)) {
    const place = regionsIn(q).find((r) => !r.cityOnly);
    if (place) return `${place.inHangzhouCity ? words.no : words.yes}。`;
  }
  return livesInsideHangzhou(q) ? `${words.no}。` : null;
}

/** "能不能多去一次", "再领一回": one more time than the number allowed. */
export const ONE_MORE = /多(去|参加|领|拿|要|报|给|来)(一|1|几)(次|回)|再(多)?(去|参加|领|拿|报)(一|1)(次|回)/;

/**
 * Lines that decide a question whatever else it names, before any other line: [what the question asks, the line].
 *   "会不会要我们退钱" — the line about returning the money; "能不能去社区领现金", "小组长补助是不是发现金" — the
 *   line about cash, not the one about the community.
 */
const DECIDING_LINES: readonly (readonly [RegExp, RegExp])[] = [
  [RETURN_ASKED, /退回|退还|追回/],
  [/现金/, /现金/],
];

/** "常住富阳", "我住西湖区": the writer says they live in a district of 杭州市. */
export function livesInsideHangzhou(text: string): boolean {
  const home = LIVES_IN.exec(text)?.[1];
  const homes = home ? regionsIn(home) : [];
  return homes.length > 0 && homes.every((r) => r.inHangzhouCity && !r.cityOnly);
}

/** Someone else's card against 本人, a receipt against 发票, cash against a bank transfer: what the case told rules out. */
function ruledOutByTheText(q: string, said: string, every: string, words: { readonly yes: string; readonly no: string }): boolean {
  // "打到他侄子卡上行不行" answered by "打入本人、直系亲属账户": a nephew, a sibling or a friend is not 直系.
  if (/侄|外甥|亲戚|朋友|邻居|兄弟|姐妹|姐姐|妹妹|哥哥|弟弟|表[哥姐弟妹]|堂[哥姐弟妹]/.test(q) && /直系亲属/.test(said)) return true;
  // "能打到我老伴卡上不" answered by "实名打入本人银行卡": only the person's own account, no one else's.
  const someoneElse = /老伴|儿子|女儿|子女|闺女|家属|家里人|亲属|老婆|老公|爱人|媳妇|女婿|孙子|孙女|别人|他人/.test(q);
  if (someoneElse && /本人(的)?(银行卡|账户)/.test(said) && !/直系亲属/.test(said)) return true;
  // "租房合同要不要带" answered by "凭居住证": a proof the answer does not name is not needed.
  const proof = PROOFS.find(([asked]) => asked.test(q));
  if (proof && asksIfNeeded(words) && !proof[1].test(every)) return true;
  // "发票丢了 还能报销伐" answered by "凭正规发票…报销": without the invoice the text asks for, no.
  if (/发票[^，,。？?]{0,3}(丢|没了|找不到|不见)|没(有)?(开|要|拿)?(正规)?发票/.test(q) && /凭[^，,。]{0,6}发票/.test(every)) return true;
  // "收据行不行" answered by "凭正规发票": a receipt is not the invoice the text asks for.
  if (/收据|小票|白条|手写/.test(q) && /发票/.test(said) && !/收据|小票/.test(said)) return true;
  // "自己做的体检能报销吗" answered by "费用由…医院直接结算" (no reimbursing where they live): nothing to reimburse.
  if (/报销|能报|报不报|给报/.test(q) && /直接结算/.test(every) && !/报销/.test(every)) return true;
  // "是发现金不" answered by "实名打入本人银行卡": paid into an account, so not in cash.
  return /现金/.test(q) && !/现金/.test(said) && /银行卡|账户|打入|转账/.test(said);
}

/**
 * "要，…" / "不发，…": the yes or no a yes/no question's own words ask for, read off the fact that answers it. Empty
 * when the question is not a yes/no one.
 */
export function verdict(question: string | undefined, lines: string | readonly string[] | undefined, yes?: boolean): string {
  const words = question ? verdictWords(question) : null;
  // "这个要去申请吗": whether something is needed is said by a line about it (or about the side asked), never by the headline.
  const needed = words !== null && asksIfNeeded(words) && aspectsOf(question ?? '').every((a) => a === 'amount');
  const decisive = typeof lines === 'object' ? DECIDING_LINES.find(([asks]) => asks.test(question ?? '')) : undefined;
  const decided = decisive && typeof lines === 'object' ? lines.find((l) => decisive[1].test(l)) : undefined;
  const line = decided ?? (typeof lines === 'string' || lines === undefined ? lines : lineAbout(question ?? '', lines, !needed));
  const all = typeof lines === 'string' || lines === undefined ? (lines ?? '') : lines.join('\n');
  // "是不是每个退休的都有" answered by "只对…重点、特困…退休人员": not everyone.
  if (words && EVERYONE.test(question ?? '') && ONLY_SOME.test(all)) return `${words.no}。`;
  const ofTheAnswer = words ? saidByAnyLine(words, question ?? '', all) : null;
  if (ofTheAnswer !== null) return ofTheAnswer;
  if (!words || line === undefined) return '';
  // "一定要住院证明吗" answered by "住院证明（能通过大数据核验的可以不提供）": not always.
  if (words.yes === '一定' && exceptionExcuses(line)) return `${words.no}。`;
  // The exception in brackets ("可以不提供") answers only a question about it.
  const said = exceptionAsked(question ?? '', line) ?? withoutBrackets(line);
  const q = question ?? '';
  // How often is read off every line given (the headline leads, "每2年一次" follows it).
  const every = typeof lines === 'string' || lines === undefined ? said : lines.join('\n');
  const notYet = notYetBy(q, every);
  // "去世当月还算不算管理对象" answered by "次月起停止": this month still is.
  const stillThisMonth = /这个月|当月|本月/.test(q) && /次月起?停止|次月停/.test(said);
  // "养老金会停吗" answered by "…暂停发放": the stop asked about is confirmed, a yes.
  // "养老金暂停了 体检还能去伐": a stop told as the writer's case is no question whether it stops.
  // "是不是下个月起就不归社区管了" answered by "次月起停止社会化管理服务": the end asked about is confirmed too.
  const stopConfirmed = /停|不(归|由)[^，,。？?]{0,4}管|不再管/.test(q.replace(STOP_TOLD, '')) && /停/.test(said) && !/不(会)?停/.test(said);
  // "小组长补助能超过500吗" answered by "最高不超过500元": a cap asked to be passed, a no.
  const asked = /(?:超过|超出|高于|多于|超)(\d+)/.exec(q)?.[1];
  // The cap is the line's limit, or the headline's standard ("健康体检：400元").
  // "超过400的部分能报吗": the cap may be said by another line than the one the question is about.
  const capIn = (text: string) => (/(?:不超过|最高|最多|上限|封顶)[^\d，,。]{0,4}(\d+)/.exec(text) ?? /[:：](\d+)元/.exec(text))?.[1];
  // "体检费超过400的部分" against "标准400元/人": a reimbursement's standard is its most.
  const cap = capIn(said) ?? (asked !== undefined ? (capIn(all) ?? /标准(\d+)元/.exec(all)?.[1]) : undefined);
  // "今年第二次住院 能再给吗" answered by "每年不超过1次": past the number allowed.
  // "也住过一次 还能再领不": one had already, this would be the second.
  // "住了三回院 能拿三回不": as many times as told.
  const nth = /第([2-9])次/.exec(q.replace(/第[二两]次/, '第2次').replace(/第三次/, '第3次'))?.[1] ?? timesTold(q) ?? (ONE_HAD.test(q) ? '2' : undefined);
  const times = /不超过(\d+)次|每年(?:限)?参加(\d+)次/
    .exec(said)
    ?.slice(1)
    .find((x) => x !== undefined);
  // "能不能多去一次": one more than the number allowed.
  const oneMore = ONE_MORE.test(q);
  // "我78了 还能当小组长吗" answered by "一般不超过75周岁": past the age.
  const age = askedAge(q);
  const ageCap = /不超过(\d+)周岁/.exec(said)?.[1];
  const overCap =
    (age !== undefined && ageCap !== undefined && Number(age) > Number(ageCap)) ||
    (asked !== undefined && cap !== undefined && Number(asked) >= Number(cap)) ||
    (nth !== undefined && times !== undefined && Number(nth) > Number(times)) ||
    (oneMore && times !== undefined);
  // "还来得及吗" / "算不算晚了" with the date known: whether the deadline has passed, as the question puts it.
  const dated = /日前/.test(said) ? /已经过了/.test(said) : null;
  if (dated !== null && /晚|迟|来得及|来不及|超过|过了/.test(q)) return `${dated === /晚|迟|超过|过了/.test(q) ? words.yes : words.no}。`;
  // "过了7天就报不了了吗": a late report is still made; "还能报吗": yes.
  if (/报不了|(?<!能)不能报|不让报|不给报/.test(q)) return `${words.no}。`;
  const place = outsideCityVerdict(q, said, words);
  if (place) return place;
  // "是不是二百" answered by "丧事料理慰问费：200元": the figure put forward is the text's, or it is not.
  const claim = CLAIMED_FIGURE.exec(q)?.[1];
  const claimed = claim === undefined ? undefined : parseNumber(claim);
  if (claimed !== undefined && figuresIn(said).length > 0) return `${figuresIn(said).includes(String(claimed)) ? words.yes : words.no}。`;
  const reach = REACHED_FIGURE.exec(q)?.[1];
  const reached = reach === undefined ? undefined : parseNumber(reach);
  if (reached !== undefined && cap !== undefined) return `${reached <= Number(cap) ? words.yes : words.no}。`;
  // "体检花了500 能全报不" answered by "最多400元": not all of it.
  const spent = /(\d+)/.exec(q)?.[1];
  if (/全报|全部报|都能报|都报|报全|全额/.test(q) && spent && cap && Number(spent) > Number(cap)) return `${words.no}。`;
  // "年龄会公示吗" answered by "公示只写姓名、性别、年龄和金额，不会公开住址…": the field is on the shown side.
  const field = /姓名|名字|性别|年龄|金额/.exec(q)?.[0];
  const shown = said.split(/不会公开|不得公开|不公开/)[0] ?? '';
  if (field && said !== shown && shown.includes(field === '名字' ? '姓名' : field)) return `${words.yes}。`;
  if (ruledOutByTheText(q, said, every, words)) return `${words.no}。`;
  // "也是打卡吗" answered by "银行转账…不得发现金": the transfer asked about is what the line says, its 不得 is of cash.
  if (/打卡|转账|银行|卡上|打到.{0,3}卡/.test(q) && !/现金/.test(q) && /转账|银行|打入/.test(said)) return `${words.yes}。`;
  // "一般不超过75周岁": a rule that holds in general says its no in general, in the text's own word.
  const inGeneral = overCap ? (/一般|原则上/.exec(said)?.[0] ?? '') : '';
  return `${(yes ?? (stillThisMonth || stopConfirmed || !saysNo(said))) && !notYet && !overCap ? words.yes : `${inGeneral}${words.no}`}。`;
}

/** The verdict joined to the first line, so that the first line answers the question. */
export function lead(verdictWord: string, lines: readonly string[]): string[] {
  const [first, ...rest] = lines;
  // Said already (a list that leads with its own yes or no) is not said twice.
  return verdictWord && first !== undefined && !first.startsWith(verdictWord) ? [`${verdictWord}${first}`, ...rest] : [...lines];
}

/** Who can have it and what counts, where every text says it alike: said while the district is asked. */
export function sameEverywhere(ctx: TurnCtx, topic: Topic, input: FactsInput): string[] {
  const each = WHEREVER.map((w) => facts(ctx, topic, w.region, input));
  const lines = (f: TopicFacts | null) => new Set(f ? factsFor(f, ['eligibility', 'definition']).map((p) => renderPoint(ctx.tr, p)) : []);
  const [first, ...rest] = each.map(lines);
  return [...(first ?? [])].filter((line) => rest.every((other) => other.has(line))).slice(0, 2);
}

/**
 * The main answer of a money topic when the district is unknown: the same headline in every text (住院慰问 150 元 in
 * 杭州市级 and 建德市 alike) is answered at once, with what both texts say; null when the texts differ.
 */
export function commonAnswer(ctx: TurnCtx, topic: Topic, input: FactsInput, question?: string): string[] | null {
  const each = WHEREVER.map((w) => facts(ctx, topic, w.region, input));
  const [first, ...rest] = each;
  if (!first?.entitlement || each.some((f) => f === null)) return null;
  const headline = renderOutcome(ctx.tr, first.entitlement);
  const parts = (f: TopicFacts) => (f.entitlement?.parts ?? []).map((p) => `${p.label}${p.amount.toFixed(2)}`).join();
  const amounts = (f: TopicFacts) =>
    factsFor(f, ['amount'])
      .map((p) => renderPoint(ctx.tr, p))
      .join('\n');
  // With the case's own figures given (自付五万), the figure is the answer: scales that differ elsewhere do not matter.
  const specific = Object.values(input).some((v) => typeof v === 'number' || typeof v === 'string');
  const differs = (f: TopicFacts | null) =>
    !f?.entitlement || renderOutcome(ctx.tr, f.entitlement) !== headline || parts(f) !== parts(first) || (!specific && amounts(f) !== amounts(first));
  if (rest.some(differs)) return null;
  // The reason a case's figure is what it is ("住了3次，也按1次算") is said with the conditions.
  const said = (f: TopicFacts, p: Point) =>
    f.entitlement ? [...(f.entitlement.reason ? [f.entitlement.reason] : []), ...f.entitlement.conditions, ...f.entitlement.documents].includes(p) : false;
  const render = (p: Point) => renderPoint(ctx.tr, p);
  const shared = first.points.filter((p) => said(first, p) && rest.every((f) => f?.points.some((q) => said(f, q) && render(q) === render(p))));
  const documents = shared.filter((p) => first.entitlement?.documents.includes(p));
  const conditions = shared.filter((p) => !documents.includes(p));
  const cites = each.flatMap((f) => f?.entitlement?.citations ?? []);
  const lines = [headline, ...conditions.map((p) => `· ${render(p)}`)];
  if (documents.length > 0) lines.push(ctx.tr.t('documents-heading') + documents.map(render).join('；'));
  const yes = ['fixed', 'ceiling', 'in_kind'].includes(first.entitlement.outcome);
  return [
    lead(COMPARES.test(question ?? '') ? ctx.tr.t('verdict-same') : verdict(question, [headline, ...lines.slice(1)], yes), [
      ...lines,
      ctx.tr.t('same-wherever'),
      renderCitations(ctx.tr, cites),
    ]).join('\n'),
  ];
}
