import type { IsoDate } from '../dates.ts';
import { LAWS } from '../law/index.ts';
import { valueAt } from '../parameter.ts';
import { type Citation, type DocId, err, ok, type Result } from '../types.ts';

/** The only fields a 公示 may show, and those it must never show (004 五(三), 000 五(二)). */
export const PUBLICITY_FIELDS = ['name', 'gender', 'age', 'amount'] as const;
export const NEVER_PUBLISHED = ['address', 'phone', 'bank_card', 'id_number', 'family_hardship'] as const;
export type PublicityField = (typeof PUBLICITY_FIELDS)[number];

export interface PublicityRule {
  readonly items: readonly ('serious_illness' | 'group_leader_subsidy')[];
  readonly fields: readonly PublicityField[];
  readonly forbidden: readonly (typeof NEVER_PUBLISHED)[number][];
  readonly minDays: number;
  readonly place: 'website_or_community' | 'notice_board';
  readonly cite: Citation;
}

export function publicityRule(doc: DocId, asOf: IsoDate): Result<PublicityRule> {
  const rule = valueAt(LAWS[doc].publicity, asOf);
  if (!rule) return err({ code: 'not_in_force', doc, asOf });
  return ok({
    items: ['serious_illness', 'group_leader_subsidy'],
    fields: PUBLICITY_FIELDS,
    forbidden: NEVER_PUBLISHED,
    minDays: rule.value.minDays,
    place: rule.value.place,
    cite: rule.cite,
  });
}

/** Keeps only the publishable fields of a record: what is not on the list cannot leak into a 公示. */
export function publishable<T extends Partial<Record<PublicityField, unknown>>>(record: T): Pick<T, Extract<keyof T, PublicityField>> {
  const out: Partial<Record<PublicityField, unknown>> = {};
  for (const field of PUBLICITY_FIELDS) if (field in record) out[field] = record[field];
  return out as Pick<T, Extract<keyof T, PublicityField>>;
}

/** 004 四(二): every personal payment goes by real-name bank transfer. */
export function paymentRule(doc: DocId, asOf: IsoDate): Result<{ readonly realNameBankTransfer: true; readonly cite: Citation }> {
  const rule = valueAt(LAWS[doc].realNameBankTransfer, asOf);
  return rule ? ok({ realNameBankTransfer: true, cite: rule.cite }) : err({ code: 'not_in_force', doc, asOf });
}
