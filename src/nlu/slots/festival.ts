/**
 * The `festival` slot: 春节, 端午节, 中秋节 or 重阳节 (the festivals the consolation rules name).
 *
 * Rulings: 八月十五 is 中秋 unless 号/日 follows (八月十五号 is a calendar date); 过年 is 春节 except in
 * 超过年龄 / 过年底-like word joins; 新年 alone is not taken (it may mean 元旦); 老人节 / 老年节 / 敬老节 are 重阳.
 * Pinyin typed without converting (text is lower-cased by normalize): chunjie, duanwu, zhongqiu, chongyang,
 * whole latin words only (duanwu节, duan wu jie; not inside a longer latin word).
 */
export type Festival = '春节' | '端午节' | '中秋节' | '重阳节';

export interface FestivalMatch {
  readonly start: number;
  readonly end: number;
  readonly festival: Festival;
}

const FESTIVAL_WORDS: readonly (readonly [RegExp, Festival])[] = [
  [/春节|大年三十|年三十|除夕|大年初一|正月初一|农历新年|新春|(?<![超越经度通])过年(?![龄纪限底份度])|拜年|年夜饭|(?<![a-z])chun\s?jie(?![a-z])/gi, '春节'],
  [/端午|端阳|粽子节|五月初五|端五|(?<![a-z])duan\s?wu(?:\s?jie)?(?![a-z])/gi, '端午节'],
  [/中秋|八月十五(?![号日])|团圆节|月饼节|八月半|(?<![a-z])zhong\s?qiu(?:\s?jie)?(?![a-z])/gi, '中秋节'],
  [/重阳|重九|九月初九|老人节|老年节|敬老节|(?<![a-z])chong\s?yang(?:\s?jie)?(?![a-z])/gi, '重阳节'],
];

export function findFestivals(text: string): FestivalMatch[] {
  const out: FestivalMatch[] = [];
  for (const [re, festival] of FESTIVAL_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, festival });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first festival the text names. */
export function parseFestival(text: string): Festival | undefined {
  return findFestivals(text)[0]?.festival;
}
