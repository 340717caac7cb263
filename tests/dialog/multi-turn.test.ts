import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

/**
 * Multi-turn conversations as families, retirees and staff write them: facts given all at once or not at all,
 * questions asked instead of answers, corrections after a case was filed, button labels typed as text.
 */
let h: Awaited<ReturnType<typeof harness>>;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

const ID = '330182195203151239';
const PHONE = '13812345678';

describe('death report: a family writes as it can', () => {
  it('everything in one message goes straight to the confirmation: name after 我父亲, community without the district', async () => {
    const out = await h.send({ text: `我父亲张建国11月19日去世了，身份证${ID}，我是他儿子，电话${PHONE}，西湖区翠苑一区社区` });
    const text = h.text(out);
    expect(text).toContain('节哀');
    expect(text).toContain('请核对');
    expect(text).toContain('姓名：张建国');
    expect(text).toContain('去世日期：2026年11月19日');
    expect(text).toContain('管理地：西湖区 翠苑一区社区');
    expect(text).not.toContain(ID);
    const done = await h.send({ button: 'y' });
    expect(done.cases).toEqual([{ id: 'C20261121-0001', type: 'death_report', status: 'open' }]);
    expect((await h.store.getCase('C20261121-0001'))?.fields).toMatchObject({ deceasedName: '张建国', community: '翠苑一区社区', region: '西湖区' });
  });

  it('no ID card at hand: the report goes on without it and staff check it later', async () => {
    await h.send({ text: '我父亲昨天去世了' });
    await h.send({ text: '张建国' });
    const skipped = await h.send({ text: '身份证号不记得了' });
    expect(h.text(skipped)).toContain('手机号');
    await h.send({ text: PHONE });
    await h.send({ text: '西湖区' });
    const confirm = await h.send({ text: '翠苑社区' });
    expect(h.text(confirm)).toContain('身份证：暂未提供');
    const done = await h.send({ button: 'y' });
    expect(done.cases[0]?.type).toBe('death_report');
    expect(h.text(done)).toContain('身份证号之后工作人员联系您时再核对');
    expect((await h.store.getCase(done.cases[0]?.id ?? ''))?.fields.idNumber).toBeNull();
  });

  it('an answer that is not an ID number says the report can go on without it', async () => {
    await h.send({ text: '我妈走了，要办什么手续' });
    await h.send({ text: '李秀英' });
    const out = await h.send({ text: '对的' });
    expect(h.text(out)).toContain('回复“不记得”');
  });

  it('numbers typed in the group are never repeated there; in private the family is advised to take them back', async () => {
    const first = await h.send({ chat: 'g1', group: true, text: `我爸昨天走了 身份证${ID} 电话${PHONE}` });
    expect(first.replies.map((r) => r.chat)).toEqual(['g1', 'u1']);
    expect(first.replies[1]?.text).toContain('建议把那条消息撤回');
    const next = await h.send({ chat: 'u1', text: '张建国' });
    expect(h.text(next)).toContain('哪个区');
    expect(h.groupLeaks()).toEqual([]);
  });

  it('a question asked instead of the name is answered, and the report goes on with its question', async () => {
    await h.send({ text: '我父亲昨天去世了' });
    const asked = await h.send({ text: '丧葬费能拿多少' });
    expect(h.text(asked)).toContain('200元');
    expect(h.text(asked)).toContain('请告诉我老人的姓名');
    expect(asked.intent).toBe('funeral_consolation');
    await h.send({ text: '张建国' });
    await h.send({ text: ID });
    const phone = await h.send({ text: `电话${PHONE}` });
    expect(phone.cases).toEqual([]);
    expect(h.text(phone)).toContain('哪个区');
    await h.send({ text: '西湖区' });
    await h.send({ text: '翠苑社区' });
    const done = await h.send({ text: '确认' });
    expect(h.text(done)).toContain('丧事料理慰问费：200元');
  });

  it('a community name the NLU takes for a topic is still the community', async () => {
    await h.send({ text: '我妈妈前天走了' });
    await h.send({ text: '李秀英' });
    await h.send({ text: ID });
    await h.send({ text: PHONE });
    await h.send({ text: '拱墅区' });
    const confirm = await h.send({ text: '大关西苑社区' });
    expect(h.text(confirm)).toContain('管理地：拱墅区 大关西苑社区');
  });

  it('a correction after filing updates the same report: one case, the change noted for staff', async () => {
    await h.send({ text: '我父亲昨天去世了' });
    for (const answer of ['张建国', ID, PHONE, '西湖区', '翠苑社区']) await h.send({ text: answer });
    const filed = await h.send({ button: 'y' });
    expect(filed.cases).toEqual([{ id: 'C20261121-0001', type: 'death_report', status: 'open' }]);
    const corrected = await h.send({ text: '不对，是萧山的' });
    expect(h.text(corrected)).toContain('管理地：萧山区');
    const again = await h.send({ text: '确认' });
    expect(h.text(again)).toContain('已按新的信息更新登记 C20261121-0001');
    expect(again.cases.map((c) => c.id)).toEqual(['C20261121-0001']);
    expect(await h.store.listCases({ type: 'death_report' })).toHaveLength(1);
    const stored = await h.store.getCase('C20261121-0001');
    expect(stored?.fields.region).toBe('萧山区');
    expect(stored?.history.map((e) => e.action)).toEqual(['opened', 'noted']);
  });

  it('once filed, the dialog keeps no name, ID number or phone; a later correction reads them back from the case', async () => {
    await h.send({ text: '我父亲昨天去世了' });
    for (const answer of ['张建国', ID, PHONE, '西湖区', '翠苑社区']) await h.send({ text: answer });
    const before = JSON.stringify(await h.store.getSession('c1', 'u1'));
    expect(before).toContain(ID);
    await h.send({ button: 'y' });
    const after = JSON.stringify(await h.store.getSession('c1', 'u1'));
    expect(after).toContain('C20261121-0001');
    for (const personal of [ID, PHONE, '张建国']) expect(after).not.toContain(personal);
    const corrected = await h.send({ text: '不对，日期是前天' });
    expect(h.text(corrected)).toContain('张建国');
    const again = await h.send({ text: '确认' });
    expect(h.text(again)).toContain('已按新的信息更新登记 C20261121-0001');
    const stored = await h.store.getCase('C20261121-0001');
    expect(stored?.fields).toMatchObject({ deceasedName: '张建国', idNumber: ID, reporterPhone: PHONE, dateOfDeath: '2026-11-19' });
  });

  it('a cancelled report leaves no session behind', async () => {
    await h.send({ text: '我父亲昨天去世了' });
    await h.send({ text: '张建国' });
    await h.send({ text: ID });
    expect(JSON.stringify(await h.store.getSession('c1', 'u1'))).toContain(ID);
    await h.send({ text: '算了不办了' });
    expect(await h.store.getSession('c1', 'u1')).toBeNull();
  });

  it('an applicant named in passing is kept only while the offer waits: declined, the name leaves the session', async () => {
    await h.send({ text: '帮我老伴问问大病慰问 她叫陈素珍 西湖区的 今年自付了三万' });
    expect(JSON.stringify(await h.store.getSession('c1', 'u1'))).toContain('陈素珍');
    await h.send({ text: '不用了' });
    const kept = JSON.stringify(await h.store.getSession('c1', 'u1'));
    expect(kept).toContain('serious_illness_consolation');
    expect(kept).not.toContain('陈素珍');
  });
});

describe('serious illness: odd answers, changes of mind, typed buttons', () => {
  it('the district said with the amount is the one answered, with its own tier and clause', async () => {
    await h.send({ text: '西湖区 大病慰问' });
    const out = await h.send({ text: '建德的 自付45000' });
    expect(h.text(out)).toContain('《建德市企业退休人员社会化管理服务专项资金管理办法》 三(一)4');
    expect(h.text(out)).toContain('年自付超过40000元：最高2500元');
    expect(h.text(out)).not.toContain('杭人社发');
  });

  it('a budget question while an offer waits is answered as a budget question, not taken as a correction', async () => {
    await h.send({ staff: true, text: '建德 自付45000 大病' });
    const out = await h.send({ staff: true, text: '西湖区1000个退休人员经费预算多少' });
    expect(out.intent).toBe('fund_budget');
    expect(h.text(out)).not.toMatch(/已改(过来|为)/);
    expect(h.text(out)).toContain('1000人');
  });

  it('another question instead of the district is not quoted back as a place', async () => {
    await h.send({ text: '大病慰问能拿多少' });
    const out = await h.send({ text: '住院慰问多少钱' });
    expect(h.text(out)).not.toContain('没找到');
    expect(out.intent).toBe('hospitalization_consolation');
  });

  it('"不知道" for the district is met kindly, a sentence is not quoted as a place', async () => {
    await h.send({ text: '我搬家了' });
    const unsure = await h.send({ text: '不知道' });
    expect(h.text(unsure)).toContain('没关系');
    expect(h.text(unsure)).not.toContain('“不知道”');
    await h.send({ user: 'u2', chat: 'c2', text: '节日慰问有多少' });
    const sentence = await h.send({ user: 'u2', chat: 'c2', text: '就在我们家附近那边' });
    expect(h.text(sentence)).not.toContain('没找到');
    expect(h.text(sentence)).toContain('哪个区');
  });

  it('"一个亿" is too large, not unreadable', async () => {
    await h.send({ text: '大病 西湖区' });
    expect(h.text(await h.send({ text: '一个亿' }))).toContain('太大');
  });

  it('the yes-button label typed as text accepts the offer', async () => {
    await h.send({ text: '拱墅区 住院慰问多少钱' });
    const label = h.tr.t('button-apply');
    const out = await h.send({ text: label });
    expect(out.cases[0]?.type).toBe('hospitalization_application');
  });

  it('the application: a neighbourly name asks for the full one; name, gender and age in one message; an impossible age', async () => {
    await h.send({ text: '大病慰问 西湖区 自付2万' });
    await h.send({ button: 'y' });
    expect(h.text(await h.send({ text: '王大妈' }))).toContain('身份证上的全名');
    const all = await h.send({ text: '王秀英 女 76岁' });
    expect(h.text(all)).toContain('王秀英，女，76岁');
    const filed = await h.send({ text: '确认登记' });
    expect(filed.cases[0]?.type).toBe('serious_illness_application');
    // The case carries the clause as staff read it, not the rules' internal key.
    expect((await h.store.getCase(filed.cases[0]?.id ?? ''))?.fields.citation).toBe('杭人社发〔2024〕1号 三(一)4');

    await h.send({ user: 'u3', chat: 'c3', text: '大病慰问 西湖区 自付2万' });
    await h.send({ user: 'u3', chat: 'c3', button: 'y' });
    await h.send({ user: 'u3', chat: 'c3', text: '李红' });
    await h.send({ user: 'u3', chat: 'c3', text: '女' });
    expect(h.text(await h.send({ user: 'u3', chat: 'c3', text: '200' }))).toContain('年龄好像不对');
  });

  it('an application corrected after filing is amended, not filed twice', async () => {
    await h.send({ text: '大病慰问 西湖区 自付2万' });
    await h.send({ button: 'y' });
    await h.send({ text: '李红' });
    await h.send({ text: '女' });
    await h.send({ text: '70' });
    await h.send({ button: 'y' });
    const fix = await h.send({ text: '不对 年龄是72' });
    expect(h.text(fix)).toContain('72岁');
    const again = await h.send({ text: '确认登记' });
    expect(h.text(again)).toContain('更新登记');
    const all = await h.store.listCases({ type: 'serious_illness_application' });
    expect(all).toHaveLength(1);
    expect(all[0]?.fields.age).toBe(72);
  });
});

describe('moving house', () => {
  it('"户口已经迁到临平了…原来是拱墅的": from, to and hukou read from one sentence', async () => {
    const out = await h.send({ text: '户口已经迁到临平了，人也搬过去了，原来是拱墅的' });
    expect(h.text(out)).not.toContain('户口在杭州市区吗');
    expect(h.text(out)).toContain('房子');
    const answer = await h.send({ text: '自己买的' });
    expect(h.text(answer)).toContain('房屋权属证明（本人自购房）');
    const filed = await h.send({ text: '好' });
    expect((await h.store.getCase(filed.cases[0]?.id ?? ''))?.fields).toMatchObject({
      from: '拱墅区',
      to: '临平区',
      hukouInUrban: true,
      housing: 'own',
      citation: '杭人社发〔2024〕1号 四(一)',
    });
  });

  it('"户口不在杭州，搬到西湖区了，原来住上城": only a residence permit, housing not asked', async () => {
    const out = await h.send({ text: '我户口不在杭州，搬到西湖区了，原来住上城' });
    expect(h.text(out)).toContain('需要材料：户口不在杭州市区的，凭居住证');
    expect(h.text(out)).not.toContain('哪种房子');
  });

  it('not sure where the hukou is: told how to tell', async () => {
    await h.send({ text: '从西湖区搬到余杭区' });
    const out = await h.send({ text: '不太清楚' });
    expect(h.text(out)).toContain('户口本');
  });

  it('a correction after registering updates the same transfer', async () => {
    await h.send({ text: '我从拱墅区搬到滨江区，租的房子，户口在杭州' });
    const first = await h.send({ text: '好的' });
    expect(first.cases).toHaveLength(1);
    await h.send({ text: '不对，是搬到余杭' });
    const again = await h.send({ text: '好的' });
    expect(h.text(again)).toContain('更新登记');
    const all = await h.store.listCases({ type: 'management_transfer' });
    expect(all).toHaveLength(1);
    expect(all[0]?.fields.to).toBe('余杭区');
  });
});

describe('staff', () => {
  it('a case without a region says so in the list', async () => {
    await h.send({ user: 'a', chat: 'a', text: '转人工' });
    const out = await h.send({ user: 's', chat: 's', staff: true, text: '/cases' });
    expect(h.text(out)).toContain('人工咨询 · 待处理 · 地区未填');
  });
});

describe('moving house: "户口没迁"', () => {
  it('means the hukou stayed where they moved from (in 杭州市区), and the housing question follows', async () => {
    await h.send({ text: '我在杭州市内搬家了，管理关系怎么转' });
    await h.send({ text: '从上城搬到余杭' });
    const housing = h.text(await h.send({ text: '户口没迁' }));
    expect(housing).toContain('哪种房子');
    expect(housing).not.toContain('请点下面的按钮');
    const said = h.text(await h.send({ chat: 'c2', user: 'u2', text: '从西湖区搬到拱墅区了 户口没有迁 管理关系要转吗' }));
    expect(said).toContain('哪种房子');
  });
});

describe('death report: the reporter says their own side of the relation', () => {
  it.each([
    ['我是他女儿', '父亲'],
    ['我是她儿子', '母亲'],
    ['我是他孙女', '其他亲属'],
  ])('"%s" is read as the deceased being the %s', async (answer, relation) => {
    await h.send({ text: '家里老人昨天走了 要报给社区' });
    await h.send({ text: '王建国' });
    await h.send({ text: '不记得' });
    let out = await h.send({ text: answer });
    for (let i = 0; i < 4 && !h.text(out).includes('请核对'); i++) {
      const t = h.text(out);
      out = await h.send({ text: t.includes('手机号') ? '13812345678' : t.includes('哪个区') ? '西湖区' : t.includes('社区') ? '翠苑一区' : '昨天' });
    }
    expect(h.text(out)).toContain('请核对');
    expect(h.text(out)).toContain(`去世的是您的：${relation}`);
  });
});
