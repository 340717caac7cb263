import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** shared/ sits beside the clone (../shared); SHARED_DIR overrides. */
export const sharedDir = process.env.SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const policiesDir = join(sharedDir, 'policies');
export const hasPolicies = existsSync(policiesDir);

if (!hasPolicies) {
  const message = `\n!!! ${policiesDir} not found: the citation checks against the policy texts cannot run.\n`;
  // Under CI the texts must be there: a missing shared/ is a failure, not a skip.
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(message);
}

/** The text with all whitespace removed: the texts are PDF extractions with breaks inside sentences. */
export function policyText(file: string): string {
  return readFileSync(join(policiesDir, file), 'utf8').replace(/\s+/g, '');
}
