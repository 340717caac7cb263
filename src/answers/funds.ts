import type { Translator } from '../i18n/index.ts';
import type { Point } from '../rules/index.ts';

/**
 * A fund-management point (rules/staff/funds.ts) in words: its list parameters arrive as codes joined by "|" (budget
 * items, archive equipment, who keeps a copy, rubric items as "name:points") and are named from the locale here.
 */
const LIST_WORDS: Readonly<Record<string, (tr: Translator, code: string) => string>> = {
  items: (tr, code) => tr.t(`budget-item-${code}`),
  except: (tr, code) => tr.t(`fundq-except-${code}`),
  holders: (tr, code) => tr.t(`fundq-holder-${code}`),
};

function rubricItems(tr: Translator, joined: string): string {
  return joined
    .split('|')
    .map((entry) => {
      const [item, points] = entry.split(':');
      return tr.t('fundq-rubric-item', { item: item ?? '', points: points ?? '' });
    })
    .join(tr.t('list-enum'));
}

export function renderFundPoint(tr: Translator, point: Point): string {
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(point.params ?? {})) {
    const words = LIST_WORDS[key];
    if (point.code === 'fund_rubric_dimension' && key === 'items') args[key] = rubricItems(tr, String(value));
    else if (words)
      args[key] = String(value)
        .split('|')
        .map((code) => words(tr, code))
        .join(tr.t('list-enum'));
    else if (key === 'payer') args[key] = tr.t(`fundq-payer-${value}`);
    // "第二季度", "一式二份": small counts in words (a count without a word stays in digits).
    else if (key === 'quarter' || key === 'copies') args[key] = tr.maybe(`fund-count-${value}`) ?? value;
    else args[key] = value;
  }
  return tr.t(`cond-${point.code}`, args);
}
