import { amendCase, type CaseFields, type CaseType } from '../../cases/index.ts';
import { isQuestion } from '../../nlu/cues.ts';
import { maskText } from '../../privacy/mask.ts';
import { contactIn } from '../contact.ts';
import { FILED } from '../forms/common.ts';
import { amountProblem, amountSlot } from '../slots.ts';
import type { Turn } from '../turn.ts';
import { yesOrNo } from './pending.ts';

/** Cases whose applicant may tell more after filing (when and where the stay was, what the invoice says). */
const TAKES_DETAILS: ReadonlySet<string> = new Set(['hospitalization_application', 'health_check_reimbursement']);
/** A stay, a check or an invoice told: "11月10号住的浙二 住了8天", "发票是380元", "在人民医院做的". */
const TELLS_DETAILS = /医院|住院|出院|住的|住了|发票|收据|体检|做的|\d+\s*(月|号|日|天)|[一二三四五六七八九十]+(月|号|天)|昨天|前天|上周|上个月/;
const MAX_DETAILS = 400;
const INVOICE = amountSlot('invoice');
/** An amount is read only where the invoice or money is named: "11月20号" is a date, not an amount unreadable. */
const INVOICE_TOLD = /发票|收据|金额|花了|付了|\d\s*[元块]|[百千][一二三四五六七八九]?\s*[元块]?$/;
/** What a statement adds, or why it cannot be filed as said (a locale id, said and asked again). */
type Details =
  | { readonly ok: true; readonly fields: Record<string, string> }
  | { readonly ok: false; readonly error: string; readonly args: Record<string, string | number> };
/** Up to this long, a yes or no is only that. */
const BARE_REPLY = 8;

/** What a statement after filing adds to a case of this type: the invoice's amount, the words themselves. */
function detailsIn(t: Turn, type: string, held: Record<string, unknown>): Details {
  const text = t.normalized;
  // "好的谢谢" tells nothing; "是11月10号住的浙二" opens with a 是 and tells.
  const bareReply = yesOrNo(text) !== null && text.length <= BARE_REPLY;
  if (!TAKES_DETAILS.has(type) || isQuestion(text) || bareReply || !TELLS_DETAILS.test(text)) return { ok: true, fields: {} };
  // The invoice's amount read as an amount said in passing is read ("发票是十一月开的" says none): "发票金额-200" is
  // refused and asked again, never filed.
  const amount = type === 'health_check_reimbursement' && INVOICE_TOLD.test(text) ? INVOICE.read(t.msg, t.ctx, false) : null;
  const value = amount && 'value' in amount ? amount.value : undefined;
  const problem = amountProblem(value);
  if (problem) return { ok: false, error: problem.id, args: problem.args };
  if (amount && 'error' in amount) return { ok: false, error: amount.error, args: amount.args ?? {} };
  const invoice: Record<string, string> = typeof value === 'string' ? { invoice: value } : {};
  // An ID number, phone or card typed in them is masked as everywhere else: the details keep none whole.
  const said = maskText(text).trim();
  const before = typeof held.details === 'string' ? `${held.details}；` : '';
  return { ok: true, fields: { ...invoice, details: `${before}${said}`.slice(-MAX_DETAILS) } };
}

/**
 * "我叫任建新 电话134… 古荡街道嘉绿苑社区", "是11月10号住的浙二" right after a case was filed: how to reach the
 * writer, and what they tell of the matter, added to that case (staff call back on it) — in a private chat only; a group
 * never takes personal data.
 */
export async function caseContact(t: Turn): Promise<boolean> {
  const s = t.state;
  const id = s?.slots[FILED];
  if (t.button !== null || t.incoming.group || !s || s.awaiting !== 'done' || typeof id !== 'string') return false;
  const contact = contactIn(t.normalized);
  const current = await t.ctx.store.getCase(id);
  if (!current || current.user !== t.user) return false;
  const details = detailsIn(t, current.type, current.fields);
  if (!details.ok) {
    t.say(t.tr.t(details.error, details.args));
    t.intent = s.intent;
    return true;
  }
  const added: Record<string, string> = { ...contact, ...details.fields };
  const told = Object.keys(added);
  if (told.length === 0) return false;
  const amended = await amendCase(t.ctx.store, {
    id,
    type: current.type as CaseType,
    user: t.user,
    fields: { ...current.fields, ...added } as CaseFields<CaseType>,
    now: t.incoming.now,
    describe: (changed) => t.tr.t('case-amended-note', { fields: changed.map((f) => t.tr.t(`field-${f}`)).join(t.tr.t('list-enum')) }),
  });
  if (!amended.ok) return false;
  if (amended.changed.length > 0) t.ctx.cases.push({ id, type: current.type, status: amended.value.status });
  // The invoice's figure is said back: the applicant sees what staff will reimburse against.
  const what = told
    .map((f) => (f === 'invoice' ? t.tr.t('field-invoice-said', { amount: added.invoice ?? '' }) : t.tr.t(`field-${f}`)))
    .join(t.tr.t('list-enum'));
  t.say(t.tr.t(amended.changed.length > 0 ? 'case-contact-added' : 'case-contact-same', { id, what }));
  t.intent = s.intent;
  return true;
}
