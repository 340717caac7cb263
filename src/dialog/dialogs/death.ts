import { renderDeadline, renderDeath } from '../../answers/index.ts';
import { maskIdNumber, maskPhone } from '../../privacy/mask.ts';
import { deathProcedure } from '../../rules/index.ts';
import { CANCEL, YES } from '../buttons.ts';
import type { DialogDef } from '../context.ts';
import { dateSlot, freeTextSlot, idNumberSlot, nameSlot, phoneSlot, regionSlot, relationSlot } from '../slots.ts';
import { fileCase, ruleErrorLine } from './common.ts';

/**
 * 报告去世. Personal data is collected only in a private chat (the engine moves there from a group). The family
 * confirms the facts, a death-report case opens, and the bot says what happens next for that region.
 */
export const reportDeathDialog: DialogDef = {
  intent: 'report_death',
  privateOnly: true,
  /** What the family most needs first, when the date and place are already known: by when to report. */
  opening(ctx, s) {
    if (typeof s.region !== 'string' || typeof s.dateOfDeath !== 'string') return [];
    const procedure = deathProcedure({ region: s.region, dateOfDeath: s.dateOfDeath, asOf: ctx.asOf });
    return procedure.ok ? [renderDeadline(ctx.tr, procedure.value)] : [];
  },
  slots: [
    nameSlot('deceasedName', 'ask-deceased-name'),
    idNumberSlot,
    dateSlot('dateOfDeath', 'ask-date-of-death'),
    relationSlot,
    phoneSlot,
    regionSlot('region', 'ask-death-region'),
    freeTextSlot('community', 'ask-community', 60),
  ],
  finish(ctx, s) {
    const summary = ctx.tr.t('death-confirm', {
      name: String(s.deceasedName),
      id: maskIdNumber(String(s.idNumber)),
      date: String(s.dateOfDeath),
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
    const procedure = deathProcedure({ region: String(s.region), dateOfDeath: String(s.dateOfDeath), asOf: ctx.asOf });
    if (!procedure.ok) return { lines: [ruleErrorLine(ctx, procedure.error)], next: 'done' };
    const filed = await fileCase(ctx, 'death_report', {
      deceasedName: String(s.deceasedName),
      idNumber: String(s.idNumber),
      dateOfDeath: String(s.dateOfDeath),
      relation: String(s.relation),
      reporterPhone: String(s.reporterPhone),
      region: String(s.region),
      community: String(s.community),
      deadline: procedure.value.report.deadline?.date ?? null,
    });
    return { lines: [...filed.lines, ctx.tr.t('death-next-steps'), renderDeath(ctx.tr, procedure.value)], next: 'done' };
  },
};
