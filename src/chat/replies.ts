import type { Button, Reply } from './types.ts';

/** Platform message limits (Telegram 4096); longer replies are split. */
const MAX_REPLY = 3500;

/** Collects the replies of a turn; text to the same chat without buttons in between is one message. */
export class Replies {
  readonly list: { chat: string; text: string; buttons?: readonly Button[]; platform?: string; attachment?: Reply['attachment'] }[] = [];
  /** A message to another chat (a staff announcement, a notice to a family), never merged. */
  push(reply: Reply): void {
    this.list.push({ ...reply });
  }
  say(chat: string, text: string, buttons?: readonly Button[]): void {
    const last = this.list[this.list.length - 1];
    if (last && last.chat === chat && !last.buttons && !last.platform && !last.attachment) {
      // A line said already in this message (an answer given, then the form's own answer) is not said twice.
      const said = last.text.split('\n');
      const fresh = text.split('\n').filter((line) => line.trim() === '' || !said.some((s) => s === line || s.endsWith(`。${line}`)));
      const added = fresh.join('\n').trim();
      if (added) last.text = `${last.text}\n\n${added}`;
      if (buttons && buttons.length > 0) last.buttons = buttons;
    } else {
      this.list.push({ chat, text, ...(buttons && buttons.length > 0 ? { buttons } : {}) });
    }
  }
  build(): Reply[] {
    return this.list.flatMap((r) => {
      if (r.text.length <= MAX_REPLY) return [r];
      const parts: Reply[] = [];
      const where = r.platform ? { platform: r.platform } : {};
      for (let i = 0; i < r.text.length; i += MAX_REPLY) parts.push({ chat: r.chat, ...where, text: r.text.slice(i, i + MAX_REPLY) });
      const last = parts[parts.length - 1];
      if (last && r.buttons) parts[parts.length - 1] = { ...last, buttons: r.buttons };
      return parts;
    });
  }
}
