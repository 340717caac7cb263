/**
 * The intent inventory and the training data under `intents/`.
 *
 * Every intent has one file `intents/<id>.json` shaped `{"id","description","slots":[...],"examples":[...]}`.
 * The files are validated with zod when the classifier trains; a malformed file, an unknown id or a
 * missing intent is an error that names the file, never a silent skip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The 16 domain intents (see shared/interface.md). */
export const DOMAIN_INTENTS = [
  'serious_illness_consolation',
  'hospitalization_consolation',
  'funeral_consolation',
  'report_death',
  'transfer_management',
  'health_checkup',
  'festival_consolation',
  'group_activity',
  'group_leader_subsidy',
  'pension_certification',
  'update_personal_info',
  'coverage_enrollment',
  'hardship_assistance',
  'fund_budget',
  'case_status',
  'human_handoff',
] as const;

/** Dialog acts. */
export const DIALOG_ACTS = ['greeting', 'thanks', 'help', 'cancel', 'affirm', 'deny'] as const;

export const OUT_OF_SCOPE = 'out_of_scope' as const;

/** Every intent id the NLU can return, in a fixed order (class index = position in this list). */
export const INTENT_IDS = [...DOMAIN_INTENTS, ...DIALOG_ACTS, OUT_OF_SCOPE] as const;

export type DomainIntent = (typeof DOMAIN_INTENTS)[number];
export type DialogAct = (typeof DIALOG_ACTS)[number];
export type IntentId = (typeof INTENT_IDS)[number];

const INTENT_SET: ReadonlySet<string> = new Set(INTENT_IDS);

export function isIntentId(value: unknown): value is IntentId {
  return typeof value === 'string' && INTENT_SET.has(value);
}

export const SLOT_NAMES = ['amount', 'region', 'date', 'festival', 'count', 'age', 'relation', 'id_number', 'phone', 'name'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

/** A slot entry in an intent file: its name, or an object naming it (extra keys are allowed). */
const slotEntry = z.union([z.enum(SLOT_NAMES), z.looseObject({ name: z.enum(SLOT_NAMES) })]);

/** An example sentence: a string, or an object carrying it as `text` (extra keys are allowed). */
const exampleEntry = z.union([z.string().trim().min(1), z.looseObject({ text: z.string().trim().min(1) })]);

export const intentFileSchema = z.object({
  id: z.enum(INTENT_IDS),
  description: z.string().min(1),
  slots: z.array(slotEntry),
  examples: z.array(exampleEntry).min(1),
});

export interface IntentDefinition {
  readonly id: IntentId;
  readonly description: string;
  readonly slots: readonly SlotName[];
  readonly examples: readonly string[];
  /** The file it came from. */
  readonly file: string;
}

export class IntentDataError extends Error {
  override readonly name = 'IntentDataError';
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(`${message}:\n  ${problems.join('\n  ')}`);
  }
}

/** `intents/` at the root of the repository. */
export const DEFAULT_INTENTS_DIR = fileURLToPath(new URL('../../intents/', import.meta.url));

export interface LoadOptions {
  /** Require a file for every id in INTENT_IDS (default true). */
  readonly requireAll?: boolean;
}

/** Parses and validates one intent file's content. `file` names it in error messages. */
export function parseIntentFile(content: unknown, file: string): IntentDefinition {
  const parsed = intentFileSchema.safeParse(content);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new IntentDataError('Invalid intent file', problems);
  }
  const d = parsed.data;
  return {
    id: d.id,
    description: d.description,
    slots: d.slots.map((s) => (typeof s === 'string' ? s : s.name)),
    examples: d.examples.map((e) => (typeof e === 'string' ? e : e.text).trim()),
    file,
  };
}

/**
 * Loads `dir/*.json`, validates each file, checks that a file's name is its id, that no id is
 * defined twice and (unless `requireAll: false`) that every intent has a file.
 * Throws IntentDataError listing every problem found.
 */
export function loadIntents(dir: string = DEFAULT_INTENTS_DIR, opts: LoadOptions = {}): IntentDefinition[] {
  const requireAll = opts.requireAll ?? true;
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (e) {
    throw new IntentDataError('Cannot read the intents directory', [`${dir}: ${(e as Error).message}`]);
  }
  const problems: string[] = [];
  const byId = new Map<IntentId, IntentDefinition>();
  for (const name of names) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${name}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    let def: IntentDefinition;
    try {
      def = parseIntentFile(json, name);
    } catch (e) {
      if (e instanceof IntentDataError) problems.push(...e.problems);
      else problems.push(`${name}: ${(e as Error).message}`);
      continue;
    }
    if (basename(name, '.json') !== def.id) problems.push(`${name}: id "${def.id}" differs from the file name`);
    if (byId.has(def.id)) problems.push(`${name}: id "${def.id}" is defined twice`);
    else byId.set(def.id, def);
  }
  if (requireAll) {
    for (const id of INTENT_IDS) if (!byId.has(id)) problems.push(`${id}.json: missing`);
  }
  // The same sentence under two intents teaches the classifier a contradiction.
  const owner = new Map<string, IntentId>();
  for (const def of byId.values()) {
    for (const e of new Set(def.examples)) {
      const other = owner.get(e);
      if (other !== undefined && other !== def.id) problems.push(`${def.file}: example "${e}" is also an example of ${other}`);
      else owner.set(e, def.id);
    }
  }
  if (problems.length > 0) throw new IntentDataError(`Invalid training data in ${dir}`, problems);
  return INTENT_IDS.flatMap((id) => {
    const d = byId.get(id);
    return d ? [d] : [];
  });
}
