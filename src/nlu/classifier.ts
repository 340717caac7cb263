/**
 * The intent classifier that understand() uses, trained at start-up from `intents/*.json` (≈0.1–0.3 s for
 * ~1 400 examples):
 *
 *   text → pinyin words read as characters (pinyin-lexicon.ts) → sparse tf-idf vector (vectors.ts)
 *        → scores: logistic regression + nearest-example evidence (model.ts)
 *        → calibrated probabilities and the out-of-scope decision (calibration.ts)
 *
 * The method was chosen by measurement (`npm run eval:nlu -- --compare`).
 *
 * - Deterministic: a seeded PRNG orders the SGD steps and the folds; the same data gives the same model.
 * - Explainable: `classify(text, { explain: true })` lists what pushed the chosen intent — n-grams
 *   (`p:` marks pinyin) with value × weight, and `nn:<example>` for the nearest training example.
 * - Calibrated: `confidence` ≈ P(correct); out_of_scope below `threshold`, or when the text has no Han
 *   characters or letters (empty, emoji, punctuation, control characters, a bare number).
 * - Fast: classification reuses typed scratch arrays; the per-call cost is one Map lookup per
 *   n-gram and a few thousand multiply-adds (tens of µs).
 */

import type { CalibrationOptions } from './calibration.ts';
import { calibrateTemperature, decide } from './calibration.ts';
import { CHAR_PINYIN_FEATURES } from './features.ts';
import type { IntentId } from './intents.ts';
import { INTENT_IDS, OUT_OF_SCOPE } from './intents.ts';
import type { ModelOptions, Scorer } from './model.ts';
import { logisticRegression, makeScorer, prepare } from './model.ts';
import { buildPinyinLexicon, type PinyinLexicon } from './pinyin-lexicon.ts';
import type { VectorOptions } from './vectors.ts';
import { encode, TextVectorizer, type Weighting } from './vectors.ts';

export interface TrainingExample {
  /** Normalized text. */
  readonly text: string;
  readonly intent: IntentId;
}

/** How the classifier is trained: its vectors, its model and its calibration. */
export interface ClassifierOptions extends VectorOptions, ModelOptions, CalibrationOptions {}

export const DEFAULT_OPTIONS: ClassifierOptions = {
  model: logisticRegression,
  features: CHAR_PINYIN_FEATURES,
  epochs: 6,
  learningRate: 2,
  lrDecay: 0.3,
  l2: 1e-5,
  knnWeight: 3,
  idf: true,
  balance: true,
  seed: 20261121,
  calibrationFolds: 2,
  threshold: 0.3,
  maxChars: 256,
};

export interface FeatureContribution {
  /** The n-gram (`p:` marks a pinyin-syllable n-gram), or `nn:` and the nearest training example. */
  readonly feature: string;
  /** Its contribution to the chosen intent's score (value × weight, before the temperature). */
  readonly weight: number;
}

export interface Classification {
  /** The answer: the best intent, or out_of_scope when `confidence` of the best is below the threshold. */
  readonly intent: IntentId;
  /** Calibrated probability that `intent` is right, in [0, 1]. */
  readonly confidence: number;
  /** The model's best intent before the threshold, with its calibrated probability. */
  readonly best: IntentId;
  readonly bestProbability: number;
  readonly runnerUp: IntentId;
  readonly runnerUpProbability: number;
  /** Set when `explain` was asked: the features that decided, strongest first. */
  readonly features?: readonly FeatureContribution[];
}

export interface ClassifierInfo {
  /** The model fitter's name ('logreg'). */
  readonly model: string;
  readonly examples: number;
  readonly vocabulary: number;
  readonly intents: number;
  readonly temperature: number;
  readonly threshold: number;
  /** Wall time of `trainClassifier`, calibration included (the pinyin lexicon, built last, is not counted). */
  readonly trainingMs: number;
}

export interface ClassifyOptions {
  readonly explain?: boolean;
  /** How many features to list (default 5). */
  readonly topFeatures?: number;
}

export interface IntentClassifier {
  classify(normalizedText: string, opts?: ClassifyOptions): Classification;
  readonly info: ClassifierInfo;
}

/** A Latin word unit among the features (not an n-gram across units, not `p:` / `l:`). */
const LATIN_WORD = /^[a-z]{2,}$/;

/** What a trained classifier is made of. */
interface Trained {
  readonly vocab: Map<string, number>;
  readonly names: readonly string[];
  readonly weighting: Weighting;
  readonly scorer: Scorer;
  /** The training texts, to name the nearest example in explanations. */
  readonly examples: readonly string[];
  readonly temperature: number;
  /** Reads words typed in pinyin as the characters the training data spells them with. */
  readonly lexicon: PinyinLexicon;
}

class LinearIntentClassifier implements IntentClassifier {
  readonly info: ClassifierInfo;
  private readonly K = INTENT_IDS.length;
  // Per-call scratch space, allocated once.
  private readonly z: Float64Array;
  private readonly p: Float64Array;
  private readonly vectorizer: TextVectorizer;

  constructor(
    private readonly t: Trained,
    private readonly o: ClassifierOptions,
    info: Omit<ClassifierInfo, 'temperature' | 'threshold' | 'model'>,
  ) {
    this.info = { ...info, model: o.model.name, temperature: t.temperature, threshold: o.threshold };
    this.z = new Float64Array(this.K);
    this.p = new Float64Array(this.K);
    this.vectorizer = new TextVectorizer(t.vocab, t.weighting, o);
  }

  classify(normalizedText: string, opts: ClassifyOptions = {}): Classification {
    const x = this.vectorizer;
    const content = x.vectorize(this.t.lexicon.transliterate(normalizedText));
    this.t.scorer.score(x.idx, x.val, 0, x.nnz, this.z);
    if (content === 0 || x.nnz === 0) {
      // Nothing the model knows: no evidence for any intent.
      return {
        intent: OUT_OF_SCOPE,
        confidence: 1,
        best: OUT_OF_SCOPE,
        bestProbability: 1,
        runnerUp: OUT_OF_SCOPE,
        runnerUpProbability: 0,
        ...(opts.explain ? { features: [] } : {}),
      };
    }
    const d = decide(this.z, this.t.temperature, this.o.threshold, this.p);
    const best = INTENT_IDS[d.top] as IntentId;
    return {
      intent: d.accepted ? best : OUT_OF_SCOPE,
      confidence: d.confidence,
      best,
      bestProbability: d.topProbability,
      runnerUp: INTENT_IDS[d.second] as IntentId,
      runnerUpProbability: d.secondProbability,
      ...(opts.explain ? { features: this.explain(d.top, opts.topFeatures ?? 5) } : {}),
    };
  }

  /** The `n` strongest contributions to class `cls`'s score of the text just classified. */
  private explain(cls: number, n: number): FeatureContribution[] {
    const K = this.K;
    const { scorer, names, examples } = this.t;
    const W = scorer.model.W;
    const x = this.vectorizer;
    const out: FeatureContribution[] = [];
    for (let t = 0; t < x.nnz; t++) {
      const i = x.idx[t] as number;
      out.push({ feature: names[i] as string, weight: (x.val[t] as number) * (W[i * K + cls] as number) });
    }
    const nn = scorer.knn > 0 ? scorer.neighbour(cls) : undefined;
    if (nn && nn.similarity > 0) {
      out.push({ feature: `nn:${examples[nn.example] ?? ''}`, weight: scorer.knn * nn.similarity });
    }
    out.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
    return out.slice(0, n).map((c) => ({ feature: c.feature, weight: Math.round(c.weight * 1000) / 1000 }));
  }
}

/** Trains a classifier on normalized examples. Deterministic for the same data and options. */
export function trainClassifier(examples: readonly TrainingExample[], options: Partial<ClassifierOptions> = {}): IntentClassifier {
  const t0 = performance.now();
  const o: ClassifierOptions = { ...DEFAULT_OPTIONS, ...options };
  const K = INTENT_IDS.length;
  const classIndex = new Map<string, number>(INTENT_IDS.map((id, i) => [id, i]));
  const labels = Int32Array.from(examples, (e) => {
    const k = classIndex.get(e.intent);
    if (k === undefined) throw new Error(`unknown intent ${e.intent}`);
    return k;
  });
  const texts = examples.map((e) => e.text);
  const enc = encode(texts, o.features, o.maxChars);
  const temperature = calibrateTemperature(enc, labels, K, o);
  const all = new Int32Array(examples.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  const p = prepare(enc, all, labels, K, o);
  const scorer = makeScorer(p, K, o);
  // trainingMs does not count the pinyin lexicon built below (it never has).
  const info = {
    examples: examples.length,
    vocabulary: enc.names.length,
    intents: new Set(examples.map((e) => e.intent)).size,
    trainingMs: performance.now() - t0,
  };
  const trained: Trained = {
    vocab: enc.vocab,
    names: enc.names,
    weighting: p.weighting,
    scorer,
    examples: texts,
    temperature,
    lexicon: buildPinyinLexicon(texts, new Set(enc.names.filter((f) => LATIN_WORD.test(f)))),
  };
  return new LinearIntentClassifier(trained, o, info);
}
