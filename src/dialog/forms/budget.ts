import { renderCitations, renderNotice, renderPoint } from '../../answers/index.ts';
import { asksAboutTheFund, asksSameAgain, asksWhoPays, budgetItemsIn, employerOf, verdictWords } from '../../nlu/cues.ts';
import { normalize } from '../../nlu/index.ts';
import { parseFestival } from '../../nlu/slots/index.ts';
import {
  type BudgetAnswer,
  type BudgetRow,
  budget,
  type Citation,
  type EmployerKind,
  type Festival,
  festival as festivalEntitlement,
  findRegion,
  formatYuan,
  fundingException,
  type Grade,
  jiandeAllocation,
  LAWS,
  provisionsFor,
  regimeFor,
  type Topic,
} from '../../rules/index.ts';
import { verdict } from '../answers.ts';
import { type DialogDef, EMPLOYER, type Outcome, type SlotSpec, type Slots, type TurnCtx } from '../context.ts';
import { amountSlot, countSlot, regionSlot } from '../slots.ts';
import { ruleErrorLine, unlessLevelSaid } from './common.ts';

/**
 * 经费预算 for staff: a region's per-retiree standards, one item of them, the totals for a head count, who holds what
 * back and how levels share it, and Jiande's allocation by assessment grade (000 四(三)). A follow-up changes one of
 * these ("体检那块呢", "那郑州呢", "合格的话拨多少", "1500人呢") and the question is answered again.
 */

type Item = BudgetRow['item'];
const GRADE = /(优秀|良好|不合格|合格)/;
/** The side of the budget a question asks about, beside its item. */
const FOCUS = {
  reserve: /预留|留多少|留下|留成|(市|区)里留|截留/,
  split: /分担|谁出|哪边出|各出|各担|承担|怎么分|市区两级|区县管理|区县管的|区里管的|市本级|(市|区)(里|级|财政)?(要|得|应)?(出|掏|负担)/,
  target: /(什么时候|啥时候|何时|哪年|哪一年).{0,8}(一样|同标|统一|达到|看齐|一个标准)|同标|一样高/,
  allocation: /考核|拨付|拨多少|拨几|拨一次|多久拨|按等次/,
} as const;
/** "能干嘛用", "用在哪", "用途": what money is for. */
const RESERVE_USE = /干嘛|干什么|做什么|用在|用于|用途|能用|怎么用|花在/;

/**
 * A budget slot never asked for, read from the words of any message ("春节那一项", "省属企业的", "优秀的话"), whatever
 * topic a classifier sees in them.
 */
function saidSlot(name: string, read: (text: string) => string | undefined, ask = 'ask-budget-item'): SlotSpec {
  return {
    name,
    ask,
    optional: true,
    topicWords: true,
    read: (msg) => {
      const value = read(normalize(msg.text));
      return value === undefined ? null : { value };
    },
  };
}

/**
 * The side of the budget a message asks about ("市区两级怎么分担", "市里留多少"): said at any prompt it asks the budget
 * question again from that side; kept with the words that asked it, so the same side asked again is answered again.
 */
const focusSlot = saidSlot('focus', (text) => {
  const hit = Object.entries(FOCUS).find(([, words]) => words.test(text));
  return hit ? `${hit[0]}:${text}` : undefined;
});

// "服务关怀和文体活动经费分别多少": every item named, in the order of the table; "那全年所有的呢", "一共多少": all again.
const itemSlot = saidSlot('item', (text) => {
  // "今年是体检年 全年所有经费汇总": every item, the check year only context.
  if (/所有|全部|汇总|各项/.test(text)) return '';
  const hits = budgetItemsIn(text, true);
  if (hits.length > 0) return hits.join(',');
  return /全年|所有|全部|汇总|一共|总共/.test(text) ? '' : undefined;
});
/** "春节那一项", "只算中秋": one festival of the 节日慰问费 row, at its own standard (004 三(四)). */
/** "一年三节合计", "全年的节日慰问": every festival together — the budget's whole 节日慰问费 line. */
const ALL_FESTIVALS = 'all';
const festivalSlot = saidSlot('festival', (text) => (/三节|三个节|(全年|一年)的?(节日|三节)/.test(text) ? ALL_FESTIVALS : parseFestival(text)));

/** "省属企业的退休人员", "不在建德参保的央企": retirees whose funds come by their original channel (004 二(二); 000 二(二)). */
// Kept where every dialog keeps it, so that the next question knows it too.
const employerSlot = saidSlot(EMPLOYER, employerOf);

/** The 但-clause for those retirees, with its clause, before any figure; null when the text makes none for them. */
function exceptionLine(ctx: TurnCtx, s: Slots): string | null {
  const employer = s[EMPLOYER];
  if (typeof employer !== 'string') return null;
  const point = fundingException(String(s.region), ctx.asOf, employer as EmployerKind);
  return point ? `${renderPoint(ctx.tr, point)}\n${renderCitations(ctx.tr, [point.cite])}` : null;
}

const gradeSlot = saidSlot('grade', (text) => GRADE.exec(text)?.[1], 'ask-grade');

/** "（其中区退管经办机构可按每人15元预留，共15000元）": the part a level holds back, where the text sets one. */
function reserveNote(ctx: TurnCtx, row: BudgetRow, perHead: boolean): string {
  if (!row.reserve) return '';
  const args = { per: formatYuan(row.reserve.perRetiree), total: formatYuan(row.reserve.total) };
  return ctx.tr.t(`budget-reserve-${row.reserve.holder}${perHead ? '-per' : ''}`, args);
}

/** The split between city and district, in the text's terms: never a figure the text does not give. */
function splitLine(ctx: TurnCtx, b: BudgetAnswer, perHead: boolean, known: boolean): string | null {
  const split = b.split;
  if (!split || !known) return null;
  if (!split.partlyFromSocialFund) return ctx.tr.t('budget-split', { city: formatYuan(split.city), district: formatYuan(split.district) });
  const fund = split.partlyFromSocialFund;
  const item = (code: string) => ctx.tr.t(`budget-item-${code}`);
  const sharedItems = b.rows.filter((row) => !row.socialFundMayPay).map((row) => item(row.item));
  return ctx.tr.t('budget-split-fund', {
    scope: perHead ? ctx.tr.t('budget-scope-per') : ctx.tr.t('budget-scope-count', { count: b.retirees }),
    items: sharedItems.join(ctx.tr.t('list-enum')),
    shared: formatYuan(split.shared),
    city: formatYuan(split.city),
    fundItems: fund.items.map(item).join(ctx.tr.t('list-enum')),
    fund: formatYuan(fund.total),
  });
}

/** Changsha: 中央/省属驻长 and 市本级 retirees are shared 50/50; others are the district's (002 第十条). */
function sharedWithCity(text: string): boolean | undefined {
  if (/市本级|中央|省属|驻长/.test(text)) return true;
  if (/区县|区管|县(市)?管理|区里管/.test(text)) return false;
  return undefined;
}

/** Jiande 四(三): the computed amount × 110/100/90/70 % by grade, paid half-yearly; without an amount, the scale. */
function allocation(ctx: TurnCtx, s: Slots): Outcome {
  const grade = typeof s.grade === 'string' ? (s.grade as Grade) : undefined;
  const computed = typeof s.computed === 'string' ? s.computed : undefined;
  const grades = LAWS.jiande.allocationGrades?.[0];
  if (!grades) return { lines: [ctx.tr.t('budget-none', { region: String(s.region) })], next: 'done' };
  const lines: string[] = [];
  if (grade && computed) {
    const a = jiandeAllocation({ computed, grade, asOf: ctx.asOf });
    if (!a.ok) return { lines: [ruleErrorLine(ctx, a.error)], next: 'done' };
    lines.push(
      ctx.tr.t('allocation-paid', {
        grade,
        computed: formatYuan(a.value.computed),
        ratio: a.value.ratio.times(100).toFixed(0),
        paid: formatYuan(a.value.paid),
      }),
    );
  } else if (grade) {
    lines.push(ctx.tr.t('allocation-grade', { grade, ratio: grades.value[grade].times(100).toFixed(0) }));
  }
  const pct = (g: Grade) => grades.value[g].times(100).toFixed(0);
  lines.push(ctx.tr.t('allocation-scale', { excellent: pct('优秀'), good: pct('良好'), pass: pct('合格'), fail: pct('不合格') }));
  lines.push(ctx.tr.t('allocation-frequency', { times: grades.value.timesPerYear }));
  lines.push(renderCitations(ctx.tr, [grades.cite]));
  return { lines: [lines.join('\n')], next: 'done' };
}

/**
 * One festival of the 节日慰问费 row: its own standard (春节1200, 端午/中秋800: 004 三(四)) for the head count, with
 * the clause; null where the text budgets no festival money per head or does not pay that festival.
 */
function festivalLines(ctx: TurnCtx, s: Slots, b: BudgetAnswer, perHead: boolean): { lines: string[]; cites: Citation[] } | null {
  if (typeof s.festival !== 'string' || s.festival === ALL_FESTIVALS || !b.rows.some((row) => row.item === 'festival')) return null;
  const e = festivalEntitlement({ region: String(s.region), asOf: ctx.asOf, festival: s.festival as Festival });
  if (!e.ok || e.value.outcome !== 'fixed' || e.value.amount === null) return null;
  const per = e.value.amount;
  const args = { festival: s.festival, per: formatYuan(per), count: b.retirees, total: formatYuan(per.times(b.retirees)) };
  return { lines: [ctx.tr.t(perHead ? 'budget-festival-per' : 'budget-festival', args)], cites: [...e.value.citations, ...b.citations] };
}

/** "服务关怀经费 市里承担多少": the city's and the district's half of each item the 1:1 split surely covers. */
function itemSplitLines(ctx: TurnCtx, b: BudgetAnswer, rows: readonly BudgetRow[]): string[] {
  if (!b.split || b.split.partlyFromSocialFund === null) return [];
  return rows
    .filter((row) => !row.socialFundMayPay)
    .map((row) => ctx.tr.t('budget-item-split', { item: ctx.tr.t(`budget-item-${row.item}`), half: formatYuan(row.total.times(0.5)) }));
}

/** The rows asked for: the items named, the rows something is held back from, or all. */
function rowsFor(b: BudgetAnswer, items: readonly Item[], reserveOnly: boolean): readonly BudgetRow[] {
  const rows = items.length > 0 ? b.rows.filter((row) => items.includes(row.item)) : b.rows;
  // "预留的15块钱能干嘛用" after "文体活动经费呢": the reserve is another item's; that one is meant.
  if (reserveOnly) return rows.some((row) => row.reserve) ? rows.filter((row) => row.reserve) : b.rows.filter((row) => row.reserve);
  return rows.length > 0 ? rows : b.rows;
}

function budgetLines(ctx: TurnCtx, s: Slots, b: BudgetAnswer, perHead: boolean, text: string): { lines: string[]; cites: Citation[] } {
  // An item the text does not budget ("退管经费" in Hangzhou) asks for all of them.
  // "一年三节合计": every festival together is the 节日慰问费 line.
  const asked = s.festival === ALL_FESTIVALS ? (['festival'] as Item[]) : typeof s.item === 'string' ? (s.item.split(',') as Item[]) : [];
  const items = asked.filter((item) => b.rows.some((row) => row.item === item));
  // "这15块能用来干啥": the reserve's own figure, asked what it is for.
  const reserveNamed =
    RESERVE_USE.test(text) && b.rows.some((row) => row.reserve && new RegExp(`(?<!\\d)${formatYuan(row.reserve.perRetiree)}(?!\\d)`).test(text));
  // "节日慰问费也是这样吗" after "市区分担比例多少": the side asked before, of the item named now.
  const again = asksSameAgain(text) && typeof s.focus === 'string' ? s.focus.slice(0, s.focus.indexOf(':')) : '';
  const focus = {
    reserve: FOCUS.reserve.test(text) || reserveNamed || again === 'reserve',
    split: FOCUS.split.test(text) || again === 'split',
    target: FOCUS.target.test(text) || again === 'target',
  };
  const rows = rowsFor(b, items, focus.reserve).map((row) => {
    const name = ctx.tr.t(`budget-item-${row.item}`);
    const line = perHead
      ? ctx.tr.t('budget-row-per', { item: name, per: formatYuan(row.perRetiree) })
      : ctx.tr.t('budget-row', { item: name, per: formatYuan(row.perRetiree), total: formatYuan(row.total) });
    // "预留的能干嘛用": what the reserve is for, beside it (004 四(一); 000 四(一)).
    const use = row.reserve && focus.reserve && RESERVE_USE.test(text) ? ctx.tr.t(`budget-reserve-use-${row.reserve.holder}`) : '';
    return `${line}${reserveNote(ctx, row, perHead)}${use}${row.checkYearOnly ? ctx.tr.t('budget-check-year') : ''}`;
  });
  const narrowed = items.length > 0 || focus.reserve || focus.split || focus.target;
  // The total of every item only when every item is shown.
  const head = perHead
    ? ctx.tr.t(narrowed ? 'budget-head-item' : 'budget-head-per', { region: String(s.region), per: formatYuan(b.perRetiree) })
    : rows.length < b.rows.length
      ? ctx.tr.t('budget-head-count-item', { region: String(s.region), count: b.retirees })
      : ctx.tr.t('budget-head', { count: b.retirees, total: formatYuan(b.total), per: formatYuan(b.perRetiree) });
  const points = b.points.filter((p) => !narrowed || (focus.split && p.code.startsWith('split_')) || (focus.target && p.code === 'same_as_hangzhou_by'));
  const oneItemSplit = focus.split && items.length > 0 ? itemSplitLines(ctx, b, rowsFor(b, items, false)) : [];
  const split =
    oneItemSplit.length > 0
      ? oneItemSplit.join('\n')
      : !narrowed || focus.split
        ? splitLine(ctx, b, perHead, (b.split?.partlyFromSocialFund ?? null) !== null || sharedWithCity(text) !== undefined)
        : null;
  // "按多少算，谁出": the rows too when the amount is asked beside the side.
  const shown = (focus.split || focus.target) && !/多少|标准/.test(text) ? [] : rows;
  return { lines: [head, ...shown, ...points.map((p) => `· ${renderPoint(ctx.tr, p)}`), ...(split ? [split] : [])], cites: b.citations.slice() };
}

/** A text that budgets nothing per head may say who sets the standard (003 第十条: 财政部门). */
const STANDARD_SET_BY = 'subsidy_standard_by_finance';

function noBudget(ctx: TurnCtx, region: string): string {
  const r = provisionsFor(region, ctx.asOf);
  const who = r.ok ? r.value.provisions.find((p) => p.code === STANDARD_SET_BY) : undefined;
  const none = ctx.tr.t('budget-none', { region });
  return who ? [none, ctx.tr.t(`provision-${who.doc}-${who.code}`), renderCitations(ctx.tr, [who.cite])].join('\n') : none;
}

/** Budget items that are also a retiree's entitlement, whose facts answer "能发购物卡吗", "每人一年几次". */
const ITEM_TOPICS: Readonly<Partial<Record<Item, Topic>>> = { festival: 'festival', health_check: 'health_check', group_activity: 'group_activity' };

export const fundBudgetDialog: DialogDef = {
  intent: 'fund_budget',
  relatedTopics: (s) =>
    String(s.item ?? '')
      .split(',')
      .flatMap((item) => ITEM_TOPICS[item as Item] ?? []),
  slots: [
    regionSlot(),
    { ...countSlot('count', 'ask-retirees'), optional: true },
    itemSlot,
    festivalSlot,
    gradeSlot,
    focusSlot,
    employerSlot,
    amountSlot('computed', 'ask-computed', { optional: true }),
  ],
  finish(ctx, s) {
    const region = findRegion(String(s.region));
    const doc = region?.doc;
    const text = normalize(ctx.incoming.text ?? '');
    if (doc === 'jiande' && (s.grade !== undefined || FOCUS.allocation.test(text))) return allocation(ctx, s);
    if (!doc || !LAWS[doc].budget) return { lines: [noBudget(ctx, String(s.region))], next: 'done' };
    const perHead = typeof s.count !== 'number';
    const cityShare = sharedWithCity(text);
    // The standard per retiree is the budget of one retiree.
    const b = budget({ doc, asOf: ctx.asOf, retirees: perHead ? 1 : Number(s.count), ...(cityShare !== undefined ? { sharedWithCity: cityShare } : {}) });
    if (!b.ok) return { lines: [ruleErrorLine(ctx, b.error)], next: 'done' };
    const regime = regimeFor(String(s.region), ctx.asOf);
    const notices = [...(regime.ok ? regime.value.notices : []), ...b.value.notices].filter((n, i, all) => all.findIndex((m) => m.code === n.code) === i);
    const { lines, cites } = festivalLines(ctx, s, b.value, perHead) ?? budgetLines(ctx, s, b.value, perHead, text);
    const words = verdictWords(text);
    // "省部属的算不算专项资金保障对象": no — the 但-clause says so first.
    const said = exceptionLine(ctx, s);
    // Not theirs, the budget's figures are not the answer: the no and its clause are.
    if (said && words && asksAboutTheFund(text)) return { lines: [`${words.no}。${said}`], next: 'done' };
    const exception = said;
    // The 但-clause answers first; the notices qualify the figures after it.
    // "管理费用是不是每人1000": the yes or no leads the first line, the notices follow it.
    const [head = '', ...rest] = lines;
    const yesNo = !exception && words !== null ? verdict(text, lines) : '';
    const notes = unlessLevelSaid(ctx, notices).map((n) => renderNotice(ctx.tr, n));
    // "建德 体检经费谁出": the line that says who pays leads, before the notices and the standard.
    const payer = asksWhoPays(text) && !yesNo ? lines.find((line) => /承担|财政|原渠道/.test(line)) : undefined;
    const figures = yesNo
      ? [`${yesNo}${head}`, ...notes, ...rest]
      : payer
        ? [payer.replace(/^· /, ''), ...notes, ...(rest.length > 1 ? lines.filter((line) => line !== payer) : [])]
        : [...notes, ...lines];
    const body = [...(exception ? [exception] : []), ...figures, renderCitations(ctx.tr, cites)].join('\n');
    if (!perHead) return { lines: [body], next: 'done' };
    return { lines: [body, ctx.tr.t('budget-ask-count')], next: 'done', awaiting: 'count' };
  },
};
