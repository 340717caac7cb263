import { afterEach, describe, expect, it } from 'vitest';
import { cutText } from '../../src/channels/shared.ts';
import { createTelegramChannel, readText } from '../../src/channels/telegram.ts';
import type { Channel } from '../../src/channels/types.ts';
import type { Incoming, Reply } from '../../src/chat/index.ts';
import { loadTranslator } from '../../src/i18n/index.ts';
import { createLogger } from '../../src/log.ts';
import { callbackQuery, type FakeTelegram, groupChat, message, privateChat, startFakeTelegram, user } from '../support/fake-telegram.ts';

const NOW = new Date('2026-11-21T10:00:00+08:00');
const tr = loadTranslator();
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

type Script = (incoming: Incoming) => Reply[] | Promise<Reply[]>;

/** The real adapter and grammY against the fake Bot API, with a stub engine that records what it is given. */
async function setup(options: { script?: Script; webhook?: boolean; staff?: string[]; start?: boolean } = {}) {
  const fake = await startFakeTelegram();
  const seen: Incoming[] = [];
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const script: Script = options.script ?? ((incoming) => [{ chat: incoming.chat, text: '好的' }]);
  const channel: Channel = createTelegramChannel(
    {
      token: fake.token,
      apiRoot: fake.apiRoot,
      tr,
      ...(options.webhook ? { webhookUrl: 'https://bot.example/webhooks/telegram', webhookSecret: 's3cret-token' } : {}),
    },
    {
      handle: async (incoming) => {
        seen.push(incoming);
        return { chat: incoming.chat, intent: null, replies: await script(incoming), cases: [] };
      },
      logger,
      staffIds: new Set(options.staff ?? []),
      now: () => NOW,
    },
  );
  cleanups.push(async () => {
    await channel.stop();
    await fake.close();
  });
  if (options.start !== false) await channel.start();
  const incoming = async (n: number): Promise<Incoming> => {
    await until(() => seen.length >= n, 3000, `incoming #${n}`);
    return seen[n - 1] as Incoming;
  };
  return { fake, channel, seen, logs, incoming };
}

const alice = user(4242, '王阿姨');
const bob = user(5151, '李师傅');
const group = groupChat(-1001234567);

const sendsTo = (fake: FakeTelegram, chat: number | string) => fake.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(chat));

describe('telegram adapter: messages', () => {
  it('turns a private text into an Incoming and sends the reply with an inline keyboard', async () => {
    const buttons = [
      { label: '西湖区', payload: 'region:西湖区' },
      { label: '萧山区', payload: 'region:萧山区' },
      { label: '建德市', payload: 'region:建德市' },
      { label: '其他', payload: 'region:other' },
      { label: '太长', payload: `x:${'长'.repeat(30)}` }, // 92 bytes: dropped
    ];
    const { fake, incoming, logs } = await setup({ script: (i) => [{ chat: i.chat, text: '您是哪个区的？', buttons }] });
    const id = fake.enqueue({ message: message({ chat: privateChat(alice.id), from: alice, text: '大病慰问能拿多少 13812345678' }) });

    expect(await incoming(1)).toEqual({
      platform: 'telegram',
      chat: '4242',
      user: '4242',
      text: '大病慰问能拿多少 13812345678',
      group: false,
      mention: false,
      staff: false,
      messageId: String(id),
      now: NOW,
    });
    const sent = await fake.waitFor('sendMessage');
    expect(sent.payload.chat_id).toBe(4242);
    expect(sent.payload.text).toBe('您是哪个区的？');
    expect(sent.payload.reply_parameters).toBeUndefined();
    expect(sent.payload.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: '西湖区', callback_data: 'region:西湖区' },
          { text: '萧山区', callback_data: 'region:萧山区' },
          { text: '建德市', callback_data: 'region:建德市' },
        ],
        [{ text: '其他', callback_data: 'region:other' }],
      ],
    });
    const all = logs.join('');
    expect(all).toContain('telegram button dropped');
    // No message text (nor the phone in it) and no token reaches the log.
    expect(all).not.toContain('大病慰问');
    expect(all).not.toContain('您是哪个区');
    expect(all).not.toContain('13812345678');
    expect(all).not.toContain(fake.token);
  });

  it('marks staff and cuts texts to 4096 characters', async () => {
    const { fake, incoming } = await setup({ staff: ['4242'], script: (i) => [{ chat: i.chat, text: '长'.repeat(5000) }] });
    fake.enqueue({ message: message({ chat: privateChat(alice.id), from: alice, text: '经费' }) });
    expect((await incoming(1)).staff).toBe(true);
    const sent = await fake.waitFor('sendMessage');
    expect((sent.payload.text as string).length).toBe(4096);
    expect(cutText(`${'a'.repeat(4095)}😀`, 4096)).toBe('a'.repeat(4095));
  });

  it('sets the mention flag for @mentions, replies to the bot and nothing, and quotes the user in the group', async () => {
    const { fake, incoming } = await setup({ script: (i) => (i.mention ? [{ chat: i.chat, text: '在的' }] : []) });
    const botMessage = { message_id: 77, date: 1, chat: group, from: fake.bot, text: '您好' };
    const mentioned = message({ chat: group, from: alice, text: `@${fake.bot.username} 大病慰问` });
    fake.enqueue({ message: mentioned });
    fake.enqueue({ message: message({ chat: group, from: bob, text: '那住院呢', replyTo: botMessage }) });
    fake.enqueue({ message: message({ chat: group, from: bob, text: '今天天气不错' }) });
    fake.enqueue({ message: message({ chat: group, from: alice, text: `请问 @${fake.bot.username.toUpperCase()}，体检报销` }) });

    const [a, b, c, d] = [await incoming(1), await incoming(2), await incoming(3), await incoming(4)];
    expect(a).toMatchObject({ chat: String(group.id), user: '4242', group: true, mention: true, text: '大病慰问' });
    expect(b).toMatchObject({ user: '5151', group: true, mention: true, text: '那住院呢' });
    expect(c).toMatchObject({ group: true, mention: false, text: '今天天气不错' });
    expect(d).toMatchObject({ mention: true, text: '请问 ，体检报销' });

    await until(() => sendsTo(fake, group.id).length === 3, 3000, 'three group replies');
    const first = sendsTo(fake, group.id)[0];
    expect(first?.payload.reply_parameters).toEqual({ message_id: mentioned.message_id, allow_sending_without_reply: true });
  });

  it('asks Telegram whether the sender administers the group for /notices only (the group switch of reminders)', async () => {
    const { fake, incoming } = await setup({ script: () => [] });
    fake.admins.add(`${group.id}:${alice.id}`);
    fake.enqueue({ message: message({ chat: group, from: alice, text: '/notices on' }) });
    fake.enqueue({ message: message({ chat: group, from: bob, text: '/notices off' }) });
    fake.enqueue({ message: message({ chat: group, from: alice, text: '大病慰问' }) });
    const [a, b, c] = [await incoming(1), await incoming(2), await incoming(3)];
    expect(a).toMatchObject({ text: '/notices on', admin: true });
    expect(b).toMatchObject({ text: '/notices off', admin: false });
    expect(c.admin).toBeUndefined();
    expect(fake.callsOf('getChatMember')).toHaveLength(2);
  });

  it('treats /start (with a deep-link payload) as a greeting and passes other commands through', async () => {
    const { fake, incoming, seen } = await setup();
    const name = fake.bot.username;
    const ids = [
      fake.enqueue({ message: message({ chat: privateChat(alice.id), from: alice, text: '/start' }) }),
      fake.enqueue({ message: message({ chat: privateChat(alice.id), from: alice, text: '/start private' }) }),
      fake.enqueue({ message: message({ chat: group, from: bob, text: `/status@${name} C20261121-0001` }) }),
      fake.enqueue({ message: message({ chat: group, from: bob, text: '/help@some_other_bot' }) }),
      fake.enqueue({ message: message({ chat: group, from: bob, text: `/start@${name}` }) }),
    ];
    await incoming(4);
    await sleep(50);
    // Different chats run concurrently: look the turns up by update.
    const byId = new Map(seen.map((i) => [i.messageId, i]));
    const of = (n: number) => byId.get(String(ids[n]));
    expect(of(0)).toMatchObject({ text: '你好', group: false });
    expect(of(1)).toMatchObject({ text: '你好' });
    expect(of(2)).toMatchObject({ text: '/status C20261121-0001', mention: true, group: true });
    // The command for another bot never reaches the engine.
    expect(of(3)).toBeUndefined();
    expect(of(4)).toMatchObject({ text: '你好', mention: true, group: true });
    expect(seen).toHaveLength(4);
  });

  it('passes stickers, voice notes, photos and files as media without text, and skips service messages', async () => {
    const { fake, incoming, seen } = await setup({ script: () => [] });
    const chat = privateChat(alice.id);
    fake.enqueue({
      message: message({
        chat,
        from: alice,
        extra: { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } },
      }),
    });
    fake.enqueue({ message: message({ chat, from: alice, extra: { voice: { file_id: 'v', file_unique_id: 'v', duration: 3 } } }) });
    fake.enqueue({ message: message({ chat: group, from: bob, extra: { new_chat_members: [bob] } }) });
    fake.enqueue({ message: message({ chat, from: alice, extra: { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }], caption: '看看' } }) });
    fake.enqueue({ message: message({ chat, from: alice, extra: { document: { file_id: 'd', file_unique_id: 'd' } } }) });

    expect(await incoming(1)).toMatchObject({ media: 'sticker', mention: false });
    expect(await incoming(2)).toMatchObject({ media: 'voice' });
    expect(await incoming(3)).toMatchObject({ media: 'photo' });
    expect(await incoming(4)).toMatchObject({ media: 'file' });
    for (const i of seen) expect(i.text).toBeUndefined();
    await sleep(50);
    expect(seen).toHaveLength(4);
  });

  it('passes a redelivered update twice with the same messageId (dedupe is the engine’s)', async () => {
    const { fake, incoming } = await setup();
    const update = { message: message({ chat: privateChat(alice.id), from: alice, text: '你好' }) };
    const id = fake.enqueue(update);
    const first = await incoming(1);
    await fake.waitFor('sendMessage');
    fake.redeliver({ ...update, update_id: id });
    const second = await incoming(2);
    expect(second.messageId).toBe(first.messageId);
    expect(first.messageId).toBe(String(id));
  });
});

describe('telegram adapter: buttons', () => {
  it('turns a callback query into a button press and answers it', async () => {
    const { fake, incoming } = await setup();
    const botMessage = { message_id: 90, date: 1, chat: group, from: fake.bot, text: '您是哪个区的？' };
    fake.enqueue({ callback_query: callbackQuery({ id: 'q-1', from: alice, message: botMessage, data: 'region:西湖区' }) });
    expect(await incoming(1)).toEqual({
      platform: 'telegram',
      chat: String(group.id),
      user: '4242',
      button: 'region:西湖区',
      group: true,
      mention: true,
      staff: false,
      messageId: 'cb:q-1',
      now: NOW,
    });
    const answer = await fake.waitFor('answerCallbackQuery');
    expect(answer.payload.callback_query_id).toBe('q-1');
    await fake.waitFor('sendMessage', (p) => p.chat_id === group.id);
  });

  it('answers the callback query even when the engine fails, and keeps running', async () => {
    let calls = 0;
    const { fake, incoming, logs } = await setup({
      script: (i) => {
        calls += 1;
        if (calls === 1) throw new Error('engine exploded');
        return [{ chat: i.chat, text: '好的' }];
      },
    });
    const botMessage = { message_id: 91, date: 1, chat: privateChat(alice.id), from: fake.bot, text: '请选择' };
    fake.enqueue({ callback_query: callbackQuery({ id: 'q-2', from: alice, message: botMessage, data: 'yes' }) });
    await incoming(1);
    expect((await fake.waitFor('answerCallbackQuery')).payload.callback_query_id).toBe('q-2');
    await until(() => logs.some((l) => l.includes('telegram update failed')), 3000, 'error log');
    fake.enqueue({ message: message({ chat: privateChat(alice.id), from: alice, text: '还在吗' }) });
    await incoming(2);
    await fake.waitFor('sendMessage');
  });
});

describe('telegram adapter: private chat fallback and push', () => {
  it('falls back to a deep link in the group when the private message cannot be sent', async () => {
    const { fake, incoming, logs } = await setup({
      script: (i) => [
        { chat: i.chat, text: '这个需要身份证号，我们私聊。' },
        { chat: i.user, text: '请发一下老人的身份证号（18位）。' },
        { chat: i.user, text: '第二条私聊' },
      ],
    });
    fake.forbiddenChats.add(String(alice.id));
    const asked = message({ chat: group, from: alice, text: `@${fake.bot.username} 我父亲去世了` });
    fake.enqueue({ message: asked });
    await incoming(1);

    const link = `https://t.me/${fake.bot.username}?start=private`;
    const fallback = await fake.waitFor('sendMessage', (p) => p.chat_id === group.id && String(p.text).includes(link));
    expect(fallback.payload.text).toBe(tr.t('telegram-open-private', { link }));
    expect(fallback.payload.reply_parameters).toEqual({ message_id: asked.message_id, allow_sending_without_reply: true });
    // One attempt at the private chat (the second private reply is not retried), one notice.
    expect(sendsTo(fake, alice.id)).toHaveLength(1);
    expect(sendsTo(fake, group.id)).toHaveLength(2);
    expect(logs.join('')).toContain("bot can't initiate conversation");
    expect(logs.join('')).not.toContain('身份证号');

    // Still running.
    fake.enqueue({ message: message({ chat: privateChat(bob.id), from: bob, text: '你好' }) });
    await incoming(2);
  });

  it('pushes a message to any chat, and rejects when Telegram refuses', async () => {
    const { fake, channel } = await setup();
    await channel.push({ chat: '-100999', text: '新案件 C20261121-0001', buttons: [{ label: '认领', payload: 'claim:C20261121-0001' }] });
    const sent = await fake.waitFor('sendMessage', (p) => p.chat_id === -100999);
    expect(sent.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: '认领', callback_data: 'claim:C20261121-0001' }]] });
    fake.forbiddenChats.add('31337');
    await expect(channel.push({ chat: '31337', text: '通知' })).rejects.toThrow(/403|Forbidden/);
  });
});

describe('telegram adapter: webhook mode', () => {
  it('sets the webhook with the secret and only processes requests that carry it', async () => {
    const { fake, channel, seen, incoming } = await setup({ webhook: true });
    const set = await fake.waitFor('setWebhook');
    expect(set.payload).toMatchObject({ url: 'https://bot.example/webhooks/telegram', secret_token: 's3cret-token' });
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
    expect(channel.connected()).toBe(true);

    const route = channel.webhooks?.[0];
    expect(route).toMatchObject({ method: 'POST', path: '/webhooks/telegram' });
    if (!route) throw new Error('no webhook route');
    const body = JSON.stringify({ update_id: 9001, message: message({ chat: privateChat(alice.id), from: alice, text: '你好' }) });

    expect((await route.handle({ headers: {}, body })).status).toBe(401);
    expect((await route.handle({ headers: { 'x-telegram-bot-api-secret-token': 'wrong' }, body })).status).toBe(401);
    await sleep(100);
    expect(seen).toHaveLength(0);

    const ok = await route.handle({ headers: { 'x-telegram-bot-api-secret-token': 's3cret-token' }, body });
    expect(ok.status).toBe(200);
    expect(await incoming(1)).toMatchObject({ chat: '4242', text: '你好', messageId: '9001' });
    await fake.waitFor('sendMessage', (p) => p.chat_id === alice.id);

    expect((await route.handle({ headers: { 'x-telegram-bot-api-secret-token': 's3cret-token' }, body: 'not json' })).status).toBe(400);

    await channel.stop();
    expect(channel.connected()).toBe(false);
    // Stopped: Telegram is told to come back later.
    expect((await route.handle({ headers: { 'x-telegram-bot-api-secret-token': 's3cret-token' }, body })).status).toBe(503);
    expect(seen).toHaveLength(1);
  });

  it('has no webhook route in polling mode and requires a secret with a webhook URL', async () => {
    const { channel } = await setup({ start: false });
    expect(channel.webhooks).toBeUndefined();
    const deps = {
      handle: async () => ({ chat: '', intent: null, replies: [], cases: [] }),
      logger: createLogger({ level: 'silent' }),
      staffIds: new Set<string>(),
    };
    expect(() => createTelegramChannel({ token: 't', webhookUrl: 'https://x.example/hook', tr }, deps)).toThrow(/webhookSecret/);
  });
});

describe('telegram adapter: lifecycle', () => {
  it('is connected after start, not before, and not after stop (waiting for the turn in flight)', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { fake, channel, incoming } = await setup({
      start: false,
      script: async (i) => {
        await gate;
        return [{ chat: i.chat, text: '慢慢来' }];
      },
    });
    expect(channel.connected()).toBe(false);
    await channel.start();
    expect(fake.callsOf('getMe')).toHaveLength(1);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    expect(channel.connected()).toBe(true);

    fake.enqueue({ message: message({ chat: privateChat(alice.id), from: alice, text: '你好' }) });
    await incoming(1);
    const stopping = channel.stop();
    expect(channel.connected()).toBe(false);
    let stopped = false;
    void stopping.then(() => {
      stopped = true;
    });
    await sleep(50);
    expect(stopped).toBe(false); // the turn is still running
    release();
    await stopping;
    // The reply of the turn in flight went out before stop() resolved.
    expect(sendsTo(fake, alice.id)).toHaveLength(1);
  });

  it('reports not connected while getUpdates keeps failing, and connected again when it recovers', async () => {
    const { fake, channel, incoming } = await setup();
    expect(channel.connected()).toBe(true);
    fake.failGetUpdates = true;
    await until(() => !channel.connected(), 4000, 'disconnected');
    fake.failGetUpdates = false;
    await until(() => channel.connected(), 4000, 'reconnected');
    fake.enqueue({ message: message({ chat: privateChat(alice.id), from: alice, text: '你好' }) });
    await incoming(1);
  });

  it('fails to start with a wrong token', async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const channel = createTelegramChannel(
      { token: '999:wrong', apiRoot: fake.apiRoot, tr },
      { handle: async () => ({ chat: '', intent: null, replies: [], cases: [] }), logger: createLogger({ level: 'silent' }), staffIds: new Set() },
    );
    await expect(channel.start()).rejects.toThrow(/getMe failed/);
    expect(channel.connected()).toBe(false);
    await channel.stop();
  });
});

describe('readText', () => {
  const me = { id: 1, username: 'yinling_bot' };
  it('strips the mention even without entities, and leaves other mentions alone', () => {
    expect(readText('@yinling_bot 住院慰问', undefined, me)).toEqual({ text: '住院慰问', mention: true });
    expect(readText('@someone_else 住院慰问', undefined, me)).toEqual({ text: '@someone_else 住院慰问', mention: false });
    expect(readText('@yinling_bot', undefined, me)).toEqual({ text: '你好', mention: true });
    expect(readText('/cases', undefined, me)).toEqual({ text: '/cases', mention: true });
    expect(readText('/startx', undefined, me)).toEqual({ text: '/startx', mention: true });
  });
});
