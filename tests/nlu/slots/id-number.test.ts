import { describe, expect, it } from 'vitest';
import { findIdNumbers, idCheckChar, maskIdNumber, parseIdNumber, validateIdNumber } from '../../../src/nlu/slots/id-number.ts';

// Published sample numbers from GB 11643-1999 and its commentary; both check out.
const SAMPLE_X = '11010519491231002X';
const SAMPLE_DIGIT = '440524188001010014';

/** Builds a valid number from 17 digits by a hand-written reference implementation of the standard. */
function reference(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
  return first17 + ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][sum % 11];
}

describe('validateIdNumber', () => {
  it('accepts the published samples', () => {
    expect(validateIdNumber(SAMPLE_X)).toMatchObject({ ok: true, value: SAMPLE_X, birthDate: '1949-12-31' });
    expect(validateIdNumber(SAMPLE_DIGIT)).toMatchObject({ ok: true, value: SAMPLE_DIGIT, birthDate: '1880-01-01' });
  });

  it('accepts a lower-case x and returns it upper-case', () => {
    expect(validateIdNumber(SAMPLE_X.toLowerCase())).toMatchObject({ ok: true, value: SAMPLE_X });
  });

  it('agrees with a reference implementation on many numbers', () => {
    for (let i = 0; i < 200; i++) {
      const seq = String(i).padStart(3, '0');
      const first17 = `33018219${String(40 + (i % 50)).padStart(2, '0')}0${(i % 9) + 1}1${i % 10}${seq}`;
      const valid = reference(first17);
      expect(idCheckChar(first17)).toBe(valid[17]);
      expect(validateIdNumber(valid).ok).toBe(true);
    }
  });

  it('a wrong check character is check_digit (every wrong character)', () => {
    const right = SAMPLE_DIGIT[17];
    for (const c of '0123456789X') {
      const result = validateIdNumber(SAMPLE_DIGIT.slice(0, 17) + c);
      if (c === right) expect(result.ok).toBe(true);
      else expect(result).toMatchObject({ ok: false, problem: 'check_digit' });
    }
  });

  it.each([
    ['3301821990010112', 16],
    ['33018219900101123', 17],
    ['3301821990010112345', 19],
    ['330182900101123', 15],
  ])('%s has the wrong length (%s)', (id, length) => {
    expect(validateIdNumber(id)).toMatchObject({ ok: false, problem: 'length', length });
  });

  it.each([
    reference('33018219900230123'), // 30 February
    reference('33018219901301123'), // month 13
    reference('33018219900100123'), // day 0
    reference('33018218700101123'), // 1870
    reference('33018219010229123'), // 1901 is not a leap year
  ])('%s has an impossible birth date', (id) => {
    expect(validateIdNumber(id)).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('29 February in a leap year is fine', () => {
    expect(validateIdNumber(reference('33018220000229123')).ok).toBe(true);
  });
});

describe('parseIdNumber in text', () => {
  it('finds the number in a run-on sentence', () => {
    expect(parseIdNumber(`他叫张建国身份证${SAMPLE_X}昨天走的`)).toMatchObject({ ok: true, value: SAMPLE_X });
    expect(parseIdNumber(`身份证号:${SAMPLE_DIGIT}`)).toMatchObject({ ok: true, value: SAMPLE_DIGIT });
  });

  it('accepts the 6-8-4 grouping people type', () => {
    expect(parseIdNumber('身份证 110105 19491231 002x')).toMatchObject({ ok: true, value: SAMPLE_X });
    expect(parseIdNumber('110105-19491231-002X')).toMatchObject({ ok: true, value: SAMPLE_X });
  });

  it('reports a wrong check digit', () => {
    expect(parseIdNumber('身份证110105194912310021')).toMatchObject({ ok: false, problem: 'check_digit' });
  });

  it('reports a wrong length when the text says it is an ID number', () => {
    expect(parseIdNumber('身份证号11010519491231002')).toMatchObject({ ok: false, problem: 'length', length: 17 });
    expect(parseIdNumber('11010519491231002', { expected: true })).toMatchObject({ ok: false, problem: 'length', length: 17 });
  });

  it('leaves a bank card number alone when nobody said ID', () => {
    expect(parseIdNumber('卡号6222021234567890123')).toBeUndefined();
    expect(parseIdNumber('6222021234567890')).toBeUndefined();
  });

  it('never takes a phone number, money or short numbers', () => {
    for (const text of ['13812345678', '8613812345678', '自付12000', '身份证号码是多少', '']) expect(parseIdNumber(text), text).toBeUndefined();
  });

  it('a valid number wins over a broken one; all are listed', () => {
    const text = `身份证110105194912310021 不对是${SAMPLE_X}`;
    expect(parseIdNumber(text)).toMatchObject({ ok: true, value: SAMPLE_X });
    expect(findIdNumbers(text).map((r) => r.ok)).toEqual([false, true]);
  });

  it('a longer digit run is not an ID number with digits glued on', () => {
    expect(parseIdNumber(`${SAMPLE_DIGIT}99`)).toBeUndefined();
  });
});

describe('maskIdNumber', () => {
  it('keeps the first six and last four characters', () => {
    expect(maskIdNumber('330182199001011234')).toBe('330182********1234');
    expect(maskIdNumber(SAMPLE_X)).toBe('110105********002X');
  });

  it('never leaves the birth date visible, whatever the length', () => {
    expect(maskIdNumber('33018219900101123')).toBe('*************1123');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
});
