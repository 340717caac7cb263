import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/nlu/index.ts';
import { INTENT_IDS, MAX_TEXT_CHARS, understand } from '../../src/nlu/index.ts';

const now = new Date('2026-11-21T10:00:00+08:00');

function wellFormed(r: Understanding): void {
  expect(INTENT_IDS).toContain(r.intent);
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  expect(typeof r.slots).toBe('object');
  expect(r.slots).not.toBeNull();
  // The result is plain data: it survives a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

describe('understand', () => {
  it('classifies and extracts slots in one call (the interface example)', () => {
    const r = understand('自付一万二能拿多少大病慰问', { now });
    expect(r.intent).toBe('serious_illness_consolation');
    expect(r.slots).toMatchObject({ amount: 12000 });
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.text).toBe('自付一万二能拿多少大病慰问');
    expect(r.features).toBeUndefined();
  });

  it('resolves relative dates against the given clock', () => {
    const r = understand('我父亲昨天去世了', { now });
    expect(r.intent).toBe('report_death');
    expect(r.slots).toMatchObject({ date: '2026-11-20', relation: '父亲' });
    const later = understand('我父亲昨天去世了', { now: new Date('2026-03-02T09:00:00+08:00') });
    expect(later.slots).toMatchObject({ date: '2026-03-01' });
  });

  it('reads a region with its official name', () => {
    const r = understand('我从建德搬到西湖区住了，管理关系怎么转', { now });
    expect(r.intent).toBe('transfer_management');
    expect(['西湖区', '建德市']).toContain((r.slots as Record<string, unknown>).region);
  });

  it('normalizes before classifying: full-width, traditional characters and emoji do not matter', () => {
    const plain = understand('住院慰问怎么申请', { now });
    expect(understand('住院慰問怎麼申請😀！！！', { now }).intent).toBe(plain.intent);
    expect(understand('ＺＨＵＹＵＡＮ慰问怎么申请', { now }).intent).toBe('hospitalization_consolation');
  });

  it('explains on request with the n-grams that decided', () => {
    const r = understand('体检报销怎么办', { now, explain: true });
    expect(r.intent).toBe('health_checkup');
    expect(r.features?.length).toBeGreaterThan(0);
    expect(r.features?.some((f) => /体检|报销|p:ti_jian/.test(f.feature))).toBe(true);
  });

  it('answers out_of_scope for empty, blank, emoji-only and control-character input', () => {
    for (const text of ['', '   ', '\n\t', '😀😂🎉', '👍🏻👍🏻', '\u0000\u0001\u0002\u001b\u007f', '\u200b\u200b', '！？。，']) {
      const r = understand(text, { now });
      wellFormed(r);
      expect({ text, intent: r.intent }).toEqual({ text, intent: 'out_of_scope' });
      expect(r.slots).toEqual({});
    }
  });

  it('cuts 10 KB of text before classifying and says so', () => {
    const text = '住院慰问'.repeat(2600); // 10 400 characters
    const r = understand(text, { now });
    wellFormed(r);
    expect(r.text).toBe(text);
    expect(r.errors).toContainEqual({ code: 'text_truncated', length: text.length, kept: MAX_TEXT_CHARS });
    const noise = 'ab😀\u0000中'.repeat(2100);
    wellFormed(understand(noise, { now }));
  });

  it('does not split a surrogate pair when it cuts', () => {
    const text = 'a'.repeat(MAX_TEXT_CHARS - 1) + '😀'.repeat(10);
    const r = understand(text, { now });
    const cut = r.errors?.find((e) => e.code === 'text_truncated');
    expect(cut).toMatchObject({ kept: MAX_TEXT_CHARS - 1 });
  });

  it('handles mixed scripts and foreign text without throwing', () => {
    const coloured = understand('\u001b[31m住院慰问怎么申请\u001b[0m', { now });
    expect(coloured.intent).toBe(understand('住院慰问怎么申请', { now }).intent);
    for (const text of ['hello world', 'Привет, как дела?', 'مرحبا', '住院 hospital 慰问 ok?', 'こんにちは', '12345', 'NaN undefined null']) {
      const r = understand(text, { now });
      wellFormed(r);
    }
    expect(understand('Привет, как дела?', { now }).intent).toBe('out_of_scope');
    // English words the training data never saw are not read letter by letter into an intent.
    for (const text of ['test', 'lorem ipsum dolor sit amet', 'good morning everyone']) {
      expect({ text, intent: understand(text, { now }).intent }).toEqual({ text, intent: 'out_of_scope' });
    }
  });

  it('gives no intent to a bare number, but still reads it as a slot', () => {
    const r = understand('13800001111', { now });
    expect(r.intent).toBe('out_of_scope');
    expect(r.slots).toMatchObject({ phone: '13800001111' });
    expect(understand('12000', { now })).toMatchObject({ intent: 'out_of_scope', slots: { amount: 12000 } });
  });

  it.each([
    ['999999999元', { amount: 999999999 }],
    ['1.2万', { amount: 12000 }],
    ['一万二千块', { amount: 12000 }],
    ['45人', { count: 45 }],
    ['76岁', { age: 76 }],
    ['两次', { count: 2 }],
  ])('a number with its unit (%s) answers a question and asks none: no intent', (text, slots) => {
    expect(understand(text, { now })).toMatchObject({ intent: 'out_of_scope', confidence: 1, slots });
  });

  it('survives an invalid clock', () => {
    const r = understand('我父亲昨天去世了', { now: new Date('not a date') });
    wellFormed(r);
    expect(r.intent).toBe('report_death');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (s) => {
        wellFormed(understand(s, { now }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on non-string input from untyped callers', () => {
    for (const bad of [undefined, null, 42, {}, ['住院']] as unknown[]) {
      const r = understand(bad as string, { now });
      expect(r.intent).toBe('out_of_scope');
      expect(r.text).toBe('');
    }
  });
});
