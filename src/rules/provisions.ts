import type { IsoDate } from './dates.ts';
import { DOCUMENTS, documentStatus } from './documents.ts';
import { LAWS } from './law/index.ts';
import { regimeFor } from './regime.ts';
import { type Citation, type DocId, type Notice, ok, type Result } from './types.ts';

/**
 * Rules of a text that no topic answers (work injury, party membership, archives, 高龄补贴 …): each a code with its
 * clause, in force from its date. What is said of one lives in locales (provision-<doc>-<code>).
 */
export interface Provision {
  readonly doc: DocId;
  readonly code: string;
  readonly cite: Citation;
}

/** The provisions of one text in force on a date. */
export function provisionsOf(doc: DocId, asOf: IsoDate): Provision[] {
  return (LAWS[doc].provisions ?? []).filter((p) => p.from <= asOf).map((p) => ({ doc, code: p.value, cite: p.cite }));
}

/** The provisions that answer for a region (its own text's), with what must be said of that text. */
export function provisionsFor(region: string, asOf: IsoDate): Result<{ readonly provisions: Provision[]; readonly notices: readonly Notice[] }> {
  const r = regimeFor(region, asOf);
  if (!r.ok) return r;
  return ok({ provisions: r.value.law ? provisionsOf(r.value.law.doc, asOf) : [], notices: r.value.notices });
}

/** Every text's provisions, for a question whose district is not known; an expired text's carry its notice. */
export function everyProvision(asOf: IsoDate): { readonly provision: Provision; readonly notice: Notice | null }[] {
  return (Object.keys(LAWS) as DocId[]).flatMap((doc) => {
    const document = DOCUMENTS[doc];
    const status = documentStatus(document, asOf);
    if (status === 'not_yet') return [];
    const notice: Notice | null = status === 'expired' && document.lastDay ? { code: 'document_expired', doc, expiredAfter: document.lastDay } : null;
    return provisionsOf(doc, asOf).map((provision) => ({ provision, notice }));
  });
}
