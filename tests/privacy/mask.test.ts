import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { maskBankCard, maskIdNumber, maskPhone, maskText } from '../../src/privacy/mask.ts';

const ID = '330182195203151239';
const PHONE = '13812345678';
const CARD = '6222021234567890123';

describe('masking', () => {
  it('masks as staff lists show it', () => {
    expect(maskIdNumber(ID)).toBe('330182********1239');
    expect(maskPhone(PHONE)).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskBankCard(CARD)).toBe('***************0123');
  });
  it.each([
    [`我爸身份证${ID}电话${PHONE}`, `我爸身份证330182********1239电话138****5678`],
    [`卡号 ${CARD} 谢谢`, `卡号 ***************0123 谢谢`],
    ['电话 138 1234 5678', '电话 138****5678'],
    ['自付12000元 2026年11月21日', '自付12000元 2026年11月21日'],
    ['编号C20261121-0007', '编号C20261121-0007'],
  ])('%s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });
});

describe('the logger never writes personal data', () => {
  function capture() {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { logger: createLogger({ level: 'debug', destination }), lines };
  }

  it('censors personal keys and masks numbers inside any string', () => {
    const { logger, lines } = capture();
    logger.info({ phone: PHONE, case: { id_number: ID, reporterPhone: PHONE }, text: `身份证 ${ID}` }, `user said ${PHONE}`);
    logger.warn(`card ${CARD}`);
    const out = lines.join('');
    expect(out).not.toContain(ID);
    expect(out).not.toContain(PHONE);
    expect(out).not.toContain(CARD);
    expect(out).toContain('[redacted]');
    expect(out).toContain('138****5678');
    expect(out).toContain('330182********1239');
  });

  it('keeps ordinary fields readable', () => {
    const { logger, lines } = capture();
    logger.info({ intent: 'serious_illness_consolation', amount: 12000 }, 'classified');
    const record = JSON.parse(lines[0] ?? '{}');
    expect(record).toMatchObject({ intent: 'serious_illness_consolation', amount: 12000, msg: 'classified' });
  });
});
