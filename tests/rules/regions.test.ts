import { describe, expect, it } from 'vitest';
import { DOCUMENTS, documentStatus, findRegion, REGION_NAMES, REGIONS, regimeFor } from '../../src/rules/index.ts';

describe('region resolution', () => {
  it.each([
    ['上城区', '上城区', 'hangzhou', 'direct'],
    ['上城', '上城区', 'hangzhou', 'direct'],
    ['江干', '上城区', 'hangzhou', 'direct'],
    ['拱墅', '拱墅区', 'hangzhou', 'direct'],
    ['下城区', '拱墅区', 'hangzhou', 'direct'],
    ['西湖', '西湖区', 'hangzhou', 'direct'],
    ['西湖区', '西湖区', 'hangzhou', 'direct'],
    ['滨江', '滨江区', 'hangzhou', 'direct'],
    ['高新区', '滨江区', 'hangzhou', 'direct'],
    ['钱塘', '钱塘区', 'hangzhou', 'direct'],
    ['下沙', '钱塘区', 'hangzhou', 'direct'],
    ['西湖风景名胜区', '西湖风景名胜区', 'hangzhou', 'direct'],
    ['西湖景区', '西湖风景名胜区', 'hangzhou', 'direct'],
    ['萧山', '萧山区', 'hangzhou', 'reference'],
    ['余杭', '余杭区', 'hangzhou', 'reference'],
    ['临平', '临平区', 'hangzhou', 'reference'],
    ['富阳', '富阳区', 'hangzhou', 'reference'],
    ['临安', '临安区', 'hangzhou', 'reference'],
    ['桐庐', '桐庐县', 'hangzhou', 'reference'],
    ['淳安', '淳安县', 'hangzhou', 'reference'],
    ['千岛湖', '淳安县', 'hangzhou', 'reference'],
    ['建德', '建德市', 'jiande', 'direct'],
    ['建德市', '建德市', 'jiande', 'direct'],
    ['杭州', '杭州市', 'hangzhou', 'direct'],
    ['长沙', '长沙市', 'changsha', 'direct'],
    ['长沙县', '长沙县', 'changsha', 'direct'],
    ['岳麓区', '岳麓区', 'changsha', 'direct'],
    ['聊城', '聊城市', 'liaocheng', 'direct'],
    ['东昌府', '东昌府区', 'liaocheng', 'direct'],
    ['郑州', '郑州市', 'henan', 'direct'],
    ['金水区', '金水区', 'henan', 'direct'],
    ['河南', '河南省', 'henan', 'direct'],
    ['宁波', '宁波市', null, 'none'],
    [' 西湖 区 ', '西湖区', 'hangzhou', 'direct'],
  ])('%s → %s (%s, %s)', (alias, name, doc, coverage) => {
    const region = findRegion(alias);
    expect(region?.name).toBe(name);
    expect(region?.doc).toBe(doc);
    expect(region?.coverage).toBe(coverage);
  });

  it('unknown names resolve to nothing', () => {
    expect(findRegion('火星')).toBeUndefined();
    expect(findRegion('')).toBeUndefined();
  });

  it('杭州市区 = 市级 + 萧山/余杭/临平/富阳/临安; 桐庐/淳安/建德 are outside it but inside 杭州市', () => {
    const urban = REGIONS.filter((r) => r.inHangzhouUrban).map((r) => r.name);
    expect(urban.sort()).toEqual(
      ['杭州市', '上城区', '拱墅区', '西湖区', '滨江区', '钱塘区', '西湖风景名胜区', '萧山区', '余杭区', '临平区', '富阳区', '临安区'].sort(),
    );
    for (const name of ['桐庐县', '淳安县', '建德市']) {
      expect(findRegion(name)?.inHangzhouUrban).toBe(false);
      expect(findRegion(name)?.inHangzhouCity).toBe(true);
    }
    expect(findRegion('长沙')?.inHangzhouCity).toBe(false);
  });

  it('scanning order puts the longer name first (西湖风景名胜区 before 西湖)', () => {
    const names = REGION_NAMES.map(([n]) => n);
    expect(names.indexOf('西湖风景名胜区')).toBeLessThan(names.indexOf('西湖'));
  });
});

describe('regime: which document answers and what must be said', () => {
  it.each([
    ['西湖区', '2026-11-21', []],
    ['萧山区', '2026-11-21', ['reference_only']],
    ['杭州', '2026-11-21', ['city_level_only']],
    ['宁波', '2026-11-21', ['no_document']],
    ['长沙', '2025-04-30', []],
    ['长沙', '2025-05-01', ['document_expired']],
    ['聊城', '2026-11-21', ['state_owned_only']],
    ['郑州', '2026-11-21', ['state_owned_only']],
  ])('%s on %s → %j', (region, asOf, codes) => {
    const r = regimeFor(region, asOf);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.notices.map((n) => n.code)).toEqual(codes);
  });

  it.each([
    ['hangzhou', '2023-12-31', 'not_yet'],
    ['hangzhou', '2024-01-01', 'in_force'],
    ['changsha', '2020-04-30', 'not_yet'],
    ['changsha', '2020-05-01', 'in_force'],
    ['changsha', '2025-04-30', 'in_force'],
    ['changsha', '2025-05-01', 'expired'],
    ['liaocheng', '2020-11-10', 'not_yet'],
    ['liaocheng', '2020-11-11', 'in_force'],
    ['henan', '2017-05-08', 'not_yet'],
    ['henan', '2017-05-09', 'in_force'],
    ['jiande', '2024-01-01', 'in_force'],
  ] as const)('%s on %s is %s', (doc, asOf, status) => {
    expect(documentStatus(DOCUMENTS[doc], asOf)).toBe(status);
  });
});
