import type { IsoDate } from './dates.ts';
import type { Dated, Parameter } from './types.ts';

/** The value in force on `asOf`: the latest entry that has started. Undefined before the first one. */
export function valueAt<T>(param: Parameter<T> | undefined, asOf: IsoDate): Dated<T> | undefined {
  if (!param) return undefined;
  let found: Dated<T> | undefined;
  for (const entry of param) {
    if (entry.from <= asOf) found = entry;
    else break;
  }
  return found;
}
