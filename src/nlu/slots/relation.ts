/**
 * The `relation` slot: who the person the message is about is to the writer (我爸走了 → 父亲; also 母亲,
 * 配偶, 儿子 …, 本人 for the writer themself).
 *
 * Rulings:
 *  - 老头子 / 老头儿 / 我家老头 / 老太婆 → 配偶. Among retirees (the bot's main users) "我家老头子走了" is
 *    said by a wife of her husband far more often than by a child of a father; 老爷子 → 父亲 (what
 *    children call a father). 老头 alone is any old man: nothing.
 *  - Dialect words: 老汉儿 (Sichuan/Chongqing), 老窦 / 老豆 (Cantonese) → 父亲; 姆妈 (Wu), 阿妈 → 母亲; 老汉 alone
 *    is any old man.
 *  - 媳妇 → 配偶 (我媳妇 = my wife), but 儿媳 / 儿媳妇 → 儿媳.
 *  - 我先生 / 我太太 / 我家先生 → 配偶; 先生 alone (张先生) is not a relation.
 *  - Forms of address that are not kinship here give nothing: 大哥 / 大姐 (to staff), 大妈, 阿姨, 老婆婆
 *    (an old woman), 姑娘, 爸妈 / 父母 (two people: ask).
 *  - 哥/姐/弟/妹 alone only with 我/俺 before them (我哥); 哥哥 / 姐姐 / 弟弟 / 妹妹 anywhere.
 *  - 本人: 本人, 我本人, 我自己 (not 自己 alone: 自己付了 is self-pay, not a relation), and only when it
 *    answers "who" (本人办理, 是我本人): after a modal (需要本人去吗, 要本人到场, 必须本人) it is a requirement.
 *  - The slot is the family member the message is ABOUT (the deceased, the patient), not background people:
 *    - 我是(他|她|老人|张建国)的?(儿子|女儿|…): the role word describes the writer and is skipped (the other
 *      relation in the text is taken: 我是他女儿 我爸… → 父亲). A spouse word is kept (我是他老伴 → 配偶:
 *      the relation is symmetric); no other relation is inferred from 他/她 (voice input mixes them up).
 *    - A child or grandchild as background is skipped: an agent (我儿子说…, 女儿让我问), a place (搬到女儿家,
 *      在儿子那边住, 搬到儿子那住了), an owner (房产证上是我儿子的名字, 儿子名下, 住到儿子买的房子里), a choice (儿子还是女儿).
 *    - Someone else's family (你家孙子, 人家女儿, 他家儿子) is not the writer's relation.
 *    - A kinship word used as a form of address (孙子会叫爷爷了, 喊妈妈) names nobody here.
 *    - The person the writer acts for (帮我妈报一下 我爸昨天没了 → 父亲) when another relative is named after.
 *    - When the text names a parent (in-law) or the spouse AND a child, the parent/spouse is the one it is
 *      about (儿子陪我爸去住院 → 父亲).
 */
import { byFirstChar } from './lexicon.ts';
export interface RelationMatch {
  readonly start: number;
  readonly end: number;
  /** null: a word that looks like kinship but names nobody in particular (blocks shorter readings). */
  readonly relation: string | null;
}

const WORDS: Readonly<Record<string, string | null>> = {
  // 父亲
  父亲: '父亲',
  老父亲: '父亲',
  老汉儿: '父亲',
  老窦: '父亲',
  老豆: '父亲',
  阿爸: '父亲',
  爸爸: '父亲',
  我爸: '父亲',
  俺爸: '父亲',
  咱爸: '父亲',
  老爸: '父亲',
  我爹: '父亲',
  俺爹: '父亲',
  老爹: '父亲',
  爹爹: '父亲',
  家父: '父亲',
  老爷子: '父亲',
  亲爹: '父亲',
  爸: '父亲',
  爹: '父亲',
  // 母亲
  母亲: '母亲',
  老母亲: '母亲',
  姆妈: '母亲',
  阿妈: '母亲',
  妈妈: '母亲',
  我妈: '母亲',
  俺妈: '母亲',
  咱妈: '母亲',
  老妈: '母亲',
  我娘: '母亲',
  俺娘: '母亲',
  老娘: '母亲',
  娘舅: '舅舅',
  我娘舅: '舅舅',
  娘家: null,
  我娘家: null,
  俺娘家: null,
  家母: '母亲',
  亲妈: '母亲',
  老母: '母亲',
  // 配偶
  老伴: '配偶',
  老伴儿: '配偶',
  老公: '配偶',
  丈夫: '配偶',
  爱人: '配偶',
  老婆: '配偶',
  妻子: '配偶',
  媳妇: '配偶',
  媳妇儿: '配偶',
  我先生: '配偶',
  我家先生: '配偶',
  我太太: '配偶',
  我夫人: '配偶',
  老头子: '配偶',
  老头儿: '配偶',
  我家老头: '配偶',
  我们家老头: '配偶',
  俺家老头: '配偶',
  老太婆: '配偶',
  配偶: '配偶',
  // children and their spouses
  儿子: '儿子',
  女儿: '女儿',
  闺女: '女儿',
  姑娘家: null,
  儿媳: '儿媳',
  儿媳妇: '儿媳',
  女婿: '女婿',
  // "我是他女儿的老公": a child's spouse said in words.
  女儿的老公: '女婿',
  女儿的丈夫: '女婿',
  闺女的老公: '女婿',
  儿子的老婆: '儿媳',
  儿子的媳妇: '儿媳',
  儿子媳妇: '儿媳',
  孙子: '孙子',
  孙女: '孙女',
  外孙: '外孙',
  外孙女: '外孙女',
  // in-laws and grandparents
  公公: '公公',
  婆婆: '婆婆',
  岳父: '岳父',
  老丈人: '岳父',
  丈人: '岳父',
  岳母: '岳母',
  丈母娘: '岳母',
  爷爷: '爷爷',
  祖父: '爷爷',
  奶奶: '奶奶',
  祖母: '奶奶',
  外公: '外公',
  姥爷: '外公',
  外祖父: '外公',
  外婆: '外婆',
  姥姥: '外婆',
  外祖母: '外婆',
  // siblings
  哥哥: '哥哥',
  我哥: '哥哥',
  俺哥: '哥哥',
  姐姐: '姐姐',
  我姐: '姐姐',
  俺姐: '姐姐',
  弟弟: '弟弟',
  我弟: '弟弟',
  俺弟: '弟弟',
  妹妹: '妹妹',
  我妹: '妹妹',
  俺妹: '妹妹',
  我大哥: '哥哥',
  我二哥: '哥哥',
  我大姐: '姐姐',
  我二姐: '姐姐',
  孙媳: '孙媳',
  孙媳妇: '孙媳',
  // Aunts and uncles: "大姨王月娥走了" — 其他亲属 (a nephew's own word is kept by the form's relation slot).
  大姨: '其他亲属',
  小姨: '其他亲属',
  大舅: '其他亲属',
  小舅: '其他亲属',
  // the writer
  本人: '本人',
  我本人: '本人',
  我自己: '本人',
  // not a relation (and must not be read as a shorter one)
  爸妈: null,
  我爸妈: null,
  俺爸妈: null,
  咱爸妈: null,
  父母: null,
  老婆婆: null,
  大妈: null,
  姨妈: null,
  舅妈: null,
  姑妈: null,
  干妈: null,
  后妈: '母亲',
  姑娘: null,
  新娘: null,
  大娘: null,
  老公公: null,
  夫妻: null,
  夫人: null,
  大夫: null,
  功夫: null,
  工夫: null,
  夫妇: null,
  妻儿: null,
  老爸老妈: null,
  公公婆婆: '公公',
  农夫: null,
  渔夫: null,
  姐夫: '姐夫',
  妹夫: '妹夫',
  我姐夫: '姐夫',
  俺姐夫: '姐夫',
  我妹夫: '妹夫',
  俺妹夫: '妹夫',
  车夫: null,
  老头乐: null,
  老爷爷: null,
  老奶奶: null,
  爸爸妈妈: null,
  伯父: '伯父',
  大伯: '伯父',
  伯伯: '伯父',
  大爷: null,
  叔叔: '叔叔',
  叔父: '叔叔',
  姑父: '姑父',
  姨父: '姨父',
  婶婶: '婶婶',
  伯母: '伯母',
  舅舅: '舅舅',
  姑姑: '姑姑',
  阿姨: null,
  叔伯: null,
};

const BY_FIRST_CHAR = byFirstChar<string | null>(Object.entries(WORDS));

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

/** Children, grandchildren and their spouses: often background people in a retiree's message. */
const DESCENDANTS = new Set(['儿子', '女儿', '儿媳', '女婿', '孙子', '孙女', '外孙', '外孙女', '孙媳']);
/** Parents (in-law) and the spouse: preferred over a child named in the same message. */
const PARENTS_AND_SPOUSE = new Set(['父亲', '母亲', '配偶', '公公', '婆婆', '岳父', '岳母']);
/** 会叫爷爷了, 喊妈妈: a kinship word as a form of address someone uses, not a person the text is about. */
const ADDRESSED_BEFORE = /(?:叫|喊|称呼|管我叫)了?$/;
/** 我妈 / 俺爹: a possessed kinship word is a person, even after 叫 (帮我叫我妈来). */
const MY = /^[我俺咱]$/;

/** 我是他的 / 我是老人的 / 我是张建国的 right before a role word: the role word is the writer's. */
const WRITER_ROLE_BEFORE = /我(?:就)?是([\p{Script=Han}a-z]{1,4}?)(?:的|家的)?$/u;
const PERSON_WORD = /^(?:他|她|它|ta|老人|老人家|老爷子|老太太|死者|逝者|病人|患者|这位老人|那位老人)$/;
/** What a name between 我是 and the role word cannot contain (我是想问我爸, 我是他女儿我爸 are not "I am X's"). */
const NOT_A_NAME = /[想要来问说给在帮替跟和找打去办请看了过吗呢啊吧么什怎哪这那我你他她个儿女子爸妈父母亲伴公婆爷奶哥姐弟妹孙]/;
/** Someone else's family: 你家孙子, 您家老伴, 人家女儿, 他家儿子. */
const OTHERS_BEFORE = /(?:你|您|你们|您们|人|别人|他|她|他们|她们)家(?:的|里的)?$/;
/** What a background child does or is: 儿子说, 女儿家, 儿子那边, 儿子的名字, 儿子名下. */
const BACKGROUND_AFTER =
  /^(?:说|讲|让|叫我|帮|替|陪|带|告诉|提醒|建议|要我|给我|打电话|在外地|那边|那儿|那里|这边|这里|这儿|家|的名字|名下|的名下|的房子|的房|的车|(?:买|租|家)的|工作|上班|(?:那|这)(?=住|去|待|呆|过|养老|$|[\s,.!?;:，。！？；：]))/;
/** 儿子还是女儿, 女儿或者儿子: a choice between two, neither is stated. */
const CHOICE_AFTER = /^(?:还是|或者|或是|或)/;
const CHOICE_BEFORE = /(?:还是|或者|或是|或)$/;
/** 帮我妈问…, 替我爸报…: the person the writer acts for; when the text goes on to name another relative, that one is who it is about. */
const ON_BEHALF_BEFORE = /(?:帮|替|代)$/;
/** 需要本人去吗, 要本人到场, 必须本人, 是否本人: a requirement, not who. */
const REQUIREMENT_BEFORE = /(?:需要|需|要|得|必须|须|非得|非要|一定要|是否|是不是|必需|只能|只限|限|应该|用不用|要不要)(?:是|由|让)?$/;

function isBackground(text: string, m: RelationMatch, matches: readonly RelationMatch[], i: number): boolean {
  const pre = text.slice(Math.max(0, m.start - 12), m.start);
  const after = text.slice(m.end, m.end + 6);
  const relation = m.relation as string;
  if (relation !== '配偶' && relation !== '本人') {
    const who = WRITER_ROLE_BEFORE.exec(pre)?.[1];
    if (who !== undefined && (PERSON_WORD.test(who) || (who.length >= 2 && !NOT_A_NAME.test(who)))) return true;
  }
  if (OTHERS_BEFORE.test(pre) || (ADDRESSED_BEFORE.test(pre) && !MY.test(text[m.start] ?? ''))) return true;
  if (relation === '本人' && REQUIREMENT_BEFORE.test(pre)) return true;
  if (DESCENDANTS.has(relation)) {
    if (BACKGROUND_AFTER.test(after)) return true;
    const next = matches[i + 1];
    const prev = matches[i - 1];
    if (next && next.relation !== null && CHOICE_AFTER.test(after) && next.start - m.end <= 3) return true;
    if (prev && prev.relation !== null && CHOICE_BEFORE.test(pre) && m.start - prev.end <= 3) return true;
  }
  return false;
}

/**
 * The relation of the person the text is about, e.g. 父亲; undefined if none. The first one named wins,
 * except that a parent / spouse / grandparent wins over a child, and background people are skipped.
 */
export function parseRelation(text: string): string | undefined {
  const matches = findRelations(text);
  let first: string | undefined;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as RelationMatch;
    if (m.relation === null || isBackground(text, m, matches, i)) continue;
    if (
      ON_BEHALF_BEFORE.test(text.slice(Math.max(0, m.start - 2), m.start)) &&
      matches.slice(i + 1).some((o) => o.relation !== null && o.relation !== m.relation)
    )
      continue;
    if (PARENTS_AND_SPOUSE.has(m.relation)) return m.relation;
    if (first === undefined) first = m.relation;
    else if (DESCENDANTS.has(first) && !DESCENDANTS.has(m.relation)) first = m.relation;
  }
  return first;
}
