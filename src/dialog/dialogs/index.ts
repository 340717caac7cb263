import type { DialogDef } from '../context.ts';
import { reportDeathDialog } from './death.ts';
import {
  festivalDialog,
  funeralDialog,
  groupActivityDialog,
  groupLeaderDialog,
  healthCheckDialog,
  hospitalizationDialog,
  seriousIllnessApplicationDialog,
  seriousIllnessDialog,
} from './entitlements.ts';
import { caseStatusDialog, coverageDialog, fundBudgetDialog, handoffDialog, hardshipDialog, pensionDialog, updateInfoDialog } from './procedures.ts';
import { transferDialog } from './transfer.ts';

/** One dialog per domain intent, plus the application that follows a serious-illness answer. */
export const DIALOGS: ReadonlyMap<string, DialogDef> = new Map(
  [
    seriousIllnessDialog,
    hospitalizationDialog,
    funeralDialog,
    reportDeathDialog,
    transferDialog,
    healthCheckDialog,
    festivalDialog,
    groupActivityDialog,
    groupLeaderDialog,
    pensionDialog,
    updateInfoDialog,
    coverageDialog,
    hardshipDialog,
    fundBudgetDialog,
    caseStatusDialog,
    handoffDialog,
    seriousIllnessApplicationDialog,
  ].map((d) => [d.intent, d]),
);
