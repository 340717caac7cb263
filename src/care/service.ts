import { randomUUID } from 'node:crypto';
import { type Button, careButton } from '../chat/index.ts';
import { SHANGHAI_OFFSET_MS, shanghaiIsoDate } from '../clock.ts';
import type { Translator } from '../i18n/index.ts';
import type { Occurrence } from '../scheduler/types.ts';
import { defaultMonthDay, first, following, type Kind, type Subscription } from './kinds.ts';
import type { CareStore, Draft } from './store.ts';

/** Reminders go at 09:00 Shanghai on their day: after breakfast, well inside the allowed hours. */
const SEND_HOUR = 9;

export interface CareDeps {
  readonly store: CareStore;
  readonly schedule: (occs: readonly Occurrence[]) => Promise<void>;
  readonly tr: Translator;
  /** Festival notices this many days before the festival (FESTIVAL_NOTICE_DAYS). */
  readonly festivalDaysBefore: number;
}

/** The audience of a notice: city-wide now; the staff roster's scopes (STAFF_FILE) will narrow it here. */
export type Scope = 'city';

const at9 = (iso: string) => Date.parse(`${iso}T00:00:00Z`) - SHANGHAI_OFFSET_MS + SEND_HOUR * 3_600_000;
export const reminderKey = (s: Pick<Subscription, 'user' | 'kind' | 'next'>) => `rem|${s.user}|${s.kind}|${s.next}`;

/**
 * What the dialog and the scheduler ask of proactive care: subscribe, list, change, stop; groups on/off; staff
 * notices; and, for the scheduler, the reminder texts, whether an occurrence is still wanted and what follows it.
 */
export class Care {
  constructor(readonly deps: CareDeps) {}

  /** The reminder message of a subscription's next date: what to do, the clause, and buttons. */
  occurrence(sub: Subscription): Occurrence {
    const { tr } = this.deps;
    const [, m, d] = sub.next.split('-');
    const festivalDate = sub.festival ? this.#festivalDay(sub.next) : '';
    const text = tr.t(`care-text-${sub.kind}`, {
      festival: sub.festival ?? '',
      hangzhou: sub.festival === '重阳节' ? 'no' : 'yes',
      date: festivalDate,
      month: Number(m),
      day: Number(d),
    });
    const buttons: Button[] = sub.group
      ? []
      : [
          { label: tr.t('care-button-stop'), payload: careButton('stop', sub.kind) },
          { label: tr.t('care-button-list'), payload: careButton('list') },
        ];
    return {
      key: reminderKey(sub),
      platform: sub.platform,
      chat: sub.chat,
      group: sub.group,
      dueAt: at9(sub.next),
      text,
      buttons,
      meta: { type: 'reminder', user: sub.user, kind: sub.kind, next: sub.next },
    };
  }

  #festivalDay(noticeIso: string): string {
    const f = new Date(Date.parse(`${noticeIso}T00:00:00Z`) + this.deps.festivalDaysBefore * 86_400_000);
    return this.deps.tr.t('date-month-day', { m: String(f.getUTCMonth() + 1), d: String(f.getUTCDate()) });
  }

  /** Subscribes (or re-dates) one kind; the first reminder is scheduled. */
  async subscribe(
    who: { user: string; platform: string; chat: string; group?: boolean },
    kind: Kind,
    now: Date,
    when?: { month: number; day: number },
  ): Promise<Subscription> {
    const today = shanghaiIsoDate(now);
    const old = await this.deps.store.get(who.user, kind);
    const md = when ?? (old?.month !== undefined ? { month: old.month, day: old.day ?? 1 } : defaultMonthDay(today));
    const next = first(kind, today, md.month, md.day, this.deps.festivalDaysBefore);
    const sub: Subscription = {
      user: who.user,
      platform: who.platform,
      chat: who.chat,
      group: who.group ?? false,
      kind,
      ...(kind === 'festival' ? {} : md),
      next: next.date,
      ...(next.festival ? { festival: next.festival } : {}),
    };
    await this.deps.store.put(sub);
    await this.deps.schedule([this.occurrence(sub)]);
    return sub;
  }

  list(user: string): Promise<Subscription[]> {
    return this.deps.store.list(user);
  }

  /** Stops one kind or all; the occurrences already scheduled find no subscription and are not sent. */
  async stop(user: string, kind?: Kind): Promise<Kind[]> {
    const subs = await this.deps.store.list(user);
    const gone: Kind[] = [];
    for (const s of subs) if ((kind === undefined || s.kind === kind) && (await this.deps.store.remove(user, s.kind))) gone.push(s.kind);
    return gone;
  }

  /** Sending time: is the reminder still subscribed, for this date? */
  async wanted(occ: Occurrence): Promise<boolean> {
    const m = occ.meta;
    if (m?.type !== 'reminder') return true;
    const sub = await this.deps.store.get(m.user ?? '', m.kind as Kind);
    return sub !== null && sub.next === m.next;
  }

  /** After a reminder went (or was dropped as stale): the next one. After a notice's copy: its count. */
  async after(occ: Occurrence, outcome: 'sent' | 'stale' | 'unwanted'): Promise<void> {
    const m = occ.meta;
    if (m?.type === 'notice' && m.notice) return this.#counted(m.notice, outcome === 'sent', occ.dueAt);
    if (m?.type !== 'reminder' || outcome === 'unwanted') return;
    const sub = await this.deps.store.get(m.user ?? '', m.kind as Kind);
    if (!sub || sub.next !== m.next) return;
    const next = following(sub, this.deps.festivalDaysBefore);
    const { festival: _f, ...rest } = sub;
    const moved: Subscription = { ...rest, next: next.date, ...(next.festival ? { festival: next.festival } : {}) };
    await this.deps.store.put(moved);
    await this.deps.schedule([this.occurrence(moved)]);
  }

  /** A group's notices on or off: festival notices and staff notices reach it while on. */
  async groupNotices(platform: string, chat: string, on: boolean, now: Date): Promise<void> {
    const user = `group:${platform}:${chat}`;
    if (on) await this.subscribe({ user, platform, chat, group: true }, 'festival', now);
    else await this.stop(user);
  }

  async draftNotice(
    text: string,
    staff: { user: string; platform: string; chat: string },
    scope: Scope = 'city',
  ): Promise<Draft & { groups: number; people: number }> {
    const draft: Draft = { id: randomUUID().slice(0, 8), text, staff: staff.user, platform: staff.platform, chat: staff.chat, scope };
    await this.deps.store.putDraft(draft);
    const audience = await this.audience(scope);
    return { ...draft, groups: audience.filter((a) => a.group).length, people: audience.filter((a) => !a.group).length };
  }

  /** Groups with notices on and subscribers, each chat once, within the scope. */
  async audience(_scope: Scope): Promise<{ platform: string; chat: string; group: boolean }[]> {
    const seen = new Map<string, { platform: string; chat: string; group: boolean }>();
    for (const s of await this.deps.store.all()) seen.set(`${s.platform}:${s.chat}`, { platform: s.platform, chat: s.chat, group: s.group });
    return [...seen.values()];
  }

  /** Confirmed: one copy per chat, scheduled now (quiet hours hold them till morning). Null when already sent. */
  async confirmNotice(id: string, now: Date): Promise<number | null> {
    const draft = await this.deps.store.takeDraft(id);
    if (!draft) return null;
    const audience = await this.audience(draft.scope as Scope);
    await this.deps.store.startCount(id, audience.length, { platform: draft.platform, chat: draft.chat });
    const text = this.deps.tr.t('care-notice', { text: draft.text });
    await this.deps.schedule(
      audience.map((a) => ({
        key: `notice|${id}|${a.platform}:${a.chat}`,
        platform: a.platform,
        chat: a.chat,
        group: a.group,
        dueAt: now.getTime(),
        text,
        buttons: [],
        meta: { type: 'notice', notice: id },
      })),
    );
    return audience.length;
  }

  async #counted(id: string, sent: boolean, dueAt: number): Promise<void> {
    const done = await this.deps.store.countDone(id, sent);
    if (!done) return;
    const text = this.deps.tr.t('care-notice-report', { sent: done.sent, total: done.total });
    await this.deps.schedule([
      { key: `report|${id}`, platform: done.platform, chat: done.chat, group: false, dueAt, text, buttons: [], meta: { type: 'report' } },
    ]);
  }
}
