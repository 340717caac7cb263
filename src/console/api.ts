import type { FastifyInstance } from 'fastify';
import { maskText } from '../privacy/mask.ts';
import { caseRegion, isStaffResult, listInScope, maskedFields, type StaffMember, scopeCovers, viewCase } from '../staff/index.ts';
import type { AuditEntry, CaseRecord, Json } from '../store/types.ts';
import { act, authOf, type ConsoleOptions, commandOf, ctxOf, filterOf } from './context.ts';
import type { QueueQuery } from './html.ts';

/**
 * The console's JSON API (README: "Staff roster and console"), for the office's other systems, with the same session
 * and scope as the pages. Personal fields are masked unless the case is held by the caller (its assignee); a case
 * shown in full is audited like any full view.
 */

const API_LIMIT = 200;

function caseJson(c: CaseRecord, member: StaffMember, now: number): Record<string, Json> {
  const held = c.assignee === member.id;
  return {
    id: c.id,
    type: c.type,
    status: c.status,
    region: caseRegion(c),
    createdAt: new Date(c.createdAt).toISOString(),
    dueAt: c.dueAt === null ? null : new Date(c.dueAt).toISOString(),
    overdue: c.dueAt !== null && c.dueAt < now && (c.status === 'open' || c.status === 'claimed'),
    assignee: c.assignee,
    masked: !held,
    fields: held ? { ...c.fields } : maskedFields(c),
    history: c.history.map((e) => ({
      at: new Date(e.at).toISOString(),
      by: e.by,
      action: e.action,
      ...(e.note === undefined ? {} : { note: held ? e.note : maskText(e.note) }),
    })),
  };
}

/** The audit entries of the cases an answer shows in full (those the caller holds). */
function viewedEntries(cases: readonly CaseRecord[], member: StaffMember, at: number): AuditEntry[] {
  return cases
    .filter((c) => c.assignee === member.id)
    .map((c) => ({
      at,
      by: member.id,
      action: 'viewed',
      caseId: c.id,
      fields: Object.keys(c.fields).filter((f) => c.fields[f] !== null),
      chat: 'console:api',
    }));
}

export function consoleApi(app: FastifyInstance, o: ConsoleOptions): void {
  app.get('/console/api/cases', async (request, reply) => {
    const a = authOf(request);
    const q = request.query as QueueQuery & { limit?: string };
    const now = o.now();
    const limit = Math.min(API_LIMIT, Math.max(1, Number(q.limit) || 50));
    const cases = await listInScope(o.store, a.member, filterOf(q, a.member, now, limit));
    await o.store.appendAudit(viewedEntries(cases, a.member, now.getTime()));
    return reply.header('cache-control', 'no-store').send({ cases: cases.map((c) => caseJson(c, a.member, now.getTime())) });
  });

  app.get('/console/api/cases/:id', async (request, reply) => {
    const a = authOf(request);
    const { id } = request.params as { id: string };
    const now = o.now();
    const c = await o.store.getCase(id);
    // The same scope check (and refusal audit) as a full view; the full view's audit only when shown in full.
    const checked = c && c.assignee === a.member.id ? await viewCase(ctxOf(o, a), id) : null;
    if (checked && isStaffResult(checked)) return reply.code(403).send({ error: 'forbidden', message: checked.lines[0] });
    if (!c) return reply.code(404).send({ error: 'not_found' });
    if (!scopeCovers(a.member.scope, c)) return reply.code(403).send({ error: 'forbidden', message: 'outside your scope' });
    return reply.header('cache-control', 'no-store').send({ case: caseJson(c, a.member, now.getTime()) });
  });

  app.post('/console/api/cases/:id/:action', async (request, reply) => {
    const a = authOf(request);
    const { id, action } = request.params as { id: string; action: string };
    const command = commandOf(id, action, (request.body ?? {}) as Record<string, unknown>);
    if ('problem' in command) return reply.code(400).send({ error: 'bad_request', message: o.tr.t(command.problem) });
    const message = await act(o, a, command);
    const c = await o.store.getCase(id);
    return reply.send({ message, case: c && scopeCovers(a.member.scope, c) ? caseJson(c, a.member, o.now().getTime()) : null });
  });
}
