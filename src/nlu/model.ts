/**
 * The model: a linear scorer over the sparse vectors of vectors.ts plus nearest-example evidence.
 *
 * Score of intent k = b[k] + Σ x_f · W[f, k]   (multinomial logistic regression, SGD, L2)
 *                   + knnWeight · max cosine(x, training example of k)   (neighbour evidence)
 *
 * The weights come from a `ModelFitter`: `logisticRegression` here; the evaluation plugs in others for the
 * comparison (tests/nlu/). Deterministic: a seeded PRNG (mulberry32) orders the SGD steps.
 */

import type { Encoded, SparseRows, VectorOptions, Weighting } from './vectors.ts';
import { vectorizeRows, weighting } from './vectors.ts';

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

export function shuffleInPlace(arr: Int32Array, rnd: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = arr[i] as number;
    arr[i] = arr[j] as number;
    arr[j] = t;
  }
}

/** Softmax of `z / T` into `out`, returns nothing; numerically stable. */
export function softmax(z: Float64Array, T: number, out: Float64Array): void {
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
// Training sets and fitters

/** A weight matrix W[feature * K + class] and a bias b[class]: the score of class k is b[k] + Σ val_j · W[idx_j * K + k]. */
export interface LinearModel {
  readonly W: Float64Array;
  readonly b: Float64Array;
}

/** One training set, ready for a model: vectors, labels and per-example weights. */
export interface TrainingSet {
  /** Vocabulary size. */
  readonly V: number;
  readonly weighting: Weighting;
  readonly data: SparseRows;
  readonly labels: Int32Array;
  readonly weights: Float64Array;
}

/** Fits the linear weights of a training set. */
export interface ModelFitter {
  /** Said in ClassifierInfo and logs ('logreg'). */
  readonly name: string;
  fit(set: TrainingSet, K: number, o: ModelOptions): LinearModel;
}

export interface ModelOptions {
  readonly model: ModelFitter;
  /** SGD passes over the data (logreg). */
  readonly epochs: number;
  /** Initial SGD step (logreg); it decays as lr / (1 + epoch · lrDecay). */
  readonly learningRate: number;
  readonly lrDecay: number;
  /** L2 penalty per example (logreg). */
  readonly l2: number;
  /** Weight of the neighbour evidence (best cosine similarity per intent); 0 turns it off. */
  readonly knnWeight: number;
  /** Weigh examples so that every intent has the same total weight. */
  readonly balance: boolean;
  readonly seed: number;
}

/** The rows `members` of `enc` as a training set (weighted as `o` says), with their labels from `allLabels`. */
export function prepare(enc: Encoded, members: Int32Array, allLabels: Int32Array, K: number, o: VectorOptions & ModelOptions): TrainingSet {
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

/** Multinomial logistic regression by SGD with L2 (the default fitter). */
export const logisticRegression: ModelFitter = {
  name: 'logreg',
  fit(set, K, o) {
    return trainLogReg(set, K, o);
  },
};

/** One SGD pass state: W_true = scale · Wv, so the L2 shrink of every weight is one multiplication of `scale`. */
interface SgdState {
  readonly Wv: Float64Array;
  readonly b: Float64Array;
  scale: number;
}

function trainLogReg(set: TrainingSet, K: number, o: ModelOptions): LinearModel {
  const s: SgdState = { Wv: new Float64Array(set.V * K), b: new Float64Array(K), scale: 1 };
  const scratch = { z: new Float64Array(K), p: new Float64Array(K), activeK: new Int32Array(K), activeG: new Float64Array(K) };
  const order = new Int32Array(set.labels.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const rnd = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const lr = o.learningRate / (1 + epoch * o.lrDecay);
    shuffleInPlace(order, rnd);
    for (let t = 0; t < order.length; t++) sgdStep(s, set, order[t] as number, lr, K, o.l2, scratch);
  }
  const { Wv, b, scale } = s;
  for (let i = 0; i < Wv.length; i++) Wv[i] = (Wv[i] as number) * scale;
  return { W: Wv, b };
}

/** One SGD step on example n. */
function sgdStep(
  s: SgdState,
  set: TrainingSet,
  n: number,
  lr: number,
  K: number,
  l2: number,
  scratch: { z: Float64Array; p: Float64Array; activeK: Int32Array; activeG: Float64Array },
): void {
  const { Wv, b } = s;
  const { z, p, activeK, activeG } = scratch;
  const { start, idx, val } = set.data;
  const y = set.labels[n] as number;
  const w = set.weights[n] as number;
  const from = start[n] as number;
  const to = start[n + 1] as number;
  for (let k = 0; k < K; k++) z[k] = 0;
  for (let j = from; j < to; j++) {
    const base = (idx[j] as number) * K;
    const v = val[j] as number;
    for (let k = 0; k < K; k++) z[k] = (z[k] as number) + v * (Wv[base + k] as number);
  }
  for (let k = 0; k < K; k++) z[k] = (z[k] as number) * s.scale + (b[k] as number);
  softmax(z, 1, p);
  p[y] = (p[y] as number) - 1; // gradient of the log-loss w.r.t. the scores
  s.scale *= 1 - lr * l2;
  const step = (lr * w) / s.scale;
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
  if (s.scale < 1e-6) {
    for (let i = 0; i < Wv.length; i++) Wv[i] = (Wv[i] as number) * s.scale;
    s.scale = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Neighbour evidence and scoring

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

function buildIndex(p: TrainingSet): NeighbourIndex {
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
export class Scorer {
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
    if (!this.index || this.knnWeight === 0) return;
    this.nearest(this.index, idx, val, from, to);
    for (let k = 0; k < K; k++) out[outAt + k] = (out[outAt + k] as number) + this.knnWeight * (this.best[k] as number);
  }

  /** Sets best / bestEx: per class, the highest cosine between the vector and one of its training examples. */
  private nearest(ix: NeighbourIndex, idx: Int32Array, val: Float64Array, from: number, to: number): void {
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
  }
}

/** Fits the model of a training set and wraps it, with its neighbour index when `knnWeight` > 0, in a scorer. */
export function makeScorer(p: TrainingSet, K: number, o: ModelOptions): Scorer {
  return new Scorer(o.model.fit(p, K, o), o.knnWeight > 0 ? buildIndex(p) : undefined, o.knnWeight, K);
}
