/**
 * Vectorising: texts → sparse vectors the model reads.
 *
 * A text's features (features.ts: character and pinyin-syllable n-grams) get a sub-linear term frequency
 * (1 + log count) times the inverse document frequency of the training set, and the vector is L2-normalized
 * over all of the text's features — seen in training or not, so a text made of unknown n-grams carries little
 * weight on the known ones. Unseen features are then left out of the vector.
 *
 * Training encodes every text once (`encode`: one vocabulary, feature ids and term frequencies); folds and the
 * final model only re-weight those integer arrays (`weighting`, `vectorizeRows`). At run time a
 * `TextVectorizer` does the same for one text with scratch arrays allocated once.
 */

import type { FeatureConfig } from './features.ts';
import { extractFeatures } from './features.ts';

export interface VectorOptions {
  readonly features: FeatureConfig;
  /** Weigh features by inverse document frequency before normalizing. */
  readonly idf: boolean;
  /** Texts are cut to this many UTF-16 code units before feature extraction. */
  readonly maxChars: number;
}

/** Sparse vectors stored back to back: row r is entries start[r] .. start[r + 1] of idx / val. */
export interface SparseRows {
  readonly start: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

export interface Encoded {
  readonly vocab: Map<string, number>;
  readonly names: string[];
  /** Per example: feature ids and 1 + log(count). */
  readonly docs: SparseRows;
}

const clip = (text: string, maxChars: number): string => (text.length > maxChars ? text.slice(0, maxChars) : text);

/** Every text's feature ids (one vocabulary for all of them) with sub-linear term frequencies. */
export function encode(texts: readonly string[], cfg: FeatureConfig, maxChars: number): Encoded {
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
    extractFeatures(clip(text, maxChars), cfg, sink);
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
export interface Weighting {
  readonly known: Float64Array;
  readonly unseen: number;
}

/** The weighting of the training set made of the rows `members` of `enc`. */
export function weighting(enc: Encoded, members: Int32Array, useIdf: boolean): Weighting {
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
export function vectorizeInto(docs: SparseRows, n: number, w: Weighting, idx: Int32Array, val: Float64Array, at: number): number {
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
export function vectorizeRows(docs: SparseRows, members: Int32Array, w: Weighting): SparseRows {
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

/**
 * Vectorizes one text at a time against a trained vocabulary and weighting, as training does, into
 * scratch arrays allocated once: after `vectorize`, entries 0 .. nnz of `idx` / `val` are the vector.
 * Not reentrant (one vector at a time).
 */
export class TextVectorizer {
  /** Feature ids of the last text's vector (its first `nnz` entries). */
  idx: Int32Array;
  /** Their values. */
  val: Float64Array;
  nnz = 0;
  private readonly counts: Float64Array;
  private normSq = 0;
  private readonly unseenSq: number;
  private readonly sink: (f: string) => void;

  constructor(
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly w: Weighting,
    private readonly o: VectorOptions,
  ) {
    this.counts = new Float64Array(vocab.size);
    this.unseenSq = w.unseen * w.unseen;
    this.idx = new Int32Array(1024);
    this.val = new Float64Array(1024);
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
        if (this.nnz === this.idx.length) {
          const t = new Int32Array(this.idx.length * 2);
          t.set(this.idx);
          this.idx = t;
          this.val = new Float64Array(t.length);
        }
        this.idx[this.nnz++] = i;
      }
      this.counts[i] = c + 1;
    };
  }

  /**
   * The vector of `text` (cut to `maxChars`): sub-linear tf × idf, L2-normalized over all features (known or
   * not), as in training. Returns the number of content units (0: nothing to classify; see extractFeatures).
   */
  vectorize(text: string): number {
    // Clear what the previous call tallied (done here, not at its end, so nothing can leave it dirty).
    for (let t = 0; t < this.nnz; t++) this.counts[this.idx[t] as number] = 0;
    this.nnz = 0;
    this.normSq = 0;
    const content = extractFeatures(clip(text, this.o.maxChars), this.o.features, this.sink);
    const known = this.w.known;
    for (let t = 0; t < this.nnz; t++) {
      const i = this.idx[t] as number;
      const v = (1 + Math.log(this.counts[i] as number)) * (known[i] as number);
      this.val[t] = v;
      this.normSq += v * v;
    }
    const inv = this.normSq > 0 ? 1 / Math.sqrt(this.normSq) : 0;
    for (let t = 0; t < this.nnz; t++) this.val[t] = (this.val[t] as number) * inv;
    return content;
  }
}
