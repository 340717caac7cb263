/**
 * The `name` slot: a person's Chinese name, 2–4 characters starting with a known surname.
 *
 * Taken only where the text says it is a name (他叫张建国, 名字是王秀英, 姓名:李四, 名叫…, and a bare 叫 opening a
 * clause: 我外婆昨天走了，叫陈阿香), or, when the
 * bot has just asked for a name (`expected`), from an answer that starts with one (张建国 / 是张建国 /
 * 我是张建国 / 张建国 330182…). The given name stops before words that usually follow a name (今年, 去世,
 * 的, 身份证 …), so 他叫张建国今年80了 gives 张建国.
 * Also taken without 叫 where the sentence frames a name:
 *  - 我是X的(儿子|女儿|老伴|…): the person the writer belongs to (我是张建国的儿子 → 张建国);
 *  - right after a relation word (我父亲王德明, 我妈李秀英昨天走了, 老伴 刘桂兰 上周走的): a surname-led name of
 *    2–3 characters (4 with a compound surname) that ends where the sentence goes on with a time or an
 *    event word (昨天, 今天, 上周, 11月3日, 去世, 走了 …), or, for three characters or more, with
 *    punctuation, a space or the end. A word that merely starts with a surname character (我爸车祸走了,
 *    我妈那边, 儿子毕业 了) is not a name.
 *  - a person staff look up (查一下王秀英认证了没有, 核实李建国的年审): a surname-led name after 查/核实 that is
 *    followed by what is looked up (认证, 年审, 申请, 的进度, 有没有 …).
 * Rulings: common words are never names (好的, 谢谢, 不知道, 什么 …), nor a doubled character (谢谢, 常常),
 * nor a surname alone (姓王). Minority names with a middle dot (阿依古丽·买买提) are kept whole when cued.
 */

export interface NameOptions {
  /** The bot has just asked for a name, so a bare name is the whole answer. */
  readonly expected?: boolean;
}

/** Common single-character surnames (the ~300 most frequent). */
const SINGLE_SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪'
  ).split(''),
);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '轩辕',
  '端木',
  '西门',
  '独孤',
  '南宫',
  '申屠',
  '澹台',
  '司徒',
  '司空',
  '呼延',
  '钟离',
  '闻人',
  '赫连',
  '万俟',
  '拓跋',
  '百里',
  '东郭',
];

/** Words that start with a surname character but are not names. */
const NOT_NAMES = new Set([
  '好的',
  '申请人',
  '小组长',
  '好吧',
  '好啊',
  '谢谢',
  '谢了',
  '谢谢你',
  '谢谢您',
  '不知道',
  '不清楚',
  '不记得',
  '不是',
  '不对',
  '不用',
  '不要',
  '不行',
  '没有',
  '没了',
  '是的',
  '是啊',
  '对的',
  '对啊',
  '可以',
  '知道',
  '明白',
  '行吧',
  '算了',
  '取消',
  '你好',
  '您好',
  '在吗',
  '人工',
  '客服',
  '什么',
  '怎么',
  '为什么',
  '多少',
  '哪里',
  '那个',
  '这个',
  '还有',
  '还是',
  '还没',
  '时间',
  '时候',
  '马上',
  '高兴',
  '安心',
  '平安',
  '文件',
  '金额',
  '钱数',
  '和我',
  '和他',
  '成功',
  '成了',
  '明天',
  '明白了',
  '史上',
  '江湖',
  '海里',
  '国家',
  '都是',
  '都有',
  '都行',
  '应该',
  '应该是',
  '全部',
  '全都',
  '关于',
  '关系',
  '周末',
  '周一',
  '周二',
  '周三',
  '周四',
  '周五',
  '周六',
  '周日',
  '孔子',
  '老师',
  '方便',
  '方法',
  '向前',
  '花钱',
  '严重',
  '白天',
  '高龄',
  '费用',
  '于是',
  '车费',
  '管理',
  '管不了',
  '解决',
  '时间到',
  '强烈',
  '原来',
  '原因',
  '黄金',
  '张口',
  '万一',
  '万分',
  '朱红',
  '程序',
  '程度',
  '苏醒',
  '钟头',
  '信息',
  '信用卡',
  '利息',
  '宁可',
  '齐全',
  '任何',
  '任务',
  '安排',
  '连续',
  '连忙',
  '段落',
  '单位',
  '单独',
  '党员',
  '宫殿',
  '席位',
  '封面',
  '章程',
  '项目',
  '包括',
  '包含',
  '华为',
  '公司',
  '公安',
  '公积金',
  '尚未',
  '甘心',
  '和好',
  '和平',
  '冷静',
  '燕子',
  '楚楚',
  '仇人',
  '邱比特',
  '米饭',
  '支付',
  '支持',
  '初一',
  '初二',
  '门口',
  '门卫',
  '云南',
  '乐意',
  '来了',
  '来电',
  '都不',
  '国庆',
  '平时',
  '计算',
  '索赔',
  '相关',
  '相同',
  '容易',
  '普通',
  '危险',
  '银行',
  '元旦',
  '植物',
  '富裕',
  '由于',
  '居住',
  '居民',
  '干部',
  '干嘛',
  '但是',
  '戴帽',
  '邵东',
  '于都',
  '金华',
  '安徽',
  '江西',
  '江苏',
  '海南',
  '湖南',
  '广东',
  '福建',
  '南京',
  '南方',
  '宁波',
  '温州',
  '余杭',
  '杭州',
  '西湖',
  '萧山',
  '富阳',
  '临安',
  '淳安',
  '建德',
  '桐庐',
  '长沙',
  '郑州',
  '聊城',
  '河南',
  '钱塘',
  '上城',
  '滨江',
  '拱墅',
  '江干',
  '下城',
  '临平',
  '东方红',
  '高新区',
  '文体',
  '文体活动',
  '施工',
  '龚',
  '卫生',
  '卫生院',
  '社区',
  '街道',
  '退休',
  '慰问',
  // words that follow a relation word (我爸车祸走了, 我妈那边): surname-led but not names
  '车祸',
  '凌晨',
  '初三',
  '初四',
  '初五',
  '初六',
  '初七',
  '初八',
  '初九',
  '初十',
  '那边',
  '那里',
  '那儿',
  '明年',
  '明早',
  '明晚',
  '时常',
  '曾经',
  '查一下',
  '查下',
  '查查',
  '查询',
  '查到',
  '查看',
  '余额',
  '明细',
  '常年',
  '平常',
  '高血压',
  '高血糖',
  '查出',
  '查出来',
  '申请',
  '单独',
  '向来',
  '和你',
  '和她',
  '都没',
  '管我',
  '甘肃',
  '安详',
  '安静',
  '平静',
  '原单位',
  '万元',
]);

/** What usually follows a name in a run-on sentence: the given name stops before it. */
const STOP_AFTER_NAME =
  /^(?:今年|去年|前天|昨天|今天|去世|过世|走了|走的|死了|病故|身份证|电话|手机|号码|住院|住在|家住|年龄|出生|生于|男|女|的|是|在|了|说|讲|让|陪|他|她|我|啊|呀|吧|呢|哦|嘛|已经|岁|老|同志|先生|女士|师傅|阿姨|叔叔|大爷|大妈|奶奶|爷爷|医生|大夫|护士|老师|主任|书记|经理|科长|局长|处长|队长|组长|社长)/;
/** After a name given as a whole answer. */
const TRAILING_NOISE = /[\s,.!?;:。，、！？~]+$|(?:啊|呀|吧|呢|哦|嘛|的)$/;
const LEADING_ANSWER = /^(?:他|她|伊|我|死者|逝者|老人|本人|名字|姓名)?(?:叫做|叫|是|为|:)\s?/;
/** 名字是 / 姓名: / 名叫, or 叫 after a person (他叫, 我爸叫, 死者叫) — not 这叫 / 叫车 / 叫醒. */
const CUED =
  /(?:名字|姓名)(?:是|叫|为|:)?\s?|(?:逝者|死者|亡者|故者)(?:是|叫|为|:|：)?\s?|名叫\s?|(?<=[他她伊我你爸妈伴子儿女者人爷奶婆公哥姐弟妹亲夫妻娘爹舅姨叔伯友员])叫(?:做)?\s?|(?<=[\s,.;:!?，。、；：！？])叫(?:做)?\s?/g;
const HAN = /\p{Script=Han}/u;
const PLACE_ENDING = /[区县市省镇乡村街路院局]$/;
const NAME_BODY = /^[\p{Script=Han}]{1,3}(?:·[\p{Script=Han}]{1,8})?/u;
const AFTER_BARE_NAME = /^(?:$|[\s,.;:，。、!?\d])/;

/** 我是 / 我就是 before a name and its owner's kin word. */
const WRITER_IS = /我(?:就)?是\s?/g;
/** After the name in 我是X的儿子: the writer's role towards X. */
const WRITER_ROLE_AFTER =
  /^(?:家)?的?(?:儿子|女儿|闺女|儿媳妇?|女婿|孙子|孙女|外孙女?|侄子|侄女|外甥女?|老伴儿?|爱人|妻子|丈夫|老公|老婆|媳妇|哥哥|姐姐|弟弟|妹妹|家属|亲属|家里人|子女|孩子)/;
/** A relation word right before a name: 我父亲王德明, 我妈李秀英, 老伴 刘桂兰. */
/** Kin words a name of theirs follows ("我老头子屠金海", "大伯王福生"): read here and by the dialog's name slot. */
export const KIN_BEFORE_NAME =
  '大姨|小姨|大舅|小舅|二姨|三姨|家父|家母|先父|先母|大伯|伯父|伯伯|伯母|叔叔|叔父|婶婶|舅舅|舅妈|姑姑|姑父|姑妈|姨妈|姨父|老头子|老头儿|老头|老太婆|老太太|老太|老爹|老娘|父亲|母亲|爸爸|妈妈|老父亲|老母亲|老伴儿?|爱人|丈夫|妻子|老公|老婆|岳父|岳母|公公|婆婆|爷爷|奶奶|外公|外婆|姥爷|姥姥|哥哥|姐姐|弟弟|妹妹|儿子|女儿|老爷子';
const RELATION_THEN_NAME = new RegExp(
  `(?:辖区|我们社区的?|社区的?)?(?:退休人员|退休职工|退休老人|退休工人|老同志|居民|(?:自管)?小组长|申请人)(?:叫|是|名叫)?[\\s:]?|(?:(?:我|俺|咱)(?:的|家)?)?(?:${KIN_BEFORE_NAME})[\\s:]?|(?:我|俺|咱)(?:的|家)?(?:爸|妈|爹|娘)[\\s:]?`,
  'g',
);
/** "帮居民报个去世：周国平，…", "报丧 张桂兰 身份证…": the name a report's colon (or an opening 报丧) introduces. */
const REPORT_COLON = /(?:(?:去世|过世|逝世|病故|报丧|死亡|登记|报告|申请)[^:：，,。]{0,4}[:：]|^(?:报丧|报个丧|报一下丧)[\s,，]+)\s?/g;
/** A name after a relation word ends at a pause (a three-character name or longer: 我父亲王德明 上礼拜…) … */
const PAUSE_AFTER = /^(?:$|[\s,.;:!?，。、！？；：(（])/;
/** … or where the sentence goes on with a time or an event word (any length: 我母亲郭兰去世了). */
const EVENT_AFTER =
  /^(?:昨|今天|今早|今晚|今年|前天|前晚|大前天|去年|前年|上(?:个|周|星期|礼拜|月|午|次|半年)|这(?:个月|周|星期|礼拜)|本月|[\d零〇一二两三四五六七八九十]{1,4}(?:年|月|号|日)|去世|过世|逝世|病逝|病故|身故|走了|走的|死了|没了|因病|于|已经|身份证|生前|享年)/;

const DEATH_TOLD = /去世|过世|逝世|病逝|病故|身故|走了|死了/;
/** A name between pauses, then 男/女 and an age, or the ID number: "赵雪梅 女 66", "王德发，身份证3301…". */
const PERSON_CARD = /(^|[\s，,])([\u4e00-\u9fa5]{2,4})[\s，,]+(?:(?:男|女)(?:的|性)?[\s，,]*[\d一二三四五六七八九十]{2,3}(?:岁|周岁)?(?=$|[\s，,。])|身份证)/g;
/** "老人12月1日去世", "老先生昨天走了": after a name, the old person named again, then the event. */
const ELDER_THEN_EVENT = new RegExp(`^(?:老人家?|老先生|老太太|老同志)\\s?(?:${EVENT_AFTER.source.slice(1)})`);

function surnameAt(text: string, i: number): string | undefined {
  for (const c of COMPOUND_SURNAMES) if (text.startsWith(c, i)) return c;
  const ch = text[i];
  return ch !== undefined && SINGLE_SURNAMES.has(ch) ? ch : undefined;
}

/**
 * The name starting at `i`, if one does: a surname then one or two given-name characters, stopping
 * before the words that usually follow a name.
 */
function nameAt(text: string, i: number): string | undefined {
  const surname = surnameAt(text, i);
  if (!surname) return undefined;
  const rest = text.slice(i + surname.length, i + surname.length + 12);
  const body = NAME_BODY.exec(rest)?.[0] ?? '';
  let given = '';
  if (body.includes('·')) given = body;
  else {
    for (const ch of body) {
      if (given.length >= 2 || STOP_AFTER_NAME.test(rest.slice(given.length))) break;
      given += ch;
    }
  }
  if (given.length === 0) return undefined;
  return acceptable(surname, given);
}

function acceptable(surname: string, given: string): string | undefined {
  const name = surname + given;
  if (!HAN.test(given)) return undefined;
  if (NOT_NAMES.has(name)) return undefined;
  if (name.length === 2 && name[0] === name[1]) return undefined; // 谢谢, 常常
  if (PLACE_ENDING.test(name)) return undefined; // 余杭区, 金华市
  if (/^(?:一下|一个|一点|一些|下)/.test(given)) return undefined; // 查一下, 戴一下: a verb and 一下
  if (/^某/.test(given)) return undefined; // 李某, 张某某: a name withheld
  if (/^(?:本|今|昨|明|去|前|上|下|这|当)[年月日天周号]/.test(given)) return undefined; // 父亲于本月十七日: 于 + a time
  return name;
}

/** The name at `i` (as nameAt) and, when its given name has two characters, the one-character reading too. */
function namesAt(text: string, i: number): string[] {
  const full = nameAt(text, i);
  if (!full || full.includes('·')) return full ? [full] : [];
  const surname = surnameAt(text, i) as string;
  const out = [full];
  if (full.length - surname.length === 2) {
    const short = acceptable(surname, full.slice(surname.length, -1));
    if (short) out.push(short);
  }
  return out;
}

/** The first name at `i` (longest reading first) that `after` accepts. */
function nameFollowedBy(text: string, i: number, after: (rest: string, name: string) => boolean): string | undefined {
  for (const name of namesAt(text, i)) if (after(text.slice(i + name.length, i + name.length + 8), name)) return name;
  return undefined;
}

/** Staff looking a person up: 查一下王秀英认证了没有, 核实李建国的年审, 帮我查下张桂英的申请. */
const LOOKUP = /(?:查|核实|核对|核查)(?:一下|下|查|询|询一下)?\s?/g;
/** … the name is followed by what is looked up. */
const LOOKUP_AFTER = /^(?:的?(?:资格认证|认证|年审|申请|进度|状态|情况|档案|信息|养老金|待遇|材料)|有没有|是不是|是否|在不在)/;
const lookupAfter = (rest: string): boolean => LOOKUP_AFTER.test(rest);

const writerRoleAfter = (rest: string): boolean => WRITER_ROLE_AFTER.test(rest);
/** 毕业 / 车祸 + a pause are words, not names: a two-character name needs a time or an event word after it. */
/** "我爸刘成 今天早上走了": after a space, the event is a death told ("我爸毕业 今年…" names no one). */
const relationNameAfter = (rest: string, name: string): boolean =>
  EVENT_AFTER.test(rest) || (/^\s/.test(rest) && EVENT_AFTER.test(rest.slice(1)) && DEATH_TOLD.test(rest)) || (name.length >= 3 && PAUSE_AFTER.test(rest));

/** A person's name the text gives; undefined if none. */
const WHAT_IF = /要是|如果|假如|假设|万一|呢[?？。!！]*$/;

export function parseName(text: string, opts: NameOptions = {}): string | undefined {
  const t = text.trim();
  if (t.length === 0) return undefined;
  CUED.lastIndex = 0;
  for (let m = CUED.exec(t); m !== null; m = CUED.exec(t)) {
    const name = nameAt(t, m.index + m[0].length);
    if (name) return name;
  }
  WRITER_IS.lastIndex = 0;
  for (let m = WRITER_IS.exec(t); m !== null; m = WRITER_IS.exec(t)) {
    const name = nameFollowedBy(t, m.index + m[0].length, writerRoleAfter);
    if (name) return name;
  }
  RELATION_THEN_NAME.lastIndex = 0;
  for (let m = RELATION_THEN_NAME.exec(t); m !== null; m = RELATION_THEN_NAME.exec(t)) {
    const name = nameFollowedBy(t, m.index + m[0].length, relationNameAfter);
    if (name) return name;
  }
  REPORT_COLON.lastIndex = 0;
  for (let m = REPORT_COLON.exec(t); m !== null; m = REPORT_COLON.exec(t)) {
    const name = nameFollowedBy(t, m.index + m[0].length, (rest) => PAUSE_AFTER.test(rest));
    if (name) return name;
  }
  // "李秀珍 12月1号去世 …": a message that opens with a name and goes on with when it happened.
  // "周德胜昨天过世了": without a space too, when the message tells a death.
  const told = DEATH_TOLD.test(t);
  // "许阿根老人12月1日去世": a name, the word for the old person, then the death.
  const opening = nameFollowedBy(
    t,
    0,
    (rest) => (EVENT_AFTER.test(rest.trimStart()) && (rest !== rest.trimStart() || told)) || (told && ELDER_THEN_EVENT.test(rest)),
  );
  if (opening) return opening;
  // "帮她申请 赵雪梅 女 66": a name set off by spaces, then the gender and the age, as on a form.
  PERSON_CARD.lastIndex = 0;
  for (let m = PERSON_CARD.exec(t); m !== null; m = PERSON_CARD.exec(t)) {
    const start = m.index + (m[1]?.length ?? 0);
    const name = nameAt(t, start);
    if (name && name === m[2] && surnameAt(t, start) !== undefined) return name;
  }
  LOOKUP.lastIndex = 0;
  for (let m = LOOKUP.exec(t); m !== null; m = LOOKUP.exec(t)) {
    const name = nameFollowedBy(t, m.index + m[0].length, lookupAfter);
    if (name) return name;
  }
  // "那要是自付一万二呢", "那如果是建德呢": a what-if asked while a name waits, whose 那 is no surname.
  if (opts.expected === true && !WHAT_IF.test(t)) {
    const answer = t.replace(LEADING_ANSWER, '').replace(TRAILING_NOISE, '');
    const name = nameAt(answer, 0);
    const after = answer.slice(name?.length ?? 0);
    if (name && (AFTER_BARE_NAME.test(after) || STOP_AFTER_NAME.test(after))) return name;
  }
  return undefined;
}
