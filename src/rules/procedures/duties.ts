import { citationsOf, type Point } from '../answer.ts';
import type { IsoDate } from '../dates.ts';
import { LAWS } from '../law/index.ts';
import type { Law } from '../law/types.ts';
import { valueAt } from '../parameter.ts';
import { regimeFor } from '../regime.ts';
import type { Region } from '../regions.ts';
import { type Citation, type Notice, ok, type Parameter, type Result } from '../types.ts';

export interface DutyAnswer {
  readonly region: string;
  readonly points: readonly Point[];
  readonly notices: readonly Notice[];
  readonly citations: readonly Citation[];
}

interface DutyInput {
  readonly region: Region | string;
  readonly asOf: IsoDate;
}

/** The region's clause, else the first text that has one (marked `general`). */
function clause(own: Law | null, pick: (law: Law) => Parameter<true> | undefined, fallbacks: readonly Law[], asOf: IsoDate, code: string): Point[] {
  const mine = own ? valueAt(pick(own), asOf) : undefined;
  if (mine) return [{ code, params: { general: 0 }, cite: mine.cite }];
  for (const law of fallbacks) {
    const other = valueAt(pick(law), asOf);
    if (other) return [{ code, params: { general: 1 }, cite: other.cite }];
  }
  return [];
}

/** 信息变更: tell the community of a new phone, address, or a move out of the province or abroad. */
export function personalInfoDuty(input: DutyInput): Result<DutyAnswer> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const points = clause(regime.value.law, (l) => l.reportChanges, [LAWS.changsha, LAWS.liaocheng], input.asOf, 'report_personal_changes');
  // Cited from another region's text, the answer is the same for every district: a notice about the region's own
  // document ("以下是杭州市级标准…请告诉我您在哪个区") would mislabel it.
  const general = points.length > 0 && points.every((p) => p.params?.general === 1);
  const notices = general ? regime.value.notices.filter((n) => n.code !== 'city_level_only' && n.code !== 'reference_only') : regime.value.notices;
  return ok({ region: regime.value.region.name, points, notices, citations: citationsOf(points) });
}

/** Whether the region's own text says to tell the community of a move out of the province (002/003 第十六条(三)). */
export function ownsChangeReporting(region: string, asOf: IsoDate): boolean {
  const regime = regimeFor(region, asOf);
  return regime.ok && valueAt(regime.value.law?.reportChanges, asOf) !== undefined;
}

/**
 * 困难帮扶: Jiande's festival money for hardship (see `festival`), visits to retirees in hardship, and help to apply
 * for 低保 and other assistance.
 */
export function hardshipHelp(input: DutyInput): Result<DutyAnswer> {
  const regime = regimeFor(input.region, input.asOf);
  if (!regime.ok) return regime;
  const law = regime.value.law;
  const points: Point[] = [];
  const festivalHardship = valueAt(law?.festivalHardship, input.asOf);
  if (festivalHardship) {
    const { ceiling, severeCeiling, festivals, maxTimesPerYear } = festivalHardship.value;
    points.push({ code: 'festival_hardship_only', params: { festivals: festivals.join('、') }, cite: festivalHardship.cite });
    points.push({ code: 'festival_hardship_ceilings', params: { ceiling: ceiling.toFixed(0), severe: severeCeiling.toFixed(0) }, cite: festivalHardship.cite });
    points.push({ code: 'times_per_year_in_principle', params: { times: maxTimesPerYear }, cite: festivalHardship.cite });
  }
  // Hangzhou's 四(一) funds 重点、特困人员慰问 from the district's share; it says nothing of regular visits.
  points.push(
    ...clause(law, (l) => l.hardshipVisits, [LAWS.changsha], input.asOf, 'hardship_visits').map((p) =>
      p.cite.doc === 'hangzhou' ? { ...p, code: 'hardship_fund_visits' } : p,
    ),
  );
  points.push(...clause(law, (l) => l.hardshipAssistance, [LAWS.changsha, LAWS.liaocheng, LAWS.henan], input.asOf, 'help_apply_for_assistance'));
  return ok({ region: regime.value.region.name, points, notices: regime.value.notices, citations: citationsOf(points) });
}
