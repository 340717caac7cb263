import { renderCitations, renderNotice, renderPoint } from '../../answers/index.ts';
import {
  LAWS,
  budget,
  coverage,
  findRegion,
  formatYuan,
  hardshipHelp,
  jiandeAllocation,
  pensionCertification,
  personalInfoDuty,
  type Citation,
  type Grade,
  type Notice,
  type Point,
  type Result,
} from '../../rules/index.ts';
import type { DialogDef, Outcome, SlotSpec, TurnCtx } from '../context.ts';
import { countSlot, dateSlot, regionSlot } from '../slots.ts';
import { fileCase, ruleErrorLine } from './common.ts';

const region = regionSlot();

/** Notices, the points as a list, and the clauses. */
function pointsAnswer(ctx: TurnCtx, head: string, r: Result<{ points: readonly Point[]; notices: readonly Notice[]; citations: readonly Citation[] }>): Outcome {
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

export const updateInfoDialog: DialogDef = {
  intent: 'update_personal_info',
  slots: [{ ...region, optional: true }],
  finish(ctx, s) {
    const answer = pointsAnswer(ctx, 'head-update-info', personalInfoDuty({ region: typeof s.region === 'string' ? s.region : '杭州市', asOf: ctx.asOf }));
    return { ...answer, lines: [...answer.lines, ctx.tr.t('update-info-where')] };
  },
};

const pensionStart: SlotSpec = { ...dateSlot('pensionStart'), optional: true };

export const coverageDialog: DialogDef = {
  intent: 'coverage_enrollment',
  slots: [region, pensionStart],
  finish(ctx, s) {
    const r = coverage({ region: String(s.region), asOf: ctx.asOf, ...(typeof s.pensionStart === 'string' ? { pensionStart: s.pensionStart } : {}) });
    if (!r.ok) return { lines: [ruleErrorLine(ctx, r.error)], next: 'done' };
    return pointsAnswer(ctx, 'head-coverage', { ok: true, value: { points: r.value.rules, notices: r.value.notices, citations: r.value.citations } });
  },
};

const GRADE = /(优秀|良好|不合格|合格)/;

/** Staff figures: the budget for N retirees of a region's document; with a grade, Jiande's allocation. */
export const fundBudgetDialog: DialogDef = {
  intent: 'fund_budget',
  slots: [region, countSlot('count', 'ask-retirees')],
  finish(ctx, s) {
    const doc = findRegion(String(s.region))?.doc;
    if (!doc || !LAWS[doc].budget) return { lines: [ctx.tr.t('budget-none', { region: String(s.region) })], next: 'done' };
    const b = budget({ doc, asOf: ctx.asOf, retirees: Number(s.count) });
    if (!b.ok) return { lines: [ruleErrorLine(ctx, b.error)], next: 'done' };
    const rows = b.value.rows.map((row) => ctx.tr.t('budget-row', { item: ctx.tr.t(`budget-item-${row.item}`), per: formatYuan(row.perRetiree), total: formatYuan(row.total) }));
    const lines = [
      ...b.value.notices.map((n) => renderNotice(ctx.tr, n)),
      ctx.tr.t('budget-head', { count: b.value.retirees, total: formatYuan(b.value.total), per: formatYuan(b.value.perRetiree) }),
      ...rows,
      ...b.value.points.map((p) => `· ${renderPoint(ctx.tr, p)}`),
    ];
    if (b.value.split) lines.push(ctx.tr.t('budget-split', { city: formatYuan(b.value.split.city), district: formatYuan(b.value.split.district), outside: formatYuan(b.value.split.outside) }));
    const grade = GRADE.exec(ctx.incoming.text ?? '')?.[1] as Grade | undefined;
    const citations = [...b.value.citations];
    if (doc === 'jiande' && grade) {
      const a = jiandeAllocation({ computed: b.value.total, grade, asOf: ctx.asOf });
      if (a.ok) {
        lines.push(ctx.tr.t('allocation-row', { grade, ratio: a.value.ratio.times(100).toFixed(0), paid: formatYuan(a.value.paid) }));
        citations.push(a.value.cite);
      }
    }
    lines.push(renderCitations(ctx.tr, citations));
    return { lines: [lines.join('\n')], next: 'done' };
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
