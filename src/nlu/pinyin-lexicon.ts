/**
 * Reading pinyin typed without the input method ("dabing weiwen zenme shenqing", "tijian报销").
 *
 * The classifier's features give a Latin word its pinyin syllables, but a text of Latin words also carries
 * many features no training text has (the words, their letter trigrams), so a sentence typed wholly in
 * pinyin scored as out of scope. This module turns such words back into characters before the features are
 * taken: a lexicon built from the training texts maps each toneless syllable sequence (1–4 syllables) to
 * the character string that spells it most often there (da bing → 大病, wei wen → 慰问, zen me → 怎么).
 *
 * Rulings:
 *  - Only letters that read as pinyin throughout are converted; a Latin word the training data knows as a
 *    word ("ok", "hello", "case") stays as it is.
 *  - A run of pinyin words separated by spaces is read as one syllable sequence (zhu yuan → 住院).
 *  - The sequence is covered by lexicon entries, longest matches preferred (a dynamic program maximising
 *    the sum of squared entry lengths); a syllable the training data never spells leaves the whole run as
 *    typed.
 * Deterministic: ties between character strings go to the more frequent, then to the first in code order.
 */
import { segmentPinyin, syllableOf } from './features.ts';

const MAX_ENTRY = 4;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
/** Latin words (2+ letters) separated by single spaces. */
const LATIN_RUN = /[a-z]{2,}(?: [a-z]{2,})*/g;
const HAS_LATIN = /[a-z]{2}/;

export interface PinyinLexicon {
  /** `text` with its pinyin runs written in characters; the same string when there is nothing to read. */
  transliterate(text: string): string;
}

/** For every syllable sequence of up to MAX_ENTRY syllables in the texts, the characters that spell it most often. */
function commonestSpellings(texts: readonly string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const m of text.matchAll(HAN)) {
      const run = [...m[0]];
      const syl = run.map((ch) => syllableOf(ch.codePointAt(0) ?? 0, ch));
      for (let i = 0; i < run.length; i++) {
        for (let n = 1; n <= MAX_ENTRY && i + n <= run.length; n++) {
          const key = syl.slice(i, i + n).join(' ');
          const han = run.slice(i, i + n).join('');
          let byHan = counts.get(key);
          if (!byHan) {
            byHan = new Map();
            counts.set(key, byHan);
          }
          byHan.set(han, (byHan.get(han) ?? 0) + 1);
        }
      }
    }
  }
  const best = new Map<string, string>();
  for (const [key, byHan] of counts) {
    let pick = '';
    let top = 0;
    for (const [han, c] of byHan) {
      if (c > top || (c === top && han < pick)) {
        pick = han;
        top = c;
      }
    }
    best.set(key, pick);
  }
  return best;
}

/** Builds the lexicon from normalized training texts; `knownWords` are Latin words to keep as typed. */
export function buildPinyinLexicon(texts: readonly string[], knownWords: ReadonlySet<string>): PinyinLexicon {
  const best = commonestSpellings(texts);

  /** The characters for a syllable sequence, or undefined when some syllable has no reading. */
  const read = (syllables: readonly string[]): string | undefined => {
    const n = syllables.length;
    const score = new Float64Array(n + 1).fill(-1);
    const from = new Int32Array(n + 1).fill(-1);
    score[0] = 0;
    for (let i = 1; i <= n; i++) {
      for (let len = 1; len <= MAX_ENTRY && len <= i; len++) {
        const prev = score[i - len] as number;
        if (prev < 0 || !best.has(syllables.slice(i - len, i).join(' '))) continue;
        const s = prev + len * len;
        if (s > (score[i] as number)) {
          score[i] = s;
          from[i] = i - len;
        }
      }
    }
    if (from[n] === -1) return undefined;
    const parts: string[] = [];
    for (let i = n; i > 0; i = from[i] as number) parts.push(best.get(syllables.slice(from[i] as number, i).join(' ')) as string);
    return parts.reverse().join('');
  };

  const convertRun = (run: string): string => {
    const out: string[] = [];
    let pending: string[] = [];
    const flush = (): boolean => {
      if (pending.length === 0) return true;
      const han = read(pending);
      if (han === undefined) return false;
      out.push(han);
      pending = [];
      return true;
    };
    for (const word of run.split(' ')) {
      const syllables = knownWords.has(word) ? undefined : segmentPinyin(word);
      if (syllables) pending.push(...syllables);
      else {
        if (!flush()) return run;
        out.push(` ${word} `);
      }
    }
    if (!flush()) return run;
    return out.join('').replace(/ {2,}/g, ' ').trim();
  };

  return {
    transliterate(text: string): string {
      if (!HAS_LATIN.test(text)) return text;
      return text.replace(LATIN_RUN, convertRun);
    },
  };
}
