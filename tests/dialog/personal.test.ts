/**
 * What a dialog kept between turns counts as personal (issue 12): the store seals that, and keeps the rest (a
 * district, an amount, codes) unsealed, so most turns cost no seal.
 */
import { describe, expect, it } from 'vitest';
import { holdsPersonal } from '../../src/dialog/state.ts';

const dialog = (intent: string, slots: Record<string, string | string[]>, awaiting = 'done') => ({ intent, slots, awaiting, tries: 0 });

describe('holdsPersonal', () => {
  it.each([
    ['a district and an amount', dialog('serious_illness_consolation', { amount: '12000', region: '西湖区' }, 'offer')],
    ['a district by its short name', dialog('transfer_management', { to: '余杭' }, 'from')],
    ['codes only', dialog('transfer_management', { hukou: 'own', housing: 'rented' }, 'applicantName')],
    ['aspects', dialog('pension_certification', { _aspects: ['pension', 'stop'] })],
    ['nothing yet', dialog('coverage_enrollment', {}, 'region')],
    ['a profile', { region: '建德市', privateDialog: { intent: 'report_death', at: 1795229173040 } }],
  ])('nothing personal: %s', (_, data) => {
    expect(holdsPersonal(data)).toBe(false);
  });

  it.each([
    ['a name', dialog('report_death', { deceasedName: '张建国' }, 'idNumber')],
    ['a name in pinyin (a personal slot, whatever its shape)', dialog('report_death', { deceasedName: 'zhangsan' }, 'idNumber')],
    ['an ID number', dialog('report_death', { idNumber: '330182195203151239' }, 'phone')],
    ['a relation', dialog('report_death', { relation: '父亲' }, 'deceasedName')],
    ['a question as asked (free text)', dialog('serious_illness_consolation', { _yn: '我老伴自己掏了一万二能申请吗' }, 'region')],
    ['a date', dialog('report_death', { dateOfDeath: '2026-11-20' }, 'relation')],
    ['a seven-digit number', dialog('serious_illness_consolation', { amount: '1381234' }, 'region')],
    [
      'an interrupted form under the answer',
      { ...dialog('health_checkup', { region: '西湖区' }), parent: dialog('report_death', { deceasedName: '李' }, 'idNumber') },
    ],
  ])('personal: %s', (_, data) => {
    expect(holdsPersonal(data)).toBe(true);
  });
});
