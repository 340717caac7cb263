import { z } from 'zod';

/** One zod schema per case type: the fields a case of that type must carry before it reaches the store. */

const region = z.string().min(2).max(20);
const money = z.string().regex(/^\d+(\.\d{1,2})?$/, 'a decimal amount of 元');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const citation = z.string().min(3).max(200);

/** 18 digits with a valid GB 11643 check digit (checked by the dialog; re-checked here by shape). */
const idNumber = z.string().regex(/^\d{17}[\dX]$/);
const phone = z.string().regex(/^1[3-9]\d{9}$/);

/**
 * The most retirees one 自管小组长 can plausibly manage. The texts set no upper bound for Hangzhou; Jiande forms groups
 * of 30–50 (000 三(一)2) and the subsidy reaches its cap at 50. A count above this is taken as a slip and asked again.
 */
export const MAX_MANAGED_PER_LEADER = 500;

/** Where a case was filed from when no verified chat account stands behind it ('web': the web chat page). */
const source = z.literal('web').optional();

/**
 * How to reach the person, told after a case was filed or with it ("我叫任建新 电话134…"): staff call back on these.
 * Personal (sealed at rest, masked in listings); none is required.
 */
const contact = {
  contactName: z.string().min(1).max(30).optional(),
  contactPhone: phone.optional(),
};
/** The community, told with the contact (an address: sealed at rest). */
const contactCommunity = { community: z.string().min(1).max(60).optional() };
/** What the applicant told after filing ("11月10号住的浙二 住了8天"), in their words (sealed at rest). */
const laterDetails = { details: z.string().min(1).max(400).optional() };

export const CASE_SCHEMAS = {
  death_report: z.object({
    source,
    deceasedName: z.string().min(1).max(30),
    // null: the family did not have it at hand; staff ask for it when they call back.
    idNumber: idNumber.nullable(),
    dateOfDeath: isoDate,
    relation: z.string().min(1).max(20),
    reporterPhone: phone,
    region,
    community: z.string().min(1).max(60),
    deadline: isoDate.nullable(),
    ...contact,
  }),
  management_transfer: z.object({
    source,
    from: region.nullable(),
    to: region,
    hukouInUrban: z.boolean().nullable(),
    housing: z.enum(['own', 'relative', 'rented']).nullable(),
    route: z.string(),
    citation: citation.nullable(),
    ...contact,
    ...contactCommunity,
  }),
  serious_illness_application: z.object({
    source,
    region,
    year: z.number().int().min(2000).max(2100),
    selfPay: money,
    /** "三万多": the amount as said when only a range was told (selfPay is then its floor). */
    selfPaySaid: z.string().min(1).max(30).optional(),
    ceiling: money,
    citation,
    // What a 公示 shows (name, gender, age, amount); paidAmount is set by staff when they resolve it.
    applicantName: z.string().min(1).max(30),
    gender: z.enum(['男', '女']),
    age: z.number().int().min(40).max(120),
    paidAmount: money.optional(),
    ...contact,
    ...contactCommunity,
  }),
  group_leader_subsidy_application: z.strictObject({
    source,
    region,
    year: z.number().int().min(2000).max(2100),
    // Retirees the leader manages: a whole number, at least one, no more than any real group (see the constant).
    managed: z.number().int().min(1).max(MAX_MANAGED_PER_LEADER),
    // min(per-retiree rate × managed, yearly cap) from the rules core (004/000 三(一)2): a ceiling, staff decide.
    ceiling: money,
    citation,
    // What a 公示 shows (name, gender, age, amount); paidAmount is set by staff when they resolve it. No bank card:
    // the subsidy goes to the leader's own card by real-name transfer (000 三(一)2, 004 四(二)), handled offline.
    leaderName: z.string().min(1).max(30),
    gender: z.enum(['男', '女']),
    age: z.number().int().min(40).max(120),
    paidAmount: money.optional(),
    ...contact,
    ...contactCommunity,
  }),
  hospitalization_application: z.object({
    source,
    region,
    year: z.number().int().min(2000).max(2100),
    amount: money,
    citation,
    ...contact,
    ...contactCommunity,
    ...laterDetails,
  }),
  health_check_reimbursement: z.object({
    source,
    region,
    invoice: money.nullable(),
    cap: money,
    citation,
    ...contact,
    ...contactCommunity,
    ...laterDetails,
  }),
  inquiry: z.object({
    source,
    topic: z.string().max(40),
    reason: z.enum(['handoff', 'unanswered', 'outside_rules', 'retries_exhausted']),
    region: region.nullable(),
    ...contact,
    ...contactCommunity,
  }),
} as const;

export type CaseType = keyof typeof CASE_SCHEMAS;
export const CASE_TYPES = Object.keys(CASE_SCHEMAS) as CaseType[];
export type CaseFields<T extends CaseType> = z.infer<(typeof CASE_SCHEMAS)[T]>;

export { PERSONAL_FIELDS, SEALED_FIELDS } from '../privacy/fields.ts';
