import { describe, expect, it } from 'vitest';
import { loadTranslator } from '../../src/i18n/index.ts';
import { PROVISIONS_WITH_WORDS, provisionsAsked } from '../../src/nlu/provisions.ts';
import { type DocId, everyProvision, LAWS, provisionsFor, provisionsOf } from '../../src/rules/index.ts';
import QUESTIONS from './provision-questions.json' with { type: 'json' };

const tr = loadTranslator();
const DOCS = Object.keys(LAWS) as DocId[];
const ON = '2026-12-05';

describe('provisions: rules of a text that no topic answers', () => {
  it('each has a sentence for its text in locales, and words people use for it', () => {
    for (const doc of DOCS) {
      for (const p of provisionsOf(doc, ON)) {
        expect(tr.maybe(`provision-${doc}-${p.code}`), `${doc}.${p.code}`).toBeTruthy();
      }
    }
    const codes = new Set(DOCS.flatMap((d) => provisionsOf(d, ON).map((p) => p.code)));
    expect(codes.size).toBeGreaterThan(20);
    // Every provision can be asked for, and every word table names a provision some text has.
    expect([...codes].filter((code) => !PROVISIONS_WITH_WORDS.has(code))).toEqual([]);
    expect([...PROVISIONS_WITH_WORDS].filter((code) => !codes.has(code))).toEqual([]);
  });

  it.each([
    ['郑州', '退休后工伤待遇找谁', 'work_injury_via_enterprise', '七(四)'],
    ['郑州', '补充医疗保险还有吗', 'supplementary_medical_continues', '七(三)'],
    ['聊城', '有没有高龄补贴', 'old_age_allowance', '第七条(八)'],
    ['聊城', '企业交人过来要填什么表', 'enterprise_fills_info_form', '第十二条(一)'],
    ['长沙', '住在外省的去哪报到', 'outside_city_register_at_agency', '第十二条(一)'],
  ])('%s "%s" → %s (%s)', (region, question, code, clause) => {
    const [first] = provisionsAsked(question);
    expect(first?.code).toBe(code);
    const r = provisionsFor(region, ON);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.provisions.find((p) => p.code === code)?.cite.clause).toBe(clause);
  });

  // Questions written for each rule, in people's words (one table, both sides: each asks its rule).
  it.each(Object.entries(QUESTIONS as Record<string, string[]>).flatMap(([code, qs]) => qs.map((q) => [q, code] as const)))(
    '"%s" asks %s',
    (question, code) => {
      expect(provisionsAsked(question).map((p) => p.code)).toContain(code);
    },
  );

  it('a text without the rule has none to give (杭州 says nothing of work injury)', () => {
    const r = provisionsFor('西湖区', ON);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.provisions.some((p) => p.code === 'work_injury_via_enterprise')).toBe(false);
  });

  it('words of a topic the bot answers ask no provision', () => {
    for (const q of ['小组活动一年能参加几次', '养老金认证一年搞几次', '住院慰问多少钱', '体检要带什么', '他这个月养老金已经到账了要退吗', '要填啥表']) {
      expect(provisionsAsked(q), q).toEqual([]);
    }
  });

  it("an expired text's provisions carry its notice; the others none", () => {
    const all = everyProvision(ON);
    expect(all.filter((x) => x.provision.doc === 'changsha').every((x) => x.notice?.code === 'document_expired')).toBe(true);
    expect(all.filter((x) => x.provision.doc !== 'changsha').every((x) => x.notice === null)).toBe(true);
  });

  it('before a text starts, none of its provisions are in force', () => {
    expect(provisionsOf('hangzhou', '2023-12-31')).toEqual([]);
    expect(provisionsOf('hangzhou', '2024-01-01').length).toBeGreaterThan(0);
  });
});
