import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readManaged } from '../../src/dialog/forms/group-leader.ts';
import { understand } from '../../src/nlu/index.ts';
import { harness, NOW } from './harness.ts';

let h: Awaited<ReturnType<typeof harness>>;
const STAFF_CHAT = { platform: 'test', chat: 'staff-room' };
const staff = { user: 's1', staff: true } as const;
const CARD = '6222021234567890123';

beforeEach(async () => {
  h = await harness({ staffChat: STAFF_CHAT });
});
afterEach(async () => {
  await h.close();
});

/** Answers the application's questions in the private chat and confirms. */
async function apply(who: { chat: string; user: string }, name: string, gender: '男' | '女', age: string) {
  await h.send({ ...who, text: name });
  await h.send({ ...who, button: `s:gender:${gender}` });
  const confirm = await h.send({ ...who, text: age });
  const filed = await h.send({ ...who, button: 'y' });
  return { confirm, filed };
}

describe('group-leader subsidy: the answer and its offer', () => {
  it('answers the rule as before, then offers 申请登记 (yes/no buttons)', async () => {
    const out = await h.send({ text: '上城区 小组长管了45个人 补助多少' });
    expect(out.intent).toBe('group_leader_subsidy');
    expect(h.text(out)).toContain('自管小组长补助：最高不超过450元');
    expect(h.text(out)).toContain('杭人社发〔2024〕1号 三(一)2');
    expect(h.text(out)).toContain('登记补助申请');
    const buttons = out.replies.flatMap((r) => r.buttons ?? []);
    expect(buttons).toEqual([
      { label: '好的，帮我登记', payload: 'y' },
      { label: '不用了', payload: 'n' },
    ]);
  });

  it('declining the offer opens nothing', async () => {
    await h.send({ text: '上城区 小组长管了45个人 补助多少' });
    const no = await h.send({ button: 'n' });
    expect(h.text(no)).toContain('不登记');
    expect(no.cases).toEqual([]);
  });

  it('no offer to staff, nor where the document sets no such subsidy, nor for 0 managed', async () => {
    const forStaff = await h.send({ chat: 's1', ...staff, text: '上城区 小组长管了45个人 补助多少' });
    expect(h.text(forStaff)).toContain('最高不超过450元');
    expect(h.payloads(forStaff)).not.toContain('y');
    const changsha = await h.send({ chat: 'c2', user: 'u2', text: '长沙 小组长补助 管40人' });
    expect(h.text(changsha)).toContain('没有规定');
    expect(h.payloads(changsha)).not.toContain('y');
    await h.send({ chat: 'c3', user: 'u3', text: '西湖区小组长补助' });
    const zero = await h.send({ chat: 'c3', user: 'u3', text: '0' });
    expect(h.text(zero)).toContain('没有补助');
    expect(h.payloads(zero)).not.toContain('y');
  });

  it('an absurd count said in passing is said kindly and asked again, not answered', async () => {
    const out = await h.send({ text: '上城区 小组长管了2000个人 补助多少' });
    expect(h.text(out)).toContain('2000人好像太多了');
    expect(h.text(out)).toContain('管理多少位退休人员');
    expect(h.text(out)).not.toContain('最高不超过');
    const again = await h.send({ text: '四十五个人' });
    expect(h.text(again)).toContain('最高不超过450元');
  });

  it('a negative or fractional count is refused kindly and asked again', async () => {
    await h.send({ text: '小组长补助' });
    await h.send({ text: '西湖区' });
    expect(h.text(await h.send({ text: '-5' }))).toContain('不能是负数');
    expect(h.text(await h.send({ text: '40.5' }))).toContain('整数');
    expect(h.text(await h.send({ text: '40' }))).toContain('最高不超过400元');
  });
});

describe('group-leader subsidy: the application', () => {
  it('from a group: moves to private, asks name, gender, age, confirms, files with the ceiling and clause, tells the due date', async () => {
    const asked = await h.send({ chat: 'g1', group: true, mention: true, text: '西湖区 小组长管了45个人 补助多少' });
    expect(h.text(asked)).toContain('最高不超过450元');
    const moved = await h.send({ chat: 'g1', group: true, button: 'y' });
    expect(moved.replies.map((r) => r.chat)).toEqual(['g1', 'u1']);
    expect(moved.replies[0]?.text).toContain('私聊');
    expect(moved.replies[1]?.text).toContain('银行卡号不用发');
    expect(moved.replies[1]?.text).toContain('小组长叫什么名字');

    const who = { chat: 'u1', user: 'u1' };
    expect(h.text(await h.send({ ...who, text: '李国强' }))).toContain('性别');
    expect(h.text(await h.send({ ...who, button: 's:gender:男' }))).toContain('多大年纪');
    const confirm = await h.send({ ...who, text: '68' });
    const text = h.text(confirm);
    expect(text).toContain('小组长：李国强，男，68岁');
    expect(text).toContain('管理人数：45人');
    expect(text).toContain('年度：2026年');
    expect(text).toContain('最高不超过450元（杭人社发〔2024〕1号 三(一)2）');
    // Hangzhou's text sets no group size or leader age: nothing is said about them.
    expect(text).not.toContain('提醒');
    expect(h.payloads(confirm)).toEqual(['y', 'n']);

    const filed = await h.send({ ...who, button: 'y' });
    expect(filed.cases).toEqual([{ id: 'C20261121-0001', type: 'group_leader_subsidy_application', status: 'open' }]);
    expect(h.text(filed)).toContain('C20261121-0001（小组长补助申请）');
    expect(h.text(filed)).toContain('2026年12月4日前');
    expect(h.text(filed)).toContain('公示不少于7天');
    const stored = await h.store.getCase('C20261121-0001');
    expect(stored?.fields).toEqual({
      region: '西湖区',
      year: 2026,
      managed: 45,
      ceiling: '450',
      citation: '杭人社发〔2024〕1号 三(一)2',
      leaderName: '李国强',
      gender: '男',
      age: 68,
    });
    // The group saw no name: the staff chat's announcement masks it.
    expect(h.groupReplies.join('\n')).not.toContain('李国强');
    expect(filed.replies.find((r) => r.chat === 'staff-room')?.text).toContain('李**');
  });

  it.each([
    [1, '10'],
    [30, '300'],
    [49, '490'],
    [50, '500'],
    [51, '500'],
    [120, '500'],
    [500, '500'],
  ])('%s managed → filed with a ceiling of %s 元 (min(10 × n, 500))', async (managed, ceiling) => {
    await h.send({ text: `拱墅区 小组长管了${managed}个人 补助多少` });
    await h.send({ button: 'y' });
    const { confirm, filed } = await apply({ chat: 'c1', user: 'u1' }, '王秀英', '女', '66');
    expect(h.text(confirm)).toContain(`最高不超过${ceiling}元`);
    expect(filed.cases[0]?.type).toBe('group_leader_subsidy_application');
    expect((await h.store.getCase(filed.cases[0]?.id as string))?.fields).toMatchObject({ managed, ceiling });
  });

  it('Jiande: a group outside 30–50 and a leader over 75 are told, not refused', async () => {
    await h.send({ text: '建德 小组长 管60人 补助多少' });
    await h.send({ button: 'y' });
    const { confirm, filed } = await apply({ chat: 'c1', user: 'u1' }, '陈志明', '男', '78岁');
    const text = h.text(confirm);
    expect(text).toContain('最高不超过500元');
    expect(text).toContain('文件要求每组30到50人，您说的是60人');
    expect(text).toContain('一般不超过75周岁，您是78岁');
    expect(text).toContain('建德市企业退休人员社会化管理服务专项资金管理办法');
    expect(filed.cases).toHaveLength(1);
  });

  it('a correction at the confirmation (count, year) re-confirms, and files once', async () => {
    await h.send({ text: '建德 小组长 管60人 补助多少' });
    await h.send({ button: 'y' });
    await h.send({ text: '陈志明' });
    await h.send({ button: 's:gender:男' });
    await h.send({ text: '70' });
    const count = await h.send({ text: '不对，管了48个人' });
    expect(h.text(count)).toMatch(/已改(过来|为)/);
    expect(h.text(count)).toContain('最高不超过480元');
    expect(h.text(count)).not.toContain('每组30到50人');
    const year = await h.send({ text: '是去年的' });
    expect(h.text(year)).toContain('年度：2025年');
    const filed = await h.send({ button: 'y' });
    expect((await h.store.getCase(filed.cases[0]?.id as string))?.fields).toMatchObject({ managed: 48, ceiling: '480', year: 2025 });
  });

  it('count 0, negative, fractional, absurd or unknown in the application: said kindly, asked again', async () => {
    await h.send({ button: 'i:group_leader_subsidy_application' });
    await h.send({ text: '滨江区' });
    expect(h.text(await h.send({ text: '0' }))).toContain('是0的话没有补助');
    expect(h.text(await h.send({ text: '600' }))).toContain('600人好像太多了');
    expect(h.text(await h.send({ text: '45' }))).toContain('小组长叫什么名字');
  });

  it('a bank card typed in the chat is not taken, not echoed, and never stored', async () => {
    await h.send({ text: '上城区 小组长管了40个人 补助多少' });
    await h.send({ button: 'y' });
    const card = await h.send({ text: CARD });
    expect(h.text(card)).toContain('不需要银行卡号');
    expect(h.text(card)).toContain('小组长叫什么名字');
    expect(h.text(card)).not.toContain(CARD);
    const { filed } = await apply({ chat: 'c1', user: 'u1' }, '王秀英', '女', '66');
    const stored = await h.store.getCase(filed.cases[0]?.id as string);
    expect(JSON.stringify(stored)).not.toContain(CARD);
  });

  it('cancel drops the application', async () => {
    await h.send({ text: '上城区 小组长管了40个人 补助多少' });
    await h.send({ button: 'y' });
    expect(h.text(await h.send({ text: '算了' }))).toContain('已取消');
    expect(await h.store.listCases({ limit: 10 })).toEqual([]);
  });
});

describe('readManaged: what a count answer means', () => {
  const msg = (text: string) => ({ text, understanding: understand(text, { now: NOW }), button: null });
  it.each([
    ['45', true, { value: 45 }],
    ['四十五', true, { value: 45 }],
    ['45人', true, { value: 45 }],
    ['管了45个人', true, { value: 45 }],
    ['500', true, { value: 500 }],
    ['0', true, { value: 0 }],
    ['0', false, { error: 'error-managed-zero' }],
    ['-5', false, { error: 'error-managed-negative' }],
    ['负五', false, { error: 'error-managed-negative' }],
    ['40.5', false, { error: 'error-managed-integer' }],
    ['501', false, { error: 'error-managed-absurd', args: { value: 501 } }],
    ['两千', false, { error: 'error-managed-absurd', args: { value: 2000 } }],
    ['一个亿', false, { error: 'error-managed-absurd', args: { value: '一个亿' } }],
    ['不知道', false, { error: 'error-managed-unsure' }],
    ['好多', false, { error: 'error-managed-unreadable' }],
  ] as const)('%s (zero allowed: %s) → %j', (text, allowZero, expected) => {
    expect(readManaged(msg(text), true, allowZero)).toEqual(expected);
  });
});

describe('group-leader subsidy for staff: resolve, 公示, masking', () => {
  async function leaderCase(chat: string, name: string, gender: '男' | '女', age: string, text = '西湖区 小组长管了45个人 补助多少') {
    await h.send({ chat, user: chat, text });
    await h.send({ chat, user: chat, button: 'y' });
    return (await apply({ chat, user: chat }, name, gender, age)).filed.cases[0]?.id as string;
  }
  async function illnessCase(chat: string) {
    await h.send({ chat, user: chat, text: '拱墅区 自付两万 大病慰问' });
    await h.send({ chat, user: chat, button: 'y' });
    return (await apply({ chat, user: chat }, '王秀英', '女', '78岁')).filed.cases[0]?.id as string;
  }

  it('resolving records the amount paid; no amount or more than the ceiling is refused', async () => {
    const id = await leaderCase('c5', '李国强', '男', '68');
    const none = await h.send({ chat: 's1', ...staff, text: `/resolve ${id} 已核实` });
    expect(h.text(none)).toContain('请在说明里写发放金额');
    const over = await h.send({ chat: 's1', ...staff, text: `/resolve ${id} 已发放4500元` });
    expect(h.text(over)).toContain('超过了');
    expect((await h.store.getCase(id))?.status).toBe('open');
    const done = await h.send({ chat: 's1', ...staff, text: `/resolve ${id} 考核合格，已发放450元` });
    expect(done.cases).toEqual([{ id, type: 'group_leader_subsidy_application', status: 'resolved' }]);
    expect(done.replies.find((r) => r.chat === 'c5')?.text).toContain('已发放450元');
    expect((await h.store.getCase(id))?.fields.paidAmount).toBe('450');
  });

  it('/publicity lists both kinds, by section and in a CSV column, with only name, gender, age and amount', async () => {
    const illness = await illnessCase('c6');
    const leader = await leaderCase('c7', '李国强', '男', '68');
    const leader2 = await leaderCase('c8', '陈志明', '男', '78', '建德 小组长 管60人 补助多少');
    await h.send({ chat: 's1', ...staff, text: `/resolve ${illness} 已发放2000元` });
    await h.send({ chat: 's1', ...staff, text: `/resolve ${leader} 已发放450元` });
    await h.send({ chat: 's1', ...staff, text: `/resolve ${leader2} 已发放500元` });
    const list = await h.send({ chat: 's1', ...staff, text: '/publicity 2026-11' });
    const text = h.text(list);
    expect(text).toContain('公示名单（3人）');
    expect(text).toContain('【大病慰问】1人：\n王秀英　女　78岁　2000元');
    expect(text).toContain('【小组长补助】2人：');
    expect(text).toContain('李国强　男　68岁　450元');
    expect(text).toContain('陈志明　男　78岁　500元');
    expect(text).toContain('不少于7天');
    const csv = list.replies.find((r) => r.attachment)?.attachment?.content ?? '';
    const rows = csv
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    expect(rows[0]).toEqual(['项目', '姓名', '性别', '年龄', '金额']);
    expect(rows.slice(1).sort()).toEqual(
      [
        ['大病慰问', '王秀英', '女', '78', '2000'],
        ['小组长补助', '李国强', '男', '68', '450'],
        ['小组长补助', '陈志明', '男', '78', '500'],
      ].sort(),
    );
    // Nothing else of the cases: not the district, the count, the self-pay, the ceiling, the clause of the case.
    for (const other of ['西湖区', '建德市', '拱墅区', '45人', '60', '20000', '管理人数', 'C2026']) expect(csv).not.toContain(other);
    const rowsText = text.split('\n').filter((line) => line.includes('　'));
    for (const line of rowsText) expect(line.split('　')).toHaveLength(4);
  });

  it('an unresolved or rejected application is not published', async () => {
    const open = await leaderCase('c9', '李国强', '男', '68');
    const rejected = await leaderCase('c10', '陈志明', '男', '70');
    await h.send({ chat: 's1', ...staff, text: `/reject ${rejected} 本年度考核不合格` });
    expect((await h.store.getCase(open))?.status).toBe('open');
    expect(h.text(await h.send({ chat: 's1', ...staff, text: '/publicity 2026-11' }))).toContain('没有需要公示');
  });

  it("the leader's name is masked in the staff chat and in group lists, whole only in a staff member's private chat", async () => {
    const id = await leaderCase('c11', '李国强', '男', '68');
    const inGroup = h.text(await h.send({ chat: 'staff-room', group: true, ...staff, text: `/case ${id}` }));
    expect(inGroup).toContain('小组长：李**');
    expect(inGroup).not.toContain('李国强');
    expect(inGroup).toContain('管理人数：45');
    const claimed = h.text(await h.send({ chat: 'staff-room', group: true, ...staff, button: `k:claim:${id}` }));
    expect(claimed).not.toContain('李国强');
    const listed = h.text(await h.send({ chat: 'staff-room', group: true, ...staff, text: '/cases group_leader_subsidy_application' }));
    expect(listed).toContain(id);
    expect(listed).not.toContain('李国强');
    const privately = h.text(await h.send({ chat: 's1', ...staff, text: `/case ${id}` }));
    expect(privately).toContain('小组长：李国强');
    expect(h.groupReplies.join('\n')).not.toContain('李国强');
  });
});
