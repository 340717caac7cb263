import { describe, expect, it } from 'vitest';
import { loadTranslator } from '../../src/i18n/index.ts';
import { understand } from '../../src/nlu/index.ts';
import { paidAmountOf, parseCaseMention, parseCommand, quickCheck } from '../../src/staff/index.ts';

const TODAY = '2026-11-21';
const parsed = (text: string) => {
  const r = parseCommand(text, TODAY);
  return r === null ? null : r.ok ? r.command : r.error.code;
};

describe('staff commands as busy staff type them', () => {
  it.each([
    ['/case c20261121-1', { kind: 'show', id: 'C20261121-0001' }],
    ['/case C20261121-0001', { kind: 'show', id: 'C20261121-0001' }],
    ['/claim C20261121-00007', { kind: 'claim', id: 'C20261121-0007' }],
    ['/cliam C20261121-0001', { kind: 'claim', id: 'C20261121-0001' }],
    ['/resovle C20261121-2 已发放500元', { kind: 'resolve', id: 'C20261121-0002', note: '已发放500元' }],
    ['/rejcet C20261121-2 重复登记', { kind: 'reject', id: 'C20261121-0002', note: '重复登记' }],
    ['/note C20261121-0001，已联系家属', { kind: 'note', id: 'C20261121-0001', note: '已联系家属' }],
    ['／cases', { kind: 'list', filter: 'open' }],
    ['／ｃａｓｅ Ｃ２０２６１１２１－０００３', { kind: 'show', id: 'C20261121-0003' }],
    ['/casse', { kind: 'list', filter: 'open' }],
    ['/cases 大病', { kind: 'list', filter: 'serious_illness_application' }],
    ['/cases 报丧', { kind: 'list', filter: 'death_report' }],
    ['/cases 小组长', { kind: 'list', filter: 'group_leader_subsidy_application' }],
    ['/cases 超期', { kind: 'list', filter: 'overdue' }],
    ['/cases 我的', { kind: 'list', filter: 'mine' }],
    ['/CASES OPEN', { kind: 'list', filter: 'open' }],
    ['/publicity 十一月', { kind: 'publicity', month: '2026-11' }],
    ['/publicity 2026年10月', { kind: 'publicity', month: '2026-10' }],
    ['/case C2026112-1', 'bad_id'],
    ['/case', 'missing_id'],
    ['/reject C20261121-0002', 'missing_note'],
    ['/cases 随便', 'bad_filter'],
    ['/frobnicate', 'unknown_command'],
    // Platform and habit commands are not staff commands: a retiree's /start must not be refused.
    ['/start', null],
    ['/help', null],
  ] as const)('%s', (text, want) => {
    expect(parsed(text)).toEqual(want);
  });

  it.each([
    ['查一下C20261121-0001', 'C20261121-0001'],
    ['c20261121-3 怎么样了', 'C20261121-0003'],
    ['帮我办结C20261121-0001', null],
    ['没有编号', null],
  ])('a case named in words: %s', (text, id) => {
    const c = parseCaseMention(text);
    expect(c === null ? null : 'id' in c ? c.id : null).toBe(id);
  });
});

describe('the amount paid, read from a resolve note', () => {
  it.each([
    ['已发放2500元', '2500'],
    ['已发放一千元', '1000'],
    ['已发放2,500元', '2500'],
    ['经审核发放2500元，12月5日前到账', '2500'],
    ['自付20000元，核定发放2500元', '2500'],
    ['已发放500元（自付8000）', '500'],
    ['已打卡两千五', '2500'],
    ['已回电', null],
    ['20000元，2500元', 'ambiguous'],
  ])('%s → %s', (note, want) => {
    const r = paidAmountOf(note);
    expect(r === null ? null : 'amount' in r ? r.amount.toString() : 'ambiguous').toBe(want);
  });
});

describe('staff questions in passing, answered from the texts', () => {
  const tr = loadTranslator();
  const now = new Date('2026-11-21T10:00:00+08:00');
  const ask = (text: string) => quickCheck(tr, understand(text, { now }), text, TODAY) ?? '';
  it.each([
    // Henan 五(四)1: 1000–2000 households → 7; 2000–3000 → 9; beyond, one per 300 more.
    ['社区1500户配几个人', ['7名工作人员', '豫政办〔2017〕44号 五(四)1']],
    ['社区3300户配几个人', ['10名工作人员']],
    ['社区999户配几个人', ['5名工作人员']],
    // 五(四)2: one per 300 retirees, a started 300 counts.
    ['900个退休人员要配几个管理人员', ['需要3名', '五(四)2']],
    ['901个退休人员要配几个管理人员', ['需要4名']],
    // 004 五(三), 000 五(二): at least 7 days, only name, gender, age and amount.
    ['大病公示几天', ['不少于7天', '杭人社发〔2024〕1号 五(三)', '五(二)']],
    ['小组长补助公示几天', ['不少于7天']],
    ['公示能写身份证号吗', ['不能写', '身份证号', '姓名、性别、年龄']],
    // 002 第十六条(四) 30 days (expired text, labelled); 003 第十六条(四) 7 days; Hangzhou/Jiande 及时.
    ['长沙的报丧期限', ['30日内', '第十六条(四)', '已于2025年4月30日到期']],
    ['聊城报丧几天内', ['7日内', '聊国资〔2020〕50号 第十六条(四)']],
    ['建德报丧期限', ['及时告知', '二(三)']],
  ])('%s', (text, wants) => {
    const answer = ask(text);
    for (const want of wants) expect(answer).toContain(want);
  });
  it('a profile line is still a quick check', () => {
    expect(ask('西湖区 住院2次 自付8000 75岁 全年')).toContain('大病慰问：最高不超过500元');
  });
});
