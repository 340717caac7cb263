import { renderCitations, renderNotice, renderPoint } from '../answers/index.ts';
import type { Translator } from '../i18n/index.ts';
import { inTextWords } from '../nlu/cues.ts';
import { type Citation, type IsoDate, provisionsFor, TOPICS, topicFacts } from '../rules/index.ts';
import { lead, verdict } from './answers.ts';

/** Words that say nothing of which fact is meant: the question's frame, and what every fact here is about. */
const FILLER =
  /[那呢吗的了啊呀吧么嘛哦哈是要能会可以怎么什么啥咋哪儿有没还也就都我你他她俺咱这个一下些们]|多少|几|谁|退休|人员|社区|管理|服务|企业|规定|文件|办法|社会化/g;
/** A fact is meant when the question shares at least this many two-character words with it. */
const MIN_SHARED = 2;

function pairs(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.replace(FILLER, ' ').match(/[\u4e00-\u9fa5]{2,}/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

interface Fact {
  readonly said: string;
  readonly cite: Citation;
  /** The fact and the words of its clause, and the two-character words in them. */
  readonly text: string;
  readonly words: Set<string>;
}

function fact(said: string, cite: Citation): Fact {
  const text = `${said} ${cite.quote}`;
  return { said, cite, text, words: pairs(text) };
}

/** A district's facts on a date are the same for every question: worked out once (per sentence set). */
const known = new WeakMap<Translator, Map<string, Fact[]>>();
/** Districts and dates kept at most (the oldest go first). */
const KEPT = 64;

function factsOf(tr: Translator, region: string, asOf: IsoDate): Fact[] {
  const byPlace = known.get(tr) ?? new Map<string, Fact[]>();
  known.set(tr, byPlace);
  const key = `${region}|${asOf}`;
  const kept = byPlace.get(key);
  if (kept) return kept;
  const facts = allFacts(tr, region, asOf);
  if (byPlace.size >= KEPT) byPlace.delete(byPlace.keys().next().value as string);
  byPlace.set(key, facts);
  return facts;
}

function allFacts(tr: Translator, region: string, asOf: IsoDate): Fact[] {
  const out: Fact[] = [];
  for (const topic of TOPICS) {
    const f = topicFacts(topic, { region, asOf });
    if (f.ok) for (const p of f.value.points) out.push(fact(renderPoint(tr, p), p.cite));
  }
  const r = provisionsFor(region, asOf);
  if (r.ok) for (const p of r.value.provisions) out.push(fact(tr.t(`provision-${p.doc}-${p.code}`), p.cite));
  return out;
}

/**
 * "档案呢" after a party-membership answer, "企退之家那项几分": the fact of the district's text that a short question's
 * words point at — among everything the bot can state for it (its topics' facts and its provisions), the one sharing
 * the most two-character words with the question (in the fact or in the words of its clause). Null when none shares
 * enough, or two are as close.
 */
export function recallFact(tr: Translator, asOf: IsoDate, region: string, question: string): string | null {
  const asked = pairs(inTextWords(question));
  if (asked.size === 0) return null;
  const scored = factsOf(tr, region, asOf).map((fact) => {
    const { text, words } = fact;
    const shared = [...asked].filter((w) => words.has(w));
    // Ties go to the fact that says the words most often: it is about them, not passing by.
    const mentions = shared.reduce((n, w) => n + text.split(w).length - 1, 0);
    return { fact, score: shared.length * 100 + mentions, shared: shared.length };
  });
  const best = scored.reduce<(typeof scored)[number] | null>((a, b) => (a === null || b.score > a.score ? b : a), null);
  // One word asked ("档案呢") is enough when it is all the question says; otherwise two.
  if (!best || best.shared < Math.min(MIN_SHARED, asked.size)) return null;
  const rivals = scored.filter((s) => s.score === best.score && s.fact.said !== best.fact.said);
  if (rivals.length > 0) return null;
  const fact = best.fact;
  const r = provisionsFor(region, asOf);
  const notices = r.ok ? r.value.notices.map((n) => renderNotice(tr, n)) : [];
  // "…可以吗": the yes or no the question asks, read off the fact.
  const [first = fact.said] = lead(verdict(question, fact.said), [fact.said]);
  return [first, ...notices, renderCitations(tr, [fact.cite])].join('\n');
}
