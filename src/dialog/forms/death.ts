import { formatDate, renderDeadline, renderDeath, renderDeathRule } from '../../answers/index.ts';
import { CANCEL, YES } from '../../chat/index.ts';
import { askedItemIntentOf, isQuestion as asks, daysSinceDeathTold, reportsDeath } from '../../nlu/cues.ts';
import { normalize } from '../../nlu/index.ts';
import { maskIdNumber, maskPhone } from '../../privacy/mask.ts';
import { type Aspect, deathProcedure, deathReportRule } from '../../rules/index.ts';
import { aspectAnswer, verdict } from '../answers.ts';
import { ASPECTS, type DialogDef, type SlotSpec, type Slots, type TurnCtx } from '../context.ts';
import { communityIn, dateSlot, idNumberSlot, nameSlot, phoneSlot, placeSlot, regionSlot, relationSlot } from '../slots.ts';
import { FILED, fileCase, offerButtons, ruleErrorLine } from './common.ts';

const community: SlotSpec = {
  ...placeSlot('community', 'ask-community'),
  read(msg, ctx, awaited) {
    if (awaited) return placeSlot('community', 'ask-community').read(msg, ctx, awaited);
    const name = communityIn(normalize(msg.text));
    return name ? { value: name } : null;
  },
};

const ID_OR_PHONE = /(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9}|\d{16,19})(?!\d)/;

/**
 * "长沙 老人去世 多少天内报", "报丧要几天内": a question about the deadline, not a report. "要报到哪里" from a family
 * whose father just died is a wish to report, and starts the form as before.
 */
const DEADLINE_QUESTION = /(多少|几)(天|日)|多久|多长时间|期限|时限|什么时候|啥时候|(天|日)内|时间(上的)?限制/;
/** Set when the dialog opens on a question: it answers the rule and offers to register, asking only the region. */
/** Set when a report's first message only asks about deaths: the form answers, and collects nothing. */
export const ASKING = '_asking';
/** The facts of a report, handed on when the family takes up the offer to register after a question. */
const FACTS = ['deceasedName', 'idNumber', 'dateOfDeath', 'relation', 'reporterPhone', 'region', 'community'] as const;

function isQuestion(ctx: TurnCtx): boolean {
  const text = ctx.incoming.text ?? '';
  // Staff ask for the rule, whatever the words: they get the answer, never the form (they can still register a death
  // they are told of, said as a statement).
  // "登记一个去世：…，家属问丧事费多少": a report that also asks; the question is answered beside the form.
  if (reportsDeath(text)) return false;
  // "我爸昨天走了 要多少天之内去报": a kin's death told is a report whose question is answered first.
  if (!ctx.incoming.staff && KIN_DIED.test(text)) return false;
  return DEADLINE_QUESTION.test(text) || (ctx.incoming.staff && asks(text)) || (asks(text) && !WHOSE.test(text));
}

/** A kin's death told as news ("我爸昨天走了"), not asked about in general. */
const KIN_DIED =
  /(我|俺|阿拉)的?(爸|妈|父亲|母亲|爹|娘|爷爷|奶奶|外公|外婆|姥姥|姥爷|老伴|爱人|公公|婆婆|岳父|岳母|丈夫|妻子|老公|老婆)[^，,。？?]{0,8}(去世|走了|过世|没了|病故|过辈)/;

/** Whose death: a question that names nobody ("人走了以后养老金还能领吗") asks about deaths in general. */
const WHOSE =
  /我|俺|阿拉|屋里|家里|老头|老太|父|母|爸|妈|爹|娘|老伴|爱人|丈夫|妻子|老公|老婆|公公|婆婆|岳|外婆|外公|奶奶|爷爷|姥|舅|姨|叔|伯|姑|哥|姐|弟|妹|儿|女|亲|邻居|[他她]/;

const FUNERAL = /丧事|丧葬|料理/;
const CERTIFICATION = /认证|年审|生存(验证|认证)/;
/** Whether something goes on: "还有没有", "还发吗", "还能领不". */
const GOES_ON = /还(有没有|有吗|有的吗|发|给|能领|能拿|可以领|享受|算)/;
/** Money asked of with no item named ("那个钱能打到我卡上不"). */
const MONEY = /钱|慰问金|慰问费|补助|费用/;

/** A question asked while a report waits, in a death's terms. */
function deathQuestion(text: string, aspects: readonly Aspect[]): { aspects: readonly Aspect[]; other: string | null } | null {
  // "那我自己中秋的慰问还有吗": the survivor's own entitlement, asked as itself.
  if (/我自己|我本人/.test(text)) return null;
  const aboutPension = aspects.includes('pension');
  // "那他12月的过节费这些还有没有": whether an item goes on after the death is when it stops. The funeral money is what
  // a death brings ("还能领个丧事慰问？多少钱"): that is asked as itself.
  if (GOES_ON.test(text) && !aboutPension && !aspects.includes('amount') && !FUNERAL.test(text)) return { aspects: ['stop'], other: null };
  // "她今年的资格认证还没做 还要去做吗": after a death the pension stops; nothing is certified any more.
  if (CERTIFICATION.test(text)) return { aspects: ['pension', 'stop'], other: null };
  // "丧葬补助金跟抚恤金找谁要": what the family claims after a death is the death's own fact, not the funeral money.
  if (aspects.includes('benefits') && /抚恤|丧葬补助/.test(text)) return { aspects, other: null };
  // "社区是写户口那边的还是他住的这边": whom to tell is the death's own fact (the community that managed him).
  if (aspects.length === 1 && aspects[0] === 'where' && /社区|村/.test(text) && askedItemIntentOf(text) === null) return { aspects, other: null };
  // "那个钱能打到我卡上不": what this fund pays on a death is the funeral money.
  if (MONEY.test(text) && !aboutPension && !aspects.includes('benefits') && askedItemIntentOf(text) === null) return { aspects, other: 'funeral_consolation' };
  return null;
}

/** "走了十来天了": how long ago, never asked; it dates nothing, but says a deadline has passed. */
const daysSince: SlotSpec = {
  name: 'daysSince',
  ask: 'ask-date-of-death',
  optional: true,
  read: (msg) => {
    const days = daysSinceDeathTold(normalize(msg.text));
    return days === undefined ? null : { value: days };
  },
};

/** In question mode only the region is asked: the rest belongs to a report. */
const unlessAsking = (spec: SlotSpec): SlotSpec => (spec.name === 'region' ? spec : { ...spec, when: (s: Slots) => s[ASKING] !== true });

/**
 * 报告去世. Personal data is collected only in a private chat (the engine moves there from a group). The family
 * confirms the facts, a death-report case opens, and the bot says what happens next for that region.
 */
export const reportDeathDialog: DialogDef = {
  intent: 'report_death',
  topic: 'death',
  relatedTopics: () => ['funeral'],
  factsInput: (s) => ({
    ...(typeof s.dateOfDeath === 'string' ? { dateOfDeath: s.dateOfDeath } : {}),
    ...(typeof s.daysSince === 'number' ? { daysSinceDeath: s.daysSince } : {}),
  }),
  questionOf: deathQuestion,
  privateOnly: true,
  /**
   * What the family most needs first, when the date and place are already known: by when to report. A question about
   * the rule ("多少天内报") marks the dialog as answering it (the engine calls this once, as the dialog starts).
   */
  opening(ctx, s) {
    const lines: string[] = [];
    // An ID number or phone typed in the group: the bot never repeats it; the family may want to take it back.
    if (ctx.incoming.group && ID_OR_PHONE.test(ctx.incoming.text ?? '')) lines.push(ctx.tr.t('death-group-had-personal'));
    // A report taken up after its question was answered (ASKING false) is a report, whatever the message asked.
    if (s[ASKING] !== false && isQuestion(ctx)) {
      s[ASKING] = true;
      return lines;
    }
    lines.push(ctx.tr.t('death-form-intro'));
    // The deadline, once: not again when the first message asked it and was answered.
    const answered = Array.isArray(s[ASPECTS]) && s[ASPECTS].includes('deadline');
    if (typeof s.region !== 'string' || answered) return lines;
    if (typeof s.dateOfDeath !== 'string') {
      // The date not yet known: the text's rule ("聊城市：…7日内…"), its notices said elsewhere.
      const rule = deathReportRule({ region: s.region, asOf: ctx.asOf });
      return rule.ok && rule.value.report.days !== null ? [...lines, renderDeathRule(ctx.tr, { ...rule.value, notices: [] })] : lines;
    }
    const procedure = deathProcedure({ region: s.region, dateOfDeath: s.dateOfDeath, asOf: ctx.asOf });
    return procedure.ok ? [...lines, renderDeadline(ctx.tr, procedure.value)] : lines;
  },
  slots: [
    nameSlot('deceasedName', 'ask-deceased-name'),
    idNumberSlot,
    dateSlot('dateOfDeath', 'ask-date-of-death'),
    relationSlot,
    phoneSlot,
    // The prompt asks the district and the community together; a community said alone leaves only the district.
    { ...regionSlot('region', 'ask-death-region'), askFor: (s: Slots) => (typeof s.community === 'string' ? 'ask-death-region-only' : 'ask-death-region') },
    community,
    daysSince,
  ].map(unlessAsking),
  finish(ctx, s) {
    if (s[ASKING] === true) {
      // The rule, with its clause; a family is offered the registration, staff just get the answer.
      const rule = deathReportRule({ region: String(s.region), asOf: ctx.asOf, ...(typeof s.dateOfDeath === 'string' ? { dateOfDeath: s.dateOfDeath } : {}) });
      if (!rule.ok) return { lines: [ruleErrorLine(ctx, rule.error)], next: 'done' };
      // "社会化管理从什么时候停": a question about another side of a death than the deadline is answered as asked.
      const asked = Array.isArray(s[ASPECTS]) ? (s[ASPECTS] as Aspect[]) : [];
      const other = asked.includes('deadline')
        ? null
        : aspectAnswer(ctx, 'death', String(s.region), this.factsInput?.(s, ctx.asOf) ?? {}, asked, ctx.incoming.text);
      // "是不是要7天内报": the yes or no leads the rule.
      const ruleText = renderDeathRule(ctx.tr, rule.value);
      const answer = other?.join('\n') ?? `${verdict(ctx.incoming.text, ruleText.split('\n')[0])}${ruleText}`;
      if (ctx.incoming.staff) return { lines: [answer], next: 'done' };
      return { lines: [answer, ctx.tr.t('offer-death-report')], buttons: offerButtons(ctx, 'button-register-death'), next: 'offer' };
    }
    const summary = ctx.tr.t('death-confirm', {
      name: String(s.deceasedName),
      id: typeof s.idNumber === 'string' ? maskIdNumber(s.idNumber) : ctx.tr.t('death-id-later'),
      date: formatDate(ctx.tr, String(s.dateOfDeath)),
      relation: String(s.relation),
      phone: maskPhone(String(s.reporterPhone)),
      region: String(s.region),
      community: String(s.community),
    });
    return {
      lines: [summary],
      buttons: [
        { label: ctx.tr.t('button-confirm-report'), payload: YES },
        { label: ctx.tr.t('button-cancel'), payload: CANCEL },
      ],
      next: 'confirm',
    };
  },
  async accept(ctx, s) {
    if (s[ASKING] === true) {
      // The offer after a question was taken up: the report starts with what is known (the region, a date said).
      const known: Slots = {};
      for (const name of FACTS) if (s[name] !== undefined) known[name] = s[name];
      return { lines: [], next: 'done', continueWith: { intent: 'report_death', slots: { ...known, [ASKING]: false } } };
    }
    const procedure = deathProcedure({ region: String(s.region), dateOfDeath: String(s.dateOfDeath), asOf: ctx.asOf });
    if (!procedure.ok) return { lines: [ruleErrorLine(ctx, procedure.error)], next: 'done' };
    const amending = typeof s[FILED] === 'string';
    const filed = await fileCase(
      ctx,
      'death_report',
      {
        deceasedName: String(s.deceasedName),
        idNumber: typeof s.idNumber === 'string' ? s.idNumber : null,
        dateOfDeath: String(s.dateOfDeath),
        relation: String(s.relation),
        reporterPhone: String(s.reporterPhone),
        region: String(s.region),
        community: String(s.community),
        deadline: procedure.value.report.deadline?.date ?? null,
      },
      s,
    );
    // The district of the report is the one the family's next questions are about ("丧事慰问多少"): remembered, so
    // they are not asked it again.
    ctx.profile.region = String(s.region);
    const later = typeof s.idNumber === 'string' ? [] : [ctx.tr.t('death-id-later-note')];
    return {
      lines: [...filed.lines, ...later, ctx.tr.t(amending ? 'death-next-steps-amended' : 'death-next-steps'), renderDeath(ctx.tr, procedure.value)],
      next: 'done',
    };
  },
};
