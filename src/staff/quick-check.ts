import { renderSummary } from '../answers/index.ts';
import type { Translator } from '../i18n/index.ts';
import type { Understanding } from '../nlu/index.ts';
import { annualSummary, type IsoDate } from '../rules/index.ts';
import { staffQuestion } from './questions.ts';

/**
 * Staff checking entitlements in one line ("建德 自付45000 大病", "西湖区 住院2次 自付8000 75岁 全年"): a region and
 * at least one figure of a profile gives the year's summary with citations. Null when the line is not such a check.
 */
export function quickCheck(tr: Translator, u: Understanding, text: string, asOf: IsoDate, asked = false): string | null {
  // A question about the rules staff work by (公示, 报丧期限, 人员配备) comes before a profile check.
  const question = staffQuestion(tr, u, text, asOf);
  if (question) return question.answer;
  const { region, amount, count, age } = u.slots;
  // A line with figures of a retiree is a check; without any, only when the year's summary is asked for.
  if (!region || (!asked && amount === undefined && count === undefined && age === undefined)) return null;
  const hardship = /特别困难|特困/.test(text) ? 'severe' : /困难|低保|孤寡/.test(text) ? 'hardship' : undefined;
  const summary = annualSummary({
    region,
    asOf,
    ...(amount !== undefined ? { selfPay: String(amount) } : {}),
    ...(count !== undefined && /住院|次/.test(text) ? { hospitalizations: count } : {}),
    ...(age !== undefined ? { age } : {}),
    livesOutsideHangzhou: /外地|杭州市外|异地/.test(text),
    ...(hardship ? { hardship } : {}),
  });
  if (!summary.ok) return tr.t(`error-${summary.error.code}`, { ...summary.error } as Record<string, string>);
  return `${tr.t('quick-check-head', { region: summary.value.region, year: summary.value.year })}\n${renderSummary(tr, summary.value)}`;
}
