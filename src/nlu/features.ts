/**
 * Feature extraction for the intent classifier.
 *
 * The text (already normalized by `normalize`) is reduced to a sequence of units:
 *  - a Han character stays itself and also yields its toneless pinyin syllable (为/慰 → "wei",
 *    提/体 → "ti"), so homophone typos from pinyin input methods share features;
 *  - a run of digits becomes one unit "0" (amounts and dates generalize);
 *  - a run of Latin letters is one lower-cased word unit, plus its letter trigrams (`l:`); a word
 *    that spells pinyin ("tijian", "zhuyuan") also yields its syllables, as if typed without the
 *    input method;
 *  - anything else (spaces, punctuation, emoji, control characters) is a segment break.
 * Features are n-grams over the units (character n-grams for Chinese) with `^`/`$` at the text's
 * ends and `|` at breaks, plus (optionally) pinyin-syllable n-grams prefixed `p:`.
 *
 * A text without Han characters or letters yields no features at all.
 * (Single letters are not features: with a handful of English examples they would decide by
 * accident — "test" is not "thx".)
 * Nothing here compiles a regular expression; pinyin-pro is asked once per distinct character.
 */
import { pinyin } from 'pinyin-pro';

export interface FeatureConfig {
  /** Shortest and longest character n-gram. */
  readonly charMin: number;
  readonly charMax: number;
  /** Longest pinyin-syllable n-gram (0 = no pinyin features). */
  readonly pinyinMax: number;
}

/** Character uni- and bigrams only. */
export const CHAR_FEATURES: FeatureConfig = { charMin: 1, charMax: 2, pinyinMax: 0 };
/** Character uni- and bigrams plus pinyin-syllable uni- and bigrams (the default). */
export const CHAR_PINYIN_FEATURES: FeatureConfig = { charMin: 1, charMax: 2, pinyinMax: 2 };

enum Kind {
  Break = 0,
  Han = 1,
  Digit = 2,
  Latin = 3,
}

function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

function kindOf(cp: number): Kind {
  if (cp >= 0x30 && cp <= 0x39) return Kind.Digit;
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return Kind.Latin;
  if (cp === 0x3007) return Kind.Han; // 〇
  if (isHan(cp)) return Kind.Han;
  return Kind.Break;
}

/** Toneless pinyin syllables (ü written v, as typed), for reading Latin runs such as "tijian" or "zhuyuan". */
const SYLLABLES: ReadonlySet<string> = new Set(
  (
    'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can ' +
    'cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai ' +
    'chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den ' +
    'deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang ' +
    'fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang ' +
    'gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ' +
    'ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken ' +
    'keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian ' +
    'liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang mao me mei ' +
    'men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian ' +
    'niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen ' +
    'peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu ' +
    'quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang ' +
    'sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan ' +
    'shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti ' +
    'tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia ' +
    'xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo ' +
    'yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe ' +
    'zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu ' +
    'zuan zui zun zuo'
  ).split(' '),
);
const MAX_SYLLABLE = 6;

/**
 * Splits a run of lower-case letters into pinyin syllables, fewest syllables first
 * ("tijian" → ti jian, "zhuyuan" → zhu yuan); `undefined` when it is not pinyin ("ok", "help").
 */
export function segmentPinyin(run: string): string[] | undefined {
  const n = run.length;
  if (n < 2 || n > 64) return undefined;
  // best[i] = fewest syllables covering run[0, i); from[i] = where the last one starts.
  const best = new Int32Array(n + 1).fill(0x7fffffff);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let len = 1; len <= MAX_SYLLABLE && len <= i; len++) {
      const prev = best[i - len] as number;
      if (prev === 0x7fffffff || prev + 1 >= (best[i] as number)) continue;
      if (SYLLABLES.has(run.slice(i - len, i))) {
        best[i] = prev + 1;
        from[i] = i - len;
      }
    }
  }
  if (from[n] === -1) return undefined;
  const out: string[] = [];
  for (let i = n; i > 0; i = from[i] as number) out.push(run.slice(from[i] as number, i));
  return out.reverse();
}

/** Toneless pinyin of one Han character, cached (pinyin-pro is called once per distinct character). */
const syllableCache = new Map<number, string>();
const MAX_SYLLABLE_CACHE = 30_000;

export function syllableOf(cp: number, ch: string): string {
  let s = syllableCache.get(cp);
  if (s === undefined) {
    s = (pinyin(ch, { toneType: 'none' }) || ch).replace('ü', 'v');
    if (syllableCache.size < MAX_SYLLABLE_CACHE) syllableCache.set(cp, s);
  }
  return s;
}

/** Receives each feature occurrence (a feature repeated in the text is emitted again). */
export type FeatureSink = (feature: string) => void;

/**
 * Emits the features of `text` into `sink`. Returns the number of content units (Han characters and
 * Latin words) — 0 means the text carries nothing to classify (digits alone are a slot value, not
 * an intent), and then no feature is emitted.
 */
export function extractFeatures(text: string, cfg: FeatureConfig, sink: FeatureSink): number {
  // The units: '^', then a Han character, a Latin word, '0' for a digit run or '|' for a break, then
  // '$'. The syllables: a Han character's pinyin, a Latin word's pinyin reading when it has one,
  // '' (cuts syllable n-grams) for anything else.
  const units: string[] = ['^'];
  const syllables: string[] = [];
  const words: string[] = [];
  let content = 0;
  let lastKind: Kind = Kind.Break;
  let latin = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const kind = kindOf(cp);
    if (latin !== '' && kind !== Kind.Latin) {
      flushLatin(latin, cfg, units, syllables, words);
      latin = '';
    }
    if (kind === Kind.Break) {
      if (lastKind !== Kind.Break && units.length > 1) units.push('|');
      if (lastKind !== Kind.Break) syllables.push('');
    } else if (kind === Kind.Digit) {
      if (lastKind !== Kind.Digit) {
        units.push('0');
        syllables.push('0');
      }
    } else if (kind === Kind.Latin) {
      if (latin === '') content++;
      latin += cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
    } else {
      units.push(ch);
      if (cfg.pinyinMax > 0) syllables.push(syllableOf(cp, ch));
      content++;
    }
    lastKind = kind;
  }
  if (latin !== '') flushLatin(latin, cfg, units, syllables, words);
  if (content === 0) return 0;
  if (units[units.length - 1] === '|') units.pop();
  units.push('$');

  emitUnitGrams(units, cfg, sink);
  emitLetterTrigrams(words, sink);
  if (cfg.pinyinMax > 0) emitSyllableGrams(syllables, cfg.pinyinMax, sink);
  return content;
}

/** Unit n-grams (the markers alone are not features). */
function emitUnitGrams(units: readonly string[], cfg: FeatureConfig, sink: FeatureSink): void {
  const n = units.length;
  for (let len = cfg.charMin; len <= cfg.charMax; len++) {
    for (let i = 0; i + len <= n; i++) {
      if (len === 1) {
        const c = units[i] as string;
        if (c === '^' || c === '$' || c === '|') continue;
        sink(c);
      } else {
        let g = units[i] as string;
        for (let j = 1; j < len; j++) g += units[i + j] as string;
        if (len === 2 && (g === '^$' || g === '||')) continue;
        sink(g);
      }
    }
  }
}

/** Letter trigrams of Latin words ("thanks" shares <th, tha, han, ank with "thank"), prefixed `l:`. */
function emitLetterTrigrams(words: readonly string[], sink: FeatureSink): void {
  for (const w of words) {
    if (w.length < 3) continue;
    const padded = `<${w}>`;
    for (let i = 0; i + 3 <= padded.length; i++) sink(`l:${padded.slice(i, i + 3)}`);
  }
}

/** Pinyin-syllable n-grams; '' marks a non-Han unit and cuts the n-grams. */
function emitSyllableGrams(syllables: readonly string[], max: number, sink: FeatureSink): void {
  const m = syllables.length;
  for (let i = 0; i < m; i++) {
    const s0 = syllables[i] as string;
    if (s0 === '' || s0 === '0') continue;
    let g = `p:${s0}`;
    sink(g);
    for (let len = 2; len <= max && i + len <= m; len++) {
      const s = syllables[i + len - 1] as string;
      if (s === '' || s === '0') break;
      g += `_${s}`;
      sink(g);
    }
  }
}

/** A finished Latin word: one unit, its pinyin reading (if it spells pinyin) and its letter trigrams. */
function flushLatin(word: string, cfg: FeatureConfig, units: string[], syllables: string[], words: string[]): void {
  units.push(word);
  words.push(word);
  const read = cfg.pinyinMax > 0 ? segmentPinyin(word) : undefined;
  if (read) syllables.push(...read);
  else syllables.push('');
}
