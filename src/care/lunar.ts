import { LunarDay } from 'tyme4ts';

/** The festivals of the texts (000 三(一)4: 端午、重阳、春节; 004 三(四): 春节、端午、中秋) on their lunar dates. */
export const FESTIVALS = [
  { name: '春节', month: 1, day: 1 },
  { name: '端午节', month: 5, day: 5 },
  { name: '中秋节', month: 8, day: 15 },
  { name: '重阳节', month: 9, day: 9 },
] as const;

export type FestivalName = (typeof FESTIVALS)[number]['name'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The Gregorian date (ISO) of a festival in a lunar year, by tyme4ts (the lunar calendar, not a fixed table). */
export function festivalDate(name: FestivalName, lunarYear: number): string {
  const f = FESTIVALS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown festival ${name}`);
  const s = LunarDay.fromYmd(lunarYear, f.month, f.day).getSolarDay();
  return `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;
}

/** Every festival from `fromIso` on (inclusive), in date order, within the next two lunar years. */
export function festivalsFrom(fromIso: string): { name: FestivalName; date: string }[] {
  const year = Number(fromIso.slice(0, 4));
  const out: { name: FestivalName; date: string }[] = [];
  for (const y of [year - 1, year, year + 1]) for (const f of FESTIVALS) out.push({ name: f.name, date: festivalDate(f.name, y) });
  return out.filter((f) => f.date >= fromIso).sort((a, b) => a.date.localeCompare(b.date));
}
