import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/nlu/normalize.ts';
import { extractSlots, type Slots } from '../../../src/nlu/slots/index.ts';

const now = new Date('2026-11-21T10:00:00+08:00'); // a Saturday
const ID = '11010519491231002X';
const SLOT_NAMES = new Set(['amount', 'region', 'date', 'festival', 'count', 'age', 'relation', 'id_number', 'phone', 'name']);

const slotsOf = (raw: string, expectName = false): Slots => extractSlots(normalize(raw), { now, expectName }).slots;

describe('extractSlots on real-looking messages', () => {
  it.each<[string, Slots]>([
    ['自付一万二能拿多少大病慰问', { amount: 12000 }],
    ['西湖区 住院2次 自付8000 75岁 全年', { region: '西湖区', count: 2, amount: 8000, age: 75 }],
    ['建德 45000 大病', { region: '建德市', amount: 45000 }],
    ['我爸昨天走了', { relation: '父亲', date: '2026-11-20' }],
    ['我家老头子前天晚上走的 要办什么手续', { relation: '配偶', date: '2026-11-19' }],
    [
      `我爸叫张建国身份证${ID}上周五走的我是他女儿电话138 1234 5678`,
      { relation: '父亲', name: '张建国', id_number: ID, date: '2026-11-13', phone: '13812345678' },
    ],
    ['請問重陽節有沒有慰問金啊我今年七十八了', { festival: '重阳节', age: 78 }],
    ['我是萧山的今年住院两回了能拿多少', { region: '萧山区', count: 2 }],
    ['小组40人组长补助怎么算', { count: 40 }],
    ['长沙岳麓区 老伴上个月15号去世的', { region: '岳麓区', relation: '配偶', date: '2026-10-15' }],
    ['自付１２，０００元', { amount: 12000 }],
    ['自付壹萬貳仟元', { amount: 12000 }],
    ['我住景区 过年有没有慰问', { region: '西湖风景名胜区', festival: '春节' }],
    ['我是周国平的女儿 我爸明天出殡 丧事慰问找谁', { name: '周国平', relation: '父亲', date: '2026-11-22' }],
    ['我母亲吴秀兰前天走的 我儿子说要先去社区报', { name: '吴秀兰', relation: '母亲', date: '2026-11-19' }],
    ['门诊这一块报销最多300是吗', { amount: 300 }],
    ['zhongqiu慰问一年一次还是两次', { festival: '中秋节' }],
    ['你好', {}],
    ['', {}],
  ])('%s', (text, expected) => {
    expect(slotsOf(text)).toEqual(expected);
  });

  it('a slot the text does not state is absent (not undefined-valued, not guessed)', () => {
    const slots = slotsOf('住院能报多少');
    expect(Object.keys(slots)).toEqual([]);
  });

  it('only the interface slot names are ever produced', () => {
    const { slots } = extractSlots(normalize(`杭州西湖区 自付8000 住院2次 75岁 昨天 中秋 我爸 ${ID} 13812345678 名字是王秀英`), { now });
    for (const key of Object.keys(slots)) expect(SLOT_NAMES.has(key), key).toBe(true);
    expect(Object.keys(slots)).toHaveLength(10);
  });

  it('the bare name is taken only when a name is expected', () => {
    expect(slotsOf('王秀英', true)).toEqual({ name: '王秀英' });
    expect(slotsOf('王秀英', false)).toEqual({});
    expect(slotsOf('好的', true)).toEqual({});
  });
});

describe('extractSlots errors', () => {
  const errorsOf = (raw: string, opts: { expectIdNumber?: boolean } = {}) => extractSlots(normalize(raw), { now, ...opts });

  it('a vague amount is reported, not guessed', () => {
    expect(errorsOf('自付四万出头')).toEqual({ slots: {}, errors: [{ code: 'vague_amount', slot: 'amount', text: '四万' }] });
    expect(errorsOf('好几万').errors[0]?.code).toBe('vague_amount');
    expect(errorsOf('一万多').errors[0]?.code).toBe('vague_amount');
  });

  it('an approximate figure is a vague amount the dialog asks about', () => {
    expect(errorsOf('化疗下来自己差不多掏了三万块')).toEqual({ slots: {}, errors: [{ code: 'vague_amount', slot: 'amount', text: '三万' }] });
    expect(errorsOf('自付大约9000').errors).toEqual([{ code: 'vague_amount', slot: 'amount', text: '9000' }]);
    expect(errorsOf('医药费一万块左右').slots.amount).toBeUndefined();
  });

  it('a negative amount is returned as such for the dialog to refuse', () => {
    expect(errorsOf('自付负五千').slots.amount).toBe(-5000);
    expect(errorsOf('-5000').slots.amount).toBe(-5000);
  });

  it('ID number problems are told apart and never carry the number', () => {
    const check = errorsOf('身份证110105194912310021');
    expect(check).toEqual({ slots: {}, errors: [{ code: 'id_check_digit', slot: 'id_number' }] });
    expect(errorsOf('身份证11010519491231002').errors).toEqual([{ code: 'id_length', slot: 'id_number', length: 17 }]);
    expect(errorsOf('11010519491231002', { expectIdNumber: true }).errors).toEqual([{ code: 'id_length', slot: 'id_number', length: 17 }]);
    expect(errorsOf('11010519491231002').errors).toEqual([]);
    expect(errorsOf('身份证110105194902301237').errors).toEqual([{ code: 'id_birth_date', slot: 'id_number' }]);
    expect(JSON.stringify(check.errors)).not.toContain('110105');
  });

  it('an impossible date is reported', () => {
    expect(errorsOf('2月30日走的')).toEqual({ slots: {}, errors: [{ code: 'invalid_date', slot: 'date', text: '2月30日' }] });
  });

  it('a phone number that is not a mobile number is reported', () => {
    expect(errorsOf('电话1381234567')).toEqual({ slots: {}, errors: [{ code: 'phone_invalid', slot: 'phone' }] });
  });
});

describe('extractSlots robustness', () => {
  it('never throws, on arbitrary strings raw or normalised', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          fc.string(),
          fc.string({ unit: fc.constantFrom(...'0123456789一二两三万千百十几多岁次号月日年天前周上这个人元块-.,:/x自付叫姓名身份证电话西湖区景区') }),
        ),
        fc.boolean(),
        fc.date({ noInvalidDate: false }),
        (s, expectName, when) => {
          for (const text of [s, normalize(s)]) {
            const result = extractSlots(text, { now: when, expectName });
            for (const key of Object.keys(result.slots)) expect(SLOT_NAMES.has(key)).toBe(true);
            expect(Array.isArray(result.errors)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('slot values have the documented types', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789一二两三万千百十岁次号月日年天前周上个人元块自付叫张王李身份证电话西湖萧山爸妈老伴过年中秋 ') }),
        (s) => {
          const { slots } = extractSlots(s, { now });
          if (slots.amount !== undefined) expect(Number.isFinite(slots.amount)).toBe(true);
          if (slots.count !== undefined) expect(Number.isInteger(slots.count) && slots.count >= 0).toBe(true);
          if (slots.age !== undefined) expect(Number.isInteger(slots.age) && slots.age >= 1 && slots.age <= 130).toBe(true);
          if (slots.date !== undefined) expect(slots.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (slots.phone !== undefined) expect(slots.phone).toMatch(/^1[3-9]\d{9}$/);
          if (slots.id_number !== undefined) expect(slots.id_number).toMatch(/^\d{17}[\dX]$/);
          if (slots.name !== undefined) expect(slots.name.length).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('copes with 10 KB inputs and hostile ones', () => {
    const inputs = [
      '自付一万二'.repeat(2000),
      '1'.repeat(10_000),
      '一二三四五六七八九十百千万'.repeat(800),
      '\u0000'.repeat(10_000),
      '\uD800'.repeat(10_000),
      '😂'.repeat(5000),
      '号'.repeat(10_000),
      '叫'.repeat(10_000),
    ];
    for (const s of inputs) {
      expect(() => extractSlots(s, { now })).not.toThrow();
      expect(() => extractSlots(normalize(s), { now, expectName: true })).not.toThrow();
    }
  });

  it('survives a missing or invalid clock and untyped callers', () => {
    expect(extractSlots('昨天', { now: new Date(Number.NaN) })).toEqual({ slots: {}, errors: [] });
    expect(extractSlots(undefined as unknown as string, { now })).toEqual({ slots: {}, errors: [] });
    expect(extractSlots('自付8000', undefined as unknown as { now: Date }).slots).toEqual({ amount: 8000 });
  });
});
