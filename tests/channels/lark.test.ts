import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLarkChannel, type LarkChannel, type LarkChannelConfig, MAX_TEXT } from '../../src/channels/lark.ts';
import type { WebhookRoute } from '../../src/channels/types.ts';
import type { Incoming, Outgoing, Reply } from '../../src/chat/index.ts';
import {
  cardActionEvent,
  type FakeLark,
  larkCardSignature,
  larkEncrypt,
  larkHeaders,
  larkSignature,
  messageEvent,
  startFakeLark,
  WRONG_SECRET,
} from '../support/fake-lark.ts';

const APP_ID = 'cli_0123456789abcdef';
const ENCRYPT_KEY = 'test-encrypt-key';
const TOKEN = 'test-verification-token';
const NOW = new Date('2026-11-21T10:00:00+08:00');
const USER = 'ou_user000000000000000000000000001';
const STAFF = 'ou_staff00000000000000000000000001';
const GROUP = 'oc_group00000000000000000000000001';
const P2P = 'oc_p2p0000000000000000000000000001';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Mounts the channel's routes on a real HTTP server, as the service does. */
async function mount(routes: readonly WebhookRoute[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const route = routes.find((r) => r.method === req.method && r.path === req.url);
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const out = await route.handle({ headers: req.headers as Record<string, string | undefined>, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(out.status, out.headers ?? {}).end(out.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const quiet = (incoming: Incoming): Outgoing => ({ chat: incoming.chat, intent: null, replies: [], cases: [] });
const answer = (incoming: Incoming, ...replies: Reply[]): Outgoing => ({ chat: incoming.chat, intent: 'greeting', replies, cases: [] });

interface Setup {
  fake: FakeLark;
  channel: LarkChannel;
  calls: Incoming[];
  logs: string[];
  /** POSTs a body (an object is serialized) to a route, with Lark's headers (signed when the channel has a key). */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown; ms: number }>;
  waitForCalls(n: number, timeoutMs?: number): Promise<Incoming[]>;
}

async function setup(
  options: {
    config?: Partial<LarkChannelConfig>;
    respond?: (incoming: Incoming) => Outgoing | Promise<Outgoing>;
    staff?: string[];
    start?: boolean;
    fake?: Parameters<typeof startFakeLark>[0];
  } = {},
): Promise<Setup> {
  const fake = await startFakeLark(options.fake);
  const calls: Incoming[] = [];
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const config: LarkChannelConfig = {
    appId: APP_ID,
    appSecret: 'secret',
    domain: fake.url,
    mode: 'webhook',
    encryptKey: ENCRYPT_KEY,
    verificationToken: TOKEN,
    ...options.config,
  };
  const respond = options.respond ?? quiet;
  const channel = createLarkChannel(config, {
    handle: async (incoming) => {
      calls.push(incoming);
      return respond(incoming);
    },
    logger,
    staffIds: new Set(options.staff ?? []),
    now: () => NOW,
  });
  const server = await mount(channel.webhooks ?? []);
  cleanups.push(async () => {
    await channel.stop();
    await server.close();
    await fake.close();
  });
  if (options.start !== false) await channel.start();

  return {
    fake,
    channel,
    calls,
    logs,
    async post(path, body, headers) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const started = Date.now();
      const res = await fetch(`${server.url}${path}`, { method: 'POST', body: text, headers: headers ?? larkHeaders(text, config.encryptKey) });
      const raw = await res.text();
      return { status: res.status, json: raw ? (JSON.parse(raw) as unknown) : undefined, ms: Date.now() - started };
    },
    async waitForCalls(n, timeoutMs = 2000) {
      const until = Date.now() + timeoutMs;
      while (calls.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} handle calls, got ${calls.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return calls;
    },
  };
}

/** Gives queued work a moment to (not) happen. */
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

const content = (s: { content: string }) => JSON.parse(s.content) as Record<string, unknown>;

describe('lark channel: webhook requests', () => {
  it('answers the url_verification challenge, plain and encrypted, and refuses a wrong token', async () => {
    const t = await setup({ config: { encryptKey: ENCRYPT_KEY } });
    const plain = await t.post('/webhooks/lark/events', { challenge: 'ch-123', token: TOKEN, type: 'url_verification' });
    expect(plain).toMatchObject({ status: 200, json: { challenge: 'ch-123' } });

    const encrypted = { encrypt: larkEncrypt(ENCRYPT_KEY, JSON.stringify({ challenge: 'ch-456', token: TOKEN, type: 'url_verification' })) };
    expect(await t.post('/webhooks/lark/cards', encrypted)).toMatchObject({ status: 200, json: { challenge: 'ch-456' } });

    const forged = await t.post('/webhooks/lark/events', { challenge: 'ch-789', token: 'not-the-token', type: 'url_verification' });
    expect(forged.status).toBe(401);
    expect(JSON.stringify(forged.json)).not.toContain('ch-789');
  });

  it('a private text message becomes an Incoming, and its reply a text message to the user', async () => {
    const t = await setup({ respond: (i) => answer(i, { chat: i.chat, text: '您好，我是银龄助手。' }) });
    const event = messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' }, messageId: 'om_p2p_1', token: TOKEN });
    const res = await t.post('/webhooks/lark/events', event);
    expect(res.status).toBe(200);

    const [incoming] = await t.waitForCalls(1);
    expect(incoming).toEqual({
      platform: 'lark',
      chat: USER, // a private chat is the user's open_id, where the engine also sends private replies
      user: USER,
      text: '你好',
      group: false,
      mention: false,
      staff: false,
      messageId: 'om_p2p_1',
      now: NOW,
    });
    const [sent] = await t.fake.waitForSent(1);
    expect(sent).toMatchObject({ kind: 'create', receive_id_type: 'open_id', receive_id: USER, msg_type: 'text' });
    expect(content(sent!)).toEqual({ text: '您好，我是银龄助手。' });
    expect(sent?.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a group message mentioning the bot: mention is set, the placeholder stripped, and the reply quotes the message', async () => {
    const t = await setup({ staff: [STAFF], respond: (i) => answer(i, { chat: i.chat, text: '请问您是哪个区的？' }) });
    const event = messageEvent({
      chatId: GROUP,
      chatType: 'group',
      senderOpenId: STAFF,
      messageId: 'om_group_1',
      content: { text: '@_user_1 大病慰问怎么申请' },
      mentions: [{ key: '@_user_1', openId: t.fake.botOpenId, name: '银龄助手' }],
      token: TOKEN,
    });
    expect((await t.post('/webhooks/lark/events', event)).status).toBe(200);
    const [incoming] = await t.waitForCalls(1);
    expect(incoming).toMatchObject({ chat: GROUP, user: STAFF, text: '大病慰问怎么申请', group: true, mention: true, staff: true, messageId: 'om_group_1' });

    const [sent] = await t.fake.waitForSent(1);
    expect(sent).toMatchObject({ kind: 'reply', reply_to: 'om_group_1', msg_type: 'text' });
    expect(content(sent!)).toEqual({ text: '请问您是哪个区的？' });
  });

  it('a group message without the bot mentioned (or mentioning someone else) has mention false; no reply when the engine stays out', async () => {
    const t = await setup();
    const other = 'ou_other0000000000000000000000001';
    await t.post(
      '/webhooks/lark/events',
      messageEvent({ chatId: GROUP, chatType: 'group', senderOpenId: USER, content: { text: '今天天气不错' }, token: TOKEN }),
    );
    await t.post(
      '/webhooks/lark/events',
      messageEvent({
        chatId: GROUP,
        chatType: 'group',
        senderOpenId: USER,
        content: { text: '@_user_1 你去问问' },
        mentions: [{ key: '@_user_1', openId: other, name: '老王' }],
        token: TOKEN,
      }),
    );
    const calls = await t.waitForCalls(2);
    expect(calls.map((c) => [c.group, c.mention, c.text])).toEqual([
      [true, false, '今天天气不错'],
      [true, false, '你去问问'],
    ]);
    await settle();
    expect(t.fake.sent).toEqual([]);
  });

  it('an encrypted event with a valid signature is decrypted and processed', async () => {
    const t = await setup({ config: { encryptKey: ENCRYPT_KEY }, respond: (i) => answer(i, { chat: i.chat, text: '收到' }) });
    const event = messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '住院慰问' }, token: TOKEN });
    const body = JSON.stringify({ encrypt: larkEncrypt(ENCRYPT_KEY, JSON.stringify(event)) });
    const res = await t.post('/webhooks/lark/events', body);
    expect(res.status).toBe(200);
    const [incoming] = await t.waitForCalls(1);
    expect(incoming).toMatchObject({ chat: USER, text: '住院慰问' });
    await t.fake.waitForSent(1);
  });

  it('a wrong or missing signature gets 401 and nothing is processed', async () => {
    const t = await setup({ config: { encryptKey: ENCRYPT_KEY } });
    const event = messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' }, token: TOKEN });
    const body = JSON.stringify({ encrypt: larkEncrypt(ENCRYPT_KEY, JSON.stringify(event)) });

    const signedByOther = larkHeaders(body, 'another-key');
    expect((await t.post('/webhooks/lark/events', body, signedByOther)).status).toBe(401);
    const tampered = { ...larkHeaders(body, ENCRYPT_KEY), 'x-lark-request-nonce': 'replayed-nonce' };
    expect((await t.post('/webhooks/lark/events', body, tampered)).status).toBe(401);
    const unsigned = larkHeaders(body);
    expect((await t.post('/webhooks/lark/events', body, unsigned)).status).toBe(401);
    // Plain (unencrypted) bodies are checked just the same when there is a key.
    const plain = JSON.stringify(event);
    expect((await t.post('/webhooks/lark/events', plain, larkHeaders(plain, 'another-key'))).status).toBe(401);

    await settle();
    expect(t.calls).toEqual([]);
    expect(t.logs.join('\n')).toContain('bad signature');
  });

  it('a wrong verification token gets 401 and nothing is processed', async () => {
    const t = await setup();
    const event = messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' }, token: 'not-the-token' });
    expect((await t.post('/webhooks/lark/events', event)).status).toBe(401);
    const missing = messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' } });
    expect((await t.post('/webhooks/lark/events', missing)).status).toBe(401);
    await settle();
    expect(t.calls).toEqual([]);
  });

  it('the same event delivered twice (webhook retry, or again over the long connection) is processed once', async () => {
    const t = await setup({ respond: (i) => answer(i, { chat: i.chat, text: '好的' }) });
    const event = messageEvent({
      eventId: 'ev_dup_1',
      messageId: 'om_dup_1',
      chatId: P2P,
      chatType: 'p2p',
      senderOpenId: USER,
      content: { text: '体检' },
      token: TOKEN,
    });
    expect((await t.post('/webhooks/lark/events', event)).status).toBe(200);
    expect((await t.post('/webhooks/lark/events', event)).status).toBe(200);
    await t.channel.dispatch(event);
    // A redelivery under a new event id is still the same message.
    await t.channel.dispatch({ ...event, header: { ...(event.header as object), event_id: 'ev_dup_2' } });
    await t.waitForCalls(1);
    await settle();
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]?.messageId).toBe('om_dup_1');
    expect(t.fake.sent).toHaveLength(1);
  });

  it('a reply with buttons becomes an interactive card whose buttons carry the payloads', async () => {
    const t = await setup({
      respond: (i) =>
        answer(i, {
          chat: i.chat,
          text: '请问您是哪个区的？',
          buttons: [
            { label: '西湖区', payload: 's:region:西湖区' },
            { label: '取消', payload: 'x' },
          ],
        }),
    });
    await t.post('/webhooks/lark/events', messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '大病慰问' }, token: TOKEN }));
    const [sent] = await t.fake.waitForSent(1);
    expect(sent).toMatchObject({ kind: 'create', receive_id_type: 'open_id', receive_id: USER, msg_type: 'interactive' });
    const card = content(sent!) as {
      elements: { tag: string; text?: { tag: string; content: string }; actions?: { tag: string; text: { content: string }; value: unknown }[] }[];
    };
    const div = card.elements.find((e) => e.tag === 'div');
    expect(div?.text).toEqual({ tag: 'plain_text', content: '请问您是哪个区的？' });
    const buttons = card.elements.flatMap((e) => e.actions ?? []);
    expect(buttons.map((b) => [b.tag, b.text.content, b.value])).toEqual([
      ['button', '西湖区', { payload: 's:region:西湖区', chat: USER }],
      ['button', '取消', { payload: 'x', chat: USER }],
    ]);
  });

  it('a card action becomes a button press from the operator, in the chat the card went to', async () => {
    const t = await setup({ staff: [STAFF], respond: (i) => answer(i, { chat: i.chat, text: '已认领' }) });
    const press = cardActionEvent({
      eventId: 'ev_card_1',
      operatorOpenId: STAFF,
      chatId: GROUP,
      messageId: 'om_card_1',
      value: { payload: 'k:claim:C20261121-0001', chat: GROUP },
      token: TOKEN,
    });
    const res = await t.post('/webhooks/lark/cards', press);
    expect(res).toMatchObject({ status: 200, json: {} });
    const [incoming] = await t.waitForCalls(1);
    expect(incoming).toEqual({
      platform: 'lark',
      chat: GROUP,
      user: STAFF,
      button: 'k:claim:C20261121-0001',
      group: true,
      mention: true,
      staff: true,
      messageId: 'ev_card_1',
      now: NOW,
    });
    const [sent] = await t.fake.waitForSent(1);
    expect(sent).toMatchObject({ kind: 'reply', reply_to: 'om_card_1' });

    // A card sent to the user's private chat continues there.
    await t.post('/webhooks/lark/cards', cardActionEvent({ operatorOpenId: USER, chatId: P2P, value: { payload: 'y', chat: USER }, token: TOKEN }));
    // A card whose chat names someone else (forwarded) falls back to the chat it was pressed in.
    await t.post('/webhooks/lark/cards', cardActionEvent({ operatorOpenId: USER, chatId: GROUP, value: { payload: 'n', chat: STAFF }, token: TOKEN }));
    const calls = await t.waitForCalls(3);
    expect(calls.slice(1).map((c) => [c.chat, c.user, c.button, c.group, c.staff])).toEqual([
      [USER, USER, 'y', false, false],
      [GROUP, USER, 'n', true, false],
    ]);
    const sends = await t.fake.waitForSent(3);
    expect(sends[1]).toMatchObject({ kind: 'create', receive_id_type: 'open_id', receive_id: USER });
  });

  it('an old-style card callback is refused, even with its correct token signature; so is one that claims a staff operator', async () => {
    const t = await setup({ staff: [STAFF] });
    const legacy = (operator: string) =>
      JSON.stringify({
        open_id: operator,
        user_id: 'u1',
        open_message_id: 'om_card_legacy',
        open_chat_id: GROUP,
        tenant_key: 'tenant-fake',
        token: `c-legacy-${operator}`,
        action: { value: { payload: 'k:claim:C20261121-0001', chat: GROUP }, tag: 'button' },
      });
    const ts = String(Math.floor(Date.now() / 1000));
    for (const body of [legacy(USER), legacy(STAFF)]) {
      const tokenSigned = {
        'content-type': 'application/json',
        'x-lark-request-timestamp': ts,
        'x-lark-request-nonce': 'n1',
        'x-lark-signature': larkCardSignature(ts, 'n1', TOKEN, body),
      };
      expect((await t.post('/webhooks/lark/cards', body, tokenSigned)).status).toBe(401);
      // Signed with the encrypt key it is still the old shape, which this adapter does not take.
      expect((await t.post('/webhooks/lark/cards', body)).status).toBe(401);
    }
    await settle();
    expect(t.calls).toEqual([]);
    expect(t.logs.join('\n')).toContain('old-style card callback');
  });

  it('a request whose timestamp is missing, from 1970, a month old or 6 minutes ahead is refused, even correctly signed', async () => {
    const t = await setup();
    const body = JSON.stringify(messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' }, token: TOKEN }));
    const at = (seconds: number | string) => {
      const timestamp = String(seconds);
      return {
        'content-type': 'application/json',
        'x-lark-request-timestamp': timestamp,
        'x-lark-request-nonce': 'n',
        'x-lark-signature': larkSignature(timestamp, 'n', ENCRYPT_KEY, body),
      };
    };
    const nowS = Math.floor(Date.now() / 1000);
    for (const ts of [0, 1, nowS - 30 * 86_400, nowS - 6 * 60, nowS + 6 * 60, '', 'yesterday']) {
      expect((await t.post('/webhooks/lark/events', body, at(ts))).status, String(ts)).toBe(401);
    }
    await settle();
    expect(t.calls).toEqual([]);
    // Four minutes late is within the window.
    expect((await t.post('/webhooks/lark/events', body, at(nowS - 4 * 60))).status).toBe(200);
    await t.waitForCalls(1);
  });

  it('the same signed request played back again is answered once', async () => {
    const t = await setup({ respond: (i) => answer(i, { chat: i.chat, text: '好的' }) });
    const body = JSON.stringify(messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '体检' }, token: TOKEN }));
    const headers = larkHeaders(body, ENCRYPT_KEY);
    for (let i = 0; i < 5; i++) expect((await t.post('/webhooks/lark/events', body, headers)).status).toBe(200);
    await t.waitForCalls(1);
    await settle();
    expect(t.calls).toHaveLength(1);
  });

  it('refuses to be built in webhook mode without the encrypt key', async () => {
    const make = () =>
      createLarkChannel(
        { appId: APP_ID, appSecret: 'secret', mode: 'webhook', verificationToken: TOKEN },
        { handle: async (i) => quiet(i), logger: pino({ level: 'silent' }), staffIds: new Set() },
      );
    expect(make).toThrow(/encryptKey/);
  });

  it('a reply to the user open_id (moving a group dialog to private) is created with receive_id_type open_id', async () => {
    const t = await setup({
      respond: (i) => answer(i, { chat: i.chat, text: '涉及个人信息，我私信您。' }, { chat: i.user, text: '请告诉我您的身份证号。' }),
    });
    const event = messageEvent({
      chatId: GROUP,
      chatType: 'group',
      senderOpenId: USER,
      messageId: 'om_group_move',
      content: { text: '@_user_1 我父亲去世了' },
      mentions: [{ key: '@_user_1', openId: t.fake.botOpenId, name: '银龄助手' }],
      token: TOKEN,
    });
    await t.post('/webhooks/lark/events', event);
    const sent = await t.fake.waitForSent(2);
    expect(sent[0]).toMatchObject({ kind: 'reply', reply_to: 'om_group_move' });
    expect(sent[1]).toMatchObject({ kind: 'create', receive_id_type: 'open_id', receive_id: USER, msg_type: 'text' });
  });

  it('the route answers at once while a slow handle runs, and stop() waits for it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const t = await setup({
      respond: async (i) => {
        await Promise.race([gate, new Promise((r) => setTimeout(r, 3500))]);
        finished = true;
        return answer(i, { chat: i.chat, text: '久等了' });
      },
    });
    const res = await t.post(
      '/webhooks/lark/events',
      messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' }, token: TOKEN }),
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await t.waitForCalls(1);
    expect(finished).toBe(false);

    let stopped = false;
    const stopping = t.channel.stop().then(() => (stopped = true));
    await settle(200);
    expect(stopped).toBe(false);
    expect(t.channel.connected()).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(t.fake.sent).toHaveLength(1);
    // Stopped: no more updates are taken; Lark is told to retry later.
    const after = await t.post(
      '/webhooks/lark/events',
      messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '还在吗' }, token: TOKEN }),
    );
    expect(after.status).toBe(503);
    expect(t.calls).toHaveLength(1);
  });

  it('images, voice, stickers and files arrive as media; rich text as text; messages from other bots are ignored', async () => {
    const t = await setup();
    const send = (messageType: string, body: Record<string, unknown>, senderType?: string) =>
      t.post(
        '/webhooks/lark/events',
        messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, messageType, content: body, token: TOKEN, ...(senderType ? { senderType } : {}) }),
      );
    await send('image', { image_key: 'img_1' });
    await send('audio', { file_key: 'file_1', duration: 2000 });
    await send('sticker', { file_key: 'sticker_1' });
    await send('file', { file_key: 'file_2', file_name: 'a.pdf' });
    await send('post', {
      title: '',
      content: [
        [
          { tag: 'at', user_id: '@_user_1' },
          { tag: 'text', text: ' 节日慰问' },
        ],
        [{ tag: 'text', text: '发多少' }],
      ],
    });
    await send('text', { text: '机器人的话' }, 'app');
    const calls = await t.waitForCalls(5);
    await settle();
    expect(calls.map((c) => c.media ?? c.text)).toEqual(['photo', 'voice', 'sticker', 'file', '节日慰问\n发多少']);
  });

  it('push sends to a chat or a user; a staff announcement with claim buttons is a card', async () => {
    const t = await setup();
    await t.channel.push({
      chat: 'oc_staff0000000000000000000000001',
      text: '新案件 C20261121-0001 大病慰问',
      buttons: [{ label: '认领', payload: 'k:claim:C20261121-0001' }],
    });
    await t.channel.push({ chat: USER, text: '您的案件已有工作人员认领。' });
    const sent = await t.fake.waitForSent(2);
    expect(sent[0]).toMatchObject({ kind: 'create', receive_id_type: 'chat_id', receive_id: 'oc_staff0000000000000000000000001', msg_type: 'interactive' });
    expect(sent[0]?.content).toContain('"payload":"k:claim:C20261121-0001"');
    expect(sent[1]).toMatchObject({ kind: 'create', receive_id_type: 'open_id', receive_id: USER, msg_type: 'text' });
  });

  it('texts are cut to a safe length and cannot mention anyone', async () => {
    const t = await setup();
    await t.channel.push({ chat: GROUP, text: '长'.repeat(MAX_TEXT + 500) });
    await t.channel.push({ chat: GROUP, text: '张三<at user_id="all">所有人</at>' });
    const sent = await t.fake.waitForSent(2);
    expect(Array.from(content(sent[0]!).text as string)).toHaveLength(MAX_TEXT);
    expect(content(sent[1]!).text).not.toContain('<at');
  });

  it('a failed send is logged without the text, retried once when transient, and never stops the channel', async () => {
    const t = await setup({ respond: (i) => answer(i, { chat: i.chat, text: `秘密内容${i.text ?? ''}` }) });
    t.fake.failSends(2, { status: 500 });
    await t.post('/webhooks/lark/events', messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '一' }, token: TOKEN }));
    await t.waitForCalls(1);
    await settle(800); // the one retry waits 300 ms
    expect(t.fake.sent).toEqual([]);

    t.fake.failSends(1, { code: 230002 }); // refused by Lark: not retried
    await t.post('/webhooks/lark/events', messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '二' }, token: TOKEN }));
    await t.waitForCalls(2);
    await settle();
    expect(t.fake.sent).toEqual([]);

    t.fake.failSends(1, { status: 502 }); // fails once, the retry goes through
    await t.post('/webhooks/lark/events', messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '三' }, token: TOKEN }));
    const [sent] = await t.fake.waitForSent(1, 3000);
    expect(content(sent!).text).toBe('秘密内容三');
    expect(t.channel.connected()).toBe(true);

    const logs = t.logs.join('\n');
    expect(logs).toContain('lark send failed');
    expect(logs).toContain('lark send refused');
    expect(logs).not.toContain('秘密内容');
    expect(logs).not.toContain('"content"');
  });

  it('connected() is false before start and after stop; bad credentials fail start with a clear error', async () => {
    const t = await setup({ start: false });
    expect(t.channel.connected()).toBe(false);
    // Not started: events are not taken (Lark retries), the challenge still works.
    const early = await t.post(
      '/webhooks/lark/events',
      messageEvent({ chatId: P2P, chatType: 'p2p', senderOpenId: USER, content: { text: '你好' }, token: TOKEN }),
    );
    expect(early.status).toBe(503);
    await t.channel.start();
    expect(t.channel.connected()).toBe(true);
    expect(t.fake.tokenRequests).toBe(1);
    await t.channel.stop();
    expect(t.channel.connected()).toBe(false);

    const bad = await setup({ start: false, config: { appSecret: WRONG_SECRET } });
    await expect(bad.channel.start()).rejects.toThrow(/Lark channel failed to start/);
    expect(bad.channel.connected()).toBe(false);
    expect(bad.logs.join('\n')).not.toContain(WRONG_SECRET);
  });
});

describe('lark channel: long connection', () => {
  it('starts the long connection, and dispatch (what the WSClient calls) handles messages and card actions', async () => {
    const t = await setup({
      fake: { wsEndpoint: 'accept' },
      config: { mode: 'ws', verificationToken: undefined },
      respond: (i) => answer(i, { chat: i.chat, text: '好的' }),
    });
    expect(t.channel.webhooks).toBeUndefined();
    expect(t.fake.wsConnections).toBe(1);
    expect(t.channel.connected()).toBe(true);

    const event = messageEvent({
      chatId: GROUP,
      chatType: 'group',
      senderOpenId: USER,
      messageId: 'om_ws_1',
      content: { text: '@_user_1 中秋节慰问' },
      mentions: [{ key: '@_user_1', openId: t.fake.botOpenId, name: '银龄助手' }],
    });
    const started = Date.now();
    await t.channel.dispatch(event);
    const result = await t.channel.dispatch(
      cardActionEvent({ operatorOpenId: USER, chatId: GROUP, messageId: 'om_card_ws', value: { payload: 'y', chat: GROUP } }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result).toEqual({});
    await t.channel.dispatch(event);

    const calls = await t.waitForCalls(2);
    expect(calls.map((c) => [c.chat, c.text ?? c.button, c.mention])).toEqual([
      [GROUP, '中秋节慰问', true],
      [GROUP, 'y', true],
    ]);
    const sent = await t.fake.waitForSent(2);
    expect(sent.map((s) => [s.kind, s.reply_to])).toEqual([
      ['reply', 'om_ws_1'],
      ['reply', 'om_card_ws'],
    ]);
    await settle();
    expect(t.calls).toHaveLength(2);

    await t.channel.stop();
    expect(t.channel.connected()).toBe(false);
  });

  it('a refused long connection fails start', async () => {
    const t = await setup({ start: false, fake: { wsEndpoint: 'reject' }, config: { mode: 'ws' } });
    await expect(t.channel.start()).rejects.toThrow(/long connection/);
    expect(t.channel.connected()).toBe(false);
  });
});
