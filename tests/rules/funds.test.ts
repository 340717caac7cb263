import { describe, expect, it } from 'vitest';
import { type DocId, type FundTopic, fundFacts, fundPoints, rubricItemIn } from '../../src/rules/index.ts';

const AS_OF = '2026-12-05';

/** "code:params" of what one text says on one side of fund management. */
const said = (doc: DocId, topic: FundTopic, asOf = AS_OF) =>
  fundPoints(doc, topic, asOf).map((p) => `${p.code}:${JSON.stringify(p.params ?? {})}@${p.cite.clause}`);

describe('fund management facts (资金管理), each from its clause', () => {
  it.each([
    ['hangzhou', 'advance_transfer', ['fund_advance_transfer:{"percent":70}@四(二)']],
    [
      'hangzhou',
      'settlement',
      [
        'fund_settlement_quarter:{"quarter":2}@四(三)',
        'fund_settled_at_cost:{"items":"health_check|festival|group_activity|service_care"}@四(三)',
        'fund_settlement_cap:{"month":12}@四(三)',
        'fund_entrusted_settlement:{}@四(三)',
      ],
    ],
    ['jiande', 'settlement', ['fund_paid_by_grade:{"times":2}@四(三)']],
    ['hangzhou', 'fixed_assets', ['fund_no_fixed_assets:{"except":"archive_shelf|archive_cabinet"}@四(二)']],
    ['jiande', 'fixed_assets', ['fund_no_fixed_assets:{"except":"archive_shelf|archive_cabinet"}@四(二)']],
    ['changsha', 'fixed_assets', ['fund_office_equipment:{}@第十条']],
    ['liaocheng', 'fixed_assets', ['fund_office_equipment:{}@第十条']],
    ['hangzhou', 'payer', ['fund_payer_city_agency_nonlocal_hukou:{"payer":"city_finance"}@四(一)', 'fund_payer_usual:{"payer":"district_finance"}@四(一)']],
    ['jiande', 'payer', ['fund_payer_provincial_agency_local_hukou:{"payer":"provincial_finance"}@四(一)', 'fund_payer_usual:{"payer":"city_finance"}@四(一)']],
    ['hangzhou', 'dedicated_account', ['fund_dedicated_account:{"items":"festival|health_check"}@四(二)']],
    ['hangzhou', 'payment_method', ['fund_payment_method:{}@四(二)']],
    [
      'liaocheng',
      'form_copies',
      [
        'fund_copies_archive_roster:{"copies":2,"holders":"transferor|receiver"}@附件 档案移交名册表',
        'fund_copies_info_form:{"copies":4,"holders":"enterprise|retiree|community|archive_office"}@附件 基本信息表',
      ],
    ],
  ] as const)('%s %s', (doc, topic, expected) => {
    expect(said(doc, topic)).toEqual(expected);
  });

  it('texts silent on a side say nothing on it (no figure borrowed from another text)', () => {
    expect(fundFacts('advance_transfer', AS_OF).map((f) => f.doc)).toEqual(['hangzhou']);
    expect(fundFacts('assessment', AS_OF).map((f) => f.doc)).toEqual(['jiande']);
    expect(fundFacts('form_copies', AS_OF).map((f) => f.doc)).toEqual(['liaocheng']);
    expect(fundFacts('staff_levels', AS_OF).map((f) => f.doc)).toEqual(['henan']);
    expect(fundFacts('payment_method', AS_OF).map((f) => f.doc)).toEqual(['hangzhou']);
    expect(said('changsha', 'settlement')).toEqual([]);
  });

  it('Henan staffing: 300 retirees per person; county 3–5, community 1–2 (郑州转发 三); households by band', () => {
    expect(said('henan', 'staff_levels')).toEqual([
      'fund_staff_ratio:{"per":300}@五(四)2',
      'fund_staff_levels:{"countyMin":3,"countyMax":5,"communityMin":1,"communityMax":2}@郑州转发通知三',
      'fund_staff_households:{"below1000":5,"from1000":7,"from2000":9,"over3000PerHouseholds":300}@五(四)1',
    ]);
  });

  it('Jiande rubric: 100 points, 50 + 50, and the grades pay 110/100/90/70 %', () => {
    const points = fundPoints('jiande', 'assessment', AS_OF);
    expect(points.map((p) => p.params)).toEqual([
      { total: 100 },
      { dimension: '日常工作', sum: 50, items: '网格化管理:10|慰问走访:10|健康体检:10|待遇认证:10|日常履职:10' },
      { dimension: '优质服务', sum: 50, items: '文体活动:20|创新亮点:20|宣传报道:10' },
      { excellent: 110, good: 100, pass: 90, fail: 70 },
    ]);
    expect(rubricItemIn('jiande', '宣传报道几分', AS_OF)).toMatchObject({ points: 10, dimension: '优质服务' });
    expect(rubricItemIn('jiande', '加分项', AS_OF)).toBeNull();
  });

  it.each([
    ['2023-12-31', 0],
    ['2024-01-01', 1],
  ])('Hangzhou and Jiande fund rules start with their texts: %s → %s texts on advance transfer', (asOf, n) => {
    expect(fundFacts('advance_transfer', asOf)).toHaveLength(n);
  });

  it.each([
    ['2020-04-30', []],
    ['2020-05-01', ['changsha']],
    ['2020-11-11', ['changsha', 'liaocheng']],
  ] as const)('office equipment: %s → %j', (asOf, docs) => {
    expect(
      fundFacts('fixed_assets', asOf)
        .map((f) => f.doc)
        .filter((d) => d === 'changsha' || d === 'liaocheng'),
    ).toEqual(docs);
  });
});
