import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelDeps, WebhookRoute } from '../../src/channels/types.ts';
import type { Outgoing } from '../../src/chat/index.ts';
import { ConfigurationError, type Service, type ServiceOptions, startService } from '../../src/service.ts';
import { freePort } from '../support/free-port.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const QUESTION = '自付一万二能拿多少大病慰问';

const silent = pino({ level: 'silent' });
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yinling-service-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A service on a free port with its own embedded store; always closed after the test. */
async function start(options: ServiceOptions = {}, env: NodeJS.ProcessEnv = {}): Promise<Service> {
  const service = await startService({ DATA_DIR: tempDir(), ...env }, { port: 0, host: '127.0.0.1', logger: silent, ...options });
  cleanups.push(() => service.close());
  return service;
}

/** A browser-like client keeping the session cookie. */
function client(base: string) {
  let cookie: string | null = null;
  return {
    get cookie() {
      return cookie;
    },
    async chat(
      body: unknown,
      init: { raw?: string; headers?: Record<string, string> } = {},
    ): Promise<{ status: number; json: unknown; setCookie: string | null }> {
      const res = await fetch(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...init.headers },
        body: init.raw ?? JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0] ?? null;
      return { status: res.status, json: await res.json(), setCookie };
    },
  };
}

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) });

/** True when the port can be bound again (the service released it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

interface FakeChannel extends Channel {
  connectedNow: boolean;
  deps: ChannelDeps | null;
  started: number;
  stopped: number;
}

function fakeChannel(init: { connected?: boolean; failStarts?: number; webhooks?: (deps: () => ChannelDeps) => WebhookRoute[] } = {}): {
  channel: FakeChannel;
  factory: (deps: ChannelDeps) => Channel;
} {
  let failures = init.failStarts ?? 0;
  const channel: FakeChannel = {
    name: 'telegram',
    connectedNow: init.connected ?? true,
    deps: null,
    started: 0,
    stopped: 0,
    async start() {
      channel.started++;
      if (failures > 0) {
        failures--;
        throw new Error('fake: platform unreachable');
      }
    },
    async stop() {
      channel.stopped++;
    },
    connected: () => channel.connectedNow,
    async push() {},
    ...(init.webhooks ? { webhooks: init.webhooks(() => channel.deps as ChannelDeps) } : {}),
  };
  return {
    channel,
    factory: (deps) => {
      channel.deps = deps;
      return channel;
    },
  };
}

describe('service: HTTP', () => {
  it('serves /healthz and /readyz (embedded store) and the web page with its security headers', { timeout: 15_000 }, async () => {
    const svc = await start();
    const health = await get(`${svc.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await get(`${svc.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: { kind: 'sqlite', ok: true }, channels: {} });

    const page = await get(`${svc.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^yl_sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const html = await page.text();
    expect(html).toContain('银龄助手');
    expect(html).not.toMatch(/<script>[^<]/); // no inline script: the CSP would block it
    for (const asset of ['/app.js', '/app.css']) expect((await get(`${svc.url}${asset}`)).status).toBe(200);
  });

  it('answers the web chat through the engine, one session per cookie, and counts it in /metrics', { timeout: 15_000 }, async () => {
    const svc = await start();
    const browser = client(svc.url);

    const first = await browser.chat({ text: QUESTION });
    expect(first.status).toBe(200);
    expect(first.setCookie).toContain('HttpOnly');
    const asked = first.json as Outgoing;
    expect(asked.intent).toBe('serious_illness_consolation');
    expect(asked.replies[0]?.text).toMatch(/区/);
    expect(asked.replies[0]?.buttons?.map((b) => b.payload)).toContain('s:region:西湖区');
    // The session id stays in the HttpOnly cookie; the page sees its own chat as "me".
    expect(asked.chat).toBe('me');
    expect(JSON.stringify(asked)).not.toContain(browser.cookie?.split('=')[1] ?? '-');

    const answered = await browser.chat({ button: 's:region:西湖区' });
    expect(answered.status).toBe(200);
    expect(answered.setCookie).toBeNull(); // same session, no new cookie
    expect((answered.json as Outgoing).replies.map((r) => r.text).join('\n')).toContain('最高不超过2500元');

    // Another browser has its own session: the district alone means nothing there.
    const other = await client(svc.url).chat({ button: 's:region:西湖区' });
    expect(other.status).toBe(200);
    expect((other.json as Outgoing).replies.map((r) => r.text).join('\n')).not.toContain('2500');

    const metrics = await get(`${svc.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^yinling_messages_total\{platform="web",intent="serious_illness_consolation"\} 2$/m);
    expect(text).toMatch(/^yinling_message_duration_seconds_bucket\{le="0\.005",platform="web"\} \d+$/m);
    expect(text).toMatch(/^yinling_errors_total\{stage="engine"\} 0$/m);
    expect(text).toMatch(/^yinling_cases\{status="open"\} 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('refuses bad chat bodies with 400 and JSON, never a crash', { timeout: 15_000 }, async () => {
    const svc = await start();
    const browser = client(svc.url);
    const bad = [
      { raw: '{"text": "没有结尾' },
      { raw: '"just a string"' },
      { raw: '{}' },
      { raw: JSON.stringify({ text: '   ' }) },
      { raw: JSON.stringify({ text: 12 }) },
      { raw: JSON.stringify({ text: '你好', button: 'y' }) },
      { raw: JSON.stringify({ text: '你好', admin: true }) },
      { raw: JSON.stringify({ text: 'a'.repeat(10 * 1024 + 1) }) },
      { raw: JSON.stringify({ button: 'x'.repeat(201) }) },
    ];
    for (const body of bad) {
      const res = await browser.chat(null, body);
      expect(res.status, body.raw.slice(0, 40)).toBe(400);
      expect(res.json).toHaveProperty('error');
    }
    // Text as text/plain (what a cross-site form can send) is not a chat body either.
    expect((await browser.chat(null, { raw: QUESTION, headers: { 'content-type': 'text/plain' } })).status).toBe(400);
    // A page on another site cannot post for the user.
    expect((await browser.chat({ text: QUESTION }, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    // Exactly 10 KB is accepted (the engine cuts it further).
    expect((await browser.chat({ text: '好'.repeat(10 * 1024) })).status).toBe(200);
    // Still alive.
    expect((await get(`${svc.url}/healthz`)).status).toBe(200);
    expect(await (await get(`${svc.url}/nope`)).json()).toEqual({ error: 'not_found' });
  });

  it('mounts channel webhooks with the raw body and headers passed through', { timeout: 15_000 }, async () => {
    const seen: { headers: Readonly<Record<string, string | undefined>>; body: string }[] = [];
    const { factory } = fakeChannel({
      webhooks: () => [
        {
          method: 'POST',
          path: '/webhooks/telegram',
          async handle(request) {
            seen.push(request);
            return { status: 200, body: '{"ok":true}' };
          },
        },
        {
          method: 'POST',
          path: '/webhooks/lark/events',
          async handle() {
            throw new Error('boom');
          },
        },
      ],
    });
    const svc = await start({ channels: [factory] });
    const raw = '{ "update_id": 1,\n  "message": {"text": "你好"} }';
    const res = await fetch(`${svc.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 's3cret' },
      body: raw,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toBe(raw); // byte for byte, not re-serialised
    expect(seen[0]?.headers['x-telegram-bot-api-secret-token']).toBe('s3cret');

    const failing = await fetch(`${svc.url}/webhooks/lark/events`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(failing.status).toBe(500);
    expect(await (await get(`${svc.url}/metrics`)).text()).toMatch(/^yinling_errors_total\{stage="webhook"\} 1$/m);
    // Not mounted when no channel serves it.
    expect((await fetch(`${svc.url}/webhooks/lark/cards`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('service: readiness', () => {
  it('is not ready (503, saying which part) when the store is closed', { timeout: 15_000 }, async () => {
    const svc = await start();
    expect((await get(`${svc.url}/readyz`)).status).toBe(200);
    await svc.store.close();
    const res = await get(`${svc.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not_ready', store: { ok: false }, notReady: ['store'] });
    expect((await get(`${svc.url}/healthz`)).status).toBe(200);
  });

  it('is not ready while a configured channel is not connected', { timeout: 15_000 }, async () => {
    const { channel, factory } = fakeChannel({ connected: false });
    const svc = await start({ channels: [factory] });
    expect(channel.started).toBe(1);
    expect(channel.deps?.staffIds).toBeInstanceOf(Set);
    const res = await get(`${svc.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not_ready', store: { ok: true }, channels: { telegram: false }, notReady: ['channel:telegram'] });
    channel.connectedNow = true;
    expect((await get(`${svc.url}/readyz`)).status).toBe(200);
    await svc.close();
    expect(channel.stopped).toBe(1);
  });

  it('keeps serving when a channel fails to start, reports it, and retries', { timeout: 15_000 }, async () => {
    const { channel, factory } = fakeChannel({ failStarts: 1 });
    channel.connected = () => channel.started > 1;
    const svc = await start({ channels: [factory] });
    expect((await get(`${svc.url}/readyz`)).status).toBe(503);
    expect(await (await get(`${svc.url}/metrics`)).text()).toMatch(/^yinling_errors_total\{stage="channel_start"\} 1$/m);
    const deadline = Date.now() + 8000;
    while ((await get(`${svc.url}/readyz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error('channel was not retried');
      await sleep(100);
    }
    expect(channel.started).toBe(2);
  });
});

describe('service: configuration and shutdown', () => {
  it('rejects a bad configuration, naming the variable', { timeout: 15_000 }, async () => {
    const attempt = startService({ DATA_DIR: tempDir(), PORT: 'notaport' }, { logger: silent });
    await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
    await expect(attempt).rejects.toThrow(/PORT/);
    await expect(startService({ LARK_APP_ID: 'cli_x' }, { logger: silent })).rejects.toThrow(/LARK_APP_SECRET/);
  });

  it('npm start (src/main.ts) exits 2 on a bad configuration and names the variable on stderr', { timeout: 15_000 }, async () => {
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: 'notaport', DATA_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/Configuration error/);
    expect(stderr).toMatch(/PORT/);
  });

  it('close() waits for messages in flight, closes the store, releases the port, and is idempotent', { timeout: 15_000 }, async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const { channel, factory } = fakeChannel({
      webhooks: (deps) => [
        {
          method: 'POST',
          path: '/webhooks/telegram',
          async handle() {
            entered();
            await gate;
            const out = await deps().handle({
              platform: 'telegram',
              chat: 'c1',
              user: 'u1',
              text: QUESTION,
              group: false,
              mention: false,
              staff: false,
              now: new Date(),
            });
            return { status: 200, body: JSON.stringify(out) };
          },
        },
      ],
    });
    const svc = await start({ channels: [factory] });
    const port = svc.port;
    const request = fetch(`${svc.url}/webhooks/telegram`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(10_000) });
    await inHandler;

    let closed = false;
    const closing = svc.close().then(() => (closed = true));
    await sleep(200);
    expect(closed).toBe(false); // still answering
    expect(svc.close()).toBe(svc.close()); // idempotent: the same shutdown
    release();

    const res = await request;
    expect(res.status).toBe(200);
    expect(((await res.json()) as Outgoing).intent).toBe('serious_illness_consolation'); // the store was still open
    await closing;
    expect(channel.stopped).toBe(1);
    expect(await svc.store.ping()).toBe(false);
    expect(await portIsFree(port)).toBe(true);
    await expect(fetch(`${svc.url}/healthz`)).rejects.toThrow();
    await svc.close(); // again: nothing happens
  });

  it('npm start shuts down on SIGTERM with exit 0 and releases its port', { timeout: 15_000 }, async () => {
    const port = await freePort();
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: tempDir(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));

    const deadline = Date.now() + 10_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`service did not become ready:\n${stderr}`);
      await sleep(50);
    }
    expect(stderr).toContain('TELEGRAM_BOT_TOKEN'); // the hint on how to configure a platform
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('service stopped');
    expect(await portIsFree(port)).toBe(true);
  });
});

/** A fake Telegram Bot API: answers every method, records sendMessage. */
async function fakeBotApi(): Promise<{ root: string; calls: { method: string; body: Record<string, unknown> }[]; close(): Promise<void> }> {
  const calls: { method: string; body: Record<string, unknown> }[] = [];
  const server = createHttpServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      calls.push({ method, body });
      const result =
        method === 'getMe'
          ? { id: 42, is_bot: true, first_name: '银龄助手', username: 'yinling_test_bot' }
          : method === 'sendMessage'
            ? { message_id: calls.length, date: 0, chat: { id: Number(body.chat_id), type: 'private' }, text: String(body.text ?? '') }
            : true;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    root: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('service: composition with a real chat channel', () => {
  it('Telegram in webhook mode: loaded when configured, its webhook mounted, answers through the engine', { timeout: 15_000 }, async () => {
    const api = await fakeBotApi();
    cleanups.push(() => api.close());
    const svc = await start(
      {},
      {
        TELEGRAM_BOT_TOKEN: '123456:TEST',
        TELEGRAM_API_ROOT: api.root,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example/webhooks/telegram',
        TELEGRAM_WEBHOOK_SECRET: 'hook-secret',
      },
    );
    expect(svc.channels.map((c) => c.name)).toEqual(['telegram']);
    const deadline = Date.now() + 8000;
    while ((await get(`${svc.url}/readyz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`not ready: ${JSON.stringify(await (await get(`${svc.url}/readyz`)).json())}`);
      await sleep(50);
    }
    expect(api.calls.find((c) => c.method === 'setWebhook')?.body).toMatchObject({ url: 'https://bot.example/webhooks/telegram', secret_token: 'hook-secret' });

    const update = {
      update_id: 1001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 555, type: 'private' },
        from: { id: 555, is_bot: false, first_name: '张' },
        text: QUESTION,
      },
    };
    const post = (secret: string) =>
      fetch(`${svc.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      });
    expect((await post('wrong')).status).toBe(401);
    expect((await post('hook-secret')).status).toBe(200);

    while (!api.calls.some((c) => c.method === 'sendMessage')) {
      if (Date.now() > deadline) throw new Error('no sendMessage');
      await sleep(25);
    }
    const sent = api.calls.find((c) => c.method === 'sendMessage')?.body ?? {};
    expect(Number(sent.chat_id)).toBe(555);
    expect(String(sent.text)).toMatch(/区/);
    expect(JSON.stringify(sent.reply_markup)).toContain('s:region:西湖区');
    expect(await (await get(`${svc.url}/metrics`)).text()).toMatch(/^yinling_messages_total\{platform="telegram",intent="serious_illness_consolation"\} 1$/m);
  });
});
