import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outgoing } from '../../src/dialog/index.ts';
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
    expect(notice?.text).toContain('已办结：已核实，养老金已停发');

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
    expect(rejected.replies.find((r) => r.chat === 'u2')?.text).toContain('没有通过：重复登记');
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
