// The rules core: pure functions over dated policy data. No I/O, no clock, no channel, no sentences.

export * from './answer.ts';
export * from './dates.ts';
export * from './documents.ts';
export * from './entitlements/festival.ts';
export * from './entitlements/funeral.ts';
export * from './entitlements/group.ts';
export * from './entitlements/health-check.ts';
export * from './entitlements/hospitalization.ts';
export * from './entitlements/serious-illness.ts';
export * from './facts.ts';
export { FESTIVALS, type Festival, LAWS, type Law, type SeriousIllnessScale } from './law/index.ts';
export * from './money.ts';
export * from './parameter.ts';
export * from './procedures/coverage.ts';
export * from './procedures/death.ts';
export * from './procedures/duties.ts';
export * from './procedures/pension.ts';
export * from './procedures/transfer.ts';
export * from './provisions.ts';
export * from './regime.ts';
export * from './regions.ts';
export * from './staff/budget.ts';
export * from './staff/funds.ts';
export * from './staff/publicity.ts';
export * from './staff/staffing.ts';
export * from './summary.ts';
export * from './types.ts';
