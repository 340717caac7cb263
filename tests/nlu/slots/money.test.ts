import { describe, expect, it } from 'vitest';
import { findAmounts, parseMoney, scanMoney } from '../../../src/nlu/slots/money.ts';

describe('parseMoney: amounts people write', () => {
  it.each([
    ['12000', 12000],
    ['12,000', 12000],
    ['1.2万', 12000],
    ['一万二', 12000],
    ['一万两千', 12000],
    ['壹万贰仟元', 12000],
    ['12k', 12000],
    ['12K', 12000],
    ['1万2', 12000],
    ['五千零一', 5001],
    ['5000块零1毛', 5000.1],
    ['五千块零一毛', 5000.1],
    ['自付12000元5角2分', 12000.52],
    ['一万块零五分', 10000.05],
    // Small change after a round figure, with no 块 between: 5000.01 is over 5000, 10000.01 over 10000.
    ['那五千零一分呢', 5000.01],
    ['一万零一分呢', 10000.01],
    ['自付一万零五毛', 10000.5],
    ['五千零一块', 5001],
    ['一万零一百', 10100],
    ['5000块，1个月', 5000],
    ['两万五', 25000],
    ['12000块', 12000],
    ['12000元', 12000],
    ['12000 元', 12000],
    ['4.5万', 45000],
    ['八千五', 8500],
    ['三千块钱', 3000],
    ['自付45000', 45000],
    ['自付一万二能拿多少大病慰问', 12000],
    ['我今年自费了两万五千块能报多少', 25000],
    ['花了1.2万元', 12000],
    ['医药费自己掏了八千多点不对是八千五', 8500],
    ['建德 45000 大病', 45000],
    ['西湖区 住院2次 自付8000 75岁 全年', 8000],
    ['住院花了三万个人负担一万二', 12000],
    ['医药费12万 自己付了4万5', 45000],
    ['个人负担部分是5000.01元', 5000.01],
    ['自付10000.5', 10000.5],
    ['¥8000', 8000],
    ['自付五十块', 50],
    ['自付50', 50],
    ['2w', 20000],
    ['自付12000000', 12000000],
    ['1,000,000元', 1000000],
    ['一百块', 100],
    ['自付0元', 0],
  ])('%s → %s', (text, amount) => {
    expect(parseMoney(text)).toBe(amount);
  });

  it.each([
    ['负五千', -5000],
    ['-5000', -5000],
    ['自付-5000元', -5000],
    ['金额:-5000', -5000],
  ])('keeps the sign: %s → %s', (text, amount) => {
    expect(parseMoney(text)).toBe(amount);
  });
});

describe('parseMoney: a payout asked about is not the self-pay', () => {
  it.each([
    ['是不是自付超过一万就给2500', undefined],
    ['要多少才能拿2500', undefined],
    ['自付一万二能拿2500吗', 12000],
    ['能拿2500吗', 2500],
  ])('%s → %s', (text, amount) => {
    expect(parseMoney(text)).toBe(amount);
  });
});

describe('parseMoney: not money', () => {
  it.each([
    '2026年',
    '11月3日',
    '11月3号',
    '3号',
    '2026-01-03',
    '2026/1/3',
    '2026.1.3',
    '上午10:30到',
    '住院2次',
    '住院三回',
    '75岁',
    '七十五岁',
    '管了45个人',
    '小组40人',
    '1000户',
    '住了15天',
    '三个月',
    '第3',
    '3号楼',
    '80%',
    '5千克',
    '八十了',
    '我今年78',
    '今年102',
    '十五',
    '七十五',
    '50',
    '99',
    '13812345678',
    '138 1234 5678',
    '+86 138-1234-5678',
    '身份证11010519491231002X',
    '330182199001011234',
    '6222021234567890123',
    '123456789',
    '0571-88888888',
    '二零二六',
    '住院号12345678',
    '尾号5678',
    '验证码 4321',
    '房间302',
    '打了120',
    '2018退休的',
    '1998年退休',
    '千万别忘了',
    '一下',
    '万一',
    '你好',
    '',
  ])('%s → nothing', (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });

  it('bare numbers: 100 is money, 99 is not', () => {
    expect(parseMoney('大病 100')).toBe(100);
    expect(parseMoney('大病 99')).toBeUndefined();
  });

  it('a year before 退休 is not money but the same digits after 自付 are', () => {
    expect(parseMoney('2018退休')).toBeUndefined();
    expect(parseMoney('自付2018')).toBe(2018);
  });

  it('after a date, 号 ends the date and the next figure is money; after 住院号 it is a label', () => {
    expect(parseMoney('11月3号 8000')).toBe(8000);
    expect(parseMoney('住院号 8000')).toBeUndefined();
  });

  it('a number too long to be finite is never an amount', () => {
    expect(parseMoney(`自付${'9'.repeat(400)}元`)).toBeUndefined();
  });

  it('a nine-digit run is an account number, an eight-digit one is still an amount', () => {
    expect(parseMoney('123456789')).toBeUndefined();
    expect(parseMoney('12345678')).toBe(12345678);
  });
});

describe('vague amounts', () => {
  it.each([
    ['四万出头', '四万'],
    ['好几万', '几万'],
    ['几千块', '几千'],
    ['一万多', '一万多'],
    ['一万多块钱', '一万多'],
    ['两三万', '两三万'],
    ['三四千块', '三四千'],
    ['十几万', '十几万'],
    ['一万左右', '一万'],
    ['12000左右', '12000'],
    ['5000-6000', '5000'],
    ['五千到六千', '五千'],
    ['不到五千', '五千'],
    ['超过一万', '一万'],
    ['将近两万', '两万'],
    ['上万块', '上万块'],
    ['万把块', '万把块'],
    ['一百来块', '一百来'],
    ['一万余元', '一万余'],
    ['自付四万出头', '四万'],
    ['大概一万二', '一万二'],
    ['差不多12000吧', '12000'],
    ['手术下来自己大概掏了一万二吧', '一万二'],
    ['我算了下自付差不多三万块', '三万'],
    ['医药费大约8000块', '8000'],
    ['花了约5000', '5000'],
    ['自费估计两万吧', '两万'],
    ['个人负担一万五块左右', '一万五'],
    ['自己出了3000元左右', '3000'],
    ['花了将近两万块钱', '两万'],
    ['自付最多五千吧我记不太清', '五千'],
  ])('%s is vague (%s), not an amount', (text, raw) => {
    const scan = scanMoney(text);
    expect(scan.amounts).toEqual([]);
    expect(scan.vague[0]?.raw).toBe(raw);
  });

  it('a vague count is not a vague amount', () => {
    expect(scanMoney('住院两三次').vague).toEqual([]);
    expect(scanMoney('几号去').vague).toEqual([]);
    expect(scanMoney('后天星期几啊').vague).toEqual([]);
    expect(scanMoney('我都七十多了腿脚不行').vague).toEqual([]);
    expect(scanMoney('大概在五十左右吧').vague).toEqual([]);
    expect(scanMoney('药钱100多').vague[0]?.raw).toBe('100多');
  });

  it('约 inside a word, or 差不多 that ends its own clause, is not an approximation of the figure', () => {
    expect(parseMoney('预约了 自付3000')).toBe(3000);
    expect(parseMoney('节约 自付3000元')).toBe(3000);
    expect(parseMoney('病好得差不多了自付12000')).toBe(12000);
  });

  it('a precise amount wins over a vague one elsewhere', () => {
    expect(parseMoney('总共花了一万多 自付8000')).toBe(8000);
  });
});

describe('这一块 / 一块 that is not money', () => {
  it.each(['你们社区丧葬费这一块谁管', '那一块的政策我不懂', '补助是哪一块负责的', '大病救助这一块怎么说', '我跟老伴一块去办', '我们一块儿过去'])(
    '%s → nothing',
    (text) => {
      expect(scanMoney(text)).toEqual({ amounts: [], vague: [], invalid: [] });
    },
  );

  it.each([
    ['花了一块钱', 1],
    ['就差一块', 1],
    ['这一块钱也要报吗', 1],
  ])('%s → %s (still money)', (text, amount) => {
    expect(parseMoney(text)).toBe(amount);
  });
});

describe('a quoted ceiling', () => {
  it.each([
    ['那个体检费最多报600是吧', 600],
    ['小组长补助最高300吗', 300],
    ['住院慰问最多给800对不对', 800],
    ['大病慰问金上限是20000吗', 20000],
    ['报销封顶1000元吧', 1000],
    ['听说补贴不超过两千块', 2000],
  ])('%s → %s (a policy ceiling is an amount)', (text, amount) => {
    expect(parseMoney(text)).toBe(amount);
  });

  it.each([
    ['最多500', '500'],
    ['我那个药最多800吧', '800'],
    ['自付最多五千', '五千'],
    ['一共花了最多两万', '两万'],
    ['体检报销最多差不多600', '600'],
  ])('%s stays vague (no payout, an estimate of spending, or a hedge)', (text, raw) => {
    const scan = scanMoney(text);
    expect(scan.amounts).toEqual([]);
    expect(scan.vague[0]?.raw).toBe(raw);
  });

  it('a small bare figure or a count after 最多 is not an amount', () => {
    expect(parseMoney('体检最多报50')).toBeUndefined();
    expect(parseMoney('补贴最多发两次')).toBeUndefined();
    expect(parseMoney('小组补贴最多管40人')).toBeUndefined();
  });
});

describe('findAmounts', () => {
  it('returns every amount with its span and strength', () => {
    const found = findAmounts('医药费12万元 自付4.5万');
    expect(found.map((a) => [a.amount, a.raw, a.start, a.end, a.strength])).toEqual([
      [120000, '12万', 3, 6, 2],
      [45000, '4.5万', 10, 14, 3],
    ]);
  });

  it('prefers the self-pay figure, then a figure with a unit, then the first', () => {
    expect(parseMoney('总共20000 自付8000')).toBe(8000);
    expect(parseMoney('20000 8000元')).toBe(8000);
    expect(parseMoney('20000 8000')).toBe(20000);
  });

  it('never reads phone or ID digits, even next to money words', () => {
    expect(findAmounts('自付8000 电话13812345678 身份证11010519491231002X')).toHaveLength(1);
  });
});
