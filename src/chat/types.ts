/** A message or button press from any channel, already translated by its adapter. */
export interface Incoming {
  readonly platform: string;
  readonly chat: string;
  readonly user: string;
  readonly text?: string;
  readonly button?: string;
  readonly group: boolean;
  /** The bot was mentioned or replied to. */
  readonly mention: boolean;
  readonly staff: boolean;
  /** An administrator of this group (the channel knows; absent: not known, not an admin). */
  readonly admin?: boolean;
  /** The platform's message id, for processing a redelivery once. */
  readonly messageId?: string;
  /** What arrived when it is not text: a sticker or a voice note gets a kind "please type" reply. */
  readonly media?: 'sticker' | 'voice' | 'photo' | 'file' | 'other';
  readonly now: Date;
  /**
   * Set by a channel that cannot vouch for who is writing (the web chat): the client the message came from, for
   * per-client limits, and the source staff see on the cases it files.
   */
  readonly origin?: { readonly source: 'web'; readonly client: string };
}

export interface Button {
  readonly label: string;
  readonly payload: string;
}

export interface Reply {
  /** Where it goes: the incoming chat, or the user's private chat when the bot moves there. */
  readonly chat: string;
  readonly text: string;
  readonly buttons?: readonly Button[];
  /** Set when the reply goes to another platform than the message came from (a staff chat elsewhere). */
  readonly platform?: string;
  /** A file to send with the text (the 公示 CSV). */
  readonly attachment?: { readonly name: string; readonly mime: string; readonly content: string };
  /** An idempotency key for a message the bot sends by itself: Lark drops a second send with it (its uuid). */
  readonly key?: string;
}

export interface CaseRef {
  readonly id: string;
  readonly type: string;
  readonly status: string;
}

export interface Outgoing {
  readonly chat: string;
  readonly intent: string | null;
  readonly replies: readonly Reply[];
  readonly cases: readonly CaseRef[];
}
