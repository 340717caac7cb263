import { start } from '../form.ts';
import { DIALOGS } from '../forms/index.ts';
import type { Turn } from '../turn.ts';

/** A payload that is not ours (forged, or from an old version): "按钮已过期", with the menu. */
export function badButton(t: Turn): boolean {
  if (!t.badButton) return false;
  t.say(t.tr.t('button-expired'), t.menuButtons());
  return true;
}

/** A topic from the menu: whatever was pending gives way to it. */
export async function menuButton(t: Turn): Promise<boolean> {
  if (t.button?.kind !== 'intent') return false;
  t.state = null;
  t.intent = t.button.intent;
  if (DIALOGS.has(t.button.intent)) await start(t, t.button.intent);
  else t.say(t.tr.t('button-expired'), t.menuButtons());
  return true;
}

/** A button whose question is no longer pending (pressed twice, or after the dialog ended). */
export function staleButton(t: Turn): boolean {
  if (t.button === null) return false;
  t.say(t.tr.t('button-expired'), t.menuButtons());
  t.state = null;
  return true;
}
