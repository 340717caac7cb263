import { renderCitations, renderNotice } from '../answers/index.ts';
import type { Translator } from '../i18n/index.ts';
import { provisionsAsked } from '../nlu/provisions.ts';
import { everyProvision, type IsoDate, type Notice, type Provision, provisionsFor } from '../rules/index.ts';
import { lead, verdict } from './answers.ts';

/**
 * The answer to a question about a rule of the text that no topic answers (src/rules/provisions.ts): the district's
 * text when it is known, otherwise each text that has it, named. Null when no text answers it.
 */
export function provisionAnswer(tr: Translator, asOf: IsoDate, text: string, region: string | undefined): string | null {
  const asked = provisionsAsked(text);
  if (asked.length === 0) return null;
  const q = { tr, asOf, text };
  return region ? forRegion(q, region, asked) : everywhere(q, asked);
}

/** At most this many texts answer a question whose district is not known. */
const MAX_TEXTS = 3;

type Asked = ReturnType<typeof provisionsAsked>[number];
interface Q {
  readonly tr: Translator;
  readonly asOf: IsoDate;
  readonly text: string;
}

const sentence = (q: Q, p: Provision): string => q.tr.t(`provision-${p.doc}-${p.code}`);

/** The district's own text: its provisions asked (the first the best match), with what must be said of the text. */
function forRegion(q: Q, region: string, asked: readonly Asked[]): string | null {
  const r = provisionsFor(region, q.asOf);
  if (!r.ok) return null;
  const found = asked.flatMap((a) => r.value.provisions.filter((p) => p.code === a.code)).slice(0, 2);
  if (found.length === 0) return null;
  return answer(
    q,
    found.map((p) => sentence(q, p)),
    r.value.notices,
    found,
  );
}

/** The district not known: each text that has the rule, by name (an expired one says so). */
function everywhere(q: Q, asked: readonly Asked[]): string | null {
  const all = everyProvision(q.asOf);
  const first = asked.find((a) => all.some((x) => x.provision.code === a.code));
  const having = all.filter((x) => x.provision.code === first?.code);
  // "省管干部": the texts that use the very words asked come first, and alone.
  const inTheirWords = having.filter((x) => first !== undefined && x.provision.cite.quote.includes(first.words));
  const found = (inTheirWords.length > 0 ? inTheirWords : having).slice(0, MAX_TEXTS);
  if (found.length === 0) return null;
  const lines = found.map((x) => `${q.tr.t(`text-of-${x.provision.doc}`)}${sentence(q, x.provision)}`);
  const notices = found.flatMap((x) => (x.notice ? [x.notice] : []));
  return answer(
    q,
    lines,
    notices,
    found.map((x) => x.provision),
  );
}

/** "厂里不管我们了吗": asked in the negative, where a bare 是 or 不是 would be read either way. */
const ASKED_NEGATIVE = /不[^，,。？?\s]{1,4}(了)?(吗|么|嘛|伐)/;

function answer(q: Q, lines: readonly string[], notices: readonly Notice[], found: readonly Provision[]): string {
  const [first, ...rest] = lead(ASKED_NEGATIVE.test(q.text) ? '' : verdict(q.text, lines), lines);
  return [
    first,
    ...notices.map((n) => renderNotice(q.tr, n)),
    ...rest,
    renderCitations(
      q.tr,
      found.map((p) => p.cite),
    ),
  ].join('\n');
}
