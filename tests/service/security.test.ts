/**
 * Safe by default on the network (issue 12): each attack against the real service, started as `npm start` starts
 * it (startService, or src/main.ts itself), on a free port with its own embedded store.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelDeps } from '../../src/channels/types.ts';
import type { Incoming, Outgoing } from '../../src/chat/index.ts';
import { loadTranslator } from '../../src/i18n/index.ts';
import { INTENT_IDS } from '../../src/nlu/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { type Service, type ServiceOptions, startService } from '../../src/service.ts';
import { cardActionEvent, type FakeLark, larkCardSignature, larkHeaders, larkSignature, messageEvent, startFakeLark } from '../support/fake-lark.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const silent = pino({ level: 'silent' });
const tr = loadTranslator();
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yinling-security-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(env: NodeJS.ProcessEnv = {}, options: ServiceOptions = {}): Promise<Service> {
  const service = await startService({ DATA_DIR: tempDir(), ...env }, { port: 0, logger: silent, ...options });
  cleanups.push(() => service.close());
  return service;
}

/** A browser: keeps the cookie the server sets (unless told to drop it), can be given a cookie of its own making. */
function browser(base: string, init: { cookie?: string; keepCookie?: boolean } = {}) {
  let cookie = init.cookie ?? null;
  const keep = init.keepCookie ?? true;
  const remember = (res: Response) => {
    const set = res.headers.get('set-cookie');
    if (set && keep) cookie = set.split(';')[0] ?? null;
    return set;
  };
  return {
    get cookie() {
      return cookie;
    },
    async chat(body: { text?: string; button?: string }): Promise<{ status: number; out: Outgoing; setCookie: string | null; retryAfter: string | null }> {
      const res = await fetch(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      const setCookie = remember(res);
      return { status: res.status, out: (await res.json()) as Outgoing, setCookie, retryAfter: res.headers.get('retry-after') };
    },
    async notices(): Promise<{ status: number; texts: string[] }> {
      const res = await fetch(`${base}/api/chat/notices`, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(5000) });
      remember(res);
      const body = (await res.json()) as { replies?: { text: string }[] };
      return { status: res.status, texts: (body.replies ?? []).map((r) => r.text) };
    },
  };
}

const textOf = (out: Outgoing) => out.replies.map((r) => r.text).join('\n');

/** A chat platform the test drives: what it hands to the engine is what a real adapter would. */
function fakePlatform(): { factory: (deps: ChannelDeps) => Channel; deps: () => ChannelDeps } {
  let captured: ChannelDeps | null = null;
  const channel: Channel = {
    name: 'telegram',
    start: async () => undefined,
    stop: async () => undefined,
    connected: () => true,
    push: async () => undefined,
  };
  return {
    factory: (deps) => {
      captured = deps;
      return channel;
    },
    deps: () => {
      if (!captured) throw new Error('channel not created');
      return captured;
    },
  };
}

function staffSays(deps: ChannelDeps, text: string): Promise<Outgoing> {
  return deps.handle({ platform: 'telegram', chat: '900', user: '900', text, group: false, mention: false, staff: true, now: new Date() });
}

describe('listening address', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

  it('binds to 127.0.0.1 by default: another of the machine’s addresses is refused', { timeout: 15_000 }, async () => {
    const svc = await start();
    expect(svc.address).toBe('127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${svc.port}/healthz`)).status).toBe(200);
    if (!external) return; // no non-loopback IPv4 here: the bound address is what can be checked
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: external, port: svc.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('HOST=0.0.0.0 (the Dockerfile’s) listens on every interface, and says so', { timeout: 15_000 }, async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const svc = await start({ HOST: '0.0.0.0' }, { logger });
    expect(svc.address).toBe('0.0.0.0');
    expect(lines.join('\n')).toContain(`service listening on 0.0.0.0:${svc.port} (every network interface)`);
    if (external) expect((await fetch(`http://${external}:${svc.port}/healthz`)).status).toBe(200);
  });
});

describe('web chat switch', () => {
  it('WEB_CHAT=off: GET / and POST /api/chat answer 404', { timeout: 15_000 }, async () => {
    const svc = await start({ WEB_CHAT: 'off' });
    expect((await fetch(`${svc.url}/`)).status).toBe(404);
    expect((await browser(svc.url).chat({ text: '你好' })).status).toBe(404);
    expect((await fetch(`${svc.url}/api/chat/notices`)).status).toBe(404);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });

  it('is off by default once a chat platform is configured', { timeout: 15_000 }, async () => {
    // The platform cannot be reached (nobody listens there): the service runs all the same, without the page.
    const svc = await start({ TELEGRAM_BOT_TOKEN: '123:TEST', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    expect((await fetch(`${svc.url}/`)).status).toBe(404);
    expect((await browser(svc.url).chat({ text: '你好' })).status).toBe(404);
  });
});

describe('web chat sessions are issued by the server only', () => {
  it('a client-made, an old-style or another server’s session id is not accepted: a new one is issued', { timeout: 15_000 }, async () => {
    const svc = await start();
    const other = await start();
    const foreign = browser(other.url);
    await foreign.chat({ text: '你好' });
    const made = [`yl_sid=${randomBytes(32).toString('base64url')}`, `yl_sid=${randomBytes(16).toString('base64url')}`, `${foreign.cookie}`, 'yl_sid=me'];
    for (const cookie of made) {
      const b = browser(svc.url, { cookie });
      const first = await b.chat({ text: '自付一万二能拿多少大病慰问' });
      expect(first.status).toBe(200);
      expect(first.setCookie, cookie).toMatch(/^yl_sid=[A-Za-z0-9_-]{43};/);
      expect(b.cookie).not.toBe(cookie);
      // The issued session is the one that goes on.
      const next = await b.chat({ button: 's:region:西湖区' });
      expect(next.setCookie).toBeNull();
      expect(textOf(next.out)).toContain('2500');
    }
  });

  it('the session id staff can see on a case cannot be used as a cookie', { timeout: 15_000 }, async () => {
    const svc = await start();
    const family = browser(svc.url);
    const filed = await family.chat({ text: '转人工' });
    const id = filed.out.cases[0]?.id ?? '';
    const record = await svc.store.getCase(id);
    expect(record?.fields.source).toBe('web');
    const shownId = record?.user.replace(/^web:/, '') ?? '';
    const thief = browser(svc.url, { cookie: `yl_sid=${shownId}` });
    const tried = await thief.chat({ text: '进度' });
    expect(tried.setCookie).toMatch(/^yl_sid=/);
    expect(textOf(tried.out)).not.toContain(id);
  });
});

describe('web chat limits', () => {
  it('20 hand-off requests from one client open no more than WEB_CASE_LIMIT (3) cases, and are told kindly', { timeout: 30_000 }, async () => {
    const svc = await start();
    const kept = browser(svc.url);
    const answers: Outgoing[] = [];
    for (let i = 0; i < 20; i++) answers.push((await kept.chat({ text: '转人工' })).out);
    expect((await svc.store.listCases({ limit: 100 })).length).toBe(3);
    expect(textOf(answers[19] as Outgoing)).toContain(tr.t('case-limit-reached'));
    // Dropping the cookie every time: a new session each time, the same address.
    const dropping = browser(svc.url, { keepCookie: false });
    for (let i = 0; i < 20; i++) await dropping.chat({ text: '转人工' });
    const cases = await svc.store.listCases({ limit: 100 });
    expect(cases.length).toBe(3);
    expect(cases.every((c) => c.fields.source === 'web')).toBe(true);
  });

  it('only cases actually opened count: questions and a case already waiting use none of the allowance', { timeout: 30_000 }, async () => {
    const svc = await start({ WEB_CASE_LIMIT: '1' });
    const b = browser(svc.url);
    for (const text of ['你好', '自付一万二能拿多少大病慰问', '西湖区', '不用了']) await b.chat({ text });
    expect((await b.chat({ text: '转人工' })).out.cases).toHaveLength(1);
    expect((await b.chat({ text: '转人工' })).out.cases).toHaveLength(0);
  });

  it('over the messages of a session or of an address: 429, Retry-After and a kind sentence', { timeout: 30_000 }, async () => {
    const svc = await start({ WEB_MESSAGE_LIMIT: '5', WEB_IP_MESSAGE_LIMIT: '8' });
    const b = browser(svc.url);
    for (let i = 0; i < 5; i++) expect((await b.chat({ text: '你好' })).status).toBe(200);
    const over = await b.chat({ text: '你好' });
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(textOf(over.out)).toBe(tr.t('web-too-many-messages'));
    // New sessions from the same address: 3 more pass the address's 8, then it is over too.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await browser(svc.url).chat({ text: '你好' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await (await fetch(`${svc.url}/metrics`)).text()).toMatch(/^yinling_web_limited_total\{by="session"\} 1$/m);
  });
});

describe('/metrics', () => {
  function app(metricsToken?: string) {
    const a = buildApp({
      logger: silent,
      metrics: createMetrics({ store: () => null }),
      readiness: async () => ({ ready: true, body: {} }),
      webhooks: [],
      web: null,
      closing: () => false,
      ...(metricsToken ? { metricsToken } : {}),
    });
    cleanups.push(() => a.close());
    return a;
  }
  const TOKEN = 'metrics-token-0123456789abcdef';
  const get = (a: ReturnType<typeof app>, remoteAddress: string, headers: Record<string, string> = {}) =>
    a.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('without METRICS_TOKEN: only from loopback, and not through a proxy', async () => {
    const a = app();
    expect((await get(a, '203.0.113.5')).statusCode).toBe(403);
    expect((await get(a, '192.0.2.2')).statusCode).toBe(403);
    expect((await get(a, '127.0.0.1')).statusCode).toBe(200);
    expect((await get(a, '::1')).statusCode).toBe(200);
    expect((await get(a, '::ffff:127.0.0.1')).statusCode).toBe(200);
    expect((await get(a, '127.0.0.1', { 'x-forwarded-for': '203.0.113.5' })).statusCode).toBe(403);
    expect((await get(a, '127.0.0.1', { forwarded: 'for=203.0.113.5' })).statusCode).toBe(403);
    expect((await get(a, '127.0.0.1', { authorization: 'Bearer guess-guess-guess-guess' })).statusCode).toBe(401);
  });

  it('with METRICS_TOKEN: 401 off loopback without the right Bearer token, 200 with it', async () => {
    const a = app(TOKEN);
    const off = await get(a, '203.0.113.5');
    expect(off.statusCode).toBe(401);
    expect(off.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(off.body).not.toContain('yinling_');
    expect((await get(a, '203.0.113.5', { authorization: `Bearer ${TOKEN}x` })).statusCode).toBe(401);
    expect((await get(a, '203.0.113.5', { authorization: `Bearer ${TOKEN.slice(0, -1)}` })).statusCode).toBe(401);
    expect((await get(a, '203.0.113.5', { authorization: `Basic ${TOKEN}` })).statusCode).toBe(401);
    const ok = await get(a, '203.0.113.5', { authorization: `Bearer ${TOKEN}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('yinling_messages_in_flight');
    expect((await get(a, '127.0.0.1')).statusCode).toBe(200);
  });

  it('20,000 invented button names make no new series: the intent label stays a known intent or "other"', { timeout: 120_000 }, async () => {
    const platform = fakePlatform();
    const svc = await start({}, { channels: [platform.factory] });
    const deps = platform.deps();
    const press = (i: number): Incoming => {
      // A new user every 10 presses keeps the flood guard out of it: every press reaches the engine.
      const user = `u${Math.floor(i / 10)}`;
      return { platform: 'telegram', chat: user, user, button: `i:invented_${i}`, group: false, mention: true, staff: false, now: new Date() };
    };
    for (let i = 0; i < 20_000; i += 100) await Promise.all(Array.from({ length: 100 }, (_, k) => deps.handle(press(i + k))));
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    const series = text.split('\n').filter((l) => l.startsWith('yinling_messages_total{'));
    expect(series.length).toBeLessThanOrEqual(INTENT_IDS.length + 2);
    expect(text).not.toContain('invented_');
    const total = series.reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    expect(total).toBe(20_000);
  });
});

describe('Lark webhooks: signed, fresh and once', () => {
  const ENCRYPT_KEY = 'svc-encrypt-key';
  const TOKEN = 'svc-verification-token';
  const USER = 'ou_user000000000000000000000000001';
  const STAFF = 'ou_staff00000000000000000000000001';
  const P2P = 'oc_p2p0000000000000000000000000001';

  async function larkService(): Promise<{ svc: Service; fake: FakeLark; post: (body: string, headers: Record<string, string>) => Promise<number> }> {
    const fake = await startFakeLark();
    cleanups.push(() => fake.close());
    const svc = await start({
      LARK_APP_ID: 'cli_0123456789abcdef',
      LARK_APP_SECRET: 'secret',
      LARK_DOMAIN: fake.url,
      LARK_MODE: 'webhook',
      LARK_ENCRYPT_KEY: ENCRYPT_KEY,
      LARK_VERIFICATION_TOKEN: TOKEN,
      STAFF_IDS: `lark:${STAFF}`,
    });
    const deadline = Date.now() + 8000;
    while ((await fetch(`${svc.url}/readyz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error('lark channel not ready');
      await sleep(50);
    }
    const post = async (body: string, headers: Record<string, string>) =>
      (await fetch(`${svc.url}/webhooks/lark/events`, { method: 'POST', body, headers, signal: AbortSignal.timeout(5000) })).status;
    return { svc, fake, post };
  }

  it('npm start refuses webhook mode configured with the verification token only: exit 2, naming LARK_ENCRYPT_KEY', { timeout: 15_000 }, async () => {
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: tempDir(),
        PORT: '0',
        LARK_APP_ID: 'cli_0123456789abcdef',
        LARK_APP_SECRET: 'secret',
        LARK_MODE: 'webhook',
        LARK_VERIFICATION_TOKEN: TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('LARK_ENCRYPT_KEY');
  });

  it('unsigned, stale (1970, a month old) and replayed events are refused; a signed fresh one is answered once', { timeout: 20_000 }, async () => {
    const { fake, post } = await larkService();
    const body = JSON.stringify(messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' }, token: TOKEN }));
    const signedAt = (seconds: number) => {
      const ts = String(seconds);
      return {
        'content-type': 'application/json',
        'x-lark-request-timestamp': ts,
        'x-lark-request-nonce': 'n1',
        'x-lark-signature': larkSignature(ts, 'n1', ENCRYPT_KEY, body),
      };
    };
    const now = Math.floor(Date.now() / 1000);
    expect(await post(body, larkHeaders(body))).toBe(401); // unsigned
    expect(await post(body, larkHeaders(body, 'not-the-key'))).toBe(401);
    expect(await post(body, signedAt(0))).toBe(401); // 1970
    expect(await post(body, signedAt(now - 30 * 86_400))).toBe(401); // a month old
    await sleep(200);
    expect(fake.sent).toEqual([]);

    const fresh = larkHeaders(body, ENCRYPT_KEY);
    expect(await post(body, fresh)).toBe(200);
    await fake.waitForSent(1);
    // Played back: the same signed request, and the same event signed anew.
    expect(await post(body, fresh)).toBe(200);
    expect(await post(body, larkHeaders(body, ENCRYPT_KEY))).toBe(200);
    await sleep(300);
    expect(fake.sent).toHaveLength(1);
  });

  it('a forged old-style card callback (token-signed, claiming a staff operator) is refused and changes nothing', { timeout: 20_000 }, async () => {
    const { svc, fake } = await larkService();
    const family = browser(svc.url); // the web chat is off here: the case is made straight in the store
    expect((await family.chat({ text: '转人工' })).status).toBe(404);
    await svc.store.createCase({
      id: 'C20261121-0001',
      type: 'inquiry',
      status: 'open',
      chat: USER,
      user: `lark:${USER}`,
      createdAt: Date.now(),
      dueAt: null,
      assignee: null,
      fields: { topic: 'handoff', reason: 'handoff', region: null },
      history: [{ at: Date.now(), by: `lark:${USER}`, action: 'opened' }],
    });
    const legacy = JSON.stringify({
      open_id: STAFF,
      open_message_id: 'om_card_1',
      open_chat_id: P2P,
      token: 'c-forged',
      action: { value: { payload: 'k:claim:C20261121-0001', chat: STAFF }, tag: 'button' },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'x-lark-request-timestamp': ts,
      'x-lark-request-nonce': 'n',
      'x-lark-signature': larkCardSignature(ts, 'n', TOKEN, legacy),
    };
    const res = await fetch(`${svc.url}/webhooks/lark/cards`, { method: 'POST', body: legacy, headers });
    expect(res.status).toBe(401);
    // The same press as a real, signed card.action.trigger from a non-staff user is answered — and refused politely.
    const card = JSON.stringify(cardActionEvent({ operatorOpenId: USER, chatId: P2P, value: { payload: 'k:claim:C20261121-0001', chat: USER }, token: TOKEN }));
    expect((await fetch(`${svc.url}/webhooks/lark/cards`, { method: 'POST', body: card, headers: larkHeaders(card, ENCRYPT_KEY) })).status).toBe(200);
    await fake.waitForSent(1);
    expect((await svc.store.getCase('C20261121-0001'))?.status).toBe('open');
  });
});

describe('notices for web chat families', () => {
  it('a resolution by staff is shown when the web session next opens the page, also after a restart', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const platform = fakePlatform();
    const env = { DATA_DIR: dataDir, STAFF_IDS: 'telegram:900', WEB_CHAT: 'on' };
    const first = await startService(env, { port: 0, logger: silent, channels: [platform.factory] });
    const family = browser(first.url);
    const filed = await family.chat({ text: '转人工' });
    const id = filed.out.cases[0]?.id ?? '';
    expect(id).toMatch(/^C\d{8}-\d{4}$/);
    await staffSays(platform.deps(), `/claim ${id}`);
    const resolved = await staffSays(platform.deps(), `/resolve ${id} 已电话联系，问题已解答`);
    expect(textOf(resolved)).toContain(id);
    await first.close(); // the notice is in the store, not in memory

    const second = await start(env, { channels: [fakePlatform().factory] });
    const back = browser(second.url, { cookie: family.cookie ?? '' });
    const shown = await back.notices();
    expect(shown.status).toBe(200);
    expect(shown.texts).toHaveLength(1);
    expect(shown.texts[0]).toContain(tr.t('web-notice-intro'));
    expect(shown.texts[0]).toContain(id);
    expect(shown.texts[0]).toContain('已电话联系');
    // Shown once.
    expect((await back.notices()).texts).toEqual([]);
    // Nobody else sees it.
    expect((await browser(second.url).notices()).texts).toEqual([]);
  });

  it('a notice kept while the page is open comes with the next answer', { timeout: 30_000 }, async () => {
    const platform = fakePlatform();
    const svc = await start({ STAFF_IDS: 'telegram:900', WEB_CHAT: 'on' }, { channels: [platform.factory] });
    const family = browser(svc.url);
    const id = (await family.chat({ text: '转人工' })).out.cases[0]?.id ?? '';
    await staffSays(platform.deps(), `/reject ${id} 请携带材料到社区办理`);
    await sleep(100);
    const next = await family.chat({ text: '你好' });
    expect(next.out.replies[0]?.text).toContain('请携带材料到社区办理');
    expect(next.out.replies.length).toBeGreaterThan(1); // and the answer to 你好 after it
  });
});
