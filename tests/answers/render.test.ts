import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDeath, renderEntitlement, renderTransfer } from '../../src/answers/index.ts';
import { availableLocales, LOCALES_DIR, loadTranslator } from '../../src/i18n/index.ts';
import {
  annualSummary,
  budget,
  coverage,
  deathProcedure,
  FESTIVALS,
  FUND_TOPICS,
  festival,
  fundFacts,
  funeral,
  groupLeaderSubsidy,
  hardshipHelp,
  healthCheck,
  type Point,
  pensionCertification,
  personalInfoDuty,
  REGIONS,
  seriousIllness,
  transfer,
} from '../../src/rules/index.ts';

const tr = loadTranslator('zh-CN');
const AS_OF = '2026-11-21';

/** Runs the rules over every region and many inputs, and gathers each code they can say. */
function everyCode(): Set<string> {
  const ids = new Set<string>();
  const addPoints = (points: readonly Point[] | undefined) => {
    for (const p of points ?? []) ids.add(`cond-${p.code}`);
  };
  for (const region of REGIONS) {
    for (const asOf of ['2025-04-30', AS_OF]) {
      for (const selfPay of [0, 6000, 12000, 45000]) {
        const s = annualSummary({ region, asOf, selfPay, hospitalizations: 1, age: 80, livesOutsideHangzhou: true, hardship: 'severe' });
        if (!s.ok) continue;
        for (const e of s.value.entitlements) {
          ids.add(`item-${e.item}`);
          addPoints(e.conditions);
          addPoints(e.documents);
          if (e.reason) addPoints([e.reason]);
          for (const n of e.notices) ids.add(`notice-${n.code}`);
        }
      }
      for (const name of FESTIVALS) {
        for (const hardship of ['none', 'hardship'] as const) {
          const f = festival({ region, asOf, festival: name, hardship });
          if (f.ok) addPoints([...f.value.conditions, ...(f.value.reason ? [f.value.reason] : [])]);
        }
      }
      const h = healthCheck({ region, asOf });
      if (h.ok) addPoints(h.value.conditions);
      const fu = funeral({ region, asOf });
      if (fu.ok) addPoints([...fu.value.conditions, ...(fu.value.reason ? [fu.value.reason] : [])]);
      for (const [managed, leaderAge] of [
        [0, 60],
        [20, 80],
        [40, 70],
      ] as const) {
        const g = groupLeaderSubsidy({ region, asOf, managed, leaderAge });
        if (g.ok) addPoints([...g.value.conditions, ...(g.value.reason ? [g.value.reason] : [])]);
      }
      const d = deathProcedure({ region, asOf, dateOfDeath: asOf, verifiedOn: asOf });
      if (d.ok) {
        addPoints(d.value.steps);
        ids.add(`death-whom-${d.value.report.whom}`);
      }
      const c = coverage({ region, asOf, pensionStart: '2025-01-10' });
      if (c.ok) addPoints(c.value.rules);
      const p = pensionCertification({ region, asOf });
      if (p.ok) addPoints(p.value.points);
      const du = personalInfoDuty({ region, asOf });
      if (du.ok) addPoints(du.value.points);
      const hh = hardshipHelp({ region, asOf });
      if (hh.ok) addPoints(hh.value.points);
      for (const to of REGIONS) {
        for (const [hukouInUrban, housing] of [
          [false, 'own'],
          [true, 'own'],
          [true, 'relative'],
          [true, 'rented'],
        ] as const) {
          const t = transfer({ from: region, to, asOf, hukouInUrban, housing });
          if (t.ok) addPoints([...t.value.proofs, ...t.value.steps, ...(t.value.reason ? [t.value.reason] : [])]);
        }
      }
    }
  }
  for (const doc of ['hangzhou', 'jiande', 'changsha', 'henan'] as const) {
    for (const checkYear of [true, false]) {
      const b = budget({ doc, asOf: AS_OF, retirees: 10, checkYear });
      if (b.ok) addPoints(b.value.points);
    }
  }
  for (const topic of FUND_TOPICS) for (const f of fundFacts(topic, AS_OF)) addPoints(f.points);
  return ids;
}

describe('locales', () => {
  it('zh-CN has a sentence for every code the rules can return', () => {
    const ids = everyCode();
    expect(ids.size).toBeGreaterThan(70);
    const missing = [...ids].filter((id) => !tr.has(id));
    expect(missing).toEqual([]);
  });

  it('another locale is added by adding files only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    cpSync(LOCALES_DIR, dir, { recursive: true });
    cpSync(join(dir, 'zh-CN'), join(dir, 'en'), { recursive: true });
    writeFileSync(join(dir, 'en', 'rules.ftl'), 'item-funeral = Funeral allowance\noutcome-fixed = { $item }: { $amount } yuan\n', 'utf8');
    expect(availableLocales(dir)).toContain('en');
    const en = loadTranslator('en', dir);
    const e = funeral({ region: '西湖区', asOf: AS_OF });
    if (!e.ok) throw new Error('funeral');
    expect(renderEntitlement(en, e.value).split('\n')[0]).toBe('Funeral allowance: 200 yuan');
  });

  it('an unknown locale is a clear error', () => {
    expect(() => loadTranslator('xx-YY')).toThrow(/no locale folder/);
  });
});

describe('rendering', () => {
  it('a serious-illness ceiling is said as 最高不超过 with its clause', () => {
    const e = seriousIllness({ region: '建德', selfPay: 12000, asOf: AS_OF });
    if (!e.ok) throw new Error('x');
    const text = renderEntitlement(tr, e.value);
    expect(text.split('\n')[0]).toBe('大病慰问：最高不超过1000元');
    expect(text).toContain('个人医疗费用查询单');
    expect(text).toContain('依据：《建德市企业退休人员社会化管理服务专项资金管理办法》 三(一)4');
  });
  it('a reference region says so before the figure', () => {
    const e = seriousIllness({ region: '萧山', selfPay: 12000, asOf: AS_OF });
    if (!e.ok) throw new Error('x');
    const [first, second] = renderEntitlement(tr, e.value).split('\n');
    expect(first).toContain('萧山区没有收录本区文件');
    expect(second).toBe('大病慰问：最高不超过2500元');
  });
  it('Hangzhou festival lists the three festivals', () => {
    const e = festival({ region: '上城区', asOf: AS_OF });
    if (!e.ok) throw new Error('x');
    expect(renderEntitlement(tr, e.value)).toContain('春节1200元，端午节800元，中秋节800元');
  });
  it('a Changsha death gives the 30-day date and the expiry notice', () => {
    const a = deathProcedure({ region: '长沙', dateOfDeath: '2026-11-20', asOf: AS_OF });
    if (!a.ok) throw new Error('x');
    const text = renderDeath(tr, a.value);
    expect(text).toContain('30日内（2026年12月20日前）');
    expect(text).toContain('已于2025年4月30日到期');
    expect(text).not.toMatch(/\{|\}|undefined/);
  });
  it('a transfer inside 杭州市区 with a rented home lists the lease and the property copy', () => {
    const a = transfer({ from: '西湖区', to: '拱墅区', asOf: AS_OF, hukouInUrban: true, housing: 'rented' });
    if (!a.ok) throw new Error('x');
    expect(renderTransfer(tr, a.value)).toContain('需要材料：租房协议和房屋权属证明复印件');
  });
  it('no rendered text leaves a placeholder unfilled', () => {
    for (const region of REGIONS) {
      const s = annualSummary({ region, asOf: AS_OF, selfPay: 12000, age: 80, hospitalizations: 1 });
      if (!s.ok) continue;
      for (const e of s.value.entitlements) expect(renderEntitlement(tr, e)).not.toMatch(/\{|\}|undefined|cond-|item-|notice-/);
    }
  });
});
