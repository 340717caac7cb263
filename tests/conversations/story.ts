/**
 * Conversations as data (see FORMAT.md): the schema of a conversation file, and the checks of a turn's
 * expectations against what the bot answered. Used by the conversation tests (vitest, in process) and by the
 * held-out scorer (`npm run eval:dialogs`, through the JSON-lines interface).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const strings = z.array(z.union([z.string(), z.number()]).transform(String));
const oneOrMany = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const ASKABLE = ['region', 'hukou', 'housing', 'name', 'id_number', 'date', 'relation', 'phone', 'community', 'amount', 'yes_no'] as const;
export type Askable = (typeof ASKABLE)[number];
const askable = z.enum(ASKABLE);

const expectation = z
  .object({
    intent: oneOrMany.optional(),
    mentions: strings.optional(),
    mentions_any: strings.optional(),
    not_mentions: strings.optional(),
    figure: z.array(z.number()).optional(),
    not_figure: z.array(z.number()).optional(),
    clause: strings.optional(),
    asks: askable.optional(),
    not_asks: z
      .union([askable, z.array(askable)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional(),
    case: z.string().optional(),
    no_case: z.literal(true).optional(),
    private: z.literal(true).optional(),
    group_clean: z.literal(true).optional(),
    silent: z.literal(true).optional(),
    first_line_mentions_any: strings.optional(),
    max_lines: z.number().int().positive().optional(),
    buttons: strings.optional(),
  })
  .strict();
export type Expectation = z.infer<typeof expectation>;

const turn = z
  .object({
    say: z.union([z.string(), z.number()]).transform(String).optional(),
    press: z.union([z.string(), z.number()]).transform(String).optional(),
    in: z.enum(['group', 'private']).default('private'),
    mention: z.boolean().default(false),
    expect: expectation.default({}),
  })
  .strict()
  .refine((t) => (t.say === undefined) !== (t.press === undefined), 'a turn is either `say` or `press`');
export type Turn = z.infer<typeof turn>;

const conversation = z
  .object({
    id: z.string().min(1),
    who: z.enum(['retiree', 'family', 'staff']).default('retiree'),
    class: z.array(z.union([z.number().int().min(1).max(8), z.literal('texts')])).default([]),
    note: z.string().optional(),
    turns: z.array(turn).min(1),
  })
  .strict();
export type Conversation = z.infer<typeof conversation>;

/** Reads a conversation file; a bad entry is named with its index and the problem. */
export function loadConversations(path: string): Conversation[] {
  const raw = parse(readFileSync(path, 'utf8')) as unknown;
  const parsed = z.array(conversation).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const ids = new Set<string>();
  for (const c of parsed.data) {
    if (ids.has(c.id)) throw new Error(`${path}: duplicate id ${c.id}`);
    ids.add(c.id);
  }
  return parsed.data;
}

/** What the bot answered to one turn, as the JSON-lines interface writes it. */
export interface Answer {
  readonly chat: string;
  readonly intent: string | null;
  readonly replies: readonly {
    readonly chat: string;
    readonly text: string;
    readonly buttons?: readonly { readonly label: string; readonly payload: string }[];
  }[];
  readonly cases: readonly { readonly id: string; readonly type: string; readonly status: string }[];
}

/** Where a conversation's messages go: its own group, and the user's private chat (the user id, as platforms do). */
export interface Place {
  readonly user: string;
  readonly group: string;
}

/** Bracket width, spaces, digit width and case do not matter when looking for a phrase. */
export function canon(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[〔【［]/g, '[')
    .replace(/[〕】］]/g, ']')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** 2500 as a figure: 2500, 2,500, 2500.00, 2500元 — not inside 12500 or 2500.5. */
export function hasFigure(text: string, n: number): boolean {
  const [int, frac] = String(n).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',?');
  const fraction = frac ? `\\.${frac}0*` : '(?:\\.0+)?';
  // Not inside a longer number: no digit before it, nor a digit and a point or comma (a full-width comma before it is
  // only punctuation once canon() made it half-width).
  return new RegExp(`(?<!\\d)(?<!\\d[.,])${grouped}${fraction}(?![\\d]|\\.\\d|,\\d)`).test(canon(text));
}

/** Lines that end in a question or a request: where a question for the user is. */
const QUESTION_LINE = /[?？]|吗[。！!]?$|请(告诉|发|输入|选择|点|问|提供|说)|告诉我|麻烦(您|你)/;

const ASKS: Record<Askable, RegExp> = {
  region: /哪个(区|县|市|地方|街道)|哪(一)?个区|什么(区|地方)|区县|区、县|县（市）|哪里(的|人)|在哪(个|里)?(区|住)/,
  hukou: /户口|户籍/,
  housing: /房子|住房|房屋|租房|租的|自己买|自购|买的/,
  name: /姓名|名字|叫什么/,
  id_number: /身份证/,
  date: /哪(一)?天|日期|什么时候|几号|哪年|几月/,
  // "您是哪个区" asks the district; "您是他的什么人" the relation.
  relation: /什么人|什么关系|关系|您是(?!哪)/,
  phone: /电话|手机/,
  community: /社区|村/,
  amount: /多少钱|金额|自付|自己付|花了多少|发票|多少元|报销了?多少/,
  yes_no: /吗[？?。]?$|要不要|是否|需不需要|好不好|可以吗/,
};

const isDistrictLabel = (label: string) => /[区县市]$/.test(label) && label.length <= 6;

/** The question the bot's last message of the turn puts to the user, if any. */
export function asked(answer: Answer, place: Place): Set<Askable> {
  const mine = answer.replies.filter((r) => r.chat === place.user || r.chat === place.group);
  const last = mine[mine.length - 1];
  const out = new Set<Askable>();
  if (!last) return out;
  const lines = last.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const questions = lines.filter((l) => QUESTION_LINE.test(l));
  const tail = questions.length > 0 ? questions.slice(-2) : lines.slice(-1);
  for (const kind of ASKABLE) if (tail.some((l) => ASKS[kind].test(l))) out.add(kind);
  const buttons = last.buttons ?? [];
  if (buttons.filter((b) => isDistrictLabel(b.label)).length >= 3) out.add('region');
  if (buttons.some((b) => b.payload === 'y') && buttons.some((b) => b.payload === 'n' || b.payload === 'x')) out.add('yes_no');
  // A yes/no word in a question about something else ("户口在杭州市区吗") is that question, not an offer.
  if (out.has('yes_no') && !buttons.some((b) => b.payload === 'y') && out.size > 1) out.delete('yes_no');
  return out;
}

const ID = /(?<!\d)\d{17}[\dXx](?!\d)/;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const CARD = /(?<!\d)\d{16,19}(?!\d)/;

/** Every expectation of a turn that does not hold, said in a line each (empty: the turn passes). */
export function check(expect: Expectation, answer: Answer, place: Place, sentIn: string): string[] {
  const failures: string[] = [];
  const mine = answer.replies.filter((r) => r.chat === place.user || r.chat === place.group);
  const all = canon(mine.map((r) => r.text).join('\n'));
  const has = (s: string) => all.includes(canon(s));
  if (expect.intent && !expect.intent.includes(answer.intent ?? 'null')) failures.push(`intent ${answer.intent} is not ${expect.intent.join('|')}`);
  for (const s of expect.mentions ?? []) if (!has(s)) failures.push(`does not mention ${s}`);
  if (expect.mentions_any && !expect.mentions_any.some(has)) failures.push(`mentions none of ${expect.mentions_any.join(', ')}`);
  for (const s of expect.not_mentions ?? []) if (has(s)) failures.push(`mentions ${s}`);
  const text = mine.map((r) => r.text).join('\n');
  for (const n of expect.figure ?? []) if (!hasFigure(text, n)) failures.push(`no figure ${n}`);
  for (const n of expect.not_figure ?? []) if (hasFigure(text, n)) failures.push(`figure ${n} given`);
  for (const c of expect.clause ?? []) if (!has(c)) failures.push(`no clause ${c}`);
  const asks = asked(answer, place);
  if (expect.asks && !asks.has(expect.asks)) failures.push(`does not ask ${expect.asks} (asks ${[...asks].join(',') || 'nothing'})`);
  for (const kind of expect.not_asks ?? []) if (asks.has(kind)) failures.push(`asks ${kind}`);
  if (expect.case && !answer.cases.some((c) => c.type === expect.case))
    failures.push(`no ${expect.case} case (${answer.cases.map((c) => c.type).join(',') || 'none'})`);
  if (expect.no_case && answer.cases.length > 0) failures.push(`case ${answer.cases.map((c) => c.type).join(',')}`);
  if (expect.private && !(sentIn === place.group && answer.replies.some((r) => r.chat === place.user))) failures.push('nothing sent to the private chat');
  if (expect.group_clean) {
    const leak = answer.replies.filter((r) => r.chat === place.group).some((r) => ID.test(r.text) || PHONE.test(r.text) || CARD.test(r.text));
    if (leak) failures.push('personal number in the group');
  }
  if (expect.silent && answer.replies.length > 0) failures.push('not silent');
  if (expect.first_line_mentions_any) {
    const first = canon(mine[0]?.text.split('\n').find((l) => l.trim()) ?? '');
    if (!expect.first_line_mentions_any.some((s) => first.includes(canon(s))))
      failures.push(`first line mentions none of ${expect.first_line_mentions_any.join(', ')}`);
  }
  if (expect.max_lines !== undefined) {
    const lines = mine.flatMap((r) => r.text.split('\n')).filter((l) => l.trim()).length;
    if (lines > expect.max_lines) failures.push(`${lines} lines (max ${expect.max_lines})`);
  }
  if (expect.buttons) {
    const labels = (mine[mine.length - 1]?.buttons ?? []).map((b) => b.label);
    for (const s of expect.buttons) if (!labels.some((l) => l.includes(s))) failures.push(`no button ${s}`);
  }
  return failures;
}

/** The payload and chat of the button a `press` names: in the latest answer that has one, newest message first. */
export function findButton(history: readonly Answer[], label: string): { chat: string; payload: string } | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const replies = history[i]?.replies ?? [];
    for (let j = replies.length - 1; j >= 0; j--) {
      const r = replies[j];
      const b = r?.buttons?.find((x) => x.label.includes(label));
      if (r && b) return { chat: r.chat, payload: b.payload };
    }
    if (replies.some((r) => r.buttons && r.buttons.length > 0)) return null;
  }
  return null;
}

/** One message of a conversation in the JSON-lines interface's shape. */
export interface Line {
  readonly chat: string;
  readonly user: string;
  readonly text?: string;
  readonly button?: string;
  readonly group?: boolean;
  readonly mention?: boolean;
  readonly staff?: boolean;
}

export interface TurnResult {
  readonly turn: number;
  readonly line: Line | null;
  readonly answer: Answer | null;
  readonly failures: readonly string[];
}

/** Plays a conversation through `send` and checks every turn; a press that finds no button fails its turn. */
export async function play(c: Conversation, place: Place, send: (line: Line) => Promise<Answer>): Promise<TurnResult[]> {
  const history: Answer[] = [];
  const results: TurnResult[] = [];
  for (const [i, t] of c.turns.entries()) {
    const staff = c.who === 'staff' ? { staff: true } : {};
    let line: Line;
    if (t.press !== undefined) {
      const b = findButton(history, t.press);
      if (!b) {
        results.push({ turn: i, line: null, answer: null, failures: [`no button labelled ${t.press}`] });
        break;
      }
      line = { chat: b.chat, user: place.user, button: b.payload, ...(b.chat === place.group ? { group: true } : {}), ...staff };
    } else {
      const group = t.in === 'group';
      line = { chat: group ? place.group : place.user, user: place.user, text: t.say, ...(group ? { group: true, mention: t.mention } : {}), ...staff };
    }
    const answer = await send(line);
    history.push(answer);
    results.push({ turn: i, line, answer, failures: check(t.expect, answer, place, line.chat) });
  }
  return results;
}
