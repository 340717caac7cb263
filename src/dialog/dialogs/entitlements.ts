import { parseNumber } from '../../nlu/slots/index.ts';
import {
  festival,
  funeral,
  groupActivity,
  groupLeaderSubsidy,
  healthCheck,
  hospitalization,
  seriousIllness,
  type Festival,
} from '../../rules/index.ts';
import type { DialogDef, Msg, Read, SlotSpec } from '../context.ts';
import { amountSlot, choiceSlot, countSlot, nameSlot, regionSlot, regionsIn } from '../slots.ts';
import { answerEntitlement, entitlementLines, fileCase, offerButtons } from './common.ts';

const region = regionSlot();
const str = (v: unknown) => String(v);
const year = (asOf: string) => Number(asOf.slice(0, 4));

export const seriousIllnessDialog: DialogDef = {
  intent: 'serious_illness_consolation',
  // Without the amount the whole scale is the answer, and the amount is asked to find the tier.
  slots: [region, amountSlot('amount', 'ask-self-pay', { optional: true })],
  finish(ctx, s) {
    if (s.amount === undefined) {
      const scale = seriousIllness({ region: str(s.region), asOf: ctx.asOf });
      if (!scale.ok || scale.value.outcome !== 'ceiling') return answerEntitlement(ctx, scale);
      return { lines: [...entitlementLines(ctx, scale.value), ctx.tr.t('ask-self-pay-for-tier')], next: 'done', awaiting: 'amount' };
    }
    return answerEntitlement(ctx, seriousIllness({ region: str(s.region), selfPay: str(s.amount), asOf: ctx.asOf }), {
      when: (e) => e.outcome === 'ceiling',
      yes: 'button-apply',
      question: 'offer-serious-illness',
    });
  },
  // The applicant's details are personal: a dialog of their own collects them in private.
  accept: (_ctx, s) => ({ lines: [], next: 'done', then: { intent: 'serious_illness_application', slots: { region: s.region ?? null, amount: s.amount ?? null } } }),
};

const GENDERS = [
  { value: '男', label: 'button-gender-male', words: /男/ },
  { value: '女', label: 'button-gender-female', words: /女/ },
];

/** 大病慰问申请: who applies (name, gender, age — what a 公示 shows), confirmed, then filed. */
export const seriousIllnessApplicationDialog: DialogDef = {
  intent: 'serious_illness_application',
  privateOnly: true,
  slots: [
    nameSlot('applicantName', 'ask-applicant-name'),
    choiceSlot('gender', 'ask-gender', GENDERS),
    { ...countSlot('age', 'ask-applicant-age'), read: (msg, ctx, awaited) => readAge(msg, ctx, awaited) },
  ],
  finish: (ctx, s) => ({
    lines: [ctx.tr.t('application-confirm', { name: str(s.applicantName), gender: str(s.gender), age: str(s.age), region: str(s.region), amount: str(s.amount) })],
    buttons: offerButtons(ctx, 'button-confirm-application'),
    next: 'confirm',
  }),
  async accept(ctx, s) {
    const e = seriousIllness({ region: str(s.region), selfPay: str(s.amount), asOf: ctx.asOf });
    if (!e.ok || !e.value.amount) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const cite = e.value.citations[0];
    return fileCase(ctx, 'serious_illness_application', {
      region: str(s.region),
      year: year(ctx.asOf),
      selfPay: str(s.amount),
      ceiling: e.value.amount.toFixed(0),
      citation: cite ? `${cite.doc} ${cite.clause}` : 'n/a',
      applicantName: str(s.applicantName),
      gender: s.gender === '女' ? '女' : '男',
      age: Number(s.age),
    });
  },
};

function readAge(msg: Msg, _ctx: unknown, awaited: boolean): Read {
  // Answering "多大年纪": a bare number, in digits or in words ("七十六", "76岁").
  const bare = awaited ? parseNumber(msg.text.trim().replace(/(周岁|岁|了)$/, '')) : undefined;
  const age = msg.understanding?.slots.age ?? bare;
  if (age === undefined) return awaited ? { error: 'error-invalid_age' } : null;
  return age >= 40 && age <= 120 ? { value: age } : { error: 'error-invalid_age' };
}

/** 住院几次: read only when said. */
const stays: SlotSpec = { ...countSlot('stays'), optional: true };

export const hospitalizationDialog: DialogDef = {
  intent: 'hospitalization_consolation',
  slots: [region, stays],
  finish: (ctx, s) =>
    answerEntitlement(ctx, hospitalization({ region: str(s.region), asOf: ctx.asOf, ...(typeof s.stays === 'number' ? { stays: s.stays } : {}) }), {
      when: (e) => e.outcome === 'fixed' && e.amount !== null,
      yes: 'button-apply',
      question: 'offer-hospitalization',
    }),
  async accept(ctx, s) {
    const e = hospitalization({ region: str(s.region), asOf: ctx.asOf });
    if (!e.ok || !e.value.amount) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const cite = e.value.citations[0];
    return fileCase(ctx, 'hospitalization_application', {
      region: str(s.region),
      year: year(ctx.asOf),
      amount: e.value.amount.toFixed(0),
      citation: cite ? `${cite.doc} ${cite.clause}` : 'n/a',
    });
  },
};

export const funeralDialog: DialogDef = {
  intent: 'funeral_consolation',
  slots: [region],
  finish: (ctx, s) => answerEntitlement(ctx, funeral({ region: str(s.region), asOf: ctx.asOf })),
};

const festivalName: SlotSpec = {
  name: 'festival',
  ask: 'ask-festival',
  optional: true,
  read: (msg) => (msg.understanding?.slots.festival ? { value: msg.understanding.slots.festival } : null),
};

export const festivalDialog: DialogDef = {
  intent: 'festival_consolation',
  slots: [region, festivalName],
  finish: (ctx, s) =>
    answerEntitlement(ctx, festival({ region: str(s.region), asOf: ctx.asOf, ...(s.festival ? { festival: s.festival as Festival } : {}) })),
};

/** Lives outside 杭州市: said in words ("住在外地", "在上海", "不在杭州"). */
const livesOutside: SlotSpec = {
  name: 'outside',
  ask: 'ask-outside',
  optional: true,
  read: (msg) =>
    /外地|杭州(市)?外|不在杭州|异地|外省|老家/.test(msg.text) || (/住|在/.test(msg.text) && regionsIn(msg.text).some((r) => !r.inHangzhouCity))
      ? { value: true }
      : null,
};
const invoice: SlotSpec = { ...amountSlot('invoice'), optional: true };

export const healthCheckDialog: DialogDef = {
  intent: 'health_checkup',
  slots: [region, livesOutside, invoice],
  finish: (ctx, s) =>
    answerEntitlement(
      ctx,
      healthCheck({ region: str(s.region), asOf: ctx.asOf, livesOutsideHangzhou: s.outside === true, ...(s.invoice ? { invoice: str(s.invoice) } : {}) }),
      { when: (e) => s.outside === true && e.amount !== null, yes: 'button-apply-reimbursement', question: 'offer-health-check' },
    ),
  async accept(ctx, s) {
    const e = healthCheck({ region: str(s.region), asOf: ctx.asOf, livesOutsideHangzhou: true, ...(s.invoice ? { invoice: str(s.invoice) } : {}) });
    if (!e.ok || !e.value.amount) return { lines: [ctx.tr.t('case-invalid')], next: 'done' };
    const cite = e.value.citations[0];
    return fileCase(ctx, 'health_check_reimbursement', {
      region: str(s.region),
      invoice: s.invoice ? str(s.invoice) : null,
      cap: e.value.amount.toFixed(2).replace(/\.00$/, ''),
      citation: cite ? `${cite.doc} ${cite.clause}` : 'n/a',
    });
  },
};

const age: SlotSpec = {
  name: 'age',
  ask: 'ask-age',
  optional: true,
  read: (msg) => (typeof msg.understanding?.slots.age === 'number' ? { value: msg.understanding.slots.age } : null),
};

export const groupActivityDialog: DialogDef = {
  intent: 'group_activity',
  slots: [region, age],
  finish: (ctx, s) =>
    answerEntitlement(ctx, groupActivity({ region: str(s.region), asOf: ctx.asOf, ...(typeof s.age === 'number' && s.age >= 40 && s.age <= 120 ? { age: s.age } : {}) })),
};

export const groupLeaderDialog: DialogDef = {
  intent: 'group_leader_subsidy',
  slots: [region, countSlot('count', 'ask-managed')],
  finish: (ctx, s) => answerEntitlement(ctx, groupLeaderSubsidy({ region: str(s.region), asOf: ctx.asOf, managed: Number(s.count) })),
};
