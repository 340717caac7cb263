import type { Logger } from 'pino';
import type { Incoming, Outgoing, Reply } from '../chat/index.ts';

/**
 * A chat platform. Adapters only translate: platform update → `Incoming`, `Outgoing` replies → platform messages.
 * Dialogs, rules and cases never see which channel is in use.
 */
export interface Channel {
  readonly name: 'telegram' | 'lark' | 'web';
  /** Starts receiving (long polling, long connection, or registering the webhook). */
  start(): Promise<void>;
  /** Stops taking updates and waits for the messages in flight. */
  stop(): Promise<void>;
  /** True while the channel can receive and send (for /readyz). */
  connected(): boolean;
  /** Sends a message that answers nothing (a case announcement to the staff chat, a notice to a family). */
  push(reply: Reply): Promise<void>;
  /** HTTP routes the channel serves in webhook mode, mounted by the service under its paths. */
  readonly webhooks?: readonly WebhookRoute[];
}

/** A webhook handler, framework-free: the service adapts it to its HTTP server. */
export interface WebhookRoute {
  readonly method: 'POST';
  /** e.g. /webhooks/telegram, /webhooks/lark/events, /webhooks/lark/cards */
  readonly path: string;
  handle(request: {
    readonly headers: Readonly<Record<string, string | undefined>>;
    readonly body: string;
  }): Promise<{ status: number; body: string; headers?: Record<string, string> }>;
}

/** What every adapter is given. */
export interface ChannelDeps {
  /** The dialog engine (wrapped by the service for metrics). */
  readonly handle: (incoming: Incoming) => Promise<Outgoing>;
  readonly logger: Logger;
  /** Staff user ids on this platform (from STAFF_IDS). */
  readonly staffIds: ReadonlySet<string>;
  /** The clock; tests fix it. */
  readonly now?: () => Date;
}
