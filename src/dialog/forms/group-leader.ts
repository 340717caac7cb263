import { renderNotice } from '../../answers/index.ts';
import { MAX_MANAGED_PER_LEADER } from '../../cases/index.ts';
import { parseNumber } from '../../nlu/slots/index.ts';
import { maskText } from '../../privacy/mask.ts';
import { type Entitlement, groupLeaderSubsidy, type IsoDate, type Result } from '../../rules/index.ts';
import type { DialogDef, Msg, Outcome, Read, SlotSpec, Slots, TurnCtx } from '../context.ts';
import { nameSlot, regionSlot, UNSURE } from '../slots.ts';
import { answerEntitlement, citationText, entitlementLines, fileCase, offerButtons, ruleErrorLine } from './common.ts';
import { ageBesideGender, ageSlot, genderSlot, latestRegion, readAge } from './entitlements.ts';

/**
 * 自管小组长补助 (004 三(一)2, 000 三(一)2): up to 10 元 per managed retiree, at most 500 元 a year per leader, after the
 * annual assessment and a publicity of at least 7 days. The answer offers an application; the application collects
 * what a 公示 shows (name, gender, age) in a private chat and opens a case. The subsidy goes by real-name transfer to
 * the leader's own card (000 三(一)2, 004 四(二)): the card number is never asked for here, staff take it offline.
 */

const str = (v: unknown) => String(v);
const yearOf = (asOf: IsoDate) => Number(asOf.slice(0, 4));

const NEGATIVE = /(^|[^\d])[-－]\s*\d|负\s*[\d一二两三四五六七八九十]/;
const DECIMAL = /\d\.\d/;
/** 管了45个人, 一共四十五位, 45人左右: the filler around a count given as the answer. */
const COUNT_BEFORE = /^(我|我们|小组|组里)?(一共|总共|共|大概|大约|差不多|有|管了?|管理了?|带了?)*/;
const COUNT_AFTER = /(个|位|名)?(退休)?(人员|老人|人)?(左右|上下)?[吧啊呢。！!.]*$/;

/** "那管35个呢", "管了四十人": the number managed, said after 管 however the sentence goes on. */
const MANAGED =
  /(?:管(?:理)?(?:了)?|^(?:那|要是|如果|换成)?)\s*([\d零〇一二两三四五六七八九十百]+)\s*(?:个|位|名|人)(?:人)?\s*(?:呢|的话)?[?？。]*$|管(?:理)?(?:了)?\s*([\d零〇一二两三四五六七八九十百]+)\s*(?:个|位|名|人)/;
function managedSaid(text: string): number | undefined {
  const m = MANAGED.exec(text.trim());
  const digits = m?.[1] ?? m?.[2];
  return digits === undefined ? undefined : parseNumber(digits);
}

/** A question for a number of people, not a number given. */
const HOW_MANY = /(多少|几)(个|位|名)?(人|个)/;

/**
 * What is wrong with a number of managed retirees, as a locale id with its arguments; null when it will do. A whole
 * number; 0 is a rule answer ("no subsidy") when only asked about, never an application; negative, fractional or
 * beyond any real group (MAX_MANAGED_PER_LEADER) is said kindly and asked again.
 */
export function managedProblem(n: number, allowZero: boolean): { error: string; args?: Record<string, string | number> } | null {
  if (!Number.isFinite(n) || !Number.isInteger(n)) return { error: 'error-managed-integer' };
  if (n < 0) return { error: 'error-managed-negative' };
  if (n === 0) return allowZero ? null : { error: 'error-managed-zero' };
  if (n > MAX_MANAGED_PER_LEADER) return { error: 'error-managed-absurd', args: { value: n } };
  return null;
}

/**
 * How many retirees the leader manages. Said in passing ("管了45个人") it is taken as said, and `finish` says what is
 * wrong with it; as the answer to the question, a wrong number is said kindly and asked again.
 */
export function readManaged(msg: Msg, awaited: boolean, allowZero: boolean): Read {
  // "一个小组多少人" asks the rule: its 一个 is no count.
  if (HOW_MANY.test(msg.text)) return null;
  const said = msg.understanding?.slots.count ?? managedSaid(msg.text);
  if (!awaited) return said === undefined ? null : { value: said };
  const text = msg.text.trim();
  if (!text) return null;
  if (UNSURE.test(text)) return { error: 'error-managed-unsure' };
  if (NEGATIVE.test(text)) return { error: 'error-managed-negative' };
  if (DECIMAL.test(text)) return { error: 'error-managed-integer' };
  const n = said ?? parseNumber(text.replace(COUNT_BEFORE, '').replace(COUNT_AFTER, ''));
  if (n === undefined) return /亿/.test(text) ? { error: 'error-managed-absurd', args: { value: text.slice(0, 12) } } : { error: 'error-managed-unreadable' };
  return managedProblem(n, allowZero) ?? { value: n };
}

/** A count said in passing that will not do: said, emptied, and the dialog waits for the right one. */
function askManagedAgain(ctx: TurnCtx, s: Slots, allowZero: boolean): Outcome | null {
  const problem = managedProblem(Number(s.count), allowZero);
  if (!problem) return null;
  delete s.count;
  return { lines: [`${ctx.tr.t(problem.error, problem.args)}\n${ctx.tr.t('ask-managed')}`], next: 'done', awaiting: 'count', again: true };
}

export function managedSlot(allowZero: boolean): SlotSpec {
  return { name: 'count', ask: 'ask-managed', read: (msg, _ctx, awaited) => readManaged(msg, awaited, allowZero) };
}

const region = regionSlot();

/** The rule when the number managed is not known yet, then the question for it (staff get the rule alone). */
function ruleWithoutCount(ctx: TurnCtx, s: Slots): Outcome | null {
  if (s.count !== undefined) return null;
  const rule = groupLeaderSubsidy({ region: latestRegion(ctx, s), asOf: ctx.asOf });
  if (!rule.ok || rule.value.outcome !== 'ceiling' || ctx.incoming.staff) return answerEntitlement(ctx, rule);
  return { lines: [...entitlementLines(ctx, rule.value), ctx.tr.t('ask-managed-for-amount')], next: 'done', awaiting: 'count' };
}

/** Names said as the leader's: the generic name errors speak of "老人". */
const NAME_ERRORS: Readonly<Record<string, string>> = { 'error-name': 'error-leader-name', 'error-name-full': 'error-leader-name-full' };
const leaderName: SlotSpec = (() => {
  const base = nameSlot('applicantName', 'ask-leader-name');
  return {
    ...base,
    read(msg, ctx, awaited) {
      const r = base.read(msg, ctx, awaited);
      return r && 'error' in r && NAME_ERRORS[r.error] ? { ...r, error: NAME_ERRORS[r.error] as string } : r;
    },
  };
})();

const leaderAge: SlotSpec = {
  name: 'age',
  ask: 'ask-leader-age',
  // Said in passing only with 岁 ("68岁"): a bare number is the count as often as the age.
  read: (msg, ctx, awaited) => {
    if (awaited) return readAge(msg, ctx, true);
    // "赵雪梅 女 66": a number right after the gender is the age, not the count.
    const age = msg.understanding?.slots.age ?? ageBesideGender(msg.text);
    if (age !== undefined && age >= 40 && age <= 120) return { value: age };
    // "女 200岁": an age said, but none a leader has: said to be wrong, and asked.
    return /\d+\s*(岁|周岁)/.test(msg.text) ? { error: 'error-age-range' } : null;
  },
};

/** 自管小组长补助: the rule for the district and the number managed, then an offer to apply. */
export const groupLeaderDialog: DialogDef = {
  intent: 'group_leader_subsidy',
  topic: 'group_leader_subsidy',
  factsInput: (s) => (typeof s.count === 'number' && s.count >= 0 ? { managed: s.count } : {}),
  // Without the number managed the rule is the answer (up to 10 元 a person, 500 元 a year), and the number is asked.
  // The leader's name said with the question ("小组长陈建英 管30人") is kept for the application, never asked here.
  slots: [
    region,
    { ...managedSlot(true), optional: true },
    { ...leaderName, optional: true },
    { ...genderSlot('ask-leader-gender'), optional: true },
    { ...ageSlot(leaderAge), optional: true },
  ],
  finish: (ctx, s) =>
    ruleWithoutCount(ctx, s) ??
    askManagedAgain(ctx, s, true) ??
    answerEntitlement(ctx, groupLeaderSubsidy({ region: latestRegion(ctx, s), asOf: ctx.asOf, managed: Number(s.count) }), {
      when: (e) => e.outcome === 'ceiling' && e.amount !== null,
      yes: 'button-apply-leader',
      question: 'offer-group-leader',
    }),
  // The leader's name, gender and age are personal: the application asks them in private.
  accept: (_ctx, s) => ({
    lines: [],
    next: 'done',
    continueWith: {
      intent: 'group_leader_subsidy_application',
      slots: {
        ...(s.region !== undefined ? { region: s.region } : {}),
        ...(s.count !== undefined ? { count: s.count } : {}),
        ...(typeof s.applicantName === 'string' ? { applicantName: s.applicantName } : {}),
        ...(typeof s.gender === 'string' ? { gender: s.gender } : {}),
        ...(typeof s.age === 'number' ? { age: s.age } : {}),
      },
    },
  }),
};

/** "去年的", "2025年的": the year the subsidy is for; this year unless said. Never a year still to come. */
const yearSlot: SlotSpec = {
  name: 'year',
  ask: 'ask-leader-year',
  optional: true,
  read(msg, ctx) {
    const now = yearOf(ctx.asOf);
    if (/去年/.test(msg.text)) return { value: now - 1 };
    if (/今年(的|度)|本年度/.test(msg.text)) return { value: now };
    const m = /(?<!\d)(20\d{2})\s*(年|年度)(?!龄)/.exec(msg.text);
    if (!m) return null;
    const y = Number(m[1]);
    return y <= now ? { value: y } : null;
  },
};

/**
 * A bank card, ID number or phone typed as an answer is not needed: said so, and the question asked again. The number
 * is not quoted back; the engine's log masks it.
 */
function noNumbers(spec: SlotSpec): SlotSpec {
  return {
    ...spec,
    read(msg, ctx, awaited) {
      if (awaited && msg.button === null && maskText(msg.text) !== msg.text) {
        // "我叫钱福林 电话136…": the answer is taken; the number is not kept.
        const answered = spec.read(msg, ctx, awaited);
        return answered && 'value' in answered ? answered : { error: 'error-leader-no-numbers' };
      }
      return spec.read(msg, ctx, awaited);
    },
  };
}

/** The rule for the year applied for: as of today for this year, as of its last day for a past one. */
function subsidyFor(ctx: TurnCtx, s: Slots): Result<Entitlement> {
  const now = yearOf(ctx.asOf);
  const year = typeof s.year === 'number' ? s.year : now;
  return groupLeaderSubsidy({
    region: str(s.region),
    asOf: year >= now ? ctx.asOf : `${year}-12-31`,
    managed: Number(s.count),
    ...(typeof s.age === 'number' ? { leaderAge: s.age } : {}),
  });
}

/** What the texts say about this group or leader that does not stop the application: told, never refused silently. */
function notes(ctx: TurnCtx, e: Entitlement, s: Slots): string[] {
  const out: string[] = [];
  for (const c of e.conditions) {
    if (c.code === 'group_size_outside') out.push(ctx.tr.t('leader-note-group-size', { ...c.params }));
    if (c.code === 'leader_age_over_generally') out.push(ctx.tr.t('leader-note-age', { ...c.params, age: str(s.age) }));
  }
  return out;
}

/** 自管小组长补助申请: the facts a 公示 shows and the count, confirmed, then filed. */
export const groupLeaderApplicationDialog: DialogDef = {
  intent: 'group_leader_subsidy_application',
  // Its questions ("怎么发", "要公示吗") are about the subsidy it applies for.
  topic: 'group_leader_subsidy',
  factsInput: (s) => (typeof s.count === 'number' && s.count >= 0 ? { managed: s.count } : {}),
  privateOnly: true,
  slots: [region, managedSlot(false), leaderName, genderSlot('ask-leader-gender'), ageSlot(leaderAge), yearSlot].map(noNumbers),
  finish(ctx, s) {
    const wrong = askManagedAgain(ctx, s, false);
    if (wrong) return wrong;
    const e = subsidyFor(ctx, s);
    if (!e.ok) return { lines: [ruleErrorLine(ctx, e.error)], next: 'done' };
    // A district whose document sets no such subsidy: the answer says so, nothing is filed.
    if (e.value.outcome !== 'ceiling' || e.value.amount === null) return { lines: entitlementLines(ctx, e.value), next: 'done' };
    const year = typeof s.year === 'number' ? s.year : yearOf(ctx.asOf);
    const text = [
      ...e.value.notices.map((n) => renderNotice(ctx.tr, n)),
      ctx.tr.t('leader-application-confirm', {
        name: str(s.applicantName),
        gender: str(s.gender),
        age: str(s.age),
        region: str(s.region),
        count: str(s.count),
        year: str(year),
        ceiling: e.value.amount.toFixed(0),
        citation: citationText(e.value.citations[0]) ?? '',
      }),
      ...notes(ctx, e.value, s),
      ctx.tr.t('leader-application-confirm-end'),
    ];
    return { lines: [text.join('\n')], buttons: offerButtons(ctx, 'button-confirm-application'), next: 'confirm' };
  },
  async accept(ctx, s) {
    const e = subsidyFor(ctx, s);
    if (!e.ok || e.value.outcome !== 'ceiling' || e.value.amount === null) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const before = ctx.cases.length;
    const filed = await fileCase(
      ctx,
      'group_leader_subsidy_application',
      {
        region: str(s.region),
        year: typeof s.year === 'number' ? s.year : yearOf(ctx.asOf),
        managed: Number(s.count),
        ceiling: e.value.amount.toFixed(0),
        citation: citationText(e.value.citations[0]) ?? 'n/a',
        leaderName: str(s.applicantName),
        gender: s.gender === '女' ? '女' : '男',
        age: Number(s.age),
      },
      s,
    );
    if (ctx.cases.length === before) return filed;
    const days = e.value.conditions.find((c) => c.code === 'publicity_min_days')?.params?.days ?? 7;
    return { ...filed, lines: [...filed.lines, ctx.tr.t('leader-after-filed', { days })] };
  },
};
