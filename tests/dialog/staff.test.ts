import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outgoing } from '../../src/chat/index.ts';
import { harness } from './harness.ts';

let h: Awaited<ReturnType<typeof harness>>;
const STAFF_CHAT = { platform: 'test', chat: 'staff-room' };
const staff = { user: 's1', staff: true } as const;

beforeEach(async () => {
  h = await harness({ staffChat: STAFF_CHAT });
});
afterEach(async () => {
  await h.close();
});

async function reportDeath(): Promise<Outgoing> {
  await h.send({ chat: 'g1', group: true, text: '我爸昨天走了 要去哪里报' });
  await h.send({ chat: 'u1', text: '张建国' });
  await h.send({ chat: 'u1', text: '330182195203151239' });
  await h.send({ chat: 'u1', text: '13812345678' });
  await h.send({ chat: 'u1', text: '西湖区' });
  await h.send({ chat: 'u1', text: '翠苑一区' });
  return h.send({ chat: 'u1', button: 'y' });
}

describe('cases for staff', () => {
  it('a new case is announced in the staff chat, masked, with claim and view buttons', async () => {
    const done = await reportDeath();
    const announce = done.replies.find((r) => r.chat === 'staff-room');
    expect(announce?.text).toContain('C20261121-0001');
    expect(announce?.text).toContain('330182********1239');
    expect(announce?.text).toContain('138****5678');
    expect(announce?.text).toContain('张**');
    expect(announce?.buttons?.map((b) => b.payload)).toEqual(['k:claim:C20261121-0001', 'k:view:C20261121-0001']);
    expect(h.groupLeaks()).toEqual([]);
  });

  it('full run: claim from the announcement, resolve with a note, the family is told', async () => {
    await reportDeath();
    const claimed = await h.send({ chat: 'staff-room', group: true, ...staff, button: 'k:claim:C20261121-0001' });
    expect(h.text(claimed)).toContain('已认领 C20261121-0001');
    expect(claimed.cases).toEqual([{ id: 'C20261121-0001', type: 'death_report', status: 'claimed' }]);
    expect(h.text(claimed)).not.toContain('330182195203151239');

    const again = await h.send({ chat: 'staff-room', group: true, user: 's2', staff: true, button: 'k:claim:C20261121-0001' });
    expect(h.text(again)).toContain('不能再认领');

    const privately = await h.send({ chat: 's1', ...staff, text: '/case C20261121-0001' });
    expect(h.text(privately)).toContain('330182195203151239');
    expect(h.text(privately)).toContain('13812345678');

    const resolved = await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0001 已核实，养老金已停发，丧事慰问费200元已打卡' });
    expect(resolved.cases).toEqual([{ id: 'C20261121-0001', type: 'death_report', status: 'resolved' }]);
    const notice = resolved.replies.find((r) => r.chat === 'u1');
    expect(notice?.text).toContain('已经办好了：已核实，养老金已停发');

    const status = await h.send({ chat: 'u1', text: '我报的事情办好了吗' });
    expect(h.text(status)).toContain('已办结');
    const history = (await h.store.getCase('C20261121-0001'))?.history.map((e) => e.action);
    expect(history).toEqual(['opened', 'claimed', 'resolved']);
  });

  it('others cannot list, claim or read a case, even with a forwarded button', async () => {
    await reportDeath();
    expect(h.text(await h.send({ chat: 'u1', text: '/cases' }))).toContain('工作人员的功能');
    expect(h.text(await h.send({ chat: 'u1', button: 'k:claim:C20261121-0001' }))).toContain('工作人员的功能');
    expect(h.text(await h.send({ chat: 'u1', button: 'k:view:C20261121-0001' }))).toContain('工作人员的功能');
    expect(h.text(await h.send({ chat: 'u1', text: '/case C20261121-0001' }))).not.toContain('330182');
    expect((await h.store.getCase('C20261121-0001'))?.status).toBe('open');
  });

  it('lists open, mine and overdue cases; rejects with a reason', async () => {
    await reportDeath();
    await h.send({ chat: 'c2', user: 'u2', text: '转人工' });
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/cases' }))).toContain('共2件');
    await h.send({ chat: 's1', ...staff, text: '/claim C20261121-0002' });
    const mine = h.text(await h.send({ chat: 's1', ...staff, text: '/cases mine' }));
    expect(mine).toContain('C20261121-0002');
    expect(mine).not.toContain('C20261121-0001');
    h.advance(3 * 24 * 3600_000);
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/cases overdue' }))).toContain('已超期');
    const rejected = await h.send({ chat: 's1', ...staff, text: '/reject C20261121-0002 重复登记' });
    expect(rejected.replies.find((r) => r.chat === 'u2')?.text).toContain('原因是：重复登记');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/note C20261121-0001 已电话联系家属' }))).toContain('已为 C20261121-0001 添加备注');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/claim' }))).toContain('请在命令后写编号');
  });

  it('publicity lists only name, gender, age and amount, for at least 7 days, with a CSV', async () => {
    await h.send({ chat: 'c3', user: 'u3', text: '拱墅区 自付两万 大病慰问' });
    await h.send({ chat: 'c3', user: 'u3', button: 'y' });
    await h.send({ chat: 'c3', user: 'u3', text: '王秀英' });
    await h.send({ chat: 'c3', user: 'u3', button: 's:gender:女' });
    await h.send({ chat: 'c3', user: 'u3', text: '78岁' });
    await h.send({ chat: 'c3', user: 'u3', button: 'y' });
    await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0001 已发放2000元' });
    const list = await h.send({ chat: 's1', ...staff, text: '/publicity 2026-11' });
    expect(h.text(list)).toContain('王秀英　女　78岁　2000元');
    expect(h.text(list)).toContain('不少于7天');
    const csv = list.replies.find((r) => r.attachment)?.attachment;
    expect(csv?.content).toBe('项目,姓名,性别,年龄,金额\n大病慰问,王秀英,女,78,2000\n');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/publicity 2026-10' }))).toContain('没有需要公示');
  });

  it('staff check entitlements in one line', async () => {
    const out = await h.send({ chat: 's1', ...staff, text: '西湖区 住院2次 自付8000 75岁 全年' });
    const text = h.text(out);
    expect(text).toContain('住院慰问：150元');
    expect(text).toContain('大病慰问：最高不超过500元');
    expect(text).toContain('节日慰问：2800元');
    expect(text).toContain('发放慰问品');
    expect(text).toContain('杭人社发〔2024〕1号');
    const jiande = h.text(await h.send({ chat: 's1', ...staff, text: '建德 自付45000 大病' }));
    expect(jiande).toContain('大病慰问：最高不超过2500元');
  });
});

describe('staff at work: typos, amounts, notices', () => {
  async function seriousIllness(chat: string, user: string, line: string, name: string) {
    await h.send({ chat, user, text: line });
    await h.send({ chat, user, button: 'y' });
    await h.send({ chat, user, text: name });
    await h.send({ chat, user, button: 's:gender:女' });
    await h.send({ chat, user, text: '78岁' });
    return h.send({ chat, user, button: 'y' });
  }

  it('short and mistyped commands reach the case; a non-staff /start is not refused', async () => {
    await reportDeath();
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/case c20261121-1' }))).toContain('330182195203151239');
    const claimed = await h.send({ chat: 's1', ...staff, text: '/cliam C20261121-1' });
    expect(h.text(claimed)).toContain('已认领 C20261121-0001');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/claim C20261121-0001' }))).toContain('您已经认领了');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/cases 报丧' }))).toContain('C20261121-0001');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/case C2026112-1' }))).toContain('编号不对');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/reject C20261121-0001' }))).toContain('退回原因');
    expect(h.text(await h.send({ chat: 'u9', user: 'u9', text: '/start' }))).not.toContain('工作人员的功能');
  });

  it('a serious-illness payment needs one clear amount within the ceiling; the family hears it kindly', async () => {
    await seriousIllness('c3', 'u3', '拱墅区 自付两万 大病慰问', '王秀英');
    const ambiguous = await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0001 自付20000元，2500元' });
    expect(h.text(ambiguous)).toContain('几个金额');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0001 已发放3000元' }))).toContain('超过了');
    const done = await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0001 自付20000元，核定发放2500元。' });
    expect(done.cases).toEqual([{ id: 'C20261121-0001', type: 'serious_illness_application', status: 'resolved' }]);
    expect((await h.store.getCase('C20261121-0001'))?.fields.paidAmount).toBe('2500');
    const notice = done.replies.find((r) => r.chat === 'u3')?.text ?? '';
    expect(notice).toContain('大病慰问申请（编号 C20261121-0001）工作人员已经办好了');
    expect(notice).not.toMatch(/办结|登记|。。/);
  });

  it('publicity lists both kinds, name/gender/age/amount only', async () => {
    await seriousIllness('c3', 'u3', '拱墅区 自付两万 大病慰问', '王秀英');
    await h.send({ chat: 'c5', user: 'u5', text: '我是自管小组长 管了40个退休人员 西湖区 补助多少' });
    await h.send({ chat: 'c5', user: 'u5', button: 'y' });
    await h.send({ chat: 'c5', user: 'u5', text: '陈志明' });
    await h.send({ chat: 'c5', user: 'u5', button: 's:gender:男' });
    await h.send({ chat: 'c5', user: 'u5', text: '68岁' });
    await h.send({ chat: 'c5', user: 'u5', button: 'y' });
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0002 已发放500元' }))).toContain('超过了');
    await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0002 已发放400元' });
    await h.send({ chat: 's1', ...staff, text: '/resolve C20261121-0001 已发放2500元' });
    const list = h.text(await h.send({ chat: 'staff-room', group: true, ...staff, text: '/publicity 11月' }));
    expect(list).toContain('【大病慰问】1人');
    expect(list).toContain('王秀英　女　78岁　2500元');
    expect(list).toContain('【小组长补助】1人');
    expect(list).toContain('陈志明　男　68岁　400元');
    expect(list).not.toMatch(/拱墅区|西湖区|20000/);
  });

  it('codes are shown in words; a decided case shows no due date; a colleague closing is noted', async () => {
    await h.send({ chat: 'c9', user: 'u9', text: '转人工' });
    const shown = h.text(await h.send({ chat: 's1', ...staff, text: '/case C20261121-0001' }));
    expect(shown).toContain('原因：本人要求转人工');
    expect(shown).not.toContain('handoff');
    await h.send({ chat: 's1', ...staff, text: '/claim C20261121-0001' });
    const closed = await h.send({ chat: 's2', user: 's2', staff: true, text: '/resolve C20261121-0001 已回电' });
    expect(h.text(closed)).toContain('原由 test:s1 认领');
    expect(closed.replies.find((r) => r.chat === 'u9')?.text).toContain('您的咨询（编号 C20261121-0001）工作人员已经办好了：已回电');
    const all = h.text(await h.send({ chat: 's1', ...staff, text: '/cases all' }));
    expect(all).toContain('C20261121-0001 人工咨询 · 已办结');
    expect(all).not.toContain('到期');
  });

  it('staff questions in passing get the figure and the clause', async () => {
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '大病公示几天' }))).toContain('不少于7天');
    const cs = await h.send({ chat: 's9', user: 's9', staff: true, text: '长沙的报丧期限' });
    expect(h.text(cs)).toContain('30日内');
  });

  it('full-width slash commands, case numbers in words, and rule questions right after another answer', async () => {
    await reportDeath();
    const listed = h.text(await h.send({ chat: 's1', ...staff, text: '／cases' }));
    expect(listed).toContain('C20261121-0001');
    const shown = h.text(await h.send({ chat: 's1', ...staff, text: '查一下C20261121-1' }));
    expect(shown).toContain('C20261121-0001');
    // A retiree naming a number is asking about their own case, not looking up someone else's.
    expect(h.text(await h.send({ chat: 'u7', user: 'u7', text: '查一下C20261121-1' }))).not.toContain('张建国');
    // After a budget answer, "长沙的报丧期限" is a question, not a correction of the budget's district.
    await h.send({ chat: 's1', ...staff, text: '西湖区3200人 经费预算' });
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '长沙的报丧期限' }))).toContain('30日内');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '社区1500户配几个人' }))).toContain('7');
  });
});
