import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

let h: Awaited<ReturnType<typeof harness>>;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('management transfer', () => {
  it('inside 杭州市区: asks where to, then hukou and housing (what decides the proof), then where from; lists the proof, opens a case', async () => {
    const first = await h.send({ text: '我在杭州市内搬家了，管理关系怎么转' });
    expect(first.intent).toBe('transfer_management');
    expect(h.text(first)).toContain('搬到了哪个区');
    const hukou = await h.send({ button: 's:to:余杭区' });
    expect(h.text(hukou)).toContain('户口');
    const housing = await h.send({ button: 's:hukou:yes' });
    expect(h.text(housing)).toContain('房子');
    const from = await h.send({ text: '租的房子' });
    expect(h.text(from)).toContain('租房协议和房屋权属证明复印件');
    expect(h.text(from)).toContain('原来住在哪个区');
    const answer = await h.send({ text: '西湖区' });
    expect(h.text(answer)).toContain('新住址（余杭区，常年居住地）所在的街道');
    expect(h.text(answer)).toContain('杭人社发〔2024〕1号 四(一)');
    const filed = await h.send({ text: '好的' });
    expect(filed.cases[0]?.type).toBe('management_transfer');
    expect((await h.store.getCase(filed.cases[0]?.id ?? ''))?.fields).toMatchObject({
      from: '西湖区',
      to: '余杭区',
      housing: 'rented',
      route: 'hangzhou_urban',
    });
  });

  it('hukou outside 杭州市区 needs only a residence permit', async () => {
    await h.send({ text: '从拱墅区搬到滨江区了 关系要转吗' });
    const answer = await h.send({ text: '不在 我是外地户口' });
    expect(h.text(answer)).toContain('居住证');
  });

  it('a move to 桐庐 is outside the clause: explained, and a staff case is offered', async () => {
    const out = await h.send({ text: '我从西湖区搬到桐庐了 管理关系怎么转' });
    expect(h.text(out)).toContain('桐庐县不在杭州市区');
    expect(h.text(out)).toContain('工作人员');
  });
});

describe('death report', () => {
  it('in a group: condolence there, the facts in private, a case, what follows — and no personal data in the group', async () => {
    const first = await h.send({ chat: 'g1', group: true, text: '我父亲昨天去世了' });
    expect(first.intent).toBe('report_death');
    const [groupReply, privateReply] = first.replies;
    expect(groupReply?.chat).toBe('g1');
    expect(groupReply?.text).toContain('节哀');
    expect(privateReply?.chat).toBe('u1');
    expect(privateReply?.text).toContain('姓名');

    const id = await h.send({ chat: 'u1', text: '张建国' });
    expect(h.text(id)).toContain('身份证');
    const wrong = await h.send({ chat: 'u1', text: '330182195203151238' });
    expect(h.text(wrong)).toContain('最后一位对不上');
    const phone = await h.send({ chat: 'u1', text: '330182195203151239' });
    expect(h.text(phone)).toContain('手机号');
    await h.send({ chat: 'u1', text: '13812345678' });
    await h.send({ chat: 'u1', text: '西湖区' });
    const confirm = await h.send({ chat: 'u1', text: '翠苑一区社区' });
    expect(h.text(confirm)).toContain('330182********1239');
    expect(h.text(confirm)).toContain('138****5678');
    expect(h.text(confirm)).not.toContain('330182195203151239');
    const done = await h.send({ chat: 'u1', button: 'y' });
    expect(done.cases).toEqual([{ id: 'C20261121-0001', type: 'death_report', status: 'open' }]);
    expect(h.text(done)).toContain('养老金停发');
    expect(h.text(done)).toContain('丧事料理慰问费：200元');
    const stored = await h.store.getCase('C20261121-0001');
    expect(stored?.fields).toMatchObject({
      deceasedName: '张建国',
      idNumber: '330182195203151239',
      dateOfDeath: '2026-11-20',
      relation: '父亲',
      reporterPhone: '13812345678',
      region: '西湖区',
      community: '翠苑一区社区',
    });
    expect(h.groupLeaks()).toEqual([]);
  });

  it('Liaocheng gives the 7-day deadline date', async () => {
    await h.send({ text: '我妈11月18日走了 要报到哪里' });
    await h.send({ text: '李秀英' });
    await h.send({ text: '330182195203151239' });
    await h.send({ text: '13912345678' });
    await h.send({ text: '聊城' });
    await h.send({ text: '东昌府区古楼街道社区' });
    const done = await h.send({ text: '确认' });
    expect(h.text(done)).toContain('7日内（2026年11月25日前）');
  });

  it('a date of death in the future is refused kindly', async () => {
    await h.send({ text: '报告去世' });
    await h.send({ text: '王德明' });
    await h.send({ text: '330182195203151239' });
    const future = await h.send({ text: '12月25日' });
    expect(h.text(future)).toContain('还没到');
  });
});

describe('group etiquette', () => {
  it('stays quiet on chatter, answers a mention and a clear question', async () => {
    const chatter = await h.send({ chat: 'g1', group: true, user: 'u2', text: '大家中午吃什么' });
    expect(chatter.replies).toEqual([]);
    const hello = await h.send({ chat: 'g1', group: true, mention: true, user: 'u2', text: '你好' });
    expect(hello.replies.length).toBe(1);
    const question = await h.send({ chat: 'g1', group: true, user: 'u3', text: '西湖区住院慰问有多少钱' });
    expect(h.text(question)).toContain('150元');
  });
});

describe('conversation', () => {
  it('a digression is answered, then the pending question comes back', async () => {
    await h.send({ text: '西湖区 大病慰问' });
    const digression = await h.send({ text: '丧事慰问金有多少' });
    expect(h.text(digression)).toContain('200元');
    expect(h.text(digression)).toContain('接着刚才的');
    const back = await h.send({ text: '12000' });
    expect(h.text(back)).toContain('最高不超过2500元');
  });

  it('an idle dialog is dropped after 30 minutes with a note', async () => {
    await h.send({ text: '大病慰问' });
    h.advance(31 * 60_000);
    const out = await h.send({ text: '西湖区' });
    expect(h.text(out)).toContain('超过30分钟');
  });

  it('a restarted bot continues the dialog', async () => {
    await h.send({ text: '大病慰问能拿多少' });
    await h.restart();
    const out = await h.send({ text: '建德' });
    expect(h.text(out)).toContain('自己付了多少');
  });

  it('greets with the menu; out-of-scope invents no figure', async () => {
    const hi = await h.send({ text: '你好' });
    expect(h.payloads(hi)).toContain('i:serious_illness_consolation');
    const oos = await h.send({ text: '养老金今年涨多少' });
    expect(h.text(oos)).toContain('社区');
    expect(h.text(oos)).not.toMatch(/\d+元/);
  });

  it('stickers, forged buttons, empty and 10 KB messages get a kind reply, never a crash', async () => {
    expect(h.text(await h.send({ media: 'sticker' }))).toContain('文字');
    expect(h.text(await h.send({ button: 'drop table cases' }))).toContain('失效');
    expect(h.text(await h.send({ text: '   ' }))).toContain('有什么需要');
    const huge = await h.send({ text: '大病慰问'.repeat(2600) });
    expect(huge.replies.length).toBeGreaterThan(0);
    expect(huge.replies.every((r) => r.text.length <= 4096)).toBe(true);
  });

  it('a redelivered message is processed once', async () => {
    const first = await h.send({ text: '人工', messageId: '42' });
    const again = await h.send({ text: '人工', messageId: '42' });
    expect(first.cases.length).toBe(1);
    expect(again.replies).toEqual([]);
    expect(again.cases).toEqual([]);
  });

  it('a user asks for the status of their own cases', async () => {
    await h.send({ text: '转人工' });
    const status = await h.send({ text: '我的登记办得怎么样了' });
    expect(h.text(status)).toContain('C20261121-0001');
    const other = await h.send({ user: 'u9', chat: 'c9', text: '我的登记办得怎么样了' });
    expect(h.text(other)).not.toContain('C20261121-0001');
  });
});

describe('flooding', () => {
  it('a user sending 100 messages in 10 s is told once to slow down; other chats are unaffected', async () => {
    const { createEngine } = await import('../../src/dialog/index.ts');
    const { FloodGuard } = await import('../../src/chat/index.ts');
    const engine = createEngine({ store: h.store, tr: h.tr, floodGuard: new FloodGuard(20, 10_000) });
    const base = { platform: 'test', group: false, mention: false, staff: false } as const;
    const replies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const out = await engine.handle({ ...base, chat: 'f1', user: 'f1', text: '你好', now: new Date(Date.parse('2026-11-21T02:00:00Z') + i * 100) });
      replies.push(out.replies.length);
    }
    expect(replies.slice(0, 20).every((n) => n === 1)).toBe(true);
    expect(replies.slice(20).filter((n) => n > 0).length).toBe(1);
    const other = await engine.handle({ ...base, chat: 'f2', user: 'f2', text: '你好', now: new Date('2026-11-21T02:00:05Z') });
    expect(other.replies.length).toBe(1);
    const later = await engine.handle({ ...base, chat: 'f1', user: 'f1', text: '你好', now: new Date('2026-11-21T02:00:20Z') });
    expect(later.replies.length).toBe(1);
  });
});

describe('reading people as they write', () => {
  it('several facts in one message; a wrong check digit said in passing is explained when the ID is asked', async () => {
    await h.send({ text: '我老伴上周五走了 要登记' });
    const out = await h.send({ text: '他叫陈志明 身份证33010219480312001X 我电话13705711234' });
    expect(h.text(out)).toContain('最后一位对不上');
    expect(h.text(out)).toContain('身份证号');
    const next = await h.send({ text: '330182195203151239' });
    expect(h.text(next)).not.toContain('手机号');
    expect(h.text(next)).toContain('哪个区');
  });

  it('"不用了谢谢" declines an offer; "好的 登记吧" accepts it', async () => {
    await h.send({ text: '拱墅区 住院慰问' });
    expect(h.text(await h.send({ text: '不用了谢谢' }))).toContain('不登记');
    await h.send({ user: 'u7', chat: 'c7', text: '拱墅区 住院慰问' });
    const yes = await h.send({ user: 'u7', chat: 'c7', text: '好的 登记吧' });
    expect(yes.cases[0]?.type).toBe('hospitalization_application');
  });

  it('a place without a document named as where one lives is the residence: the rule every text shares, then the district', async () => {
    const first = await h.send({ text: '我住在上海 体检费能报吗' });
    expect(first.intent).toBe('health_checkup');
    expect(h.text(first)).not.toContain('上海市的政策文件');
    expect(h.text(first)).toContain('凭正规发票');
    const out = await h.send({ text: '西湖区' });
    expect(h.text(out)).toContain('凭正规发票回管理地报销，最多400元');
    expect(h.text(out)).toContain('杭人社发〔2024〕1号 三(二)');
  });

  it('hukou and housing said up front are not asked again', async () => {
    await h.send({ text: '我要转到临平去住了 关系怎么办 户口在杭州 房子是儿子买的' });
    const out = await h.send({ text: '原来在拱墅' });
    expect(h.text(out)).toContain('房屋权属证明（直系亲属自购房）');
  });
});

describe('corrections and answers in words', () => {
  it('"不是西湖区 是建德" moves the answer to Jiande', async () => {
    await h.send({ text: '西湖区大病慰问 自付1.2万' });
    const out = await h.send({ text: '不是西湖区 是建德' });
    expect(h.text(out)).toContain('最高不超过1000元');
  });

  it('an age in Chinese numerals answers the age question', async () => {
    await h.send({ text: '建德 自付两万 大病慰问' });
    await h.send({ button: 'y' });
    await h.send({ text: '李红梅' });
    await h.send({ text: '女的' });
    const confirm = await h.send({ text: '七十六' });
    expect(h.text(confirm)).toContain('李红梅，女，76岁');
  });
});
