/**
 * The NLU module's one export file: `understand(text, { now })` → intent, calibrated confidence and slots.
 *
 *   normalize.ts      full-width, Traditional → Simplified, emoji and repeats
 *   understand.ts     understand(): normalise → classify → slot parsers; the shared classifier
 *   classifier.ts     the runtime intent classifier and its training (trainClassifier)
 *   vectors.ts        features (features.ts) → sparse tf-idf vectors
 *   model.ts          logistic regression and nearest-example evidence
 *   calibration.ts    temperature and the out-of-scope threshold
 *   intents.ts        intent ids and the training examples in intents/
 *   slots/            slot parsers (their own export file: slots/index.ts)
 */

export type { CalibrationOptions, Decision } from './calibration.ts';
export { decide, fitTemperature } from './calibration.ts';
export type {
  Classification,
  ClassifierInfo,
  ClassifierOptions,
  ClassifyOptions,
  FeatureContribution,
  IntentClassifier,
  TrainingExample,
} from './classifier.ts';
export { DEFAULT_OPTIONS, trainClassifier } from './classifier.ts';
export type { FeatureConfig } from './features.ts';
export { CHAR_FEATURES, CHAR_PINYIN_FEATURES, syllableOf } from './features.ts';
export type { DialogAct, DomainIntent, IntentDefinition, IntentId, SlotName } from './intents.ts';
export { DIALOG_ACTS, DOMAIN_INTENTS, INTENT_IDS, IntentDataError, isIntentId, loadIntents, OUT_OF_SCOPE, SLOT_NAMES } from './intents.ts';
export type { LinearModel, ModelFitter, ModelOptions, TrainingSet } from './model.ts';
export { logisticRegression, mulberry32 } from './model.ts';
export { normalize, truncateForNlu } from './normalize.ts';
export type { SlotError, SlotErrorCode, Slots } from './slots/index.ts';
export type { NluError, Understanding, UnderstandOptions } from './understand.ts';
export {
  BARE_VALUE,
  buildClassifier,
  classifyNormalized,
  getClassifier,
  isBarePlaceOrYear,
  MAX_TEXT_CHARS,
  setClassifier,
  trainingExamples,
  understand,
  warmUp,
} from './understand.ts';
export type { VectorOptions } from './vectors.ts';
