import type { DocId } from './types.ts';

/**
 * How a region's retirees are covered by the documents we hold:
 * - direct: the document is written for this region;
 * - reference: no document of its own here; the Hangzhou text says other districts "可以参照本办法"
 *   (004 六(一)), so its figures are a labelled reference and the local standard may differ;
 * - none: we hold no document for this region.
 */
export type Coverage = 'direct' | 'reference' | 'none';

export interface Region {
  /** Official name with its suffix, as the `region` slot carries it. */
  readonly name: string;
  readonly city: string;
  readonly doc: DocId | null;
  readonly coverage: Coverage;
  /** 杭州市区 = 杭州市级 + 萧山/余杭/临平/富阳/临安 (004 四(一)): where the transfer clause applies. */
  readonly inHangzhouUrban: boolean;
  /** Inside 杭州市 at all (incl. 桐庐, 淳安, 建德): health-check reimbursement is for those living outside it. */
  readonly inHangzhouCity: boolean;
  /** True for a city named alone, when its districts differ (杭州市 → ask which district). */
  readonly cityOnly: boolean;
  /** What people type besides the official name. */
  readonly aliases: readonly string[];
}

type RegionSeed = Omit<Region, 'aliases' | 'cityOnly' | 'inHangzhouCity'> & {
  readonly aliases?: readonly string[];
  readonly cityOnly?: boolean;
};

const hz = (name: string, coverage: Coverage, inHangzhouUrban: boolean, aliases: string[] = []): RegionSeed => ({
  name,
  city: '杭州市',
  doc: name === '建德市' ? 'jiande' : 'hangzhou',
  coverage,
  inHangzhouUrban,
  aliases,
});

const inCity = (city: string, doc: DocId, names: string[]): RegionSeed[] =>
  names.map((name) => ({ name, city, doc, coverage: 'direct', inHangzhouUrban: false }));

const SEEDS: readonly RegionSeed[] = [
  // 杭州市级 (004 一): 市本级 + six districts; the text is written for them.
  { ...hz('杭州市', 'direct', true, ['杭州', '杭城', '杭州市区', '杭州市级', '回杭']), cityOnly: true },
  hz('上城区', 'direct', true, ['江干', '江干区']),
  hz('拱墅区', 'direct', true, ['下城', '下城区']),
  hz('西湖区', 'direct', true),
  hz('滨江区', 'direct', true, ['高新区', '杭州高新区']),
  hz('钱塘区', 'direct', true, ['钱塘新区', '下沙', '大江东']),
  hz('西湖风景名胜区', 'direct', true, ['西湖景区', '西湖风景区', '风景名胜区', '景区']),
  // 杭州市区 but not 市级: reference only.
  hz('萧山区', 'reference', true),
  hz('余杭区', 'reference', true),
  hz('临平区', 'reference', true),
  hz('富阳区', 'reference', true, ['富阳市']),
  hz('临安区', 'reference', true, ['临安市']),
  // Counties outside 杭州市区.
  hz('桐庐县', 'reference', false),
  hz('淳安县', 'reference', false, ['千岛湖']),
  hz('建德市', 'direct', false),
  // 长沙市 (002) and its districts and counties.
  { name: '长沙市', city: '长沙市', doc: 'changsha', coverage: 'direct', inHangzhouUrban: false, aliases: ['长沙', '星城'] },
  ...inCity('长沙市', 'changsha', ['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区', '长沙县', '浏阳市', '宁乡市']),
  // 聊城市 (003), state-owned enterprise retirees.
  { name: '聊城市', city: '聊城市', doc: 'liaocheng', coverage: 'direct', inHangzhouUrban: false, aliases: ['聊城'] },
  ...inCity('聊城市', 'liaocheng', ['东昌府区', '茌平区', '临清市', '阳谷县', '莘县', '东阿县', '冠县', '高唐县']),
  // 河南省 / 郑州市 (001), provincial state-owned enterprise retirees.
  { name: '郑州市', city: '郑州市', doc: 'henan', coverage: 'direct', inHangzhouUrban: false, aliases: ['郑州'] },
  ...inCity('郑州市', 'henan', [
    '中原区',
    '二七区',
    '管城回族区',
    '金水区',
    '上街区',
    '惠济区',
    '郑东新区',
    '巩义市',
    '荥阳市',
    '新密市',
    '新郑市',
    '登封市',
    '中牟县',
  ]),
  { name: '河南省', city: '河南省', doc: 'henan', coverage: 'direct', inHangzhouUrban: false, aliases: ['河南'] },
  // Places people mention that no document here covers.
  ...['宁波市', '温州市', '绍兴市', '湖州市', '嘉兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市', '上海市', '北京市', '南京市', '苏州市'].map(
    (name): RegionSeed => ({ name, city: name, doc: null, coverage: 'none', inHangzhouUrban: false }),
  ),
];

const SUFFIXES = ['回族区', '新区', '区', '县', '市', '省'];

/** The name without its administrative suffix, where two or more characters remain (西湖区 → 西湖, 莘县 keeps 莘县). */
function bareName(name: string): string | null {
  // 西湖风景名胜区 has no bare form: "西湖" is the district.
  if (name.endsWith('风景名胜区')) return null;
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return null;
}

/** Explicit names and aliases win over generated bare names (长沙 is 长沙市, not 长沙县). */
const EXPLICIT = new Set(SEEDS.flatMap((seed) => [seed.name, ...(seed.aliases ?? [])]));

export const REGIONS: readonly Region[] = SEEDS.map((seed) => {
  const bare = bareName(seed.name);
  const generated = bare && !EXPLICIT.has(bare) ? [bare] : [];
  const aliases = [...new Set([...generated, ...(seed.aliases ?? [])])].filter((a) => a !== seed.name);
  return {
    ...seed,
    aliases,
    cityOnly: seed.cityOnly ?? false,
    inHangzhouCity: seed.city === '杭州市',
  };
});

const BY_NAME: ReadonlyMap<string, Region> = (() => {
  const map = new Map<string, Region>();
  for (const region of REGIONS) {
    for (const key of [region.name, ...region.aliases]) {
      if (map.has(key) && map.get(key) !== region) throw new Error(`region alias ${key} is ambiguous`);
      map.set(key, region);
    }
  }
  return map;
})();

/** Every name and alias with its region, longest first, for scanning free text (西湖风景名胜区 before 西湖). */
export const REGION_NAMES: readonly (readonly [string, Region])[] = [...BY_NAME.entries()].sort((a, b) => b[0].length - a[0].length);

/** Exact lookup of an official name or alias; whitespace is ignored. */
export function findRegion(name: string): Region | undefined {
  return BY_NAME.get(name.replace(/\s+/g, ''));
}
