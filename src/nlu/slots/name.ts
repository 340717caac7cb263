/**
 * The `name` slot: a person's Chinese name, 2–4 characters starting with a known surname.
 *
 * Taken only where the text says it is a name (他叫张建国, 名字是王秀英, 姓名:李四, 名叫…), or, when the
 * bot has just asked for a name (`expected`), from an answer that starts with one (张建国 / 是张建国 /
 * 我是张建国 / 张建国 330182…). The given name stops before words that usually follow a name (今年, 去世,
 * 的, 身份证 …), so 他叫张建国今年80了 gives 张建国.
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
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'
  ).split(''),
);
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '轩辕', '端木',
  '西门', '独孤', '南宫', '申屠', '澹台', '司徒', '司空', '呼延', '钟离', '闻人', '赫连', '万俟', '拓跋', '百里', '东郭',
];

/** Words that start with a surname character but are not names. */
const NOT_NAMES = new Set([
  '好的', '好吧', '好啊', '谢谢', '谢了', '谢谢你', '谢谢您', '不知道', '不清楚', '不记得', '不是', '不对', '不用', '不要', '不行',
  '没有', '没了', '是的', '是啊', '对的', '对啊', '可以', '知道', '明白', '行吧', '算了', '取消', '你好', '您好', '在吗', '人工',
  '客服', '什么', '怎么', '为什么', '多少', '哪里', '那个', '这个', '还有', '还是', '还没', '时间', '时候', '马上', '高兴', '安心',
  '平安', '文件', '金额', '钱数', '和我', '和他', '成功', '成了', '明天', '明白了', '史上', '江湖', '海里', '国家', '都是', '都有',
  '都行', '应该', '应该是', '全部', '全都', '关于', '关系', '周末', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '孔子',
  '老师', '方便', '方法', '向前', '花钱', '严重', '白天', '高龄', '费用', '于是', '车费', '管理', '管不了', '解决', '时间到',
  '强烈', '原来', '原因', '黄金', '张口', '万一', '万分', '朱红', '程序', '程度', '苏醒', '钟头', '信息', '信用卡', '利息',
  '宁可', '齐全', '任何', '任务', '安排', '连续', '连忙', '段落', '单位', '单独', '党员', '宫殿', '席位', '封面', '章程', '项目',
  '包括', '包含', '华为', '公司', '公安', '公积金', '尚未', '甘心', '和好', '和平', '冷静', '燕子', '楚楚', '仇人', '邱比特',
  '米饭', '支付', '支持', '初一', '初二', '门口', '门卫', '云南', '乐意', '来了', '来电', '都不', '国庆', '平时', '计算', '索赔',
  '相关', '相同', '容易', '普通', '危险', '银行', '元旦', '植物', '富裕', '由于', '居住', '居民', '干部', '干嘛', '但是',
  '戴帽', '邵东', '于都', '金华', '安徽', '江西', '江苏', '海南', '湖南', '广东', '福建', '南京', '南方', '宁波', '温州', '余杭',
  '杭州', '西湖', '萧山', '富阳', '临安', '淳安', '建德', '桐庐', '长沙', '郑州', '聊城', '河南', '钱塘', '上城', '滨江', '拱墅',
  '江干', '下城', '临平', '东方红', '高新区', '文体', '文体活动', '施工', '龚', '卫生', '卫生院', '社区', '街道', '退休', '慰问',
]);

/** What usually follows a name in a run-on sentence: the given name stops before it. */
const STOP_AFTER_NAME = /^(?:今年|去年|前天|昨天|今天|去世|过世|走了|走的|死了|病故|身份证|电话|手机|号码|住院|住在|家住|年龄|出生|生于|男|女|的|是|在|了|他|她|我|啊|呀|吧|呢|哦|嘛|已经|岁|老|同志|先生|女士|师傅|阿姨|叔叔|大爷|大妈|奶奶|爷爷|医生|大夫|护士|老师|主任|书记|经理|科长|局长|处长|队长|组长|社长)/;
/** After a name given as a whole answer. */
const TRAILING_NOISE = /[\s,.!?;:。，、！？~]+$|(?:啊|呀|吧|呢|哦|嘛|的)$/;
const LEADING_ANSWER = /^(?:他|她|我|死者|逝者|老人|本人|名字|姓名)?(?:叫做|叫|是|为|:)\s?/;
/** 名字是 / 姓名: / 名叫, or 叫 after a person (他叫, 我爸叫, 死者叫) — not 这叫 / 叫车 / 叫醒. */
const CUED = /(?:名字|姓名)(?:是|叫|为|:)?\s?|名叫\s?|(?<=[他她我你爸妈伴子儿女者人爷奶婆公哥姐弟妹亲夫妻娘爹舅姨叔伯友员])叫(?:做)?\s?/g;
const HAN = /\p{Script=Han}/u;
const PLACE_ENDING = /[区县市省镇乡村街路院局]$/;
const NAME_BODY = /^[\p{Script=Han}]{1,3}(?:·[\p{Script=Han}]{1,8})?/u;
const AFTER_BARE_NAME = /^(?:$|[\s,.;:，。、!?\d])/;

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
  const name = surname + given;
  if (!HAN.test(given)) return undefined;
  if (NOT_NAMES.has(name)) return undefined;
  if (name.length === 2 && name[0] === name[1]) return undefined; // 谢谢, 常常
  if (PLACE_ENDING.test(name)) return undefined; // 余杭区, 金华市
  return name;
}

/** A person's name the text gives; undefined if none. */
export function parseName(text: string, opts: NameOptions = {}): string | undefined {
  const t = text.trim();
  if (t.length === 0) return undefined;
  CUED.lastIndex = 0;
  for (let m = CUED.exec(t); m !== null; m = CUED.exec(t)) {
    const name = nameAt(t, m.index + m[0].length);
    if (name) return name;
  }
  if (opts.expected === true) {
    const answer = t.replace(LEADING_ANSWER, '').replace(TRAILING_NOISE, '');
    const name = nameAt(answer, 0);
    const after = answer.slice(name?.length ?? 0);
    if (name && (AFTER_BARE_NAME.test(after) || STOP_AFTER_NAME.test(after))) return name;
  }
  return undefined;
}
