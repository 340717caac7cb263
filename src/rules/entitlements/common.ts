import { citationsOf, type Entitlement, type Item, type Outcome, type Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { valueAt } from '../parameter.ts';
import type { Regime } from '../regime.ts';
import type { Citation, Money } from '../types.ts';

interface Parts {
  readonly outcome: Outcome;
  readonly amount?: Money | null;
  readonly reason?: Point;
  readonly conditions?: readonly Point[];
  readonly documents?: readonly Point[];
  readonly parts?: Entitlement['parts'];
  readonly extraCitations?: readonly Citation[];
}

/** Assembles an entitlement; citations are gathered from everything it says, so none can be forgotten. */
export function entitlement(item: Item, regime: Regime, p: Parts): Entitlement {
  const conditions = p.conditions ?? [];
  const documents = p.documents ?? [];
  return {
    item,
    region: regime.region.name,
    doc: regime.law?.doc ?? null,
    outcome: p.outcome,
    amount: p.amount ?? null,
    ...(p.reason ? { reason: p.reason } : {}),
    conditions,
    documents,
    notices: regime.notices,
    citations: citationsOf(p.parts ? p.parts.map((part) => part.cite) : [], p.reason ? [p.reason] : [], conditions, documents, p.extraCitations ?? []),
    ...(p.parts ? { parts: p.parts } : {}),
  };
}

/** The region's document sets nothing for this item; `related` points at what the text does say, if anything. */
export function notSet(item: Item, regime: Regime, related?: Point): Entitlement {
  return entitlement(item, regime, { outcome: 'not_set', ...(related ? { reason: related } : {}) });
}

/**
 * What a text with no illness money says instead: visits when a retiree is seriously ill or dies (002 第二十五条(二)),
 * or else its regular visits to the seriously ill among others (001 四(四), 003 第二十四条).
 */
export function illnessVisits(regime: Regime, asOf: IsoDate): Point | undefined {
  const visits = valueAt(regime.law?.visitsOnIllnessAndDeath, asOf);
  if (visits) return { code: 'visit_on_serious_illness_or_death', cite: visits.cite };
  const rounds = valueAt(regime.law?.hardshipVisits, asOf);
  return rounds && { code: 'hardship_visits_no_amount', cite: rounds.cite };
}
