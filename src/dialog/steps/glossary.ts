import { defOf } from '../form.ts';
import { isPending } from '../state.ts';
import type { Turn } from '../turn.ts';

/** The proofs the texts name, by the words people use for them; each has an explanation in locales (glossary-*). */
const TERMS: readonly (readonly [string, RegExp])[] = [
  ['property', /房屋权属证明|权属证明|产权证明/],
  ['lease', /租房协议|租赁合同|租房合同/],
  ['residence_permit', /居住证/],
  ['medical_statement', /个人医疗费用查询单|医疗费用查询单|查询单/],
  ['hospital_proof', /住院证明/],
  // "丧葬补助金跟丧事慰问金是一回事吗": the insurance's grant to the family, not the fund's consolation.
  ['funeral_grant', /丧葬补助金?|抚恤金/],
];
/** "房屋权属证明是个啥东西", "居住证是什么": what a named proof is. */
const WHAT_IS = /(是|指)(个|一个)?(啥|什么|哪个|哪种)(东西|意思|证|玩意)?|啥意思|什么意思|是哪个|一回事|(有|是)(啥|什么)区别|(有|是)(啥|什么)不同/;

/**
 * "房屋权属证明是个啥东西": the proof explained in plain words, asked at any point; a form that waits asks its
 * question again after.
 */
export function glossary(t: Turn): boolean {
  if (t.button !== null || !WHAT_IS.test(t.normalized)) return false;
  const term = TERMS.find(([, words]) => words.test(t.normalized))?.[0];
  if (!term) return false;
  const s = t.state;
  t.intent = s?.intent ?? t.understanding?.intent ?? null;
  if (s && isPending(s) && s.awaiting !== 'offer' && s.awaiting !== 'confirm') {
    t.ask(defOf(s.intent), s.awaiting, `${t.tr.t(`glossary-${term}`)}\n${t.tr.t('resume')}`);
    return true;
  }
  t.say(t.tr.t(`glossary-${term}`));
  return true;
}
