/**
 * `understand(text, { now })` → intent, calibrated confidence and slots: normalise, classify (with the rules
 * around the classifier for bare values, greetings before a question, hand-off requests…), extract slots.
 *
 * The classifier is trained from `intents/*.json` on first use (or by `warmUp()` at start-up);
 * `understand` never throws: bad input comes back as `out_of_scope` and/or an error entry.
 */

import type { Classification, ClassifierInfo, ClassifierOptions, FeatureContribution, IntentClassifier, TrainingExample } from './classifier.ts';
import { trainClassifier } from './classifier.ts';
import {
  asksForPerson,
  asksProgress,
  asksWhoPays,
  itemIntentOf,
  namesBudget,
  namesDeath,
  namesHeadCount,
  reportsDeath,
  SUPPOSING,
  THIRD_PERSON,
} from './cues.ts';
import type { IntentDefinition, IntentId } from './intents.ts';
import { DEFAULT_INTENTS_DIR, DOMAIN_INTENTS, INTENT_IDS, isIntentId, loadIntents, OUT_OF_SCOPE } from './intents.ts';
import { normalize, truncateForNlu } from './normalize.ts';
import { otherPlaceIn } from './places.ts';
import type { SlotError, Slots } from './slots/index.ts';
import { extractSlots, findRegions, parseHomophoneRegion } from './slots/index.ts';

/** What `understand` adds to the slot parsers' errors. */
export type NluError =
  | SlotError
  | { readonly code: 'text_truncated'; readonly length: number; readonly kept: number }
  | { readonly code: 'internal_error'; readonly stage: 'normalize' | 'classify' | 'slots'; readonly message: string };

export interface UnderstandOptions {
  /** The clock relative dates (昨天, 上周三) resolve against. */
  readonly now: Date;
  /** The dialog is waiting for a person's name: a bare name is taken as the `name` slot. */
  readonly expectName?: boolean;
  /** Add `features`: what decided the intent (n-grams, `p:` pinyin, `nn:` nearest training example). */
  readonly explain?: boolean;
}

export interface Understanding {
  /** The text as given. */
  readonly text: string;
  readonly intent: IntentId;
  /** Calibrated probability that `intent` is right, in [0, 1], three decimals. */
  readonly confidence: number;
  readonly slots: Slots;
  /** Present only when there is something to say (a slot that could not be read, a truncated text…). */
  readonly errors?: readonly NluError[];
  /** Present only with `explain`. */
  readonly features?: readonly FeatureContribution[];
}

/**
 * A number with at most a unit ("12000元", "1.2万", "一万二", "45人", "76岁", "两次"): a slot value, like a bare
 * number, and no intent — it answers a question, it asks none. So is a malformed one ("1e309", "0x10000", "NaN"),
 * which the slot parsers report as an invalid amount.
 */
export const BARE_VALUE =
  /^[-+]?(?:[\d.,]|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟])+\s?(?:k|w|万|千)?\s?(?:块钱|块|元|圆|周岁|岁|个人|人|个|位|名|户|次|回)?[.!?。！？]?$|^[-+]?(?:0x[\da-f]+|0b[01]+|0o[0-7]+|\d+(?:\.\d+)?e[+-]?\d+|infinity|nan)\s?(?:块钱|块|元|圆)?[.!?。！？]?$/;

/**
 * A bare place or year ("拱墅区", "杭州", "我是西湖区的", "住在萧山那边", "2025年的"): like BARE_VALUE, the answer to a
 * question asked before, no question of its own — out_of_scope, with the slot.
 */
const PLACE_ANSWER =
  /^(?:(?:你好|您好|老师好|大家好)[,，\s]?)?(?:我是|我在|我住在?|住在|在|是|我们是|我们在|我家住?在|家住?在|我们|俺是|俺家在)?(.{2,12}?)(?:的|这边|那边|那里|这里|这块|那块)?(?:人|企业退休(?:工人|职工|人员)|退休(?:工人|职工|人员|老人|干部|的)|老(?:人|同志|职工|工人)|居民)?(?:啊|呀|吧|呢|哈|哦)?(?:[,，\s]?(?:想|要)?(?:问问|咨询一?下?|问一下|请教一?下))?[.!。！]?$/;
/** The label of a yes button typed out (申请登记, 确认提交): a yes, not a new request. */
const TYPED_YES_BUTTON = /^(?:好的?\s?)?(?:申请登记|确认登记|确认提交|提交申请|确认申请|我要登记|申请吧|登记吧)[.!。！]?$/;
/** "我回来了 刚才问到哪了": someone back to the conversation — a greeting, not a cancel. */
const BACK_AGAIN =
  /^(?:我又?回来了|(?:我又?回来了\s?)?(?:刚才|刚刚|之前|上次)(?:我们?|咱们?)?(?:问|说|聊|讲)到哪(?:里|儿|一步)?了?)[\s,.!?，。！？]*(?:(?:刚才|刚刚|之前|上次)(?:我们?|咱们?)?(?:问|说|聊|讲)到哪(?:里|儿|一步)?了?|咱们?继续|我们继续|继续)?[?？。.!！]*$/;
const BARE_YEAR = /^(?:(?:19|20)\d{2}|[二一][〇零九][〇零一二三四五六七八九]{2})\s?年?度?(?:的)?(?:啊|吧|呢|哦)?[.!。！]?$/;

export function isBarePlaceOrYear(normalized: string): boolean {
  if (normalized.length > 16) return false;
  if (BARE_YEAR.test(normalized)) return true;
  const m = PLACE_ANSWER.exec(normalized);
  const place = m?.[1];
  if (!place) return false;
  const regions = findRegions(place);
  if (regions.length > 0) {
    // the places cover the whole remainder: 杭州西湖区, 河南郑州 — not 西湖区体检
    let at = 0;
    for (const r of regions) {
      if (r.start !== at) return false;
      at = r.end;
    }
    return at === place.length;
  }
  return parseHomophoneRegion(normalized) !== undefined;
}

/**
 * Handing over to a person opens a staff case: only when the text asks for a person (人工, 工作人员, 真人, 客服, 找人,
 * 退管员, 社区, 当面…). "我要问慰问金" is a question for the bot.
 */
const ASKS_FOR_PERSON = /人|机器|客服|退管员|当面|老师|社区|街道|转达|转给|专员|经办|书记|主任|网格员|干部|领导|负责|投诉|电话|窗口|办公室/;

/**
 * Details a message gives rather than asks for: "电话13588990011" is the sender's number, "住米市巷街道青莲社区" an
 * address; neither asks for a person.
 */
const GIVEN_PHONE = /(?:手机|电话|联系方式|手机号|号码)(?:号码?)?(?:是|:|：)?\s*1\d{10}/g;
const GIVEN_ADDRESS = /(?:住|住在|家在|在|是)[\u4e00-\u9fa5]{0,12}(?:街道|镇|乡)?[\u4e00-\u9fa5]{1,10}(?:社区|村)/g;
/** "我带了33个人", "管40人": a head count, not a person asked for. */
const GIVEN_COUNT = /[\d零〇一二两三四五六七八九十百]+\s?(?:个|位|名)?(?:人|老人)/g;
const withoutGivenDetails = (text: string): string => text.replace(GIVEN_PHONE, ' ').replace(GIVEN_ADDRESS, ' ').replace(GIVEN_COUNT, ' ');

/**
 * "我瘫在床上出不了门怎么办" with no other topic: the service for someone who cannot leave home is the home
 * certification (上门认证, domain.md), so an out_of_scope reading becomes pension_certification.
 */
const HOUSEBOUND = /瘫|卧床|下不了床|起不了床|出不了(?:家)?门|下不了楼/;
/**
 * What the classifier reads wrong, and what the message is: each rule sees the intent the rules before it left, in
 * order. A rule that changes the intent leaves its confidence unsure.
 */
/** The item a message names, as an intent; `otherwise` when it names none. */
function itemOr(text: string, otherwise: IntentId): IntentId {
  const item = itemIntentOf(text);
  return item !== null && isIntentId(item) ? item : otherwise;
}

const MISREADINGS: readonly { readonly when: (intent: IntentId, text: string, slots: Slots) => boolean; readonly is: (text: string) => IntentId }[] = [
  // "俺爹王铁柱昨儿个下午老了 …": a kin's death in words the model has not seen is still a death told.
  // "俺娘走了半个月了才来报": 报 is the report's, not a case's progress.
  // An ID number and phone told with a death are the report's, not a change of personal details.
  {
    when: (intent, text, slots) =>
      (intent === OUT_OF_SCOPE || intent === 'update_personal_info' || (intent === 'case_status' && !/进度|编号|办好|结果|到哪|怎么样了/.test(text))) &&
      slots.relation !== undefined &&
      (namesDeath(text) || reportsDeath(text)),
    is: () => 'report_death',
  },
  // "刚才报的那个现在到哪一步了": the progress of what was filed, not another report.
  { when: (intent, text) => intent === 'report_death' && !namesDeath(text) && asksProgress(text), is: () => 'case_status' },
  // "那社区管我不": whether one is managed at all, with no move told, is who is covered, not a move.
  { when: (intent, text) => intent === 'transfer_management' && !MOVING.test(text) && /管(我|不管|吗|不)/.test(text), is: () => 'coverage_enrollment' },
  // "上城区 3000人 节日慰问费": a head count with a 慰问费 line is that line of the budget.
  { when: (intent, text) => intent === 'festival_consolation' && namesHeadCount(text) && /慰问费/.test(text), is: () => 'fund_budget' },
  // "省属企业退休的 移交社区以后管理费谁出": who pays the management costs is the budget's (001 六(二)2), not who is covered.
  { when: (intent, text) => intent === 'coverage_enrollment' && /管理费|经费/.test(text) && asksWhoPays(text), is: () => 'fund_budget' },
  // "我是离休干部 要不要转到社区管": whether 离休人员 are handed over at all (001 五(一); 002 第三十五条), not a move.
  { when: (intent, text) => intent === 'transfer_management' && /离休/.test(text), is: () => 'coverage_enrollment' },
  // "公示会不会公开我的电话": what a 公示 shows (大病慰问's, the one a retiree meets), not a call asked for.
  { when: (intent, text) => intent === 'human_handoff' && /公示/.test(text) && !asksForPerson(text), is: () => 'serious_illness_consolation' },
  // "建德 特别困难的 节日慰问最多多少": the festival money named is asked, for someone in hardship.
  { when: (intent, text) => intent === 'hardship_assistance' && itemIntentOf(text) === 'festival_consolation', is: () => 'festival_consolation' },
  // "没去做资格认证 养老金给停了 节日慰问费还发吗": the item asked of, for someone whose pension is stopped (004 二(一)).
  {
    when: (intent, text) => intent === 'pension_certification' && itemIntentOf(text) !== null && ITEM_STILL_DUE.test(text),
    is: (text) => itemOr(text, 'pension_certification'),
  },
  // "有个独居老人今年老伴走了又中风 重阳节能慰问多少": someone else's story told to ask an item's money for them.
  {
    when: (intent, text) =>
      intent === 'report_death' &&
      THIRD_PERSON.test(text) &&
      (itemIntentOf(text) ?? 'funeral_consolation') !== 'funeral_consolation' &&
      /多少|能不能|能否|有没有/.test(text),
    is: (text) => itemOr(text, 'report_death'),
  },
  // "大病慰问要不要住院证明": the item named is 大病慰问; 住院 is what its proof is asked about.
  // ("不是大病 就是普通住了个院": 大病 denied is no item named.)
  {
    when: (intent, text) => intent === 'hospitalization_consolation' && /大病/.test(text) && !/(不是|不算|没有|并非)大病/.test(text),
    is: () => 'serious_illness_consolation',
  },
  // "老伴瘫了 日子过不下去了": an illness or hardship told, with no word of a death, is never a death to report.
  {
    when: (intent, text) => intent === 'report_death' && !namesDeath(text) && ILL_OR_HARD_UP.test(text),
    is: (text) => (HARD_UP.test(text) ? 'hardship_assistance' : OUT_OF_SCOPE),
  },
  // "我要去广州跟儿子住了 要跟社区报告吗": a move to report, with no word of a death, is no death either.
  {
    when: (intent, text) => intent === 'report_death' && !namesDeath(text) && !reportsDeath(text) && MOVING_AWAY.test(text),
    is: () => 'update_personal_info',
  },
  // "长沙的 我要搬去广东跟儿子住了 要跟社区说一声吗": whether to tell of a move out of the city, not how to move the relation.
  {
    when: (intent, text) => intent === 'transfer_management' && TELL_ASKED.test(text) && otherPlaceIn(text) !== null,
    is: () => 'update_personal_info',
  },
  // "我搬到钱塘区了 搬过去以后节日慰问还有的吧": a move told is the move's dialog, which answers the item first.
  {
    when: (intent, text) => ITEM_AFTER_MOVE.has(intent) && MOVED_TOLD.test(text) && !SUPPOSING.test(text) && !PLANNED.test(text),
    is: () => 'transfer_management',
  },
  // "我舅舅失踪快7个月了 他养老金会怎样", "我家老人走失快七个月了": a missing person is no death, nor a move to report;
  // the pension's suspension is asked ("长沙 判刑收监 养老金" too, 002 第三十二条(三)).
  {
    when: (intent, text) =>
      (intent === 'report_death' || intent === 'update_personal_info' || intent === OUT_OF_SCOPE) &&
      !namesDeath(text) &&
      (MISSING.test(text) || IMPRISONED.test(text)),
    is: () => 'pension_certification',
  },
];
/** "要跟社区说一声吗", "要不要告诉社区": whether to tell. */
const TELL_ASKED = /(说一声|讲一声|告诉|告知|报告|打招呼|通知)[^，,。]{0,6}(吗|不|么|嘛|伐)|(要不要|需不需要|用不用)[^，,。]{0,6}(说一声|告诉|告知|报告|通知)/;
/** "还发吗", "还能去体检不": whether an item is still due. */
const ITEM_STILL_DUE = /还(发|有|给|能|可以|算)|发不发|有没有|能不能|给不给/;
const MISSING = /失踪|失联|下落不明|联系不上|找不到人|走失|走丢|找不着|没找到/;
/** "长沙 判刑收监 养老金": prison named with the pension (002 第三十二条(三) suspends it). */
const IMPRISONED = /(判刑|收监|坐牢|服刑)[^，,。？?]{0,8}(养老金|退休金)|(养老金|退休金)[^，,。？?]{0,8}(判刑|收监|坐牢|服刑)/;

function rereadIntent(classified: IntentId, text: string, slots: Slots): IntentId {
  let intent = classified;
  for (const rule of MISREADINGS) if (rule.when(intent, text, slots)) intent = rule.is(text);
  return intent;
}

/** An illness or a household's hardship told: a reason for help, not a death. */
const ILL_OR_HARD_UP = /瘫|卧床|病了|生病|病重|住院|困难|过不下去|揭不开锅|没钱/;
const HARD_UP = /困难|过不下去|揭不开锅|没钱|帮啥|帮什么|帮帮/;
/** A move away told (to another city, province or abroad). */
const MOVING_AWAY = /搬|迁|(去|到|回)[^，,。？?]{1,8}(住|定居|养老|生活)|移居|换(了)?(地址|住址|电话|手机)/;
const HOUSEBOUND_ASKS = /怎么办|咋办|怎么弄|咋弄|怎么搞|上门/;
const OTHER_TOPIC = /困难|开销|补助|帮扶|体检|活动|住院|慰问|去世|走了|转/;

/**
 * "下个月搬去聊城": moving to a named place, with nothing else asked — the management relation moves too
 * (transfer_management), where the classifier was unsure.
 */
const MOVING_TO = /搬(?:家)?(?:去|到|回)(.{2,8}?)(?:去|住|生活|养老|了|啦)?[.!。！]?$/;
const MOVING_OTHER = /燃气|水电|户口本|快递|网|电视|宽带|过户/;

const HANDOVER = /移交(?!名册)/;
const WRONGLY_DRAWN = /冒领|骗取/;
const MOVING = /搬|迁|转(关系|移|过去|过来|到|去)|关系转|过户/;
/** "我搬到钱塘区了", "刚搬来滨江": a move told as done. */
/** "打算搬", "想搬": a move still to come. */
const PLANNED = /打算|准备|想搬|要搬/;
const MOVED_TOLD = /(已经|刚)?搬(到|去|来)[\u4e00-\u9fa5]{1,4}(区|县|市)?(了|住了)/;
/** Items a mover asks about ("到了滨江节日慰问有伐"): the move's dialog answers them first, then asks on. */
const ITEM_AFTER_MOVE: ReadonlySet<string> = new Set(['festival_consolation', 'health_checkup', 'hospitalization_consolation', 'group_activity']);
/** A question about money ("管理费用按每人多少算"): the hand-over words in it are context. */
const asksMoney = (text: string): boolean => namesBudget(text) || /费用|管理费|标准|多少钱/.test(text);
/** Below this confidence, an item named in so many words (体检, 住院…) decides the intent. */
const UNSURE_ITEM = 0.6;

/** Texts longer than this are cut before normalization, classification and slot extraction. */
export const MAX_TEXT_CHARS = 512;

/** Training examples from intent definitions, normalized as user text is. */
export function trainingExamples(defs: readonly IntentDefinition[]): TrainingExample[] {
  return defs.flatMap((d) => d.examples.map((e) => ({ text: normalize(e), intent: d.id })));
}

/** Loads `intents/` and trains a classifier (the default options unless given). */
export function buildClassifier(options: Partial<ClassifierOptions> = {}, intentsDir: string = DEFAULT_INTENTS_DIR): IntentClassifier {
  return trainClassifier(trainingExamples(loadIntents(intentsDir)), options);
}

/**
 * A greeting, thanks or acknowledgement that opens a longer message ("你好 我想问问体检的事", "谢谢 还有住院的呢",
 * "好的谢谢，那体检报销要发票原件吗", "不用了 我想问问重阳节…"): what follows it is the message's point.
 */
const LEAD_ACT =
  /^(?:(?:你好|您好|你们好|大家好|老师好|哈喽|哈啰|嗨|喂|hello|hi|在吗|在不在|在不|有人吗|早上好|早安|上午好|下午好|中午好|晚上好|早|谢谢|多谢|感谢|谢了|好的|好|嗯|嗯嗯|哦|噢|行|明白了|知道了|辛苦了|麻烦了|麻烦你了|麻烦您了|不用了|算了|取消吧?|不是这个|打扰了|打扰一下|请问)(?:你|您|你们|啊|呀|啦|了|哈|小助手|助手|老师)*[\s,.!?;:，。！？；：~、]*)+/;
/** Greetings open a message whatever follows; thanks and acknowledgements only before a question or a request. */
const GREETING_LEAD = /^(?:你好|您好|你们好|老师好|哈喽|哈啰|嗨|喂|hello|hi|在吗|在不在|在不|有人吗|早上好|早安|上午好|下午好|中午好|晚上好|打扰|请问)/;
const ASKS =
  /[吗呢?]|怎么|什么|啥|哪|多少|几|多久|能不能|可不可以|是不是|有没有|要不要|还有|想问|要问|问问|问下|问一下|咨询|想申请|想办|想改|想换|想报|想转|想找/;

/**
 * The classification of a normalised text, as understand() does it: a bare value (12000元, 76岁) is no question
 * (out_of_scope); a message opened by a greeting or thanks is read by what follows when that is a domain
 * question, or a question the bot cannot help with.
 */
export function classifyNormalized(c: IntentClassifier, normalized: string, explain = false): Classification {
  const r = classifyRaw(c, normalized, explain);
  if (r.intent === OUT_OF_SCOPE && HOUSEBOUND.test(normalized) && HOUSEBOUND_ASKS.test(normalized) && !OTHER_TOPIC.test(normalized)) {
    return { ...r, intent: 'pension_certification', confidence: 0.6 };
  }
  if (r.intent === OUT_OF_SCOPE && normalized.length <= 20 && !MOVING_OTHER.test(normalized)) {
    const place = MOVING_TO.exec(normalized)?.[1];
    if (place && findRegions(place).length > 0) return { ...r, intent: 'transfer_management', confidence: 0.6 };
  }
  // "有人冒领退休金怎么处理": pension drawn wrongly is about the pension's suspension and recovery.
  if (WRONGLY_DRAWN.test(normalized) && r.intent === OUT_OF_SCOPE) return { ...r, intent: 'pension_certification', confidence: UNSURE_ITEM };
  // "户口和住的地方不一样，移交按哪个来": the hand-over of a retiree is 纳入社会化管理, not a budget or nothing.
  if (HANDOVER.test(normalized) && !asksMoney(normalized) && (r.intent === OUT_OF_SCOPE || r.intent === 'fund_budget' || r.confidence < UNSURE_ITEM)) {
    return { ...r, intent: 'coverage_enrollment', confidence: UNSURE_ITEM };
  }
  // "滨江区600人 文体活动经费多少": an item's money for a head count of retirees is a budget question.
  // So is "300人 春节慰问金总共要多少": a total for a head count that no group leader manages.
  const total = TOTAL_FOR_COUNT.test(normalized) && !LEADER_WORDS.test(normalized);
  if ((namesBudget(normalized) || total) && namesHeadCount(normalized) && r.intent !== 'fund_budget' && !namesDeath(normalized)) {
    return { ...r, intent: 'fund_budget', confidence: Math.max(r.confidence, UNSURE_ITEM) };
  }
  // "常住北京 户口在滨江 体检怎么弄": an unsure reading gives way to the one item the text names in so many words.
  // A budget question names its item too ("文体活动经费预算"): that one stays the staff's.
  // A move named without moving ("住在成都 户口和管理都在西湖区 体检怎么弄") is the item's question too.
  const unsure = r.confidence < UNSURE_ITEM || (r.intent === 'transfer_management' && !MOVING.test(normalized));
  const item = r.intent !== OUT_OF_SCOPE && r.intent !== 'fund_budget' && unsure ? itemIntentOf(normalized) : null;
  if (item && item !== r.intent && isIntentId(item) && DOMAIN_SET.has(item) && !namesDeath(normalized)) return { ...r, intent: item, confidence: UNSURE_ITEM };
  if (r.intent !== 'human_handoff' || ASKS_FOR_PERSON.test(withoutGivenDetails(normalized))) return r;
  const next = r.runnerUp !== 'human_handoff' && r.runnerUpProbability >= c.info.threshold ? r.runnerUp : OUT_OF_SCOPE;
  return { ...r, intent: next, confidence: next === OUT_OF_SCOPE ? Math.max(0, 1 - r.bestProbability) : r.runnerUpProbability };
}

const TOTAL_FOR_COUNT = /总共|一共|合计|总计|总额|总数|共(要|需)|多少/;
const LEADER_WORDS = /管|带|小组|组长/;

function classifyRaw(c: IntentClassifier, normalized: string, explain: boolean): Classification {
  if (BACK_AGAIN.test(normalized)) {
    return {
      intent: 'greeting',
      confidence: 1,
      best: 'greeting',
      bestProbability: 1,
      runnerUp: OUT_OF_SCOPE,
      runnerUpProbability: 0,
      ...(explain ? { features: [] } : {}),
    };
  }
  if (TYPED_YES_BUTTON.test(normalized)) {
    return {
      intent: 'affirm',
      confidence: 1,
      best: 'affirm',
      bestProbability: 1,
      runnerUp: OUT_OF_SCOPE,
      runnerUpProbability: 0,
      ...(explain ? { features: [] } : {}),
    };
  }
  if (BARE_VALUE.test(normalized) || isBarePlaceOrYear(normalized)) {
    return {
      intent: OUT_OF_SCOPE,
      confidence: 1,
      best: OUT_OF_SCOPE,
      bestProbability: 1,
      runnerUp: OUT_OF_SCOPE,
      runnerUpProbability: 0,
      ...(explain ? { features: [] } : {}),
    };
  }
  const whole = c.classify(normalized, { explain });
  const lead = LEAD_ACT.exec(normalized);
  if (!lead || (whole.intent !== 'greeting' && whole.intent !== 'thanks' && whole.intent !== 'cancel' && whole.intent !== 'affirm' && whole.intent !== 'deny'))
    return whole;
  const rest = normalized.slice(lead[0].length);
  const greeting = GREETING_LEAD.test(normalized);
  if (rest.length < (greeting ? 2 : 4) || BARE_VALUE.test(rest)) return whole;
  if (!greeting && !ASKS.test(rest)) return whole;
  const point = c.classify(rest, { explain });
  if (DOMAIN_SET.has(point.intent)) return point;
  if (point.intent === OUT_OF_SCOPE && ASKS.test(rest)) return point;
  return whole;
}

const DOMAIN_SET: ReadonlySet<string> = new Set(DOMAIN_INTENTS);

let classifier: IntentClassifier | undefined;

/** The shared classifier, trained on first use. Throws if `intents/` is invalid. */
export function getClassifier(): IntentClassifier {
  classifier ??= buildClassifier();
  return classifier;
}

/** Trains the shared classifier now (call at start-up) and says how it went. */
export function warmUp(): ClassifierInfo {
  return getClassifier().info;
}

/** Replaces the shared classifier (e.g. one trained with other options); `undefined` resets it. */
export function setClassifier(c: IntentClassifier | undefined): void {
  classifier = c;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Understands one message. Never throws: empty, huge, emoji-only or garbled text comes back as
 * `out_of_scope`; a failure inside a stage is reported in `errors` and the other stages still run.
 */
export function understand(text: string, opts: UnderstandOptions): Understanding {
  const original = typeof text === 'string' ? text : '';
  const errors: NluError[] = [];
  let clean = original;
  if (clean.length > MAX_TEXT_CHARS) {
    clean = truncateForNlu(clean, MAX_TEXT_CHARS);
    errors.push({ code: 'text_truncated', length: original.length, kept: clean.length });
  }

  let normalized: string;
  try {
    normalized = normalize(clean);
  } catch (e) {
    errors.push({ code: 'internal_error', stage: 'normalize', message: String((e as Error)?.message ?? e) });
    normalized = clean.normalize('NFKC');
  }

  let intent: IntentId = OUT_OF_SCOPE;
  let confidence = 0;
  let features: readonly FeatureContribution[] | undefined;
  try {
    const c = classifyNormalized(getClassifier(), normalized, opts.explain === true);
    intent = INTENT_IDS.includes(c.intent) ? c.intent : OUT_OF_SCOPE;
    confidence = round3(c.confidence);
    features = c.features;
  } catch (e) {
    errors.push({ code: 'internal_error', stage: 'classify', message: String((e as Error)?.message ?? e) });
  }

  let slots = {} as Slots;
  try {
    const now = opts.now instanceof Date && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
    const r = extractSlots(normalized, { now, ...(opts.expectName !== undefined ? { expectName: opts.expectName } : {}) });
    slots = r.slots;
    errors.push(...r.errors);
    const reread = rereadIntent(intent, normalized, slots);
    if (reread !== intent) {
      intent = reread;
      confidence = UNSURE_ITEM;
    }
  } catch (e) {
    errors.push({ code: 'internal_error', stage: 'slots', message: String((e as Error)?.message ?? e) });
  }

  return {
    text: original,
    intent,
    confidence,
    slots,
    ...(errors.length > 0 ? { errors } : {}),
    ...(opts.explain && features ? { features } : {}),
  };
}
