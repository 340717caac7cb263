import { EVERY_ASPECT } from '../../rules/index.ts';
import { aspectAnswer } from '../answers.ts';
import { defOf } from '../form.ts';
import type { Turn } from '../turn.ts';

/** "详细说说", "具体讲讲", "说详细点": more of the answer just given. */
const DETAILS =
  /^(请|麻烦|能不能|可以)?(你)?(再)?(详细|具体|仔细)(点|一点|些|一些)?(地)?(说说|讲讲|说|讲|介绍|解释)?(一下|下)?(吗|吧|呢|啊|呀)?$|^(再)?(说|讲)(得)?(详细|具体|清楚)(点|一点|些)(吧|呢)?$|^展开(说说|讲讲)|^还有(别的|其他|啥|什么)(吗|呢|没有)?$/;

/** Every fact of the topic just answered, for the district when known (each text's otherwise), not only the first few. */
export function details(t: Turn): boolean {
  const s = t.state;
  if (s?.awaiting !== 'done' || t.button !== null || !DETAILS.test(t.normalized.replace(/[\s。.!！?？~，,]/g, ''))) return false;
  const def = defOf(s.intent);
  if (!def.topic) return false;
  const region = typeof s.slots.region === 'string' ? s.slots.region : t.profile.region;
  const lines = aspectAnswer(
    t.ctx,
    def.topic,
    region,
    def.factsInput?.(s.slots, t.ctx.asOf) ?? {},
    EVERY_ASPECT,
    undefined,
    undefined,
    Number.POSITIVE_INFINITY,
  );
  if (!lines) return false;
  t.show({ lines });
  t.intent = s.intent;
  return true;
}
