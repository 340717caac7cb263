import { renderCitations, renderPoint } from '../../answers/index.ts';
import { asksAboutPrivacy, itemIntentOf, namesDeath } from '../../nlu/cues.ts';
import { type Point, topicFacts } from '../../rules/index.ts';
import { verdict, WHEREVER } from '../answers.ts';
import { defOf } from '../form.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** The topic whose 公示 a question about it is kept as, for follow-ups. */
const PUBLICISED_TOPIC = 'serious_illness_consolation';

/**
 * "公示会把我身份证号公开吗", "社区会不会把她身份证号发到群里": what a 公示 may show, from the text's own clause, and that
 * the bot keeps numbers out of groups — asked at any point; a form that waits asks its question again after.
 */
export function privacyQuestion(t: Turn): boolean {
  if (t.button !== null || !asksAboutPrivacy(t.normalized)) return false;
  const s = t.state;
  const waiting = s !== null && isPending(s);
  // "小组长补助公示会不会把电话公开": an item named, with nothing waiting, is that item's question (its 公示 facts).
  if (!waiting && itemIntentOf(t.normalized) !== null) return false;
  const known = t.state?.slots.region ?? t.understanding?.slots.region ?? t.profile.region;
  // Unknown district: every text read then limits a 公示 alike (004 五(三), 000 五(二)).
  const regions = typeof known === 'string' ? [known] : WHEREVER.map((w) => w.region);
  const points = regions.flatMap((region) => {
    const f = topicFacts('serious_illness', { region, asOf: t.ctx.asOf });
    return f.ok ? f.value.points.filter((p: Point) => p.code === 'publicity_fields') : [];
  });
  const [first] = points;
  const limit = first ? renderPoint(t.tr, first) : t.tr.t('privacy-bot');
  // "会不会公开" → 不会, "能看到吗" → 不能: the question's own words, read off the limit.
  const lines = [
    `${verdict(t.normalized, limit)}${limit}`,
    ...(first ? [t.tr.t('privacy-bot')] : []),
    ...(points.length > 0
      ? [
          renderCitations(
            t.tr,
            points.map((p) => p.cite),
          ),
        ]
      : []),
  ];
  t.say(lines.join('\n'));
  // "我爸昨天走了 要报 他身份证号我直接发群里行不": answered first, then the report starts (in private).
  if (!waiting && namesDeath(t.normalized)) return false;
  if (s && waiting) {
    t.intent = s.intent;
    if (s.awaiting !== 'offer' && s.awaiting !== 'confirm') t.ask(defOf(s.intent), s.awaiting, t.tr.t('resume'));
    return true;
  }
  // Nothing waits: 公示 stays the topic ("公示几天", "年龄会公示吗"), as 大病慰问's, whose 公示 the texts set out.
  t.intent = PUBLICISED_TOPIC;
  t.state = { intent: PUBLICISED_TOPIC, slots: typeof known === 'string' ? { region: known } : {}, awaiting: 'done', tries: 0 };
  return true;
}
