import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

let h: Awaited<ReturnType<typeof harness>>;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('serious-illness dialog', () => {
  it('asks for the district when unknown, answers with the ceiling and clause, offers and files an application', async () => {
    const first = await h.send({ text: '自付一万二能拿多少大病慰问' });
    expect(first.intent).toBe('serious_illness_consolation');
    expect(h.text(first)).toContain('哪个区');
    expect(h.payloads(first)).toContain('s:region:西湖区');

    const answer = await h.send({ button: 's:region:西湖区' });
    expect(h.text(answer)).toContain('大病慰问：最高不超过2500元');
    expect(h.text(answer)).toContain('杭人社发〔2024〕1号 三(一)4');
    expect(h.payloads(answer)).toEqual(['y', 'n']);

    const applicant = await h.send({ button: 'y' });
    expect(h.text(applicant)).toContain('叫什么名字');
    expect(h.text(await h.send({ text: '王秀英' }))).toContain('性别');
    expect(h.text(await h.send({ button: 's:gender:女' }))).toContain('多大年纪');
    const confirm = await h.send({ text: '78' });
    expect(h.text(confirm)).toContain('王秀英，女，78岁');
    const filed = await h.send({ button: 'y' });
    expect(filed.cases).toEqual([{ id: 'C20261121-0001', type: 'serious_illness_application', status: 'open' }]);
    expect(h.text(filed)).toContain('C20261121-0001');
    const stored = await h.store.getCase('C20261121-0001');
    expect(stored?.fields).toMatchObject({ region: '西湖区', selfPay: '12000', ceiling: '2500', year: 2026, applicantName: '王秀英', gender: '女', age: 78 });
  });

  it("in a group, the applicant's details are asked in private", async () => {
    await h.send({ chat: 'g1', group: true, text: '西湖区自付两万 大病慰问能拿多少' });
    const moved = await h.send({ chat: 'g1', group: true, button: 'y' });
    expect(moved.replies.map((r) => r.chat)).toEqual(['g1', 'u1']);
    expect(moved.replies[1]?.text).toContain('叫什么名字');
    expect(h.text(await h.send({ chat: 'u1', text: '李国强' }))).toContain('性别');
  });

  it('answers in one turn when region and amount are both given (staff shorthand)', async () => {
    const out = await h.send({ text: '建德 自付45000 大病' });
    expect(h.text(out)).toContain('最高不超过2500元');
    expect(h.text(out)).toContain('建德市');
  });

  it('a correction changes the amount and re-answers', async () => {
    await h.send({ text: '西湖区 今年自付8000 大病慰问有多少' });
    const corrected = await h.send({ text: '不对，是一万五' });
    expect(h.text(corrected)).toMatch(/已改(过来|为)/);
    expect(h.text(corrected)).toContain('最高不超过2500元');
    expect(corrected.intent).toBe('serious_illness_consolation');
  });

  it('explains why not when self-pay is not over 5000', async () => {
    const out = await h.send({ text: '拱墅区自付5000元 大病慰问能领吗' });
    expect(h.text(out)).toContain('不能领取');
    expect(h.text(out)).toContain('没有超过5000元');
    expect(h.payloads(out)).not.toContain('y');
  });

  it('a negative or absurd amount is explained and asked again; three misses offer a person', async () => {
    await h.send({ text: '大病慰问怎么算' });
    await h.send({ text: '西湖区' });
    const negative = await h.send({ text: '-5000' });
    expect(h.text(negative)).toContain('不能是负数');
    const absurd = await h.send({ text: '999999999元' });
    expect(h.text(absurd)).toMatch(/太大|没看懂/);
    const third = await h.send({ text: '好几万吧' });
    expect(h.payloads(third)).toContain('i:human_handoff');
  });

  it('cancel at any step drops the dialog', async () => {
    await h.send({ text: '大病慰问' });
    const cancelled = await h.send({ text: '算了' });
    expect(h.text(cancelled)).toContain('已取消');
    const after = await h.send({ text: '谢谢' });
    expect(h.text(after)).toContain('不客气');
  });

  it('remembers the region for the next question', async () => {
    await h.send({ text: '滨江区 自付12000 大病慰问' });
    const next = await h.send({ text: '住院慰问有多少' });
    expect(h.text(next)).toContain('住院慰问：150元');
    expect(h.text(next)).not.toContain('哪个区');
  });
});
