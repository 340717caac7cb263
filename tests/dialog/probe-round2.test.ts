import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalize } from '../../src/nlu/normalize.ts';
import { homophoneRegionIn } from '../../src/nlu/slots/index.ts';

const homophoneRegion = (text: string, awaited: boolean) => homophoneRegionIn(normalize(text), awaited);

import { harness } from './harness.ts';

/** Conversations from the second probe round: typed districts, moves, health checks, repeated offers, privacy. */

let h: Awaited<ReturnType<typeof harness>>;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('a district typed with a pinyin homophone', () => {
  it.each([
    ['西胡区', true, '西湖区'],
    ['肖山', true, '萧山区'],
    ['肖山的', true, '萧山区'],
    ['我是余航的', true, '余杭区'],
    ['林平', true, '临平区'],
    ['余航区 看病自己花了1w2', false, '余杭区'],
  ] as const)('%s (answering: %s) → %s', (text, awaited, region) => {
    expect(homophoneRegion(text, awaited)?.name).toBe(region);
  });
  it.each([
    ['好的', true],
    ['东湖', true],
    ['上海', true],
    ['张桂芳', true],
    ['男的', true],
    ['肖山的大病慰问', false],
  ] as const)('%s (answering: %s) → no district', (text, awaited) => {
    expect(homophoneRegion(text, awaited)).toBeUndefined();
  });

  it('"西胡区" answers the district question: the Hangzhou figure and clause, no "没找到"', async () => {
    await h.send({ text: '我住院了能拿多少钱' });
    const out = await h.send({ text: '西胡区' });
    expect(h.text(out)).toContain('住院慰问：150元');
    expect(h.text(out)).toContain('杭人社发〔2024〕1号 三(一)3');
    expect(h.text(out)).not.toContain('没找到');
  });

  it('"余航区 …1w2" in the first message: the 余杭 reference notice and the tier, without asking the district', async () => {
    const out = await h.send({ text: '余航区 看病自己花了1w2 能补多少' });
    expect(h.text(out)).toContain('余杭区没有收录本区文件');
    expect(h.text(out)).toContain('最高不超过2500元');
    expect(h.text(out)).not.toContain('哪个区');
  });

  it('"好的" where the district was asked is not quoted back as a place', async () => {
    await h.send({ text: '节日慰问' });
    const out = await h.send({ text: '好的' });
    expect(h.text(out)).not.toContain('“好的”');
    expect(h.text(out)).toContain('哪个区');
  });
});

describe('moving house', () => {
  it('"户口还在郑州" after "从郑州搬回杭州…住在余杭" does not turn the move into 郑州 → 郑州', async () => {
    const first = await h.send({ text: '我从郑州搬回杭州了，住在余杭，怎么转过来' });
    expect(h.text(first)).toContain('郑州市不在杭州市区');
    const second = await h.send({ text: '户口还在郑州' });
    expect(h.text(second)).toContain('郑州市不在杭州市区');
    expect(h.text(second)).not.toContain('豫政办');
    const filed = await h.send({ button: 'y' });
    const record = await h.store.getCase(filed.cases[0]?.id as string);
    expect(record?.fields).toMatchObject({ from: '郑州市', to: '余杭区' });
  });

  it('"户口在杭州的" answers the hukou question; the housing question follows', async () => {
    await h.send({ text: '我从上城区搬到滨江了' });
    const out = await h.send({ text: '户口在杭州的' });
    expect(h.text(out)).toContain('哪种房子');
    expect(h.text(out)).not.toContain('请点下面的按钮选择');
  });
});

describe('health check done outside Hangzhou', () => {
  it('"体检在聊城做能报吗" from a 拱墅 retiree: reimbursed up to 400 by 杭人社发 三(二), not "聊城没有规定"', async () => {
    const out = await h.send({ text: '我是拱墅区的，体检在聊城做能报吗' });
    // The line that answers it (outside 杭州市: paid there, reimbursed on an invoice up to the standard).
    expect(h.text(out)).toMatch(/^能。.*常住地.*发票.*400元/);
    expect(h.text(out)).toContain('杭人社发〔2024〕1号 三(二)');
    expect(h.text(out)).not.toContain('聊城');
  });
});

describe('an application already waiting is not offered again', () => {
  it('hospitalization: filed, then "住了两次能拿两次吗" answers without a second offer or case', async () => {
    await h.send({ text: '住院慰问 拱墅区' });
    const filed = await h.send({ text: '好的' });
    expect(filed.cases).toHaveLength(1);
    const again = await h.send({ text: '住了两次能拿两次吗' });
    expect(h.text(again)).toContain('原则上每人每年不超过1次');
    expect(h.text(again)).toContain('您已经登记过了：C20261121-0001');
    expect(h.payloads(again)).toEqual([]);
    const yes = await h.send({ text: '好的' });
    expect(yes.cases).toEqual([]);
    expect(await h.store.listCases({})).toHaveLength(1);
  });

  it('health-check reimbursement: a second registration by words says the case already waiting', async () => {
    await h.send({ text: '体检费能报销吗 我住在绍兴女儿家' });
    await h.send({ text: '西湖区的' });
    await h.send({ text: '好的 登记报销' });
    await h.send({ text: '你好' });
    await h.send({ text: '体检费能报销吗 我住在绍兴女儿家' });
    const out = await h.send({ text: '西湖区' });
    expect(h.text(out)).toContain('您已经登记过了');
    expect(await h.store.listCases({})).toHaveLength(1);
  });
});

describe('a new phone number', () => {
  it('in a group: the privacy warning, the number never echoed', async () => {
    const out = await h.send({ chat: 'g1', user: 'uf', group: true, mention: true, text: '@助手 我手机号换了 新号13688889999' });
    expect(h.text(out)).toContain('这里是群聊，请不要发');
    expect(h.text(out)).not.toContain('13688889999');
    expect(h.groupLeaks()).toEqual([]);
    expect(out.cases).toEqual([]);
  });

  it('in private: where to change it, and staff can be asked to get in touch (an inquiry case)', async () => {
    const out = await h.send({ text: '我换手机号了 要去哪里改' });
    expect(h.text(out)).toContain('到管理所在的社区办理变更');
    expect(h.payloads(out)).toEqual(['y', 'n']);
    const filed = await h.send({ button: 'y' });
    expect(filed.cases).toEqual([{ id: 'C20261121-0001', type: 'inquiry', status: 'open' }]);
    expect((await h.store.getCase('C20261121-0001'))?.fields).toMatchObject({ topic: 'update_personal_info' });
  });

  it('a number typed in private is not kept', async () => {
    const out = await h.send({ text: '我手机号换了，新号码13912345678，怎么改' });
    expect(h.text(out)).toContain('新号码我这里不保存');
    expect(h.text(out)).not.toContain('13912345678');
  });
});

describe('wording', () => {
  it('the group-leader offer button reads as a yes when typed', async () => {
    const out = await h.send({ text: '建德小组长补助 我们组40个人' });
    expect(out.replies.flatMap((r) => r.buttons ?? []).map((b) => b.label)).toContain('好的，帮我登记');
    const typed = await h.send({ text: '好的，帮我登记' });
    expect(h.text(typed)).toContain('小组长叫什么名字');
  });

  it('pension suspension causes say what happens to the pension', async () => {
    const out = await h.send({ text: '长沙 养老金资格认证怎么弄' });
    expect(h.text(out)).toContain('没有按时认证的，养老金暂停发放');
  });

  it('coverage names the forms of 二(一) and says the stop is after a death', async () => {
    const out = await h.send({ text: '西湖区 我下个月退休 退休后归哪里管' });
    expect(h.text(out)).toContain('《档案移交名册表》');
    expect(h.text(out)).toContain('老人去世的，家属告知社区、核实后次月起停止');
  });
});

describe('a death report keeps its place', () => {
  it('"他的养老金怎么办" mid-report is answered (stops, what was paid after is returned), then the question again', async () => {
    await h.send({ text: '我爸昨天晚上走了' });
    const out = await h.send({ text: '他的养老金怎么办' });
    expect(h.text(out)).toContain('多发的养老金要退回');
    expect(h.text(out)).toContain('老人的姓名');
  });
});
