import { describe, expect, it } from 'vitest';
import { coverage, deathProcedure, deathReportRule, pensionCertification, type Result, transfer } from '../../src/rules/index.ts';

const AS_OF = '2026-11-21';
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('管理关系转移 transfer inside 杭州市区 (004 四(一))', () => {
  it.each([
    [false, undefined, ['residence_permit']],
    [false, 'own', ['residence_permit']],
    [true, 'own', ['property_certificate_own']],
    [true, 'relative', ['property_certificate_relative']],
    [true, 'rented', ['lease_and_property_certificate_copy']],
  ] as const)('hukou in urban %s, housing %s → %s', (hukouInUrban, housing, proofs) => {
    const a = value(transfer({ from: '西湖区', to: '余杭区', asOf: AS_OF, hukouInUrban, ...(housing ? { housing } : {}) }));
    expect(a.route).toBe('hangzhou_urban');
    expect(a.proofs.map((p) => p.code)).toEqual(proofs);
    expect(a.missing).toEqual([]);
    expect(a.steps.map((s) => s.code)).toEqual(['apply_at_new_residence_community', 'new_place_funds']);
    expect(a.citations.every((c) => c.doc === 'hangzhou' && c.clause === '四(一)')).toBe(true);
    expect(a.staffCase).toBe(false);
  });
  it('asks for hukou first, then housing', () => {
    expect(value(transfer({ from: '上城区', to: '拱墅区', asOf: AS_OF })).missing).toEqual(['hukou']);
    expect(value(transfer({ from: '上城区', to: '拱墅区', asOf: AS_OF, hukouInUrban: true })).missing).toEqual(['housing']);
  });
  it("inside 郑州/河南: by hukou or residence, and 省外户籍 to the enterprise's location (001 二(二)2)", () => {
    const a = value(transfer({ from: '金水区', to: '二七区', asOf: AS_OF }));
    expect(a.route).toBe('henan_hukou_or_residence');
    expect(a.steps.map((p) => [p.code, p.cite.clause])).toEqual([
      ['handover_by_hukou_or_residence', '二(二)2'],
      ['out_of_province_to_enterprise_location', '二(二)2'],
    ]);
  });
  it('"杭州市内" counts as inside 杭州市区', () => {
    expect(value(transfer({ from: '杭州', to: '杭州', asOf: AS_OF })).route).toBe('hangzhou_urban');
  });
  it.each([
    ['西湖区', '桐庐县'],
    ['淳安县', '西湖区'],
    ['建德市', '萧山区'],
    ['临安区', '宁波市'],
    ['西湖区', '长沙市'],
  ])('%s → %s is outside the clause: explained, and a staff case', (from, to) => {
    const a = value(transfer({ from, to, asOf: AS_OF, hukouInUrban: true, housing: 'own' }));
    expect(a.route).toBe('not_covered');
    expect(a.staffCase).toBe(true);
    expect(a.reason?.code).toBe('transfer_outside_hangzhou_urban');
    expect(a.proofs).toEqual([]);
  });
  it('Changsha registers at the residence community; Henan hands over by hukou or residence', () => {
    expect(value(transfer({ from: '芙蓉区', to: '岳麓区', asOf: AS_OF })).steps[0]?.cite.clause).toBe('第十二条(一)');
    expect(value(transfer({ from: '金水区', to: '二七区', asOf: AS_OF })).steps[0]?.cite.clause).toBe('二(二)2');
  });
  it('an unknown region is an error', () => {
    const r = transfer({ from: '西湖区', to: '月球', asOf: AS_OF });
    expect(r.ok ? 'ok' : r.error.code).toBe('unknown_region');
  });
});

describe('报告去世 death', () => {
  it.each([
    ['长沙市', '2026-11-20', 30, '2026-12-20', false],
    ['长沙市', '2026-10-21', 30, '2026-11-20', true],
    ['长沙市', '2026-10-22', 30, '2026-11-21', false],
    ['聊城市', '2026-11-20', 7, '2026-11-27', false],
    ['聊城市', '2026-11-14', 7, '2026-11-21', false],
    ['聊城市', '2026-11-13', 7, '2026-11-20', true],
    ['聊城市', '2026-02-25', 7, '2026-03-04', true],
  ] as const)('%s, died %s → report within %s days, by %s (overdue %s)', (region, date, days, deadline, overdue) => {
    const a = value(deathProcedure({ region, dateOfDeath: date, asOf: AS_OF }));
    expect(a.report.deadline).toEqual({ days, date: deadline, overdue });
    expect(a.report.whom).toBe('registered_community_or_agency');
    expect(a.report.cite?.clause).toBe('第十六条(四)');
  });
  it('Hangzhou: promptly (no day count), to the management community; 200 元 funeral allowance', () => {
    const a = value(deathProcedure({ region: '西湖区', dateOfDeath: '2026-11-20', asOf: AS_OF }));
    expect(a.report).toMatchObject({ whom: 'management_community', deadline: null });
    expect(a.funeral?.amount?.toFixed(0)).toBe('200');
    expect(a.steps.map((s) => s.code)).toEqual([
      'management_stops_month_after_verification',
      'pension_stops_on_death',
      'return_pension_paid_after_death',
      'fraud_must_be_repaid',
      'claim_funeral_grant_and_survivor_pension',
    ]);
    expect(a.managementStopsFrom).toBeNull();
  });
  it('Hangzhou stops management the month after verification', () => {
    const a = value(deathProcedure({ region: '西湖区', dateOfDeath: '2026-11-28', verifiedOn: '2026-12-02', asOf: '2026-12-03' }));
    expect(a.managementStopsFrom).toBe('2027-01-01');
  });
  it.each([
    ['2026-11-20', '2026-12-01'],
    ['2026-11-30', '2026-12-01'],
    ['2026-12-31', '2027-01-01'],
  ])('Jiande: died %s → management stops from %s', (date, from) => {
    const a = value(deathProcedure({ region: '建德市', dateOfDeath: date, asOf: '2027-01-05' }));
    expect(a.managementStopsFrom).toBe(from);
    expect(a.steps[0]).toMatchObject({ code: 'management_stops_month_after_death', cite: { doc: 'jiande', clause: '二(三)' } });
    expect(a.funeral?.conditions.map((c) => c.code)).toContain('paid_by_visit_or_to_family_account');
  });
  it("uses the region's own clauses where it has them, and marks borrowed ones as general", () => {
    const cs = value(deathProcedure({ region: '长沙市', dateOfDeath: '2026-11-20', asOf: AS_OF }));
    expect(cs.steps.find((s) => s.code === 'pension_stops_on_death')?.params?.general).toBe(0);
    expect(cs.notices).toContainEqual({ code: 'document_expired', doc: 'changsha', expiredAfter: '2025-04-30' });
    const lc = value(deathProcedure({ region: '聊城市', dateOfDeath: '2026-11-20', asOf: AS_OF }));
    expect(lc.steps.find((s) => s.code === 'claim_funeral_grant_and_survivor_pension')).toMatchObject({
      params: { general: 0 },
      cite: { doc: 'liaocheng', clause: '第七条(九)' },
    });
    const hz = value(deathProcedure({ region: '上城区', dateOfDeath: '2026-11-20', asOf: AS_OF }));
    // 004 二(一) itself names death among the 国家规定的停止享受养老待遇的情形: Hangzhou's own clause, not Changsha's.
    expect(hz.steps.find((s) => s.code === 'pension_stops_on_death')).toMatchObject({ params: { general: 0 }, cite: { doc: 'hangzhou', clause: '二(一)' } });
  });
  it.each([
    // region, step, borrowed?, document, clause
    ['西湖区', 'management_stops_month_after_verification', 0, 'hangzhou', '二(一)'],
    ['西湖区', 'pension_stops_on_death', 0, 'hangzhou', '二(一)'],
    ['西湖区', 'return_pension_paid_after_death', 1, 'changsha', '第三十一条(一)'],
    ['西湖区', 'fraud_must_be_repaid', 1, 'changsha', '第三十四条'],
    ['西湖区', 'claim_funeral_grant_and_survivor_pension', 1, 'henan', '四(七)'],
    ['萧山区', 'pension_stops_on_death', 0, 'hangzhou', '二(一)'],
    ['建德市', 'management_stops_month_after_death', 0, 'jiande', '二(三)'],
    // 建德's text is silent on the pension; it was made under 杭人社发〔2024〕1号, the first reference before another city's.
    ['建德市', 'pension_stops_on_death', 1, 'hangzhou', '二(一)'],
    ['建德市', 'return_pension_paid_after_death', 1, 'changsha', '第三十一条(一)'],
    ['长沙市', 'pension_stops_on_death', 0, 'changsha', '第三十二条'],
    ['聊城市', 'pension_stops_on_death', 1, 'changsha', '第三十二条'],
  ] as const)('%s: %s — borrowed %s, from %s %s', (region, code, general, doc, clause) => {
    const a = value(deathProcedure({ region, dateOfDeath: '2026-11-20', asOf: AS_OF }));
    const step = a.steps.find((s) => s.code === code);
    expect(step?.cite).toMatchObject({ doc, clause });
    expect(step?.params?.general ?? 0).toBe(general);
  });
  it('Hangzhou next steps cite Hangzhou wherever its text says it; only what it is silent on is borrowed', () => {
    const hz = value(deathProcedure({ region: '西湖区', dateOfDeath: '2026-11-20', asOf: AS_OF }));
    for (const step of hz.steps) expect((step.params?.general ?? 0) === 0).toBe(step.cite.doc === 'hangzhou');
    expect(hz.citations.filter((c) => c.doc === 'changsha').map((c) => c.clause)).toEqual(['第三十一条(一)', '第三十四条']);
  });
  it('Changsha deadline on the last day in force and the day after: the same 30 days, the expiry noticed after', () => {
    const before = value(deathProcedure({ region: '长沙市', dateOfDeath: '2025-04-29', asOf: '2025-04-30' }));
    const after = value(deathProcedure({ region: '长沙市', dateOfDeath: '2025-04-30', asOf: '2025-05-01' }));
    expect(before.notices).toEqual([]);
    expect(after.notices.map((n) => n.code)).toEqual(['document_expired']);
    expect(after.report.deadline?.date).toBe('2025-05-30');
  });
  it.each([
    ['2026-11-22', 'future_date'],
    ['2026-02-30', 'invalid_date'],
    ['昨天', 'invalid_date'],
    ['1850-01-01', 'invalid_date'],
  ])('date %s → %s', (dateOfDeath, code) => {
    const r = deathProcedure({ region: '西湖区', dateOfDeath, asOf: AS_OF });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
  it('today is not the future', () => {
    expect(deathProcedure({ region: '西湖区', dateOfDeath: AS_OF, asOf: AS_OF }).ok).toBe(true);
  });
});

describe('报告去世的期限 asked as a question (deathReportRule)', () => {
  it.each([
    // region, date of death, days, deadline date, whom, document, clause
    ['长沙市', undefined, 30, null, 'registered_community_or_agency', 'changsha', '第十六条(四)'],
    ['长沙市', '2026-11-20', 30, '2026-12-20', 'registered_community_or_agency', 'changsha', '第十六条(四)'],
    ['聊城市', undefined, 7, null, 'registered_community_or_agency', 'liaocheng', '第十六条(四)'],
    ['聊城市', '2026-11-18', 7, '2026-11-25', 'registered_community_or_agency', 'liaocheng', '第十六条(四)'],
    ['西湖区', undefined, null, null, 'management_community', 'hangzhou', '二(一)'],
    ['西湖区', '2026-11-20', null, null, 'management_community', 'hangzhou', '二(一)'],
    ['建德市', undefined, null, null, 'management_community', 'jiande', '二(三)'],
  ] as const)('%s, died %s → %s days, by %s, to %s (%s %s)', (region, dateOfDeath, days, date, whom, doc, clause) => {
    const r = value(deathReportRule({ region, asOf: AS_OF, ...(dateOfDeath ? { dateOfDeath } : {}) }));
    expect(r.report.days).toBe(days);
    expect(r.report.deadline?.date ?? null).toBe(date);
    expect(r.report.whom).toBe(whom);
    expect(r.citations).toEqual([expect.objectContaining({ doc, clause })]);
  });
  it("Changsha's 30 days come with the expiry notice; a text that sets nothing says so", () => {
    expect(value(deathReportRule({ region: '长沙市', asOf: AS_OF })).notices).toContainEqual({
      code: 'document_expired',
      doc: 'changsha',
      expiredAfter: '2025-04-30',
    });
    const zz = value(deathReportRule({ region: '郑州市', asOf: AS_OF }));
    expect(zz.report).toMatchObject({ days: null, deadline: null, cite: null });
    expect(zz.citations).toEqual([]);
  });
  it.each([
    ['2026-11-22', 'future_date'],
    ['2026-02-30', 'invalid_date'],
  ])('date %s → %s', (dateOfDeath, code) => {
    const r = deathReportRule({ region: '长沙市', dateOfDeath, asOf: AS_OF });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
});

describe('纳入社会化管理 coverage', () => {
  it.each([
    ['西湖区', '2026-03-15', '2026-04-01'],
    ['西湖区', '2026-12-31', '2027-01-01'],
    ['建德市', '2026-01-31', '2026-02-01'],
  ])('%s, pension from %s → covered from %s', (region, pensionStart, from) => {
    expect(value(coverage({ region, asOf: AS_OF, pensionStart })).coveredFrom).toBe(from);
  });
  it('Jiande: late hand-over is not back-paid; death stops it the month after', () => {
    const codes = value(coverage({ region: '建德市', asOf: AS_OF })).rules.map((r) => r.code);
    expect(codes).toEqual([
      'covered_from_month_after_pension',
      'handover_forms',
      'management_stops_month_after_death',
      'late_handover_no_back_pay',
      'original_channel_central_or_provincial_not_local',
    ]);
  });
  it('Hangzhou: suspended with the pension; 省部属 through the original channel; 支援外地建设 returnees covered', () => {
    const a = value(coverage({ region: '拱墅区', asOf: AS_OF, employer: 'provincial_ministerial' }));
    expect(a.fundedBy).toBe('original_channel');
    expect(a.rules.map((r) => r.code)).toEqual([
      'covered_from_month_after_pension',
      'handover_forms',
      'management_stops_month_after_verification',
      'suspended_with_pension',
      'original_channel_provincial_ministerial',
      'support_outside_returned_covered',
    ]);
    expect(value(coverage({ region: '拱墅区', asOf: AS_OF, employer: 'support_outside_returned' })).fundedBy).toBe('special_fund');
  });
  it.each([
    ['西湖区', '《企业职工退休“一件事”联办申请表》和《档案移交名册表》', 'hangzhou'],
    ['建德市', '《企业职工退休“一件事”联办申请表》', 'jiande'],
  ] as const)('%s: the forms filled in on retiring are %s (二(一))', (region, forms, doc) => {
    const point = value(coverage({ region, asOf: AS_OF })).rules.find((r) => r.code === 'handover_forms');
    expect(point?.params).toEqual({ forms });
    expect(point?.cite).toMatchObject({ doc, clause: '二(一)' });
  });
  it('Changsha sets no forms: none are named', () => {
    expect(value(coverage({ region: '长沙市', asOf: AS_OF })).rules.some((r) => r.code === 'handover_forms')).toBe(false);
  });
});

describe('资格认证 and 停发', () => {
  it('Changsha: once a year, home certification, the four causes, the resumption, and fraud repaid (第三十四条)', () => {
    const a = value(pensionCertification({ region: '长沙市', asOf: AS_OF }));
    expect(a.points.map((p) => p.code)).toEqual([
      'certify_times_per_year',
      'home_certification',
      'suspension_no_certification',
      'suspension_missing_over_6_months',
      'suspension_imprisoned',
      'suspension_double_drawing',
      'suspension_other_law',
      'resumes_when_cause_ends',
      'fraud_must_be_repaid',
    ]);
    expect(a.points[0]?.params).toMatchObject({ times: 1, general: 0 });
    expect(a.points.at(-1)?.cite).toMatchObject({ clause: '第三十四条' });
  });
  it('a text that says nothing of fraud adds no fraud point (聊城)', () => {
    expect(value(pensionCertification({ region: '聊城市', asOf: AS_OF })).points.map((p) => p.code)).not.toContain('fraud_must_be_repaid');
  });
  it('Liaocheng certifies "as required"; Hangzhou adds the coverage suspension and borrows the rest as general', () => {
    expect(value(pensionCertification({ region: '聊城市', asOf: AS_OF })).points[0]).toMatchObject({ code: 'certify_as_required', params: { general: 0 } });
    const hz = value(pensionCertification({ region: '西湖区', asOf: AS_OF }));
    expect(hz.points.map((p) => p.code)).toContain('suspended_with_pension');
    expect(hz.points[0]).toMatchObject({ code: 'certify_times_per_year', params: { general: 1 } });
  });
});
