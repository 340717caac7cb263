import type { Aspect } from './facts.ts';
import type { Region } from './regions.ts';
import type { Citation, DocId, Money, Notice } from './types.ts';

/** A condition, a document to bring or a step, as a code the locale turns into words; figures sit in `params`. */
export interface Point {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly cite: Citation;
  /** Sides this point answers in this case beyond its code's own (a late report: what must be returned). */
  readonly alsoAnswers?: readonly Aspect[];
}

export type Outcome =
  /** A set amount (funeral 200). */
  | 'fixed'
  /** The text sets a ceiling: always said as "最高不超过". */
  | 'ceiling'
  /** Goods, not money (慰问品 for 75+). */
  | 'in_kind'
  /** The rules apply and give nothing here, with a reason. */
  | 'none'
  /** The document for this region sets no such item. */
  | 'not_set';

export type Item = 'hospitalization' | 'serious_illness' | 'funeral' | 'festival' | 'health_check' | 'group_activity' | 'group_leader_subsidy';

export interface Entitlement {
  readonly item: Item;
  readonly region: string;
  readonly doc: DocId | null;
  readonly outcome: Outcome;
  readonly amount: Money | null;
  /** Why the outcome is `none` or `not_set`. */
  readonly reason?: Point;
  readonly conditions: readonly Point[];
  readonly documents: readonly Point[];
  readonly notices: readonly Notice[];
  /** Every clause the answer rests on, in the order of use, without repeats. */
  readonly citations: readonly Citation[];
  /** Per-part figures where an item has parts (festival per festival). */
  readonly parts?: readonly { readonly label: string; readonly amount: Money; readonly cite: Citation }[];
}

export function citationsOf(...groups: readonly (readonly (Point | Citation | undefined)[])[]): Citation[] {
  const out: Citation[] = [];
  for (const group of groups) {
    for (const entry of group) {
      if (!entry) continue;
      const cite = 'cite' in entry ? entry.cite : entry;
      // Few citations per answer: a scan beats building string keys.
      if (!out.some((c) => c === cite || (c.doc === cite.doc && c.clause === cite.clause && c.quote === cite.quote))) out.push(cite);
    }
  }
  return out;
}

export type { Region };
