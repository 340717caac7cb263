import { normalize } from '../../nlu/index.ts';
import { otherPlaceIn } from '../../nlu/places.ts';
import { findFestivals, parseNumber } from '../../nlu/slots/index.ts';
import {
  type Festival,
  festival,
  findRegion,
  funeral,
  groupActivity,
  healthCheck,
  hospitalization,
  type IsoDate,
  type Region,
  seriousIllness,
} from '../../rules/index.ts';
import { livesInsideHangzhou } from '../answers.ts';
import { APPLY, type DialogDef, type Msg, type Read, type SlotSpec, type Slots, type TurnCtx } from '../context.ts';
import { ageOn, amountSlot, choiceSlot, countSlot, dateSlot, nameSlot, orFromIdNumber, regionSlot, regionsIn, relationSlot, saidRange } from '../slots.ts';
import { amountAskedAgain, answerEntitlement, citationText, entitlementLines, fileCase, offerButtons, unlessPending } from './common.ts';

const region = regionSlot();
const str = (v: unknown) => String(v);

/**
 * The district for the answer. The engine keeps a district answered earlier when a later answer names another one in
 * passing ("建德的 自付45000" while the amount was asked after 西湖区): the district said last is the one meant,
 * else the figure and clause would be another district's. A message naming two ("不是西湖区 是建德") is a
 * correction the engine already read.
 */
export function latestRegion(ctx: TurnCtx, s: Slots, keep: (r: Region) => boolean = () => true): string {
  const named = [
    ...new Set(
      regionsIn(ctx.incoming.text ?? '')
        .filter((r) => !r.cityOnly && r.coverage !== 'none' && keep(r))
        .map((r) => r.name),
    ),
  ];
  const only = named.length === 1 ? named[0] : undefined;
  if (only && only !== s.region) s.region = only;
  return str(s.region);
}
const year = (asOf: string) => Number(asOf.slice(0, 4));

/** The self-paid amount as the rules take it: a figure, not a problem said in passing. */
/**
 * "自付六万多", "大概一万一": a range stands for one figure when every point of it gets the same answer in every text
 * that may apply (the district's, or 杭州市级 and 建德 while it is not known); otherwise it gives none.
 */
function rangeFigure(s: Slots, asOf: IsoDate): string | undefined {
  const r = saidRange(s.amount);
  if (!r) return undefined;
  const low = String(r.above ? r.lo + 0.01 : r.lo);
  const high = String(r.hi);
  const regions = typeof s.region === 'string' ? [s.region] : ['杭州市', '建德市'];
  const same = regions.every((region) => {
    const a = seriousIllness({ region, selfPay: low, asOf });
    const b = seriousIllness({ region, selfPay: high, asOf });
    return a.ok && b.ok && a.value.outcome === b.value.outcome && String(a.value.amount) === String(b.value.amount);
  });
  return same ? high : undefined;
}

const selfPay = (s: Slots, asOf?: IsoDate) => {
  const figure = typeof s.amount === 'string' ? s.amount : asOf ? rangeFigure(s, asOf) : undefined;
  return figure !== undefined ? { selfPay: figure } : {};
};

/** How many people a fixed sum is asked for ("去世3人", "1800人"): read only when said. */
const people: SlotSpec = { ...countSlot('people'), optional: true, clearedBy: /每人|人均|每个人|单人|一个人/ };
const peopleOf = (s: Slots): number | undefined => (typeof s.people === 'number' ? s.people : undefined);

/** A count of one kind only: "住了3次" counts stays, "5人" people — the count parser reads both alike. */
function countOf(spec: SlotSpec, unit: RegExp): SlotSpec {
  return { ...spec, read: (msg, ctx, awaited) => (unit.test(msg.text) ? spec.read(msg, ctx, awaited) : null) };
}
/** 住院几次: read only when said, with 次/回/趟 ("这一次", "每一次" point at one, they count nothing). */
const stays: SlotSpec = countOf({ ...countSlot('stays'), optional: true }, /(?<![这那每上下头])[\d一二两三四五六七八九十]\s*(次|回|趟)/);
export const GENDERS = [
  // Said in passing only as a word of its own ("王秀英 女 76岁"), never inside another ("女儿").
  { value: '男', label: 'button-gender-male', words: /男/, said: /(^|[\s，,、])男(的|性)?($|[\s，,、])/ },
  { value: '女', label: 'button-gender-female', words: /女/, said: /(^|[\s，,、])女(的|性)?($|[\s，,、])/ },
];

/** The applicant's gender: said, pressed, or told by their ID number. */
export const genderSlot = (ask: string): SlotSpec => orFromIdNumber(choiceSlot('gender', ask, GENDERS), (id) => (id.male ? '男' : '女'));

/** The applicant's age: said, or told by their ID number (on the day of the message). */
export const ageSlot = (spec: SlotSpec): SlotSpec => orFromIdNumber(spec, (id, ctx) => ageOn(id.birthDate, ctx.asOf));

/** "本月住院慰问 5人 合计": how many people a fixed sum is asked for, with 人/名/位. */
const peopleCounted: SlotSpec = countOf(people, /[\d一二两三四五六七八九十]\s*(个)?(人|名|位)/);

export const seriousIllnessDialog: DialogDef = {
  intent: 'serious_illness_consolation',
  topic: 'serious_illness',
  factsInput: (s, asOf) => selfPay(s, asOf),
  // Without the amount the whole scale is the answer, and the amount is asked to find the tier.
  // The applicant's name said in passing is kept for the application (never asked here).
  slots: [
    region,
    amountSlot('amount', 'ask-self-pay', { optional: true }, true),
    { ...nameSlot('applicantName', 'ask-applicant-name'), optional: true },
    // "我叫王建国 男的 今年七十三 …": the applicant's gender and age said with the question, kept the same way.
    { ...genderSlot('ask-gender'), optional: true },
    { ...ageSlot({ ...countSlot('age', 'ask-applicant-age'), read: (msg, ctx, awaited) => readAge(msg, ctx, awaited) }), optional: true },
    // "自付2.6万 3人 上限合计": the ceiling for so many people (staff).
    peopleCounted,
  ],
  finish(ctx, s) {
    latestRegion(ctx, s);
    const again = amountAskedAgain(ctx, s, 'amount', 'ask-self-pay');
    if (again) return again;
    const range = saidRange(s.amount);
    if (range) {
      const figure = rangeFigure(s, ctx.asOf);
      // Across a tier's boundary ("一万左右"): the figure decides, and is asked for.
      if (figure === undefined) {
        delete s.amount;
        return { lines: [`${ctx.tr.t('range-straddles', { said: range.said })}\n${ctx.tr.t('ask-self-pay')}`], next: 'done', awaiting: 'amount', again: true };
      }
      const answer = answerEntitlement(ctx, seriousIllness({ region: str(s.region), selfPay: figure, asOf: ctx.asOf }), {
        when: (e) => e.outcome === 'ceiling',
        yes: 'button-apply',
        question: 'offer-serious-illness',
      });
      const [first = '', ...rest] = answer.lines;
      // The figure first (a yes/no about it reads it there), then what it was taken from.
      const [headline = '', ...more] = first.split('\n');
      return { ...answer, lines: [[headline, ctx.tr.t('range-taken', { said: range.said }), ...more].join('\n'), ...rest] };
    }
    if (s.amount === undefined) {
      const scale = seriousIllness({ region: str(s.region), asOf: ctx.asOf });
      // Staff get the whole scale, unless they register for a retiree; a retiree is asked the amount to find the tier.
      const asksAmount = !ctx.incoming.staff || s[APPLY] === true;
      if (!scale.ok || scale.value.outcome !== 'ceiling' || !asksAmount) return answerEntitlement(ctx, scale);
      return { lines: [...entitlementLines(ctx, scale.value), ctx.tr.t('ask-self-pay-for-tier')], next: 'done', awaiting: 'amount' };
    }
    return answerEntitlement(
      ctx,
      seriousIllness({ region: str(s.region), selfPay: str(s.amount), asOf: ctx.asOf }),
      {
        when: (e) => e.outcome === 'ceiling',
        yes: 'button-apply',
        question: 'offer-serious-illness',
      },
      peopleOf(s),
    );
  },
  // The applicant's details are personal: a dialog of their own collects them in private.
  accept: (_ctx, s) => ({
    lines: [],
    next: 'done',
    // A range said ("三万多") whose tier is certain goes on as said: the application files its floor and its words.
    continueWith: {
      intent: 'serious_illness_application',
      slots: {
        region: s.region ?? null,
        amount: typeof s.amount === 'string' || saidRange(s.amount) ? (s.amount ?? null) : null,
        ...(typeof s.applicantName === 'string' ? { applicantName: s.applicantName } : {}),
        ...(typeof s.gender === 'string' ? { gender: s.gender } : {}),
        ...(typeof s.age === 'number' ? { age: s.age } : {}),
      },
    },
  }),
};

/** The self-paid amount an application is decided on: the figure, or a range's when its tier is certain. */
const appliedSelfPay = (s: Slots, asOf: IsoDate): string => selfPay(s, asOf).selfPay ?? str(s.amount);

/** 大病慰问申请: who applies (name, gender, age — what a 公示 shows), confirmed, then filed. */
export const seriousIllnessApplicationDialog: DialogDef = {
  intent: 'serious_illness_application',
  // Its questions ("要带什么材料") are about the consolation it applies for.
  topic: 'serious_illness',
  factsInput: (s, asOf) => selfPay(s, asOf),
  privateOnly: true,
  // "说错了 是四万零三百", "那要是自付一万二呢" while the name is asked: the consolation is answered again for them.
  answeredBy: 'serious_illness_consolation',
  slots: [
    nameSlot('applicantName', 'ask-applicant-name'),
    genderSlot('ask-gender'),
    ageSlot({ ...countSlot('age', 'ask-applicant-age'), read: (msg, ctx, awaited) => readAge(msg, ctx, awaited) }),
  ],
  finish(ctx, s) {
    // The ceiling of the amount confirmed, so that a corrected amount shows its tier at once.
    const e = seriousIllness({ region: str(s.region), selfPay: appliedSelfPay(s, ctx.asOf), asOf: ctx.asOf });
    if (!e.ok || !e.value.amount) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const confirm = ctx.tr.t('application-confirm', {
      name: str(s.applicantName),
      gender: str(s.gender),
      age: str(s.age),
      region: str(s.region),
      amount: saidRange(s.amount)?.said ?? str(s.amount),
      ceiling: e.value.amount.toFixed(0),
      citation: citationText(e.value.citations[0]) ?? '',
    });
    return { lines: [confirm], buttons: offerButtons(ctx, 'button-confirm-application'), next: 'confirm' };
  },
  async accept(ctx, s) {
    const e = seriousIllness({ region: str(s.region), selfPay: appliedSelfPay(s, ctx.asOf), asOf: ctx.asOf });
    if (!e.ok || !e.value.amount) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const cite = e.value.citations[0];
    const range = saidRange(s.amount);
    return fileCase(
      ctx,
      'serious_illness_application',
      {
        region: str(s.region),
        year: year(ctx.asOf),
        // "三万多": its floor, with the words staff check against the 查询单.
        selfPay: range ? String(range.lo) : str(s.amount),
        ...(range ? { selfPaySaid: range.said } : {}),
        ceiling: e.value.amount.toFixed(0),
        citation: citationText(cite) ?? 'n/a',
        applicantName: str(s.applicantName),
        gender: s.gender === '女' ? '女' : '男',
        age: Number(s.age),
      },
      s,
    );
  },
};

/** "刘国平 男 77", "她叫林凤仙 女的 七十九": the number right after the gender, at the end, is the age. */
export function ageBesideGender(text: string): number | undefined {
  const m = /(?:男|女)(?:的|性)?[\s，,]+([\d一二三四五六七八九十]{2,4})(?:岁|周岁)?[。.!！\s]*$/.exec(text.trim());
  return m?.[1] === undefined ? undefined : parseNumber(m[1]);
}

export function readAge(msg: Msg, _ctx: unknown, awaited: boolean): Read {
  // Answering "多大年纪": a bare number, in digits or in words ("七十六", "76岁"). A message that is only an age
  // ("76岁", "七十六", "女的 七十五") answers it even while the name or the gender was asked.
  const bare = parseNumber(
    msg.text
      .trim()
      // "女的 七十五": the gender said with it is the gender slot's.
      .replace(/^(男|女)(的|性)?[\s，,]+/, '')
      .replace(/^(今年|年龄|已经)/, '')
      .replace(/(周岁|岁|了)+$/, ''),
  );
  // "年龄错了 是七十九": the age named as such, its figure after.
  const named = /(年龄|岁数|年纪)[^\d一二三四五六七八九十，,。]{0,6}([\d一二三四五六七八九十]{2,4})/.exec(msg.text)?.[2];
  const said = msg.understanding?.slots.age ?? bare ?? (named === undefined ? undefined : parseNumber(named)) ?? ageBesideGender(msg.text);
  if (said === undefined) return awaited ? { error: 'error-invalid_age' } : null;
  if (said >= 40 && said <= 120) return { value: said };
  return awaited || msg.understanding?.slots.age !== undefined ? { error: 'error-age-range' } : null;
}

export const hospitalizationDialog: DialogDef = {
  intent: 'hospitalization_consolation',
  topic: 'hospitalization',
  factsInput: (s) => (typeof s.stays === 'number' ? { stays: s.stays } : {}),
  slots: [region, stays, peopleCounted],
  finish: (ctx, s) =>
    unlessPending(
      ctx,
      answerEntitlement(
        ctx,
        hospitalization({ region: latestRegion(ctx, s), asOf: ctx.asOf, ...(typeof s.stays === 'number' ? { stays: s.stays } : {}) }),
        {
          when: (e) => e.outcome === 'fixed' && e.amount !== null,
          yes: 'button-apply',
          question: 'offer-hospitalization',
        },
        peopleOf(s),
      ),
      'hospitalization_application',
      s,
    ),
  async accept(ctx, s) {
    const e = hospitalization({ region: str(s.region), asOf: ctx.asOf });
    if (!e.ok || !e.value.amount) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const cite = e.value.citations[0];
    return fileCase(
      ctx,
      'hospitalization_application',
      {
        region: str(s.region),
        year: year(ctx.asOf),
        amount: e.value.amount.toFixed(0),
        citation: citationText(cite) ?? 'n/a',
      },
      s,
    );
  },
};

export const funeralDialog: DialogDef = {
  intent: 'funeral_consolation',
  topic: 'funeral',
  // "本月去世3人 丧事慰问一共": staff count the deaths; the sum is the answer.
  slots: [region, { ...relationSlot, optional: true }, dateSlot('date', 'ask-date', { optional: true }), people],
  // "我妈妈前天走了，丧葬费打到哪" tells whose death and when: the family is reporting a death, and the report's
  // last message answers the funeral money. Without both, it is a question about the money.
  handOver: (s) =>
    typeof s.relation === 'string' && typeof s.date === 'string'
      ? { intent: 'report_death', slots: { relation: s.relation, dateOfDeath: s.date, ...(typeof s.region === 'string' ? { region: s.region } : {}) } }
      : null,
  appliedVia: 'report_death',
  finish: (ctx, s) => answerEntitlement(ctx, funeral({ region: latestRegion(ctx, s), asOf: ctx.asOf }), undefined, peopleOf(s)),
};

const festivalName: SlotSpec = {
  name: 'festival',
  ask: 'ask-festival',
  optional: true,
  // "一年加起来一共多少" after one festival's answer: every festival of the year, so none in particular.
  read(msg) {
    // "那端午和中秋加起来呢": the festivals named, summed.
    const named = [...new Set(findFestivals(normalize(msg.text)).map((f) => f.festival))];
    if (named.length > 1) return { value: named };
    return msg.understanding?.slots.festival ? { value: msg.understanding.slots.festival } : WHOLE_YEAR.test(msg.text) ? { value: null } : null;
  },
};
const festivalsOf = (value: Slots[string] | undefined): Festival | readonly Festival[] | undefined =>
  typeof value === 'string' ? (value as Festival) : Array.isArray(value) ? (value as Festival[]) : undefined;
/** "一年加起来一共多少", "全年合计": the year's festivals together. */
const WHOLE_YEAR = /(一年|全年|每年)[^，,。？?]{0,6}(一共|总共|加起来|合计|共计)|加起来|全年(一共|总共|合计)/;

export const festivalDialog: DialogDef = {
  intent: 'festival_consolation',
  topic: 'festival',
  factsInput: (s) => (festivalsOf(s.festival) ? { festival: festivalsOf(s.festival) } : {}),
  // "拱墅 1800人 节日慰问费": staff count the retirees; the sum is said for them all.
  slots: [region, festivalName, people],
  finish: (ctx, s) =>
    answerEntitlement(
      ctx,
      festival({ region: latestRegion(ctx, s), asOf: ctx.asOf, ...(festivalsOf(s.festival) ? { festival: festivalsOf(s.festival) } : {}) }),
      undefined,
      peopleOf(s),
    ),
};

/**
 * Lives outside 杭州市: said in words ("住在外地", "在上海", "不在杭州"), or by asking to be reimbursed for a check
 * (体检费报销): only a retiree living outside the city pays and is reimbursed (004 三(二)).
 */
const livesOutside: SlotSpec = {
  name: 'outside',
  ask: 'ask-outside',
  optional: true,
  read(msg) {
    // "報銷體檢費": read in Simplified, as the NLU reads it.
    const text = normalize(msg.text);
    return /外地|杭州(市)?外|(?<!县)市外|不在杭州|异地|外省|老家|体检(费)?.{0,4}(报销|发票)|报销.{0,4}体检|登记报销/.test(text) ||
      (/住|在|跟/.test(text) && (regionsIn(text).some((r) => !r.inHangzhouCity) || otherPlaceIn(text) !== null))
      ? { value: true }
      : null;
  },
};
const invoice: SlotSpec = { ...amountSlot('invoice', 'ask-invoice'), optional: true };
/** 住在上海, 常住苏州, 在绍兴女儿家住: the place named is where the retiree lives. */
const RESIDES = /住|在.{1,8}(?:住|生活|养老|带孙)/;
/** "在聊城做", "去长沙体检": the check done in a place, said by someone managed elsewhere. */
const CHECKED_THERE = /(在|去|到)[\u4e00-\u9fa5]{1,6}(做|体检|检查|查体)|[\u4e00-\u9fa5]{2,4}(的)?医院(开|做|的发票)/;
/**
 * Where the retiree is managed. A place we hold no document for, named in passing as where they live ("我住在上海
 * 体检费能报吗"), is the residence the outside-Hangzhou rule is about, not the management region: that is asked.
 */
const managedRegion: SlotSpec = {
  ...region,
  read(msg, ctx, awaited) {
    const r = region.read(msg, ctx, awaited);
    if (!awaited && r && 'value' in r) {
      const place = findRegion(String(r.value));
      if (place?.coverage === 'none' && RESIDES.test(msg.text)) return null;
      // "体检在聊城做能报吗": a place outside 杭州市 where the check is done is where the retiree lives.
      if (place && !place.inHangzhouCity && CHECKED_THERE.test(msg.text)) return null;
    }
    return r;
  },
};

export const healthCheckDialog: DialogDef = {
  intent: 'health_checkup',
  topic: 'health_check',
  factsInput: (s) => ({ livesOutsideHangzhou: s.outside === true, ...(typeof s.invoice === 'string' ? { invoice: s.invoice } : {}) }),
  slots: [managedRegion, livesOutside, invoice],
  finish: async (ctx, s) =>
    amountAskedAgain(ctx, s, 'invoice', 'ask-invoice') ??
    unlessPending(
      ctx,
      answerEntitlement(
        ctx,
        healthCheck({
          // "在聊城做": where the check is done (outside 杭州市) is not where the retiree is managed.
          region: latestRegion(
            ctx,
            s,
            (r) => !(s.outside === true && !r.inHangzhouCity && (RESIDES.test(ctx.incoming.text ?? '') || CHECKED_THERE.test(ctx.incoming.text ?? ''))),
          ),
          asOf: ctx.asOf,
          livesOutsideHangzhou: s.outside === true,
          ...(s.invoice ? { invoice: str(s.invoice) } : {}),
        }),
        // "我住西湖区 自己做的能报吗": told no (the 杭州市外 rule is not theirs), so nothing is offered.
        {
          when: (e) => s.outside === true && e.amount !== null && !livesInsideHangzhou(ctx.incoming.text ?? ''),
          yes: 'button-apply-reimbursement',
          question: 'offer-health-check',
        },
      ),
      'health_check_reimbursement',
      s,
    ),
  async accept(ctx, s) {
    const e = healthCheck({ region: str(s.region), asOf: ctx.asOf, livesOutsideHangzhou: true, ...(s.invoice ? { invoice: str(s.invoice) } : {}) });
    if (!e.ok || !e.value.amount) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const cite = e.value.citations[0];
    return fileCase(
      ctx,
      'health_check_reimbursement',
      {
        region: str(s.region),
        invoice: s.invoice ? str(s.invoice) : null,
        cap: e.value.amount.toFixed(2).replace(/\.00$/, ''),
        citation: citationText(cite) ?? 'n/a',
      },
      s,
    );
  },
};

const age: SlotSpec = {
  name: 'age',
  ask: 'ask-age',
  optional: true,
  read: (msg) => (typeof msg.understanding?.slots.age === 'number' ? { value: msg.understanding.slots.age } : null),
};

export const groupActivityDialog: DialogDef = {
  intent: 'group_activity',
  topic: 'group_activity',
  factsInput: (s) => (typeof s.age === 'number' && s.age >= 40 && s.age <= 120 ? { age: s.age } : {}),
  slots: [region, age],
  finish: (ctx, s) =>
    answerEntitlement(
      ctx,
      groupActivity({ region: latestRegion(ctx, s), asOf: ctx.asOf, ...(typeof s.age === 'number' && s.age >= 40 && s.age <= 120 ? { age: s.age } : {}) }),
    ),
};

// 自管小组长补助 (the answer, and the application it offers) lives in ./group-leader.ts.
