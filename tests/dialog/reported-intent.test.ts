import { describe, expect, it } from 'vitest';
import { reportedIntent } from '../../src/dialog/forms/index.ts';
import { INTENT_IDS } from '../../src/nlu/index.ts';

describe('reportedIntent: a turn reports only the interface intent ids', () => {
  it.each([
    ['serious_illness_application', 'serious_illness_consolation'],
    ['hospitalization_application', 'hospitalization_consolation'],
    ['group_leader_subsidy_application', 'group_leader_subsidy'],
    ['report_death', 'report_death'],
    ['out_of_scope', 'out_of_scope'],
  ])('%s → %s', (dialog, intent) => {
    expect(reportedIntent(dialog)).toBe(intent);
    expect(INTENT_IDS).toContain(reportedIntent(dialog));
  });
  it('null stays null', () => {
    expect(reportedIntent(null)).toBeNull();
  });
});
