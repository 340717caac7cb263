/**
 * Comparison model: multinomial naive Bayes over the same tf-idf vectors, as a `ModelFitter` the classifier
 * can be trained with (`trainClassifier(examples, { model: naiveBayes() })`): log P(feature | intent) with
 * Laplace smoothing as the weights, log P(intent) as the bias. Used only by `npm run eval:nlu -- --compare`;
 * not part of the bot.
 */
import type { LinearModel, ModelFitter, TrainingSet } from '../../src/nlu/index.ts';

/** Naive Bayes with Laplace smoothing `alpha`. */
export function naiveBayes(alpha = 0.1): ModelFitter {
  return { name: 'naive_bayes', fit: (set, K) => fitNaiveBayes(set, K, alpha) };
}

function fitNaiveBayes(set: TrainingSet, K: number, alpha: number): LinearModel {
  const { data, labels, weights, V } = set;
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
  const known = knownFeatures(counts, V, K);
  const W = new Float64Array(V * K);
  const b = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    b[k] = (prior[k] as number) > 0 ? Math.log((prior[k] as number) / priorSum) : -50;
    const denom = Math.log((totals[k] as number) + alpha * known);
    for (let f = 0; f < V; f++) W[f * K + k] = Math.log((counts[f * K + k] as number) + alpha) - denom;
  }
  return { W, b };
}

/** How many features occur in the training set at all. */
function knownFeatures(counts: Float64Array, V: number, K: number): number {
  let known = 0;
  for (let f = 0; f < V; f++) {
    for (let k = 0; k < K; k++) {
      if ((counts[f * K + k] as number) > 0) {
        known++;
        break;
      }
    }
  }
  return known;
}
