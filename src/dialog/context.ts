import type { Button, ButtonAction, CaseRef, Incoming } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';
import type { Understanding } from '../nlu/index.ts';
import type { Aspect, IsoDate, Topic, TopicInput } from '../rules/index.ts';
import type { Json, Store } from '../store/types.ts';

export type Slots = { [name: string]: Json };

/** What a dialog sees of the current turn. Channels are invisible here. */
export interface TurnCtx {
  readonly incoming: Incoming;
  /** Today in Asia/Shanghai: the date the rules answer for. */
  readonly asOf: IsoDate;
  readonly tr: Translator;
  readonly store: Store;
  /** The chat replies go to by default (the incoming chat, or the private chat a dialog moved to). */
  readonly chat: string;
  /** Replies here are seen by a group: no personal data, shorter answers. */
  readonly inGroup: boolean;
  /** What the bot remembers of the user (region); dialogs may update it. */
  readonly profile: { region?: string };
  /** Whether this message may open a case now (a per-client limit of the web chat); absent: always. */
  readonly allowCase?: (incoming: Incoming) => boolean | Promise<boolean>;
  /** Cases this turn opened or changed. */
  readonly cases: CaseRef[];
}

/** The message as dialogs read it. */
export interface Msg {
  readonly text: string;
  readonly understanding: Understanding | null;
  readonly button: ButtonAction | null;
}

/**
 * What a message gives for a slot: a value, an error (said before the question is asked again), or nothing.
 * `aside`: the message was something else (a question answered in the error's words), not a failed attempt, so it
 * does not count toward the tries before a person is offered.
 */
export type Read = { readonly value: Json } | { readonly error: string; readonly args?: Record<string, string | number>; readonly aside?: true } | null;

/** One question of a form. */
export interface SlotSpec {
  readonly name: string;
  /** Locale id of the question. */
  readonly ask: string;
  /** The prompt when it depends on what is known ("这个社区在哪个区县？" once the community is said); `ask` otherwise. */
  askFor?(slots: Slots): string;
  readonly buttons?: (ctx: TurnCtx) => readonly Button[];
  /** Asked only when this holds for what is known so far. */
  readonly when?: (slots: Slots) => boolean;
  /** Never asked: read when the user says it. */
  readonly optional?: boolean;
  /** Personal data: never taken from or shown in a group. */
  readonly personal?: boolean;
  /** Its words name other topics ("体检" as a budget item, "考核" as a grade): read whatever topic a classifier sees. */
  readonly topicWords?: boolean;
  /** Words that take a value carried from before away ("每人" asks per head: no head count carried over). */
  readonly clearedBy?: RegExp;
  /** Reads the slot from a message; `awaited` is true when this is the question just asked (looser reading). */
  read(msg: Msg, ctx: TurnCtx, awaited: boolean): Read;
}

/** What a dialog says when its form is complete, or when the user accepts its offer. */
export interface Outcome {
  readonly lines: readonly string[];
  readonly buttons?: readonly Button[];
  /** offer: yes/no to open a case (its question is the last line); confirm: yes/no to the collected facts; done: nothing pending. */
  readonly next: 'offer' | 'confirm' | 'done';
  /** No answer yet: what was said is wrong and its slot is asked again (the lines say why). */
  readonly again?: true;
  /** After answering, the dialog still waits for this optional slot (its question is in `lines`). */
  readonly awaiting?: string;
  /** Hands over to another dialog (an application that needs the applicant's details), with what is known. */
  readonly continueWith?: { readonly intent: string; readonly slots: Slots };
}

/** What a dialog's slots tell the rules about its topic (self-pay, stays, festival …), beside the region. */
export type FactsInput = Omit<TopicInput, 'region' | 'asOf'>;

export interface DialogDef {
  readonly intent: string;
  readonly slots: readonly SlotSpec[];
  /** Topics whose facts answer what this dialog's own do not (a death report: the funeral money; a budget: its item). */
  readonly relatedTopics?: (slots: Slots) => readonly Topic[];
  /** The dialog whose answer this one applies for: a correction of its facts answers it again, for them. */
  readonly answeredBy?: string;
  /** The rules topic whose facts answer questions about this dialog ("要带什么材料", "能拿两次吗"). */
  readonly topic?: Topic;
  /** What the slots known so far tell the rules about the topic. */
  factsInput?(slots: Slots, asOf: IsoDate): FactsInput;
  /** Collects personal data: runs only in a private chat. */
  readonly privateOnly?: boolean;
  /**
   * What the first message told can make another dialog the right one (a funeral-money question that tells whose
   * death and when is a death report first): that dialog starts instead, with these slots.
   */
  handOver?(slots: Slots, asOf: IsoDate): { readonly intent: string; readonly slots: Slots } | null;
  /** The place whose text answers questions while no place is known (a move: 杭州市区's clause), not each text's. */
  readonly answersFor?: string;
  /** What is worth saying as soon as the first message tells enough, before the next question (the move's proof). */
  saysEarly?(slots: Slots): readonly Aspect[];
  /** Applying for it is done by another dialog (丧事慰问 is paid on a death report): "帮我登记" starts that one. */
  readonly appliedVia?: string;
  /**
   * A question asked while this dialog waits, read in its own terms ("那个钱" in a death report is the funeral money);
   * null when it reads as anywhere else.
   */
  questionOf?(text: string, aspects: readonly Aspect[]): { readonly aspects: readonly Aspect[]; readonly other: string | null } | null;
  /** Lines said when the dialog starts, from what the first message told. */
  opening?(ctx: TurnCtx, slots: Slots): readonly string[];
  finish(ctx: TurnCtx, slots: Slots): Promise<Outcome> | Outcome;
  /** The user said yes to the offer or confirmation. */
  accept?(ctx: TurnCtx, slots: Slots): Promise<Outcome> | Outcome;
}

/** The slot where a dialog keeps the sides of its topic the user asked about (documents, stop, …), for its answer. */
export const ASPECTS = '_aspects';
/** The sides of the topic the last question asked while the form waited ("那已经取了的咋办" asks them again). */
export const ASIDE_ASPECTS = '_aside';
/** The other topic a question answered while the form waited was about ("那帮我登记报销" applies for it). */
export const ASIDE_TOPIC = '_asideTopic';
/** The slot where a staff topic keeps the words it was asked in, for short follow-ups read against them. */
export const QUESTION = 'question';
/** The slot set when the user asked to apply ("我要申请", "帮他登记"): the form goes on to the application. */
export const APPLY = '_apply';
/** The retiree's former employer, when the texts make an exception for it (省部属 → original channel). */
export const EMPLOYER = '_employer';
/** "养老金给停了": the writer's pension told as suspended, which suspends them from the fund (004 二(一)). */
export const SUSPENDED = '_suspended';

/** Who the writer said they are (their employer, a suspended pension): true of them whatever they ask next. */
export function whoTheyAre(slots: Slots): Slots {
  const out: Record<string, Slots[string]> = {};
  for (const name of [EMPLOYER, SUSPENDED]) {
    const value = slots[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The slot where a dialog keeps the yes/no question the first message asked. */
export const YES_NO_ASKED = '_yn';

/** The yes/no question the first message asked, whose verdict leads the answer even after the district was asked. */
export function yesNoAsked(slots: Slots): string | undefined {
  const v = slots[YES_NO_ASKED];
  return typeof v === 'string' ? v : undefined;
}
