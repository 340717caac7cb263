import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMAS, CASE_TYPES, DUE_WORKING_DAYS, MAX_MANAGED_PER_LEADER, PERSONAL_FIELDS } from '../../src/cases/index.ts';
import { createLogger } from '../../src/log.ts';
import { PERSONAL_KEYS } from '../../src/privacy/mask.ts';

const schema = CASE_SCHEMAS.group_leader_subsidy_application;
const VALID = {
  region: '建德市',
  year: 2026,
  managed: 45,
  ceiling: '450',
  citation: '《建德市企业退休人员社会化管理服务专项资金管理办法》 三(一)2',
  leaderName: '李国强',
  gender: '男',
  age: 68,
} as const;

describe('group_leader_subsidy_application schema', () => {
  it('is a case type with a due time', () => {
    expect(CASE_TYPES).toContain('group_leader_subsidy_application');
    expect(DUE_WORKING_DAYS.group_leader_subsidy_application).toBeGreaterThan(0);
  });

  it('accepts a complete application, with or without the amount staff paid', () => {
    expect(schema.safeParse(VALID).success).toBe(true);
    expect(schema.safeParse({ ...VALID, paidAmount: '450' }).success).toBe(true);
  });

  it.each([
    ['managed 0', { managed: 0 }],
    ['managed negative', { managed: -3 }],
    ['managed fractional', { managed: 40.5 }],
    ['managed absurd', { managed: MAX_MANAGED_PER_LEADER + 1 }],
    ['ceiling not an amount', { ceiling: '450元' }],
    ['gender', { gender: '未知' }],
    ['age too low', { age: 12 }],
    ['age too high', { age: 130 }],
    ['empty name', { leaderName: '' }],
    ['year', { year: 1999 }],
  ])('refuses a bad %s', (_label, change) => {
    expect(schema.safeParse({ ...VALID, ...change }).success).toBe(false);
  });

  it.each(['region', 'year', 'managed', 'ceiling', 'citation', 'leaderName', 'gender', 'age'])('requires %s', (field) => {
    const { [field as keyof typeof VALID]: _dropped, ...rest } = VALID;
    expect(schema.safeParse(rest).success).toBe(false);
  });

  it('never carries a bank card, ID number or phone: unknown fields are refused, not stored', () => {
    expect(schema.safeParse({ ...VALID, bankCard: '6222021234567890123' }).success).toBe(false);
    expect(schema.safeParse({ ...VALID, idNumber: '330182195203151239' }).success).toBe(false);
    expect(schema.safeParse({ ...VALID, phone: '13812345678' }).success).toBe(false);
  });

  it("the leader's name is personal: masked in staff lists and censored in logs", () => {
    expect(PERSONAL_FIELDS).toContain('leaderName');
    expect(PERSONAL_KEYS).toContain('leaderName');
    expect(PERSONAL_KEYS).toContain('applicantName');
  });

  it("a logged case record writes neither the leader's nor an applicant's name", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination });
    logger.info({ leaderName: '李国强', fields: { leaderName: '陈志明', applicantName: '王秀英', managed: 45 } }, 'case opened');
    const out = lines.join('');
    for (const name of ['李国强', '陈志明', '王秀英']) expect(out).not.toContain(name);
    expect(JSON.parse(lines[0] ?? '{}').fields.managed).toBe(45);
  });
});
