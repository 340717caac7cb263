import { renderCitations, renderFundPoint, renderNotice } from '../answers/index.ts';
import type { Translator } from '../i18n/index.ts';
import {
  DOCUMENTS,
  type DocId,
  documentNamedIn,
  documentStatus,
  type FundTopic,
  findRegion,
  fundFacts,
  type IsoDate,
  type Point,
  rubricItemIn,
} from '../rules/index.ts';

/**
 * Fund management as staff ask it in passing (转移支付提前下达, 清算, 结算人数, 买档案柜, 谁出经费, 专户, 考核细则分值,
 * 表格几份, 人员配备): the first line answers, then at most a few lines, then the clauses. Answered from every text that
 * says something on it, each labelled where they differ; a region or a text the question names is answered for that
 * text, or said to be silent with what the others say. Never asks the district: the texts are listed instead.
 */

/** The words that ask each side, in the order they are tried (the narrower first). */
const TOPIC_WORDS: readonly (readonly [FundTopic, RegExp])[] = [
  ['settlement_cap', /(结算|清算).{0,12}(人数|12月|十二月|年底|上限)|(人数|12月底|十二月底|年底).{0,10}(结算|清算)/],
  // "剩下的啥时候拨": the rest of an advance transfer (004 四(二) 根据实际执行情况拨付剩余资金).
  ['advance_transfer', /转移支付|提前下达|预计数|剩(下|余)的?[^，,。？?]{0,6}(拨|给|下达|到)|剩余资金/],
  ['settlement', /清算|结算|先预拨/],
  ['fixed_assets', /固定资产|档案柜|档案架|密集架|办公设备|(买|购买|购置).{0,4}(设备|电脑|柜|车|空调|桌椅|资产)/],
  ['payer', /(异地户籍|外地户籍|没移交|未移交|省社保中心|市退管经办机构管理)/],
  ['dedicated_account', /专户|专账|国库集中支付|(什么|哪个|啥|哪种)账户|账户.{0,2}(管|走)|(资金|经费)[^，,。？?]{0,4}(怎么|如何)管(理)?|走(什么|啥|哪个)账/],
  // "个人待遇能发现金吗": how a retiree's own money is paid, not an item's (活动 has its own 不得发现金).
  [
    'payment_method',
    /(个人|个人的|老人的|退休人员的?|老人家的)(待遇|钱|经费)[^，,。？?]{0,8}(现金|转账|打卡|银行|怎么发|发放方式)|待遇[^，,。？?]{0,4}发放方式/,
  ],
  [
    'assessment',
    /考核评分|评分细则|考核细则|(考核|评估|评分).{0,12}(分值|几分|多少分|满分|打分|扣分|分数|总分|\d+分)|(网格化管理|慰问走访|待遇认证|日常履职|创新亮点|宣传报道|文体活动).{0,6}(几分|多少分|分值|怎么(给|打|算|评)分|给分|赋分)/,
  ],
  ['form_copies', /(名册|信息表|移交表|表格|表).{0,10}(几份|多少份|一式|份数)|一式(几|多少)份|(填|交|准备)(几|多少)份/],
  [
    'staff_levels',
    /(管理服务人员|工作人员|专职人员|服务人员|专人).{0,12}(多少|几|比例|标准|配)|人员配备|配备比例|按多少.{0,10}配|配(一|1)(个|名|位)|配几个|配多少|(县|县区|区县|乡镇|街道|社区|村)(级|里|一级)?的?(工作机构|机构|工作|管理服务|专职|服务)人员(呢|多少|几|要几|配)/,
  ],
];

/** The side of fund management a staff line asks about; null when none. Group leaders' groups are not staffing. */
export function fundTopicOf(text: string): FundTopic | null {
  const hit = TOPIC_WORDS.find(([topic, words]) => words.test(text) && !(topic === 'staff_levels' && /小组/.test(text)));
  return hit ? hit[0] : null;
}

interface Asked {
  readonly region?: string;
}

/** The text a question is about: the region it names (or the one a follow-up changed to), else a text it names. */
function namedDoc(f: Asked, text: string): { doc: DocId; place: string } | null {
  const region = f.region ? findRegion(f.region) : undefined;
  if (region?.doc) return { doc: region.doc, place: region.name };
  if (region) return null;
  const doc = documentNamedIn(text);
  return doc ? { doc: doc.id, place: doc.place } : null;
}

type Facts = { readonly doc: DocId; readonly points: readonly Point[] };

const has = (code: string) => (f: Facts) => f.points.some((p) => p.code === code);

/** What the line asks narrows what is said: the group whose payer is asked, the form whose copies are asked … */
function narrowed(topic: FundTopic, text: string, f: Facts): Facts {
  const keep = (codes: readonly string[]) => ({ ...f, points: f.points.filter((p) => codes.includes(p.code)) });
  const order = (codes: readonly string[]) => ({ ...f, points: codes.flatMap((c) => f.points.filter((p) => p.code === c)) });
  if (topic === 'form_copies' && /名册/.test(text)) return keep(['fund_copies_archive_roster']);
  if (topic === 'form_copies' && /信息表/.test(text)) return keep(['fund_copies_info_form']);
  if (topic === 'settlement' && !/委托|跨区/.test(text)) return { ...f, points: f.points.filter((p) => p.code !== 'fund_entrusted_settlement') };
  if (topic !== 'staff_levels') return f;
  if (/户/.test(text)) return order(['fund_staff_households', 'fund_staff_levels', 'fund_staff_ratio']);
  if (/社区|村|乡镇|街道|县/.test(text)) return order(['fund_staff_levels', 'fund_staff_ratio']);
  return order(['fund_staff_ratio', 'fund_staff_levels']);
}

/** Without a named text: the texts this kind of question is about. */
function byDefault(topic: FundTopic, text: string, all: readonly Facts[]): readonly Facts[] {
  if (topic === 'fixed_assets') return all.filter(has('fund_no_fixed_assets'));
  if (topic !== 'payer') return all;
  if (/省社保中心/.test(text)) return all.filter(has('fund_payer_provincial_agency_local_hukou'));
  if (/异地户籍|外地户籍|在杭|市退管|没移交|未移交/.test(text)) return all.filter(has('fund_payer_city_agency_nonlocal_hukou'));
  return all;
}

const placeOf = (tr: Translator, doc: DocId) => tr.t(`fundq-place-${doc}`);

/** The lines of the texts shown: identical answers said once ("规定相同"), different ones each with its place. */
function bodyLines(tr: Translator, shown: readonly Facts[]): string[] {
  const groups = new Map<string, { docs: DocId[]; lines: string[] }>();
  for (const f of shown) {
    const lines = f.points.map((p) => renderFundPoint(tr, p));
    const key = lines.join('\n');
    const group = groups.get(key) ?? { docs: [], lines };
    group.docs.push(f.doc);
    groups.set(key, group);
  }
  const out: string[] = [];
  for (const { docs, lines } of groups.values()) {
    const places = docs.map((d) => placeOf(tr, d)).join(tr.t('list-enum'));
    if (groups.size === 1) out.push(...lines, ...(docs.length > 1 ? [tr.t('fundq-same-in', { places })] : []));
    else out.push(tr.t('fundq-labelled', { place: places, text: lines[0] ?? '' }), ...lines.slice(1));
  }
  return out;
}

/** "能不能买档案柜": 可以 for the equipment the 除外 names, 不能 for other fixed assets; 可以 for office equipment where allowed. */
function verdict(tr: Translator, topic: FundTopic, text: string, shown: readonly Facts[]): string {
  if (topic === 'payment_method' && shown.length > 0 && /现金/.test(text)) return tr.t('fundq-no');
  if (topic !== 'fixed_assets' || shown.length === 0) return '';
  if (shown.every(has('fund_no_fixed_assets'))) {
    if (/档案(柜|架)|密集架|存放档案/.test(text)) return tr.t('fundq-yes');
    return tr.t(/固定资产/.test(text) ? 'fundq-no' : 'fundq-no-if-fixed');
  }
  return shown.every(has('fund_office_equipment')) && /设备|电脑|桌椅|空调|柜/.test(text) ? tr.t('fundq-yes') : '';
}

/** "宣传报道几分": the item asked, with its dimension; null when no rubric item is named. */
function rubricAsked(shown: readonly Facts[], text: string, asOf: IsoDate) {
  for (const f of shown) {
    const row = rubricItemIn(f.doc, text, asOf);
    if (row) return row;
  }
  return null;
}

/** One rubric item asked: its line first, then its dimension and the total — not the whole rubric and the grades. */
function onlyDimension(shown: readonly Facts[], dimension: string): Facts[] {
  const keep = (p: Point) => p.code === 'fund_rubric_total' || (p.code === 'fund_rubric_dimension' && p.params?.dimension === dimension);
  return shown.map((x) => ({ ...x, points: x.points.filter(keep) }));
}

/** The answer to one side of fund management, for the named text or for every text that speaks of it. */
export function fundAnswer(tr: Translator, topic: FundTopic, f: Asked, text: string, asOf: IsoDate): string | null {
  const all = fundFacts(topic, asOf).map((x) => narrowed(topic, text, x));
  const named = namedDoc(f, text);
  const lead: string[] = [];
  let shown: readonly Facts[] = byDefault(topic, text, all);
  if (named) {
    const mine = all.filter((x) => x.doc === named.doc);
    if (mine.length > 0) shown = mine;
    else if (shown.length === 0) return tr.t('fundq-silent-none', { place: named.place });
    else lead.push(tr.t('fundq-silent', { place: named.place, others: shown.map((x) => placeOf(tr, x.doc)).join(tr.t('list-enum')) }));
  }
  if (shown.length === 0) return null;
  const row = topic === 'assessment' ? rubricAsked(shown, text, asOf) : null;
  const first = row ? [tr.t('fundq-rubric-asked', { item: row.item, points: row.points, dimension: row.dimension })] : [];
  if (row) shown = onlyDimension(shown, row.dimension);
  const lines = bodyLines(tr, shown);
  const yesNo = verdict(tr, topic, text, shown);
  if (yesNo && lines.length > 0) lines[0] = `${yesNo}${lines[0]}`;
  const office = topic === 'fixed_assets' && !named ? all.filter(has('fund_office_equipment')) : [];
  if (office.length > 0) lines.push(tr.t('fundq-fixed-assets-office'));
  const notices = shown
    .filter((x) => DOCUMENTS[x.doc].lastDay !== null && documentStatus(DOCUMENTS[x.doc], asOf) === 'expired')
    .map((x) => renderNotice(tr, { code: 'document_expired', doc: x.doc, expiredAfter: DOCUMENTS[x.doc].lastDay ?? '' }));
  const cites = [...shown, ...office].flatMap((x) => x.points).map((p) => p.cite);
  return [...lead, ...first, ...notices, ...lines, renderCitations(tr, cites)].join('\n');
}
