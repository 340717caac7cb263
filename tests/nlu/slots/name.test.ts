import { describe, expect, it } from 'vitest';
import { parseName } from '../../../src/nlu/slots/name.ts';

describe('parseName with a cue', () => {
  it.each([
    ['他叫张建国', '张建国'],
    ['名字是王秀英', '王秀英'],
    ['姓名:李四', '李四'],
    ['姓名 李四', '李四'],
    ['我爸叫王德福昨天走的', '王德福'],
    ['我妈叫王秀英今年八十', '王秀英'],
    ['他叫张建国身份证11010519491231002X', '张建国'],
    ['老人名叫刘桂兰', '刘桂兰'],
    ['死者叫欧阳明华', '欧阳明华'],
    ['名字叫司马光', '司马光'],
    ['他叫张三的', '张三'],
    ['她叫阿依古丽·买买提', '阿依古丽·买买提'],
    ['我叫张三', '张三'],
    ['女儿叫张小红', '张小红'],
    ['她叫做王芳', '王芳'],
    ['我爸刘成 今天早上走了', '刘成'],
    ['许阿根老人12月1日去世，身份证在这', '许阿根'],
    ['钱塘区 小组长陈建英 管30个人', '陈建英'],
    ['帮她申请 赵雪梅 女 66', '赵雪梅'],
    ['帮他申请，王德发，身份证330106195505200810', '王德发'],
    ['大姨王月娥12月4号走了', '王月娥'],
  ])('%s → %s', (text, name) => {
    expect(parseName(text)).toBe(name);
  });

  it.each(['我爸毕业 今年', '我爸刘成'])('%s names nobody said to have died (a two-character word before a pause)', (text) => {
    expect(parseName(text)).toBeUndefined();
  });

  it.each(['叫什么名字', '帮我叫车', '叫我一声', '叫人来帮忙', '名字是', '姓王', '这叫安全感', '叫张医生来', '帮我叫王师傅', '叫号了吗', '名字写错了', '你好'])(
    '%s → no name',
    (text) => {
      expect(parseName(text)).toBeUndefined();
    },
  );
});

describe('parseName from the sentence frame (no 叫)', () => {
  it.each([
    ['我是刘志强的女儿 想问一下丧葬费', '刘志强'],
    ['我是王芳的儿子', '王芳'],
    ['我是赵德胜儿子', '赵德胜'],
    ['我就是孙秀兰的老伴', '孙秀兰'],
    ['我是诸葛明亮的孙子', '诸葛明亮'],
    ['我父亲陈国华 前天夜里走的', '陈国华'],
    ['我妈周桂英昨天下午走了', '周桂英'],
    ['我老伴何淑珍上个月去世了', '何淑珍'],
    ['俺爹马福生11月5号没的', '马福生'],
    ['我母亲郭兰去世了', '郭兰'],
    ['我爸 孙建军', '孙建军'],
    ['我爸叫吴大海', '吴大海'],
  ])('%s → %s', (text, name) => {
    expect(parseName(text)).toBe(name);
  });

  it.each([
    '我是他女儿',
    '我是老人的儿子',
    '我是想问我爸的事',
    '我是退休职工',
    '我爸车祸走了',
    '我妈那边的社区',
    '我爸曾经 住过院',
    '我爸申请慰问金',
    '我妈高血压住院了',
    '我爸凌晨走的',
    '我爸都走了',
    '我妈和我爸',
    '我爸常年卧床',
    '我爸于昨天去世',
    '我妈初三走的',
    '我爸明年就八十了',
    '我父亲王 上周走的',
    '我女儿毕业 在上海工作',
    '我儿子申请 了没批',
  ])('%s → no name', (text) => {
    expect(parseName(text)).toBeUndefined();
  });
});

describe('parseName as the whole answer (expected)', () => {
  it.each([
    ['张建国', '张建国'],
    ['王芳', '王芳'],
    ['是张建国', '张建国'],
    ['我是张建国', '张建国'],
    ['他叫李四啊', '李四'],
    ['欧阳修', '欧阳修'],
    ['张建国 11010519491231002X', '张建国'],
    ['张建国,昨天走的', '张建国'],
    ['张建国昨天走的', '张建国'],
  ])('%s → %s', (text, name) => {
    expect(parseName(text, { expected: true })).toBe(name);
  });

  it.each([
    '好的',
    '谢谢',
    '谢谢你',
    '不知道',
    '不清楚',
    '是的',
    '可以',
    '明天',
    '周三',
    '常常',
    '人工',
    '王',
    '余杭区',
    '昨天去医院了',
    '张老师',
    '我不知道他叫啥',
    '',
  ])('%s → no name', (text) => {
    expect(parseName(text, { expected: true })).toBeUndefined();
  });

  it('a bare name is not taken when no name was asked for', () => {
    expect(parseName('张建国')).toBeUndefined();
    expect(parseName('张建国', { expected: false })).toBeUndefined();
  });
});

describe('parseName: a person staff look up', () => {
  it.each([
    ['查一下王秀英认证了没有', '王秀英'],
    ['帮我查下张桂英的申请', '张桂英'],
    ['核实一下李建国的年审', '李建国'],
    ['查下孙桂芳的年审', '孙桂芳'],
  ])('%s → %s', (text, name) => {
    expect(parseName(text)).toBe(name);
  });

  it.each(['帮我妈查一下 她上次申请的住院慰问到哪一步了', '帮我查下李某的认证状态', '查一下张某某认证没有', '查下余额', '查一下进度', '帮我查查明细'])(
    '%s → no name',
    (text) => {
      expect(parseName(text)).toBeUndefined();
    },
  );
});
