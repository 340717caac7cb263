import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_TYPES } from '../cases/index.ts';
import { REGIONS } from '../rules/regions.ts';
import {
  csvCell,
  isStaffResult,
  listInScope,
  peekConsoleLink,
  redeemConsoleLink,
  runStaffCommand,
  scopeCovers,
  scopeRegions,
  viewCase,
} from '../staff/index.ts';
import { consoleApi } from './api.ts';
import { type Auth, act, authOf, auths, type ConsoleOptions, commandOf, csvReply, ctxOf, filterOf } from './context.ts';
import { casePage, type Frame, messagePage, publicityPage, type QueueQuery, queuePage, statsPage } from './html.ts';
import { type ConsoleSession, cookieOf, endSession, readSession, sessionCookie, startSession } from './session.ts';
import { monthStats } from './stats.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();
/** The CSRF token of a change: form field or X-CSRF-Token header, equal to the session's. */
function csrfOk(request: FastifyRequest, session: ConsoleSession): boolean {
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (typeof body?.csrf === 'string' ? body.csrf : undefined) ?? request.headers['x-csrf-token'];
  return typeof sent === 'string' && timingSafeEqual(digest(sent), digest(session.csrf));
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/console/api/');

function unauthorized(request: FastifyRequest, reply: FastifyReply) {
  reply.code(401).header('cache-control', 'no-store');
  if (isApi(request)) return reply.send({ error: 'unauthorized', message: 'send /console to the bot in a private chat for a login link' });
  return reply
    .type('text/html; charset=utf-8')
    .send(messagePage('请先登录', '请在私聊中向银龄助手发送 /console，点开收到的登录链接（10分钟内有效，只能用一次）。'));
}

/** Every console path but the login answers 401 without a live staff session, and 403 for a change without its CSRF token. */
async function authenticate(o: ConsoleOptions, request: FastifyRequest, reply: FastifyReply) {
  if (request.url.split('?')[0] === '/console/login') return;
  const cookie = cookieOf(request.headers.cookie);
  const session = await readSession(o.store, cookie, o.now());
  const member = session ? o.memberFor(session.staff) : null;
  if (!session || !member || !cookie) return unauthorized(request, reply);
  if (request.method !== 'GET' && request.method !== 'HEAD' && !csrfOk(request, session)) {
    return reply.code(403).send(isApi(request) ? { error: 'csrf', message: 'missing or wrong X-CSRF-Token' } : '请求已过期，请刷新页面后再试。');
  }
  auths.set(request, { session, member, cookie });
}

const html = (reply: FastifyReply, body: string, code = 200) =>
  reply.code(code).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

export const frameOf = (o: ConsoleOptions, a: Auth): Frame => ({ tr: o.tr, member: a.member, csrf: a.session.csrf });

const monthOf = (raw: unknown, now: Date) =>
  typeof raw === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

function pages(app: FastifyInstance, o: ConsoleOptions): void {
  app.get('/console/console.css', async (_r, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'private, max-age=300').send(o.css));

  app.get('/console', async (request, reply) => {
    const a = authOf(request);
    const q = request.query as QueueQuery & { m?: string };
    const now = o.now();
    const cases = await listInScope(o.store, a.member, filterOf(q, a.member, now, 100));
    const regions = scopeRegions(a.member.scope) ?? REGIONS.map((r) => r.name);
    return html(reply, queuePage(frameOf(o, a), q, cases, CASE_TYPES, regions, now.getTime(), q.m ?? ''));
  });

  app.get('/console/find', async (request, reply) => {
    const id = String((request.query as { id?: string }).id ?? '')
      .trim()
      .toUpperCase();
    return reply.redirect(/^C\d{8}-\d{4,6}$/.test(id) ? `/console/case/${id}` : `/console?m=${encodeURIComponent('编号格式：C20261121-0007')}`, 303);
  });

  app.get('/console/case/:id', async (request, reply) => {
    const a = authOf(request);
    const { id } = request.params as { id: string };
    const found = await viewCase(ctxOf(o, a), id);
    if (isStaffResult(found)) return html(reply, messagePage('无法查看', found.lines.join('\n'), '<p><a href="/console">返回队列</a></p>'), 404);
    const assignable = o.roster().staff.filter((m) => m.role !== 'viewer' && scopeCovers(m.scope, found));
    return html(reply, casePage(frameOf(o, a), found, assignable, o.now().getTime(), String((request.query as { m?: string }).m ?? '')));
  });

  app.post('/console/case/:id/:action', async (request, reply) => {
    const a = authOf(request);
    const { id, action } = request.params as { id: string; action: string };
    const command = commandOf(id, action, (request.body ?? {}) as Record<string, unknown>);
    const message = 'problem' in command ? o.tr.t(command.problem) : await act(o, a, command);
    return reply.redirect(`/console/case/${encodeURIComponent(id)}?m=${encodeURIComponent(message)}`, 303);
  });

  app.get('/console/publicity', async (request, reply) => {
    const a = authOf(request);
    const month = monthOf((request.query as { month?: string }).month, o.now());
    const r = await runStaffCommand(ctxOf(o, a), { kind: 'publicity', month });
    return html(reply, publicityPage(frameOf(o, a), month, r.publicity?.rows ?? [], r.publicity?.minDays ?? 7));
  });

  app.get('/console/publicity.csv', async (request, reply) => {
    const a = authOf(request);
    const month = monthOf((request.query as { month?: string }).month, o.now());
    const r = await runStaffCommand(ctxOf(o, a), { kind: 'publicity', month });
    const csv = r.attachment?.content ?? `${o.tr.t('publicity-csv-header')}\n`;
    return csvReply(reply, `publicity-${month}.csv`, csv);
  });

  app.get('/console/stats', async (request, reply) => {
    const a = authOf(request);
    const now = o.now();
    const stats = await monthStats(o.store, a.member, monthOf((request.query as { month?: string }).month, now), now);
    return html(reply, statsPage(frameOf(o, a), stats));
  });

  app.get('/console/stats.csv', async (request, reply) => {
    const a = authOf(request);
    const now = o.now();
    const month = monthOf((request.query as { month?: string }).month, now);
    const stats = await monthStats(o.store, a.member, month, now);
    const rows = stats.unanswered.map((u) => [u.kind, u.text, String(u.count)].map(csvCell).join(','));
    return csvReply(reply, `unanswered-${month}.csv`, `${['kind,text,count', ...rows].join('\n')}\n`);
  });

  app.post('/console/logout', async (request, reply) => {
    await endSession(o.store, authOf(request).cookie);
    reply.header('set-cookie', sessionCookie('', o.secure || request.protocol === 'https', 0));
    return html(reply, messagePage('已退出', '您已退出网页工作台。需要时请在私聊中再发送 /console。'));
  });

  app.all('/console/*', async (_request, reply) => reply.code(404).send({ error: 'not_found' }));
}

function login(app: FastifyInstance, o: ConsoleOptions): void {
  const invalid = (reply: FastifyReply) =>
    html(reply, messagePage('链接无效', '这个登录链接已用过、已过期或不正确。请在私聊中向银龄助手重新发送 /console。'), 401);
  // The link only shows a button: chat apps open links to preview them, and a preview must not use the link up.
  app.get('/console/login', async (request, reply) => {
    const t = String((request.query as { t?: string }).t ?? '');
    if (!(await peekConsoleLink(o.store, t, o.now()))) return invalid(reply);
    return html(
      reply,
      messagePage(
        '登录网页工作台',
        '点下面的按钮进入工作台。',
        `<form method="post" action="/console/login"><input type="hidden" name="t" value="${t}"><button>进入工作台</button></form>`,
      ),
    );
  });
  app.post('/console/login', async (request, reply) => {
    const t = String(((request.body ?? {}) as { t?: unknown }).t ?? '');
    const now = o.now();
    const grant = await redeemConsoleLink(o.store, t, now);
    const member = grant ? o.memberFor(grant.staff) : null;
    if (!grant || !member) return invalid(reply);
    const { cookie } = await startSession(o.store, grant.staff, grant.account, now);
    await o.store.appendAudit([
      { at: now.getTime(), by: member.id, action: 'logged_in', caseId: null, fields: [], chat: 'console:web', note: `link from ${grant.account}` },
    ]);
    reply.header('set-cookie', sessionCookie(cookie, o.secure || request.protocol === 'https'));
    return reply.redirect('/console', 303);
  });
}

/** The web console under /console: login, queue, case pages, 公示, statistics, and the JSON API. */
export async function consoleRoutes(app: FastifyInstance, o: ConsoleOptions): Promise<void> {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_r, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addHook('preHandler', (request, reply) => authenticate(o, request, reply));
  login(app, o);
  pages(app, o);
  consoleApi(app, o);
}
