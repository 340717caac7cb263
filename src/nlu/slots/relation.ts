/**
 * The `relation` slot: who the person the message is about is to the writer (我爸走了 → 父亲; also 母亲,
 * 配偶, 儿子 …, 本人 for the writer themself).
 *
 * Rulings:
 *  - 老头子 / 老头儿 / 我家老头 / 老太婆 → 配偶. Among retirees (the bot's main users) "我家老头子走了" is
 *    said by a wife of her husband far more often than by a child of a father; 老爷子 → 父亲 (what
 *    children call a father). 老头 alone is any old man: nothing.
 *  - 媳妇 → 配偶 (我媳妇 = my wife), but 儿媳 / 儿媳妇 → 儿媳.
 *  - 我先生 / 我太太 / 我家先生 → 配偶; 先生 alone (张先生) is not a relation.
 *  - Forms of address that are not kinship here give nothing: 大哥 / 大姐 (to staff), 大妈, 阿姨, 老婆婆
 *    (an old woman), 姑娘, 爸妈 / 父母 (two people: ask).
 *  - 哥/姐/弟/妹 alone only with 我/俺 before them (我哥); 哥哥 / 姐姐 / 弟弟 / 妹妹 anywhere.
 *  - 本人: 本人, 我本人, 我自己 (not 自己 alone: 自己付了 is self-pay, not a relation).
 */
export interface RelationMatch {
  readonly start: number;
  readonly end: number;
  /** null: a word that looks like kinship but names nobody in particular (blocks shorter readings). */
  readonly relation: string | null;
}

const WORDS: Readonly<Record<string, string | null>> = {
  // 父亲
  父亲: '父亲', 老父亲: '父亲', 爸爸: '父亲', 我爸: '父亲', 俺爸: '父亲', 咱爸: '父亲', 老爸: '父亲', 我爹: '父亲',
  俺爹: '父亲', 老爹: '父亲', 爹爹: '父亲', 家父: '父亲', 老爷子: '父亲', 亲爹: '父亲', 爸: '父亲', 爹: '父亲',
  // 母亲
  母亲: '母亲', 老母亲: '母亲', 妈妈: '母亲', 我妈: '母亲', 俺妈: '母亲', 咱妈: '母亲', 老妈: '母亲', 我娘: '母亲',
  俺娘: '母亲', 老娘: '母亲', 家母: '母亲', 亲妈: '母亲', 老母: '母亲',
  // 配偶
  老伴: '配偶', 老伴儿: '配偶', 老公: '配偶', 丈夫: '配偶', 爱人: '配偶', 老婆: '配偶', 妻子: '配偶', 媳妇: '配偶',
  媳妇儿: '配偶', 我先生: '配偶', 我家先生: '配偶', 我太太: '配偶', 我夫人: '配偶', 老头子: '配偶', 老头儿: '配偶',
  我家老头: '配偶', 我们家老头: '配偶', 俺家老头: '配偶', 老太婆: '配偶', 配偶: '配偶',
  // children and their spouses
  儿子: '儿子', 女儿: '女儿', 闺女: '女儿', 姑娘家: null, 儿媳: '儿媳', 儿媳妇: '儿媳', 女婿: '女婿',
  孙子: '孙子', 孙女: '孙女', 外孙: '外孙', 外孙女: '外孙女',
  // in-laws and grandparents
  公公: '公公', 婆婆: '婆婆', 岳父: '岳父', 老丈人: '岳父', 丈人: '岳父', 岳母: '岳母', 丈母娘: '岳母',
  爷爷: '爷爷', 祖父: '爷爷', 奶奶: '奶奶', 祖母: '奶奶', 外公: '外公', 姥爷: '外公', 外祖父: '外公',
  外婆: '外婆', 姥姥: '外婆', 外祖母: '外婆',
  // siblings
  哥哥: '哥哥', 我哥: '哥哥', 俺哥: '哥哥', 姐姐: '姐姐', 我姐: '姐姐', 俺姐: '姐姐', 弟弟: '弟弟', 我弟: '弟弟',
  俺弟: '弟弟', 妹妹: '妹妹', 我妹: '妹妹', 俺妹: '妹妹', 我大哥: '哥哥', 我二哥: '哥哥', 我大姐: '姐姐', 我二姐: '姐姐',
  孙媳: '孙媳', 孙媳妇: '孙媳',
  // the writer
  本人: '本人', 我本人: '本人', 我自己: '本人',
  // not a relation (and must not be read as a shorter one)
  爸妈: null, 我爸妈: null, 俺爸妈: null, 咱爸妈: null, 父母: null, 老婆婆: null, 大妈: null, 姨妈: null, 舅妈: null, 姑妈: null, 干妈: null, 后妈: '母亲',
  姑娘: null, 新娘: null, 大娘: null, 老公公: null, 夫妻: null, 夫人: null, 大夫: null, 功夫: null,
  工夫: null, 夫妇: null, 妻儿: null, 老爸老妈: null, 公公婆婆: '公公',
  农夫: null, 渔夫: null, 姐夫: '姐夫', 妹夫: '妹夫', 车夫: null, 老头乐: null, 老爷爷: null, 老奶奶: null,
  爸爸妈妈: null, 伯父: '伯父', 叔叔: '叔叔', 舅舅: '舅舅', 姑姑: '姑姑', 阿姨: null, 叔伯: null,
};

const BY_FIRST_CHAR: ReadonlyMap<string, readonly (readonly [string, string | null])[]> = (() => {
  const map = new Map<string, (readonly [string, string | null])[]>();
  for (const [word, relation] of Object.entries(WORDS)) {
    const first = word[0] as string;
    const list = map.get(first) ?? [];
    list.push([word, relation]);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b[0].length - a[0].length);
  return map;
})();

/** Every kinship word in the text, leftmost-longest. */
export function findRelations(text: string): RelationMatch[] {
  const out: RelationMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const candidates = BY_FIRST_CHAR.get(text[i] as string);
    let matched: RelationMatch | undefined;
    if (candidates) {
      for (const [word, relation] of candidates) {
        if (text.startsWith(word, i)) {
          matched = { start: i, end: i + word.length, relation };
          break;
        }
      }
    }
    if (matched) {
      out.push(matched);
      i = matched.end;
    } else i++;
  }
  return out;
}

/** The first relation the text states, e.g. 父亲; undefined if none. */
export function parseRelation(text: string): string | undefined {
  for (const m of findRelations(text)) if (m.relation !== null) return m.relation;
  return undefined;
}
