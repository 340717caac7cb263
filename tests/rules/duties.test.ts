import { describe, expect, it } from 'vitest';
import { hardshipHelp, paymentRule, personalInfoDuty, type Result } from '../../src/rules/index.ts';

const AS_OF = '2026-11-21';
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('信息变更 duty to report changes', () => {
  it.each([
    ['长沙市', 'changsha', 0],
    ['聊城市', 'liaocheng', 0],
    ['西湖区', 'changsha', 1],
  ] as const)('%s → %s 第十六条(三), general %s', (region, doc, general) => {
    const a = value(personalInfoDuty({ region, asOf: AS_OF }));
    expect(a.points).toEqual([
      expect.objectContaining({ code: 'report_personal_changes', params: { general }, cite: expect.objectContaining({ doc, clause: '第十六条(三)' }) }),
    ]);
  });
  it.each(['杭州市', '萧山区'])('%s: cited from 长沙, so no notice about the Hangzhou text or the district', (region) => {
    const a = value(personalInfoDuty({ region, asOf: AS_OF }));
    expect(a.points[0]?.params).toEqual({ general: 1 });
    expect(a.notices).toEqual([]);
  });
});

describe('困难帮扶 hardship help', () => {
  it('Jiande: festival hardship ceilings 500 / 1000, once a year in principle, then visits and 低保 help from other texts', () => {
    const a = value(hardshipHelp({ region: '建德', asOf: AS_OF }));
    expect(a.points.map((p) => p.code)).toEqual([
      'festival_hardship_only',
      'festival_hardship_ceilings',
      'times_per_year_in_principle',
      'hardship_visits',
      'help_apply_for_assistance',
    ]);
    expect(a.points[1]?.params).toMatchObject({ ceiling: '500', severe: '1000' });
    expect(a.points[2]).toMatchObject({ params: { times: 1 }, cite: { doc: 'jiande', clause: '三(一)4' } });
  });
  it.each([
    ['西湖区', ['hangzhou 四(一)', 'changsha 第六条(三)']],
    ['郑州市', ['henan 四(四)', 'henan 四(九)']],
    ['聊城市', ['liaocheng 第二十四条', 'liaocheng 第七条(八)']],
  ])('%s cites %j', (region, clauses) => {
    const a = value(hardshipHelp({ region, asOf: AS_OF }));
    expect(a.citations.map((c) => `${c.doc} ${c.clause}`)).toEqual(clauses);
  });
  it.each([
    ['西湖区', 'hardship_fund_visits', 'hangzhou'],
    ['淳安县', 'hardship_fund_visits', 'hangzhou'],
    ['建德市', 'hardship_visits', 'changsha'],
    ['聊城市', 'hardship_visits', 'liaocheng'],
  ] as const)('%s: the visits point is %s, cited from %s (Hangzhou funds 重点、特困 visits, it sets no regular visits)', (region, code, doc) => {
    const a = value(hardshipHelp({ region, asOf: AS_OF }));
    const visits = a.points.find((p) => p.code.startsWith('hardship_'));
    expect(visits?.code).toBe(code);
    expect(visits?.cite.doc).toBe(doc);
  });
});

describe('payments', () => {
  it('Hangzhou pays by real-name bank transfer (四(二))', () => {
    expect(value(paymentRule('hangzhou', AS_OF)).cite.clause).toBe('四(二)');
    expect(paymentRule('liaocheng', AS_OF).ok).toBe(false);
  });
});
