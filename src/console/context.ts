import type { FastifyReply, FastifyRequest } from 'fastify';
import { CASE_TYPES } from '../cases/index.ts';
import type { Reply } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';
import { type Roster, runStaffCommand, type StaffCommand, type StaffCtx, type StaffMember } from '../staff/index.ts';
import type { CaseFilter, CaseStatus, Store } from '../store/types.ts';
import type { QueueQuery } from './html.ts';
import type { ConsoleSession } from './session.ts';

/** What the console's routes share: its options, the session's member, and the decisions through the staff code. */
/** What the console is given by the service. */
export interface ConsoleOptions {
  readonly store: Store;
  readonly tr: Translator;
  readonly now: () => Date;
  /** The member behind a session's staff id now (roster reloads apply at once; a removed member is logged out). */
  readonly memberFor: (staff: string) => StaffMember | null;
  readonly roster: () => Roster;
  /** Messages a decision sends to others (the family's notice), through the chat channels. */
  readonly deliver: (replies: readonly Reply[]) => void;
  /** PUBLIC_URL is https: cookies are Secure. */
  readonly secure: boolean;
  /** The stylesheet (read once at start). */
  readonly css: string;
}

export interface Auth {
  readonly session: ConsoleSession;
  readonly member: StaffMember;
  readonly cookie: string;
}

export const auths = new WeakMap<FastifyRequest, Auth>();
export const authOf = (request: FastifyRequest) => auths.get(request) as Auth;

/** The acting member's context for the shared staff operations, as if in their private chat. */
export function ctxOf(o: ConsoleOptions, auth: Auth): StaffCtx {
  return {
    store: o.store,
    tr: o.tr,
    staff: auth.member.id,
    platform: 'console',
    inPrivate: true,
    now: o.now(),
    chat: 'web',
    member: auth.member,
    roster: o.roster(),
  };
}

/** The store's filter from the queue's (and the API's) query. */
export function filterOf(q: QueueQuery, member: StaffMember, now: Date, limit: number): CaseFilter {
  const status: CaseStatus[] | undefined =
    q.status === 'all'
      ? undefined
      : q.status && ['open', 'claimed', 'resolved', 'rejected'].includes(q.status)
        ? [q.status as CaseStatus]
        : ['open', 'claimed'];
  return {
    ...(status ? { status } : {}),
    ...(q.type && (CASE_TYPES as readonly string[]).includes(q.type) ? { type: q.type } : {}),
    ...(q.region ? { regions: [q.region] } : {}),
    ...(q.overdue ? { overdueAt: now.getTime() } : {}),
    ...(q.mine ? { assignee: member.id } : {}),
    limit,
  };
}

/** A decision from a form or the API, through the same code as the chat commands; a locale id when it will not do. */
export function commandOf(id: string, action: string, body: Record<string, unknown>): StaffCommand | { readonly problem: string } {
  const note = typeof body.note === 'string' ? body.note.trim().slice(0, 500) : '';
  const to = typeof body.to === 'string' ? body.to.trim() : '';
  if (action === 'claim') return { kind: 'claim', id };
  if (action === 'resolve' || action === 'reject' || action === 'note') return note ? { kind: action, id, note } : { problem: 'console-note-missing' };
  if (action === 'assign') return to ? { kind: 'assign', id, to } : { problem: 'console-assignee-missing' };
  return { problem: 'console-action-unknown' };
}

export const csvReply = (reply: FastifyReply, name: string, csv: string) =>
  reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${name}"`)
    .type('text/csv; charset=utf-8')
    // A byte-order mark, so that Excel opens the Chinese text as UTF-8.
    .send(`\uFEFF${csv}`);

/** Runs a decision and hands its notices to the channels; the answer's first line for the page. */
export async function act(o: ConsoleOptions, a: Auth, command: StaffCommand): Promise<string> {
  const result = await runStaffCommand(ctxOf(o, a), command);
  if (result.notify.length > 0) o.deliver(result.notify);
  return result.lines[0] ?? '';
}
