import { renderCitations, renderNotice, renderPoint, renderPoints } from '../../answers/index.ts';
import { aspectsOf, employerOf, inTextWords, lineAbout, verdictWords, wordPairs } from '../../nlu/cues.ts';
import { normalize } from '../../nlu/index.ts';
import { hasPersonalNumber } from '../../privacy/mask.ts';
import {
  type Aspect,
  aspectsOfPoint,
  type Citation,
  coverage,
  type EmployerKind,
  hardshipHelp,
  type Notice,
  type Point,
  pensionCertification,
  personalInfoDuty,
  type Result,
} from '../../rules/index.ts';
import { verdict } from '../answers.ts';
import { type DialogDef, EMPLOYER, type Outcome, type SlotSpec, type TurnCtx } from '../context.ts';
import { dateSlot, regionSlot } from '../slots.ts';
import { fileCase, offerButtons, ruleErrorLine } from './common.ts';

const region = regionSlot();

const MAX_POINTS = 5;

/**
 * The points that share words with the question first ("补做以后能补发吗" → the one about 补发), the rest in the
 * rules' order: the short list keeps what was asked.
 */
function byQuestion(ctx: TurnCtx, points: readonly Point[], asked: string, topic: string): readonly Point[] {
  // The topic's own words (养老金资格认证) are in every question about it: they rank nothing.
  const common = wordPairs(topic);
  const words = new Set([...wordPairs(inTextWords(asked))].filter((w) => !common.has(w)));
  // "补认证以后呢": the side asked (back pay) counts too.
  // 养老金 is named in every question about the pension: it ranks nothing.
  const sides: readonly Aspect[] = aspectsOf(asked).filter((a) => a !== 'amount' && a !== 'pension');
  if (words.size === 0 && sides.length === 0) return points;
  const side = (p: Point) => (aspectsOfPoint(p).some((a) => sides.includes(a)) ? 1 : 0);
  // Words the point shares rank first; the side asked breaks ties (and decides when no word is shared).
  const shared = (p: Point) => 10 * [...wordPairs(renderPoint(ctx.tr, p))].filter((w) => words.has(w)).length + side(p);
  const scored = points.map((p, i) => ({ p, i, n: shared(p) }));
  const top = Math.max(...scored.map((x) => x.n));
  if (top === 0) return points;
  // Only what stands out moves up: words every point shares (养老金) rank none above the others.
  return [...scored.filter((x) => x.n === top), ...scored.filter((x) => x.n !== top)].map((x) => x.p);
}

/** After a yes or no and the point it reads, at most this many points more. */
const YES_NO_MORE = 2;

/** The clauses of the points shown (rendered lines and points go in step). */
function citationsOfShown(points: readonly Point[], rendered: readonly string[], shown: readonly string[]): Citation[] {
  const out: Citation[] = [];
  for (const line of shown) {
    const cite = points[rendered.indexOf(line)]?.cite;
    if (cite && !out.some((c) => c.doc === cite.doc && c.clause === cite.clause)) out.push(cite);
  }
  return out;
}

/** Notices, the points as a list, and the clauses. */
function pointsAnswer(
  ctx: TurnCtx,
  head: string,
  r: Result<{ points: readonly Point[]; notices: readonly Notice[]; citations: readonly Citation[] }>,
): Outcome {
  if (!r.ok) return { lines: [ruleErrorLine(ctx, r.error)], next: 'done' };
  const notices = r.value.notices.map((n) => renderNotice(ctx.tr, n));
  if (r.value.points.length === 0) return { lines: [[...notices, ctx.tr.t('points-none')].join('\n')], next: 'done' };
  const asked = ctx.incoming.text ?? '';
  const points = byQuestion(ctx, r.value.points, asked, ctx.tr.t(head));
  const yesNo = verdictWords(asked) ? yesNoLines(ctx, r.value.points, points, asked, notices) : null;
  if (yesNo) return { lines: [yesNo.join('\n')], next: 'done' };
  // A list, short unless more is asked for ("详细说说", "都有哪些"): the first points are the rule, the rest its cases.
  const full = /详细|具体|全部|所有|哪些|都有/.test(asked);
  // "一年要做几次": the points of the side asked, when some answer it; the list otherwise ("怎么弄" asks the whole).
  const sides: readonly Aspect[] = aspectsOf(asked).filter((a) => a !== 'amount' && a !== 'pension' && a !== 'procedure');
  const onSide = points.filter((p) => aspectsOfPoint(p).some((a) => sides.includes(a)));
  const shown = full ? r.value.points : (onSide.length > 0 ? onSide : points).slice(0, MAX_POINTS);
  const rendered = renderPoints(ctx.tr, shown);
  const bullets = rendered.map((line) => (line.endsWith('：') || line.startsWith('（') ? line : `· ${line}`));
  // "一年要搞几次": the point asked is the first line; an expired or borrowed text is said right after it, once.
  const [answer, ...rest] = rendered;
  const lines =
    !full && onSide.length > 0 && answer !== undefined && rest.length === bullets.length - 1
      ? [answer, ...notices, ...bullets.slice(1)]
      : [...notices, ctx.tr.t(head), ...bullets];
  const each = shown.map((p) => renderPoint(ctx.tr, p));
  const cites = full ? r.value.citations : citationsOfShown(shown, each, each);
  if (cites.length > 0) lines.push(renderCitations(ctx.tr, cites));
  return { lines: [lines.join('\n')], next: 'done' };
}

/**
 * "没做认证养老金会不会停": the yes or no on the line of the point it is about — of the points of the side asked ("会停吗":
 * what stops it), the one the words are about — then a few more points in the question's order, not the whole list.
 */
function yesNoLines(ctx: TurnCtx, all: readonly Point[], ordered: readonly Point[], asked: string, notices: readonly string[]): string[] | null {
  // One line per point (each says where it is borrowed from), in step with the points for their clauses.
  const each = all.map((p) => renderPoint(ctx.tr, p));
  const sides: readonly Aspect[] = aspectsOf(asked).filter((a) => a !== 'amount');
  // "补做认证以后停的钱能补回来吗": asked whether it comes back, the back pay is what the question turns on.
  const turnsOn = (p: Point) => (sides.includes('backpay') && aspectsOfPoint(p).includes('backpay') ? 1 : 0);
  const score = all.map((p) => aspectsOfPoint(p).filter((a) => sides.includes(a)).length + turnsOn(p));
  const best = Math.max(0, ...score);
  const about = lineAbout(asked, best > 0 ? each.filter((_, i) => score[i] === best) : each);
  if (about === undefined) return null;
  const more = ordered
    .map((p) => renderPoint(ctx.tr, p))
    .filter((line) => line !== about)
    .slice(0, YES_NO_MORE);
  const cites = citationsOfShown(all, each, [about, ...more]);
  return [`${verdict(asked, about)}${about}`, ...notices, ...more.map((line) => `· ${line}`), ...(cites.length > 0 ? [renderCitations(ctx.tr, cites)] : [])];
}

export const pensionDialog: DialogDef = {
  intent: 'pension_certification',
  // No text of 杭州 or 建德 has its own clause: the same borrowed rule answers there, so the district is not asked.
  slots: [{ ...region, optional: true }],
  finish(ctx, s) {
    const named = typeof s.region === 'string';
    const r = pensionCertification({ region: named ? String(s.region) : '杭州市', asOf: ctx.asOf });
    // Not asked: "the district decides" would not be true here.
    const notices = (n: readonly Notice[]) => (named ? n : n.filter((x) => x.code !== 'city_level_only'));
    return pointsAnswer(ctx, 'head-certification', r.ok ? { ok: true, value: { ...r.value, notices: notices(r.value.notices) } } : r);
  },
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
  topic: 'coverage',
  slots: [region, pensionStart],
  finish(ctx, s) {
    // Said now, or earlier ("省属企业退休的 …" then "那社区还管我吗").
    const employer = employerOf(normalize(ctx.incoming.text ?? '')) ?? (typeof s[EMPLOYER] === 'string' ? (s[EMPLOYER] as EmployerKind) : undefined);
    const r = coverage({
      region: String(s.region),
      asOf: ctx.asOf,
      ...(typeof s.pensionStart === 'string' ? { pensionStart: s.pensionStart } : {}),
      ...(employer ? { employer } : {}),
    });
    if (!r.ok) return { lines: [ruleErrorLine(ctx, r.error)], next: 'done' };
    // Who they said they are: the rule about them leads ("那社区还管我吗" from a 省属 retiree).
    const theirs = (p: Point) => (employer !== undefined && p.code.endsWith(employer) ? 0 : 1);
    const points = [...r.value.rules].sort((a, b) => theirs(a) - theirs(b));
    return pointsAnswer(ctx, 'head-coverage', { ok: true, value: { points, notices: r.value.notices, citations: r.value.citations } });
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
