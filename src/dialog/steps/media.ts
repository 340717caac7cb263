import type { Turn } from '../turn.ts';

/** Not text: a sticker or a voice note cannot be read; said kindly where the bot was addressed. */
export function media(t: Turn): boolean {
  const { incoming } = t;
  if (!incoming.media || incoming.text || incoming.button !== undefined) return false;
  if (!incoming.group || incoming.mention) t.say(t.tr.t('media-unsupported'));
  return true;
}
