/**
 * The NLU module: `understand(text, { now })` → intent, calibrated confidence and slots.
 *
 * The classifier is trained from `intents/*.json` on first use (or by `warmUp()` at start-up);
 * `understand` never throws: bad input comes back as `out_of_scope` and/or an error entry.
 */
import { trainClassifier } from './classifier.ts';
import type { ClassifierInfo, ClassifierOptions, FeatureContribution, IntentClassifier, TrainingExample } from './classifier.ts';
import { DEFAULT_INTENTS_DIR, INTENT_IDS, OUT_OF_SCOPE, loadIntents } from './intents.ts';
import type { IntentDefinition, IntentId } from './intents.ts';
import { normalize, truncateForNlu } from './normalize.ts';
import { extractSlots } from './slots/index.ts';
import type { SlotError, Slots } from './slots/index.ts';

export type { SlotError, Slots } from './slots/index.ts';
export type { ClassifierInfo, ClassifierOptions, Classification, FeatureContribution, IntentClassifier } from './classifier.ts';
export { DOMAIN_INTENTS, DIALOG_ACTS, INTENT_IDS, OUT_OF_SCOPE, SLOT_NAMES, isIntentId, loadIntents } from './intents.ts';
export type { DialogAct, DomainIntent, IntentDefinition, IntentId, SlotName } from './intents.ts';

/** What `understand` adds to the slot parsers' errors. */
export type NluError =
  | SlotError
  | { readonly code: 'text_truncated'; readonly length: number; readonly kept: number }
  | { readonly code: 'internal_error'; readonly stage: 'normalize' | 'classify' | 'slots'; readonly message: string };

export interface UnderstandOptions {
  /** The clock relative dates (昨天, 上周三) resolve against. */
  readonly now: Date;
  /** The dialog is waiting for a person's name: a bare name is taken as the `name` slot. */
  readonly expectName?: boolean;
  /** Add `features`: what decided the intent (n-grams, `p:` pinyin, `nn:` nearest training example). */
  readonly explain?: boolean;
}

export interface Understanding {
  /** The text as given. */
  readonly text: string;
  readonly intent: IntentId;
  /** Calibrated probability that `intent` is right, in [0, 1], three decimals. */
  readonly confidence: number;
  readonly slots: Slots;
  /** Present only when there is something to say (a slot that could not be read, a truncated text…). */
  readonly errors?: readonly NluError[];
  /** Present only with `explain`. */
  readonly features?: readonly FeatureContribution[];
}

/**
 * A number with at most a unit ("12000元", "1.2万", "一万二", "45人", "76岁", "两次"): a slot value, like a bare
 * number, and no intent — it answers a question, it asks none.
 */
export const BARE_VALUE =
  /^[-+]?(?:[\d.,]|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟])+\s?(?:k|w|万|千)?\s?(?:块钱|块|元|圆|周岁|岁|个人|人|个|位|名|户|次|回)?[.!?。！？]?$/;

/** Texts longer than this are cut before normalization, classification and slot extraction. */
export const MAX_TEXT_CHARS = 512;

/** Training examples from intent definitions, normalized as user text is. */
export function trainingExamples(defs: readonly IntentDefinition[]): TrainingExample[] {
  return defs.flatMap((d) => d.examples.map((e) => ({ text: normalize(e), intent: d.id })));
}

/** Loads `intents/` and trains a classifier (the default options unless given). */
export function buildClassifier(
  options: Partial<ClassifierOptions> = {},
  intentsDir: string = DEFAULT_INTENTS_DIR,
): IntentClassifier {
  return trainClassifier(trainingExamples(loadIntents(intentsDir)), options);
}

let classifier: IntentClassifier | undefined;

/** The shared classifier, trained on first use. Throws if `intents/` is invalid. */
export function getClassifier(): IntentClassifier {
  classifier ??= buildClassifier();
  return classifier;
}

/** Trains the shared classifier now (call at start-up) and says how it went. */
export function warmUp(): ClassifierInfo {
  return getClassifier().info;
}

/** Replaces the shared classifier (e.g. one trained with other options); `undefined` resets it. */
export function setClassifier(c: IntentClassifier | undefined): void {
  classifier = c;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Understands one message. Never throws: empty, huge, emoji-only or garbled text comes back as
 * `out_of_scope`; a failure inside a stage is reported in `errors` and the other stages still run.
 */
export function understand(text: string, opts: UnderstandOptions): Understanding {
  const original = typeof text === 'string' ? text : '';
  const errors: NluError[] = [];
  let clean = original;
  if (clean.length > MAX_TEXT_CHARS) {
    clean = truncateForNlu(clean, MAX_TEXT_CHARS);
    errors.push({ code: 'text_truncated', length: original.length, kept: clean.length });
  }

  let normalized: string;
  try {
    normalized = normalize(clean);
  } catch (e) {
    errors.push({ code: 'internal_error', stage: 'normalize', message: String((e as Error)?.message ?? e) });
    normalized = clean.normalize('NFKC');
  }

  let intent: IntentId = OUT_OF_SCOPE;
  let confidence = 0;
  let features: readonly FeatureContribution[] | undefined;
  try {
    const c = BARE_VALUE.test(normalized)
      ? { intent: OUT_OF_SCOPE, confidence: 1, features: opts.explain ? [] : undefined }
      : getClassifier().classify(normalized, { explain: opts.explain === true });
    intent = INTENT_IDS.includes(c.intent) ? c.intent : OUT_OF_SCOPE;
    confidence = round3(c.confidence);
    features = c.features;
  } catch (e) {
    errors.push({ code: 'internal_error', stage: 'classify', message: String((e as Error)?.message ?? e) });
  }

  let slots = {} as Slots;
  try {
    const now = opts.now instanceof Date && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
    const r = extractSlots(normalized, { now, ...(opts.expectName !== undefined ? { expectName: opts.expectName } : {}) });
    slots = r.slots;
    errors.push(...r.errors);
  } catch (e) {
    errors.push({ code: 'internal_error', stage: 'slots', message: String((e as Error)?.message ?? e) });
  }

  return {
    text: original,
    intent,
    confidence,
    slots,
    ...(errors.length > 0 ? { errors } : {}),
    ...(opts.explain && features ? { features } : {}),
  };
}
