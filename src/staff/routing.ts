import type { Incoming } from '../chat/index.ts';
import type { CaseRecord } from '../store/types.ts';
import type { StaffChat } from './announce.ts';
import { fallbackMember, memberOf, type Roster, type StaffMember } from './roster.ts';
import { announceChatFor, covered } from './scope.ts';

/** Where a new case is announced, and whether nobody in the roster covers its region (flagged for the admins). */
export interface CaseRoute {
  readonly chat: StaffChat;
  readonly flagged: boolean;
}

/** 'telegram:-100123' → { platform, chat }. */
export function staffChatOf(text: string): StaffChat {
  const split = text.indexOf(':');
  return { platform: text.slice(0, split), chat: text.slice(split + 1) };
}

/**
 * The most specific announcement chat of the roster that covers the case; otherwise the city-wide fallback
 * (STAFF_CHAT). A case nobody in the roster covers is flagged; without a roster nothing is flagged (STAFF_IDS alone).
 */
export function routeCase(roster: Roster, fallback: StaffChat | undefined, c: CaseRecord): CaseRoute | null {
  const specific = announceChatFor(roster, c);
  const flagged = roster.staff.length > 0 && !covered(roster, c);
  if (specific && !flagged) return { chat: staffChatOf(specific), flagged };
  if (fallback) return { chat: fallback, flagged };
  return specific ? { chat: staffChatOf(specific), flagged } : null;
}

/**
 * Who is writing, as staff: only from the identity the platform vouches for (platform and user id, never the text).
 * The roster first (its account `platform:user`; the JSON-lines interface's users are `cli:<user>`); otherwise a user
 * the channel marked as staff (STAFF_IDS, or `"staff": true` in JSON lines) is a city-wide caseworker. The web chat
 * vouches for nobody: never staff.
 */
export function staffResolver(roster: () => Roster): (incoming: Incoming) => StaffMember | null {
  return (incoming) => {
    if (incoming.platform === 'web' || incoming.origin !== undefined) return null;
    const platform = incoming.platform === 'jsonl' ? 'cli' : incoming.platform;
    const listed = memberOf(roster(), `${platform}:${incoming.user}`);
    if (listed) return listed;
    return incoming.staff ? fallbackMember(`${incoming.platform}:${incoming.user}`) : null;
  };
}
