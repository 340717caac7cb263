/**
 * NLU alone: training time on a fresh process, then `getClassifier().classify` (on pre-normalised text) and the whole
 * `understand()` (truncate → normalise → classify → slots) over a realistic mix, after warm-up.
 */
import { performance } from 'node:perf_hooks';
import { buildClassifier, getClassifier, understand, warmUp } from '../src/nlu/index.ts';
import { normalize } from '../src/nlu/normalize.ts';
import { profiled } from './profile.ts';
import { prng, Samples, type Summary, shuffle } from './stats.ts';
import { heldoutSentences, intentSentences, NOW_BASE, OWN_SENTENCES } from './workload.ts';

export interface TimedLoop {
  readonly calls: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latency: Summary;
}

export interface NluResult {
  readonly sentences: { readonly intents: number; readonly heldout: number; readonly own: number };
  /** `warmUp()` on a fresh process: wall time, and the classifier's own `trainingMs`. */
  readonly firstTrainingMs: number;
  readonly reportedTrainingMs: number;
  /** `buildClassifier()` again on the warm process (JIT compiled): min and median of a few runs. */
  readonly retrainMs: { readonly min: number; readonly median: number; readonly runs: number };
  readonly classify: TimedLoop;
  readonly understand: TimedLoop;
  readonly model: { readonly examples: number; readonly vocabulary: number; readonly intents: number };
}

function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/** Calls `fn` on the texts in turn until `minCalls` calls and `minMs` have passed (capped by `maxMs`), timing each call. */
function timed(texts: readonly string[], fn: (text: string) => unknown, minCalls: number, minMs: number, maxMs: number): TimedLoop {
  const latency = new Samples();
  let sink = 0;
  const t0 = performance.now();
  let calls = 0;
  for (;;) {
    for (const text of texts) {
      const t = performance.now();
      const r = fn(text);
      latency.push(performance.now() - t);
      if (r) sink++;
      calls++;
    }
    const elapsed = performance.now() - t0;
    if ((calls >= minCalls && elapsed >= minMs) || elapsed >= maxMs) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (sink < 0) console.error(sink);
  return { calls, seconds, perSecond: calls / seconds, latency: latency.summary() };
}

export async function runNlu(): Promise<NluResult> {
  progress('NLU: training on this fresh process (warmUp)');
  const t = performance.now();
  const info = warmUp();
  const firstTrainingMs = performance.now() - t;

  const intents = intentSentences();
  const heldout = heldoutSentences();
  const texts = shuffle(prng(11), [...intents, ...heldout, ...OWN_SENTENCES]);
  const normalized = texts.map((x) => normalize(x));
  const classifier = getClassifier();
  const now = new Date(NOW_BASE);

  progress(`NLU: warm-up over ${texts.length} sentences`);
  for (let i = 0; i < 3; i++) {
    for (const x of normalized) classifier.classify(x);
    for (const x of texts) understand(x, { now });
  }

  progress('NLU: classify()');
  const classify = await profiled('nlu-classify', async () => timed(normalized, (x) => classifier.classify(x), 30_000, 2_000, 8_000));
  progress('NLU: understand()');
  const understood = await profiled('nlu-understand', async () => timed(texts, (x) => understand(x, { now }), 15_000, 2_000, 8_000));

  progress('NLU: retraining 3 times on the warm process');
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    buildClassifier();
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);

  return {
    sentences: { intents: intents.length, heldout: heldout.length, own: OWN_SENTENCES.length },
    firstTrainingMs,
    reportedTrainingMs: info.trainingMs,
    retrainMs: { min: runs[0] ?? NaN, median: runs[1] ?? NaN, runs: runs.length },
    classify,
    understand: understood,
    model: { examples: info.examples, vocabulary: info.vocabulary, intents: info.intents },
  };
}
