/**
 * The intent classifier, trained at start-up from `intents/*.json` (≈0.1–0.3 s for ~1 200 examples).
 *
 * Features (features.ts): character uni- and bigrams and pinyin-syllable uni- and bigrams of the
 * normalized text, sub-linear tf × idf, L2-normalized over all of the text's features — seen in
 * training or not, so a text made of unknown n-grams carries little weight.
 *
 * Score of intent k = b[k] + Σ x_f · W[f, k]   (multinomial logistic regression, SGD, L2)
 *                   + knnWeight · max cosine(x, training example of k)   (neighbour evidence)
 * and P(k) = softmax(score / T). The method was chosen by measurement (`npm run eval:nlu -- --compare`).
 *
 * - Deterministic: a seeded PRNG orders the SGD steps and the folds; the same data gives the same model.
 * - Explainable: `classify(text, { explain: true })` lists what pushed the chosen intent — n-grams
 *   (`p:` marks pinyin) with value × weight, and `nn:<example>` for the nearest training example.
 * - Calibrated: the temperature T is fitted on out-of-fold scores (2-fold cross-validation on the
 *   training data, minimum negative log-likelihood), so `confidence` ≈ P(correct).
 * - Out of scope: when the calibrated top probability is below `threshold`, or the text has no Han
 *   characters or letters (empty, emoji, punctuation, control characters, a bare number).
 * - Fast: classification reuses typed scratch arrays; the per-call cost is one Map lookup per
 *   n-gram and a few thousand multiply-adds (tens of µs).
 *
 * Multinomial naive Bayes is kept as an alternative model for the comparison.
 */

import type { FeatureConfig } from './features.ts';
import { CHAR_PINYIN_FEATURES, extractFeatures } from './features.ts';
import type { IntentId } from './intents.ts';
import { INTENT_IDS, OUT_OF_SCOPE } from './intents.ts';
import { buildPinyinLexicon, type PinyinLexicon } from './pinyin-lexicon.ts';

export interface TrainingExample {
  /** Normalized text. */
  readonly text: string;
  readonly intent: IntentId;
}

export type ModelKind = 'logreg' | 'naive_bayes';

export interface ClassifierOptions {
  readonly model: ModelKind;
  readonly features: FeatureConfig;
  /** SGD passes over the data (logreg). */
  readonly epochs: number;
  /** Initial SGD step (logreg); it decays as lr / (1 + epoch · lrDecay). */
  readonly learningRate: number;
  readonly lrDecay: number;
  /** L2 penalty per example (logreg). */
  readonly l2: number;
  /** Weight of the neighbour evidence (best cosine similarity per intent); 0 turns it off. */
  readonly knnWeight: number;
  /** Weigh features by inverse document frequency before normalizing. */
  readonly idf: boolean;
  /** Laplace smoothing (naive Bayes). */
  readonly alpha: number;
  /** Weigh examples so that every intent has the same total weight. */
  readonly balance: boolean;
  readonly seed: number;
  /** Folds for fitting the temperature; 0 or 1 keeps temperature 1 (no calibration). */
  readonly calibrationFolds: number;
  /** Calibrated top probability below this → out_of_scope. */
  readonly threshold: number;
  /** Texts are cut to this many UTF-16 code units before feature extraction. */
  readonly maxChars: number;
}

export const DEFAULT_OPTIONS: ClassifierOptions = {
  model: 'logreg',
  features: CHAR_PINYIN_FEATURES,
  epochs: 6,
  learningRate: 2,
  lrDecay: 0.3,
  l2: 1e-5,
  knnWeight: 3,
  idf: true,
  alpha: 0.1,
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
  readonly model: ModelKind;
  readonly examples: number;
  readonly vocabulary: number;
  readonly intents: number;
  readonly temperature: number;
  readonly threshold: number;
  /** Wall time of `trainClassifier`, calibration included. */
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

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32) and helpers

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleInPlace(arr: Int32Array, rnd: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = arr[i] as number;
    arr[i] = arr[j] as number;
    arr[j] = t;
  }
}

/** Softmax of `z / T` into `out`, returns nothing; numerically stable. */
function softmax(z: Float64Array, T: number, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if ((z[k] as number) > max) max = z[k] as number;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp(((z[k] as number) - max) / T);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) out[k] = (out[k] as number) / sum;
}

// ---------------------------------------------------------------------------------------------
// Encoding: every training text becomes feature ids (one vocabulary for all the data) with its
// sub-linear term frequencies; folds and the final model only re-weight these integer arrays.

/** Sparse vectors stored back to back: row r is entries start[r] .. start[r + 1] of idx / val. */
interface SparseRows {
  readonly start: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

interface Encoded {
  readonly vocab: Map<string, number>;
  readonly names: string[];
  /** Per example: feature ids and 1 + log(count). */
  readonly docs: SparseRows;
}

function encode(texts: readonly string[], cfg: FeatureConfig, maxChars: number): Encoded {
  const vocab = new Map<string, number>();
  const names: string[] = [];
  const start = new Int32Array(texts.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  // Counts of the current text, by feature id (reset after each text via the ids it touched).
  let counts = new Float64Array(1024);
  let rowStart = 0;
  const sink = (f: string) => {
    let i = vocab.get(f);
    if (i === undefined) {
      i = names.length;
      vocab.set(f, i);
      names.push(f);
      if (i >= counts.length) {
        const grown = new Float64Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    if (counts[i] === 0) idx.push(i);
    counts[i] = (counts[i] as number) + 1;
  };
  texts.forEach((text, r) => {
    rowStart = idx.length;
    extractFeatures(text.length > maxChars ? text.slice(0, maxChars) : text, cfg, sink);
    for (let j = rowStart; j < idx.length; j++) {
      const i = idx[j] as number;
      val.push(1 + Math.log(counts[i] as number));
      counts[i] = 0;
    }
    start[r + 1] = idx.length;
  });
  return { vocab, names, docs: { start, idx: Int32Array.from(idx), val: Float64Array.from(val) } };
}

/**
 * Feature weights of one training set: idf (or 1) for the features it contains, 0 for the ones it
 * does not (unseen), and the weight an unseen feature has in a text's norm.
 */
interface Weighting {
  readonly known: Float64Array;
  readonly unseen: number;
}

function weighting(enc: Encoded, members: Int32Array, useIdf: boolean): Weighting {
  const { start, idx } = enc.docs;
  const df = new Float64Array(enc.names.length);
  for (const n of members) {
    for (let j = start[n] as number; j < (start[n + 1] as number); j++) df[idx[j] as number] = (df[idx[j] as number] as number) + 1;
  }
  const N = members.length;
  const known = new Float64Array(df.length);
  for (let i = 0; i < df.length; i++) {
    const d = df[i] as number;
    if (d > 0) known[i] = useIdf ? Math.log((N + 1) / (d + 1)) + 1 : 1;
  }
  return { known, unseen: useIdf ? Math.log(N + 1) + 1 : 1 };
}

/**
 * Writes row n of `docs` as tf × weight, L2-normalized over all the text's features, known or not —
 * so a text made mostly of unseen n-grams has little weight on the known ones — into idx/val from
 * `at`. Unseen features are left out. Returns the position after the last entry written.
 */
function vectorizeInto(docs: SparseRows, n: number, w: Weighting, idx: Int32Array, val: Float64Array, at: number): number {
  const from = docs.start[n] as number;
  const to = docs.start[n + 1] as number;
  let norm = 0;
  for (let j = from; j < to; j++) {
    const k = w.known[docs.idx[j] as number] as number;
    const v = (docs.val[j] as number) * (k > 0 ? k : w.unseen);
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = from; j < to; j++) {
    const i = docs.idx[j] as number;
    const k = w.known[i] as number;
    if (k > 0) {
      idx[at] = i;
      val[at++] = (docs.val[j] as number) * k * inv;
    }
  }
  return at;
}

/** The rows `members` of `docs`, vectorized with `w`, in that order. */
function vectorizeRows(docs: SparseRows, members: Int32Array, w: Weighting): SparseRows {
  let total = 0;
  for (const n of members) total += (docs.start[n + 1] as number) - (docs.start[n] as number);
  const start = new Int32Array(members.length + 1);
  const idx = new Int32Array(total);
  const val = new Float64Array(total);
  let at = 0;
  members.forEach((n, r) => {
    at = vectorizeInto(docs, n, w, idx, val, at);
    start[r + 1] = at;
  });
  return { start, idx, val };
}

// ---------------------------------------------------------------------------------------------
// Models: both produce a weight matrix W[feature * K + class] and a bias b[class];
// the score of class k is b[k] + Σ val_j · W[idx_j * K + k].

interface LinearModel {
  readonly W: Float64Array;
  readonly b: Float64Array;
}

function trainLogReg(data: SparseRows, labels: Int32Array, weights: Float64Array, V: number, K: number, o: ClassifierOptions): LinearModel {
  // W_true = scale · Wv, so the L2 shrink of every weight is one multiplication of `scale`.
  const Wv = new Float64Array(V * K);
  const b = new Float64Array(K);
  const z = new Float64Array(K);
  const p = new Float64Array(K);
  const activeK = new Int32Array(K);
  const activeG = new Float64Array(K);
  const order = new Int32Array(labels.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const { start, idx, val } = data;
  const rnd = mulberry32(o.seed);
  let scale = 1;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const lr = o.learningRate / (1 + epoch * o.lrDecay);
    shuffleInPlace(order, rnd);
    for (let t = 0; t < order.length; t++) {
      const n = order[t] as number;
      const y = labels[n] as number;
      const w = weights[n] as number;
      const from = start[n] as number;
      const to = start[n + 1] as number;
      for (let k = 0; k < K; k++) z[k] = 0;
      for (let j = from; j < to; j++) {
        const base = (idx[j] as number) * K;
        const v = val[j] as number;
        for (let k = 0; k < K; k++) z[k] = (z[k] as number) + v * (Wv[base + k] as number);
      }
      for (let k = 0; k < K; k++) z[k] = (z[k] as number) * scale + (b[k] as number);
      softmax(z, 1, p);
      p[y] = (p[y] as number) - 1; // gradient of the log-loss w.r.t. the scores
      scale *= 1 - lr * o.l2;
      const step = (lr * w) / scale;
      // Classes whose gradient is negligible are skipped (most of them once the model fits).
      let active = 0;
      for (let k = 0; k < K; k++) {
        const g = p[k] as number;
        if (g > -1e-4 && g < 1e-4) continue;
        b[k] = (b[k] as number) - lr * w * g;
        activeK[active] = k;
        activeG[active] = step * g;
        active++;
      }
      for (let j = from; j < to; j++) {
        const base = (idx[j] as number) * K;
        const v = val[j] as number;
        for (let a = 0; a < active; a++) {
          const at = base + (activeK[a] as number);
          Wv[at] = (Wv[at] as number) - (activeG[a] as number) * v;
        }
      }
      if (scale < 1e-6) {
        for (let i = 0; i < Wv.length; i++) Wv[i] = (Wv[i] as number) * scale;
        scale = 1;
      }
    }
  }
  for (let i = 0; i < Wv.length; i++) Wv[i] = (Wv[i] as number) * scale;
  return { W: Wv, b };
}

function trainNaiveBayes(data: SparseRows, labels: Int32Array, weights: Float64Array, V: number, K: number, o: ClassifierOptions): LinearModel {
  const counts = new Float64Array(V * K);
  const totals = new Float64Array(K);
  const prior = new Float64Array(K);
  for (let n = 0; n < labels.length; n++) {
    const y = labels[n] as number;
    prior[y] = (prior[y] as number) + (weights[n] as number);
    for (let j = data.start[n] as number; j < (data.start[n + 1] as number); j++) {
      const at = (data.idx[j] as number) * K + y;
      counts[at] = (counts[at] as number) + (data.val[j] as number);
      totals[y] = (totals[y] as number) + (data.val[j] as number);
    }
  }
  let priorSum = 0;
  for (let k = 0; k < K; k++) priorSum += prior[k] as number;
  let known = 0;
  for (let f = 0; f < V; f++) {
    for (let k = 0; k < K; k++) {
      if ((counts[f * K + k] as number) > 0) {
        known++;
        break;
      }
    }
  }
  const W = new Float64Array(V * K);
  const b = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    b[k] = (prior[k] as number) > 0 ? Math.log((prior[k] as number) / priorSum) : -50;
    const denom = Math.log((totals[k] as number) + o.alpha * known);
    for (let f = 0; f < V; f++) W[f * K + k] = Math.log((counts[f * K + k] as number) + o.alpha) - denom;
  }
  return { W, b };
}

// ---------------------------------------------------------------------------------------------
// Training with calibration

/** One training set, ready for a model: vectors, labels and per-example weights. */
interface Prepared {
  readonly V: number;
  readonly weighting: Weighting;
  readonly data: SparseRows;
  readonly labels: Int32Array;
  readonly weights: Float64Array;
}

function prepare(enc: Encoded, members: Int32Array, allLabels: Int32Array, K: number, o: ClassifierOptions): Prepared {
  const w = weighting(enc, members, o.idf);
  const data = vectorizeRows(enc.docs, members, w);
  const labels = Int32Array.from(members, (n) => allLabels[n] as number);
  const perClass = new Float64Array(K);
  for (const y of labels) perClass[y] = (perClass[y] as number) + 1;
  let present = 0;
  for (let k = 0; k < K; k++) if ((perClass[k] as number) > 0) present++;
  const weights = new Float64Array(labels.length);
  for (let n = 0; n < labels.length; n++) {
    const y = labels[n] as number;
    weights[n] = o.balance ? labels.length / (present * (perClass[y] as number)) : 1;
  }
  return { V: enc.names.length, weighting: w, data, labels, weights };
}

function fitWeights(p: Prepared, K: number, o: ClassifierOptions): LinearModel {
  return o.model === 'logreg' ? trainLogReg(p.data, p.labels, p.weights, p.V, K, o) : trainNaiveBayes(p.data, p.labels, p.weights, p.V, K, o);
}

/**
 * Neighbour evidence: an inverted index over the training vectors. For every class, the best cosine
 * similarity between the text and one of its examples is added to that class's score, times
 * `knnWeight`. It lets one close paraphrase count even where the linear weights are diluted.
 */
interface NeighbourIndex {
  /** Postings of feature f: entries start[f] .. start[f + 1] of `ex` / `val`. */
  readonly start: Int32Array;
  readonly ex: Int32Array;
  readonly val: Float64Array;
  readonly labels: Int32Array;
}

function buildIndex(p: Prepared): NeighbourIndex {
  const V = p.V;
  const rows = p.data;
  const start = new Int32Array(V + 1);
  for (const i of rows.idx) start[i + 1] = (start[i + 1] as number) + 1;
  for (let f = 0; f < V; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const fill = start.slice(0, V);
  const ex = new Int32Array(start[V] as number);
  const val = new Float64Array(start[V] as number);
  for (let n = 0; n < p.labels.length; n++) {
    for (let j = rows.start[n] as number; j < (rows.start[n + 1] as number); j++) {
      const f = rows.idx[j] as number;
      const at = fill[f] as number;
      ex[at] = n;
      val[at] = rows.val[j] as number;
      fill[f] = at + 1;
    }
  }
  return { start, ex, val, labels: p.labels };
}

/** Scores a sparse vector: linear part plus, when enabled, neighbour evidence. Scratch space is reused. */
class Scorer {
  private readonly dot: Float64Array;
  private readonly hit: Int32Array;
  private readonly best: Float64Array;
  private readonly bestEx: Int32Array;

  constructor(
    readonly model: LinearModel,
    private readonly index: NeighbourIndex | undefined,
    private readonly knnWeight: number,
    private readonly K: number,
  ) {
    const n = index ? index.labels.length : 0;
    this.dot = new Float64Array(n);
    this.hit = new Int32Array(n);
    this.best = new Float64Array(K);
    this.bestEx = new Int32Array(K).fill(-1);
  }

  get knn(): number {
    return this.index ? this.knnWeight : 0;
  }

  /** After `score`: the training example closest to the text among class k's, and its cosine. */
  neighbour(k: number): { example: number; similarity: number } | undefined {
    const e = this.bestEx[k] as number;
    return e >= 0 ? { example: e, similarity: this.best[k] as number } : undefined;
  }

  /** Scores the vector in entries from .. to of idx / val into out[outAt .. outAt + K). */
  score(idx: Int32Array, val: Float64Array, from: number, to: number, out: Float64Array, outAt = 0): void {
    const K = this.K;
    const W = this.model.W;
    for (let k = 0; k < K; k++) out[outAt + k] = this.model.b[k] as number;
    for (let j = from; j < to; j++) {
      const base = (idx[j] as number) * K;
      const v = val[j] as number;
      for (let k = 0; k < K; k++) out[outAt + k] = (out[outAt + k] as number) + v * (W[base + k] as number);
    }
    const ix = this.index;
    if (!ix || this.knnWeight === 0) return;
    let hits = 0;
    for (let j = from; j < to; j++) {
      const f = idx[j] as number;
      const v = val[j] as number;
      const end = ix.start[f + 1] as number;
      for (let a = ix.start[f] as number; a < end; a++) {
        const e = ix.ex[a] as number;
        const d = this.dot[e] as number;
        if (d === 0) this.hit[hits++] = e;
        this.dot[e] = d + v * (ix.val[a] as number);
      }
    }
    this.best.fill(0);
    this.bestEx.fill(-1);
    for (let h = 0; h < hits; h++) {
      const e = this.hit[h] as number;
      const k = ix.labels[e] as number;
      const d = this.dot[e] as number;
      if (d > (this.best[k] as number)) {
        this.best[k] = d;
        this.bestEx[k] = e;
      }
      this.dot[e] = 0;
    }
    for (let k = 0; k < K; k++) out[outAt + k] = (out[outAt + k] as number) + this.knnWeight * (this.best[k] as number);
  }
}

function makeScorer(p: Prepared, K: number, o: ClassifierOptions): Scorer {
  return new Scorer(fitWeights(p, K, o), o.knnWeight > 0 ? buildIndex(p) : undefined, o.knnWeight, K);
}

/** Out-of-fold scores of every example, K per example back to back (stratified folds, fixed seed). */
function crossValidatedScores(enc: Encoded, labels: Int32Array, K: number, o: ClassifierOptions, folds: number): Float64Array {
  const n = labels.length;
  const fold = new Int32Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, mulberry32(o.seed ^ 0x5bd1e995));
  const seen = new Int32Array(K);
  for (const i of order) {
    const y = labels[i] as number;
    fold[i] = (seen[y] as number) % folds;
    seen[y] = (seen[y] as number) + 1;
  }
  const out = new Float64Array(n * K);
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, (enc.docs.start[i + 1] as number) - (enc.docs.start[i] as number));
  const xIdx = new Int32Array(longest);
  const xVal = new Float64Array(longest);
  for (let f = 0; f < folds; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? testIdx : trainIdx).push(i);
    if (testIdx.length === 0 || trainIdx.length === 0) continue;
    const p = prepare(enc, Int32Array.from(trainIdx), labels, K, o);
    const scorer = makeScorer(p, K, o);
    for (const i of testIdx) {
      const nnz = vectorizeInto(enc.docs, i, p.weighting, xIdx, xVal, 0);
      scorer.score(xIdx, xVal, 0, nnz, out, i * K);
    }
  }
  return out;
}

/** The temperature minimizing the negative log-likelihood of `scores` (K per example; golden-section on log T). */
export function fitTemperature(scores: Float64Array, labels: Int32Array, K: number): number {
  const n = labels.length;
  if (n === 0) return 1;
  const nll = (logT: number): number => {
    const T = Math.exp(logT);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const at = i * K;
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, scores[at + k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(((scores[at + k] as number) - max) / T);
      s += Math.log(sum) - ((scores[at + (labels[i] as number)] as number) - max) / T;
    }
    return s;
  };
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = nll(x1);
  let f2 = nll(x2);
  for (let i = 0; i < 40; i++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = nll(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = nll(x2);
    }
  }
  return Math.exp((lo + hi) / 2);
}

const OOS_INDEX = INTENT_IDS.indexOf(OUT_OF_SCOPE);
/** A Latin word unit among the features (not an n-gram across units, not `p:` / `l:`). */
const LATIN_WORD = /^[a-z]{2,}$/;

class LinearIntentClassifier implements IntentClassifier {
  readonly info: ClassifierInfo;
  private readonly K = INTENT_IDS.length;
  // Per-call scratch space, allocated once.
  private readonly z: Float64Array;
  private readonly p: Float64Array;
  private readonly counts: Float64Array;
  private touched: Int32Array;
  private values: Float64Array;
  private nTouched = 0;
  private normSq = 0;
  private readonly sink: (f: string) => void;
  private readonly unseenSq: number;

  constructor(
    private readonly vocab: Map<string, number>,
    private readonly names: readonly string[],
    private readonly weighting: Weighting,
    private readonly scorer: Scorer,
    /** The training texts, to name the nearest example in explanations. */
    private readonly examples: readonly string[],
    private readonly temperature: number,
    private readonly o: ClassifierOptions,
    info: Omit<ClassifierInfo, 'temperature' | 'threshold' | 'model'>,
    /** Reads words typed in pinyin as the characters the training data spells them with. */
    private readonly lexicon: PinyinLexicon,
  ) {
    this.info = { ...info, model: o.model, temperature, threshold: o.threshold };
    this.z = new Float64Array(this.K);
    this.p = new Float64Array(this.K);
    this.counts = new Float64Array(names.length);
    this.unseenSq = weighting.unseen * weighting.unseen;
    this.touched = new Int32Array(1024);
    this.values = new Float64Array(1024);
    // Tally the text's features: counts of known ones, and Σ(tf²) over all of them for the norm.
    // A repeated unknown feature is counted as if new (an upper bound on its norm share; rare).
    this.sink = (f: string) => {
      const i = this.vocab.get(f);
      if (i === undefined) {
        this.normSq += this.unseenSq;
        return;
      }
      const c = this.counts[i] as number;
      if (c === 0) {
        if (this.nTouched === this.touched.length) {
          const t = new Int32Array(this.touched.length * 2);
          t.set(this.touched);
          this.touched = t;
          this.values = new Float64Array(t.length);
        }
        this.touched[this.nTouched++] = i;
      }
      this.counts[i] = c + 1;
    };
  }

  classify(normalizedText: string, opts: ClassifyOptions = {}): Classification {
    const K = this.K;
    const read = this.lexicon.transliterate(normalizedText);
    const text = read.length > this.o.maxChars ? read.slice(0, this.o.maxChars) : read;
    // Clear what the previous call tallied (done here, not at its end, so nothing can leave it dirty).
    for (let t = 0; t < this.nTouched; t++) this.counts[this.touched[t] as number] = 0;
    this.nTouched = 0;
    this.normSq = 0;
    const content = extractFeatures(text, this.o.features, this.sink);
    // Sub-linear tf × idf, L2-normalized over all features (known or not), as in training.
    const known = this.weighting.known;
    for (let t = 0; t < this.nTouched; t++) {
      const i = this.touched[t] as number;
      const v = (1 + Math.log(this.counts[i] as number)) * (known[i] as number);
      this.values[t] = v;
      this.normSq += v * v;
    }
    const inv = this.normSq > 0 ? 1 / Math.sqrt(this.normSq) : 0;
    for (let t = 0; t < this.nTouched; t++) this.values[t] = (this.values[t] as number) * inv;
    const z = this.z;
    this.scorer.score(this.touched, this.values, 0, this.nTouched, z);
    let result: Classification;
    if (content === 0 || this.nTouched === 0) {
      // Nothing the model knows: no evidence for any intent.
      result = {
        intent: OUT_OF_SCOPE,
        confidence: 1,
        best: OUT_OF_SCOPE,
        bestProbability: 1,
        runnerUp: OUT_OF_SCOPE,
        runnerUpProbability: 0,
        ...(opts.explain ? { features: [] } : {}),
      };
    } else {
      softmax(z, this.temperature, this.p);
      let top = 0;
      for (let k = 1; k < K; k++) if ((this.p[k] as number) > (this.p[top] as number)) top = k;
      let second = top === 0 ? 1 : 0;
      for (let k = 0; k < K; k++) if (k !== top && (this.p[k] as number) > (this.p[second] as number)) second = k;
      const pTop = this.p[top] as number;
      const accepted = pTop >= this.o.threshold || top === OOS_INDEX;
      const best = INTENT_IDS[top] as IntentId;
      result = {
        intent: accepted ? best : OUT_OF_SCOPE,
        // Rejected: the chance that the best guess is wrong, at least the model's own out_of_scope share.
        confidence: clamp01(accepted ? pTop : Math.max(1 - pTop, this.p[OOS_INDEX] as number)),
        best,
        bestProbability: clamp01(pTop),
        runnerUp: INTENT_IDS[second] as IntentId,
        runnerUpProbability: clamp01(this.p[second] as number),
        ...(opts.explain ? { features: this.explain(top, opts.topFeatures ?? 5) } : {}),
      };
    }
    return result;
  }

  private explain(cls: number, n: number): FeatureContribution[] {
    const K = this.K;
    const W = this.scorer.model.W;
    const out: FeatureContribution[] = [];
    for (let t = 0; t < this.nTouched; t++) {
      const i = this.touched[t] as number;
      out.push({ feature: this.names[i] as string, weight: (this.values[t] as number) * (W[i * K + cls] as number) });
    }
    const nn = this.scorer.knn > 0 ? this.scorer.neighbour(cls) : undefined;
    if (nn && nn.similarity > 0) {
      out.push({ feature: `nn:${this.examples[nn.example] ?? ''}`, weight: this.scorer.knn * nn.similarity });
    }
    out.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
    return out.slice(0, n).map((c) => ({ feature: c.feature, weight: Math.round(c.weight * 1000) / 1000 }));
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
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
  let temperature = 1;
  if (o.calibrationFolds >= 2 && examples.length >= o.calibrationFolds * 2) {
    const oof = crossValidatedScores(enc, labels, K, o, o.calibrationFolds);
    temperature = fitTemperature(oof, labels, K);
  }
  const all = new Int32Array(examples.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  const p = prepare(enc, all, labels, K, o);
  return new LinearIntentClassifier(
    enc.vocab,
    enc.names,
    p.weighting,
    makeScorer(p, K, o),
    texts,
    temperature,
    o,
    {
      examples: examples.length,
      vocabulary: enc.names.length,
      intents: new Set(examples.map((e) => e.intent)).size,
      trainingMs: performance.now() - t0,
    },
    buildPinyinLexicon(texts, new Set(enc.names.filter((f) => LATIN_WORD.test(f)))),
  );
}
