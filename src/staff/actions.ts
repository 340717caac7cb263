import { Decimal } from 'decimal.js';
import { renderCitations } from '../answers/index.ts';
import { CASE_TYPES, type CaseType, SEALED_FIELDS } from '../cases/index.ts';
import type { Button, CaseRef, Reply } from '../chat/index.ts';
import { caseButton } from '../chat/index.ts';
import { shanghaiIsoDate } from '../clock.ts';
import type { Translator } from '../i18n/index.ts';
import { findAmounts } from '../nlu/slots/index.ts';
import { type Citation, findRegion, publicityRule } from '../rules/index.ts';
import { qualifiedChat } from '../store/shared.ts';
import { type AuditEntry, type AuditRecord, type CaseFilter, type CaseRecord, type CaseStatus, type Store, StoreError } from '../store/types.ts';
import type { StaffCommand } from './commands.ts';
import { fallbackMember, memberById, type Roster, type StaffMember } from './roster.ts';
import { scopeCovers, scopeRegions } from './scope.ts';
import { caseDetail, caseLine, formatDateTime } from './view.ts';

export interface StaffCtx {
  readonly store: Store;
  readonly tr: Translator;
  /** The acting staff member, platform:id. */
  readonly staff: string;
  /** The platform the command came from: notices to users on it need no platform tag. */
  readonly platform: string;
  /** Full personal data is shown only in a staff member's private chat. */
  readonly inPrivate: boolean;
  readonly now: Date;
  /** The chat the command came from, for the audit trail (without it the audit says private or group). */
  readonly chat?: string;
  /**
   * Who is acting, with role and scope (STAFF_FILE); absent: a city-wide caseworker (STAFF_IDS). `staff` is then the
   * member's id, the same on every platform and in the console.
   */
  readonly member?: StaffMember;
  /** The roster, for /assign. */
  readonly roster?: Roster;
}

export interface StaffResult {
  readonly lines: readonly string[];
  readonly buttons?: readonly Button[];
  /** Messages to others: the family told of a decision. */
  readonly notify: readonly Reply[];
  readonly changed: readonly CaseRef[];
  readonly attachment?: Reply['attachment'];
  /** A 公示's rows (only name, gender, age, amount) for a printable page. */
  readonly publicity?: { readonly rows: readonly PublicityRow[]; readonly minDays: number };
}

export interface PublicityRow {
  readonly kind: string;
  readonly name: string;
  readonly gender: string;
  readonly age: string;
  readonly amount: string;
}

const ref = (c: CaseRecord): CaseRef => ({ id: c.id, type: c.type, status: c.status });
const LIST_LIMIT = 20;
/** `/audit <id>` shows this many of the newest entries; the export has them all. */
const AUDIT_SHOWN = 50;
const DAY_MS = 86_400_000;

/** Where a command came from, as the audit names it. */
function whereOf(ctx: StaffCtx): string {
  return ctx.chat ? qualifiedChat(`${ctx.platform}:`, ctx.chat) : `${ctx.platform}:${ctx.inPrivate ? 'private' : 'group'}`;
}

const memberOfCtx = (ctx: StaffCtx): StaffMember => ctx.member ?? fallbackMember(ctx.staff);

/** Commands that change a case: refused to viewers. */
const CHANGES: ReadonlySet<StaffCommand['kind']> = new Set(['claim', 'resolve', 'reject', 'note', 'assign']);

/**
 * Whether the acting member may see (and, for a change, act on) the case: inside their scope, and not a viewer for a
 * change. A refusal is answered and written to the audit trail, so an attempt outside one's scope leaves a trace.
 */
async function refused(ctx: StaffCtx, c: CaseRecord, kind: StaffCommand['kind']): Promise<StaffResult | null> {
  const m = memberOfCtx(ctx);
  const outOfScope = !scopeCovers(m.scope, c);
  const readOnly = !outOfScope && m.role === 'viewer' && CHANGES.has(kind);
  if (!outOfScope && !readOnly) return null;
  await ctx.store.appendAudit([entry(ctx, 'refused', c.id, [], `${kind}: ${outOfScope ? 'out of scope' : 'viewer'}`)]);
  const line = outOfScope ? ctx.tr.t('case-out-of-scope', { id: c.id, scope: m.scope.join('、') }) : ctx.tr.t('staff-viewer-readonly');
  return { lines: [line], notify: [], changed: [] };
}

/** The case, when it exists and the member may act on it with this command; otherwise the answer to give. */
async function caseInScope(ctx: StaffCtx, id: string, kind: StaffCommand['kind']): Promise<CaseRecord | StaffResult> {
  const found = await caseOrMissing(ctx, id);
  if (isResult(found)) return found;
  return (await refused(ctx, found, kind)) ?? found;
}

/** The store's filter narrowed to the member's scope (the regions it reaches; communities are checked after). */
export function scopedFilter(member: StaffMember, filter: CaseFilter): CaseFilter {
  const regions = scopeRegions(member.scope);
  if (regions === null) return filter;
  // A region asked for (the console's filter) stays only if the scope reaches it.
  return { ...filter, regions: filter.regions ? filter.regions.filter((r) => regions.includes(r)) : regions };
}

/** Cases the member may see, newest first. */
export async function listInScope(store: Store, member: StaffMember, filter: CaseFilter): Promise<CaseRecord[]> {
  const cases = await store.listCases(scopedFilter(member, filter));
  return member.scope.some((e) => e.includes('/')) ? cases.filter((c) => scopeCovers(member.scope, c)) : cases;
}

/** An audit entry of this staff member's act now. */
function entry(ctx: StaffCtx, action: AuditEntry['action'], caseId: string | null, fields: readonly string[], note?: string): AuditEntry {
  return { at: ctx.now.getTime(), by: ctx.staff, action, caseId, fields, chat: whereOf(ctx), ...(note === undefined ? {} : { note }) };
}

/** The personal data a full view of the case shows, by name: its sealed fields that have a value, and staff's notes. */
function personalShown(c: CaseRecord): string[] {
  const fields = Object.keys(c.fields).filter((f) => SEALED_FIELDS.includes(f) && c.fields[f] !== null);
  return c.history.some((e) => e.note !== undefined) ? [...fields, 'notes'] : fields;
}

/**
 * A case in detail: in a private chat the full data, written to the audit trail before it is shown (no record, no
 * display). Rendered first, so that a value that does not open refuses the display before anything is recorded.
 */
async function detail(ctx: StaffCtx, c: CaseRecord): Promise<string> {
  const text = caseDetail(ctx.tr, c, ctx.inPrivate, ctx.now.getTime());
  if (ctx.inPrivate) await ctx.store.appendAudit([entry(ctx, 'viewed', c.id, personalShown(c))]);
  return text;
}

/**
 * A case in full for a screen only the acting member sees (the web console): inside their scope, written to the audit
 * trail before it is returned (no record, no display).
 */
export async function viewCase(ctx: StaffCtx, id: string): Promise<CaseRecord | StaffResult> {
  const found = await caseInScope(ctx, id, 'show');
  if (isResult(found)) return found;
  await ctx.store.appendAudit([entry(ctx, 'viewed', found.id, personalShown(found))]);
  return found;
}
export { isResult as isStaffResult };

/** Where a case's opener is told of a decision: their private chat on their platform. */
function openerReply(ctx: StaffCtx, c: CaseRecord, text: string): Reply {
  const split = c.user.indexOf(':');
  const platform = split > 0 ? c.user.slice(0, split) : ctx.platform;
  const user = split > 0 ? c.user.slice(split + 1) : c.user;
  return { chat: user, text, ...(platform !== ctx.platform ? { platform } : {}) };
}

async function caseOrMissing(ctx: StaffCtx, id: string): Promise<CaseRecord | StaffResult> {
  const c = await ctx.store.getCase(id);
  return c ?? { lines: [ctx.tr.t('case-not-found', { id })], notify: [], changed: [] };
}
const isResult = (x: CaseRecord | StaffResult): x is StaffResult => 'lines' in x;

function filterFor(ctx: StaffCtx, filter: StaffCommand & { kind: 'list' }): CaseFilter {
  const active: CaseStatus[] = ['open', 'claimed'];
  switch (filter.filter) {
    case 'open':
      return { status: active, limit: LIST_LIMIT };
    case 'mine':
      return { status: active, assignee: ctx.staff, limit: LIST_LIMIT };
    case 'overdue':
      return { overdueAt: ctx.now.getTime(), limit: LIST_LIMIT };
    case 'all':
      return { limit: LIST_LIMIT };
    default:
      return { type: filter.filter, limit: LIST_LIMIT };
  }
}

/** The field holding the most a case can be paid: what a resolve note's amount is checked against. */
const CEILING_FIELD: Readonly<Partial<Record<CaseType, string>>> = {
  serious_illness_application: 'ceiling',
  group_leader_subsidy_application: 'ceiling',
  health_check_reimbursement: 'cap',
  hospitalization_application: 'amount',
};

/** Words before the amount paid ("已发放2000元", "打卡两千", "核定补助400元"), as against 自付20000元 beside it. */
const PAYOUT_BEFORE =
  /(发放|发了|已发|支付|打卡|打款|转账|到账|拨付|核定|给付|报销|慰问金|慰问费|补助|金额)[^，,。；;\d一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾]{0,4}$/;

/**
 * The amount staff paid, read from a resolve note. Several different amounts ("自付20000元，发放2500元"): the one after
 * a payout word; if none or more than one is so marked, `ambiguous` — never a guess that ends up in a 公示.
 */
export function paidAmountOf(note: string): { amount: Decimal } | { ambiguous: readonly string[] } | null {
  const amounts = findAmounts(note);
  if (amounts.length === 0) return null;
  const distinct = [...new Set(amounts.map((a) => String(a.amount)))];
  if (distinct.length === 1) return { amount: new Decimal(distinct[0] as string) };
  const marked = amounts.filter((a) => PAYOUT_BEFORE.test(note.slice(Math.max(0, a.start - 8), a.start)));
  const markedDistinct = [...new Set(marked.map((a) => String(a.amount)))];
  if (markedDistinct.length === 1) return { amount: new Decimal(markedDistinct[0] as string) };
  return { ambiguous: distinct };
}

/** Decides and closes a case: resolve or reject, from open or claimed, and tells the family. */
async function close(ctx: StaffCtx, id: string, status: 'resolved' | 'rejected', note: string): Promise<StaffResult> {
  const found = await caseInScope(ctx, id, status === 'resolved' ? 'resolve' : 'reject');
  if (isResult(found)) return found;
  if (found.status === 'resolved' || found.status === 'rejected') {
    return { lines: [ctx.tr.t('case-already-closed', { id, status: ctx.tr.t(`case-status-${found.status}`) })], notify: [], changed: [] };
  }
  // The amount staff decided, read from the note ("已发放2000元"), is what a 公示 lists.
  const read = status === 'resolved' ? paidAmountOf(note) : null;
  const type = ctx.tr.t(`case-type-${found.type}`);
  const refuse = (key: string, args: Record<string, string>): StaffResult => ({ lines: [ctx.tr.t(key, { id, type, ...args })], notify: [], changed: [] });
  if (read && 'ambiguous' in read) return refuse('case-resolve-ambiguous-amount', { amounts: read.ambiguous.join('元、') });
  const paid = read?.amount;
  if (status === 'resolved' && PUBLISHED.includes(found.type as CaseType) && (paid === undefined || paid.lte(0)))
    return refuse('case-resolve-needs-amount', {});
  const ceilingField = CEILING_FIELD[found.type as CaseType];
  const ceilingValue = ceilingField ? found.fields[ceilingField] : undefined;
  // A payment above what the texts allow for this case cannot be recorded (a 公示 lists it as is).
  if (paid !== undefined && (typeof ceilingValue === 'string' || typeof ceilingValue === 'number') && paid.gt(new Decimal(ceilingValue))) {
    return refuse('case-resolve-over-ceiling', { paid: paid.toString(), ceiling: String(ceilingValue) });
  }
  const fields = paid?.gt(0) ? { ...found.fields, paidAmount: paid.toString() } : undefined;
  let updated: CaseRecord;
  try {
    updated = await ctx.store.updateCase(
      id,
      {
        status,
        assignee: found.assignee ?? ctx.staff,
        ...(fields ? { fields } : {}),
        event: { at: ctx.now.getTime(), by: ctx.staff, action: status, note },
        audit: { chat: whereOf(ctx), fields: fields ? ['paidAmount'] : [] },
      },
      found.status,
    );
  } catch (error) {
    // Two staff deciding at once: the second is told what the first did, and the family hears only once.
    if (!(error instanceof StoreError && error.code === 'conflict')) throw error;
    const now = await ctx.store.getCase(id);
    return { lines: [ctx.tr.t('case-already-closed', { id, status: ctx.tr.t(`case-status-${now?.status ?? status}`) })], notify: [], changed: [] };
  }
  // The family hears it in plain words (what they asked for, not the queue's names), with staff's note as written.
  const notice = ctx.tr.t(`case-${status}-notice`, {
    id,
    what: ctx.tr.maybe(`notice-type-${updated.type}`) ?? type,
    kind: updated.type,
    note: note.replace(/[。.！!；;，,\s]+$/, ''),
  });
  const lines = [ctx.tr.t(`case-${status}`, { id })];
  if (found.assignee && found.assignee !== ctx.staff) lines.push(ctx.tr.t('case-closed-for-other', { who: found.assignee }));
  return { lines: [lines.join('')], notify: [openerReply(ctx, updated, notice)], changed: [ref(updated)] };
}

export async function runStaffCommand(ctx: StaffCtx, command: StaffCommand): Promise<StaffResult> {
  const { tr } = ctx;
  const now = ctx.now.getTime();
  try {
    switch (command.kind) {
      case 'list': {
        const cases = await listInScope(ctx.store, memberOfCtx(ctx), filterFor(ctx, command));
        if (cases.length === 0) return { lines: [tr.t('cases-none')], notify: [], changed: [] };
        return { lines: [[tr.t('cases-head', { count: cases.length }), ...cases.map((c) => caseLine(tr, c, now))].join('\n')], notify: [], changed: [] };
      }
      case 'show': {
        const found = await caseInScope(ctx, command.id, 'show');
        if (isResult(found)) return found;
        const buttons = found.status === 'open' ? [{ label: tr.t('button-claim'), payload: caseButton('claim', found.id) }] : undefined;
        return { lines: [await detail(ctx, found)], ...(buttons ? { buttons } : {}), notify: [], changed: [] };
      }
      case 'claim': {
        const found = await caseInScope(ctx, command.id, 'claim');
        if (isResult(found)) return found;
        try {
          const updated = await ctx.store.updateCase(
            command.id,
            { status: 'claimed', assignee: ctx.staff, event: { at: now, by: ctx.staff, action: 'claimed' }, audit: { chat: whereOf(ctx) } },
            'open',
          );
          return { lines: [tr.t('case-claimed', { id: updated.id }), await detail(ctx, updated)], notify: [], changed: [ref(updated)] };
        } catch (error) {
          if (error instanceof StoreError && error.code === 'conflict') {
            const c = await ctx.store.getCase(command.id);
            if (c?.status === 'claimed' && c.assignee === ctx.staff) return { lines: [tr.t('case-claim-yours', { id: command.id })], notify: [], changed: [] };
            return {
              lines: [tr.t('case-claim-taken', { id: command.id, who: c?.assignee ?? '-', status: tr.t(`case-status-${c?.status ?? 'claimed'}`) })],
              notify: [],
              changed: [],
            };
          }
          throw error;
        }
      }
      case 'resolve':
        return await close(ctx, command.id, 'resolved', command.note);
      case 'reject':
        return await close(ctx, command.id, 'rejected', command.note);
      case 'note': {
        const found = await caseInScope(ctx, command.id, 'note');
        if (isResult(found)) return found;
        const updated = await ctx.store.updateCase(command.id, {
          event: { at: now, by: ctx.staff, action: 'noted', note: command.note },
          audit: { chat: whereOf(ctx) },
        });
        return { lines: [tr.t('case-noted', { id: updated.id })], notify: [], changed: [ref(updated)] };
      }
      case 'publicity':
        return await publicity(ctx, command.month);
      case 'audit': {
        const c = await ctx.store.getCase(command.id);
        const refusal = c ? await refused(ctx, c, 'audit') : null;
        return refusal ?? (await auditOfCase(ctx, command.id));
      }
      case 'audit_export': {
        // The whole trail spans every region: for admins and city-wide staff only.
        const m = memberOfCtx(ctx);
        if (m.role !== 'admin' && !m.scope.includes('*')) return { lines: [tr.t('staff-admin-only')], notify: [], changed: [] };
        return await auditExport(ctx, command.from, command.to);
      }
      case 'assign':
        return await assign(ctx, command.id, command.to);
      case 'console':
        // Answered by the channel-independent console link step, which knows PUBLIC_URL; never here.
        return { lines: [], notify: [], changed: [] };
    }
  } catch (error) {
    if (error instanceof StoreError && error.code === 'not_found')
      return { lines: [tr.t('case-not-found', { id: 'id' in command ? command.id : '' })], notify: [], changed: [] };
    // Sealed data that does not open (changed at rest, or its key not given) is refused, never shown garbled.
    if (error instanceof StoreError && error.code === 'unreadable')
      return { lines: [tr.t('case-unreadable', { id: 'id' in command ? command.id : '' })], notify: [], changed: [] };
    throw error;
  }
}

/**
 * `/assign <id> <staff id>`: hands the case to a roster member; both the one assigning and the one assigned must cover
 * the case, and a viewer can do neither. The assignee is told in their private chat.
 */
async function assign(ctx: StaffCtx, id: string, to: string): Promise<StaffResult> {
  const { tr } = ctx;
  const found = await caseInScope(ctx, id, 'assign');
  if (isResult(found)) return found;
  const say = (key: string, args: Record<string, string> = {}): StaffResult => ({ lines: [tr.t(key, { id, who: to, ...args })], notify: [], changed: [] });
  if (found.status === 'resolved' || found.status === 'rejected') return say('case-already-closed', { status: tr.t(`case-status-${found.status}`) });
  const target = ctx.roster ? memberById(ctx.roster, to) : null;
  if (!target) return say('assign-unknown-staff');
  if (target.role === 'viewer') return say('assign-target-viewer');
  if (!scopeCovers(target.scope, found)) return say('assign-target-out-of-scope');
  const updated = await ctx.store.updateCase(
    id,
    {
      status: 'claimed',
      assignee: target.id,
      event: { at: ctx.now.getTime(), by: ctx.staff, action: 'assigned', note: target.id },
      audit: { action: 'assigned', chat: whereOf(ctx), note: `to ${target.id}` },
    },
    found.status,
  );
  const notice = tr.t('case-assigned-notice', { id, by: memberOfCtx(ctx).name, type: tr.t(`case-type-${found.type}`) });
  const notify = target.accounts.filter((a) => !a.startsWith('cli:')).map((a) => accountReply(ctx, a, notice));
  return { lines: [tr.t('case-assigned', { id, who: `${target.name}（${target.id}）` })], notify, changed: [ref(updated)] };
}

/** A message to a staff account's private chat (platform:user), tagged with its platform when it is another one. */
export function accountReply(ctx: Pick<StaffCtx, 'platform'>, account: string, text: string): Reply {
  const split = account.indexOf(':');
  const platform = account.slice(0, split);
  return { chat: account.slice(split + 1), text, ...(platform !== ctx.platform ? { platform } : {}) };
}

/** An audit action in words. */
const actionText = (tr: Translator, action: string) => tr.maybe(`audit-action-${action}`) ?? action;
/** Field names in words (姓名、身份证号), never values. */
const fieldsText = (tr: Translator, fields: readonly string[]) => fields.map((f) => tr.maybe(`field-${f}`) ?? f).join('、');

/** `/audit <id>`: who saw, changed or exported the case, when, from where — the newest AUDIT_SHOWN entries. */
async function auditOfCase(ctx: StaffCtx, id: string): Promise<StaffResult> {
  const { tr } = ctx;
  const entries = await ctx.store.listAudit({ caseId: id });
  if (entries.length === 0) {
    const exists = await ctx.store.getCase(id);
    return { lines: [tr.t(exists ? 'audit-none' : 'case-not-found', { id })], notify: [], changed: [] };
  }
  const shown = entries.slice(-AUDIT_SHOWN);
  const rows = shown.map((e) =>
    tr.t('audit-row', {
      at: formatDateTime(e.at),
      who: e.by,
      action: actionText(tr, e.action),
      hasFields: e.fields.length > 0 ? 'yes' : 'no',
      fields: fieldsText(tr, e.fields),
      chat: e.chat ?? '-',
    }),
  );
  const head = tr.t('audit-head', { id, count: entries.length });
  const more = entries.length > shown.length ? [tr.t('audit-more', { shown: shown.length })] : [];
  return { lines: [[head, ...rows, ...more].join('\n')], notify: [], changed: [] };
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `/audit export <from> <to>`: every entry of those Shanghai days as a CSV; the export is itself audited. */
async function auditExport(ctx: StaffCtx, from: string, to: string): Promise<StaffResult> {
  const { tr } = ctx;
  const start = Date.parse(`${from}T00:00:00+08:00`);
  const end = Date.parse(`${to}T00:00:00+08:00`) + DAY_MS;
  const entries: AuditRecord[] = await ctx.store.listAudit({ from: start, to: end });
  const rows = entries.map((e) =>
    [String(e.seq), formatDateTime(e.at, true), e.by, actionText(tr, e.action), e.caseId ?? '', fieldsText(tr, e.fields), e.chat ?? '', e.note ?? '']
      .map(csvCell)
      .join(','),
  );
  const csv = [tr.t('audit-csv-header'), ...rows].join('\n');
  await ctx.store.appendAudit([entry(ctx, 'audit_exported', null, [], `${from}..${to}`)]);
  return {
    lines: [tr.t('audit-export-done', { from, to, count: entries.length })],
    attachment: { name: `audit-${from}_${to}.csv`, mime: 'text/csv', content: `${csv}\n` },
    notify: [],
    changed: [],
  };
}

/**
 * The types whose payments are published (000 五(二), 004 五(三)): 大病慰问 and 自管小组长补助, with the field that holds
 * the person's name in each.
 */
const PUBLISHED_NAME: Readonly<Partial<Record<CaseType, string>>> = {
  serious_illness_application: 'applicantName',
  group_leader_subsidy_application: 'leaderName',
};
const PUBLISHED: readonly CaseType[] = CASE_TYPES.filter((t) => PUBLISHED_NAME[t] !== undefined);

/**
 * 公示 for a month: resolved payments with only name, gender, age and amount (004 五(三), 000 五(二)), one section per
 * kind, as text and as CSV (a first column names the kind), with the minimum publication period.
 */
async function publicity(ctx: StaffCtx, month: string): Promise<StaffResult> {
  const { tr } = ctx;
  type Row = { id: string; nameField: string; kind: string; name: string; gender: string; age: string; amount: string; cite: Citation | null; minDays: number };
  const sections: { kind: string; rows: Row[] }[] = [];
  for (const type of PUBLISHED) {
    const kind = tr.t(`publicity-kind-${type}`);
    const rows: Row[] = [];
    // Each office publishes its own: only the cases of the member's scope.
    for (const c of await listInScope(ctx.store, memberOfCtx(ctx), { type, status: 'resolved', limit: 1000 })) {
      const resolved = [...c.history].reverse().find((e) => e.action === 'resolved');
      if (!resolved || !isoMonth(resolved.at).startsWith(month)) continue;
      const doc = typeof c.fields.region === 'string' ? findRegion(c.fields.region)?.doc : undefined;
      const rule = doc ? publicityRule(doc, isoDay(resolved.at)) : null;
      // Only the four publishable fields are read from the case: nothing else can reach the list.
      rows.push({
        id: c.id,
        nameField: PUBLISHED_NAME[type] as string,
        kind,
        name: String(c.fields[PUBLISHED_NAME[type] as string] ?? ''),
        gender: String(c.fields.gender ?? ''),
        age: c.fields.age === undefined || c.fields.age === null ? '' : String(c.fields.age),
        amount: String(c.fields.paidAmount ?? ''),
        cite: rule?.ok ? rule.value.cite : null,
        minDays: rule?.ok ? rule.value.minDays : 7,
      });
    }
    if (rows.length > 0) sections.push({ kind, rows });
  }
  const rows = sections.flatMap((s) => s.rows);
  if (rows.length === 0) return { lines: [tr.t('publicity-none', { month })], notify: [], changed: [] };
  const minDays = Math.max(...rows.map((r) => r.minDays));
  const cites = rows.flatMap((r) => (r.cite ? [r.cite] : []));
  const text = [
    tr.t('publicity-head', { month, count: rows.length }),
    ...sections.flatMap((s) => [
      tr.t('publicity-section', { kind: s.kind, count: s.rows.length }),
      ...s.rows.map((r) => tr.t('publicity-row', { name: r.name, gender: r.gender, age: r.age, amount: r.amount })),
    ]),
    tr.t('publicity-rule', { days: minDays }),
    ...(cites.length > 0 ? [renderCitations(tr, cites)] : []),
  ].join('\n');
  const csv = [tr.t('publicity-csv-header'), ...rows.map((r) => [r.kind, r.name, r.gender, r.age, r.amount].map(csvCell).join(','))].join('\n');
  // Every case in the export is audited (its four published fields), before the list leaves the bot.
  await ctx.store.appendAudit(rows.map((r) => entry(ctx, 'exported', r.id, [r.nameField, 'gender', 'age', 'paidAmount'], `publicity ${month}`)));
  return {
    lines: [text],
    attachment: { name: `publicity-${month}.csv`, mime: 'text/csv', content: `${csv}\n` },
    publicity: { rows: rows.map(({ kind, name, gender, age, amount }) => ({ kind, name, gender, age, amount })), minDays },
    notify: [],
    changed: [],
  };
}

const isoDay = (epochMs: number) => shanghaiIsoDate(new Date(epochMs));
const isoMonth = (epochMs: number) => isoDay(epochMs).slice(0, 7);
