import type { Button } from '../chat/index.ts';
import { slotButton } from '../chat/index.ts';
import { isApplyRequest, isQuestion, wantsToApply } from '../nlu/cues.ts';
import { DOMAIN_INTENTS } from '../nlu/index.ts';
import { normalize } from '../nlu/normalize.ts';
import {
  type AmountRange,
  correctedRegion,
  findRegions,
  homophoneRegionIn,
  KIN_BEFORE_NAME,
  OVER_BEFORE,
  parseNumber,
  pickRegions,
  vagueRange,
  validateIdNumber,
} from '../nlu/slots/index.ts';
import { hasPersonalNumber, maskText } from '../privacy/mask.ts';
import { findRegion, parseAmount, type Region } from '../rules/index.ts';
import type { Json } from '../store/types.ts';
import type { Msg, Read, SlotSpec, TurnCtx } from './context.ts';

/**
 * Readers for the slots dialogs ask. Each takes the NLU's parsed slot first; when the question was just asked it
 * also accepts the bare answer (a lone number, "在", a button).
 */

const buttonValue = (msg: Msg, slot: string): string | null => (msg.button?.kind === 'slot' && msg.button.slot === slot ? msg.button.value : null);

const nluErrors = (msg: Msg) => msg.understanding?.errors ?? [];

const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_INTENTS);

/** The message is a question of the domain ("住院慰问多少钱"), not an answer: the engine may take it as a digression. */
export function isDomainQuestion(msg: Msg, minConfidence = 0.6): boolean {
  const u = msg.understanding;
  return u !== null && DOMAIN.has(u.intent) && u.confidence >= minConfidence;
}

/** "不知道", "还没定", "记不清了": the person cannot answer yet — not a wrong answer. */
export const UNSURE = /不知道|不清楚|不太清楚|不记得|记不(清|得|住)|忘(了|记)|还没定|没定|说不(好|准|清)|不确定|搞不清/;

/** Regions offered as buttons: the commonest first. */
const COMMON_REGIONS = ['上城区', '拱墅区', '西湖区', '滨江区', '钱塘区', '萧山区', '余杭区', '临平区', '富阳区', '临安区', '建德市', '桐庐县', '淳安县'];

export function regionButtons(slot = 'region'): Button[] {
  return COMMON_REGIONS.map((name) => ({ label: name, payload: slotButton(slot, name) }));
}

/**
 * The region a message is about. When it names several ("我住在上海女儿家 我是西湖区的"), a place our documents
 * cover is the retiree's; a place without one is where they happen to live.
 */
export function regionsIn(text: string): Region[] {
  return pickRegions(findRegions(normalize(text))).map((m) => m.region);
}

function preferredRegion(msg: Msg): string | undefined {
  // "西湖区不对，是建德", "俺是建德的 不是西湖": a correction's right place (the NLU leaves the denied one out).
  if (/不是|不对|说错|搞错/.test(msg.text) && regionsIn(msg.text).length > 1) return correctedRegion(normalize(msg.text));
  const parsed = msg.understanding?.slots.region;
  if (!parsed || findRegion(parsed)?.coverage !== 'none') return parsed;
  return regionsIn(msg.text).find((r) => r.coverage !== 'none')?.name ?? parsed;
}

/** Dialog acts ("好的", "谢谢", "要") said where a district was asked: not a place name to quote back. */
const ACTS: ReadonlySet<string> = new Set(['affirm', 'deny', 'thanks', 'greeting', 'help', 'cancel']);

/** Looks like a place someone typed ("桐乡", "下沙街道"), as opposed to a sentence: worth quoting back. */
const PLACE_LIKE = /^[\u4e00-\u9fa5]{2,8}$/;

/**
 * "丧事慰问金杭州和建德是不是一样": both texts asked about, compared — no one district is meant. "建德啥时候跟杭州一样"
 * asks when, of 建德.
 */
const COMPARES = /一样|区别|相同|不同|差别/;
const ASKS_WHEN = /什么时候|啥时候|哪年|何时|几时|多久/;
const COMPARED_TEXTS: ReadonlySet<string> = new Set(['hangzhou', 'jiande']);
function comparesTheTexts(text: string): boolean {
  if (!COMPARES.test(text) || ASKS_WHEN.test(text)) return false;
  // Every place named, the city too: 杭州 "contains" 建德 as a place, not as a text.
  const docs = new Set(findRegions(normalize(text)).map((m) => m.region.doc ?? ''));
  return docs.size === COMPARED_TEXTS.size && [...docs].every((d) => COMPARED_TEXTS.has(d));
}

function readRegionValue(msg: Msg, slot: string, awaited: boolean): Read {
  const pressed = buttonValue(msg, slot);
  if (!pressed && !awaited && comparesTheTexts(msg.text)) return null;
  const found = pressed ?? preferredRegion(msg);
  if (found) {
    const region: Region | undefined = findRegion(found);
    if (region) return { value: region.name };
  }
  // "西胡区", "肖山的": a district typed with a homophone from pinyin input.
  const heard = homophoneRegionIn(normalize(msg.text), awaited);
  if (heard) return { value: heard.name };
  if (!awaited) return null;
  const text = msg.text.trim();
  if (!text) return null;
  if (UNSURE.test(text)) return { error: 'error-region-unsure' };
  if (msg.understanding && ACTS.has(msg.understanding.intent)) return { error: 'error-region-unreadable' };
  // "住院慰问多少钱" asked instead of the district: a question, not a wrong place name.
  if (isDomainQuestion(msg)) return null;
  const name = found ?? text;
  // The answer is quoted back masked (a phone number typed here must not reach a group), and only when it looks
  // like a place: "没找到“我是她老伴”这个地方" reads as if the bot did not listen.
  if (name.length <= 12 && PLACE_LIKE.test(name) && /[区县市镇乡村州省]$|街道$/.test(name))
    return { error: 'error-unknown_region', args: { value: maskText(name) } };
  if (name.length <= 4 && PLACE_LIKE.test(name)) return { error: 'error-unknown_region', args: { value: maskText(name) } };
  return { error: 'error-region-unreadable' };
}

export function regionSlot(name = 'region', ask = 'ask-region', extra: Partial<SlotSpec> = {}): SlotSpec {
  return {
    name,
    ask,
    buttons: () => regionButtons(name),
    read: (msg, _ctx, awaited) => readRegionValue(msg, name, awaited),
    ...extra,
  };
}

const BARE_NUMBER = /^\s*(-?\d+(?:\.\d+)?)\s*(元|块|块钱)?\s*$/;

/** A wrong amount said in passing: what was wrong, kept in the slot so the dialog can say it and ask again. */
interface AmountProblem {
  readonly problem: string;
  readonly args: { readonly [k: string]: string };
}
/** Amounts said in passing that are kept as a problem rather than dropped: a figure the rules refuse to compute with. */
const PASSING_PROBLEMS: ReadonlySet<string> = new Set(['negative_amount', 'absurd_amount', 'invalid_amount']);

/** A figure the NLU would not read (1e309, 0x10000, 12000.001, 一万亿): its error, in the rules' terms. */
function unreadableAmount(msg: Msg): { readonly code: string; readonly args: Record<string, string> } | null {
  const bad = nluErrors(msg).find((e) => e.code === 'invalid_amount' || e.code === 'absurd_amount');
  if (!bad) return null;
  return bad.code === 'absurd_amount' ? { code: 'absurd_amount', args: { max: '10000000' } } : { code: 'invalid_amount', args: {} };
}

/**
 * What was wrong with an amount said in passing ("自付两千万", "发票-300元"), when the slot holds one: the error's
 * locale id and arguments. The dialog says it kindly and asks for the amount again instead of answering without it.
 */
export function amountProblem(value: Json | undefined): { readonly id: string; readonly args: Record<string, string> } | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { problem, args } = value as Partial<AmountProblem>;
  return typeof problem === 'string' ? { id: problem, args: { ...(args ?? {}) } } : null;
}

/** An amount said as a range ("六万多", "大概一万一"): kept with what was said, for a dialog that can answer from it. */
export interface SaidRange extends AmountRange {
  readonly said: string;
}

export function saidRange(value: Json | undefined): SaidRange | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const r = value as Partial<SaidRange>;
  return typeof r.lo === 'number' && typeof r.hi === 'number' && typeof r.said === 'string' ? (r as SaidRange) : null;
}

/** The range a vague amount of this message states ("自付六万多"), or null. */
function rangeIn(msg: Msg): SaidRange | null {
  const vague = nluErrors(msg).find((e) => e.code === 'vague_amount');
  if (!vague || !('text' in vague)) return null;
  const text = normalize(msg.text);
  const at = text.indexOf(vague.text);
  // The hedge may stand outside what the NLU marked ("一万" + "左右").
  const tail = at >= 0 ? (/^(?:块钱|块|元)?(?:左右|上下|多|来|出头|挂零|以上)/.exec(text.slice(at + vague.text.length))?.[0] ?? '') : '';
  // "超过四万": the word before the figure is part of what was said.
  const head = at > 0 ? (OVER_BEFORE.exec(text.slice(0, at))?.[0] ?? '') : '';
  const r = vagueRange(vague.text + tail, at > 0 ? text.slice(Math.max(0, at - 4), at) : '');
  return r ? { ...r, said: head + vague.text + tail } : null;
}

/** `ranges`: a vague amount that states a range is kept as one (the serious-illness tiers can often answer it). */
export function amountSlot(name = 'amount', ask = 'ask-amount', extra: Partial<SlotSpec> = {}, ranges = false): SlotSpec {
  return {
    name,
    ask,
    read(msg, _ctx, awaited): Read {
      if (nluErrors(msg).some((e) => e.code === 'vague_amount') && msg.understanding?.slots.amount === undefined) {
        const range = ranges ? rangeIn(msg) : null;
        if (range) return { value: { lo: range.lo, hi: range.hi, above: range.above, said: range.said } satisfies Json };
        return { error: 'error-amount-vague' };
      }
      const unreadable = msg.understanding?.slots.amount === undefined ? unreadableAmount(msg) : null;
      if (unreadable) {
        // Never a figure: asked for, it is said and asked again; said in passing, the dialog says it before answering.
        if (awaited) return { error: `error-${unreadable.code}`, args: unreadable.args };
        return { value: { problem: `error-${unreadable.code}`, args: unreadable.args } satisfies AmountProblem };
      }
      const bare = awaited ? BARE_NUMBER.exec(msg.text) : null;
      const raw = msg.understanding?.slots.amount ?? (bare ? Number(bare[1]) : undefined);
      // "一个亿", "几个亿": beyond any medical bill; said as too large, not as unreadable.
      if (raw === undefined && awaited && /亿/.test(msg.text)) return { error: 'error-absurd_amount', args: { max: '10000000' } };
      if (raw === undefined) return awaited && /\d|[一二三四五六七八九十百千万两]/.test(msg.text) ? { error: 'error-amount-unreadable' } : null;
      const parsed = parseAmount(String(raw));
      if (parsed.ok) return { value: parsed.value.toFixed(2).replace(/\.00$/, '') };
      const { code, ...args } = parsed.error;
      // Said in passing ("西湖区 自付两千万 大病"), an error would be dropped by the engine and the amount silently
      // ignored: it is kept as a problem for the dialog to explain. Asked for, the engine explains it itself.
      if (!awaited && PASSING_PROBLEMS.has(code)) return { value: { problem: `error-${code}`, args } satisfies AmountProblem };
      return { error: `error-${code}`, args };
    },
    ...extra,
  };
}

/** "四十八个呢", "要是2400个呢": a count alone, asked as a follow-up of the question in front. */
const COUNT_FOLLOW_UP = /^(?:那|那么|要是|如果|换成)?\s*([\d零〇一二两三四五六七八九十百千万]+)\s*(?:个|位|名|人|户)(?:人)?\s*(?:呢|的话|呢？|呢\?)?[?？。]*$/;
/** "人数改成2500呢", "人数改900": the head count changed by name. */
const COUNT_CHANGED =
  /(?:人数|人头数?)\s*(?:改成|改为|改|换成|变成|调成|调整为|是|为)\s*([\d零〇一二两三四五六七八九十百千万]+)\s*(?:个|位|名|人)?\s*(?:呢|的话)?[?？。]*$/;
function countFollowUp(text: string): number | undefined {
  const m = COUNT_FOLLOW_UP.exec(text.trim()) ?? COUNT_CHANGED.exec(text.trim());
  return m?.[1] === undefined ? undefined : parseNumber(m[1]);
}

export function countSlot(name = 'count', ask = 'ask-count', extra: Partial<SlotSpec> = {}): SlotSpec {
  return {
    name,
    ask,
    read(msg, _ctx, awaited) {
      const bare = awaited ? /^\s*(\d{1,6})\s*(人|个|次|位)?\s*$/.exec(msg.text) : null;
      const n = msg.understanding?.slots.count ?? (bare ? Number(bare[1]) : countFollowUp(msg.text));
      if (n === undefined) return awaited ? { error: 'error-count' } : null;
      return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? { value: n } : { error: 'error-count' };
    },
    ...extra,
  };
}

export function dateSlot(name = 'date', ask = 'ask-date', extra: Partial<SlotSpec> = {}): SlotSpec {
  return {
    name,
    ask,
    read(msg, ctx, awaited) {
      const date = msg.understanding?.slots.date;
      if (date) return date > ctx.asOf ? { error: 'error-future_date' } : { value: date };
      if (nluErrors(msg).some((e) => e.code === 'invalid_date')) return { error: 'error-invalid_date' };
      return awaited ? { error: 'error-invalid_date' } : null;
    },
    ...extra,
  };
}

/** "身份证号不记得了", "证件不在身边", "以后再给": the ID number is given later. */
const ID_UNAVAILABLE = new RegExp(`${UNSURE.source}|找不到|没带|不在(身边|手上|手边)|没有|没在|回头|以后|晚点|稍后|等会|等一下|之后|先不|跳过|暂时`);

/** "我去翻一下", "我找找", "稍等我看看": looking for the card now. */
const LOOKING = /我(去|再|先)?(找|翻|看|查|拿)(一下|一找|找|翻|看|下)|稍等|等我/;

export const idNumberSlot: SlotSpec = {
  name: 'idNumber',
  ask: 'ask-id-number',
  personal: true,
  read(msg, _ctx, awaited) {
    const id = msg.understanding?.slots.id_number;
    if (id) return { value: id.toUpperCase() };
    const problem = nluErrors(msg).find((e) => 'slot' in e && e.slot === 'id_number');
    if (problem) return { error: `error-${problem.code.replace(/_/g, '-')}` };
    if (!awaited) return null;
    // A family often has no ID card at hand: the report goes on without it, staff ask for it later.
    // "退休金以后就停了是吧 …" is a question, not the number put off: only words about the card, or a short reply.
    const putOff = /身份证|证件|号码|证号/.test(msg.text) || (!isQuestion(msg.text) && msg.text.trim().length <= 12);
    // "号码在哪能查到": where to find it, asked — said, and the number still asked for.
    if (isQuestion(msg.text) && /哪|怎么查|咋查|如何查/.test(msg.text)) return { error: 'error-id-where', aside: true };
    // "等会儿 我去翻一下他身份证": they are looking for it now — waited for, not put off.
    if (LOOKING.test(msg.text)) return { error: 'error-id-wait', aside: true };
    if (ID_UNAVAILABLE.test(msg.text) && putOff && !/\d{6,}/.test(msg.text)) return { value: null };
    return { error: /\d/.test(msg.text) ? 'error-id-length' : 'error-id-missing' };
  },
};

/**
 * A slot a valid ID number in the message also answers (the applicant's gender, age): the number tells them, and is
 * not kept itself. A number that is not valid is said to be wrong, so that it can be sent again.
 */
export function orFromIdNumber(spec: SlotSpec, derive: (id: { readonly male: boolean; readonly birthDate: string }, ctx: TurnCtx) => Json): SlotSpec {
  return {
    ...spec,
    // What an ID number tells is the person's: read whatever topic the message seems to be about, never in a group.
    personal: true,
    read(msg, ctx, awaited) {
      const r = spec.read(msg, ctx, awaited);
      if (r && 'value' in r) return r;
      const id = msg.understanding?.slots.id_number;
      const checked = id ? validateIdNumber(id) : undefined;
      // The 17th digit is odd for a man (GB 11643).
      if (id && checked?.ok) return { value: derive({ male: Number(id[16]) % 2 === 1, birthDate: checked.birthDate }, ctx) };
      const problem = nluErrors(msg).find((e) => 'slot' in e && e.slot === 'id_number');
      return problem ? { error: `error-${problem.code.replace(/_/g, '-')}` } : r;
    },
  };
}

/** Full years from a birth date to a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const phoneSlot: SlotSpec = {
  name: 'reporterPhone',
  ask: 'ask-phone',
  personal: true,
  read(msg, _ctx, awaited) {
    const phone = msg.understanding?.slots.phone;
    if (phone) return { value: phone };
    if (nluErrors(msg).some((e) => e.code === 'phone_invalid')) return { error: 'error-phone' };
    return awaited ? { error: 'error-phone' } : null;
  },
};

/** Slots holding a person's name: while one is asked, a bare name is taken as the answer. */
export const NAME_SLOTS: ReadonlySet<string> = new Set(['deceasedName', 'applicantName']);

/** A kinship word (and "叫") right before a name: "我父亲张建国…", "老伴叫王桂芳", "他叫陈志明" name the deceased. */
const NAMED_AS = new RegExp(
  `((去世|过世|逝世|病故|报丧|登记|报告)[^:：，,。]{0,4}[：:]\\s*$)|(^(报丧|报个丧|报一下丧)[\\s,，]+$)|((${KIN_BEFORE_NAME}|爸|妈|爹|娘|老人|他|她|退休人员|退休职工|退休老人|退休工人|老同志|居民)(的名字|名字|的姓名|姓名)?(叫|名叫|是)?|(?<![我你])(叫|名叫)|(?<!我的?)(姓名|名字|逝者|死者|亡者|故者)(是|叫|为)?)[：:，,\\s]*$`,
);
/** After a name in "我是李国华的儿子": the writer is that person's child (or grandchild). */
const CHILD_OF = /^的?(儿子|女儿|闺女|孩子|孙子|孙女|外孙|外孙女|儿媳|女婿)/;
/** "王大妈", "张大爷", "老李": how neighbours say it, not the name on the ID card. */
const HONORIFIC = /^([\u4e00-\u9fa5]{1,2}(大妈|大爷|阿姨|叔叔|奶奶|爷爷|老师|师傅|伯伯|大伯|大娘|婆婆|阿婆|老太|老头|嬢嬢|阿姨)|[老小][\u4e00-\u9fa5])$/;

/** "帮我老伴申请 她叫陈素珍", "我叫李桂兰…帮我申请" (nobody else named as the one applied for). */
const APPLICANT_NAMED = (value: string) =>
  new RegExp(
    `(他|她|老伴|爱人|老公|老婆|父亲|母亲|爸|妈)(的名字)?(叫|是)\\s?${value}|(小组长|申请人)[\\s，,]?(是|叫)?\\s?${value}|(^|[\\s，,])${value}[\\s，,]+(男|女|身份证)|^(?!.*(帮|给|替)(我)?(爸|妈|父亲|母亲|老伴|爱人|老公|老婆|他|她)).*我叫\\s?${value}`,
  );

export function nameSlot(name: 'deceasedName' | 'applicantName', ask: string): SlotSpec {
  return {
    name,
    ask,
    personal: true,
    read(msg, _ctx, awaited) {
      const value = msg.understanding?.slots.name;
      if (!awaited) {
        // A name said in passing may be anyone's; in a death report, one right after "我父亲" is the deceased's; in an
        // application, the one who says "我叫…" for themselves, "她叫…" or "小组长陈建英" of the one applied for.
        if (value && name === 'applicantName') return APPLICANT_NAMED(value).test(normalize(msg.text)) ? { value } : null;
        if (!value || name !== 'deceasedName') return null;
        // The NLU's name is Simplified ("家父黃志強" → 黄志强): looked for in the text as the NLU read it.
        const text = normalize(msg.text);
        const at = text.indexOf(value);
        // "李秀珍 12月1号去世", "我是李国华的儿子，我爸…去世": the name opens the report, or is the one whose child writes.
        const named = at === 0 || (at > 0 && NAMED_AS.test(text.slice(0, at)));
        const parentOfWriter = at > 0 && /我(就)?是\s*$/.test(text.slice(0, at)) && CHILD_OF.test(text.slice(at + value.length));
        return named || parentOfWriter ? { value } : null;
      }
      const text = msg.text.trim();
      // "那帮我申请吧" while the name is asked: a request, never a name (那 is a surname too).
      const plain = normalize(text);
      if (isApplyRequest(plain) || wantsToApply(plain)) return { error: 'error-name', aside: true };
      if (value) return { value };
      if (HONORIFIC.test(text)) return { error: 'error-name-full' };
      // A question asked instead of the name: said kindly, the question comes back afterwards.
      if (isDomainQuestion(msg) || isQuestion(text) || /怎样|咋样|会咋/.test(text)) {
        return { error: name === 'deceasedName' ? 'error-name-question-death' : 'error-name-question' };
      }
      return { error: 'error-name' };
    },
  };
}

const RELATIONS = ['父亲', '母亲', '配偶', '儿子', '女儿', '其他亲属'];
/** "我是他女儿", "俺是他侄子", "我是他老伴": kin speaking of the deceased by 他 / 她. */
const RECIPROCAL =
  /(?:我|俺|咱|阿拉)是(他|她|伊)的?(女儿的(?:老公|丈夫)|闺女的老公|儿子的(?:老婆|媳妇)|女儿|儿子|闺女|孩子|大儿子|小儿子|大女儿|小女儿|孙子|孙女|外孙女|外孙|侄子|侄女|外甥女|外甥|儿媳妇?|女婿|老伴儿?|爱人|妻子|丈夫|老婆|老公)/;
/** The writer the deceased's spouse. */
const SPOUSE = new Set(['老伴', '老伴儿', '爱人', '妻子', '丈夫', '老婆', '老公']);
/** Kin of the writer whose deceased is no parent (an uncle, a grandparent, a parent-in-law): 其他亲属. */
const OTHER_KIN = new Set([
  '孙子',
  '孙女',
  '外孙',
  '外孙女',
  '侄子',
  '侄女',
  '外甥',
  '外甥女',
  '儿媳',
  '儿媳妇',
  '女婿',
  // "我是他女儿的老公": a son- or daughter-in-law said in words.
  '女儿的老公',
  '女儿的丈夫',
  '闺女的老公',
  '儿子的老婆',
  '儿子的媳妇',
]);

export const relationSlot: SlotSpec = {
  name: 'relation',
  ask: 'ask-relation',
  buttons: () => RELATIONS.map((r) => ({ label: r, payload: slotButton('relation', r) })),
  read(msg, ctx, awaited) {
    const pressed = buttonValue(msg, 'relation');
    if (pressed && RELATIONS.includes(pressed)) return { value: pressed };
    // "我是他女儿": the reporter's side of the relation; the question asks for the deceased's ("去世的是您的什么人").
    const mine = RECIPROCAL.exec(msg.text);
    // "我是他侄子": 其他亲属, with what they said they are, so that they and staff see it was heard.
    const role = mine?.[2] ?? '';
    if (mine) return { value: SPOUSE.has(role) ? '配偶' : OTHER_KIN.has(role) ? ctx.tr.t('relation-other-kin', { role }) : mine[1] === '她' ? '母亲' : '父亲' };
    const relation = msg.understanding?.slots.relation;
    // "我是他侄子 不是儿子": a relation only denied is none.
    if (relation && !new RegExp(`不是(他|她)?的?${relation}`).test(msg.text)) return { value: relation };
    return awaited ? { error: 'error-relation' } : null;
  },
};

/** Words that answer nothing: a yes, a no, an "ok" typed where a name or place was asked. */
const ACK_ONLY =
  /^(?:(好的?|好吧|好嘞|嗯+|恩+|哦+|噢+|喔+|行|可以|对|对的|是的?|没问题|确认|确定|提交|知道了|晓得了|明白了?|收到|中|ok|谢谢(你|您)?|不用了?|不是)[啊呀吧了的哈啦嘞呢。！!，,.~\s]*)+(确认|提交|登记)?[。！!]?$/i;
/** What a community, village or street looks like when named. */
const PLACE_WORDS = /社区|村|小区|街道|镇|乡|花园|苑|里|巷|弄|新村|家园|公寓|大院|宿舍|路|街/;

/**
 * A place answered in words (the community where the retiree is managed): validated by its shape — a yes, a question
 * or a whole sentence is never stored as one; a personal number typed here is refused without being quoted.
 */
export function placeSlot(name: string, ask: string, maxLength = 40): SlotSpec {
  return {
    name,
    ask,
    read(msg, _ctx, awaited) {
      if (!awaited) return null;
      // Kept as staff read it: Simplified ("清波門社區" → 清波门社区).
      const text = normalize(msg.text)
        .trim()
        .replace(/[。！!]+$/, '');
      if (text.length === 0 || ACK_ONLY.test(text)) return { error: 'error-place-ack' };
      if (text.length > maxLength) return { error: 'error-free-text', args: { max: maxLength } };
      if (hasPersonalNumber(text)) return { error: 'error-place-number' };
      if (isQuestion(text)) return { error: 'error-place-ack' };
      if (!PLACE_WORDS.test(text) && text.length > 12) return { error: 'error-place-ack' };
      return { value: text };
    },
  };
}

/** Of several options named around "算", the one named before it (the fact); null when 算 does not part them. */
function countedAs(text: string, named: readonly { value: string; words: RegExp }[]): string | null {
  const at = text.search(/算/);
  if (at < 0) return null;
  const before = named.filter((o) => o.words.test(text.slice(0, at)));
  return before.length === 1 ? (before[0]?.value ?? null) : null;
}

/**
 * A choice among fixed options, by button or by words. `said` are phrases clear enough to take the choice from a
 * message that was not answering this question ("户口在杭州 房子是儿子买的").
 */
export function choiceSlot(
  name: string,
  ask: string,
  /** `label` is the locale id of the button's text. */
  options: readonly { value: string; label: string; words: RegExp; said?: RegExp }[],
  extra: Partial<SlotSpec> = {},
): SlotSpec {
  return {
    name,
    ask,
    buttons: (ctx) => options.map((o) => ({ label: ctx.tr.t(o.label), payload: slotButton(name, o.value) })),
    read(msg, _ctx, awaited) {
      const pressed = buttonValue(msg, name);
      if (pressed && options.some((o) => o.value === pressed)) return { value: pressed };
      // "自己买的房和租的房，材料不一样吗": several options named in a question is a question about them, no answer.
      // Read as the NLU reads ("兒子買的" is 儿子买的).
      const text = normalize(msg.text);
      const named = options.filter((o) => (awaited ? o.words : o.said)?.test(text));
      // "住的是儿子买的房子 这个算自己买的不": the one said before 算 is the fact, the other what it is asked to count as.
      const counted = awaited && named.length > 1 ? countedAs(text, named) : null;
      if (counted) return { value: counted };
      if (named.length > 1 && isQuestion(text)) return null;
      if (!awaited) return named[0] ? { value: named[0].value } : null;
      const hit = named[0];
      return hit ? { value: hit.value } : { error: 'error-choice' };
    },
    ...extra,
  };
}

/** "多1块呢", "再多两千呢", "少五百呢": an amount said relative to the one before. */
const RELATIVE_AMOUNT =
  /^(?:那|要是|如果)?(?:再)?(多|加|超|少|减)(?:出|了)?([\d零〇一二两三四五六七八九十百千万.]+)(?:块钱|块|元)?(?:呢|的话)?[，,]?(?:能(?:拿|领)?吗|行吗|够吗|可以吗|呢)?(?:[，,]?[\d.]+(?:块钱|块|元)?)?[?？。]?$/;

/** The amount a relative follow-up (normalized text) means ("多一块钱呢，40001": the sum written out too), from the one known; undefined when it says no such change. */
export function relativeAmount(normalized: string, previous: Json | undefined): string | undefined {
  const m = RELATIVE_AMOUNT.exec(normalized.replace(/\s/g, ''));
  const by = m?.[2] === undefined ? undefined : parseNumber(m[2]);
  const before = typeof previous === 'string' ? Number(previous) : Number.NaN;
  if (by === undefined || Number.isNaN(before)) return undefined;
  const sum = /多|加|超/.test(m?.[1] ?? '') ? before + by : before - by;
  return sum > 0 ? String(Math.round(sum * 100) / 100) : undefined;
}

/** "西湖区翠苑一区社区", "住在小河街道长征桥社区": a community named in passing (a 社区 or a 村). */
const COMMUNITY_AT = /([\u4e00-\u9fa5]{2,12}?(?:社区|村))(?=$|[的了，,。！!\s]|[\u4e00-\u9fa5]{0,2}(?:管理|退休|人))/y;
/** Where a community's name may start: after a district, town or street word, or a pause. */
const BOUNDARY = /[区县市镇乡道，,。\s]/;
/** "去社区", "跟社区", "哪个社区": words around 社区 that are no community's name (和睦社区 is one). */
// "我还是想跟社区的人当面说": a sentence with 社区 in it, its people and verbs no place's name.
const NOT_A_NAME = /^(去|到|找|问|告|报|联系|在|给|跟|向|和社区|要|想|需要|得|应该|先)|[哪个的我你他她想说跟找问]|报给|告诉|通知|交给/;

/** "西湖区翠苑一区社区" → "翠苑一区社区": the district is its own answer. */
function withoutDistrict(said: string): string {
  const name = said.replace(/^(家住|住在|住|在)/, '');
  for (let k = 5; k >= 2; k--) {
    const head = name.slice(0, k);
    if (/[区县市]$/.test(head) && findRegion(head)) return name.slice(k);
  }
  return name;
}

/** "社区是翠苑一区": a community named after 社区是/叫/名叫 (2–8 characters, up to a pause). */
const COMMUNITY_NAMED = /社区(?:是|叫|名叫|名字是)\s?([\u4e00-\u9fa5\d]{2,8}?)(?:社区)?(?=$|[\s，,。])/;

/**
 * "我们是拱墅区大关街道西一社区的", "古荡街道嘉绿苑社区": a community named in passing; the words before the place are
 * tried off, boundary by boundary. Null when none is named.
 */
export function communityIn(text: string): string | null {
  // "社区是翠苑一区", "社区叫和睦": the name after 社区是/叫, with 社区 put back.
  const named = COMMUNITY_NAMED.exec(text)?.[1];
  if (named && !NOT_A_NAME.test(named) && !isQuestion(named)) return `${named}社区`;
  // Sticky at each start, so a 10 KB message is never copied once per boundary.
  for (let from = 0; from < text.length; from++) {
    if (from > 0 && !BOUNDARY.test(text[from - 1] ?? '')) continue;
    COMMUNITY_AT.lastIndex = from;
    const m = COMMUNITY_AT.exec(text);
    if (!m?.[1]) continue;
    const name = withoutDistrict(m[1]);
    if (name.length >= 3 && !NOT_A_NAME.test(name) && !isQuestion(name) && !/[让请帮叫]/.test(name)) return name;
  }
  return null;
}
