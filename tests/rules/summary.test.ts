import { describe, expect, it } from 'vitest';
import { annualSummary } from '../../src/rules/index.ts';

describe('annual summary for staff', () => {
  it('西湖区, 2 stays, self-pay 8000, 75, all year → every entitlement with its figure and clause', () => {
    const r = annualSummary({ region: '西湖区', asOf: '2026-11-21', age: 75, selfPay: 8000, hospitalizations: 2 });
    if (!r.ok) throw new Error(r.error.code);
    const rows = r.value.entitlements.map((e) => [e.item, e.outcome, e.amount?.toFixed(0) ?? null, e.citations[0]?.clause]);
    expect(rows).toEqual([
      ['hospitalization', 'fixed', '150', '三(一)3'],
      ['serious_illness', 'ceiling', '500', '三(一)4'],
      ['festival', 'fixed', '2800', '三(四)'],
      ['health_check', 'fixed', '400', '三(二)'],
      ['group_activity', 'in_kind', null, '三(三)'],
      ['funeral', 'fixed', '200', '三(一)5'],
    ]);
    expect(r.value.year).toBe(2026);
  });
  it('建德, self-pay 45000, hardship, lives outside 杭州市', () => {
    const r = annualSummary({ region: '建德', asOf: '2026-11-21', selfPay: 45000, hardship: 'hardship', livesOutsideHangzhou: true });
    if (!r.ok) throw new Error(r.error.code);
    const rows = r.value.entitlements.map((e) => [e.item, e.outcome, e.amount?.toFixed(0) ?? null]);
    expect(rows).toEqual([
      ['hospitalization', 'fixed', '150'],
      ['serious_illness', 'ceiling', '2500'],
      ['festival', 'ceiling', '500'],
      ['health_check', 'ceiling', '400'],
      ['group_activity', 'not_set', null],
      ['funeral', 'fixed', '200'],
    ]);
  });
  it('passes errors through as data', () => {
    const r = annualSummary({ region: '西湖区', asOf: '2026-11-21', selfPay: -3 });
    expect(r.ok ? 'ok' : r.error.code).toBe('negative_amount');
    const u = annualSummary({ region: '火星', asOf: '2026-11-21' });
    expect(u.ok ? 'ok' : u.error.code).toBe('unknown_region');
  });
});
