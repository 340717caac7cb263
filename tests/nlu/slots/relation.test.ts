import { describe, expect, it } from 'vitest';
import { parseRelation } from '../../../src/nlu/slots/relation.ts';

describe('parseRelation', () => {
  it.each([
    ['我爸走了', '父亲'],
    ['大姨王月娥12月4号走了', '其他亲属'],
    ['小舅昨天没了', '其他亲属'],
    ['爸爸昨天去世了', '父亲'],
    ['父亲', '父亲'],
    ['老爸', '父亲'],
    ['我家老爷子', '父亲'],
    ['俺爹没了', '父亲'],
    ['我妈', '母亲'],
    ['妈妈住院了', '母亲'],
    ['母亲', '母亲'],
    ['老妈', '母亲'],
    ['我娘', '母亲'],
    ['老伴走了', '配偶'],
    ['我老伴儿', '配偶'],
    ['老公', '配偶'],
    ['丈夫', '配偶'],
    ['我爱人', '配偶'],
    ['老婆', '配偶'],
    ['妻子', '配偶'],
    ['我媳妇', '配偶'],
    ['我先生', '配偶'],
    ['我家老头子前天走的', '配偶'],
    ['老头儿', '配偶'],
    ['我家老头', '配偶'],
    ['儿子', '儿子'],
    ['女儿', '女儿'],
    ['闺女', '女儿'],
    ['儿媳妇', '儿媳'],
    ['女婿', '女婿'],
    ['公公', '公公'],
    ['婆婆', '婆婆'],
    ['岳父', '岳父'],
    ['老丈人', '岳父'],
    ['岳母', '岳母'],
    ['丈母娘', '岳母'],
    ['爷爷', '爷爷'],
    ['奶奶', '奶奶'],
    ['外公', '外公'],
    ['姥爷', '外公'],
    ['外婆', '外婆'],
    ['姥姥', '外婆'],
    ['哥哥', '哥哥'],
    ['我哥', '哥哥'],
    ['要跟社区报个丧 我姐夫走了', '姐夫'],
    ['我妹夫住院了', '妹夫'],
    ['我大哥', '哥哥'],
    ['姐姐', '姐姐'],
    ['弟弟', '弟弟'],
    ['妹妹', '妹妹'],
    ['本人', '本人'],
    ['我本人', '本人'],
    ['是我自己', '本人'],
  ])('%s → %s', (text, relation) => {
    expect(parseRelation(text)).toBe(relation);
  });

  it.each(['大哥你好', '大姐帮我查一下', '大妈', '阿姨', '老婆婆', '那个老头', '姑娘', '我爸妈', '父母', '张先生', '大夫说要住院', '自己付了8000', '你好', ''])(
    '%s → no relation',
    (text) => {
      expect(parseRelation(text)).toBeUndefined();
    },
  );

  it('ruling: 老头子 is the husband (said by a wife), 老爷子 the father', () => {
    expect(parseRelation('老头子')).toBe('配偶');
    expect(parseRelation('老爷子')).toBe('父亲');
  });

  it('媳妇 is the wife but 儿媳妇 the daughter-in-law', () => {
    expect(parseRelation('媳妇')).toBe('配偶');
    expect(parseRelation('儿媳妇')).toBe('儿媳');
  });

  it('the first relation named wins', () => {
    expect(parseRelation('我爸和我哥都在住院')).toBe('父亲');
    expect(parseRelation('儿子 女婿')).toBe('儿子');
  });
});

describe('parseRelation: the person the message is about, not background people', () => {
  it.each([
    ['我是他儿子', undefined],
    ['我是她闺女 想问问怎么办手续', undefined],
    ['我是老人的女儿 帮她问一下', undefined],
    ['我是李桂芳的儿子', undefined],
    ['我是老王家的儿媳妇', undefined],
    ['我是他女儿 我妈让我来问', '母亲'],
    ['我是他闺女 我爸前两天走了', '父亲'],
    ['我是陈国强的儿子我父亲上周去世了', '父亲'],
    ['我是他老伴 他昨天夜里走了', '配偶'],
    ['我是想问一下我妈的事', '母亲'],
  ])('the writer’s own role after 我是…的 is skipped: %s → %s', (text, relation) => {
    expect(parseRelation(text)).toBe(relation);
  });

  it.each([
    '我女儿说社区可以报体检',
    '我儿子让我来问问',
    '儿子帮我在网上查了说要本人去',
    '我现在住在闺女家 认证在哪做',
    '冬天去儿子那边住 体检能在那边做吗',
    '搬到儿子那住了 归哪个社区管',
    '住到儿子买的房子里去了',
    '现在在女儿这养老',
    '这房子在我女儿名下',
    '那张卡是办在我闺女名下的',
    '钱是打给儿子还是女儿',
    '女儿或者儿子来领都行吗',
    '你家孙女上几年级了',
    '人家儿子可孝顺了',
    '需要本人到场吗',
    '要本人去银行吗',
    '必须本人办理吗',
  ])('%s → no relation', (text) => {
    expect(parseRelation(text)).toBeUndefined();
  });

  it.each([
    ['我女儿住院了能不能申请', '女儿'],
    ['儿子得了癌症花了好多钱', '儿子'],
    ['孙子住院了', '孙子'],
    ['儿子陪我妈去医院了', '母亲'],
    ['女儿说我爸的慰问金还没到', '父亲'],
    ['我儿子住院了 我老伴也病了', '配偶'],
    ['住在女儿家的是我妈', '母亲'],
    ['小孙女会喊奶奶了', '孙女'],
    ['我外孙刚学会叫外公', '外孙'],
    ['你帮我叫我妈来听电话', '母亲'],
    ['我本人去办', '本人'],
    ['本人办理', '本人'],
    ['是我本人', '本人'],
    ['本人住院了', '本人'],
  ])('%s → %s', (text, relation) => {
    expect(parseRelation(text)).toBe(relation);
  });
});

describe('parseRelation: dialect words and the person the writer acts for', () => {
  it.each([
    ['老汉儿走了 要去社区搞啥子手续', '父亲'],
    ['老窦走了', '父亲'],
    ['我姆妈今朝走了', '母亲'],
    ['我娘舅前日走了', '舅舅'],
    ['帮我妈报一下 我爸昨天下午没了', '父亲'],
    ['替我爸问问 我妈住院的慰问', '母亲'],
    ['帮我妈问下 住院慰问怎么申请', '母亲'],
    ['帮我爸改一下银行卡', '父亲'],
  ])('%s → %s', (text, relation) => {
    expect(parseRelation(text)).toBe(relation);
  });

  it.each(['搬到我娘家住了', '老汉在公园下棋'])('%s → none', (text) => {
    expect(parseRelation(text)).toBeUndefined();
  });
});
