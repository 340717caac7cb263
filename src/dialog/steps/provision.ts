import { renderCitations, renderNotice } from '../../answers/index.ts';
import { isQuestion, namesDeath, namesHeadCount } from '../../nlu/cues.ts';
import { provisionsAsked } from '../../nlu/provisions.ts';
import { everyProvision, type Notice, type Provision, provisionsFor } from '../../rules/index.ts';
import { lead, verdict } from '../answers.ts';
import { defOf } from '../form.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** At most this many texts answer a question whose district is not known. */
const MAX_TEXTS = 3;
/** A follow-up of the answer just given is short. */
const SHORT = 10;

/**
 * "退休后的工伤待遇找谁", "聊城 企业交人过来 要填什么表", "有没有高龄补贴": a rule of the text that no topic answers, said
 * from its clause — the district's text when it is known, otherwise each text that has it, named. A question only;
 * a form that waits asks its question again after.
 */
export function provision(t: Turn): boolean {
  // A death told is the report's (its questions answered there).
  if (t.button !== null || !isQuestion(t.normalized) || namesDeath(t.normalized)) return false;
  // "核算8万 评估良好 半年拨多少", "移交800个退休人员 管理费用算多少": a sum to work out is the budget's.
  if (t.understanding?.slots.amount !== undefined || namesHeadCount(t.normalized)) return false;
  const asked = provisionsAsked(t.normalized);
  if (asked.length === 0) return false;
  const said = t.understanding?.slots.region;
  const known = typeof said === 'string' ? said : typeof t.state?.slots.region === 'string' ? t.state.slots.region : t.profile.region;
  // "要填啥表" right after an answer, the district unknown: the topic in front asks it, not every text.
  const followsUp = t.state?.awaiting === 'done' && t.normalized.length <= SHORT;
  const lines = known ? forRegion(t, known, asked) : followsUp ? null : everywhere(t, asked);
  if (!lines) return false;
  if (typeof said === 'string') t.profile.region = said;
  const s = t.state;
  t.intent = s?.intent ?? t.understanding?.intent ?? null;
  if (s && isPending(s) && s.awaiting !== 'offer' && s.awaiting !== 'confirm') {
    t.ask(defOf(s.intent), s.awaiting, `${lines}\n\n${t.tr.t('resume')}`);
    return true;
  }
  t.say(lines);
  return true;
}

type Asked = ReturnType<typeof provisionsAsked>[number];

const sentence = (t: Turn, p: Provision): string => t.tr.t(`provision-${p.doc}-${p.code}`);

/** The district's own text: its provisions asked (the first the best match), with what must be said of the text. */
function forRegion(t: Turn, region: string, asked: readonly Asked[]): string | null {
  const r = provisionsFor(region, t.ctx.asOf);
  if (!r.ok) return null;
  const found = asked.flatMap((a) => r.value.provisions.filter((p) => p.code === a.code)).slice(0, 2);
  if (found.length === 0) return null;
  return answer(
    t,
    found.map((p) => sentence(t, p)),
    r.value.notices,
    found,
  );
}

/** The district not known: each text that has the rule, by name (an expired one says so). */
function everywhere(t: Turn, asked: readonly Asked[]): string | null {
  const all = everyProvision(t.ctx.asOf);
  const first = asked.find((a) => all.some((x) => x.provision.code === a.code));
  const having = all.filter((x) => x.provision.code === first?.code);
  // "省管干部": the texts that use the very words asked come first, and alone.
  const inTheirWords = having.filter((x) => first !== undefined && x.provision.cite.quote.includes(first.words));
  const found = (inTheirWords.length > 0 ? inTheirWords : having).slice(0, MAX_TEXTS);
  if (found.length === 0) return null;
  const lines = found.map((x) => `${t.tr.t(`text-of-${x.provision.doc}`)}${sentence(t, x.provision)}`);
  const notices = found.flatMap((x) => (x.notice ? [x.notice] : []));
  return answer(
    t,
    lines,
    notices,
    found.map((x) => x.provision),
  );
}

/** "厂里不管我们了吗": asked in the negative, where a bare 是 or 不是 would be read either way. */
const ASKED_NEGATIVE = /不[^，,。？?\s]{1,4}(了)?(吗|么|嘛|伐)/;

function answer(t: Turn, lines: readonly string[], notices: readonly Notice[], found: readonly Provision[]): string {
  const [first, ...rest] = lead(ASKED_NEGATIVE.test(t.normalized) ? '' : verdict(t.normalized, lines), lines);
  return [
    first,
    ...notices.map((n) => renderNotice(t.tr, n)),
    ...rest,
    renderCitations(
      t.tr,
      found.map((p) => p.cite),
    ),
  ].join('\n');
}
