import { renderCitations, renderPoint } from '../../answers/index.ts';
import {
  asksAboutPrivacy,
  asksAboutPublishedField,
  asksToDisclose,
  isFollowUp,
  isYesNoQuestion,
  itemIntentOf,
  lastFieldShown,
  namesDeath,
  namesPersonalField,
  verdictWords,
} from '../../nlu/cues.ts';
import { type Point, topicFacts } from '../../rules/index.ts';
import { verdict, WHEREVER } from '../answers.ts';
import { YES_NO_ASKED } from '../context.ts';
import { defOf } from '../form.ts';
import { STAFF_RULE } from '../forms/staff-rule.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** The topic whose 公示 a question about it is kept as, for follow-ups. */
const PUBLICISED_TOPIC = 'serious_illness_consolation';
/** "能写吗", "要不要写", "写不写": whether a field goes on the notice. */
const WRITTEN = /(能|可以|要|会|能不能|可不可以)写|写不写|写上/;
/** Marks that the last answer was the 公示's limit, so that "身份证号呢" asks it of another field. */
const LIMIT_ANSWERED = '_shown';

/**
 * "公示会把我身份证号公开吗", "社区会不会把她身份证号发到群里": what a 公示 may show, from the text's own clause, and that
 * the bot keeps numbers out of groups — asked at any point; a form that waits asks its question again after.
 */
export function privacyQuestion(t: Turn): boolean {
  const s = t.state;
  // The topic in front is a 公示: the retiree's (大病慰问's) or the staff rule on it.
  const aboutNotice = /公示/.test(t.normalized) || s?.intent === PUBLICISED_TOPIC || (s?.intent === STAFF_RULE && s.slots.rule === 'publicity');
  // "年龄要写吗" after a 公示 answer: the shown side of the same limit.
  const shownAsked = asksAboutPublishedField(t.normalized) && aboutNotice;
  // "住址电话能写吗" after a 公示 answer: a personal field asked of the same notice.
  const personalAsked = aboutNotice && namesPersonalField(t.normalized) && WRITTEN.test(t.normalized);
  // "身份证号呢" right after a 公示 answer: the same question of another field.
  const fieldFollowUp = s?.slots[LIMIT_ANSWERED] === true && isFollowUp(t.normalized) && namesPersonalField(t.normalized);
  // "把李阿姨的身份证号和电话发群里": not done, whoever asks; the limit and its clause say why.
  const disclose = asksToDisclose(t.normalized);
  if (t.button !== null || !(asksAboutPrivacy(t.normalized) || shownAsked || personalAsked || fieldFollowUp || disclose)) return false;
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
    ...(disclose ? [t.tr.t(t.incoming.staff ? 'privacy-not-disclosed-staff' : 'privacy-not-disclosed')] : []),
    `${fieldFollowUp ? sameQuestionOf(t.normalized, s?.slots[YES_NO_ASKED]) : disclose ? '' : verdict(t.normalized, limit)}${limit}`,
    ...(first && !shownAsked && !t.incoming.staff ? [t.tr.t('privacy-bot')] : []),
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
  const asked = fieldFollowUp ? s?.slots[YES_NO_ASKED] : isYesNoQuestion(t.normalized) ? t.normalized : undefined;
  const slots = { ...(typeof known === 'string' ? { region: known } : {}), [LIMIT_ANSWERED]: true, ...(asked ? { [YES_NO_ASKED]: asked } : {}) };
  t.state = { intent: PUBLICISED_TOPIC, slots, awaiting: 'done', tries: 0 };
  return true;
}

/** "身份证号呢" after "金额要不要写": the yes or no asked before, of the field now named (shown, or never). */
function sameQuestionOf(text: string, asked: unknown): string {
  const words = typeof asked === 'string' ? verdictWords(asked) : null;
  if (!words) return '';
  return `${lastFieldShown(text) ? words.yes : words.no}。`;
}
