import { isKind, KINDS, type Kind, type Subscription } from '../../care/kinds.ts';
import { type Button, CANCEL, careButton } from '../../chat/index.ts';
import type { Turn } from '../turn.ts';

/**
 * Reminders in chat, read by cue rules rather than an NLU intent (the intent ids are fixed): subscribe ("每年认证提醒我
 * 一下", "体检到时候叫我"), list ("我订了哪些提醒"), change ("认证提醒改到5月10日"), stop ("不要再提醒了"); a group's
 * `/notices on|off`; staff `/notice <text>` with a preview and a confirm button.
 */
const KIND_CUES: readonly (readonly [Kind, RegExp])[] = [
  ['cert', /认证|认定|年审/],
  ['check', /体检/],
  ['leader', /小组长|组长补助/],
  ['festival', /节日|过节|春节|端午|中秋|重阳|节前/],
];
const LIST = /(订|定|设|开)了?(哪些|什么|几个|几种)提醒|我的提醒|提醒(列表|有哪些)|查(一下|看)?.{0,2}提醒/;
const STOP = /(不要|别|不用|取消|停止|停掉|关掉|关闭)(再)?(给我)?.{0,6}提醒|不再提醒|退订/;
const CHANGE = /(改到|改成|改为|换到|换成|挪到)/;
/** "叫我一声", "提醒我一下" — but not "社区叫我去认证" / "通知我交材料", which report an errand and ask about it. */
// "她叫我问问要啥材料": someone asked the writer to ask — 叫 after a person is no reminder.
const SUBSCRIBE =
  /(提醒|(?<![他她妈爸儿女妹弟哥姐人])叫|通知|喊)(一下|下)?我(?!去|来|交|填|带|办|到|拿|签|做|们|自己|把|送|问|帮|跟|打|说|查)|叫一声|提个醒|订.{0,4}提醒/;
const HOW = /怎么|在哪|哪里|哪儿|咋/;
const NOTICES = /^\s*[/／]notices(?:\s+(on|off|开|关))?\s*$/i;
const NOTICE = /^\s*[/／]notice(?:\s+([\s\S]*))?$/i;

const CN: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** 1–31 in digits or simple Chinese numerals (十二, 二十五). */
function small(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  const [a, b] = raw.split('十');
  if (b === undefined) return CN[raw] ?? 0;
  return (a ? (CN[a] ?? 0) : 1) * 10 + (b ? (CN[b] ?? 0) : 0);
}

/** "5月10日", "十二月一号", "3月" (the 1st). */
export function monthDayOf(text: string): { month: number; day: number } | 'bad' | null {
  const m = /(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]?)?/.exec(text);
  if (!m) return null;
  const month = small(m[1] as string);
  const day = m[2] ? small(m[2]) : 1;
  const ok = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2028, month, 0)).getUTCDate();
  return ok ? { month, day } : 'bad';
}

export const kindOf = (text: string): Kind | undefined => KIND_CUES.find(([, re]) => re.test(text))?.[0];

type CareAsk = { what: 'list' } | { what: 'stop'; kind?: Kind } | { what: 'change'; kind?: Kind } | { what: 'subscribe'; kind?: Kind };

/** What a message asks of reminders, or null when it is about something else. */
export function readCare(text: string): CareAsk | null {
  const kind = kindOf(text);
  const k = kind ? { kind } : {};
  if (LIST.test(text)) return { what: 'list' };
  if (STOP.test(text)) return { what: 'stop', ...k };
  if (/提醒/.test(text) && CHANGE.test(text) && monthDayOf(text) !== null) return { what: 'change', ...k };
  if (SUBSCRIBE.test(text) && !HOW.test(text)) return { what: 'subscribe', ...k };
  return null;
}

function who(t: Turn) {
  return { user: t.user, platform: t.incoming.platform, chat: t.incoming.user };
}

const subButtons = (t: Turn): Button[] => KINDS.map((k) => ({ label: t.tr.t(`care-short-${k}`), payload: careButton('sub', k) }));

function sayList(t: Turn, subs: readonly Subscription[]): void {
  if (subs.length === 0) {
    t.say(t.tr.t('care-list-empty'), subButtons(t));
    return;
  }
  const lines = subs.map((s) => t.tr.t('care-when', { kind: t.tr.t(`care-kind-${s.kind}`), date: s.next }));
  t.say([t.tr.t('care-list'), ...lines].join('\n'), [{ label: t.tr.t('care-button-stop'), payload: careButton('stop') }]);
}

async function subscribe(t: Turn, kind: Kind | undefined, when?: { month: number; day: number }): Promise<void> {
  const care = t.deps.care;
  if (!care) return;
  if (!kind) {
    t.say(t.tr.t('care-which'), subButtons(t));
    return;
  }
  const sub = await care.subscribe(who(t), kind, t.incoming.now, when);
  const args = { kind: t.tr.t(`care-kind-${kind}`), date: sub.next, short: t.tr.t(`care-short-${kind}`), festival: sub.festival ? 'yes' : 'none' };
  t.say(t.tr.t(when ? 'care-changed' : 'care-subscribed', args), [
    { label: t.tr.t('care-button-list'), payload: careButton('list') },
    { label: t.tr.t('care-button-stop'), payload: careButton('stop', kind) },
  ]);
}

async function stop(t: Turn, kind: Kind | undefined): Promise<void> {
  const gone = (await t.deps.care?.stop(t.user, kind)) ?? [];
  if (gone.length === 0) t.say(t.tr.t('care-stop-none'), subButtons(t));
  else t.say(t.tr.t('care-stopped', { kinds: gone.map((k) => t.tr.t(`care-short-${k}`)).join('、') }));
}

async function change(t: Turn, kind: Kind | undefined): Promise<void> {
  const when = monthDayOf(t.normalized);
  if (when === 'bad' || when === null) return t.say(t.tr.t('care-bad-date'));
  if (!kind || kind === 'festival') return t.say(t.tr.t('care-change-which'));
  await subscribe(t, kind, when);
}

async function answer(t: Turn, ask: CareAsk): Promise<void> {
  if (ask.what === 'list') sayList(t, (await t.deps.care?.list(t.user)) ?? []);
  else if (ask.what === 'stop') await stop(t, ask.kind);
  else if (ask.what === 'change') await change(t, ask.kind);
  else await subscribe(t, ask.kind);
}

/** The group's notices on or off: its admins or staff only. */
async function groupSwitch(t: Turn, arg: string | undefined): Promise<void> {
  const { incoming } = t;
  if (!incoming.group) return t.say(t.tr.t('care-group-only'));
  if (!incoming.staff && incoming.admin !== true) return t.say(t.tr.t('care-group-admins'));
  const on = arg === undefined || arg === 'on' || arg === '开';
  await t.deps.care?.groupNotices(incoming.platform, incoming.chat, on, incoming.now);
  t.say(t.tr.t(on ? 'care-group-on' : 'care-group-off'));
}

/** Staff `/notice <text>`: a preview with the audience counted, and a confirm button. */
async function notice(t: Turn, text: string | undefined): Promise<void> {
  if (!t.incoming.staff) return t.say(t.tr.t('staff-only'));
  const body = text?.trim();
  if (!body) return t.say(t.tr.t('care-notice-usage'));
  const draft = await t.deps.care?.draftNotice(body.slice(0, 1000), { user: t.user, platform: t.incoming.platform, chat: t.incoming.chat });
  if (!draft) return;
  t.say(t.tr.t('care-notice-preview', { groups: draft.groups, people: draft.people, text: t.tr.t('care-notice', { text: draft.text }) }), [
    { label: t.tr.t('care-button-send'), payload: careButton('send', draft.id) },
    { label: t.tr.t('care-button-cancel'), payload: CANCEL },
  ]);
}

async function pressed(t: Turn, action: string, arg: string | undefined): Promise<void> {
  const kind = arg !== undefined && isKind(arg) ? arg : undefined;
  if (action === 'list') return answer(t, { what: 'list' });
  if (action === 'stop') return stop(t, kind);
  if (action === 'sub') return subscribe(t, kind);
  if (action === 'send') {
    if (!t.incoming.staff) return t.say(t.tr.t('staff-only'));
    const total = await t.deps.care?.confirmNotice(arg ?? '', t.incoming.now);
    t.say(total === null || total === undefined ? t.tr.t('care-notice-gone') : t.tr.t('care-notice-queued', { total }));
  }
}

/** The step: care buttons, the two commands, and reminder requests in words (in a group only when addressed). */
export async function care(t: Turn): Promise<boolean> {
  const b = t.button;
  const commands = b === null ? (NOTICES.exec(t.text) ?? NOTICE.exec(t.text)) : null;
  const ask = b === null && !commands && (!t.incoming.group || t.incoming.mention) ? readCare(t.normalized) : null;
  if (b?.kind !== 'care' && !commands && !ask) return false;
  t.intent = null;
  if (!t.deps.care) {
    t.say(t.tr.t('care-unavailable'));
    return true;
  }
  if (b?.kind === 'care') await pressed(t, b.action, b.arg);
  else if (commands && NOTICES.test(t.text)) await groupSwitch(t, commands[1]);
  else if (commands) await notice(t, commands[1]);
  else if (ask) await answer(t, ask);
  return true;
}
