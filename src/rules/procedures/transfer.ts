import { citationsOf, type Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { DOCUMENTS, documentStatus } from '../documents.ts';
import { LAWS } from '../law/index.ts';
import { valueAt } from '../parameter.ts';
import { regionOrError } from '../regime.ts';
import type { Region } from '../regions.ts';
import { type Citation, type Notice, ok, type Result } from '../types.ts';

/** Whose home the retiree lives in at the new address. */
export type Housing = 'own' | 'relative' | 'rented';

export interface TransferInput {
  readonly from: Region | string;
  readonly to: Region | string;
  readonly asOf: IsoDate;
  /** 户籍 inside 杭州市区. */
  readonly hukouInUrban?: boolean;
  readonly housing?: Housing;
}

export interface TransferAnswer {
  readonly from: string;
  readonly to: string;
  /** Which clause governs the move, or none of ours. */
  readonly route: 'hangzhou_urban' | 'changsha_residence' | 'henan_hukou_or_residence' | 'not_covered';
  /** Facts still needed before the proof list can be given. */
  readonly missing: readonly ('hukou' | 'housing')[];
  readonly proofs: readonly Point[];
  readonly steps: readonly Point[];
  readonly reason?: Point;
  /** The move falls outside our clauses: a person must look at it. */
  readonly staffCase: boolean;
  readonly notices: readonly Notice[];
  readonly citations: readonly Citation[];
}

const TRANSFER_QUOTE = {
  permit: '非杭州市区户籍提供居住证',
  owned: '杭州市区户籍居住在本人或直系亲属自购房屋的提供房屋权属证明',
  rented: '居住在租赁房屋的提供租房协议和房屋权属证明复印件',
} as const;

/**
 * 社会化管理服务关系转移 (004 四(一)): inside 杭州市区 only, applied for at the new residence's 街道(乡镇)/社区 with
 * a residence proof that depends on 户籍 and housing. Changsha and Henan have their own, simpler rules.
 */
export function transfer(input: TransferInput): Result<TransferAnswer> {
  const from = regionOrError(input.from);
  if (!from.ok) return from;
  const to = regionOrError(input.to);
  if (!to.ok) return to;
  const base = { from: from.value.name, to: to.value.name };
  const hz = LAWS.hangzhou;
  const clause = valueAt(hz.transferInUrban, input.asOf);

  if (from.value.inHangzhouUrban && to.value.inHangzhouUrban && clause && documentStatus(DOCUMENTS.hangzhou, input.asOf) === 'in_force') {
    const cite = (quote: string): Citation => ({ doc: 'hangzhou', clause: '四(一)', quote });
    const steps: Point[] = [
      { code: 'apply_at_new_residence_community', params: { to: to.value.name }, cite: clause.cite },
      { code: 'new_place_funds', cite: clause.cite },
    ];
    const missing: ('hukou' | 'housing')[] = [];
    const proofs: Point[] = [];
    if (input.hukouInUrban === undefined) missing.push('hukou');
    else if (!input.hukouInUrban) proofs.push({ code: 'residence_permit', cite: cite(TRANSFER_QUOTE.permit) });
    else if (input.housing === undefined) missing.push('housing');
    else if (input.housing === 'rented') proofs.push({ code: 'lease_and_property_certificate_copy', cite: cite(TRANSFER_QUOTE.rented) });
    else proofs.push({ code: input.housing === 'own' ? 'property_certificate_own' : 'property_certificate_relative', cite: cite(TRANSFER_QUOTE.owned) });
    return ok({ ...base, route: 'hangzhou_urban', missing, proofs, steps, staffCase: false, notices: [], citations: citationsOf(proofs, steps) });
  }

  if (from.value.doc === 'changsha' && to.value.doc === 'changsha') {
    const rule = valueAt(LAWS.changsha.residenceRegistration, input.asOf);
    if (rule) {
      const steps = [{ code: 'register_at_residence_community', cite: rule.cite }];
      const notices: Notice[] =
        documentStatus(DOCUMENTS.changsha, input.asOf) === 'expired' && DOCUMENTS.changsha.lastDay
          ? [{ code: 'document_expired', doc: 'changsha', expiredAfter: DOCUMENTS.changsha.lastDay }]
          : [];
      return ok({ ...base, route: 'changsha_residence', missing: [], proofs: [], steps, staffCase: false, notices, citations: citationsOf(steps) });
    }
  }
  if (from.value.doc === 'henan' && to.value.doc === 'henan') {
    const rule = valueAt(LAWS.henan.handoverByHukouOrResidence, input.asOf);
    if (rule) {
      // 二(二)2 says both: by 户口所在地 or 常年居住地, and 省外户籍 to where the enterprise is.
      const outOfProvince = valueAt(LAWS.henan.outOfProvinceToEnterpriseLocation, input.asOf);
      const steps = [
        { code: 'handover_by_hukou_or_residence', cite: rule.cite },
        ...(outOfProvince ? [{ code: 'out_of_province_to_enterprise_location', cite: outOfProvince.cite }] : []),
      ];
      return ok({
        ...base,
        route: 'henan_hukou_or_residence',
        missing: [],
        proofs: [],
        steps,
        staffCase: false,
        notices: [{ code: 'state_owned_only', doc: 'henan' }],
        citations: citationsOf(steps),
      });
    }
  }

  // Outside 杭州市区 at either end (桐庐, 淳安, 建德, another city): 四(一) does not reach it.
  const outside = [from.value, to.value].find((r) => !r.inHangzhouUrban);
  const reason: Point | undefined = clause && {
    code: 'transfer_outside_hangzhou_urban',
    params: { region: outside?.name ?? to.value.name },
    cite: { doc: 'hangzhou', clause: '四(一)', quote: '杭州市区（指市级及萧山区、余杭区、临平区、富阳区、临安区，下同）' },
  };
  return ok({
    ...base,
    route: 'not_covered',
    missing: [],
    proofs: [],
    steps: [],
    ...(reason ? { reason } : {}),
    staffCase: true,
    notices: [],
    citations: citationsOf(reason ? [reason] : []),
  });
}
