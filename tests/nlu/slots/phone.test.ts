import { describe, expect, it } from 'vitest';
import { findPhones, hasInvalidPhone, maskPhone, parsePhone } from '../../../src/nlu/slots/phone.ts';

describe('parsePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['电话13812345678', '13812345678'],
    ['手机号是 138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['86-138-1234-5678', '13812345678'],
    ['联系我19912345678谢谢', '19912345678'],
    ['我儿子电话15012345678 我的13912345678', '15012345678'],
  ])('%s → %s', (text, phone) => {
    expect(parsePhone(text)).toBe(phone);
  });

  it.each([
    '12812345678', // 12 is not a mobile prefix
    '1381234567', // ten digits
    '138123456789', // twelve digits
    '0571-88888888', // landline
    '11010519491231002X', // inside an ID number
    '330182199001011234',
    '自付12000',
    '',
  ])('%s → no phone', (text) => {
    expect(parsePhone(text)).toBeUndefined();
  });

  it('lists every phone with its span', () => {
    expect(findPhones('a13812345678 b15012345678').map((p) => [p.phone, p.start, p.end])).toEqual([
      ['13812345678', 1, 12],
      ['15012345678', 14, 25],
    ]);
  });
});

describe('hasInvalidPhone', () => {
  it.each(['电话1381234567', '手机号 138123456789', '电话是12812345678'])('%s gives a number that is not a mobile', (text) => {
    expect(hasInvalidPhone(text)).toBe(true);
  });

  it.each(['电话13812345678', '电话0571-88888888', '电话13812345678 11010519491231002X', '身份证号码11010519491231002X', '我没有电话', '13812345678'])(
    '%s has nothing wrong',
    (text) => {
      expect(hasInvalidPhone(text)).toBe(false);
    },
  );
});

describe('maskPhone', () => {
  it('hides the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('138****5678');
  });

  it('keeps only the last four of anything else', () => {
    expect(maskPhone('057188888888')).toBe('********8888');
    expect(maskPhone('123')).toBe('***');
  });
});
