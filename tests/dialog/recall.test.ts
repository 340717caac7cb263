import { describe, expect, it } from 'vitest';
import { recallFact } from '../../src/dialog/recall.ts';
import { loadTranslator } from '../../src/i18n/index.ts';

const tr = loadTranslator();
const ON = '2026-12-05';

describe("recalling the district's fact a short question points at", () => {
  it.each([
    // One word asked, and the fact most about it: 002 第十二条(二).
    ['长沙市', '档案呢', '档案管理部门', '第十二条(二)'],
    // 003 第十二条(二): the enterprise hands the archive to the 人社部门.
    ['聊城市', '退休职工档案归谁管', '人社部门', '第十二条(二)'],
    // 000 附件 创新亮点.
    ['建德市', '企退之家那项几分', '企退之家', '附件 创新亮点'],
    // 001 七(一): 以前发的 is what those retired before the hand-over already had (现有), not the new retirees' rule.
    ['郑州市', '那以前厂里发的统筹外补贴呢', '原渠道', '七(一)'],
  ])('%s "%s" → %s (%s)', (region, question, said, clause) => {
    const answer = recallFact(tr, ON, region, question);
    expect(answer).toContain(said);
    expect(answer).toContain(clause);
  });

  it.each([
    // Nothing of the texts in it.
    ['西湖区', '今天天气怎么样'],
    // Two facts as close (统筹外 for those retired before and after the hand-over): neither is guessed.
    ['郑州市', '统筹外补贴呢'],
  ])('%s "%s" → nothing', (region, question) => {
    expect(recallFact(tr, ON, region, question)).toBeNull();
  });
});
