/** Slot rulings from the third probe round (greetings before questions, typos of districts, vague ages, per-person rates). */
import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/nlu/index.ts';
import { parseAge } from '../../../src/nlu/slots/age.ts';
import { parseCount } from '../../../src/nlu/slots/count.ts';
import { parseName } from '../../../src/nlu/slots/name.ts';
import { parseRegion } from '../../../src/nlu/slots/region.ts';

const now = new Date('2026-11-21T10:00:00+08:00');

describe('region: pinyin slips of district names', () => {
  it.each([
    ['西胡区的大病慰问标准', '西湖区'],
    ['肖山的住院慰问一样吗', '萧山区'],
    ['余航区体检怎么弄', '余杭区'],
    ['我住在宾江', '滨江区'],
    ['桐芦县的', '桐庐县'],
  ])('%s → %s', (text, region) => expect(parseRegion(text)).toBe(region));
  it.each(['肖山同志来了吗', '余航说他明天到'])('%s: a given name, not a place', (text) => expect(parseRegion(text)).toBeUndefined());
});

describe('age', () => {
  it.each([
    ['我父亲七十有五', 75],
    ['八十有二的老人', 82],
  ])('%s → %s', (text, age) => expect(parseAge(text)).toBe(age));
  it.each(['快80了 活动能参加吗', '我爸快九十了', '将近八十岁', '奔八十了'])('%s: an age not reached is not stated', (text) =>
    expect(parseAge(text)).toBeUndefined(),
  );
});

describe('count', () => {
  it.each(['体检多久一次', '还有一个 体检能带家属吗', '再问一个 认证在哪', '建德的退管经费一人多少', '活动经费一人130够干啥'])('%s: no count', (text) =>
    expect(parseCount(text)).toBeUndefined(),
  );
  it.each([
    ['小组长管了1个人 补助多少', 1],
    ['医保卡密码输错三次锁了', 3],
    ['我们街道三千二百人', 3200],
  ])('%s → %s', (text, count) => expect(parseCount(text)).toBe(count));
});

describe('name', () => {
  it('a bare 叫 opening a clause', () => expect(parseName('我外婆昨天走了 叫陈阿香')).toBe('陈阿香'));
  it('于 + a time is no name', () => expect(parseName('父亲于本月十七日病故')).toBeUndefined());
  it('叫个人来 is no name', () => expect(parseName('别让机器回了 叫个人来')).toBeUndefined());
});

describe('a greeting or thanks before a question', () => {
  it.each([
    ['你好 我想问问体检的事', 'health_checkup'],
    ['谢谢 还有住院的呢', 'hospitalization_consolation'],
    ['好的谢谢，那体检报销要发票原件吗', 'health_checkup'],
    ['不用了 我想问问重阳节有没有东西发', 'festival_consolation'],
    ['谢谢 那社保卡补办去哪', 'out_of_scope'],
  ])('%s → %s', (text, intent) => expect(understand(text, { now }).intent).toBe(intent));
  it.each([
    ['谢谢小助手 没别的事了', 'thanks'],
    ['取消申请', 'cancel'],
    ['好的 帮我提交', 'affirm'],
    ['你好', 'greeting'],
  ])('%s stays %s', (text, intent) => expect(understand(text, { now }).intent).toBe(intent));
});
