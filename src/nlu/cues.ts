/**
 * Cues: the words that tell how a message stands to the conversation, beside what it is about — a question (and
 * which side of a topic it asks about), a follow-up of the last answer, a correction, a cancel, a request to apply.
 * Lexicons only; the dialog engine decides what to do with them. Texts are read normalized (Simplified, half-width).
 */
import type { Aspect } from '../rules/index.ts';

export type { Aspect };

const ASPECT_WORDS: readonly (readonly [Aspect, RegExp])[] = [
  // "是不是二百": a figure put forward to be confirmed.
  [
    'amount',
    /按(什么|啥|哪个)(算|计算|标准|发)|(是不是|就是)[\d零〇一二两三四五六七八九十百千万]+(块|元)?|多少钱|多少元|(拿|领|报|给|发|补)多少|标准是?多少|有多少|多少[?？]?$|上限|封顶|最多(能)?(报|拿|领|给)|按(人头|人数)|(每|一)(个)?人(给)?多少|^(金额|标准|数额|钱数|给多少)[?？]?$|全报|全部报|都能报|报全|全额/,
  ],
  [
    'documents',
    /材料|证明|单子|(要|需要|得|准备|带|交)(啥|什么|哪些)(东西|资料)|(发票|票据).{0,3}(丢|没了|没有|找不到|不见|开不)|(租房|租赁)?(合同|协议)[^，,。？?]{0,3}(要不要|要|得|需要|带)|怎么报销|如何报销|(要|带|准备|需要|凭|提供|开)(什么|啥|哪些)?(票据|发票|证件)|(?<!能|可以)(带|拿)(什么|啥|些|哪些)(?!慰问|钱|补|待遇|好处)(去|来|东西|材料)?(报|办|申请|领)?|准备(什么|啥|哪些)|凭什么|凭啥|证件|(什么|啥|哪种|哪些)(票|发票)|发票.{0,4}(啥样|什么样|哪种|要求)|收据|小票|(要|需要|得)[^，,。]{0,4}发票|发票(吗|不|嘛|伐)|(什么|啥|哪些)手续|手续(怎么|咋)|(发票|票据|材料|证明|单子).{0,3}(有)?(啥|什么|哪些)要求|(能不能|可以|可不可以|能)不(交|带|提供|给)|查询单|复印件|房产证|居住证|凭证|凭据|什么表|啥表|填(什么|啥)|(还|也)?(要|得|需要|用)(交|提供|出示|开)(吗|嘛|么|不|啥|什么)|大数据|(能|可以)查(到|得到)|查得到|系统里|发票.{0,4}(正规|正式)|(正规|正式)的?发票|(能|可以|给)(不能)?报(销)?(吗|不|伐|么)/,
  ],
  [
    'where',
    /(?<![打发转汇存]到)哪里(办|申请|报|去|领)?|(能|可以)(在|去|到)[\u4e00-\u9fa5]{1,6}(做|检|体检|查体)|(去|到|在)(老|新|原来|现在|以前)的?.{0,4}(社区|那边|这边|地方)?(办|报|申请).{0,3}还是|回(老|原来|以前|之前)的?.{0,4}(社区|那边|地方)[^，,。？?]{0,2}(办|报|申请)|哪儿|哪个部门|哪个单位|找谁|向谁|去哪|(?<![打发转汇存])到哪|谁(来)?(办|管|负责|给|发)|哪边|归哪|在哪(办|报|申请)|去社区|找社区|(报|交|告诉|通知|说)给谁|(去|到|在)[^，,。？?]{0,8}(社区|那边|这边)[^，,。？?]{0,2}(办|报|申请)|(跟|和)谁说|(跟|和|向)(他|她)?(原来的?|以前的?)?(厂|单位|企业|公司)里?(说|讲|报)|(原来的?|以前的?)(厂|单位|企业|公司)里?(那边)?[^，,。？?]{0,10}(说|讲|报|告诉|通知)|(户口|户籍)[^，,。？?]{0,6}还是[^，,。？?]{0,8}(住|居住|常住)|(住|居住|常住)[^，,。？?]{0,6}还是[^，,。？?]{0,6}(户口|户籍)|写(哪个|哪里的?|哪边的?)社区/,
  ],
  [
    'payment',
    /发放方式|发放形式|^(怎么发|咋发|怎么给|咋给)[?？]?$|(一定|必须|得)要?(去|到)[^，,。？?]{0,6}(领|拿|取)|上门(送|发|给)|送(上门|到家)|来人|现金|打卡|打到|打进|打给(谁|哪)|发给谁|给谁发|打(我|他|她|给)?[^，,。？?]{0,5}的?卡|银行|卡上|卡里|转账|怎么(发|给)|发到|账户|存折|购物卡|超市卡|代金/,
  ],
  [
    'cost',
    /自己(出|掏|付|花)(钱)?(吗|嘛|不)|(要|得|需要)自己(出|掏|付|花)|(自己)?先(垫|付|出|掏)(钱|付)?|垫(钱|付)|自己(先)?(付|出)钱|要不要(自己)?(出|掏|花|付)钱|自费吗|要钱吗|要不要钱|收费|免费|花钱吗|掏钱吗|出钱吗|(自己|个人)(出|掏)钱/,
  ],
  [
    'definition',
    /(按|是)?(哪一?年|哪个年度|什么时间段)(算|的)|是指|指的是|指什么|指啥|算不算|(?<!还)算[^，,。还档\d]{0,8}(吗|嘛)|属(不属)?于|包括|包不包括|怎么算|咋算|咋个算|如何(计)?算|怎么计算|怎样算|啥意思|什么意思|医保报|(搞|办|组织|有)(些|点)?(啥|什么|哪些)(活动)?$|(活动|都)(搞|办|有)(些|点)?(啥|什么|哪些)|活动内容/,
  ],
  // "啥时候发": when the money comes is what it waits for (考核、公示).
  ['decision', /谁定|谁决定|具体(给|发)?多少|一定(能|给|有)|保证|肯定(能|给)|(啥|什么)时候(发|给|到账|能拿|能领|下来)|几时(发|给)|多久(发|到账|能拿到)/],
  ['publicity', /公示|公式(要)?(几|多少|多久)|公开|贴出[去来]|张贴|贴(几|多少)天|贴多久/],
  ['validity', /有效|管用|过期|失效|到期|还能用|还算数|还作数|作数吗|作不作数|作废|现在还(执行|用|适用)|还在执行|废止/],
  [
    'age',
    /\d+\s*岁|岁以上|[5-9]\d(周岁|岁)?以上|年纪|年龄|周岁|岁数|我[5-9]\d了|[六七八九]十多?了|[五六七八九]十[一二三四五六七八九](岁|周岁)?了|(今年|已经|都)([五六七八九]十[一二三四五六七八九]?|[5-9]\d)/,
  ],
  [
    'eligibility',
    /(?<!打卡|现金|钱)(怎么|咋|如何)(发|给)(的|放)?(呀|啊|呢)?[?？]?$|慰问品|(有|发|给)(没有|没)?(点)?(啥|什么)?东西(发|给)?|参加不了|去不了|不能参加|多少(钱|元|块)?(以上|往上)?才(有|能|给|可以)|(多少|几千|几万)(钱|元|块)?以上(就|才)?(有|能|给|可以|算)|才(能|有|可以)(领|拿|申请)|起付|门槛|有没有我|我的份|符合|条件|资格(?!认证)|谁能|能不能(拿|领|享受)|够不够|怎么选|谁(能|可以)当|选组长|当组长|考核|离休|省管干部/,
  ],
  [
    'deadline',
    /几天(内|之内)?|(多久|多长时间)(能|可以|才能|才|就)?(移交|纳入|转|办好|开始管|归)|(什么|啥)时候(能|可以|才)?(移交|纳入|开始管|转过去|转到|转进|进|归)|多少天|好多天|几多天|(\d+|[一二两三四五六七八九十]+)(天|日)(以内|之内|内)|超过.{0,3}(天|日)|期限|时限|时间(上的)?限制|多久(内|之内|报)|晚报|迟报|现在才|(算|是不是|会不会|有没有)?(太)?晚了|才(来)?报|报晚|逾期|耽误|来得及|来不及|过了.{0,4}(天|月)|上个月.{0,6}(报|走).{0,10}(晚|来得及|还能|要紧|有事|麻烦)|(要不要|需不需要|用不用|得|要)[^，,。？?]{0,3}(报|告诉|告知|通知)给?(社区|街道|社保)/,
  ],
  [
    'pension',
    /不(退|还|交回|退还)(的话)?(会|要)?|退钱|还钱|要(我们)?退|养老金|退休金|退休工资|工资卡|多领|多发|冒领|取出来|已经取了|取走了|(已经|都)(领|花)了|骗(取|的|领)|欺诈|伪造/,
  ],
  [
    'stop',
    /停(发|止|了)?|管到(什么时候|啥时候|哪个月|几月|哪天|哪一天)|(到|至)(什么时候|啥时候|哪个月)为止|(忘了|忘记|没有?|不)(做|认证|去认证|去做)[^，,。？?]{0,4}(会|要)?(咋样|怎样|怎么样|怎么办|咋办|有啥|有什么)|还算(他|她)|还算.{0,10}对象|还算不算|还(在|归).{0,4}管|不(归|由)[^，,。？?]{0,4}管|(下|次)个?月起|不再|哪个月|(这个|当|本)月.{0,6}(纳入|移交|管理|转)|(马上|立刻|立即)就?(归|纳入|移交|转|算)|从(什么时候|啥时候|哪个月|何时)(开始|起)|(什么时候|啥时候|何时)(开始|纳入|移交|算|归|由)/,
  ],
  [
    'benefits',
    /丧葬补助|丧葬费|抚恤|帮(着)?办(什么|啥|哪些)|能帮(什么|啥|忙)|帮(什么|啥)忙|协助(什么|啥)|(协助|帮)[^，,。？?]{0,4}(做|办|干|弄)(点|些)?(什么|啥|哪些)|(帮|协助)[^，,。？?]{0,6}申请[^，,。？?]{0,4}待遇|社区(会|能|要|得|该)?(做|干|管)(点|些)?(什么|啥|哪些)|会不会上门|来不来家|上门(慰问|看看|吊唁)|悼念/,
  ],
  ['group_size', /(一个|每个)?(小组|组).{0,4}(多少|几)(个)?人|人数/],
  [
    'frequency',
    /(去年|上次|前年).{0,8}(今年|这次|还能)|第[二三四2-9两]次|再给|再发(?!票)|(超过|不止|多于)(\d+|一|两|二)次|几次|几回|多久一次|多久(要|得|能|可以|才能)?(做|检|查|体检|领|办|认证)?一次|多长时间一次|一年.{0,3}(几|两|多少)|每年(都)?|(?<!第)[两二三四五六七八九十\d](回|次)|多次|再领|还能领|明年.{0,6}(还|再)|(按|是按)(一)?年(度)?算|多(去|参加|领|拿|要|报|给|来)(一|1|几)(次|回)|再(多)?(去|参加|领|拿|报)(一|1)(次|回)/,
  ],
  [
    'funds',
    /经费|钱(是)?(哪边|谁)出|哪边(发|出|管)|(那边|这边)(发|出)还是|谁出钱|谁出|钱(是)?从哪(里|儿)?(来|出)|从哪(里|儿)?(出|拨|列支)|(哪里|哪儿|哪)(来|出)的钱|(哪笔|哪个|什么)(钱|经费|资金)(出|里出|列支|支出)|资金(来源|从哪)|列支|(资金|经费)?渠道|谁(来)?(承担|掏钱|买单|负担|埋单)/,
  ],
  [
    'backpay',
    /补发|补领|(能|可以|会|还能|给不给|能不能)补(?![助贴充办做认交])|补给|补上|之前的(待遇|钱)|恢复|(找到|出来|回来|放出来|补做|补办|补认证|认证完|做完)[^，,。]{0,3}(以后|之后|了)|(以后|之后)(呢|怎么办|咋办)|停了.{0,4}(咋办|怎么办|咋整)/,
  ],
  [
    'procedure',
    /(怎么|怎样|如何|咋)(申请|领|办|拿|弄|报|检|体检|做|查体)|申请(流程|手续|程序)|(要不要|需不需要|用不用|需要)(去)?(申请|登记|转|迁|办)|(要|得|用)去?(申请|报名|登记)(吗|嘛|么|不)|去哪(领|拿)|(去|来|自己)领(吗|伐|嘛|么|不|啊)?[?？]?$/,
  ],
];

/** The aspects a question asks about, in the order of the table (the first is the one the first line answers). */
export function aspectsOf(text: string): Aspect[] {
  // Asked of the same text by several steps of a turn: the last few answers are kept (a copy is returned).
  let known = recentAspects.get(text);
  if (known === undefined) {
    known = ASPECT_WORDS.filter(([, words]) => words.test(text)).map(([aspect]) => aspect);
    if (recentAspects.size >= 32) recentAspects.delete(recentAspects.keys().next().value as string);
    recentAspects.set(text, known);
  }
  return [...known];
}
const recentAspects = new Map<string, readonly Aspect[]>();

/** A question, by its words ("多少", "怎么", "吗", "能不能"…), not by its topic. */
const QUESTION =
  /[?？]|吗|干嘛|有[没冇]得|要不要紧|要紧不|上限[?？。]?$|封顶[?？。]?$|怎么办|还是.{1,12}(啊|呀|呢|吧)$|(找|去|问|归|由)[^，,。？?]{1,8}还是(找|去|问|归|由)?[^，,。？?]{1,8}$|(会|要)?怎(么)?样$|不知道(该|要|怎么|咋|如何|先|从)|嘛|么[?？。]?$|多少|多久|多长时间|何时|几时|(?<![好十一两])几(个|次|天|年|号|月|岁|人|块|回|位|名|种|样|处|份|项|条|分|类|级|家|所|户)|多大|多高|多长|多远|怎么|咋|啥|什么|哪|谁|能不能|可不可以|要不要|有没有|是不是|会不会|需不需要|行不行|算不算|够不够|伐$|(?<=[\u4e00-\u9fa5]{2})的吧[?？。]?$|也(行|可以|能|算)的?吧[?？。]?$|(?:也(?=[有是能会算给发要])|还(?=[有能会给发]))(有|是|能|会|算|给|发|要)[^，,。？?\s]{0,6}吧[?？。]?$|(有|是|对|能|会|算)的?吧([?？]?$|[\s，,][^\s，,？?]{1,8}$)|不[?？]?$|(?<=[\u4e00-\u9fa5])不[\s，,][^\s，,？?]{1,8}$|[吗呢][。!！]?$|呢[?？]?$|^(是|就是|应该是)[^，,。？?]{1,12}吧[?？。]?$|(标准|渠道|方式|比例|期限|时限|条件|流程|手续|人数|员数|户数|份数|次数)[?？。]?$/;
/** "…能领慰问金不", "…能领慰问金不 西湖区": 不 closing the question, a short tail (the district) after it allowed. */
const ENDING_NOT = String.raw`(?<=[\u4e00-\u9fa5\d])不[?？]?(?=$|[\s，,][^\s，,？?]{1,8}$)`;
/** Yes/no questions: the first line answers with yes or no. */
const YES_NO = new RegExp(
  String.raw`吗([?？。!！，,\s]|$)|${ENDING_NOT}|(是|对)的?吧[?？。]?$|(?<=[\u4e00-\u9fa5]{2})的吧[?？。]?$|也(行|可以|能|算)的?吧[?？。]?$|(?:也(?=[有是能会算给发要])|还(?=[有能会给发]))(有|是|能|会|算|给|发|要)[^，,。？?\s]{0,6}吧[?？。]?$|能不能|可不可以|要不要|有没有|是不是|会不会|需不需要|行不行|算不算|够不够|发不发|给不给|报不报|用不用|伐[?？]?$`,
);

/** Where a yes/no question closes (吗, or 不 at the end): the verb it turns on comes before. */
const ASKED_AT_END = new RegExp(String.raw`吗([?？。!！，,\s]|$)|${ENDING_NOT}|伐[?？]?$`);

/** "发不发", "给没给": a verb asked both ways. */
const EITHER_WAY = /([\u4e00-\u9fa5])[不没]\1/;
export const isQuestion = (text: string): boolean => QUESTION.test(text) || EITHER_WAY.test(text);
export const isYesNoQuestion = (text: string): boolean => YES_NO.test(text);

/** "那建德呢", "要是自付五万呢", "换成萧山": the last question asked again with one thing changed. */
const FOLLOW_UP = /^(那|那么|还有|换成|如果|要是|假如|假设|若是|改成|其中)|呢([?？。!！]*$|[，,\s])|的话|那(一)?块(是|的|要|有)?多少/;
export const isFollowUp = (text: string): boolean => FOLLOW_UP.test(text.trim());

/** "不对，是一万五", "写错了", "应该是前天": a correction of something said before. */
const CORRECTION = /不对|错了|说错|写错|搞错|弄错|打错|记错|(?<!是)不是.{0,8}(是|而是)|应该是|改成|改为|更正|纠正/;
export const isCorrection = (text: string): boolean => CORRECTION.test(text);

/** "算了不办了", "先不报了", "取消": whatever waits is dropped (a correction that follows it is not a cancel). */
const CANCEL =
  /^(算了|不办了|不报了|不弄了|不登记了|不申请了|取消|先不(办|报|登记|申请|弄)了?|先别(提交|登记|报|办|交))|(算了|不办了|不报了|先不报了?|不登记了|不弄了)[，,。!！]|^不用(办|报|登记)了/;
/** "那算了 不申请了", "那这个先撤掉", "那俺这就不报了", "…那就不用了 算了": the cancel said last, after whatever leads into it. */
const CANCEL_AT_END = /((不办|不报|不弄|不登记|不申请|不整|撤掉|撤回|撤销|作废|取消)了?|算了)(吧|啊|哈|咯|嘞)?[。!！~\s]*$/;
export const isCancel = (text: string): boolean => {
  const t = text.trim();
  return CANCEL.test(t) || (CANCEL_AT_END.test(t) && !isQuestion(t.replace(/(吧|啊|哈|咯|嘞)[。!！~\s]*$/, '')));
};

/**
 * "帮我登记", "那帮我申请一下", "报销一下", "我要报名": doing the thing just talked about. Short, with no topic of its
 * own; what it applies to is the topic in front of the user.
 */
const APPLY = /(登记|申请|报销|报个?名|预约|办理?|报一下|提交|弄一下|上报|(报|交|递|提)上去|报(吧|了吧|呗)?$)/;
const APPLY_FILLER = /^(那|那么|好|好的|嗯|行|对)?[，,\s]*(就)?(请|麻烦|帮|给)?(我|你|您)?(帮我|给我|替我)?(要|想|去)?(帮(我|忙)?)?(我爸|我妈|老人|他|她)?/;
/** The text without the districts, counties and cities it names as words ("西湖区的", "建德市"). */
export const withoutPlaces = (text: string): string => text.replace(/[\u4e00-\u9fa5]{1,3}(?<!社)(区|县|市)(的)?/g, '');

export function isApplyRequest(text: string): boolean {
  // "我住院了，帮我登记": what is said before the request is context; the last clause asks.
  const clauses = text.split(/[，,；;\s]/).filter((c) => c.trim() !== '');
  if (clauses.length > 1 && isApplyRequest(clauses[clauses.length - 1] ?? '')) return !isQuestion(clauses.slice(0, -1).join('，'));
  const t = text.trim().replace(/[。！!.~]+$/, '');
  if (t.length > 16 || isQuestion(t.replace(/吧$/, ''))) return false;
  const rest = t.replace(APPLY_FILLER, '');
  // "那帮我报上去 西湖区的": who for and the district named beside the request add nothing to it.
  if (/(不用|不要|别|甭|不想|不必|无需)(再)?(帮我|给我)?(登记|申请|报|办)/.test(t)) return false;
  const left = withoutPlaces(rest.replace(APPLY, '').replace(/帮我|给我|替我/g, ''));
  return APPLY.test(rest) && left.replace(/[一下吧了个呗啊呀的这那\s]/g, '').length <= 4;
}

/** "我要申请大病慰问", "帮我爸登记住院慰问": a message that asks to apply, not only to know. */
export const wantsToApply = (text: string): boolean =>
  /(我要|我想|我想要|我来|帮我|给我|替我|(帮|给|替)(他|她|我爸|我妈|老人))(申请|登记|报个?名|报销)/.test(text) ||
  // "帮上城区的退休职工周师傅登记住院慰问": staff registering someone named for an item.
  /(帮|给|替)[^，,。？?吗]{1,14}(登记|申请)(一下|个)?(住院|大病|体检|小组长)/.test(text) ||
  // "好 帮我办 从上城搬过来的", "那帮我报了 户口西湖区": the request, whatever facts follow it.
  /(帮我|给我|替我|(帮|给|替)(他|她|我爸|我妈|老人))(办|报)(理|一下|了|吧|上去)?(?=$|[\s，,。！!]|转移|转关系)/.test(text) ||
  /(帮|给|替)(我|他|她|我爸|我妈|老人)?把.{1,10}(申请|登记|报个?名|报销)/.test(text) ||
  // "申请大病慰问要带啥子材料" asks what applying needs: a question, not yet a request.
  (/^(先|那|就)?(想|要|想要)?(申请|登记|报个?名)/.test(text.trim()) && !isQuestion(text.trim().split(/[\s，,]/)[0] ?? '')) ||
  /(^|[\s，,。了])(想|想要|要)(申请|登记|报个?名)(?![吗嘛么不])/.test(text) ||
  // "… 自付一万一 申请大病慰问", "拱墅 自付一万四 申请大病慰问 我叫孙梅": a clause that is only 申请 and the item
  // asks for it (a message that is a question asks what applying needs).
  (/(^|[\s，,。])(申请|登记)(一下)?(大病|住院|体检|小组长|自管小组长)[^\s，,。？?吗]{0,6}(?=$|[\s，,。])/.test(text) && !isQuestion(text)) ||
  // "整一个申请嘛", "给我弄个登记": dialect for "do one".
  /(整|弄|搞|办|帮我|给我)(一)?(个|下)(申请|登记)/.test(text) ||
  // "帮我办个住院慰问", "给我弄一下体检报销": the item named, done for them.
  /(帮我|给我|替我|我要|我想|帮(他|她|老人))(办|弄|整|搞)(一)?(个|下|一下)?[^，,。？?]{0,6}(慰问|报销|补助)/.test(text);

/** "依据是哪一条", "出处呢": the clause of the answer just given. */
export const asksBasis = (text: string): boolean => /依据|哪一?条|出处|根据(什么|哪)|哪个文件|什么文件|文件.{0,3}(规定|怎么说)/.test(text) && text.length <= 16;

/** Staff asking for the whole year's entitlements of a profile, not for one item. */
export const asksSummary = (text: string): boolean =>
  /全年|汇总|所有待遇|全部待遇|都能(拿|享受|领)|(能|可以)(拿|享受|领)哪些|哪些(待遇|慰问)|一年能享受|(全部|所有的?|每一?项)(都)?(列|说|讲|报)(一下|一遍|出来|下)/.test(
    text,
  );

/**
 * The topic a short message names by its item word ("住院呢", "那丧事的呢", "体检那块呢"): what a follow-up switches
 * to while keeping the rest of the question. Intent ids of the NLU; null when no item is named.
 */
const ITEMS: readonly (readonly [string, RegExp])[] = [
  ['serious_illness_consolation', /大病/],
  ['hospitalization_consolation', /住院/],
  // "一直忙丧事", "办完丧事": the funeral itself told, not its money asked.
  ['funeral_consolation', /(?<!(忙|办|料理|操办|弄|张罗|办完|忙完)(了)?)(丧事|丧葬|白事|丧礼)(?!(办完|忙完|弄完))/],
  ['group_leader_subsidy', /小组长|组长/],
  ['health_checkup', /体检/],
  ['group_activity', /文体|活动/],
  ['festival_consolation', /节日|过节|过年|年节|春节|端午|中秋|重阳/],
  ['pension_certification', /认证/],
  // "那帮我办转移" after a festival question asked mid-move: the move's own word.
  ['transfer_management', /(?<!档案)转移|转关系|关系(要|能)?转/],
  // Money asked after a death, with no item named ("有没有什么钱", "社区有没有慰问金"): the funeral consolation.
  ['funeral_consolation', /慰问金|慰问费|什么钱|有没有钱|(走了|去世|过世|没了)[^，,。？?]{0,4}(有啥|有什么|给啥|给什么)/],
];
export function itemIntentOf(text: string): string | null {
  return ITEMS.find(([, words]) => words.test(text))?.[0] ?? null;
}

/** The items by name (the catch-all money words left out), to find every mention. */
const EVERY_MENTION = ITEMS.slice(0, -1).map(([intent, words]) => [intent, new RegExp(words.source, 'g')] as const);

/** "上个月住院领过慰问金…丧事慰问还能领不": of several items named, the one named last is the one asked about. */
export function askedItemIntentOf(text: string): string | null {
  let best: { intent: string; at: number } | null = null;
  for (const [intent, words] of EVERY_MENTION) {
    const last = [...text.matchAll(words)].at(-1)?.index;
    if (last !== undefined && (best === null || last > best.at)) best = { intent, at: last };
  }
  return best?.intent ?? itemIntentOf(text);
}

const REPORT_AFTER_DEATH = /(去世|过世|走了|病故|离世)[^？?]{0,24}(要报告|要报|来报|报一下|报告一下|要登记|登记一下|上报)/;
const ASKS_BY_WHEN = /几|多少|多久|天内|期限|时限|什么时候|啥时候|哪天/;
function reportedAfterDeath(text: string): boolean {
  const m = REPORT_AFTER_DEATH.exec(text);
  return m !== null && !ASKS_BY_WHEN.test(m[0]);
}

/** "登记一个去世", "要报告我父亲去世": a death reported in so many words (a report, whatever else the message asks). */
export const reportsDeath = (text: string): boolean =>
  /(要报|报告|报个|报一下|报丧|登记|上报)[^，,。？?]{0,6}(去世|过世|走了|死亡|病故)|报丧(?=[。.!！，,\s]|$)|报个丧/.test(text) ||
  // "报去世 是我公公", "办一下去世登记": the report named by its own words.
  /(^|[\s，,])报(个|一下)?(去世|死亡|过世)|(办|要|帮我|来|做)[^，,。？?]{0,3}(去世|死亡|过世)(登记|报告)/.test(text) ||
  // "老伴走了 慰问金能不能打到我卡上": one's own family member's death told is a report, whatever else is asked.
  toldOwnDeath(text) ||
  // "我母亲去世了 拱墅区 要报告": the report asked for after the death is told ("去世了几天内要报告" asks by when).
  reportedAfterDeath(text) ||
  // "她叫沈美华 身份证330105… 12月4号走的": a death told with the deceased's numbers is a report.
  (DEATH_WORDS.test(text) && /\d{17}[\dXx]|(?<!\d)1[3-9]\d{9}(?!\d)/.test(text));

/** "老伴走了", "俺爹半个月前没嘞": a death in the writer's own family, told. */
const OWN_DEATH =
  /(我|俺|咱)?(的|家)?(爸|妈|爹|娘|父亲|母亲|老伴|爱人|老公|老婆|丈夫|妻子|公公|婆婆|岳父|岳母|爷爷|奶奶|外公|外婆|姥姥|姥爷|老头子?|老太婆?)[^，,。？?]{0,10}(去世|走了|过世|没了|没嘞|没啦|病故|离世|(号|日|月|天|周|旬|底|初|前)走的)/;
/** "我老伴去年走了 我现在一个人住": a death long past is the writer's circumstances, not news to report. */
const LONG_AGO = /去年|前年|年前|早就|好几年|多年|那年/;
/** "要是…", "如果…": a case supposed, not a fact told. */
export const SUPPOSING = /要是|如果|假如|假设|万一|若是/;
/** "老伴要是以后走了", "万一我走了": a death supposed, asked about ahead, not told. */
const SUPPOSED = new RegExp(`(${SUPPOSING.source}|哪天|以后|将来|到时候?)[^，,。？?]{0,6}(去世|走了|过世|没了|病故|离世)`);
function toldOwnDeath(text: string): boolean {
  return OWN_DEATH.test(text) && !LONG_AGO.test(text) && !THIRD_PERSON.test(text) && !SUPPOSED.test(text);
}

/** "有个独居老人今年老伴走了", "有位退休的": someone else's story, told of in the third person. */
export const THIRD_PERSON = /(有个|有位|有一个|有一位)[^，,。？?]{0,6}(老人|退休|老太|老头|老同志|大爷|大妈)/;

/** A death named in so many words is a report, whatever was talked about before. */
// "俺爹…昨儿个下午老了": 老了 after a parent's word, in northern speech, is a death.
const DEATH_WORDS =
  /去世|走了|(上个月|昨天|前天|今天|昨晚|上周|上礼拜|号|日|月|旬|月底|月初|去年)走的|过世|过辈|死|病故|报(个|一下|一个)?丧|不在了|走脱|老了人|仙逝|辞世|离世|人没了|(爹|娘|爸|妈|老伴|老头|老太)[^，,。？?]{0,8}没(了|嘞|啦)|(爹|娘|爸|妈|爷|奶|老伴|老头|老太)[^，,。？?]{0,12}老了([，,。\s]|$)/;
export const namesDeath = (text: string): boolean => DEATH_WORDS.test(text);

/** The most a question about one side of the topic in front ("要带什么材料", "找谁申请") says around its cue words. */
const BARE = 14;
/**
 * "要带什么材料", "这个是找谁申请的": a short question about one side of something, naming no topic — it asks about
 * the topic in front of the user, whatever a classifier makes of it alone.
 */
export function isBareAspectQuestion(text: string): boolean {
  const t = text.replace(/[\s，,。.!！?？~]/g, '');
  return t.length <= BARE && aspectsOf(t).length > 0 && itemIntentOf(t) === null && !namesDeath(t);
}

/** "有没有" → 有 / 没有, "能不能" → 能 / 不能, "…能报销吗" → 能 / 不能: the yes and the no a yes/no question asks for. */
export function verdictWords(text: string): { readonly yes: string; readonly no: string } | null {
  // "材料不一样吗", "有区别吗": a comparison, answered by what each case needs, not by yes or no.
  if (/一样|区别|相同|差别|不同/.test(text)) return null;
  // "晚了十来天 要不要紧": whether it matters, not whether something is wanted.
  if (/要不要紧|要紧不|要紧吗|有没有关系|有关系吗|有影响吗|有没有影响/.test(text)) return { yes: '有点晚了', no: '不要紧' };
  if (/一定|肯定|保证|必须/.test(text) && YES_NO.test(text)) return { yes: '一定', no: '不一定' };
  if (/管用|有效|还能用|还算数|作数|算数|过期|失效|作废/.test(text) && YES_NO.test(text)) return { yes: '有效', no: '已到期' };
  if (/可不可以|可以不可以/.test(text)) return { yes: '可以', no: '不可以' };
  // "那我去钱塘那边社区办是吧": a tag question, answered 是 or 不是.
  if (/(是|对)(的)?吧[?？。]?$|^(是|就是|应该是)[^，,。？?]{1,12}吧[?？。]?$/.test(text)) return { yes: '是', no: '不是' };
  // "发票是上海医院开的 也行吧": whether it will do.
  if (/也(行|可以|能|算)的?吧[?？。]?$/.test(text)) return { yes: '可以', no: '不行' };
  // "临平那边过节也有慰问吧": a tag question on its verb.
  const also = /(?:也(?=[有是能会算给发要])|还(?=[有能会给发]))(有|是|能|会|算|给|发|要)[^，,。？?\s]{0,6}吧[?？。]?$/.exec(text)?.[1];
  if (also) return { yes: also, no: also === '有' ? '没有' : also === '要' ? '不用' : `不${also}` };
  if (/来得及|来不及/.test(text) && YES_NO.test(text)) return { yes: '来得及', no: '来不及' };
  // "超过30天了没有": whether a deadline has passed.
  if (/(超过|过了)[^，,。？?]{0,4}(天|日|月|期限|时间)[^，,。？?]{0,4}(没有|没|吗)/.test(text)) return { yes: '已经超过了', no: '没有超过' };
  const m = /(有|能|可以|要|需要|是|会|发|给|用|算|够|行|报)(没|不)\1/.exec(text);
  // "…在南京体检能报销吗": the verb the question turns on is the last one before 吗.
  // "…能恢复不": 不 at the end asks as 吗 does.
  const ma = m ? null : ASKED_AT_END.exec(text);
  // "还发吗", "还给不": 发/给 asked only after 还/都/也/再 (发票, 发到群里 are no verbs asked).
  const verbs = ma ? [...text.slice(0, ma.index).matchAll(/需要|可以|能|有|(?<!社)会|要|是|算|用|(?<!银)行|(?<=[还都也再])(?:发|给|管)(?!票|到)/g)] : [];
  // "能取出来用不": the modal asked (能, 可以) is the question, not the verb after it.
  // "大数据能查到的还要交吗": a modal inside a clause (…的) is not the one asked.
  const end = ma?.index ?? text.length;
  // "要是系统里能查到呢 还要开吗": a modal of an earlier clause is not the one asked either.
  const modal = verbs.filter((v) => (v[0] === '能' || v[0] === '可以') && !/[的呢，,]/.test(text.slice(v.index, end))).pop();
  const asked = modal ?? verbs.pop() ?? null;
  // "列不列入", "去不去": any verb asked both ways.
  const either = m || asked ? null : /([\u4e00-\u9fa5])[不没]\1([入进到上]?)/.exec(text);
  const verb = m?.[1] ?? asked?.[0] ?? (either ? `${either[1]}${either[2]}` : undefined);
  if (!verb) return null;
  // "还要交吗" → 不用: "不要" would sound like a refusal.
  return { yes: verb, no: verb === '有' ? '没有' : verb === '要' ? '不用' : `不${verb}` };
}

/** "要去申请吗", "需要证明吗": the question asks whether something is needed, not whether the money is due. */
export const asksIfNeeded = (words: { readonly yes: string }): boolean => /^(要|需要|用)$/.test(words.yes);

/** "我住拱墅区的", "俺是建德的", "我家在滨江": where the writer lives, told before any question. */
export const saysWhereTheyLive = (text: string): boolean => /(我|俺|咱|家)(们)?(就)?(住|是|在|家在|属于|户口在)|的退休(工人|职工|人员|老人|干部)/.test(text);

/** A fact that says no ("不发现金", "相关待遇不补发", "不予受理"), as against a limit ("不少于7天", "不超过500元"). */
const SAYS_NO =
  /不(发|给|能|可以|予|补|得|会|用|需要|要|算|享受|纳入|在|提供|交|移交)|没有|无需|无须|不可|停止|停发|同时暂停|暂停(列入|发放|享受)|根据.{0,10}确定|到期|失效|废止/;
/** "因故不能参加的，": a condition, whose 不 says who, not no. */
const CONDITION = /[^，,；;。]*的[，,]/g;
export const saysNo = (line: string): boolean => SAYS_NO.test(line.replace(CONDITION, ''));

/** A line's bracketed exception ("住院证明（能通过大数据核验的可以不提供）"). */
const BRACKETED = /[（(]([^）)]+)[）)]/;
/** The line without its bracketed exceptions. */
const EVERY_BRACKETED = new RegExp(BRACKETED.source, 'g');
export const withoutBrackets = (line: string): string => line.replace(EVERY_BRACKETED, '');
/** Whether the line's bracketed exception lets one go without ("可以不提供"). */
export const exceptionExcuses = (line: string): boolean => /可以不|可不/.test(BRACKETED.exec(line)?.[1] ?? '');

/**
 * "大数据能查到的还要交吗" answered by "查询单（能通过大数据核验的可以不提供）": a question about the exception in
 * brackets is answered by the exception. The bracket's words the question shares (two characters at least, not in the
 * line outside the bracket) tell; null when it asks about the line itself.
 */
const CHECKED_ONLINE = /(系统|网上|电脑)里?(能|可以)?查(得)?到|(能|可以)查(得)?到/g;
export function exceptionAsked(asked: string, line: string): string | null {
  // "医院系统里能查到呢": a check the system makes is the text's 核验.
  const question = asked.replace(CHECKED_ONLINE, '核验');
  const inBrackets = BRACKETED.exec(line);
  if (!inBrackets?.[1]) return null;
  const outside = line.replace(inBrackets[0], '');
  const exception = inBrackets[1];
  for (let i = 0; i + 2 <= question.length; i++) {
    const pair = question.slice(i, i + 2);
    if (/^[\u4e00-\u9fa5]{2}$/.test(pair) && exception.includes(pair) && !outside.includes(pair)) return exception;
  }
  return null;
}

/** "退管工作经费每人多少", "预算怎么算": a line of the budget that is no one's entitlement — a budget question whoever asks. */
export const namesBudgetLine = (text: string): boolean =>
  /(退管)?工作经费|服务关怀经费|公共服务经费|经费预算|年预算|预算(标准|安排)|拨付|清算|管理费/.test(text);

/** "公示会把我身份证号公开吗", "会不会发到群里": whether personal data is shown to others. */
const PRIVATE_DATA = '(身份证|电话|手机号?|住址|地址|银行卡|卡号|困难(情况|状况)|家庭情况|隐私|个人信息|号码)';
const SHOWN =
  '(公开|发到群|发群里|发在群|群里|泄露|泄漏|曝光|外传|别人(看到|知道)|被人看到|贴出|公示出来|写上去|登出来|(给|告诉|透露给)(别人|外人|其他人|别的人))';
/** "公示啥内容", "公示上写些什么": what a 公示 shows is the same limit. */
const SHOWN_ON_NOTICE = '公示(的|出来的|上)?(写|包括|有|公开)?(啥|什么|哪些)(内容|信息|东西)?';
// "公示要不要写家庭住址": a personal field asked of the 公示 itself.
const PRIVACY = new RegExp(`${PRIVATE_DATA}.{0,12}${SHOWN}|${SHOWN}.{0,8}${PRIVATE_DATA}|公示[^，,。？?]{0,8}${PRIVATE_DATA}|隐私|${SHOWN_ON_NOTICE}`);
export const asksAboutPrivacy = (text: string): boolean => PRIVACY.test(text) && isQuestion(text);

/** "把13楼李阿姨的身份证号和电话发一下群里": someone's personal data asked to be sent out. */
const DISCLOSE = new RegExp(
  `(把|将)?[^，,。？?]{0,10}(的)?${PRIVATE_DATA}[^，,。？?]{0,6}(发|贴|告诉|报|念|给|转|私发)(一下|下|给)?[^，,。？?]{0,4}(群|大家|我|出来)|(发|贴|告诉|报|给)(一下|下)?(我|大家|群里)[^，,。？?]{0,10}${PRIVATE_DATA}`,
);
export const asksToDisclose = (text: string): boolean => {
  // "让工作人员打电话给我" asks for a call, not for a number.
  const said = text.replace(/[打回来接通](个|一个|一通|通|一下)?电话/g, '　');
  return DISCLOSE.test(said) && !/^我(的)?(身份证|电话|手机)/.test(said) && !asksAboutPrivacy(text);
};

/** "身份证号呢", "年龄呢": a field a 公示 could show or must not. */
/** The fields a 公示 shows (004 五(三): 姓名、性别、年龄、慰问（发放）金额). */
const SHOWN_FIELD = '(姓名|名字|性别|年龄|岁数|金额|钱数)';
const PRIVATE_DATA_NAMED = new RegExp(PRIVATE_DATA);
const FIELDS_NAMED = new RegExp(`${PRIVATE_DATA}|${SHOWN_FIELD}`, 'g');
const FIELD_NAMED = new RegExp(FIELDS_NAMED.source);
const ONLY_SHOWN_FIELD = new RegExp(`^${SHOWN_FIELD}$`);
export const namesPersonalField = (text: string): boolean => FIELD_NAMED.test(text);

/**
 * "年龄要写吗" → true, "身份证号呢" → false: whether the field named last goes on a 公示; null when none is named. The
 * last, as a follow-up is read after the question it follows ("…住址 金额要不要写").
 */
export function lastFieldShown(text: string): boolean | null {
  const field = [...text.matchAll(FIELDS_NAMED)].at(-1)?.[0];
  return field === undefined ? null : ONLY_SHOWN_FIELD.test(field);
}

/** "年龄要写吗", "金额公示不公示": a field a 公示 does show (004 五(三)), asked of it. */
const PUBLISHED_FIELD = new RegExp(`${SHOWN_FIELD}[^，,。？?]{0,6}(写|公示|公开|列出|登出|贴出)`);
export const asksAboutPublishedField = (text: string): boolean => PUBLISHED_FIELD.test(text) && !PRIVATE_DATA_NAMED.test(text) && isQuestion(text);

/** "算不算专项资金保障对象": whether this fund covers someone, as against whether they get the money at all. */
export const asksAboutTheFund = (text: string): boolean => /专项资金|保障对象|列入|纳入.{0,4}(资金|保障)/.test(text);

/** "养老金给停了", "没去认证 退休金停发了": the writer's own pension told as stopped, not asked whether it stops. */
export const tellsPensionSuspended = (text: string): boolean =>
  /(养老金|养老待遇|退休金|退休工资|待遇)[^，,。？?\s]{0,8}(暂停了|停了|停发了|被停|被暂停|给停|停掉了|暂停的|停发的|被停的)/.test(text);

/** Whose former employer the retiree had, where the texts make an exception for it (省部属 → original channel). */
/** "那我哥…", "他在建德…": a message about someone other than the writer. */
export const aboutSomeoneElse = (text: string): boolean => /我(哥|姐|弟|妹|爸|妈|父亲|母亲|老伴|爱人|老公|老婆|朋友|邻居|亲戚|同事)|(?<![其])他|她/.test(text);

/** "一般企业退休的", "不是省属的", "编外的" (004 二(一) 纳入): none of the exceptions. */
export const saysOrdinaryEmployer = (text: string): boolean =>
  /一般企业|普通企业|(?<!省)(市属|区属|县属|地方)(国有)?企业|(市|区|县)(里|级)?的?(国企|企业)|不是(省属|省部属|部属|省直属|央企|中央企业|私营|民营|私企)|编外|民办非企业|社会组织|灵活就业/.test(
    text,
  );

export function employerOf(text: string): 'provincial_ministerial' | 'central_or_provincial_not_local' | 'support_outside_returned' | 'private' | undefined {
  if (saysOrdinaryEmployer(text)) return undefined;
  if (/支援外地建设/.test(text)) return 'support_outside_returned';
  if (/(不在|没在|非)(在)?建德?参保|央企|中央企业|中央下放/.test(text)) return 'central_or_provincial_not_local';
  if (/省部属|省属|部属|省直属/.test(text)) return 'provincial_ministerial';
  if (/私营|民营|私企|私人(企业|公司|老板)|个体/.test(text)) return 'private';
  return undefined;
}

/** "谁定", "多少", "哪里": a question asking who, what, where or how much, which no yes or no answers. */
export const asksWh = (text: string): boolean => /谁|什么|啥|哪|多少|几|怎么|咋/.test(text);

/** "在建德参保的", "本地参保": insured where they are managed (no 不在/没在 before it). */
export const insuredLocally = (text: string): boolean =>
  /(?<![不没非])在?(建德|本地|当地|这里|这边)参保/.test(text) && !/(不在|没在|非)在?(建德|本地|当地|这里|这边)参保/.test(text);

/** A request for a person, in so many words ("我要找人工", "让社区的人给我打电话"). */
export const asksForPerson = (text: string): boolean => /人工|真人|工作人员|客服|找人|转人|找社区的?人|社区.{0,4}(联系|打电话|回电)|给我打(个)?电话/.test(text);

/** "有没有住院慰问", "有吗，要带啥": whether there is one at all, which the figure answers beside the side asked. */
export const asksWhetherAny = (text: string): boolean => /有没有|有吗|有的吗|有多少|能(不能)?(领|拿)|可以(领|拿)/.test(text);

/** "这个文件", "那个办法", "这政策": the text just answered from. */
export const namesThisText = (text: string): boolean => /(这|那)(个|份)?(文件|办法|政策|规定|意见|文)/.test(text);

/** "…吗", "能不能…", "我要…", "让…": asked for, not told about ("社区工作人员说要带户口本" is no request). */
export const isQuestionOrWish = (text: string): boolean => isQuestion(text) || /我要|我想|请|让|麻烦|帮我/.test(text);

/**
 * The budget items a staff line names, in the order of the budget table (ids of the rules' budget rows). `loose`
 * takes a bare 活动 too, where the budget is already the topic ("活动那块呢"); otherwise 活动 must come with 经费.
 */
const BUDGET_ITEMS: readonly (readonly [string, RegExp])[] = [
  ['service_care', /服务关怀|关怀经费/],
  ['health_check', /体检/],
  ['group_activity', /文体|活动.{0,2}经费/],
  ['festival', /节日|过节/],
  ['work_funds', /退管(工作)?经费|工作经费/],
];
export function budgetItemsIn(text: string, loose = false): string[] {
  const named = BUDGET_ITEMS.filter(([, words]) => words.test(text)).map(([item]) => item);
  return loose && !named.includes('group_activity') && /活动/.test(text) ? [...named, 'group_activity'] : named;
}

/** The two-character words of a text (Han only), for telling which of several lines a question is about. */
export function wordPairs(text: string): Set<string> {
  const out = new Set<string>();
  const han = text.replace(/[^\u4e00-\u9fa5]/g, ' ');
  for (let i = 0; i + 1 < han.length; i++) if (han[i] !== ' ' && han[i + 1] !== ' ') out.add(han.slice(i, i + 2));
  return out;
}

/** Words that name a topic, not what is asked of it: every line of its answer may carry them. */
const TOPIC_PAIRS = new Set(
  '慰问 问费 问金 补助 组长 小组 自管 管小 组文 文体 体活 活动 体检 大病 住院 丧事 节日 认证 资格 养老 老金 管理 社会 会化 退休 休人 人员 经费'.split(' '),
);

/** How people say what the texts name otherwise ("失联" is the text's 下落不明). */
const PLAIN_TO_TEXT: readonly (readonly [RegExp, string])[] = [
  [/失联|联系不上|找不到人|人找不到|失踪|走丢|走失|没找到|找不着/, '下落不明'],
  [/坐牢|判刑|服刑|关进去|进监狱|蹲监狱/, '判刑收监'],
  [/两份|两头领|领两份|重复领/, '重复领取'],
  [/骗(了|的|去|走|钱)|伪造|造假|假材料|欺诈/, '骗取 退回'],
  // "住在长沙市里的去哪报到": inside the city, as against 市外 (002 第十二条(一): 到其常年居住地的社区报到).
  [/(市|城)(里|内)(的|住)|住(在)?[\u4e00-\u9fa5]{0,3}市(里|内)|本市/, '常年居住地 社区报到'],
  // "不退会咋样": what happens to money not given back.
  [/不(退|还|交回|退还)|拒不|赖着不/, '追回 多发 退回'],
  [/地址|门牌|住哪/, '住址'],
  [/贴出|公布|挂出|泄露|透露|让人看到/, '公开'],
  [/手机号|电话号/, '电话'],
  [/卡号/, '银行卡'],
  [/交给社区|归社区管|转到社区/, '移交社区'],
  [/腿脚不好|出不了门|走不动|下不了楼|瘫痪|卧床|行动不方便/, '行动不便'],
  // "以前厂里发的补贴呢": what retirees already had before the hand-over.
  [/(原来|以前|之前|原先|过去|老早)[^，,。？?]{0,6}(发|享受|领|拿|给)/, '现有 已享受'],
];

/** The question with the texts' words for what it says plainly added ("失联" → 下落不明). */
export const inTextWords = (question: string): string => PLAIN_TO_TEXT.reduce((q, [plain, word]) => (plain.test(q) ? `${q} ${word}` : q), question);

/** Of several lines, the one sharing most (at least two) two-character words with the question; else the first (or none). */
export function lineAbout(question: string, lines: readonly string[], orFirst = true): string | undefined {
  const asked = new Set([...wordPairs(inTextWords(question))].filter((w) => !TOPIC_PAIRS.has(w)));
  const pairs = lines.map(wordPairs);
  // Only words no other line has count: the topic's own words ("补助", "组长") are in many lines and tell nothing.
  const distinctive = (i: number) => [...(pairs[i] ?? [])].filter((w) => asked.has(w) && pairs.every((p, j) => j === i || !p.has(w))).length;
  // One shared word is chance ("去世"); two ("发现", "现金") say what the line is about.
  let best = 0;
  let most = 1;
  for (let i = 0; i < lines.length; i++) {
    const n = distinctive(i);
    if (n > most) {
      most = n;
      best = i;
    }
  }
  return most > 1 || orFirst ? lines[best] : undefined;
}

/** "经费", "预算", "拨付": a staff line about funds, not about one retiree's entitlement. */
export const namesBudget = (text: string): boolean => /经费|预算|拨付|拨款/.test(text);

/** "200人", "三百名退休人员": a head count of retirees, so a line about a budget rather than one person. */
const HEAD_COUNT = /\d{2,}\s?(?:个|名|位)?(?:人|退休人员|退休职工|企退人员)(?!次)|[一二两三四五六七八九十百千万]{2,}(?:个|名|位)(?:人|退休人员)/;
export const namesHeadCount = (text: string): boolean => HEAD_COUNT.test(text);

/**
 * "走了十来天了", "人没了半个多月", "去世10天了": at least how many days ago a death was, when told as time since
 * rather than as a date. Approximate words give their least ("十来天" → 10).
 */
export function daysSinceDeathTold(text: string): number | undefined {
  const m =
    /(?:走|去世|过世|没|死|病故|不在)了?\s?(\d{1,3}|[一二两三四五六七八九十]{1,3}|十来|十几|半个多?|一个多|个把|两个多?|三个多?)\s?(天|日|号|月|个月)(?:了|多)?/.exec(
      text,
    );
  if (!m) return undefined;
  const [, n = '', unit = ''] = m;
  const month = unit === '月' || unit === '个月';
  const fuzzy: Record<string, number> = { 十来: 10, 十几: 11, 半个: 15, 半个多: 15, 一个多: 30, 个把: 30, 两个: 60, 两个多: 60, 三个: 90, 三个多: 90 };
  const count = fuzzy[n] ?? parseChineseCount(n);
  if (count === undefined || unit === '号') return undefined;
  // "半个月", "一个多月": the fuzzy month words already count days.
  return month && fuzzy[n] === undefined ? count * 30 : count;
}

function parseChineseCount(n: string): number | undefined {
  if (/^\d+$/.test(n)) return Number(n);
  const digit: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const [tens, ones] = n.includes('十') ? n.split('十') : ['', n];
  const value = (n.includes('十') ? (tens ? (digit[tens] ?? Number.NaN) : 1) * 10 : 0) + (ones ? (digit[ones] ?? Number.NaN) : 0);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** "谁出", "从哪出", "谁承担": who pays. */
export const asksWhoPays = (text: string): boolean => /谁(出|承担|负责|给|掏|拨)|(从|由)哪(里|儿)?(出|来|拨)/.test(text);

/** "也是这样吗", "也一样吗", "也是1:1吗": the side asked before, asked again of something else. */
export const asksSameAgain = (text: string): boolean => /也(是)?(这样|一样|这么|照这|1[:：]1|一比一)|同样|照样/.test(text);

/** "市级 服务关怀经费 标准": 市级 with no city before it (杭州市级, the level every 杭州 district's text refers to). */
export const namesBareCityLevel = (text: string): boolean => /(^|[\s，,。])市(级|本级)/.test(text);

/** "到哪一步了", "办得怎么样了": a case's progress asked. */
const PROGRESS = /到哪一?步|进度|办到哪|办得怎么样|处理了没|处理得怎么样|有结果了?吗|有没有结果|受理了吗|批下来没/;
export const asksProgress = (text: string): boolean => PROGRESS.test(text);
