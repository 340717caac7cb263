import { describe, expect, it } from 'vitest';
import { understand } from '../../src/nlu/index.ts';
import { normalize } from '../../src/nlu/normalize.ts';

const now = new Date('2026-11-22T04:00:00Z');
const u = (t: string) => understand(t, { now });

describe('probe3 / staff findings', () => {
  it('hands over only when a person is asked for', () => {
    expect(u('我要问慰问金').intent).not.toBe('human_handoff');
    expect(u('转人工').intent).toBe('human_handoff');
    expect(u('我要找工作人员').intent).toBe('human_handoff');
  });
  it('reads a bare region, 我是X的 or a bare year as an answer, not a question', () => {
    for (const [t, region] of [
      ['拱墅区', '拱墅区'],
      ['杭州', '杭州市'],
      ['我是西湖区的', '西湖区'],
      ['杭州西湖区', '西湖区'],
      ['常沙', '长沙市'],
    ] as const) {
      const r = u(t);
      expect(r.intent, t).toBe('out_of_scope');
      expect(r.slots.region, t).toBe(region);
    }
    expect(u('2025年的').intent).toBe('out_of_scope');
    expect(u('西湖区体检多少钱').intent).toBe('health_checkup');
  });
  it('strips @-mentions of the bot', () => {
    expect(normalize('@助手 在哪里改')).toBe('在哪里改');
    expect(normalize('@助手，体检多少钱')).toBe('体检多少钱');
    expect(normalize('a@b.com 地址')).toBe('a@b.com 地址');
    expect(u('@助手 在哪里改').intent).not.toBe('greeting');
  });
  it('reads a typed yes button and a returning user', () => {
    expect(u('申请登记').intent).toBe('affirm');
    expect(u('我回来了 刚才问到哪了').intent).toBe('greeting');
  });
  it('reads moving to a place and being housebound', () => {
    expect(u('下个月搬去聊城').intent).toBe('transfer_management');
    expect(u('我瘫在床上出不了门怎么办').intent).toBe('pension_certification');
  });
  it('reads homophone regions and a count of one', () => {
    expect(u('常沙县').slots.region).toBe('长沙县');
    expect(u('余航区 看病自己花了1w2').slots.region).toBe('余杭区');
    expect(u('拱墅区 小组长管了1个人 补助多少').slots.count).toBe(1);
  });
});
