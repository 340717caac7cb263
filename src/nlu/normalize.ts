/**
 * Text normalisation, run on every incoming message before intent classification and slot parsing.
 *
 * Steps, in order:
 *  1. lone UTF-16 surrogates, control characters (incl. NUL) and invisible format characters removed
 *     (tab / newline become a space);
 *  2. full-width ASCII → half-width (ＡＢＣ１２３，→ ABC123,), ideographic space → space, ￥ → ¥;
 *  3. latin lower-cased;
 *  4. emoji and decorative symbols (★♥→✔…) removed; ℃ and ° are kept;
 *  5. Traditional → Simplified (OpenCC, Hong Kong / Taiwan variants → mainland);
 *  6. runs of whitespace collapsed to one space, trimmed;
 *  7. runs of punctuation noise (！！！？？ 、、 ~~~ ……) collapsed to their first character;
 *  8. a character repeated 3+ times collapsed to one (好好好好 → 好, 哈哈哈 → 哈), or to two where the
 *     double is a word (谢谢谢谢 → 谢谢, 妈妈妈 → 妈妈); doubles (谢谢, 看看) stay, and digits, Arabic or
 *     Chinese (10000, 二〇〇〇, 二零零零), are never touched;
 *  9. pinyin-input slips in the service's key words, where the slip is no word of its own (尉问 / 为问 →
 *     慰问, 补住 → 补助, 保销 → 报销, 帮服 → 帮扶, 认正 / 资格人证 → 认证, 自附 → 自付, 体捡 → 体检, 丧事料里 →
 *     丧事料理), so the slot parsers and the dialogs read them like the intended word. 为问 stays in 因为问 /
 *     作为问题 / 认为问….
 * 10. English words mixed into Chinese (我dad昨天passed away, hospital慰问, 体检的invoice, check一下进度) → the
 *     Chinese key word (爸爸, 去世, 医院, 发票, 查), whole latin words only (dad, not inside daddy's or
 *     sugardad), so the classifier and the slot parsers read them as Chinese. Words the training data
 *     uses as they are (ok, no, hi, hello, help, case, app, wifi) are left alone.
 *
 * 11. dialect function words → Mandarin, so the key words around them are read as in the training data:
 *     Cantonese 咗 → 了, 嘅 → 的, 唔 → 不 (not in 唔该 "thank you"), 唔系 / 系唔系 → 不是 / 是不是, 冇 → 没, 佢 → 他,
 *     哋 → 们, 乜嘢 → 什么, 点样 → 怎么, 点算 → 怎么办, 边度 → 哪里, 揾 → 找, 过身 → 去世 (not 过身份证 / 过身体);
 *     Wu 侬 → 你, 阿拉 → 我 (not 阿拉伯), 弗 → 不 before a verb or 是/对, a closing 伐 → 吗, 屋里厢 → 家里, 事体 →
 *     事情, 啥辰光 → 什么时候, 走脱 → 走; 殁 → 去世; Hunan 么子 / Sichuan 啥子 → 什么.
 *
 * 12. @-mentions of the bot (@助手 在哪里改, @银龄助手 你好, 在哪里改 @bot) are taken out when something else is said,
 *     so a mention does not make a message a greeting; a lone mention stays. Other @names need a space after them,
 *     and an @ inside a word (an e-mail address) is kept.
 *
 * normalize never throws and is linear in the input. It does not truncate: call truncateForNlu first
 * when the text may be long.
 */
import * as OpenCC from 'opencc-js';

/** How much of a message the NLU layer looks at. */
export const MAX_NLU_CHARS = 2000;

const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'hk', to: 'cn' });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Tab, newline, other line breaks → space. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Remaining C0/C1 controls, format characters (zero-width, bidi marks, BOM), private-use characters. */
const CONTROLS = /[\p{Cc}\p{Cf}\p{Co}]/gu;
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\uFFE0-\uFFE6]/g;
const FULL_WIDTH_SPECIAL: Readonly<Record<string, string>> = {
  '\u3000': ' ',
  '\uFFE0': '\u00A2',
  '\uFFE1': '\u00A3',
  '\uFFE2': '\u00AC',
  '\uFFE3': '\u00AF',
  '\uFFE4': '\u00A6',
  '\uFFE5': '\u00A5',
  '\uFFE6': '\u20A9',
};
/**
 * Emoji (pictographs, skin-tone modifiers, flags, variation selectors, keycap mark) and "other symbols"
 * (★ ♥ ✔ ☎ ※ …) except the temperature signs ℃ and °. Arrows and geometric shapes are in So too.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists code points to drop one by one, combining marks included.
const DECORATIVE = /(?![\u2103\u00B0])[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{So}\uFE00-\uFE0F\u20E3\u{E0020}-\u{E007F}]/gu;
const WHITESPACE = /\s+/g;
/** Punctuation that people repeat for emphasis. */
const PUNCT_RUN = /([!?,.;:~_=^`'"、。，！？；：…～·—])[!?,.;:~_=^`'"、。，！？；：…～·—]+/g;
/** A non-digit character three or more times in a row. */
const REPEATS = /([^\p{Nd}〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟\s])\1{2,}/gu;
/** Kangxi radicals that some input methods produce instead of the ideograph (⼀ for 一). */
const KANGXI = /[\u2F00-\u2FD5\u2E80-\u2EF3]/g;
/** Characters whose doubled form is a word: a longer run collapses to the double (谢谢谢谢 → 谢谢, 妈妈妈 → 妈妈). */
const DOUBLE_WORDS = new Set('谢看常等试问慢刚渐天人爸妈哥姐弟妹爷奶姥婆公叔舅姑伯'.split(''));
const collapseRepeat = (_run: string, ch: string): string => (DOUBLE_WORDS.has(ch) ? ch + ch : ch);

/** Step 9: pinyin-input slips of key words, each guarded so that real words are untouched. */
const HOMOPHONE_SLIPS: readonly (readonly [RegExp, string])[] = [
  [/尉问|(?<![因作认成以称行所视较])为问(?!题)/g, '慰问'],
  [/补住/g, '补助'],
  [/保销/g, '报销'],
  [/帮服/g, '帮扶'],
  [/认正/g, '认证'],
  [/(?<=资格|生存|刷脸|养老金|年审)人证/g, '认证'],
  [/自附/g, '自付'],
  [/体捡/g, '体检'],
  [/(?<=丧事)料里/g, '料理'],
  // "帮我等级一下": 登记 typed as its homophone, after a request word.
  [/(?<=帮我|给我|帮忙|我要|我想|要|去|来|先)等级/g, '登记'],
  // Wu 弗 is 不 ("弗对弗对，弗是拱墅").
  [/弗(?=对|是|要|晓得|好|来|用|会|能|去)/g, '不'],
];
const SLIP_CHARS = /[尉为补保帮认人自体料弗等]/;

/** Step 10: English words people mix into Chinese, longest first where one starts another. */
const ENGLISH_WORDS: Readonly<Record<string, string>> = {
  'passed away': '去世',
  'pass away': '去世',
  'passes away': '去世',
  died: '去世',
  death: '去世',
  dad: '爸爸',
  daddy: '爸爸',
  father: '爸爸',
  papa: '爸爸',
  mom: '妈妈',
  mum: '妈妈',
  mommy: '妈妈',
  mummy: '妈妈',
  mother: '妈妈',
  husband: '老公',
  wife: '老婆',
  grandpa: '爷爷',
  grandfather: '爷爷',
  grandma: '奶奶',
  grandmother: '奶奶',
  hospital: '医院',
  hospitalized: '住院',
  hospitalised: '住院',
  hospitalization: '住院',
  funeral: '丧事',
  invoice: '发票',
  receipt: '发票',
  pension: '养老金',
  checkup: '体检',
  'check-up': '体检',
  'check up': '体检',
  'physical exam': '体检',
  'medical exam': '体检',
  check: '查',
  progress: '进度',
  status: '进度',
  cancel: '取消',
  thanks: '谢谢',
  'thank you': '谢谢',
  'thank u': '谢谢',
  thx: '谢谢',
  staff: '工作人员',
  human: '人工',
  'customer service': '客服',
  subsidy: '补助',
  allowance: '补助',
  reimburse: '报销',
  reimbursement: '报销',
  certification: '认证',
  verification: '认证',
  'bank card': '银行卡',
  'phone number': '手机号',
  festival: '节日',
  'spring festival': '春节',
  'mid-autumn': '中秋',
  'dragon boat': '端午',
  community: '社区',
  'serious illness': '大病',
  address: '地址',
};
const ENGLISH = new RegExp(
  `(?<![a-z])(?:${Object.keys(ENGLISH_WORDS)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[-\s]/g, (c) => (c === '-' ? '-?' : '\\s?')))
    .join('|')})(?![a-z])`,
  'g',
);
const HAS_LATIN_WORD = /[a-z]{2}/;
/** The same words with spaces and hyphens taken out (check-up, check up and checkup are one word). */
const ENGLISH_COMPACT: ReadonlyMap<string, string> = new Map(Object.entries(ENGLISH_WORDS).map(([w, zh]) => [w.replace(/[\s-]/g, ''), zh]));
const englishWord = (w: string): string => ENGLISH_COMPACT.get(w.replace(/[\s-]/g, '')) ?? w;

/** Step 11: dialect function words (after Traditional → Simplified, so 係 is 系 here). */
const DIALECT: readonly (readonly [RegExp, string])[] = [
  [/系唔系/g, '是不是'],
  [/唔系/g, '不是'],
  [/唔(?!该)/g, '不'],
  [/咗/g, '了'],
  [/嘅/g, '的'],
  [/冇/g, '没'],
  [/佢/g, '他'],
  [/哋/g, '们'],
  [/乜嘢|乜/g, '什么'],
  [/点样/g, '怎么'],
  [/点算/g, '怎么办'],
  [/边度/g, '哪里'],
  [/揾/g, '找'],
  [/(?<![翻转侧回背][不得]?)过身(?![份体子边上材段])/g, '去世'],
  [/侬/g, '你'],
  [/阿拉(?!伯|斯加|丁|善)/g, '我'],
  [/弗(?=[要是对用会晓好办弄去来讲晓得])/g, '不'],
  [/(?<![讨征挞砍采步杀])伐(?=$|[\s,.!?;:，。！？；：~])/g, '吗'],
  [/屋里厢/g, '家里'],
  [/事体/g, '事情'],
  [/啥辰光/g, '什么时候'],
  [/走脱/g, '走'],
  [/殁/g, '去世'],
  [/么子|啥子/g, '什么'],
];
const DIALECT_CHARS = /[系唔咗嘅冇佢哋乜点边揾过侬阿弗伐屋事啥走殁么]/;

/** Step 12: the bot's names after @ (no space needed), or any other @name followed by a space. */
const MENTION = /(?<![\p{L}\p{N}_.])@(?:(?:银龄)?(?:小)?助手|机器人|bot|robot|assistant|[^\s@]{1,16}(?=\s))[\s,.;:!?，。；：！？、]*/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included.
const HAS_NON_ASCII = /[^\x00-\x7F]/;
const HAS_UPPER = /[A-Z\u00C0-\u024F\u0370-\u04FF]/;

function fullWidthChar(ch: string): string {
  const special = FULL_WIDTH_SPECIAL[ch];
  if (special !== undefined) return special;
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/** The first `max` characters of `text`, without splitting a surrogate pair. */
export function truncateForNlu(text: string, max: number = MAX_NLU_CHARS): string {
  if (typeof text !== 'string') return '';
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * A turn reads the same text many times (the NLU, then every slot reader of a form): the last few texts are kept
 * with their normal form. Pure function, so a hit is exactly what a call would return.
 */
const recent = new Map<string, string>();
const RECENT = 32;

export function normalize(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const known = recent.get(text);
  if (known !== undefined) return known;
  const out = normalizeNow(text);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(text, out);
  return out;
}

function normalizeNow(text: string): string {
  try {
    let s = text;
    const nonAscii = HAS_NON_ASCII.test(s);
    if (nonAscii) s = s.replace(LONE_SURROGATE, '');
    s = s.replace(LINE_BREAKS, ' ').replace(CONTROLS, '');
    if (nonAscii) s = s.replace(FULL_WIDTH, fullWidthChar);
    if (HAS_UPPER.test(s)) s = s.toLowerCase();
    if (nonAscii) {
      s = s.replace(KANGXI, (ch) => ch.normalize('NFKC'));
      s = s.replace(DECORATIVE, '');
      s = toSimplified(s);
    }
    s = s.replace(WHITESPACE, ' ').trim();
    s = s.replace(PUNCT_RUN, '$1');
    s = s.replace(REPEATS, collapseRepeat);
    if (nonAscii && SLIP_CHARS.test(s)) for (const [re, word] of HOMOPHONE_SLIPS) s = s.replace(re, word);
    if (HAS_LATIN_WORD.test(s)) s = s.replace(ENGLISH, englishWord);
    if (nonAscii && DIALECT_CHARS.test(s)) for (const [re, word] of DIALECT) s = s.replace(re, word);
    if (s.includes('@')) {
      const rest = s.replace(MENTION, ' ').replace(WHITESPACE, ' ').trim();
      if (rest.length > 0) s = rest;
    }
    return s;
  } catch {
    // Defensive only: none of the steps above is expected to throw.
    return text.replace(/[^\p{L}\p{N} ]/gu, '').trim();
  }
}
