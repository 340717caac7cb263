import {
  type Aspect,
  askedItemIntentOf,
  asksBasis,
  asksSameAgain,
  asksWh,
  aspectsOf,
  isBareAspectQuestion,
  isCorrection,
  isFollowUp,
  isQuestion,
  isYesNoQuestion,
  itemIntentOf,
} from '../nlu/cues.ts';
import { DOMAIN_INTENTS, normalize } from '../nlu/index.ts';
import { aspectAnswer, comparedVerdict } from './answers.ts';
import { ASIDE_ASPECTS, type DialogDef, type Msg, type Slots, yesNoAsked } from './context.ts';
import { DIALOGS, sameTopic, topicOwner } from './forms/index.ts';
import { NAME_SLOTS, UNSURE } from './slots.ts';
import type { Turn } from './turn.ts';

/**
 * What a message says beside the question that waits: a question of its own (answered, then the wait goes on), or
 * a correction of a fact given earlier.
 */

const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_INTENTS);
/** Sure enough that a question is about another topic than the one in front of the user. */
const OTHER_TOPIC = 0.6;
/** A question this short that names no item is about the topic in front. */
const SHORT_QUESTION = 6;
/** What a death question without a named side asks about: by when, what stops, the pension. */
const DEATH_DEFAULT: readonly Aspect[] = ['deadline', 'stop', 'pension'];

export interface Question {
  readonly aspects: readonly Aspect[];
  /** Another topic the question is about, when it names one. */
  readonly other: string | null;
}

/** The question a message asks, if it asks one ("要带什么材料", "丧事慰问金是多少"); null for an answer. */
export function questionIn(t: Turn, current: string): Question | null {
  const text = t.normalized;
  // "不知道" answers a question it cannot; "不知道要先干嘛" asks one.
  if (t.button !== null) return null;
  const aspects = aspectsOf(text);
  // "忘了做会咋样": forgetting told inside a question is the question's, not an answer it cannot give.
  const asksStill = aspects.length > 0 && isQuestion(text);
  if (UNSURE.test(text) && !/不知道(该|要|怎么|咋|如何|先|从)/.test(text) && !asksStill) return null;
  // "大病呢，自付两万": another item named as a follow-up is a question too.
  // "自费药呢 医保不报的那种" after a question asked at this prompt: that question again, of the thing named.
  const followsAside = isFollowUp(text) && t.state?.slots[ASIDE_ASPECTS] !== undefined && !/\d/.test(text);
  if (!isQuestion(text) && aspects.length === 0 && !(isFollowUp(text) && itemIntentOf(text) !== null) && !followsAside) return null;
  const own = DIALOGS.get(current)?.questionOf?.(text, aspects);
  if (own) return own;
  const u = t.understanding;
  const named = askedItemIntentOf(text);
  // "啥时候发" names no item: a classifier's guess at another topic is no reason to leave the one in front.
  const namesNoItem = named === null && text.length <= SHORT_QUESTION;
  const sure = u && DOMAIN.has(u.intent) && u.confidence >= OTHER_TOPIC && !isBareAspectQuestion(text) && !namesNoItem ? u.intent : null;
  const other = [named, sure].find((i) => i !== null && DIALOGS.has(i) && !sameTopic(i, current) && !sameTopic(current, i)) ?? null;
  return { aspects, other };
}

/** The answer to a question about a dialog's own topic, from its facts; null when none of them answers it. */
export function topicAnswer(t: Turn, def: DialogDef, known: Slots, aspects: readonly Aspect[], asked?: string): string[] | null {
  if (!def.topic) return null;
  const slots = { ...known, ...whatIf(t, def) };
  const named = [slots.region, slots.to, slots.from].find((r) => typeof r === 'string') as string | undefined;
  const region = named ?? t.profile.region ?? def.answersFor;
  const sides = aspects.length > 0 ? aspects : def.topic === 'death' ? DEATH_DEFAULT : (['amount'] as const);
  // The question's own words decide a yes or no ("能报销吗") and whether the figure goes with the answer ("有吗，要带啥").
  // "那我老伴73呢" after "七十八 能当组长不": the yes/no asked before, asked again of what the follow-up changes.
  const carried = isFollowUp(t.normalized) && !isYesNoQuestion(t.normalized) && !asksWh(t.normalized) ? yesNoAsked(known) : undefined;
  const question = asked ?? (carried ? `${t.normalized} ${carried}` : t.normalized);
  // "统筹外补贴呢" read again after "补充医疗保险还有没有": its own words say which fact, the question's break ties.
  const words = t.rereading ? [normalize(t.said), t.normalized] : t.normalized;
  const input = def.factsInput?.(slots, t.ctx.asOf) ?? {};
  // "那杭州市区也一样吗" after 建德's answer: the other district's answer, led by whether it is the same.
  const compared = asksSameAgain(t.normalized) ? t.readAll(def).region : undefined;
  if (region && typeof compared === 'string' && compared !== region) {
    const both = sides.includes('amount') ? sides : (['amount', ...sides] as const);
    const lines = aspectAnswer(t.ctx, def.topic, compared, input, both, question, words);
    return lines && [`${comparedVerdict(t.ctx, def.topic, region, compared, input, sides)}${lines.join('\n')}`];
  }
  return aspectAnswer(t.ctx, def.topic, region, input, sides, question, words);
}

/** "丧事慰问打到谁卡上" while a death report waits: the funeral money's facts answer what the death's do not. */
export function relatedAnswer(t: Turn, def: DialogDef, known: Slots, aspects: readonly Aspect[]): string[] | null {
  for (const topic of def.relatedTopics?.(known) ?? []) {
    const lines = topicAnswer(t, { ...def, topic }, known, aspects);
    if (lines) return lines;
  }
  return null;
}

/**
 * "那要是自付一万二呢" while an application asks the gender: the facts of a what-if, read by the dialog that answers
 * the topic (the application's own form has no amount), answered without changing what the application holds.
 */
function whatIf(t: Turn, def: DialogDef): Slots {
  if (!def.topic || !isFollowUp(t.normalized) || t.button !== null) return {};
  const owner = topicOwner(def.topic);
  return owner && owner !== def ? t.readAll(owner) : {};
}

/** Field words of a correction ("名字写错了", "日期是前天") → the slot they name, in the dialog's terms. */
const FIELDS: readonly (readonly [RegExp, (name: string) => boolean])[] = [
  [/名字|姓名|叫/, (n) => NAME_SLOTS.has(n)],
  [/身份证/, (n) => n === 'idNumber'],
  [/电话|手机/, (n) => n === 'reporterPhone'],
  [/日期|哪天|时间|几号|那天|前天|昨天|号/, (n) => n === 'dateOfDeath' || n === 'date'],
  [/社区|村/, (n) => n === 'community'],
  [/关系|是我/, (n) => n === 'relation'],
];
/** What the correction says the fact is: the words after its last "是 / 改成 / 为 / :". */
const VALUE_AFTER = /(?:是|改成|改为|应该是|为|：|:)\s*([^，,。！!\s]+)/g;

/** "风是大风的风", "金是金子的金": a character spelled out. */
const SPELLED_OUT = /[，,\s]+([\u4e00-\u9fa5])是[\u4e00-\u9fa5]{1,4}的\1/g;
/** The last value the correction gives, not the one it denies ("是前天走的，不是昨天" → 前天走的). */
function valueSaid(text: string): string | undefined {
  // "是徐金风 风是大风的风": how a character is written explains the name, it is no value of its own.
  const plain = text.replace(SPELLED_OUT, '');
  const given = [...plain.matchAll(VALUE_AFTER)].filter((m) => plain[(m.index ?? 0) - 1] !== '不');
  return given.at(-1)?.[1]?.trim();
}

/**
 * "不对，名字写错了，是张建国": a correction naming the fact it corrects, read as the answer to that fact's question.
 * Facts a message gives without naming them are read by the dialog's readers as usual.
 */
export function namedCorrection(t: Turn, def: DialogDef): Slots {
  const text = t.normalized;
  if (!isCorrection(text)) return {};
  const field = FIELDS.find(([words]) => words.test(text));
  const spec = field && def.slots.find((s) => field[1](s.name) && !(s.personal && t.ctx.inGroup));
  const tail = valueSaid(text);
  if (!spec || !tail) return {};
  const understanding = t.deps.understand(tail, { now: t.incoming.now, expectName: NAME_SLOTS.has(spec.name) });
  const msg: Msg = { text: tail, understanding, button: null };
  const r = spec.read(msg, t.ctx, true);
  return r && 'value' in r && r.value !== null ? { [spec.name]: r.value } : {};
}

/** "依据是哪一条": the clauses of the answer the dialog gives for what it knows; null when it cites none. */
export async function basisAnswer(t: Turn, def: DialogDef, slots: Slots): Promise<string | null> {
  if (!asksBasis(t.normalized) || missingRequired(def, slots)) return null;
  const outcome = await def.finish(t.ctx, { ...slots });
  const prefix = t.tr.t('citation-list', { list: '' });
  const cites = outcome.lines.flatMap((line) => line.split('\n')).filter((line) => line.startsWith(prefix));
  return cites.length > 0 ? [...new Set(cites)].join('\n') : null;
}

const missingRequired = (def: DialogDef, slots: Slots): boolean => def.slots.some((spec) => !spec.optional && !spec.when && slots[spec.name] === undefined);
