import { describe, expect, it } from 'vitest';
import { parseRelation } from '../../../src/nlu/slots/relation.ts';

describe('parseRelation', () => {
  it.each([
    ['我爸走了', '父亲'],
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
    ['我是他儿子', '儿子'],
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

  it.each([
    '大哥你好',
    '大姐帮我查一下',
    '大妈',
    '阿姨',
    '老婆婆',
    '那个老头',
    '姑娘',
    '我爸妈',
    '父母',
    '张先生',
    '大夫说要住院',
    '自己付了8000',
    '你好',
    '',
  ])('%s → no relation', (text) => {
    expect(parseRelation(text)).toBeUndefined();
  });

  it('ruling: 老头子 is the husband (said by a wife), 老爷子 the father', () => {
    expect(parseRelation('老头子')).toBe('配偶');
    expect(parseRelation('老爷子')).toBe('父亲');
  });

  it('媳妇 is the wife but 儿媳妇 the daughter-in-law', () => {
    expect(parseRelation('媳妇')).toBe('配偶');
    expect(parseRelation('儿媳妇')).toBe('儿媳');
  });

  it('the first relation named wins', () => {
    expect(parseRelation('我是他女儿 我妈让我来问')).toBe('女儿');
  });
});
