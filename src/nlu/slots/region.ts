/**
 * The `region` slot: the official name (西湖区, 建德市, 杭州市 …) of a place the text names, found by
 * scanning for the longest name or alias in REGION_NAMES at each position (西湖风景名胜区 before 西湖).
 *
 * Rulings:
 *  - A city named together with one of its districts gives the district (杭州西湖区 → 西湖区, 郑州金水区 →
 *    金水区, 河南郑州 → 郑州市); a city alone gives the city (杭州 → 杭州市).
 *  - Otherwise the first place named wins (从西湖区搬到萧山区 → 西湖区); findRegions returns them all.
 *  - Aliases that are also ordinary words only count where they read as a place:
 *    景区 / 风景名胜区 stand alone or next to 在/住/是/们/的… (我在景区, 景区退休的) — not inside 旅游景区门票;
 *    上街 only as 上街区 (上街买菜 is going shopping); 钱塘 not in 钱塘江/钱塘潮; 二七 not inside a longer
 *    numeral; 中原 not in 中原地区; 雨花 not in 雨花台/雨花石; 开福 not in 开福寺; 芙蓉 not in 芙蓉花;
 *    金水 not in 金水桥; 东阿 not in 东阿阿胶.
 *  - Pinyin-input slips of district names (西胡, 肖山, 余航, 宾江, 桐芦, 纯安) are read as the district: with 区/县
 *    always, bare only where they read as a place (肖山的…, 在余航), since 肖山 / 余航 are also given names.
 *  - A place visited on an outing (去千岛湖一日游, 到西湖玩, 组织去富阳旅游, 旅游团去千岛湖) is not the writer's region.
 */

import { pinyin } from 'pinyin-pro';
import { findRegion, REGION_NAMES, type Region } from '../../rules/regions.ts';
import { byFirstChar } from './lexicon.ts';

export interface RegionMatch {
  readonly start: number;
  readonly end: number;
  /** The name or alias as written. */
  readonly alias: string;
  readonly region: Region;
}

type Guard = (text: string, start: number, end: number) => boolean;

const PUNCT_OR_SPACE = /[\s\p{P}]/u;
const WEAK_BEFORE_OK = /[在住是属们咱的到从于去回搬:]/;
const WEAK_AFTER_OK = /[的人退社街这那我老里附区管办都啊呀吧呢了搬到去住回户,.。?!]/;
const NUMERAL = /[零〇一二两三四五六七八九十百千万\d]/;

function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || PUNCT_OR_SPACE.test(ch);
}

/** A generic noun used as an alias: only where it reads as a place. */
const weak: Guard = (text, start, end) => {
  const before = text[start - 1];
  const after = text[end];
  return (isBoundary(before) || WEAK_BEFORE_OK.test(before as string)) && (isBoundary(after) || WEAK_AFTER_OK.test(after as string));
};

const notFollowedBy =
  (...words: string[]): Guard =>
  (text, _start, end) =>
    !words.some((w) => text.startsWith(w, end));

const GUARDS: Map<string, Guard> = new Map<string, Guard>([
  ['景区', weak],
  ['风景名胜区', weak],
  ['上街', (text, start, end) => isBoundary(text[start - 1]) && isBoundary(text[end])],
  ['钱塘', notFollowedBy('江', '潮', '湖')],
  ['二七', (text, start, end) => !NUMERAL.test(text[start - 1] ?? '') && !NUMERAL.test(text[end] ?? '') && text[end] !== '年' && text[end] !== '岁'],
  ['中原', notFollowedBy('地区', '大地', '一带')],
  ['雨花', notFollowedBy('台', '石')],
  ['开福', notFollowedBy('寺')],
  ['芙蓉', notFollowedBy('花', '姐')],
  ['金水', notFollowedBy('桥')],
  ['东阿', notFollowedBy('阿胶')],
]);

/** 去千岛湖一日游, 到西湖玩, 组织去富阳旅游: a place visited on an outing is no one's region. */
const OUTING_BEFORE = /[去到逛游]$/;
const OUTING_AFTER = /^(?:[一二两三四五六七八九\d]日游|旅游|游玩|玩|度假|旅行|春游|秋游|采风|参观|逛|看风景|爬山|露营|自驾)/;
/** 旅游团去千岛湖, 跟团到西湖: a trip named before the place. */
const TRIP_BEFORE = /(?:旅游团?|旅行团?|跟团|报团|组团)[去到]$/;
const isOuting = (text: string, start: number, end: number): boolean =>
  (OUTING_BEFORE.test(text.slice(Math.max(0, start - 1), start)) && OUTING_AFTER.test(text.slice(end, end + 4))) ||
  TRIP_BEFORE.test(text.slice(Math.max(0, start - 4), start));

/** Pinyin-input slips of district names → the official name. */
const SLIPS: Readonly<Record<string, string>> = {
  西胡: '西湖区',
  肖山: '萧山区',
  潇山: '萧山区',
  余航: '余杭区',
  于杭: '余杭区',
  宾江: '滨江区',
  滨将: '滨江区',
  拱墅: '拱墅区',
  桐芦: '桐庐县',
  同庐: '桐庐县',
  纯安: '淳安县',
  富杨: '富阳区',
  临平: '临平区',
  钱唐: '钱塘区',
  建得: '建德市',
};
const SLIP_ENTRIES: (readonly [string, Region])[] = [];
for (const [slip, name] of Object.entries(SLIPS)) {
  const region = findRegion(name);
  if (!region || REGION_NAMES.some(([alias]) => alias === slip)) continue;
  const suffix = name.slice(-1);
  SLIP_ENTRIES.push([slip + suffix, region], [slip, region]);
  GUARDS.set(slip, weak);
}

/** "他叫冯金水", "姓名：李西湖": a bare place name right after a name's introducer and a surname is part of the name. */
const IN_A_NAME = /(?:叫|名叫|姓名[:：]?|名字[:：是叫]?)[\u4e00-\u9fa5]?$/;

/** Names and aliases by first character, longest first. */
const BY_FIRST_CHAR = byFirstChar<Region>([...REGION_NAMES, ...SLIP_ENTRIES]);

/** Every place named in the text, in order, longest alias at each position. */
/** After a place: outside it ("杭州市外", "杭州以外的地方"). */
const OUTSIDE_OF = /^(市|区|县)?(外(?![婆公孙甥])|以外|之外)/;

export function findRegions(text: string): RegionMatch[] {
  const out: RegionMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const candidates = BY_FIRST_CHAR.get(text[i] as string);
    let matched: RegionMatch | undefined;
    if (candidates) {
      for (const [alias, region] of candidates) {
        if (!text.startsWith(alias, i)) continue;
        const guard = GUARDS.get(alias);
        if (guard && !guard(text, i, i + alias.length)) continue;
        if (alias !== region.name && IN_A_NAME.test(text.slice(Math.max(0, i - 4), i))) continue;
        matched = { start: i, end: i + alias.length, alias, region };
        break;
      }
    }
    if (matched) {
      // an outing's place is skipped whole, not read again as a shorter alias; "杭州市外", "杭州以外" name no place
      if (!isOuting(text, matched.start, matched.end) && !OUTSIDE_OF.test(text.slice(matched.end))) out.push(matched);
      i = matched.end;
    } else i++;
  }
  return out;
}

/** True when `outer` is the city or province that contains `inner`. */
function contains(outer: Region, inner: Region): boolean {
  if (outer === inner) return false;
  if (inner.city === outer.name) return true; // 杭州市 ⊃ 西湖区, 郑州市 ⊃ 金水区
  return outer.name.endsWith('省') && inner.doc !== null && inner.doc === outer.doc; // 河南省 ⊃ 郑州市
}

/** The most specific places named: a city is dropped when one of its districts is named too. */
export function pickRegions(matches: readonly RegionMatch[]): RegionMatch[] {
  return matches.filter((m) => !matches.some((other) => contains(m.region, other.region)));
}

/** The official name of the place the text names, e.g. 西湖区; undefined if none. */
/** "跟杭州一样", "和杭州同标", "向杭州看齐": a place compared with, not the place asked about. */
const COMPARED = /(跟|和|与|同|向|比)([\u4e00-\u9fa5]{2,4}?)(市级)?(的)?(一样|同标|看齐|相同|统一|差不多|比)/g;

/** "不是西湖", "不在上城": a place denied (in a correction), not the one meant, when another is named. */
const DENIED_BEFORE = /(不是|不在|并非|而不是)$/;

/** The places a text means: compared-with and denied ones left out, unless nothing else is named. */
function meantRegions(text: string): RegionMatch[] {
  const cleaned = text.replace(COMPARED, (m) => '　'.repeat(m.length));
  const picked = pickRegions(findRegions(cleaned));
  const meant = picked.filter((m) => !DENIED_BEFORE.test(cleaned.slice(Math.max(0, m.start - 3), m.start)));
  return meant.length > 0 ? meant : picked;
}

export function parseRegion(text: string): string | undefined {
  return meantRegions(text)[0]?.region.name;
}

/** In a correction ("西湖区不对，是建德", "不是西湖 是建德") the right place is the last one meant. */
export function correctedRegion(text: string): string | undefined {
  return meantRegions(text).at(-1)?.region.name;
}

/** Two-character stems of the places we hold a document for ("西湖", "萧山", "长沙"), by their toneless pinyin. */
let stemsBySound: ReadonlyMap<string, readonly Region[]> | undefined;
/** Stems that are an alias of their own (长沙 → 长沙市, not 长沙县): the one a bare stem means when several sound alike. */
const bareStemBySound = new Map<string, Region[]>();

function soundIndex(): ReadonlyMap<string, readonly Region[]> {
  if (stemsBySound) return stemsBySound;
  const map = new Map<string, Region[]>();
  for (const [name, region] of REGION_NAMES) {
    if (region.doc === null) continue;
    const stem = /^[\u4e00-\u9fa5]{2}$/.test(name) ? name : /^([\u4e00-\u9fa5]{2})[区县市]$/.exec(name)?.[1];
    if (!stem) continue;
    const key = sound(stem);
    const list = map.get(key) ?? [];
    if (!list.includes(region)) list.push(region);
    map.set(key, list);
    if (stem === name) {
      const bare = bareStemBySound.get(key) ?? [];
      if (!bare.includes(region)) bare.push(region);
      bareStemBySound.set(key, bare);
    }
  }
  stemsBySound = map;
  return map;
}

function sound(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array' }).join(' ');
}

/** The one place a two-character stem sounds like ("西胡" → 西湖区); undefined when none or several. */
function soundsLike(stem: string, suffix?: string): Region | undefined {
  const key = sound(stem);
  const hits = soundIndex().get(key) ?? [];
  if (hits.length === 1) return hits[0];
  const suffixed = suffix ? hits.filter((r) => r.name.endsWith(suffix)) : [];
  if (suffixed.length === 1) return suffixed[0];
  const bare = bareStemBySound.get(key) ?? [];
  return bare.length === 1 ? bare[0] : undefined;
}

/** A short answer naming a place: 肖山, 常沙, 我是余航的, 住在西胡区那边. */
const SHORT_PLACE = /^(?:我是|我在|我住|住在|在|是)?([\u4e00-\u9fa5]{2})(区|县|市)?(?:的|这边|那边|那里|这里)?(?:人)?(?:啊|呀|吧|呢)?$/;
const STEM_WITH_SUFFIX = /([\u4e00-\u9fa5]{2})([区县])/g;
const HOMOPHONE_NOISE = /[\s，,。.！!？?~]/g;

/**
 * A district typed with a homophone from pinyin input ("西胡区", "肖山", "余航", "常沙"), in a normalized text. As a
 * short answer (`awaited`, or a message that is only the place) the stem alone counts ("肖山的", "我是余航的"); in passing
 * only a stem written with its suffix does ("余航区 看病…").
 */
export function homophoneRegionIn(normalizedText: string, awaited: boolean): Region | undefined {
  const t = normalizedText.replace(HOMOPHONE_NOISE, '');
  if (awaited) {
    const m = SHORT_PLACE.exec(t);
    if (m?.[1]) return soundsLike(m[1], m[2]);
  }
  for (const m of t.matchAll(STEM_WITH_SUFFIX)) {
    if (m[1] === undefined || m[1].endsWith('社') || m[1].endsWith('小')) continue;
    const hit = soundsLike(m[1], m[2]);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The region of a first message whose place name is a homophone: a message that is only the place (常沙, 我是肖山的)
 * or that names it with 区/县 (余航区 看病…).
 */
export function parseHomophoneRegion(normalizedText: string, shortAnswer = true): string | undefined {
  if (!/[区县]/.test(normalizedText) && (!shortAnswer || normalizedText.length > 12)) return undefined;
  return homophoneRegionIn(normalizedText, shortAnswer)?.name;
}
