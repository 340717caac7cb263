import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Incoming, Outgoing, Reply } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';

/**
 * The terminal channel: a person types, buttons are numbered and pressed by typing the number.
 * Replies sent to the user's private chat are marked as such.
 */
export async function runConsole(options: {
  readonly handle: (incoming: Incoming) => Promise<Outgoing>;
  readonly tr: Translator;
  readonly input: Readable;
  readonly output: Writable;
  readonly now?: () => Date;
  readonly user?: string;
}): Promise<void> {
  const { handle, tr, input, output } = options;
  const user = options.user ?? 'console-user';
  const now = options.now ?? (() => new Date());
  const write = (text: string) => output.write(text);
  const show = (reply: Reply, n: { i: number }): string => {
    const head = reply.chat === user ? tr.t('console-bot') : tr.t('console-bot-group');
    const lines = [`${head}：${reply.text}`];
    for (const b of reply.buttons ?? []) lines.push(`  [${++n.i}] ${b.label}`);
    return lines.join('\n');
  };

  write(`${tr.t('console-welcome')}\n> `);
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let buttons: { payload: string }[] = [];
  for await (const raw of rl) {
    const text = raw.trim();
    if (text === '/quit' || text === '/exit') break;
    const pressed = /^\d{1,2}$/.test(text) ? buttons[Number(text) - 1] : undefined;
    const out = await handle({
      platform: 'console',
      chat: user,
      user,
      ...(pressed ? { button: pressed.payload } : { text: raw }),
      group: false,
      mention: false,
      staff: false,
      now: now(),
    });
    buttons = out.replies.flatMap((r) => [...(r.buttons ?? [])]);
    const counter = { i: 0 };
    for (const reply of out.replies) write(`${show(reply, counter)}\n`);
    for (const c of out.cases) write(`  · ${c.id} ${tr.t(`case-type-${c.type}`)} ${tr.t(`case-status-${c.status}`)}\n`);
    write('> ');
  }
  write(`\n${tr.t('thanks-reply')}\n`);
}
