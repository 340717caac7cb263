/**
 * What the benchmark sends: a realistic mix of single-turn questions and multi-turn dialogs, many chats at once.
 *
 * A *conversation* is one person's script (a list of steps); each conversation instance gets its own chat and user
 * ids, so its dialog is valid, and its steps are sent in order, each after the previous reply (as a person would).
 * `Conversations` keeps a pool of live conversations (e.g. 200) and hands out the next message of one that has no
 * message in flight, so several dialogs are always interleaved and in-flight messages are in different chats.
 *
 * Everything is drawn from a seeded PRNG: every run sends the same messages in the same order.
 */
import { readFileSync } from 'node:fs';
import type { Incoming, Outgoing } from '../src/chat/index.ts';
import { loadIntents } from '../src/nlu/index.ts';
import { pick, pickWeighted, prng } from './stats.ts';

/** The clock of the simulated conversations: a Saturday morning; each step is 20 s after the previous one. */
export const NOW_BASE = Date.parse('2026-11-21T10:00:00+08:00');
const STEP_MS = 20_000;

export interface Step {
  /** Where the message is written: the conversation's group chat, or the user's private chat. */
  readonly where: 'group' | 'private';
  readonly text?: string;
  readonly button?: string;
  readonly mention?: boolean;
}

export interface Scenario {
  readonly name: string;
  /** Relative frequency among conversations. */
  readonly weight: number;
  /** Cases this script opens when the bot behaves as the transcripts say. */
  readonly cases: number;
  readonly make: (rand: () => number) => readonly Step[];
}

const p = (text: string): Step => ({ where: 'private', text });
const btn = (button: string): Step => ({ where: 'private', button });
const g = (text: string, mention = false): Step => ({ where: 'group', text, mention });

/** Hand-written messages, as retirees type them (typos, colloquial numbers, mixed punctuation). */
export const OWN_SENTENCES: readonly string[] = [
  '自付一万二能拿多少大病慰问',
  '我老伴住院自己掏了三万多，大病慰问能给多少',
  '拱墅区 住院慰问多少钱',
  '建德市丧事慰问金有多少',
  '上城区春节慰问多少',
  '西湖区体检多久一次',
  '滨江 我80岁了 小组活动去不了 有什么',
  '上城区 小组长管了45个人 补助多少',
  '长沙 养老金资格认证一年做几次',
  '西湖区 刚退休 什么时候纳入社区管理',
  '建德 家里特别困难 有慰问吗',
  '我换了手机号要登记吗',
  '我在杭州市内搬家了，管理关系怎么转',
  '我父亲昨天去世了',
  '转人工',
  '我的登记办得怎么样了',
  '你好',
  '谢谢你啊小助手',
  '算了不问了',
  '好的',
  '不用了',
  '今天菜场的青菜便宜了',
  '明天下雨吗',
  '广场舞几点开始 有人一起吗',
  '養老金資格認證怎麼做',
  '体检报销要带什么材料？？？',
  '住院了两次 自付8000 能拿多少慰问 75岁 萧山',
  '請問重陽節有慰問品嗎',
  '我妈上个月走了，丧葬慰问金找谁领',
  '👍👍👍',
  '哈哈哈哈哈',
  '小组活动经费怎么报销 我们组有12个人',
  '老年证怎么办理',
  '医保卡丢了怎么办',
  '我想把户口迁到余杭区，退休管理关系要不要跟着转',
  '请问一下我们社区今年的健康体检什么时候开始，在哪家医院做，需要空腹吗，要不要带身份证和医保卡，家属可以陪同吗',
  '帮我查一下C20261121-0001办到哪了',
  '小助手在吗 我有个事想问',
  '不对，是四万五',
  '西湖区',
];

const SERIOUS_ILLNESS_WITH_AMOUNT = [
  '自付一万二能拿多少大病慰问',
  '大病慰问 自己付了两万 能拿多少',
  '我今年住院自付三万块，大病慰问有多少',
  '我老伴今年住院加门诊自己掏了一万二，能申请大病慰问吗',
];
const OFFER_REGIONS = ['建德市', '西湖区'];
const OUT_OF_SCOPE = ['明天下雨吗', '今天社区食堂什么菜', '电费怎么交', '有没有好的旅游团推荐', '广场舞几点开始', '快递到了放哪里', '老年证怎么办理'];
const CHATTER = ['今天菜场的青菜便宜了', '哈哈哈哈', '早上好各位', '下午谁去打牌', '👍👍', '这个视频真好笑', '老王你家孙子考上了吧', '收到', '明天几点集合'];
const GREETINGS = ['你好', '您好', '在吗', '小助手你好', '早上好'];
const SINGLE_TURN = [
  '拱墅区 住院慰问多少钱',
  '建德市丧事慰问金有多少',
  '上城区春节慰问多少',
  '西湖区体检多久一次',
  '滨江 我80岁了 小组活动去不了 有什么',
  '上城区 小组长管了45个人 补助多少',
  '长沙 养老金资格认证一年做几次',
  '西湖区 刚退休 什么时候纳入社区管理',
  '建德 家里特别困难 有慰问吗',
  '我换了手机号要登记吗',
];

/** Example sentences of every intent, read from intents/*.json. */
export function intentSentences(): string[] {
  return loadIntents().flatMap((d) => d.examples);
}

/** The held-out evaluation sentences (tests/nlu/heldout.jsonl): real-looking messages the model was not trained on. */
export function heldoutSentences(): string[] {
  try {
    const raw = readFileSync(new URL('../tests/nlu/heldout.jsonl', import.meta.url), 'utf8');
    return raw
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
  } catch {
    return [];
  }
}

export function scenarios(): Scenario[] {
  const sampled = intentSentences();
  return [
    // 大病慰问: amount in the text, region by button, offer declined.
    {
      name: 'serious_illness_offer_declined',
      weight: 8,
      cases: 0,
      make: (r) => [p(pick(r, SERIOUS_ILLNESS_WITH_AMOUNT)), btn(`s:region:${pick(r, OFFER_REGIONS)}`), btn('n')],
    },
    // 大病慰问: no amount (the scale), region typed, amount next, offer declined.
    {
      name: 'serious_illness_scale_then_amount',
      weight: 4,
      cases: 0,
      make: () => [p('大病慰问能拿多少'), p('西湖区'), p('自己付了四万五'), btn('n')],
    },
    // 大病慰问: offer accepted, the application filled in and confirmed: a case.
    {
      name: 'serious_illness_application',
      weight: 2,
      cases: 1,
      make: (r) => [
        p(pick(r, SERIOUS_ILLNESS_WITH_AMOUNT)),
        btn('s:region:建德市'),
        btn('y'),
        p(pick(r, ['王秀英', '刘建华', '陈桂兰'])),
        btn(`s:gender:${pick(r, ['男', '女'])}`),
        p(String(60 + Math.floor(r() * 30))),
        btn('y'),
      ],
    },
    {
      name: 'transfer',
      weight: 2,
      cases: 1,
      make: () => [p('我在杭州市内搬家了，管理关系怎么转'), p('余杭'), p('西湖区'), btn('s:hukou:yes'), btn('s:housing:own'), btn('y')],
    },
    // Reported in a group: a short word there, the details in private, confirmed: a case.
    {
      name: 'death_report_in_private',
      weight: 1,
      cases: 1,
      make: () => [g('我父亲昨天去世了'), p('刘建华'), p('330182195203151239'), p('13812345678'), p('长沙'), p('天心区桂花社区'), btn('y')],
    },
    { name: 'greeting', weight: 10, cases: 0, make: (r) => [p(pick(r, GREETINGS))] },
    { name: 'greeting_in_group', weight: 3, cases: 0, make: (r) => [g(pick(r, GREETINGS), true)] },
    { name: 'out_of_scope', weight: 8, cases: 0, make: (r) => [p(pick(r, OUT_OF_SCOPE))] },
    // Group chatter the bot stays out of (NLU and the store still run).
    {
      name: 'group_chatter',
      weight: 20,
      cases: 0,
      make: (r) => Array.from({ length: 1 + Math.floor(r() * 3) }, () => g(pick(r, CHATTER))),
    },
    { name: 'single_turn_question', weight: 18, cases: 0, make: (r) => [p(pick(r, SINGLE_TURN))] },
    // Any example sentence of any intent: often starts a dialog and leaves it waiting.
    { name: 'intent_example', weight: 18, cases: 0, make: (r) => [p(pick(r, sampled))] },
    { name: 'cancel', weight: 3, cases: 0, make: () => [p('大病慰问'), p('算了')] },
    { name: 'correction', weight: 3, cases: 0, make: () => [p('自付一万二能拿多少大病慰问'), btn('s:region:建德市'), p('不对，是四万五')] },
  ];
}

export interface Conversation {
  readonly id: number;
  readonly scenario: Scenario;
  readonly steps: readonly Step[];
  readonly group: string;
  readonly user: string;
  /** Index of the next step to send. */
  next: number;
  inFlight: boolean;
  start: number;
}

export interface Sent {
  readonly conversation: Conversation;
  readonly step: Step;
  readonly incoming: Incoming;
  /** The conversation's place in the pool. */
  readonly slot: number;
}

/** Counters that tell whether the workload went the way the transcripts say (they are reported, not asserted). */
export interface WorkloadCheck {
  messages: number;
  /** Messages that got at least one reply. */
  answered: number;
  /** Group messages left unanswered, as expected for chatter. */
  quiet: number;
  conversationsCompleted: number;
  /** Every case opened (some example sentences, e.g. 转人工, open one too). */
  casesOpened: number;
  /** Cases opened by the scripted case-filing dialogs (application, transfer, death report)… */
  casesScripted: number;
  /** …and how many they should have opened (one per completed script). */
  casesExpected: number;
  /** Replies saying "system error" or "busy". */
  systemErrors: number;
  /** Button presses answered with "button expired" (a dialog that did not go as scripted). */
  expiredButtons: number;
  byScenario: Record<string, number>;
}

export interface ConversationsOptions {
  readonly seed: number;
  /** Live conversations at any time (chats in the pool). */
  readonly live: number;
  readonly platform?: string;
  /** Distinguishes the ids of several runs sharing one store. */
  readonly idPrefix: string;
  /** Give each message a platform message id, as the channels do (adds the dedupe `markSeen` write). */
  readonly messageIds?: boolean;
  /** Texts that mark a reply as a system error / expired button (from the translator). */
  readonly errorTexts: readonly string[];
  readonly expiredText: string;
}

export class Conversations {
  readonly check: WorkloadCheck = {
    messages: 0,
    answered: 0,
    quiet: 0,
    conversationsCompleted: 0,
    casesOpened: 0,
    casesScripted: 0,
    casesExpected: 0,
    systemErrors: 0,
    expiredButtons: 0,
    byScenario: {},
  };
  readonly #rand: () => number;
  readonly #scenarios: readonly Scenario[];
  readonly #weighted: readonly (readonly [number, Scenario])[];
  readonly #pool: Conversation[] = [];
  /** Indexes into the pool of conversations with no message in flight. */
  readonly #idle: number[] = [];
  #nextId = 0;
  #messageSeq = 0;

  constructor(readonly options: ConversationsOptions) {
    this.#rand = prng(options.seed);
    this.#scenarios = scenarios();
    this.#weighted = this.#scenarios.map((s) => [s.weight, s] as const);
    for (let i = 0; i < options.live; i++) {
      this.#pool.push(this.#newConversation());
      this.#idle.push(i);
    }
  }

  #newConversation(): Conversation {
    const scenario = pickWeighted(this.#rand, this.#weighted);
    const id = this.#nextId++;
    this.check.byScenario[scenario.name] = (this.check.byScenario[scenario.name] ?? 0) + 1;
    return {
      id,
      scenario,
      steps: scenario.make(this.#rand),
      group: `${this.options.idPrefix}g${id}`,
      user: `${this.options.idPrefix}u${id}`,
      next: 0,
      inFlight: false,
      start: NOW_BASE + Math.floor(this.#rand() * 3600_000),
    };
  }

  /** The next message of a random conversation with nothing in flight; null when every one is waiting. */
  take(): Sent | null {
    if (this.#idle.length === 0) return null;
    const k = Math.floor(this.#rand() * this.#idle.length);
    const slot = this.#idle[k] as number;
    this.#idle[k] = this.#idle[this.#idle.length - 1] as number;
    this.#idle.pop();
    const conversation = this.#pool[slot] as Conversation;
    conversation.inFlight = true;
    const step = conversation.steps[conversation.next] as Step;
    const chat = step.where === 'group' ? conversation.group : conversation.user;
    const incoming: Incoming = {
      platform: this.options.platform ?? 'bench',
      chat,
      user: conversation.user,
      ...(step.text !== undefined ? { text: step.text } : {}),
      ...(step.button !== undefined ? { button: step.button } : {}),
      group: step.where === 'group',
      mention: step.mention ?? false,
      staff: false,
      ...(this.options.messageIds ? { messageId: String(++this.#messageSeq) } : {}),
      now: new Date(conversation.start + conversation.next * STEP_MS),
    };
    return { conversation, step, incoming, slot };
  }

  /** Records the reply and moves the conversation on (a finished one is replaced by a new one). */
  done(sent: Sent, out: Outgoing | null): void {
    const c = this.check;
    c.messages++;
    if (out) {
      if (out.replies.length > 0) c.answered++;
      else if (sent.step.where === 'group') c.quiet++;
      for (const r of out.replies) {
        if (this.options.errorTexts.includes(r.text)) c.systemErrors++;
        if (sent.step.button !== undefined && r.text.startsWith(this.options.expiredText)) c.expiredButtons++;
      }
      const opened = out.cases.filter((x) => x.status === 'open').length;
      c.casesOpened += opened;
      if (sent.conversation.scenario.cases > 0) c.casesScripted += opened;
    } else {
      c.systemErrors++;
    }
    const slot = sent.slot;
    const conversation = sent.conversation;
    conversation.inFlight = false;
    conversation.next++;
    if (conversation.next >= conversation.steps.length) {
      c.conversationsCompleted++;
      c.casesExpected += conversation.scenario.cases;
      this.#pool[slot] = this.#newConversation();
    }
    this.#idle.push(slot);
  }
}
