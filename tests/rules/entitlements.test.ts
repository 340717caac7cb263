import { describe, expect, it } from 'vitest';
import {
  type Entitlement,
  festival,
  funeral,
  groupActivity,
  groupLeaderSubsidy,
  healthCheck,
  hospitalization,
  type Result,
  seriousIllness,
} from '../../src/rules/index.ts';

const AS_OF = '2026-11-21';
const value = (r: Result<Entitlement>): Entitlement => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};
const yuan = (e: Entitlement) => e.amount?.toFixed(0) ?? null;
const clauses = (e: Entitlement) => e.citations.map((c) => `${c.doc} ${c.clause}`);

describe('住院慰问 hospitalization', () => {
  it.each([
    ['上城区', undefined, 'fixed', '150', 'hangzhou 三(一)3'],
    ['上城区', 1, 'fixed', '150', 'hangzhou 三(一)3'],
    ['上城区', 2, 'fixed', '150', 'hangzhou 三(一)3'],
    ['上城区', 0, 'none', null, 'hangzhou 三(一)3'],
    ['建德市', 1, 'fixed', '150', 'jiande 三(一)4'],
    ['建德市', 3, 'fixed', '150', 'jiande 三(一)4'],
  ] as const)('%s, %s stays → %s %s (%s)', (region, stays, outcome, amount, clause) => {
    const e = value(hospitalization({ region, asOf: AS_OF, ...(stays !== undefined ? { stays } : {}) }));
    expect(e.outcome).toBe(outcome);
    expect(yuan(e)).toBe(amount);
    expect(clauses(e)).toContain(clause);
  });
  it('asks for the hospital certificate unless big data can verify it, once a year in principle', () => {
    const e = value(hospitalization({ region: '钱塘区', asOf: AS_OF }));
    expect(e.documents.map((d) => d.code)).toEqual(['hospital_certificate_unless_big_data']);
    expect(e.conditions).toContainEqual(expect.objectContaining({ code: 'times_per_year_in_principle', params: { times: 1 } }));
  });
  it.each([-1, 1.5, 400])('rejects %s stays', (stays) => {
    const r = hospitalization({ region: '钱塘区', asOf: AS_OF, stays });
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_count');
  });
  it('聊城 sets no hospital money', () => {
    expect(value(hospitalization({ region: '聊城', asOf: AS_OF })).outcome).toBe('not_set');
  });
});

describe('丧事料理慰问 funeral', () => {
  it.each([
    ['西湖风景名胜区', '200', 'hangzhou 三(一)5', []],
    ['建德市', '200', 'jiande 三(一)4', ['paid_by_visit_or_to_family_account']],
  ] as const)('%s → %s (%s)', (region, amount, clause, conditions) => {
    const e = value(funeral({ region, asOf: AS_OF }));
    expect(e.outcome).toBe('fixed');
    expect(yuan(e)).toBe(amount);
    expect(clauses(e)).toContain(clause);
    expect(e.conditions.map((c) => c.code)).toEqual(conditions);
  });
  it('郑州 sets no amount but the community helps claim 丧葬补助金 and 抚恤金', () => {
    const e = value(funeral({ region: '郑州', asOf: AS_OF }));
    expect(e.outcome).toBe('not_set');
    expect(e.reason).toMatchObject({ code: 'community_helps_after_death', cite: { doc: 'henan', clause: '四(七)' } });
  });
});

describe('节日慰问 festival', () => {
  it.each([
    ['春节', '1200'],
    ['端午节', '800'],
    ['中秋节', '800'],
  ] as const)('Hangzhou %s → %s', (name, amount) => {
    const e = value(festival({ region: '拱墅区', asOf: AS_OF, festival: name }));
    expect(e.outcome).toBe('fixed');
    expect(yuan(e)).toBe(amount);
    expect(clauses(e)).toEqual(['hangzhou 三(四)']);
  });
  it('Hangzhou whole year → 2800 in three parts', () => {
    const e = value(festival({ region: '拱墅区', asOf: AS_OF }));
    expect(yuan(e)).toBe('2800');
    expect(e.parts?.map((p) => `${p.label}${p.amount.toFixed(0)}`)).toEqual(['春节1200', '端午节800', '中秋节800']);
  });
  it.each([
    [['端午节', '中秋节'], '1600', ['端午节800', '中秋节800']],
    [['春节', '端午节'], '2000', ['春节1200', '端午节800']],
    [['春节', '重阳节'], '1200', ['春节1200']],
  ] as const)('Hangzhou %j summed → %s', (names, amount, parts) => {
    const e = value(festival({ region: '拱墅区', asOf: AS_OF, festival: names }));
    expect(yuan(e)).toBe(amount);
    expect(e.parts?.map((p) => `${p.label}${p.amount.toFixed(0)}`)).toEqual(parts);
  });
  it('Jiande: of several festivals, the ones its open list does not name are said', () => {
    const e = value(festival({ region: '建德', asOf: AS_OF, festival: ['端午节', '中秋节'] }));
    expect(yuan(e)).toBe('500');
    expect(e.conditions.find((c) => c.code === 'festival_not_named_but_list_open')?.params).toEqual({ festival: '中秋节' });
  });
  it('Hangzhou has no 重阳 money', () => {
    const e = value(festival({ region: '拱墅区', asOf: AS_OF, festival: '重阳节' }));
    expect(e.outcome).toBe('none');
    expect(e.reason?.code).toBe('festival_not_listed');
  });
  it.each([
    ['none', 'none', null],
    ['hardship', 'ceiling', '500'],
    ['severe', 'ceiling', '1000'],
    [undefined, 'ceiling', '500'],
  ] as const)('Jiande, hardship %s → %s %s', (hardship, outcome, amount) => {
    const e = value(festival({ region: '建德', asOf: AS_OF, festival: '重阳节', ...(hardship ? { hardship } : {}) }));
    expect(e.outcome).toBe(outcome);
    expect(yuan(e)).toBe(amount);
    expect(clauses(e)).toEqual(['jiande 三(一)4']);
  });
  it.each([
    ['长沙市', '2025-04-30', 'festival_visits_vulnerable_no_amount', 'changsha 第二十五条(二)'],
    ['金水区', AS_OF, 'festival_visits_retirees_no_amount', 'henan 郑州转发通知五'],
  ])('%s sets festival visits but no amount: not_set, with the visits said (%s)', (region, asOf, code, clause) => {
    const e = value(festival({ region, asOf }));
    expect(e.outcome).toBe('not_set');
    expect(e.amount).toBeNull();
    expect(e.reason?.code).toBe(code);
    expect(clauses(e)).toContain(clause);
  });
  it.each([
    ['金水区', 'hospitalization', 'henan 四(四)'],
    ['聊城市', 'serious_illness', 'liaocheng 第二十四条'],
  ] as const)('%s sets no %s money: its visits to the seriously ill are said instead', (region, item, clause) => {
    const e = value(item === 'hospitalization' ? hospitalization({ region, asOf: AS_OF }) : seriousIllness({ region, asOf: AS_OF }));
    expect(e.outcome).toBe('not_set');
    expect(e.reason?.code).toBe('hardship_visits_no_amount');
    expect(clauses(e)).toContain(clause);
  });
  it('聊城 sets no festival visits: not_set, nothing said instead', () => {
    const e = value(festival({ region: '聊城市', asOf: AS_OF }));
    expect(e.outcome).toBe('not_set');
    expect(e.reason).toBeUndefined();
  });
  it('Jiande 中秋 is not named, but the list is open (等)', () => {
    const e = value(festival({ region: '建德', asOf: AS_OF, festival: '中秋节', hardship: 'hardship' }));
    expect(e.conditions.map((c) => c.code)).toContain('festival_not_named_but_list_open');
  });
});

describe('健康体检 health check', () => {
  it.each([
    ['西湖区', false, undefined, 'fixed', '400', 'hangzhou 三(二)'],
    ['建德市', false, undefined, 'fixed', '400', 'jiande 三(二)'],
    ['西湖区', true, undefined, 'ceiling', '400', 'hangzhou 三(二)'],
    ['西湖区', true, '399.99', 'fixed', '399.99', 'hangzhou 三(二)'],
    ['西湖区', true, '400', 'fixed', '400', 'hangzhou 三(二)'],
    ['西湖区', true, '400.01', 'fixed', '400', 'hangzhou 三(二)'],
    ['建德市', true, '650', 'fixed', '400', 'jiande 三(二)'],
  ] as const)('%s outside=%s invoice=%s → %s %s', (region, outside, invoice, outcome, amount, clause) => {
    const e = value(healthCheck({ region, asOf: AS_OF, livesOutsideHangzhou: outside, ...(invoice ? { invoice } : {}) }));
    expect(e.outcome).toBe(outcome);
    expect(e.amount?.isInteger() ? e.amount.toFixed(0) : e.amount?.toFixed(2)).toBe(amount);
    expect(clauses(e)).toContain(clause);
    expect(e.conditions[0]).toMatchObject({ code: 'health_check_every_years', params: { years: 2, standard: '400' } });
  });
  it('outside 杭州市 needs a formal invoice', () => {
    const e = value(healthCheck({ region: '西湖区', asOf: AS_OF, livesOutsideHangzhou: true }));
    expect(e.documents.map((d) => d.code)).toEqual(['formal_check_invoice']);
  });
  it('a negative invoice is bad input', () => {
    const r = healthCheck({ region: '西湖区', asOf: AS_OF, livesOutsideHangzhou: true, invoice: -5 });
    expect(r.ok ? 'ok' : r.error.code).toBe('negative_amount');
  });
});

describe('自管小组文体活动 group activity', () => {
  it.each([
    [74, undefined, 'fixed'],
    [75, undefined, 'in_kind'],
    [76, undefined, 'in_kind'],
    [60, true, 'in_kind'],
    [undefined, undefined, 'fixed'],
  ] as const)('age %s, cannot attend %s → %s', (age, cannotAttend, outcome) => {
    const e = value(groupActivity({ region: '滨江区', asOf: AS_OF, ...(age !== undefined ? { age } : {}), ...(cannotAttend ? { cannotAttend } : {}) }));
    expect(e.outcome).toBe(outcome);
    expect(new Set(clauses(e))).toEqual(new Set(['hangzhou 三(三)']));
    expect(e.conditions[0]).toMatchObject({ code: 'activity_times_per_year_no_cash', params: { times: 1 } });
    // 三(三) also says what the activities are: 文化、体育、游览.
    expect(e.conditions.at(-1)).toMatchObject({ code: 'activity_kinds', params: { kinds: 'culture|sports|tour' } });
  });
  it('Jiande sets no per-person activity rule, but says the community organises collective activities (000 三(一)3)', () => {
    const e = value(groupActivity({ region: '建德市', asOf: AS_OF }));
    expect(e.outcome).toBe('not_set');
    expect(e.reason?.code).toBe('collective_activities_only');
    expect(clauses(e)).toEqual(['jiande 三(一)3']);
  });
  it('Liaocheng, with neither rule, says nothing more', () => {
    const e = value(groupActivity({ region: '聊城市', asOf: AS_OF }));
    expect(e.outcome).toBe('not_set');
    expect(e.reason).toBeUndefined();
  });
  it.each([-3, 7.5, 150])('rejects age %s', (age) => {
    const r = groupActivity({ region: '滨江区', asOf: AS_OF, age });
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_age');
  });
});

describe('自管小组长补助 group-leader subsidy: min(10 × n, 500)', () => {
  it.each([
    [0, 'none', null],
    [1, 'ceiling', '10'],
    [30, 'ceiling', '300'],
    [49, 'ceiling', '490'],
    [50, 'ceiling', '500'],
    [51, 'ceiling', '500'],
    [120, 'ceiling', '500'],
  ] as const)('Hangzhou, %s retirees → %s %s', (managed, outcome, amount) => {
    const e = value(groupLeaderSubsidy({ region: '上城区', asOf: AS_OF, managed }));
    expect(e.outcome).toBe(outcome);
    expect(yuan(e)).toBe(amount);
    expect(clauses(e)).toContain('hangzhou 三(一)2');
  });
  it.each([
    [29, 'group_size_outside'],
    [30, 'group_size'],
    [50, 'group_size'],
    [51, 'group_size_outside'],
  ] as const)('Jiande, group of %s → %s', (managed, code) => {
    const e = value(groupLeaderSubsidy({ region: '建德市', asOf: AS_OF, managed }));
    expect(e.conditions.map((c) => c.code)).toContain(code);
    expect(e.conditions.map((c) => c.code)).toContain('paid_to_leader_own_card_and_publicised');
  });
  it.each([
    [75, 'leader_age_generally'],
    [76, 'leader_age_over_generally'],
  ] as const)('Jiande, leader aged %s → %s', (leaderAge, code) => {
    const e = value(groupLeaderSubsidy({ region: '建德市', asOf: AS_OF, managed: 40, leaderAge }));
    expect(e.conditions.map((c) => c.code)).toContain(code);
    expect(yuan(e)).toBe('400');
  });
  it('states the 7-day publicity', () => {
    const e = value(groupLeaderSubsidy({ region: '上城区', asOf: AS_OF, managed: 40 }));
    expect(e.conditions).toContainEqual(expect.objectContaining({ code: 'publicity_min_days', params: { days: 7 } }));
  });
  it.each([-1, 2.5])('rejects %s managed', (managed) => {
    const r = groupLeaderSubsidy({ region: '上城区', asOf: AS_OF, managed });
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_count');
  });
});
