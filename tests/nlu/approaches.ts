/**
 * The approaches `npm run eval:nlu -- --compare` trains on the same data: the bot's classifier with other
 * options (plain character n-grams without idf or neighbour evidence, trigrams, no pinyin), the same pipeline
 * with a naive Bayes model, and nlp.js. Only the one marked [default] is what the bot runs.
 */
import type { ClassifierOptions, IntentId, TrainingExample } from '../../src/nlu/index.ts';
import { CHAR_FEATURES, CHAR_PINYIN_FEATURES, trainClassifier } from '../../src/nlu/index.ts';
import { naiveBayes } from './naive-bayes.ts';
import { trainNlpjs } from './nlpjs-baseline.ts';

export interface Approach {
  readonly name: string;
  readonly train: (examples: readonly TrainingExample[]) => { classify(text: string): { intent: IntentId } };
}

/** The bot's classifier trained with `options` (others at their defaults). */
export const ours = (name: string, options: Partial<ClassifierOptions> = {}): Approach => ({
  name,
  train: (ex) => trainClassifier(ex, options),
});

/** Plain n-gram counts: no idf weighting, no neighbour evidence. */
const PLAIN: Partial<ClassifierOptions> = { knnWeight: 0, idf: false };

export const APPROACHES: readonly Approach[] = [
  ours('(a) char 1-3, logreg', { ...PLAIN, features: { charMin: 1, charMax: 3, pinyinMax: 0 } }),
  ours('(b) char 1-3 + pinyin 1-2, logreg', { ...PLAIN, features: { charMin: 1, charMax: 3, pinyinMax: 2 } }),
  ours('(a2) char 1-2, logreg + idf + neighbour', { features: CHAR_FEATURES }),
  ours('(b2) char 1-2 + pinyin 1-2, logreg + idf + neighbour [default]', { features: CHAR_PINYIN_FEATURES }),
  ours('(b3) char 1-2 + pinyin 1-2, logreg + idf', { knnWeight: 0 }),
  ours('(b4) char 1-3 + pinyin 1-2, logreg + idf + neighbour', { features: { charMin: 1, charMax: 3, pinyinMax: 2 } }),
  ours('(d) char 1-2 + pinyin 1-2, naive Bayes + idf + neighbour', { model: naiveBayes() }),
  { name: '(c) nlp.js neural (@nlpjs/nlu), char 1-2 tokens', train: (ex) => trainNlpjs(ex) },
];
