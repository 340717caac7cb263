import { describe, expect, it } from 'vitest';
import { budget, communityStaff, jiandeAllocation, publicityRule, publishable, type Result, staffForRetirees } from '../../src/rules/index.ts';

const AS_OF = '2026-11-21';
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('budgets per retiree', () => {
  it('Hangzhou: 120 + 200 + 130 + 2800 in a check year; the district may hold back 15; 1:1 except the 社保基金 part', () => {
    const b = value(budget({ doc: 'hangzhou', asOf: AS_OF, retirees: 1000, checkYear: true }));
    expect(b.rows.map((r) => `${r.item}:${r.perRetiree.toFixed(0)}:${r.total.toFixed(0)}`)).toEqual([
      'service_care:120:120000',
      'health_check:200:200000',
      'group_activity:130:130000',
      'festival:2800:2800000',
    ]);
    expect(b.rows[0]?.reserve).toMatchObject({ holder: 'district' });
    expect(b.rows[0]?.reserve?.total.toFixed(0)).toBe('15000');
    expect(b.perRetiree.toFixed(0)).toBe('3250');
    expect(b.total.toFixed(0)).toBe('3250000');
    // 四(一): the other rows split 1:1; 节日慰问费 is paid 由一般公共预算、社保基金等, and only its 社保基金 part is
    // outside the split — a part the text does not size, so the row is given whole, never divided by a guess.
    expect(b.split?.shared.toFixed(0)).toBe('450000');
    expect(b.split?.city.toFixed(0)).toBe('225000');
    expect(b.split?.district.toFixed(0)).toBe('225000');
    expect(b.split?.partlyFromSocialFund?.items).toEqual(['festival']);
    expect(b.split?.partlyFromSocialFund?.total.toFixed(0)).toBe('2800000');
    expect(b.rows[0]?.reserve?.perRetiree.toFixed(0)).toBe('15');
    expect(b.rows.map((r) => r.checkYearOnly)).toEqual([false, true, false, false]);
    expect(b.citations.map((c) => c.clause)).toEqual(['四(一)', '四(一)']);
  });
  it('Hangzhou outside a check year leaves out the 200 health-check line', () => {
    const b = value(budget({ doc: 'hangzhou', asOf: AS_OF, retirees: 1000, checkYear: false }));
    expect(b.perRetiree.toFixed(0)).toBe('3050');
    expect(b.split?.shared.toFixed(0)).toBe('250000');
    expect(b.split?.partlyFromSocialFund?.total.toFixed(0)).toBe('2800000');
  });
  it('Hangzhou 2023 has no standard yet', () => {
    const r = budget({ doc: 'hangzhou', asOf: '2023-12-31', retirees: 10 });
    expect(r.ok ? 'ok' : r.error.code).toBe('not_in_force');
  });
  it.each([
    ['2024-06-30', false],
    ['2026-11-21', true],
  ])('Jiande 90 per retiree, city holds 15; as of %s latest-published notice %s', (asOf, notice) => {
    const b = value(budget({ doc: 'jiande', asOf, retirees: 200 }));
    expect(b.total.toFixed(0)).toBe('18000');
    expect(b.rows[0]?.reserve).toMatchObject({ holder: 'city' });
    expect(b.rows[0]?.reserve?.perRetiree.toFixed(0)).toBe('15');
    expect(b.rows[0]?.reserve?.total.toFixed(0)).toBe('3000');
    expect(b.points.map((p) => p.code)).toEqual(['budget_standard', 'split_city_pays_health_check_in_full', 'same_as_hangzhou_by']);
    expect(b.notices.some((n) => n.code === 'latest_published_value')).toBe(notice);
  });
  it.each([
    [true, '25000', '25000'],
    [false, '0', '50000'],
  ])('Changsha 100 per retiree; shared with city %s → city %s, district %s', (sharedWithCity, city, district) => {
    const b = value(budget({ doc: 'changsha', asOf: '2025-04-30', retirees: 500, sharedWithCity }));
    expect(b.total.toFixed(0)).toBe('50000');
    expect(b.split?.city.toFixed(0)).toBe(city);
    expect(b.split?.district.toFixed(0)).toBe(district);
    expect(b.split?.partlyFromSocialFund).toBeNull();
    expect(b.notices).toEqual([]);
  });
  it('Changsha on 2025-05-01 carries the expiry notice', () => {
    const b = value(budget({ doc: 'changsha', asOf: '2025-05-01', retirees: 500 }));
    expect(b.notices).toEqual([{ code: 'document_expired', doc: 'changsha', expiredAfter: '2025-04-30' }]);
  });
  it('Henan 1000 per retiree', () => {
    expect(value(budget({ doc: 'henan', asOf: AS_OF, retirees: 3 })).total.toFixed(0)).toBe('3000');
  });
  it.each([-1, 1.5])('rejects %s retirees', (retirees) => {
    const r = budget({ doc: 'henan', asOf: AS_OF, retirees });
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_count');
  });
});

describe('Jiande allocation by assessment grade (四(三))', () => {
  it.each([
    ['优秀', '110000.00', '0'],
    ['良好', '100000.00', '0'],
    ['合格', '90000.00', '10000'],
    ['不合格', '70000.00', '30000'],
  ] as const)('%s → %s paid, %s back to 市级统筹', (grade, paid, withheld) => {
    const a = value(jiandeAllocation({ computed: 100000, grade, asOf: AS_OF }));
    expect(a.paid.toFixed(2)).toBe(paid);
    expect(a.withheld.toFixed(0)).toBe(withheld);
    expect(a.timesPerYear).toBe(2);
    expect(a.cite.clause).toBe('四(三)');
  });
  it('works in fen without float drift', () => {
    expect(value(jiandeAllocation({ computed: '0.10', grade: '合格', asOf: AS_OF })).paid.toFixed(2)).toBe('0.09');
    expect(value(jiandeAllocation({ computed: '33333.33', grade: '优秀', asOf: AS_OF })).paid.toFixed(2)).toBe('36666.66');
  });
});

describe('staffing (Henan 五(四))', () => {
  it.each([
    [0, 0],
    [1, 1],
    [300, 1],
    [301, 2],
    [600, 2],
    [601, 3],
  ])('%s retirees → %s managers', (n, count) => {
    expect(value(staffForRetirees(n, AS_OF)).count).toBe(count);
  });
  it.each([
    [999, 5],
    [1000, 7],
    [1999, 7],
    [2000, 9],
    [3000, 9],
    [3001, 9],
    [3299, 9],
    [3300, 10],
    [3600, 11],
  ])('%s households → %s community staff', (h, count) => {
    expect(value(communityStaff(h, AS_OF)).count).toBe(count);
  });
});

describe('publicity (公示)', () => {
  it.each([
    ['hangzhou', 'website_or_community', '五(三)'],
    ['jiande', 'notice_board', '五(二)'],
  ] as const)('%s: only name, gender, age, amount; at least 7 days', (doc, place, clause) => {
    const rule = value(publicityRule(doc, AS_OF));
    expect(rule.fields).toEqual(['name', 'gender', 'age', 'amount']);
    expect(rule.forbidden).toEqual(['address', 'phone', 'bank_card', 'id_number', 'family_hardship']);
    expect(rule.minDays).toBe(7);
    expect(rule.place).toBe(place);
    expect(rule.cite.clause).toBe(clause);
  });
  it('strips every other field from a record', () => {
    const record = { name: '张三', gender: '男', age: 78, amount: '2500', phone: '13812345678', id_number: '330182195203151239', address: 'x' };
    expect(publishable(record)).toEqual({ name: '张三', gender: '男', age: 78, amount: '2500' });
  });
});
