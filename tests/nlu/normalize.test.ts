import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NLU_CHARS, normalize, truncateForNlu } from '../../src/nlu/normalize.ts';

describe('normalize', () => {
  it.each([
    // full-width → half-width, latin lower-cased
    ['ＡＢＣ１２３，', 'abc123,'],
    ['自付１２０００元', '自付12000元'],
    ['１２Ｋ', '12k'],
    ['￥８０００', '¥8000'],
    ['姓名：李四', '姓名:李四'],
    ['Hello  WORLD', 'hello world'],
    // Traditional → Simplified
    ['請問喪葬費怎麼領', '请问丧葬费怎么领'],
    ['壹萬貳仟元', '壹万贰仟元'],
    ['兩萬五', '两万五'],
    ['週三', '周三'],
    ['餘杭區', '余杭区'],
    ['西湖風景名勝區', '西湖风景名胜区'],
    ['我爸昨天住院了，醫藥費自付一萬二', '我爸昨天住院了,医药费自付一万二'],
    // Simplified text is left alone
    ['显著 著名 余杭区 干部 头发 里面', '显著 著名 余杭区 干部 头发 里面'],
    // emoji and decorative symbols
    ['谢谢😂😂👍🏻', '谢谢'],
    ['❤️老伴走了★☆', '老伴走了'],
    ['🇨🇳中国', '中国'],
    ['1️⃣号', '1号'],
    ['发烧38℃', '发烧38℃'],
    // control and invisible characters
    ['a\u0000b', 'ab'],
    ['自付\u200b8000', '自付8000'],
    ['\uFEFF你好', '你好'],
    ['\u202e你好', '你好'],
    // whitespace
    ['  住院   两次\t\n自付\u30008000  ', '住院 两次 自付 8000'],
    // pinyin-input slips in key words
    ['住院为问怎么领', '住院慰问怎么领'],
    ['大病尉问', '大病慰问'],
    ['组长补住 一年最多五百吗', '组长补助 一年最多五百吗'],
    ['体检保销', '体检报销'],
    ['困难帮服', '困难帮扶'],
    ['养老金资格人证', '养老金资格认证'],
    ['丧事料里慰问', '丧事料理慰问'],
    ['因为问了社区 作为问题 我认为问题不大', '因为问了社区 作为问题 我认为问题不大'],
    ['人证物证 饮料里', '人证物证 饮料里'],
    // punctuation noise
    ['能领多少？？？！！！', '能领多少?'],
    ['好的~~~~', '好的~'],
    ['啊、、、', '啊、'],
    ['等等……………', '等等…'],
    ['怎么办!!!', '怎么办!'],
    // repeated characters
    ['好好好好', '好'],
    ['哈哈哈哈哈', '哈'],
    ['嗯嗯嗯', '嗯'],
    ['谢谢', '谢谢'],
    ['常常', '常常'],
    ['看看', '看看'],
    ['谢谢谢谢', '谢谢'],
    ['谢谢谢谢谢谢', '谢谢'],
    ['妈妈妈', '妈妈'],
    // digits are never collapsed
    ['10000', '10000'],
    ['自付1000000元', '自付1000000元'],
    ['二〇〇〇年', '二〇〇〇年'],
    ['二零零零年', '二零零零年'],
    ['一一一', '一一一'],
    ['13888888888', '13888888888'],
    // kept as is
    ['12,000', '12,000'],
    ['4.5万', '4.5万'],
    ['-5000', '-5000'],
    ['金额:-5000', '金额:-5000'],
    ['2026-01-03', '2026-01-03'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(normalize(input)).toBe(output);
  });

  it('maps Kangxi radicals that some input methods produce to the ideographs', () => {
    expect(normalize('⼀万⼆')).toBe('一万二');
  });

  it('removes lone surrogates but keeps paired ones', () => {
    expect(normalize('\uD800abc\uDC00')).toBe('abc');
    expect(normalize('𠀀字')).toBe('𠀀字');
  });

  it('is idempotent on typical messages', () => {
    for (const s of ['請問！！！喪葬費😂怎麼領？？', 'ＡＢＣ１２３，好好好好', '  自付 一萬二   ']) expect(normalize(normalize(s))).toBe(normalize(s));
  });

  it('never throws and returns well-formed text for arbitrary input', () => {
    const wellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }), fc.string()), (s) => {
        const out = normalize(s);
        expect(typeof out).toBe('string');
        expect(wellFormed(out)).toBe(true);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that no control character survives.
        expect(out).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(out).not.toMatch(/\s{2}/);
        expect(out).toBe(out.trim());
      }),
      { numRuns: 500 },
    );
  });

  it('handles 10 KB inputs quickly', () => {
    const inputs = [
      '請問😂！！！'.repeat(2000),
      '\u0000'.repeat(10_000),
      '\uD800'.repeat(10_000),
      '好'.repeat(10_000),
      'Ａ'.repeat(10_000),
      ' '.repeat(10_000),
    ];
    for (const s of inputs) {
      const out = normalize(s);
      expect(out.length).toBeLessThanOrEqual(s.length);
    }
    expect(normalize('好'.repeat(10_000))).toBe('好');
  });

  it('tolerates non-string input from untyped callers', () => {
    expect(normalize(undefined as unknown as string)).toBe('');
    expect(normalize(null as unknown as string)).toBe('');
    expect(normalize(42 as unknown as string)).toBe('');
  });
});

describe('truncateForNlu', () => {
  it('caps at MAX_NLU_CHARS by default', () => {
    expect(truncateForNlu('字'.repeat(5000))).toHaveLength(MAX_NLU_CHARS);
    expect(truncateForNlu('短')).toBe('短');
  });

  it('never splits a surrogate pair', () => {
    const s = `a${'😂'.repeat(10)}`; // a + 20 code units
    expect(truncateForNlu(s, 4)).toBe('a😂');
    expect(truncateForNlu(s, 3)).toBe('a😂');
  });
});

describe('normalize: English words and dialect function words', () => {
  it.each([
    ['我Dad昨天passed away 要去社区报吗', '我爸爸昨天去世 要去社区报吗'],
    ['hospital慰问怎么申请', '医院慰问怎么申请'],
    ['体检的invoice怎么报销', '体检的发票怎么报销'],
    ['check一下我的case进度', '查一下我的case进度'],
    ['check-up 和 checkup', '体检 和 体检'],
    ['Thank you', '谢谢'],
    // whole words only; words the training data uses as they are stay
    ['sugardad', 'sugardad'],
    ['ok no hi hello help', 'ok no hi hello help'],
    // Cantonese
    ['阿爸琴日过身 要唔要同社区讲', '阿爸琴日去世 要不要同社区讲'],
    ['老窦走咗 点算', '老窦走了 怎么办'],
    ['唔係', '不是'],
    ['係唔係真嘅', '是不是真的'],
    ['唔该晒', '唔该晒'],
    // Wu
    ['阿拉姆妈今朝走脱了', '我姆妈今朝走了'],
    ['侬好 体检啥辰光开始', '你好 体检什么时候开始'],
    ['住院有慰问伐', '住院有慰问吗'],
    ['弗要了', '不要了'],
    // Sichuan / Hunan, and 殁
    ['要搞啥子手续', '要搞什么手续'],
    ['俺爹殁了', '俺爹去世了'],
    // look-alikes that stay
    ['刷过身份证', '刷过身份证'],
    ['老人翻不过身', '老人翻不过身'],
    ['转过身来', '转过身来'],
    ['阿拉伯 弗洛伊德 讨伐', '阿拉伯 弗洛伊德 讨伐'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});
