import type { Reply } from '../chat/index.ts';
import { caseButton } from '../chat/index.ts';
import type { Translator } from '../i18n/index.ts';
import type { CaseRecord } from '../store/types.ts';
import { caseDetail } from './view.ts';

export interface StaffChat {
  readonly platform: string;
  readonly chat: string;
}

/**
 * A new case told to the staff chat, personal data masked, with buttons to claim it or open it in private. `flagged`:
 * nobody in the roster covers its region, so it came to the city-wide fallback chat.
 */
export function announcement(tr: Translator, staffChat: StaffChat, c: CaseRecord, fromPlatform: string, now: number, flagged = false): Reply {
  return {
    chat: staffChat.chat,
    ...(staffChat.platform !== fromPlatform ? { platform: staffChat.platform } : {}),
    text: `${tr.t('case-new')}${flagged ? tr.t('case-unrouted') : ''}\n${caseDetail(tr, c, false, now)}`,
    buttons: [
      { label: tr.t('button-claim'), payload: caseButton('claim', c.id) },
      { label: tr.t('button-view'), payload: caseButton('view', c.id) },
    ],
  };
}
