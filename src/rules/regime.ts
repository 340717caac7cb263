import type { IsoDate } from './dates.ts';
import { DOCUMENTS, documentStatus } from './documents.ts';
import { LAWS, type Law } from './law/index.ts';
import { findRegion, type Region } from './regions.ts';
import { err, type Notice, ok, type Result, type RuleError } from './types.ts';

/** Which law answers for a region on a date, and what the reader must be told about that choice. */
export interface Regime {
  readonly region: Region;
  readonly law: Law | null;
  readonly notices: readonly Notice[];
}

export function regionOrError(region: Region | string): Result<Region, Extract<RuleError, { code: 'unknown_region' }>> {
  if (typeof region !== 'string') return ok(region);
  const found = findRegion(region);
  return found ? ok(found) : err({ code: 'unknown_region', value: region });
}

export function regimeFor(regionInput: Region | string, asOf: IsoDate): Result<Regime> {
  const resolved = regionOrError(regionInput);
  if (!resolved.ok) return resolved;
  const region = resolved.value;
  if (region.doc === null) return ok({ region, law: null, notices: [{ code: 'no_document', region: region.name }] });

  const doc = DOCUMENTS[region.doc];
  const status = documentStatus(doc, asOf);
  if (status === 'not_yet') return err({ code: 'not_in_force', doc: doc.id, asOf });

  const notices: Notice[] = [];
  if (region.coverage === 'reference') notices.push({ code: 'reference_only', doc: doc.id, region: region.name });
  if (region.cityOnly) notices.push({ code: 'city_level_only', region: region.name });
  if (status === 'expired' && doc.lastDay) notices.push({ code: 'document_expired', doc: doc.id, expiredAfter: doc.lastDay });
  if (doc.scope !== 'all_enterprise') notices.push({ code: 'state_owned_only', doc: doc.id });
  return ok({ region, law: LAWS[doc.id], notices });
}
