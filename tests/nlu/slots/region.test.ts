import { describe, expect, it } from 'vitest';
import { findRegions, parseRegion } from '../../../src/nlu/slots/region.ts';

describe('parseRegion', () => {
  it.each([
    ['西湖区', '西湖区'],
    ['我住西湖区的', '西湖区'],
    ['西湖', '西湖区'],
    ['西湖风景名胜区', '西湖风景名胜区'],
    ['我们是西湖风景名胜区退休的', '西湖风景名胜区'],
    ['西湖景区', '西湖风景名胜区'],
    ['建德', '建德市'],
    ['建德 45000 大病', '建德市'],
    ['建德市的', '建德市'],
    ['萧山', '萧山区'],
    ['住萧山区的能领吗', '萧山区'],
    ['余杭', '余杭区'],
    ['临平', '临平区'],
    ['富阳市', '富阳区'],
    ['江干区', '上城区'],
    ['下城', '拱墅区'],
    ['下沙', '钱塘区'],
    ['滨江', '滨江区'],
    ['千岛湖', '淳安县'],
    ['杭州', '杭州市'],
    ['杭州市', '杭州市'],
    ['我住杭州市区', '杭州市'],
    ['长沙', '长沙市'],
    ['长沙岳麓区', '岳麓区'],
    ['住在长沙岳麓区', '岳麓区'],
    ['聊城', '聊城市'],
    ['茌平', '茌平区'],
    ['莘县', '莘县'],
    ['郑州', '郑州市'],
    ['郑州金水区', '金水区'],
    ['河南郑州', '郑州市'],
    ['河南', '河南省'],
    ['郑州上街区', '上街区'],
    ['二七区', '二七区'],
    ['宁波', '宁波市'],
  ])('%s → %s', (text, name) => {
    expect(parseRegion(text)).toBe(name);
  });

  it('a city named with one of its districts gives the district, wherever the city is', () => {
    expect(parseRegion('杭州西湖区')).toBe('西湖区');
    expect(parseRegion('西湖区 杭州')).toBe('西湖区');
    expect(parseRegion('杭州建德')).toBe('建德市');
  });

  it('two districts: the first named (findRegions lists both)', () => {
    expect(parseRegion('从西湖区搬到萧山区')).toBe('西湖区');
    expect(findRegions('从西湖区搬到萧山区').map((m) => m.region.name)).toEqual(['西湖区', '萧山区']);
  });

  it('a place visited on an outing is not the region; the retiree’s own place still is', () => {
    expect(parseRegion('我是拱墅的 小组想去千岛湖旅游')).toBe('拱墅区');
    expect(parseRegion('从西湖搬到萧山')).toBe('西湖区');
    expect(parseRegion('去萧山办事')).toBe('萧山区');
  });

  it('景区 alone or next to a particle is the scenic-area district', () => {
    for (const text of ['景区', '我在景区', '景区的', '我是景区退休的', '我们景区']) expect(parseRegion(text), text).toBe('西湖风景名胜区');
  });

  it.each([
    '旅游景区门票多少钱',
    '去景区玩',
    '景区门票',
    '上街买菜',
    '钱塘江边散步',
    '中原地区',
    '雨花台',
    '一二七',
    '你好',
    '住院2次自付8000',
    '小组打算组织去富阳一日游 经费够吗',
    '到西湖玩了一天',
    '',
  ])('%s → no region', (text) => {
    expect(parseRegion(text)).toBeUndefined();
  });

  it.each([
    ['他叫冯金水，钱塘区下沙街道金沙湖社区', '钱塘区'],
    ['姓名：李西湖 上城区的', '上城区'],
    ['老伴叫王长沙', undefined],
    ['他叫冯金水 金水区的', '金水区'],
    ['叫我去西湖区办', '西湖区'],
  ])("a place in a person's name is no place: %s → %s", (text, region) => {
    expect(parseRegion(text)).toBe(region);
  });

  it('钱塘 alone is the district, 钱塘江 is the river', () => {
    expect(parseRegion('钱塘')).toBe('钱塘区');
    expect(parseRegion('钱塘江')).toBeUndefined();
  });

  it('reports spans and the alias as written', () => {
    expect(findRegions('我在萧山').map((m) => [m.alias, m.start, m.end, m.region.name])).toEqual([['萧山', 2, 4, '萧山区']]);
  });
});

describe('parseRegion: a trip named before the place', () => {
  it('旅游团去千岛湖 is an outing, not the region', () => {
    expect(parseRegion('旅游团去千岛湖多少钱')).toBeUndefined();
    expect(parseRegion('跟团到西湖 一天多少钱')).toBeUndefined();
    expect(parseRegion('我住千岛湖 体检去哪')).toBe('淳安县');
  });
});
