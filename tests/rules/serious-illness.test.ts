import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Entitlement, type Result, seriousIllness } from '../../src/rules/index.ts';

const AS_OF = '2026-11-21';
const value = (r: Result<Entitlement>): Entitlement => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
};
const ceilingOf = (e: Entitlement) => (e.amount ? e.amount.toFixed(2) : null);

describe('serious-illness ceilings: both sides of every boundary (超出/超过 strictly greater, 不超过 ≤)', () => {
  // [region, self-pay, outcome, ceiling]
  const hangzhou: [string, string, string, string | null][] = [
    ['西湖区', '0', 'none', null],
    ['西湖区', '4999.99', 'none', null],
    ['西湖区', '5000', 'none', null],
    ['西湖区', '5000.00', 'none', null],
    ['西湖区', '5000.01', 'ceiling', '500.00'],
    ['西湖区', '9999.99', 'ceiling', '500.00'],
    ['西湖区', '10000', 'ceiling', '500.00'],
    ['西湖区', '10000.01', 'ceiling', '2500.00'],
    ['西湖区', '40000', 'ceiling', '2500.00'],
    ['西湖区', '40000.01', 'ceiling', '2500.00'],
    ['西湖区', '10000000', 'ceiling', '2500.00'],
  ];
  const jiande: [string, string, string, string | null][] = [
    ['建德市', '5000', 'none', null],
    ['建德市', '5000.01', 'ceiling', '500.00'],
    ['建德市', '10000', 'ceiling', '500.00'],
    ['建德市', '10000.01', 'ceiling', '1000.00'],
    ['建德市', '12000', 'ceiling', '1000.00'],
    ['建德市', '40000', 'ceiling', '1000.00'],
    ['建德市', '40000.01', 'ceiling', '2500.00'],
    ['建德市', '45000', 'ceiling', '2500.00'],
  ];
  it.each([...hangzhou, ...jiande])('%s self-pay %s → %s %s', (region, selfPay, outcome, ceiling) => {
    const e = value(seriousIllness({ region, selfPay, asOf: AS_OF }));
    expect(e.outcome).toBe(outcome);
    expect(ceilingOf(e)).toBe(ceiling);
  });

  it('cites the clause and names the statement and the funds exception in Hangzhou', () => {
    const e = value(seriousIllness({ region: '拱墅区', selfPay: 12000, asOf: AS_OF }));
    expect(e.citations.map((c) => `${c.doc} ${c.clause}`)).toContain('hangzhou 三(一)4');
    expect(e.documents.map((d) => d.code)).toEqual(['medical_expense_statement_unless_big_data']);
    expect(e.conditions.map((c) => c.code)).toContain('amount_depends_on_funds');
    expect(e.conditions[0]).toMatchObject({ code: 'tier_over', params: { lower: '10000', ceiling: '2500' } });
  });

  it('Jiande says recipients are publicised and gives the middle tier bounds', () => {
    const e = value(seriousIllness({ region: '建德', selfPay: '12000', asOf: AS_OF }));
    expect(e.conditions[0]).toMatchObject({ code: 'tier_between', params: { lower: '10000', upper: '40000', ceiling: '1000' } });
    expect(e.conditions.map((c) => c.code)).toContain('recipients_publicised');
    expect(e.citations.every((c) => c.doc === 'jiande')).toBe(true);
  });

  it('explains why not when self-pay is not over 5000', () => {
    const e = value(seriousIllness({ region: '滨江区', selfPay: 5000, asOf: AS_OF }));
    expect(e.reason).toMatchObject({ code: 'self_pay_not_over_threshold', params: { threshold: '5000', selfPay: '5000' } });
  });
});

describe('self-pay not given', () => {
  it.each([
    ['西湖区', ['5000-10000:500', '10000-:2500']],
    ['建德市', ['5000-10000:500', '10000-40000:1000', '40000-:2500']],
  ])('%s lists every tier, the top ceiling as the headline', (region, tiers) => {
    const e = value(seriousIllness({ region, asOf: AS_OF }));
    expect(e.outcome).toBe('ceiling');
    expect(e.amount?.toFixed(0)).toBe('2500');
    const listed = e.conditions.filter((c) => c.code.startsWith('tier_')).map((c) => `${c.params?.lower}-${c.params?.upper ?? ''}:${c.params?.ceiling}`);
    expect(listed).toEqual(tiers);
  });
});

describe('regions without a document of their own', () => {
  it('萧山 answers with the Hangzhou municipal figures, labelled as a reference', () => {
    const e = value(seriousIllness({ region: '萧山', selfPay: 12000, asOf: AS_OF }));
    expect(e.amount?.toFixed(0)).toBe('2500');
    expect(e.doc).toBe('hangzhou');
    expect(e.notices).toContainEqual({ code: 'reference_only', doc: 'hangzhou', region: '萧山区' });
  });
  it.each(['桐庐县', '淳安县', '余杭区', '临平区', '富阳区', '临安区'])('%s is a reference region', (region) => {
    const e = value(seriousIllness({ region, selfPay: 6000, asOf: AS_OF }));
    expect(e.notices.map((n) => n.code)).toContain('reference_only');
  });
  it("西湖区 is the text's own region: no reference notice", () => {
    expect(value(seriousIllness({ region: '西湖区', selfPay: 6000, asOf: AS_OF })).notices).toEqual([]);
  });
  it('宁波 has no document: nothing is set and the notice says so', () => {
    const e = value(seriousIllness({ region: '宁波', selfPay: 12000, asOf: AS_OF }));
    expect(e.outcome).toBe('not_set');
    expect(e.amount).toBeNull();
    expect(e.notices).toEqual([{ code: 'no_document', region: '宁波市' }]);
  });
  it('长沙 sets no amount; the visit clause is given and the expiry noticed', () => {
    const e = value(seriousIllness({ region: '长沙', selfPay: 12000, asOf: AS_OF }));
    expect(e.outcome).toBe('not_set');
    expect(e.reason?.cite).toMatchObject({ doc: 'changsha', clause: '第二十五条(二)' });
    expect(e.notices).toContainEqual({ code: 'document_expired', doc: 'changsha', expiredAfter: '2025-04-30' });
  });
});

describe('effective dates', () => {
  it.each([
    ['西湖区', '2023-12-31', 'not_in_force'],
    ['西湖区', '2024-01-01', 'ok'],
    ['建德市', '2023-12-31', 'not_in_force'],
    ['建德市', '2024-01-01', 'ok'],
  ])('%s on %s → %s', (region, asOf, expected) => {
    const r = seriousIllness({ region, selfPay: 12000, asOf });
    expect(r.ok ? 'ok' : r.error.code).toBe(expected);
  });
});

describe('bad input is a typed error', () => {
  it.each([
    ['-1', 'negative_amount'],
    ['-0.01', 'negative_amount'],
    ['10000000.01', 'absurd_amount'],
    ['1e9', 'absurd_amount'],
    ['abc', 'invalid_amount'],
    ['', 'invalid_amount'],
    ['12.345', 'invalid_amount'],
    ['NaN', 'invalid_amount'],
    ['Infinity', 'invalid_amount'],
  ])('self-pay %s → %s', (selfPay, code) => {
    const r = seriousIllness({ region: '西湖区', selfPay, asOf: AS_OF });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
  it('an unknown region', () => {
    const r = seriousIllness({ region: '火星', selfPay: 12000, asOf: AS_OF });
    expect(r).toEqual({ ok: false, error: { code: 'unknown_region', value: '火星' } });
  });
});

describe('properties', () => {
  const fen = fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => (n / 100).toFixed(2));
  it.each(['西湖区', '建德市'])('%s: more self-pay never lowers the ceiling', (region) => {
    fc.assert(
      fc.property(fen, fen, (a, b) => {
        const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const x = value(seriousIllness({ region, selfPay: lo, asOf: AS_OF }));
        const y = value(seriousIllness({ region, selfPay: hi, asOf: AS_OF }));
        const cx = x.amount?.toNumber() ?? 0;
        const cy = y.amount?.toNumber() ?? 0;
        return cy >= cx;
      }),
      { numRuns: 2000 },
    );
  });
  it("the ceiling is always one of the text's figures", () => {
    fc.assert(
      fc.property(fen, fc.constantFrom('西湖区', '建德市', '萧山区'), (selfPay, region) => {
        const e = value(seriousIllness({ region, selfPay, asOf: AS_OF }));
        return e.amount === null || ['500', '1000', '2500'].includes(e.amount.toFixed(0));
      }),
    );
  });
});
