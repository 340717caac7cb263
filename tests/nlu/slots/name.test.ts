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
  ])('%s → %s', (text, name) => {
    expect(parseName(text)).toBe(name);
  });

  it.each(['叫什么名字', '帮我叫车', '叫我一声', '叫人来帮忙', '名字是', '姓王', '这叫安全感', '叫张医生来', '帮我叫王师傅', '叫号了吗', '名字写错了', '你好'])('%s → no name', (text) => {
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

  it.each(['好的', '谢谢', '谢谢你', '不知道', '不清楚', '是的', '可以', '明天', '周三', '常常', '人工', '王', '余杭区', '昨天去医院了', '张老师', '我不知道他叫啥', ''])(
    '%s → no name',
    (text) => {
      expect(parseName(text, { expected: true })).toBeUndefined();
    },
  );

  it('a bare name is not taken when no name was asked for', () => {
    expect(parseName('张建国')).toBeUndefined();
    expect(parseName('张建国', { expected: false })).toBeUndefined();
  });
});
