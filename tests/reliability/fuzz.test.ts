/**
 * Property-based fuzzing of the whole pipeline (engine → NLU → dialogs → rules → cases → staff) on the embedded
 * store: 10,000 runs of 1–3 concurrent arbitrary inputs — control characters, texts up to 20,000 characters, emoji
 * and mixed scripts, lone surrogates, real and forged button payloads, group/mention/staff flags, redelivered
 * message ids, clocks days apart. Whatever comes in, `engine.handle` resolves (never throws, never hangs), nothing
 * fails inside it (no "系统繁忙"/"出了点问题", no error logged), and every reply can be sent: text non-empty and
 * ≤ 4096 characters, buttons with a label and a payload ≤ 64 bytes that the bot itself accepts back.
 *
 * One engine and one store serve all runs, so dialogs, sessions and cases build up as they would in production.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SCHEMAS, type CaseType } from '../../src/cases/index.ts';
import { type Incoming, type Outgoing, parseButton } from '../../src/chat/index.ts';
import type { Engine } from '../../src/dialog/index.ts';
import { createLogger } from '../../src/log.ts';
import { DIALOG_ACTS, DOMAIN_INTENTS, warmUp } from '../../src/nlu/index.ts';
import { openSqliteStore, type Store } from '../../src/store/index.ts';
import { Cleanup, engineOn, NOW, tempDir, tr } from './support.ts';

const cleanup = new Cleanup();
let store: Store;
let engine: Engine;
const errorLogs: string[] = [];
const stats = { messages: 0, replies: 0, buttons: 0 };
const STAFF_ROOM = 'fz-staff-room';

beforeAll(() => {
  warmUp();
  store = openSqliteStore(join(tempDir(cleanup, 'yl-fuzz-'), 'bot.db'));
  cleanup.add(() => store.close());
  const logger = createLogger({
    level: 'warn',
    destination: {
      write(line: string) {
        if ((JSON.parse(line) as { level: number }).level >= 50 && errorLogs.length < 20) errorLogs.push(line);
      },
    },
  });
  engine = engineOn(store, { logger, staffChat: { platform: 'test', chat: STAFF_ROOM } });
});
afterAll(() => cleanup.run());

// ---- arbitraries

const PHRASES = [
  '大病慰问',
  '自付一万二能拿多少大病慰问',
  '西湖区',
  '建德',
  '聊城',
  '萧山',
  '长沙',
  '郑州',
  '火星区',
  '12000',
  '一万五',
  '两万',
  '5000.01',
  '不对，是一万五',
  '不对，是八千',
  '转人工',
  '人工',
  '我父亲昨天去世了',
  '我妈11月18日走了',
  '张建国',
  '王秀英',
  '330182195203151239',
  '33018219520315123X',
  '330182195203151238',
  '13812345678',
  '+86 138 1234 5678',
  '6222021234567890123',
  '翠苑一区社区',
  '确认',
  '好的',
  '是的',
  '不是',
  '算了',
  '取消',
  '你好',
  '谢谢',
  '帮助',
  '进度',
  '我的登记办得怎么样了',
  '搬家了 管理关系怎么转',
  '从西湖区搬到滨江区',
  '住院慰问',
  '住了3次院',
  '体检报销',
  '住在外地',
  '春节慰问',
  '中秋节',
  '78岁',
  '男',
  '女',
  '父亲',
  '昨天',
  '12月25日',
  '2026-02-30',
  '/cases',
  '/cases all',
  '/cases overdue',
  '/cases death_report',
  '/cases nonsense',
  '/case C20261121-0001',
  '/claim C20261121-0001',
  '/claim',
  '/resolve C20261121-0001 已发放2000元',
  '/reject C20261121-0002 重复登记',
  '/note C20261121-0003 电话13812345678',
  '/publicity 2026-11',
  '/publicity 13月',
  '/publicity',
  '/unknown',
  '/',
  '西湖区 住院2次 自付8000 75岁 全年',
  '建德 自付45000 大病',
  '按300人算经费 建德 优秀',
  '-5000',
  '99999999999',
  '1e308',
  'NaN',
  'Infinity',
  '0',
  '0.001',
  '\u0000',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '👨‍👩‍👧‍👦',
  '🙏🏻',
  '🧧',
  'ＡＢＣ１２３',
  '壹万贰仟元',
  '大病慰問多少錢',
  'مرحبا',
  'Привет',
  'नमस्ते',
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, as typed.
  '${7*7}',
  '%s%n',
  '\\',
  '"',
  ' ',
  '\n\n',
  '\t',
  '\r\n',
];

const CONTROL = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const DIGITS = fc.constantFrom('0', '1', '3', '8', '9', ' ', '-', 'X');

/** A short piece of text; pieces are joined into messages. */
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 15 }) },
  { weight: 1, arbitrary: fc.string({ unit: CONTROL, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: DIGITS, minLength: 8, maxLength: 22 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
);

const shortText = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

/** 1,000 to 20,000 characters: a phrase repeated, cut anywhere (possibly inside a surrogate pair). */
const hugeText = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 20_000 })).map(([parts, length]) => {
  const seed = parts.join('') || '大病慰问';
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
});

const anyText = fc.oneof({ weight: 12, arbitrary: shortText }, { weight: 1, arbitrary: hugeText });

const INTENTS = [...DOMAIN_INTENTS, ...DIALOG_ACTS, 'out_of_scope', 'serious_illness_application', 'nonexistent_intent'];
const SLOTS = ['region', 'to', 'from', 'gender', 'relation', 'hukou', 'housing', 'amount', 'idNumber', 'x'];

/** Real payload shapes with real and random values, and plain junk. */
const button = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('y', 'n', 'x') },
  { weight: 2, arbitrary: fc.constantFrom(...INTENTS).map((i) => `i:${i}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...SLOTS),
        fc.oneof(
          fc.constantFrom('西湖区', '建德市', '女', '男', '父亲', '其他亲属', 'yes', 'no', 'own', 'rented', '火星区'),
          fc.string({ unit: 'binary', maxLength: 50 }),
        ),
      )
      .map(([slot, value]) => `s:${slot}:${value}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('claim', 'view', 'resolve'), fc.integer({ min: 20261115, max: 20261128 }), fc.integer({ min: 0, max: 1_000_000 }))
      .map(([action, day, n]) => `k:${action}:C${day}-${String(n).padStart(4, '0')}`),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 60, maxLength: 80 }) },
);

/** Who writes: private chats, a group with two members, staff in the staff room and in private. */
const WHO = [
  { chat: 'fz-1', user: 'fz-1' },
  { chat: 'fz-2', user: 'fz-2' },
  { chat: 'fz-g1', user: 'fz-3' },
  { chat: 'fz-g1', user: 'fz-4' },
  { chat: STAFF_ROOM, user: 'fz-s1' },
  { chat: 'fz-s1', user: 'fz-s1' },
];

function incoming(options: { text: fc.Arbitrary<string>; buttonWeight: number; flags: 'private' | 'random' }): fc.Arbitrary<Incoming> {
  return fc
    .record({
      who: fc.constantFrom(...WHO),
      content: fc.oneof(
        { weight: 6, arbitrary: options.text.map((text) => ({ text })) },
        { weight: options.buttonWeight, arbitrary: button.map((b) => ({ button: b })) },
        { weight: 1, arbitrary: fc.record({ text: options.text, button }) },
        { weight: 1, arbitrary: fc.constantFrom('sticker', 'voice', 'photo', 'file', 'other').map((media) => ({ media })) },
      ),
      group: options.flags === 'random' ? fc.boolean() : fc.constant(false),
      mention: options.flags === 'random' ? fc.boolean() : fc.constant(false),
      staff: fc.boolean(),
      // Mostly none; a few from a small pool, so that redeliveries happen.
      messageId: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) }),
      minutes: fc.integer({ min: -60, max: 4 * 24 * 60 }),
    })
    .map(({ who, content, group, mention, staff, messageId, minutes }) => ({
      platform: 'test',
      ...who,
      ...content,
      group: options.flags === 'random' ? group : who.chat !== who.user,
      mention,
      staff,
      ...(messageId !== undefined ? { messageId } : {}),
      now: new Date(NOW.getTime() + minutes * 60_000),
    })) as fc.Arbitrary<Incoming>;
}

// ---- the property

const BUSY = (): string => tr().t('system-busy');
const BROKEN = (): string => tr().t('system-error');

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not resolve within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function checkOutgoing(input: Incoming, out: Outgoing): void {
  stats.messages++;
  expect(out.chat).toBe(input.chat);
  expect(out.intent === null || typeof out.intent === 'string').toBe(true);
  expect(Array.isArray(out.cases)).toBe(true);
  for (const reply of out.replies) {
    stats.replies++;
    expect(typeof reply.chat === 'string' && reply.chat.length > 0).toBe(true);
    expect(typeof reply.text).toBe('string');
    expect(reply.text.trim().length).toBeGreaterThan(0);
    expect(reply.text.length).toBeLessThanOrEqual(4096);
    expect(reply.text).not.toContain(BUSY());
    expect(reply.text).not.toContain(BROKEN());
    for (const b of reply.buttons ?? []) {
      stats.buttons++;
      expect(b.label.trim().length).toBeGreaterThan(0);
      expect(Buffer.byteLength(b.payload, 'utf8')).toBeLessThanOrEqual(64);
      // A button the bot shows is one it understands when pressed.
      expect(parseButton(b.payload)).not.toBeNull();
    }
  }
}

/** One run: steps one after another; the messages of a step at once. */
type Run = Incoming[][];

/** 1–3 messages at once (same chat or not): the engine must serialise what needs it. */
const batch = (one: fc.Arbitrary<Incoming>): fc.Arbitrary<Run> => fc.array(one, { minLength: 1, maxLength: 3 }).map((m) => [m]);

type Step = { text: string } | { button: string };
/** Whole conversations that open cases, so that the deep states (confirmations, announcements) are fuzzed too. */
const SCRIPTS: readonly (readonly Step[])[] = [
  [
    { text: '我父亲昨天去世了' },
    { text: '张建国' },
    { text: '330182195203151239' },
    { text: '13812345678' },
    { text: '西湖区' },
    { text: '翠苑一区社区' },
    { button: 'y' },
  ],
  [{ text: '西湖区 自付12000 大病慰问' }, { button: 'y' }, { text: '王秀英' }, { button: 's:gender:女' }, { text: '78岁' }, { button: 'y' }],
  [
    { text: '我在杭州市内搬家了，管理关系怎么转' },
    { button: 's:to:余杭区' },
    { text: '西湖区' },
    { button: 's:hukou:yes' },
    { text: '租的房子' },
    { text: '好的' },
  ],
  [{ text: '西湖区住院慰问多少钱' }, { button: 'y' }],
  [{ text: '我住在外地 体检费怎么报 西湖区的 发票800元' }, { button: 'y' }],
];

/** A script in a private chat, some steps replaced or followed by junk: it may finish, or derail anywhere. */
const scripted: fc.Arbitrary<Run> = fc
  .record({
    script: fc.constantFrom(...SCRIPTS),
    who: fc.constantFrom({ chat: 'fz-p1', user: 'fz-p1' }, { chat: 'fz-p2', user: 'fz-p2' }, { chat: 'fz-s1', user: 'fz-s1' }),
    noise: fc.array(
      fc.tuple(
        fc.nat({ max: 7 }),
        fc.boolean(),
        fc.oneof(
          shortText.map((text): Step => ({ text })),
          button.map((b): Step => ({ button: b })),
        ),
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ script, who, noise }) => {
    const steps: Step[] = [...script];
    for (const [at, replace, step] of noise) steps.splice(Math.min(at, steps.length), replace ? 1 : 0, step);
    return steps.map((step): Incoming[] => [{ platform: 'test', ...who, ...step, group: false, mention: false, staff: false, now: NOW }]);
  });

async function fuzz(runs: fc.Arbitrary<Run>, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(runs, async (run) => {
      for (const messages of run) {
        const outs = await withTimeout(Promise.all(messages.map((m) => engine.handle(m))), 5_000, 'engine.handle');
        for (const [i, out] of outs.entries()) checkOutgoing(messages[i] as Incoming, out);
      }
      expect(errorLogs).toEqual([]);
    }),
    { numRuns },
  );
}

/** 4 × 2,500 = 10,000 runs, each part stressing something else. */
describe('fuzzing engine.handle on the embedded store (10,000 runs)', () => {
  it('2,500 runs: private chats, mostly text, and whole conversations with noise', async () => {
    const random = batch(incoming({ text: anyText, buttonWeight: 1, flags: 'private' }));
    await fuzz(fc.oneof({ weight: 3, arbitrary: random }, { weight: 1, arbitrary: scripted }), 2_500);
  }, 15_000);

  it('2,500 runs: random group, mention and staff flags', async () => {
    await fuzz(batch(incoming({ text: anyText, buttonWeight: 2, flags: 'random' })), 2_500);
  }, 15_000);

  it('2,500 runs: real and forged button payloads', async () => {
    await fuzz(batch(incoming({ text: shortText, buttonWeight: 12, flags: 'random' })), 2_500);
  }, 15_000);

  it('2,500 runs: huge texts and control characters', async () => {
    const harsh = fc.oneof(hugeText, fc.string({ unit: CONTROL, maxLength: 200 }), fc.string({ unit: 'binary', minLength: 500, maxLength: 5_000 }));
    await fuzz(batch(incoming({ text: harsh, buttonWeight: 1, flags: 'random' })), 2_500);
  }, 15_000);

  it('afterwards the store is sound: every case valid for its type, ids unique and well-formed', async () => {
    const cases = await store.listCases({});
    expect(cases.length).toBeGreaterThan(0); // the fuzzing did reach the dialogs that open cases
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.id).toMatch(/^C\d{8}-\d{4,6}$/);
      expect(['open', 'claimed', 'resolved', 'rejected']).toContain(c.status);
      expect(c.history[0]?.action).toBe('opened');
      const schema = CASE_SCHEMAS[c.type as CaseType];
      expect(schema, c.type).toBeDefined();
      expect(schema.safeParse(c.fields).success, JSON.stringify(c)).toBe(true);
    }
    expect(stats.messages).toBeGreaterThanOrEqual(10_000);
    expect(stats.buttons).toBeGreaterThan(0);
    // The deep paths were reached: confirmations that file a case and announce it to the staff room.
    const types = new Set(cases.map((c) => c.type));
    expect(types).toContain('death_report');
    expect(types).toContain('serious_illness_application');
    expect(types).toContain('inquiry');
  });
});
