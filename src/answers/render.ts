import type { Translator } from '../i18n/index.ts';
import {
  type AnnualSummary,
  type Citation,
  type DeathAnswer,
  type DeathReportRule,
  DOCUMENTS,
  type Entitlement,
  formatYuan,
  type Notice,
  type Point,
  type TransferAnswer,
} from '../rules/index.ts';

/** Rules answers → the user's language. The rules give codes and figures; every sentence comes from locales/. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDate(tr: Translator, iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? tr.t('date', { y: m[1] as string, m: String(Number(m[2])), d: String(Number(m[3])) }) : iso;
}

export function sourceLabel(doc: Citation['doc']): string {
  const d = DOCUMENTS[doc];
  return d.docNumber ?? `《${d.title}》`;
}

/** "依据：杭人社发〔2024〕1号 三(一)4、三(二)；…": clauses grouped under their document, in order of use. */
export function renderCitations(tr: Translator, cites: readonly Citation[]): string {
  const byDoc = new Map<Citation['doc'], string[]>();
  for (const c of cites) {
    const clauses = byDoc.get(c.doc) ?? [];
    if (!clauses.includes(c.clause)) clauses.push(c.clause);
    byDoc.set(c.doc, clauses);
  }
  const list = [...byDoc].map(([doc, clauses]) => `${sourceLabel(doc)} ${clauses.join(tr.t('list-enum'))}`);
  return tr.t('citation-list', { list: list.join(tr.t('list-separator')) });
}

/**
 * Points as lines; a text borrowed for several of them is said once, as the heading of those lines after the local
 * ones, not once per line (the clause numbers go in the citation as usual).
 */
export function renderPoints(tr: Translator, points: readonly Point[]): string[] {
  const borrowed = points.filter((p) => p.params?.general === 1).map((p) => p.cite.doc);
  const doc = borrowed[0];
  if (doc === undefined || borrowed.length < 2 || borrowed.some((d) => d !== doc)) return points.map((p) => renderPoint(tr, p));
  const own = points.filter((p) => p.params?.general !== 1).map((p) => renderPoint(tr, p));
  const other = points.filter((p) => p.params?.general === 1).map((p) => renderPoint(tr, { ...p, params: { ...p.params, general: 0 } }));
  const source = { doc: sourceLabel(doc), place: DOCUMENTS[doc].place };
  // The group the first point belongs to comes first, as the rules ordered them.
  if (points[0]?.params?.general === 1) return [...other, tr.t('notice-general-above', source), ...own];
  return [...own, tr.t('notice-general-all', source), ...other];
}

export function renderPoint(tr: Translator, point: Point): string {
  const params = point.params ?? {};
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) args[k] = typeof v === 'string' && ISO_DATE.test(v) ? formatDate(tr, v) : v;
  let text = tr.t(`cond-${point.code}`, args);
  if (typeof params.from === 'string') text += tr.t('since-date', { date: formatDate(tr, params.from) });
  // A clause borrowed from another place's text: said as a reference, with the place, never as the local rule.
  if (params.general === 1) text += tr.t('notice-general', { doc: sourceLabel(point.cite.doc), place: DOCUMENTS[point.cite.doc].place });
  return text;
}

export function renderNotice(tr: Translator, notice: Notice): string {
  switch (notice.code) {
    case 'document_expired':
      return tr.t('notice-document_expired', { doc: `《${DOCUMENTS[notice.doc].title}》`, date: formatDate(tr, notice.expiredAfter) });
    case 'reference_only':
    case 'no_document':
    case 'city_level_only':
      return tr.t(`notice-${notice.code}`, { region: notice.region });
    case 'latest_published_value':
      return tr.t('notice-latest_published_value', { year: String(notice.year) });
    case 'state_owned_only':
      return tr.t('notice-state_owned_only', { doc: `《${DOCUMENTS[notice.doc].title}》`, clause: DOCUMENTS[notice.doc].scopeCite?.clause ?? '' });
  }
}

/** The headline: "大病慰问：最高不超过2500元" — a ceiling is always said as one. */
export function renderOutcome(tr: Translator, e: Entitlement): string {
  const item = tr.t(`item-${e.item}`);
  if (e.outcome === 'fixed' && e.amount === null) return tr.t('outcome-join', { item });
  const amount = e.amount ? formatYuan(e.amount) : '';
  return tr.t(`outcome-${e.outcome}`, { item, amount });
}

/** Lines under the headline, notices included: the answer stays short; "详细说说" gets the rest. */
const MAX_DETAIL_LINES = 4;

export function renderEntitlement(tr: Translator, e: Entitlement, options: { notices?: boolean } = {}): string {
  const notices = options.notices === false ? [] : e.notices.map((n) => renderNotice(tr, n));
  const details: string[] = [];
  if (e.parts && e.parts.length > 1) details.push(e.parts.map((p) => tr.t('part', { label: p.label, amount: formatYuan(p.amount) })).join(tr.t('list-comma')));
  if (e.reason) details.push(`· ${renderPoint(tr, e.reason)}`);
  for (const c of e.conditions) details.push(`· ${renderPoint(tr, c)}`);
  const documents = e.documents.length > 0 ? [tr.t('documents-heading') + e.documents.map((d) => renderPoint(tr, d)).join('；')] : [];
  const room = Math.max(2, MAX_DETAIL_LINES - notices.length) - documents.length;
  const citations = e.citations.length > 0 ? [renderCitations(tr, e.citations)] : [];
  return [...notices, renderOutcome(tr, e), ...details.slice(0, room), ...documents, ...citations].join('\n');
}

export function renderTransfer(tr: Translator, a: TransferAnswer): string {
  const lines: string[] = a.notices.map((n) => renderNotice(tr, n));
  if (a.reason) lines.push(renderPoint(tr, a.reason));
  if (a.proofs.length > 0) lines.push(tr.t('documents-heading') + a.proofs.map((p) => renderPoint(tr, p)).join('；'));
  for (const s of a.steps) lines.push(`· ${renderPoint(tr, s)}`);
  if (a.citations.length > 0) lines.push(renderCitations(tr, a.citations));
  return lines.join('\n');
}

/** Whom to tell and by when: the one line a family needs first. */
export function renderDeadline(tr: Translator, a: Pick<DeathAnswer, 'report'>): string {
  const whom = tr.t(`death-whom-${a.report.whom}`);
  return a.report.deadline
    ? tr.t(a.report.deadline.overdue ? 'death-deadline-overdue' : 'death-deadline', {
        whom,
        days: a.report.deadline.days,
        date: formatDate(tr, a.report.deadline.date),
      })
    : tr.t('death-promptly', { whom });
}

/** "老人去世多少天内要报": the rule of the region's text, with the date by which when the date of death is known. */
export function renderDeathRule(tr: Translator, a: DeathReportRule): string {
  // The rule first (a yes or no leads it); what qualifies the text (its scope, its expiry) after.
  const lines: string[] = [];
  const whom = tr.t(`death-whom-${a.report.whom}`);
  if (a.report.deadline) lines.push(renderDeadline(tr, a));
  else if (a.report.days !== null) lines.push(tr.t('death-rule-days', { region: a.region, days: a.report.days, whom }));
  else if (a.report.cite) lines.push(tr.t('death-rule-promptly', { region: a.region, whom }));
  else lines.push(tr.t('death-rule-none', { region: a.region }));
  lines.push(...a.notices.map((n) => renderNotice(tr, n)));
  if (a.citations.length > 0) lines.push(renderCitations(tr, a.citations));
  return lines.join('\n');
}

export function renderDeath(tr: Translator, a: DeathAnswer): string {
  const lines: string[] = a.notices.map((n) => renderNotice(tr, n));
  lines.push(renderDeadline(tr, a));
  for (const s of a.steps) lines.push(`· ${renderPoint(tr, s)}`);
  if (a.funeral?.amount) lines.push(`· ${renderOutcome(tr, a.funeral)}`);
  lines.push(renderCitations(tr, a.citations));
  return lines.join('\n');
}

/** A year's entitlements for staff: the notices once, then each item. */
export function renderSummary(tr: Translator, s: AnnualSummary): string {
  const head = s.notices.map((n) => renderNotice(tr, n));
  const body = s.entitlements.map((e) => renderEntitlement(tr, e, { notices: false }));
  return [...head, ...body].join('\n\n');
}
