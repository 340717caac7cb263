import { renderCitations, renderNotice, renderPoint } from '../../answers/index.ts';
import { employerOf } from '../../nlu/cues.ts';
import { normalize } from '../../nlu/index.ts';
import { hasPersonalNumber } from '../../privacy/mask.ts';
import {
  type BudgetAnswer,
  type BudgetRow,
  budget,
  type Citation,
  coverage,
  findRegion,
  formatYuan,
  type Grade,
  hardshipHelp,
  jiandeAllocation,
  LAWS,
  type Notice,
  type Point,
  pensionCertification,
  personalInfoDuty,
  type Result,
} from '../../rules/index.ts';
import type { DialogDef, Outcome, SlotSpec, TurnCtx } from '../context.ts';
import { countSlot, dateSlot, regionSlot } from '../slots.ts';
import { fileCase, offerButtons, ruleErrorLine } from './common.ts';

const region = regionSlot();

/** Notices, the points as a list, and the clauses. */
function pointsAnswer(
  ctx: TurnCtx,
  head: string,
  r: Result<{ points: readonly Point[]; notices: readonly Notice[]; citations: readonly Citation[] }>,
): Outcome {
  if (!r.ok) return { lines: [ruleErrorLine(ctx, r.error)], next: 'done' };
  const notices = r.value.notices.map((n) => renderNotice(ctx.tr, n));
  if (r.value.points.length === 0) return { lines: [[...notices, ctx.tr.t('points-none')].join('\n')], next: 'done' };
  const lines = [...notices, ctx.tr.t(head), ...r.value.points.map((p) => `· ${renderPoint(ctx.tr, p)}`)];
  if (r.value.citations.length > 0) lines.push(renderCitations(ctx.tr, r.value.citations));
  return { lines: [lines.join('\n')], next: 'done' };
}

export const pensionDialog: DialogDef = {
  intent: 'pension_certification',
  slots: [region],
  finish: (ctx, s) => pointsAnswer(ctx, 'head-certification', pensionCertification({ region: String(s.region), asOf: ctx.asOf })),
};

export const hardshipDialog: DialogDef = {
  intent: 'hardship_assistance',
  slots: [region],
  finish: (ctx, s) => pointsAnswer(ctx, 'head-hardship', hardshipHelp({ region: String(s.region), asOf: ctx.asOf })),
};

/**
 * 信息变更: the duty to report a new phone or address, where to go, and (in private) an offer to have staff get in
 * touch. The bot keeps no new number: a number posted in a group gets the privacy warning, never an echo.
 */
export const updateInfoDialog: DialogDef = {
  intent: 'update_personal_info',
  slots: [{ ...region, optional: true }],
  finish(ctx, s) {
    const answer = pointsAnswer(ctx, 'head-update-info', personalInfoDuty({ region: typeof s.region === 'string' ? s.region : '杭州市', asOf: ctx.asOf }));
    const text = ctx.incoming.text ?? '';
    const numbered = hasPersonalNumber(text);
    if (ctx.inGroup) return { ...answer, lines: [...(numbered ? [ctx.tr.t('personal-data-in-group')] : []), ...answer.lines, ctx.tr.t('update-info-where')] };
    const lines = [...answer.lines, ctx.tr.t(numbered ? 'update-info-number-not-kept' : 'update-info-where')];
    if (ctx.incoming.staff) return { ...answer, lines };
    return { lines: [...lines, ctx.tr.t('offer-update-info')], buttons: offerButtons(ctx, 'button-update-info'), next: 'offer' };
  },
  accept: (ctx, s) =>
    fileCase(
      ctx,
      'inquiry',
      { topic: 'update_personal_info', reason: 'handoff', region: typeof s.region === 'string' ? s.region : (ctx.profile.region ?? null) },
      s,
    ),
};

const pensionStart: SlotSpec = { ...dateSlot('pensionStart'), optional: true };

export const coverageDialog: DialogDef = {
  intent: 'coverage_enrollment',
  slots: [region, pensionStart],
  finish(ctx, s) {
    const employer = employerOf(normalize(ctx.incoming.text ?? ''));
    const r = coverage({
      region: String(s.region),
      asOf: ctx.asOf,
      ...(typeof s.pensionStart === 'string' ? { pensionStart: s.pensionStart } : {}),
      ...(employer ? { employer } : {}),
    });
    if (!r.ok) return { lines: [ruleErrorLine(ctx, r.error)], next: 'done' };
    return pointsAnswer(ctx, 'head-coverage', { ok: true, value: { points: r.value.rules, notices: r.value.notices, citations: r.value.citations } });
  },
};

const GRADE = /(优秀|良好|不合格|合格)/;

/** "（其中区退管经办机构可按每人15元预留，共15000元）": the part a level holds back, where the text sets one. */
function reserveNote(ctx: TurnCtx, row: BudgetRow, perHead: boolean): string {
  if (!row.reserve) return '';
  const args = { per: formatYuan(row.reserve.perRetiree), total: formatYuan(row.reserve.total) };
  return ctx.tr.t(`budget-reserve-${row.reserve.holder}${perHead ? '-per' : ''}`, args);
}

/** The split between city and district, in the text's terms: never a figure the text does not give. */
function splitLine(ctx: TurnCtx, b: BudgetAnswer, perHead: boolean): string | null {
  const split = b.split;
  if (!split) return null;
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

/**
 * Staff figures: a region's per-retiree standards ("建德退管工作经费每人多少"); with a head count, the totals; with a
 * grade, Jiande's allocation. Without a count the standard is the answer, and the count is asked for the totals.
 */
export const fundBudgetDialog: DialogDef = {
  intent: 'fund_budget',
  slots: [region, { ...countSlot('count', 'ask-retirees'), optional: true }],
  finish(ctx, s) {
    const doc = findRegion(String(s.region))?.doc;
    if (!doc || !LAWS[doc].budget) return { lines: [ctx.tr.t('budget-none', { region: String(s.region) })], next: 'done' };
    const perHead = typeof s.count !== 'number';
    // The standard per retiree is the budget of one retiree.
    const b = budget({ doc, asOf: ctx.asOf, retirees: perHead ? 1 : Number(s.count) });
    if (!b.ok) return { lines: [ruleErrorLine(ctx, b.error)], next: 'done' };
    const rows = b.value.rows.map((row) => {
      const item = ctx.tr.t(`budget-item-${row.item}`);
      const line = perHead
        ? ctx.tr.t('budget-row-per', { item, per: formatYuan(row.perRetiree) })
        : ctx.tr.t('budget-row', { item, per: formatYuan(row.perRetiree), total: formatYuan(row.total) });
      return `${line}${reserveNote(ctx, row, perHead)}${row.checkYearOnly ? ctx.tr.t('budget-check-year') : ''}`;
    });
    const lines = [
      ...b.value.notices.map((n) => renderNotice(ctx.tr, n)),
      perHead
        ? ctx.tr.t('budget-head-per', { region: String(s.region), per: formatYuan(b.value.perRetiree) })
        : ctx.tr.t('budget-head', { count: b.value.retirees, total: formatYuan(b.value.total), per: formatYuan(b.value.perRetiree) }),
      ...rows,
      ...b.value.points.map((p) => `· ${renderPoint(ctx.tr, p)}`),
    ];
    const split = splitLine(ctx, b.value, perHead);
    if (split) lines.push(split);
    const grade = GRADE.exec(ctx.incoming.text ?? '')?.[1] as Grade | undefined;
    const citations = [...b.value.citations];
    if (doc === 'jiande' && grade && !perHead) {
      const a = jiandeAllocation({ computed: b.value.total, grade, asOf: ctx.asOf });
      if (a.ok) {
        lines.push(ctx.tr.t('allocation-row', { grade, ratio: a.value.ratio.times(100).toFixed(0), paid: formatYuan(a.value.paid) }));
        citations.push(a.value.cite);
      }
    }
    lines.push(renderCitations(ctx.tr, citations));
    if (!perHead) return { lines: [lines.join('\n')], next: 'done' };
    return { lines: [lines.join('\n'), ctx.tr.t('budget-ask-count')], next: 'done', awaiting: 'count' };
  },
};

export const caseStatusDialog: DialogDef = {
  intent: 'case_status',
  slots: [],
  async finish(ctx) {
    const mine = await ctx.store.listCases({ user: `${ctx.incoming.platform}:${ctx.incoming.user}`, limit: 5 });
    if (mine.length === 0) return { lines: [ctx.tr.t('status-none')], next: 'done' };
    const rows = mine.map((c) => ctx.tr.t('status-row', { id: c.id, type: ctx.tr.t(`case-type-${c.type}`), status: ctx.tr.t(`case-status-${c.status}`) }));
    return { lines: [[ctx.tr.t('status-head'), ...rows].join('\n')], next: 'done' };
  },
};

export const handoffDialog: DialogDef = {
  intent: 'human_handoff',
  slots: [],
  async finish(ctx) {
    const filed = await fileCase(ctx, 'inquiry', { topic: 'handoff', reason: 'handoff', region: ctx.profile.region ?? null });
    return { lines: [ctx.tr.t('handoff-done'), ...filed.lines], next: 'done' };
  },
};
