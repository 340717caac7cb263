import type { Decimal } from 'decimal.js';

/** The five policy documents, by the jurisdiction each one governs. */
export type DocId = 'hangzhou' | 'jiande' | 'changsha' | 'liaocheng' | 'henan';

/** A clause of a document, with the words of the text it rests on (checked against the text by a test). */
export interface Citation {
  readonly doc: DocId;
  /** Clause path as the text numbers it, e.g. 三(一)4 or 第十六条(四). */
  readonly clause: string;
  /** Verbatim words of the clause (whitespace aside), so every citation can be found in its text. */
  readonly quote: string;
}

/** One value of a parameter, in force from `from` (ISO date) until the next value starts. */
export interface Dated<T> {
  readonly from: string;
  readonly value: T;
  readonly cite: Citation;
}

/** A parameter is its history: dated values, oldest first. A new policy year is a new entry. */
export type Parameter<T> = readonly Dated<T>[];

export type Money = Decimal;

/** Errors are data: told apart by `code`, never thrown from inside the rules. */
export type RuleError =
  | { readonly code: 'negative_amount'; readonly value: string }
  | { readonly code: 'absurd_amount'; readonly value: string; readonly max: string }
  | { readonly code: 'invalid_amount'; readonly value: string }
  | { readonly code: 'unknown_region'; readonly value: string }
  | { readonly code: 'invalid_date'; readonly value: string }
  | { readonly code: 'future_date'; readonly value: string; readonly asOf: string }
  | { readonly code: 'invalid_count'; readonly value: string }
  | { readonly code: 'invalid_age'; readonly value: string }
  | { readonly code: 'not_in_force'; readonly doc: DocId; readonly asOf: string }
  | { readonly code: 'unknown_festival'; readonly value: string };

export type Result<T, E = RuleError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E extends RuleError>(error: E): Result<never, E> => ({ ok: false, error });

/** Something the reader must be told beside the figure. */
export type Notice =
  | { readonly code: 'document_expired'; readonly doc: DocId; readonly expiredAfter: string }
  | { readonly code: 'reference_only'; readonly doc: DocId; readonly region: string }
  | { readonly code: 'no_document'; readonly region: string }
  | { readonly code: 'city_level_only'; readonly region: string }
  | { readonly code: 'latest_published_value'; readonly doc: DocId; readonly year: number }
  | { readonly code: 'state_owned_only'; readonly doc: DocId };
