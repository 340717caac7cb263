/**
 * Calibration: from scores to a confidence that means P(correct), and the out-of-scope decision.
 *
 * - Temperature: P(k) = softmax(score / T). T is fitted on out-of-fold scores (k-fold cross-validation on the
 *   training data, stratified, fixed seed), minimising the negative log-likelihood, so `confidence` ≈ P(correct).
 * - Out of scope: when the calibrated top probability is below `threshold`, the answer is out_of_scope, with the
 *   chance that the best guess is wrong (at least the model's own out_of_scope share) as its confidence.
 */

import { INTENT_IDS, OUT_OF_SCOPE } from './intents.ts';
import type { ModelOptions } from './model.ts';
import { makeScorer, mulberry32, prepare, shuffleInPlace, softmax } from './model.ts';
import type { Encoded, VectorOptions } from './vectors.ts';
import { vectorizeInto } from './vectors.ts';

export interface CalibrationOptions {
  /** Folds for fitting the temperature; 0 or 1 keeps temperature 1 (no calibration). */
  readonly calibrationFolds: number;
  /** Calibrated top probability below this → out_of_scope. */
  readonly threshold: number;
}

/**
 * The temperature for a model trained as `o` says on the encoded examples: fitted on out-of-fold scores, or 1
 * when calibration is off or there are too few examples for the folds.
 */
export function calibrateTemperature(enc: Encoded, labels: Int32Array, K: number, o: VectorOptions & ModelOptions & CalibrationOptions): number {
  if (o.calibrationFolds < 2 || labels.length < o.calibrationFolds * 2) return 1;
  return fitTemperature(crossValidatedScores(enc, labels, K, o, o.calibrationFolds), labels, K);
}

/** Stratified fold of every example (a seeded shuffle, then round robin within each class). */
function assignFolds(labels: Int32Array, K: number, seed: number, folds: number): Int32Array {
  const n = labels.length;
  const fold = new Int32Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, mulberry32(seed ^ 0x5bd1e995));
  const seen = new Int32Array(K);
  for (const i of order) {
    const y = labels[i] as number;
    fold[i] = (seen[y] as number) % folds;
    seen[y] = (seen[y] as number) + 1;
  }
  return fold;
}

/** Out-of-fold scores of every example, K per example back to back (stratified folds, fixed seed). */
export function crossValidatedScores(enc: Encoded, labels: Int32Array, K: number, o: VectorOptions & ModelOptions, folds: number): Float64Array {
  const n = labels.length;
  const fold = assignFolds(labels, K, o.seed, folds);
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
  return Math.exp(goldenSectionMin(nll, Math.log(0.05), Math.log(20), 40));
}

/** The minimum of a unimodal `f` on [lo, hi] after `steps` golden-section steps (the middle of the last bracket). */
function goldenSectionMin(f: (x: number) => number, lo: number, hi: number, steps: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < steps; i++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  return (lo + hi) / 2;
}

export const OOS_INDEX = INTENT_IDS.indexOf(OUT_OF_SCOPE);

/** The calibrated reading of one text's scores. */
export interface Decision {
  /** The best class and the runner-up (indexes into INTENT_IDS). */
  readonly top: number;
  readonly second: number;
  /** The best class is the answer (its probability reaches the threshold, or it is out_of_scope itself). */
  readonly accepted: boolean;
  /** Calibrated probability that the answer (the best class, or out_of_scope when not accepted) is right. */
  readonly confidence: number;
  readonly topProbability: number;
  readonly secondProbability: number;
}

/** Calibrated probabilities of `scores` (into the scratch `p`), the best two classes and the out-of-scope decision. */
export function decide(scores: Float64Array, temperature: number, threshold: number, p: Float64Array): Decision {
  const K = scores.length;
  softmax(scores, temperature, p);
  let top = 0;
  for (let k = 1; k < K; k++) if ((p[k] as number) > (p[top] as number)) top = k;
  let second = top === 0 ? 1 : 0;
  for (let k = 0; k < K; k++) if (k !== top && (p[k] as number) > (p[second] as number)) second = k;
  const pTop = p[top] as number;
  const accepted = pTop >= threshold || top === OOS_INDEX;
  return {
    top,
    second,
    accepted,
    // Rejected: the chance that the best guess is wrong, at least the model's own out_of_scope share.
    confidence: clamp01(accepted ? pTop : Math.max(1 - pTop, p[OOS_INDEX] as number)),
    topProbability: clamp01(pTop),
    secondProbability: clamp01(p[second] as number),
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
