/**
 * The web console on the real service: every path 401 without a staff session; the one-time login link (single use,
 * 10 minutes, a preview does not use it up); the session cookie (HttpOnly, SameSite=Strict, Secure under https, idle
 * expiry 30 minutes); CSRF refused; the JSON API with scope and masking; decisions through the chat code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type Service, startService } from '../../src/service.ts';
import { issueConsoleLink } from '../../src/staff/index.ts';
import { illness, ROSTER_YAML, seed, T0 } from '../staff/fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function rig(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yl-console-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'staff.yaml'), ROSTER_YAML);
  let clock = new Date(T0 + 3600_000);
  const service: Service = await startService(
    { DATA_DIR: join(dir, 'data'), STAFF_FILE: join(dir, 'staff.yaml'), ...env },
    { port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), now: () => clock },
  );
  cleanups.push(() => service.close());
  await seed(service.store, [illness('C20261120-0001', '西湖区'), illness('C20261120-0002', '建德市')]);
  const get = (path: string, cookie?: string) => fetch(`${service.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const post = (path: string, form: Record<string, string>, cookie?: string) =>
    fetch(`${service.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(form).toString(),
    });
  const link = (staff: string, account: string) => issueConsoleLink(service.store, { staff, account }, clock, service.url);
  /** Logs in with a fresh link: the cookie and the page's CSRF token. */
  async function login(staff = 'xh-wang', account = 'test:xh'): Promise<{ cookie: string; csrf: string }> {
    const t = new URL(await link(staff, account)).searchParams.get('t') as string;
    const res = await post('/console/login', { t });
    expect(res.status).toBe(303);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const page = await (await get('/console', cookie)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] as string;
    return { cookie, csrf };
  }
  return { service, get, post, link, login, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}

describe('web console', () => {
  it('answers 401 on every console path without a staff session', async () => {
    const { get, post } = await rig();
    for (const path of [
      '/console',
      '/console/',
      '/console/case/C20261120-0001',
      '/console/api/cases?status=open',
      '/console/publicity',
      '/console/stats.csv',
      '/console/console.css',
      '/console/anything',
    ]) {
      expect((await get(path)).status, path).toBe(401);
    }
    expect((await get('/console', 'yl_console=forged-forged-forged-forged-forged-forged-xx')).status).toBe(401);
    expect((await post('/console/case/C20261120-0001/claim', { csrf: 'x' })).status).toBe(401);
    expect(await (await get('/console/api/cases')).json()).toMatchObject({ error: 'unauthorized' });
  });

  it('a login link works once, not after 10 minutes, and a preview (GET) does not use it up', async () => {
    const { get, post, link, advance } = await rig();
    const url = new URL(await link('xh-wang', 'test:xh'));
    const t = url.searchParams.get('t') as string;
    expect(url.pathname).toBe('/console/login');
    // The link page only asks; twice is fine.
    expect((await get(`/console/login?t=${t}`)).status).toBe(200);
    expect((await get(`/console/login?t=${t}`)).status).toBe(200);
    const first = await post('/console/login', { t });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/console');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^yl_console=[A-Za-z0-9_-]{43}; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=1800$/);
    expect((await post('/console/login', { t })).status).toBe(401);
    expect((await get(`/console/login?t=${t}`)).status).toBe(401);

    const late = new URL(await link('xh-wang', 'test:xh')).searchParams.get('t') as string;
    advance(10 * 60_000 + 1000);
    expect((await post('/console/login', { t: late })).status).toBe(401);
    expect((await post('/console/login', { t: 'not-a-token' })).status).toBe(401);
  });

  it('the cookie is Secure when PUBLIC_URL is https, and the link starts with PUBLIC_URL', async () => {
    const { service, post } = await rig({ PUBLIC_URL: 'https://desk.example.gov.cn' });
    const { issueConsoleLink: issue } = await import('../../src/staff/index.ts');
    const l = await issue(service.store, { staff: 'xh-wang', account: 'test:xh' }, new Date(T0 + 3600_000), 'https://desk.example.gov.cn');
    expect(l.startsWith('https://desk.example.gov.cn/console/login?t=')).toBe(true);
    const res = await post('/console/login', { t: new URL(l).searchParams.get('t') as string });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('a session ends after 30 idle minutes, and at logout', async () => {
    const { get, post, login, advance } = await rig();
    const a = await login();
    advance(29 * 60_000);
    expect((await get('/console', a.cookie)).status).toBe(200);
    advance(29 * 60_000);
    expect((await get('/console', a.cookie)).status).toBe(200);
    advance(31 * 60_000);
    expect((await get('/console', a.cookie)).status).toBe(401);
    const b = await login();
    expect((await post('/console/logout', { csrf: b.csrf }, b.cookie)).status).toBe(200);
    expect((await get('/console', b.cookie)).status).toBe(401);
  });

  it('refuses a change without the CSRF token, or with a wrong one', async () => {
    const { service, post, login } = await rig();
    const a = await login();
    expect((await post('/console/case/C20261120-0001/claim', {}, a.cookie)).status).toBe(403);
    expect((await post('/console/case/C20261120-0001/claim', { csrf: 'wrong' }, a.cookie)).status).toBe(403);
    expect((await post('/console/logout', {}, a.cookie)).status).toBe(403);
    const api = await fetch(`${service.url}/console/api/cases/C20261120-0001/claim`, {
      method: 'POST',
      headers: { cookie: a.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(403);
    expect((await service.store.getCase('C20261120-0001'))?.status).toBe('open');
    expect((await post('/console/case/C20261120-0001/claim', { csrf: a.csrf }, a.cookie)).status).toBe(303);
    expect((await service.store.getCase('C20261120-0001'))?.assignee).toBe('xh-wang');
  });

  it('scope in the console: out-of-scope pages and actions refused and audited; viewer read-only', async () => {
    const { service, get, post, login } = await rig();
    const xh = await login();
    expect((await get('/console/case/C20261120-0002', xh.cookie)).status).toBe(404);
    const out = await post('/console/case/C20261120-0002/claim', { csrf: xh.csrf }, xh.cookie);
    expect(decodeURIComponent(out.headers.get('location') ?? '')).toContain('不在您负责的范围内');
    expect((await service.store.getCase('C20261120-0002'))?.status).toBe('open');
    const view = await login('xh-view', 'test:view');
    const page = await (await get('/console/case/C20261120-0001', view.cookie)).text();
    expect(page).toContain('张建国');
    expect(page).not.toContain('/claim"');
    const refused = await post('/console/case/C20261120-0001/resolve', { csrf: view.csrf, note: '已发放500元' }, view.cookie);
    expect(decodeURIComponent(refused.headers.get('location') ?? '')).toContain('只读');
    const audit = await service.store.listAudit({});
    // The page and the claim outside the scope, and the viewer's resolve.
    expect(audit.filter((e) => e.action === 'refused').map((e) => e.by)).toEqual(['xh-wang', 'xh-wang', 'xh-view']);
    // The full view of the case page is audited.
    expect(audit.some((e) => e.action === 'viewed' && e.by === 'xh-view' && e.caseId === 'C20261120-0001')).toBe(true);
    expect(audit.filter((e) => e.action === 'logged_in').map((e) => e.by)).toEqual(['xh-wang', 'xh-view']);
  });

  it('JSON API: the queue in scope, masked unless the case is held by the caller', async () => {
    const { service, get, login } = await rig();
    const xh = await login();
    const body = (await (await get('/console/api/cases?status=open', xh.cookie)).json()) as {
      cases: { id: string; fields: Record<string, unknown>; masked: boolean }[];
    };
    expect(body.cases.map((c) => c.id)).toEqual(['C20261120-0001']);
    expect(body.cases[0]?.fields.applicantName).toBe('张**');
    expect(body.cases[0]?.masked).toBe(true);
    const claim = await fetch(`${service.url}/console/api/cases/C20261120-0001/claim`, {
      method: 'POST',
      headers: { cookie: xh.cookie, 'x-csrf-token': xh.csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(claim.status).toBe(200);
    const held = (await (await get('/console/api/cases?status=claimed&mine=1', xh.cookie)).json()) as typeof body;
    expect(held.cases[0]).toMatchObject({ id: 'C20261120-0001', masked: false, fields: { applicantName: '张建国' } });
    expect((await get('/console/api/cases/C20261120-0002', xh.cookie)).status).toBe(403);
    const jd = await login('jd-li', 'test:jd');
    const other = (await (await get('/console/api/cases?status=all', jd.cookie)).json()) as typeof body;
    expect(other.cases.map((c) => c.id)).toEqual(['C20261120-0002']);
  });
});
