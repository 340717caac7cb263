import { renderCitations, renderNotice } from '../answers/index.ts';
import type { Translator } from '../i18n/index.ts';
import { asksAboutPublishedField, lastFieldShown } from '../nlu/cues.ts';
import type { Understanding } from '../nlu/index.ts';
import { type Citation, communityStaff, deathReportRule, findRegion, type IsoDate, publicityRule, staffForRetirees } from '../rules/index.ts';
import { budgetItemAnswer } from './budget-questions.ts';
import { fundAnswer, fundTopicOf } from './fund-questions.ts';

/**
 * Short questions staff ask in passing — how many staff a community gets, how long a 公示 runs and what it may show,
 * the deadline for reporting a death — answered from the rules with citations. Null when the line is none of them.
 */
export type StaffRule = 'staffing' | 'publicity' | 'death_deadline' | 'funds' | 'budget_item';

/** What a rule question is about: the count and the region it names. */
export interface RuleFacts {
  readonly count?: number;
  readonly region?: string;
  /** Asked again by a follow-up ("那建德呢"): the region is the one the follow-up names. */
  readonly again?: boolean;
  /** The intent the line was read as (a budget question with a district is the budget form's). */
  readonly intent?: string;
}

const RULES: Readonly<Record<StaffRule, (tr: Translator, f: RuleFacts, text: string, asOf: IsoDate) => string | null>> = {
  staffing: (tr, f, text, asOf) => staffing(tr, f, text, asOf),
  publicity: (tr, f, text, asOf) => publicity(tr, f, text, asOf),
  death_deadline: (tr, f, text, asOf) => deathDeadline(tr, f, text, asOf),
  funds: (tr, f, text, asOf) => {
    const topic = fundTopicOf(text);
    return topic ? fundAnswer(tr, topic, f, text, asOf) : null;
  },
  budget_item: (tr, f, text, asOf) => budgetItemAnswer(tr, f, text, asOf),
};

/** The rule asked about and its answer; null when the line asks none of them. */
export function staffQuestion(
  tr: Translator,
  u: Understanding,
  text: string,
  asOf: IsoDate,
  known: { region?: string } = {},
): { rule: StaffRule; answer: string } | null {
  const region = u.slots.region ?? known.region;
  const facts: RuleFacts = { ...(u.slots.count !== undefined ? { count: u.slots.count } : {}), ...(region ? { region } : {}), intent: u.intent };
  for (const rule of Object.keys(RULES) as StaffRule[]) {
    const answer = RULES[rule](tr, facts, text, asOf);
    if (answer) return { rule, answer };
  }
  return null;
}

/** The same rule asked again with another count or region ("1500户呢", "建德呢"): `text` is the first question's. */
export function staffRuleAnswer(tr: Translator, rule: StaffRule, facts: RuleFacts, text: string, asOf: IsoDate): string | null {
  // A topic kept under the staff rule's name that no rule here answers (a text's validity) has no answer here.
  const answer = RULES[rule] as (typeof RULES)[StaffRule] | undefined;
  return answer ? answer(tr, { ...facts, again: true }, text, asOf) : null;
}

const cites = (tr: Translator, list: readonly Citation[]) => renderCitations(tr, list);

/** "社区1500户配几个人", "900个退休人员要配几个管理人员": Henan 五(四)1 by households, 五(四)2 per 300 retirees. */
function staffing(tr: Translator, u: RuleFacts, text: string, asOf: IsoDate): string | null {
  if (
    !/(配|配备|需要|要|移交|安排).{0,3}(几|多少)(个|名|位)?.{0,4}(人|人员)|是不是(配|配备|移交|安排)了?\d+(个|名|位)?(人|工作人员|管理人员)|(配|配备|安排)了?\d+(个|名|位)?(工作人员|管理人员)|人员配备|配几|几个(工作|管理|服务)人员|(工作|管理|服务)人员.{0,2}(几|多少)|(移交|配备?)(工作|管理|服务)?人员(数|人数|数量)|多少(名|个|位)?(人|退休人员).{0,2}配/.test(
      text,
    )
  )
    return null;
  const households = /户/.test(text);
  const n = u.count ?? (/(\d+)\s*(户|个|名|位)?/.exec(text) ? Number(/(\d+)/.exec(text)?.[1]) : undefined);
  if (n === undefined) return null;
  const r = households ? communityStaff(n, asOf) : staffForRetirees(n, asOf);
  if (!r.ok) return tr.t(`error-${r.error.code}`, { ...r.error } as Record<string, string>);
  const region = u.region ? findRegion(u.region) : undefined;
  // "1200户 是不是移交7个人": the number put forward, checked.
  const claimed = /(?:配|配备|移交|安排)了?(\d+)(?:个|名|位)?(?:人|工作人员|管理人员)/.exec(text)?.[1];
  const check = claimed === undefined ? '' : tr.t(Number(claimed) === r.value.count ? 'staffq-claim-right' : 'staffq-claim-wrong');
  const lines = [
    check + tr.t(households ? 'staffq-households' : 'staffq-retirees', { n, count: r.value.count }),
    ...(region && region.doc !== 'henan' ? [tr.t('staffq-henan-only', { region: region.name })] : []),
    cites(tr, [r.value.cite]),
  ];
  return lines.join('\n');
}

/** "大病公示几天", "小组长补助公示多少天", "公示能写身份证号吗": 004 五(三), 000 五(二). */
function publicity(tr: Translator, u: RuleFacts, text: string, asOf: IsoDate): string | null {
  if (!/公示/.test(text)) return null;
  const askDays = /几天|多少天|多久|多长时间|天数|时间/.test(text);
  const askFields = /身份证|电话|手机|住址|地址|银行卡|卡号|困难|能写|能不能写|可以写|写什么|哪些|内容/.test(text) || asksAboutPublishedField(text);
  if (!askDays && !askFields) return null;
  const doc = u.region ? findRegion(u.region)?.doc : undefined;
  const docs = doc === 'hangzhou' || doc === 'jiande' ? [doc] : (['hangzhou', 'jiande'] as const);
  const rules = docs.map((d) => publicityRule(d, asOf)).flatMap((r) => (r.ok ? [r.value] : []));
  if (rules.length === 0) return tr.t('staffq-publicity-none', { region: u.region ?? '' });
  const days = Math.max(...rules.map((r) => r.minDays));
  const daysLine = tr.t('staffq-publicity-days', { days });
  const lines = [
    ...(askFields && !askDays ? [tr.t(fieldsLead(text)), daysLine] : [daysLine, tr.t('staffq-publicity-fields')]),
    cites(
      tr,
      rules.map((r) => r.cite),
    ),
  ];
  return lines.join('\n');
}

/**
 * "金额要不要写" → 要写 (a field the 公示 shows); "身份证号呢" → 不能写; "写什么" → the list alone. The field named
 * last decides: a follow-up is read after the question it follows.
 */
function fieldsLead(text: string): string {
  const shown = lastFieldShown(text);
  if (shown === null) return 'staffq-publicity-fields';
  return shown ? 'staffq-publicity-fields-shown' : 'staffq-publicity-fields-first';
}

/** "长沙的报丧期限", "聊城去世几天内要报": Changsha 30 days, Liaocheng 7, Hangzhou and Jiande 及时. */
function deathDeadline(tr: Translator, u: RuleFacts, text: string, asOf: IsoDate): string | null {
  if (!/报丧|报告去世|去世|过世|死亡|走了/.test(text) || !/期限|几天|多少天|多久|多长时间|时限|天内|日内|什么时候/.test(text)) return null;
  // "去世后社会化管理什么时候停": when the management stops is the death's own fact, not the deadline to report.
  if (/停|不再/.test(text) && !/报/.test(text)) return null;
  const regions: readonly (readonly [string, string | null])[] = u.region
    ? [[u.region, null]]
    : [
        ['西湖区', 'hangzhou'],
        ['建德市', 'jiande'],
        ['长沙市', 'changsha'],
        ['聊城市', 'liaocheng'],
      ];
  const lines: string[] = [];
  const all: Citation[] = [];
  for (const [name, key] of regions) {
    const r = deathReportRule({ region: name, asOf });
    if (!r.ok) {
      lines.push(tr.t(`error-${r.error.code}`, { ...r.error } as Record<string, string>));
      continue;
    }
    lines.push(...r.value.notices.map((n) => renderNotice(tr, n)));
    const label = key ? tr.t(`staffq-region-${key}`) : r.value.region;
    lines.push(
      r.value.report.days === null
        ? tr.t('staffq-death-promptly', { region: label, hasRule: r.value.report.cite ? 'yes' : 'no' })
        : tr.t('staffq-death-days', { region: label, days: r.value.report.days }),
    );
    all.push(...r.value.citations);
  }
  if (all.length > 0) lines.push(cites(tr, all));
  return lines.join('\n');
}
