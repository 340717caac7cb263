import { renderCitations, renderNotice, renderPoint } from '../answers/index.ts';
import type { Translator } from '../i18n/index.ts';
import { budgetItemsIn } from '../nlu/cues.ts';
import {
  type BudgetAnswer,
  type BudgetRow,
  budget,
  DOCUMENTS,
  type DocId,
  documentNamedIn,
  findRegion,
  formatYuan,
  type IsoDate,
  LAWS,
} from '../rules/index.ts';

/**
 * "节日慰问费预算一人多少", "服务关怀经费区里能预留多少" from staff who name no district: one budget item is set by one
 * text only (杭州市级's four items), so it is answered from that text, labelled, with what the other text budgets
 * instead (建德: 退管工作经费). A district named in the line goes to the budget form; "那建德呢" after this answer asks
 * the same item of that district's text.
 */

type Item = BudgetRow['item'];
const ASKS_BUDGET = /预算|预留|留多少|截留|安排标准|经费标准|经费.{0,4}(每人|一人|人均|每个人|一个人)/;
const ASKS_RESERVE = /预留|留多少|截留|留下|留成/;

const placeOf = (tr: Translator, doc: DocId) => tr.t(`fundq-place-${doc}`);

function perHead(doc: DocId, asOf: IsoDate): BudgetAnswer | null {
  const b = budget({ doc, asOf, retirees: 1 });
  return b.ok ? b.value : null;
}

/** "退管工作经费90元/人（其中市级预留15元/人）": a text's rows in one line. */
function inline(tr: Translator, b: BudgetAnswer): string {
  return b.rows
    .map((row) => {
      const reserve = row.reserve ? tr.t(`budgetq-reserve-inline-${row.reserve.holder}`, { reserve: formatYuan(row.reserve.perRetiree) }) : '';
      return tr.t('budgetq-row-inline', { item: tr.t(`budget-item-${row.item}`), per: formatYuan(row.perRetiree), reserve });
    })
    .join(tr.t('list-enum'));
}

/** The item's line in the text that budgets it: the reserve first when the reserve is asked. */
function itemLines(tr: Translator, place: string, row: BudgetRow, text: string): string[] {
  const item = tr.t(`budget-item-${row.item}`);
  const lines: string[] = [];
  if (row.reserve && ASKS_RESERVE.test(text)) {
    lines.push(tr.t(`budgetq-reserve-${row.reserve.holder}`, { place, item, per: formatYuan(row.perRetiree), reserve: formatYuan(row.reserve.perRetiree) }));
  } else {
    lines.push(tr.t('budgetq-row', { place, item, per: formatYuan(row.perRetiree) }));
    if (row.reserve) lines.push(tr.t(`budgetq-reserve-note-${row.reserve.holder}`, { reserve: formatYuan(row.reserve.perRetiree) }));
  }
  if (row.checkYearOnly) lines.push(tr.t('budgetq-check-year'));
  if (row.socialFundMayPay) lines.push(tr.t('budgetq-social-fund'));
  return lines;
}

/** A text that budgets no such item: what it budgets instead, and who pays the item if it says (建德: 体检由市财政全额承担). */
function notItemised(tr: Translator, b: BudgetAnswer, item: Item, place: string): string[] {
  const lines = [tr.t('budgetq-not-itemised', { place, rows: inline(tr, b) })];
  if (item === 'health_check') lines.push(...b.points.filter((p) => p.code === 'split_city_pays_health_check_in_full').map((p) => renderPoint(tr, p)));
  return lines;
}

/** The budget item asked of the named text, or of the texts that budget it; null when this line is not one. */
export function budgetItemAnswer(tr: Translator, f: { region?: string; again?: boolean; intent?: string }, text: string, asOf: IsoDate): string | null {
  // "区里预留的那15块": what is held back is held back from 服务关怀经费 (004 四(一)), the one item with a reserve.
  const item = (budgetItemsIn(text).filter((i) => i !== 'work_funds')[0] ?? (ASKS_RESERVE.test(text) ? 'service_care' : undefined)) as Item | undefined;
  const region = f.region ? findRegion(f.region) : undefined;
  // A district named in a budget question goes to the budget form (its head count follows); "市本级" (the city alone)
  // names the city-level text, and "拱墅 文体活动经费标准" read as the entitlement is the budget line all the same.
  const toForm = region && !region.cityOnly && !f.again && f.intent === 'fund_budget';
  if (!item || !(ASKS_BUDGET.test(text) || ASKS_RESERVE.test(text)) || toForm) return null;
  const named = region ? region.doc : (documentNamedIn(text)?.id ?? null);
  if (region && !named) return tr.t('budget-none', { region: region.name });
  const docs = (Object.keys(LAWS) as DocId[]).filter((doc) => (named ? doc === named : doc === 'hangzhou' || doc === 'jiande'));
  const answers = docs.map((doc) => perHead(doc, asOf)).filter((b): b is BudgetAnswer => b !== null);
  if (named && answers.length === 0) return tr.t('budget-none', { region: region?.name ?? placeOf(tr, named) });
  // The text that sets the item first; the others say what they budget instead.
  const sorted = [...answers].sort((a, b) => Number(b.rows.some((r) => r.item === item)) - Number(a.rows.some((r) => r.item === item)));
  const lines: string[] = [];
  for (const b of sorted) {
    const row = b.rows.find((r) => r.item === item);
    const place = named && region && !region.cityOnly ? region.name : placeOf(tr, b.doc);
    lines.push(...(row ? itemLines(tr, place, row, text) : notItemised(tr, b, item, place)));
  }
  const notices = sorted.flatMap((b) => b.notices.filter((n) => n.code === 'document_expired').map((n) => renderNotice(tr, n)));
  const cites = sorted.flatMap((b) => b.citations);
  return [...notices, ...lines, renderCitations(tr, cites)].join('\n');
}

/**
 * What the budget form needs to take over after this answer ("文体活动呢", "那建德呢", "2000人呢"): the item, and the
 * district named or else the place of the text that budgets the item (杭州市 for 杭州市级's items).
 */
export function budgetItemTopic(text: string, region: string | undefined, asOf: IsoDate): { item: Item; region: string } | null {
  // "区里预留的那15块": what is held back is held back from 服务关怀经费 (004 四(一)), the one item with a reserve.
  const item = (budgetItemsIn(text).filter((i) => i !== 'work_funds')[0] ?? (ASKS_RESERVE.test(text) ? 'service_care' : undefined)) as Item | undefined;
  if (!item) return null;
  if (region) return { item, region };
  const doc = (Object.keys(LAWS) as DocId[]).find((d) => perHead(d, asOf)?.rows.some((r) => r.item === item));
  return doc ? { item, region: DOCUMENTS[doc].place } : null;
}
