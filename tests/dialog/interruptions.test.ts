import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

/** Interruptions mid-form, yes in words, optional questions, and group messages while a dialog waits in private. */
let h: Awaited<ReturnType<typeof harness>>;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('a question mid-form that needs the district first', () => {
  it('a question every text answers alike is answered at once, and the form asks its question again', async () => {
    const first = await h.send({ text: '自付两万，大病慰问能拿多少' });
    expect(h.text(first)).toContain('哪个区');
    const asked = await h.send({ text: '住院慰问给多少钱' });
    expect(h.text(asked)).toContain('150元'); // the same in 杭州市级 and 建德市
    expect(h.text(asked)).not.toContain('要帮您登记住院慰问'); // no offer while the form waits
    expect(h.text(asked)).toContain('接着刚才的');
    expect(h.text(asked)).toContain('哪个区');
    const answered = await h.send({ text: '拱墅' });
    expect(h.text(answered)).toContain('2500'); // the serious-illness form, with 拱墅区
  });

  it('a question while a form waits for something else: answered, then that question again', async () => {
    await h.send({ text: '我搬家了，管理关系怎么转' });
    const back = h.text(await h.send({ text: '住院慰问多少' }));
    expect(back).toContain('150元');
    expect(back).toContain('接着刚才的');
    expect(back).toContain('搬到了哪个区');
  });

  it('still switches topic when the new question needs more than the district', async () => {
    await h.send({ text: '住院慰问多少' });
    const switched = h.text(await h.send({ text: '我父亲昨天去世了' }));
    expect(switched).toContain('节哀');
  });
});

describe('yes and no in words', () => {
  it('takes "帮我登记" at an offer as yes, not as a new death report', async () => {
    await h.send({ text: '自付一万二能拿多少大病慰问' });
    await h.send({ text: '西湖区' });
    const yes = h.text(await h.send({ text: '帮我登记' }));
    expect(yes).toContain('大病慰问申请');
    expect(yes).not.toContain('节哀');
  });

  it('takes a bare "申请" at an offer as yes, not as a progress question', async () => {
    await h.send({ text: '住院慰问能拿多少' });
    await h.send({ text: '滨江区' });
    const yes = await h.send({ text: '申请' });
    expect(yes.intent).toBe('hospitalization_consolation');
    expect(h.text(yes)).toContain('已登记');
    expect(yes.cases.map((c) => c.type)).toEqual(['hospitalization_application']);
  });

  it('closes an optional question on "好的" or "不用了" instead of failing to understand', async () => {
    await h.send({ text: '大病慰问有多少' });
    const tiers = h.text(await h.send({ text: '上城区' }));
    expect(tiers).toContain('自己付了多少');
    const ok = h.text(await h.send({ text: '好的' }));
    expect(ok).toContain('需要时随时再问我');
    expect(ok).not.toContain('没看懂');
  });
});

describe('group messages while the dialog waits in private', () => {
  it('warns about a posted ID number without echoing it, and points a mention to the private chat', async () => {
    const moved = await h.send({ chat: 'g1', group: true, mention: true, text: '我父亲昨天去世了' });
    expect(moved.replies.some((r) => r.chat === 'u1')).toBe(true);
    const posted = await h.send({ chat: 'g1', group: true, text: '他的身份证号是110101195001011237' });
    expect(h.text(posted)).toContain('撤回');
    expect(h.text(posted)).not.toContain('1101');
    const named = await h.send({ chat: 'g1', group: true, mention: true, text: '名字叫王建国' });
    expect(h.text(named)).toContain('私聊');
    expect(named.replies.every((r) => r.chat === 'g1')).toBe(true);
    // Chatter without a mention stays unanswered.
    expect((await h.send({ chat: 'g1', group: true, text: '今天天气不错' })).replies).toEqual([]);
    expect(h.groupLeaks()).toEqual([]);
  });

  it('forgets the private dialog once it is over there', async () => {
    await h.send({ chat: 'g1', group: true, mention: true, text: '我父亲昨天去世了' });
    await h.send({ chat: 'u1', text: '算了' });
    const later = h.text(await h.send({ chat: 'g1', group: true, mention: true, text: '名字叫王建国' }));
    expect(later).not.toContain('私聊里接着办');
  });
});

describe('a funeral-money question that tells whose death and when', () => {
  it('is a death report first (in private, from a group), not a money answer in the group', async () => {
    const out = await h.send({ chat: 'g1', group: true, mention: true, text: '我妈妈前天走了，丧葬费打到哪张卡' });
    expect(out.intent).toBe('report_death');
    expect(out.replies.find((r) => r.chat === 'g1')?.text).toContain('私聊');
    expect(out.replies.some((r) => r.chat === 'u1')).toBe(true);
  });

  it('stays a question about the money when it does not say when', async () => {
    const text = h.text(await h.send({ text: '西湖区 老人走了 丧事慰问金有多少' }));
    expect(text).toContain('元');
    expect(text).not.toContain('姓名');
  });
});

describe('repeats, expiry and patience', () => {
  it('a repeated fact at an offer is no correction', async () => {
    await h.send({ text: '住院慰问多少' });
    await h.send({ text: '西湖区' });
    const again = h.text(await h.send({ text: '西湖区' }));
    expect(again).not.toMatch(/已改(过来|为)/);
  });

  it('an answer 40 minutes late offers to start that topic again instead of "答不了"', async () => {
    await h.send({ text: '大病慰问能拿多少' });
    h.advance(40 * 60_000);
    const late = await h.send({ text: '嗯嗯' });
    expect(h.text(late)).toContain('超过30分钟');
    expect(h.payloads(late)).toContain('i:serious_illness_consolation');
    expect(h.text(late)).not.toContain('答不了');
  });

  it('questions asked in the middle of a death report do not use up its tries, and the facts stay', async () => {
    await h.send({ text: '我父亲昨天去世了' });
    await h.send({ text: '王建国' });
    for (const q of ['丧葬费有多少', '养老金什么时候停', '要带什么材料']) {
      const out = h.text(await h.send({ text: q }));
      expect(out).not.toContain('没能看懂');
    }
    const id = h.text(await h.send({ text: '110101195001011237' }));
    expect(id).not.toContain('姓名');
  });
});

describe('follow-up questions about something else', () => {
  it('"重阳的呢" and "那萧山呢" are answered again, not announced as corrections; "不对，是萧山" is one', async () => {
    await h.send({ text: '西湖区春节有慰问吗' });
    const festival = h.text(await h.send({ text: '重阳的呢' }));
    expect(festival).toContain('重阳');
    expect(festival).not.toMatch(/已改(过来|为)/);
    const region = h.text(await h.send({ text: '那萧山呢' }));
    expect(region).toContain('萧山区');
    expect(region).not.toMatch(/已改(过来|为)/);
    expect(h.text(await h.send({ text: '不对，是拱墅区' }))).toContain('已改为：地区 拱墅区');
  });
});
