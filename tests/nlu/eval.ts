/**
 * `npm run eval:nlu [-- options]` — evaluates the NLU on the held-out set `tests/nlu/heldout.jsonl`.
 *
 * Trains only on `intents/*.json`; the held-out file is read for testing and never trained on
 * (held-out texts that also occur in the training data are counted and reported as leakage).
 *
 *   (no option)   intent accuracy, macro-F1, per-intent precision/recall, confusion pairs,
 *                 slot precision/recall/F1 per slot name, timings, target check
 *   --compare     train every approach on the same data and print the comparison table
 *   --tune        cross-validation grid on the training data only (no held-out data involved)
 *   --heldout P   another held-out file
 *   --errors N    list N misclassified lines and N slot mismatches (default 25; 0 = none)
 *   --strict      exit 1 when a target is missed
 *   --seeds N     also train with N training seeds (the default one first) and print the mean, min and max
 *                 intent accuracy and macro-F1 on the held-out set: a change to the data is judged on the mean,
 *                 not on one seed's luck
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ClassifierOptions, TrainingExample, Understanding } from '../../src/nlu/index.ts';
import {
  CHAR_FEATURES,
  classifyNormalized,
  DEFAULT_OPTIONS,
  getClassifier,
  INTENT_IDS,
  loadIntents,
  mulberry32,
  normalize,
  syllableOf,
  trainClassifier,
  trainingExamples,
  understand,
} from '../../src/nlu/index.ts';
import { APPROACHES, type Approach, ours } from './approaches.ts';

const REFERENCE_NOW = new Date('2026-11-21T10:00:00+08:00');
const DEFAULT_HELDOUT = fileURLToPath(new URL('./heldout.jsonl', import.meta.url));
const TARGET_ACCURACY = 0.95;
const TARGET_SLOT_F1 = 0.97;
const TARGET_SLOTS = ['amount', 'region', 'date'] as const;

// ---------------------------------------------------------------------------------------------
// Data

const heldoutLine = z.object({
  text: z.string(),
  intent: z.enum(INTENT_IDS),
  slots: z.record(z.string(), z.unknown()).optional().default({}),
  now: z.string().optional(),
});
type HeldoutItem = z.infer<typeof heldoutLine>;

function readHeldout(path: string): { items: HeldoutItem[]; problems: string[] } {
  const items: HeldoutItem[] = [];
  const problems: string[] = [];
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const r = heldoutLine.safeParse(json);
    if (r.success) items.push(r.data);
    else problems.push(`line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  });
  return { items, problems };
}

// ---------------------------------------------------------------------------------------------
// Metrics

interface ClassStats {
  tp: number;
  fp: number;
  fn: number;
}

interface IntentReport {
  accuracy: number;
  macroF1: number;
  perIntent: Map<string, ClassStats>;
  confusions: [gold: string, predicted: string, count: number][];
}

const prf = (s: ClassStats) => {
  const p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
};

function intentReport(gold: readonly string[], pred: readonly string[]): IntentReport {
  const per = new Map<string, ClassStats>();
  const stats = (k: string) => {
    let s = per.get(k);
    if (!s) {
      s = { tp: 0, fp: 0, fn: 0 };
      per.set(k, s);
    }
    return s;
  };
  const conf = new Map<string, number>();
  let correct = 0;
  gold.forEach((g, i) => {
    const p = pred[i] as string;
    if (g === p) {
      correct++;
      stats(g).tp++;
    } else {
      stats(g).fn++;
      stats(p).fp++;
      const key = `${g}\u0000${p}`;
      conf.set(key, (conf.get(key) ?? 0) + 1);
    }
  });
  let f1Sum = 0;
  for (const s of per.values()) f1Sum += prf(s).f1;
  const confusions = [...conf.entries()]
    .map(([k, n]) => {
      const [g, p] = k.split('\u0000') as [string, string];
      return [g, p, n] as [string, string, number];
    })
    .sort((a, b) => b[2] - a[2] || (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
  return {
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: per.size ? f1Sum / per.size : 0,
    perIntent: per,
    confusions,
  };
}

/** Equality of slot values: numbers numerically, everything else by canonical JSON. */
function sameSlotValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (typeof a === 'number' || typeof b === 'number') return String(a) === String(b);
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** Per slot name: a predicted value equal to the gold one is a TP; any other predicted value an FP; a gold value not matched an FN. */
function slotReport(gold: readonly Record<string, unknown>[], pred: readonly Record<string, unknown>[]): Map<string, ClassStats> {
  const per = new Map<string, ClassStats>();
  gold.forEach((g, i) => {
    const p = pred[i] ?? {};
    const names = new Set([...Object.keys(g), ...Object.keys(p)]);
    for (const name of names) {
      const gv = g[name];
      const pv = p[name];
      if (gv === undefined && pv === undefined) continue;
      let s = per.get(name);
      if (!s) {
        s = { tp: 0, fp: 0, fn: 0 };
        per.set(name, s);
      }
      if (gv !== undefined && pv !== undefined && sameSlotValue(gv, pv)) s.tp++;
      else {
        if (pv !== undefined) s.fp++;
        if (gv !== undefined) s.fn++;
      }
    }
  });
  return per;
}

// ---------------------------------------------------------------------------------------------
// The comparison

const HAN = /\p{Script=Han}/u;

/**
 * The held-out texts with one Han character each swapped for a homophone (same toneless syllable)
 * taken from the characters of the training data — what a pinyin input method's slip looks like.
 * Seeded, so the noisy set is the same on every run.
 */
function homophoneNoised(texts: readonly string[], training: readonly TrainingExample[], seed = 99): string[] {
  const isHan = (c: string) => HAN.test(c);
  const bySyllable = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const e of training) {
    for (const c of e.text) {
      if (!isHan(c) || seen.has(c)) continue;
      seen.add(c);
      const syl = syllableOf(c.codePointAt(0) ?? 0, c);
      const list = bySyllable.get(syl) ?? [];
      list.push(c);
      bySyllable.set(syl, list);
    }
  }
  const rnd = mulberry32(seed);
  return texts.map((t) => {
    const chars = Array.from(t);
    const candidates = chars
      .map((c, i) => ({ c, i, alts: isHan(c) ? (bySyllable.get(syllableOf(c.codePointAt(0) ?? 0, c)) ?? []).filter((x) => x !== c) : [] }))
      .filter((x) => x.alts.length > 0);
    if (candidates.length === 0) return t;
    const pick = candidates[Math.floor(rnd() * candidates.length)] as (typeof candidates)[number];
    chars[pick.i] = pick.alts[Math.floor(rnd() * pick.alts.length)] as string;
    return chars.join('');
  });
}

/** Stratified k-fold accuracy on the training data (no held-out data). */
function cvAccuracy(approach: Approach, examples: readonly TrainingExample[], folds: number, seed = 7): number {
  const rnd = mulberry32(seed);
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const fold = new Array<number>(examples.length).fill(0);
  const seen = new Map<string, number>();
  for (const n of order) {
    const y = (examples[n] as TrainingExample).intent;
    const c = seen.get(y) ?? 0;
    fold[n] = c % folds;
    seen.set(y, c + 1);
  }
  let correct = 0;
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const test = examples.filter((_, i) => fold[i] === f);
    const model = approach.train(train);
    for (const e of test) if (model.classify(e.text).intent === e.intent) correct++;
  }
  return correct / examples.length;
}

function timePerCall(fn: (t: string) => unknown, texts: readonly string[], minMs = 300): number {
  for (const t of texts) fn(t); // warm-up
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (const t of texts) fn(t);
    calls += texts.length;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return elapsed / calls;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

// ---------------------------------------------------------------------------------------------
// Printing

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function printTable(rows: string[][], right: ReadonlySet<number> = new Set()): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const [i, r] of rows.entries()) {
    console.log(`| ${r.map((cell, c) => (right.has(c) ? lpad(cell, widths[c] ?? 0) : pad(cell, widths[c] ?? 0))).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w, c) => (right.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// ---------------------------------------------------------------------------------------------

function evaluate(items: readonly HeldoutItem[], training: readonly TrainingExample[], showErrors: number): boolean {
  const trainedTexts = new Set(training.map((e) => e.text));
  const leaked = items.filter((it) => trainedTexts.has(normalize(it.text))).length;
  console.log(`held-out lines: ${items.length}; also in the training data (after normalization): ${leaked}`);

  const results = items.map((it) => understand(it.text, { now: it.now ? new Date(it.now) : REFERENCE_NOW }));
  const rep = printIntents(items, results, trainedTexts);
  printCalibration(items, results);
  if (showErrors > 0) printMisclassified(items, results, showErrors);
  const slots = printSlots(items, results, showErrors);
  printTimings(items);
  return checkTargets(rep, slots);
}

/** Accuracy, macro-F1 (all lines and the lines that are not training examples), per-intent figures and confusions. */
function printIntents(items: readonly HeldoutItem[], results: readonly Understanding[], trainedTexts: ReadonlySet<string>): IntentReport {
  const gold = items.map((it) => it.intent);
  const pred = results.map((r) => r.intent);
  const rep = intentReport(gold, pred);

  const unseen = items.map((it, i) => ({ it, i })).filter(({ it }) => !trainedTexts.has(normalize(it.text)));
  const unseenRep = intentReport(
    unseen.map(({ it }) => it.intent),
    unseen.map(({ i }) => pred[i] as string),
  );
  console.log(`\n## Intents\n\nintent accuracy: ${pct(rep.accuracy)}   macro-F1: ${pct(rep.macroF1)}`);
  console.log(`on the ${unseen.length} lines whose text is not a training example: accuracy ${pct(unseenRep.accuracy)}, macro-F1 ${pct(unseenRep.macroF1)}\n`);
  const rows = [['intent', 'precision', 'recall', 'F1', 'support']];
  for (const id of INTENT_IDS) {
    const s = rep.perIntent.get(id);
    if (!s) continue;
    const m = prf(s);
    rows.push([id, pct(m.p), pct(m.r), pct(m.f1), String(s.tp + s.fn)]);
  }
  printTable(rows, new Set([1, 2, 3, 4]));

  console.log('\nmost frequent confusions (gold → predicted):');
  if (rep.confusions.length === 0) console.log('  none');
  for (const [g, p, n] of rep.confusions.slice(0, 12)) console.log(`  ${lpad(String(n), 3)}  ${g} → ${p}`);
  return rep;
}

/** Calibration: does a confidence of 0.8 mean right 80 % of the time? */
function printCalibration(items: readonly HeldoutItem[], results: readonly Understanding[]): void {
  const bins = Array.from({ length: 5 }, () => ({ n: 0, conf: 0, right: 0 }));
  results.forEach((r, i) => {
    const b = bins[Math.min(4, Math.floor(r.confidence * 5))] as (typeof bins)[number];
    b.n++;
    b.conf += r.confidence;
    if (r.intent === items[i]?.intent) b.right++;
  });
  const ece = bins.reduce((s, b) => s + (b.n ? Math.abs(b.conf - b.right) : 0), 0) / Math.max(1, results.length);
  console.log(`\ncalibration (expected calibration error ${pct(ece)}):`);
  const crows = [['confidence', 'messages', 'mean confidence', 'accuracy']];
  bins.forEach((b, i) => {
    if (b.n) crows.push([`${(i / 5).toFixed(1)}–${((i + 1) / 5).toFixed(1)}`, String(b.n), pct(b.conf / b.n), pct(b.right / b.n)]);
  });
  printTable(crows, new Set([1, 2, 3]));
}

function printMisclassified(items: readonly HeldoutItem[], results: readonly Understanding[], showErrors: number): void {
  const wrong = items.map((it, i) => ({ it, r: results[i] })).filter((x) => x.r && x.r.intent !== x.it.intent);
  if (wrong.length) console.log(`\nmisclassified (${Math.min(showErrors, wrong.length)} of ${wrong.length}):`);
  for (const { it, r } of wrong.slice(0, showErrors)) {
    console.log(`  ${it.intent} → ${r?.intent} (${r?.confidence})  ${JSON.stringify(it.text)}`);
  }
}

/** Slot precision, recall and F1 per slot name, and (with showErrors) the mismatches. */
function printSlots(items: readonly HeldoutItem[], results: readonly Understanding[], showErrors: number): Map<string, ClassStats> {
  const goldSlots = items.map((it) => it.slots);
  const predSlots = results.map((r) => r.slots as Record<string, unknown>);
  const slots = slotReport(goldSlots, predSlots);
  console.log('\n## Slots\n');
  const srows = [['slot', 'precision', 'recall', 'F1', 'gold', 'predicted']];
  const order = [...new Set<string>(['amount', 'region', 'date', 'festival', 'count', 'age', 'relation', 'id_number', 'phone', 'name', ...slots.keys()])];
  for (const name of order) {
    const s = slots.get(name);
    if (!s) continue;
    const m = prf(s);
    srows.push([name, pct(m.p), pct(m.r), pct(m.f1), String(s.tp + s.fn), String(s.tp + s.fp)]);
  }
  printTable(srows, new Set([1, 2, 3, 4, 5]));

  if (showErrors > 0) {
    const mismatches: string[] = [];
    items.forEach((it, i) => {
      const p = predSlots[i] ?? {};
      for (const name of new Set([...Object.keys(it.slots), ...Object.keys(p)])) {
        if (!sameSlotValue(it.slots[name], p[name]) && !(it.slots[name] === undefined && p[name] === undefined)) {
          mismatches.push(`  ${name}: gold ${JSON.stringify(it.slots[name])} got ${JSON.stringify(p[name])}  ${JSON.stringify(it.text)}`);
        }
      }
    });
    if (mismatches.length) console.log(`\nslot mismatches (${Math.min(showErrors, mismatches.length)} of ${mismatches.length}):`);
    for (const m of mismatches.slice(0, showErrors)) console.log(m);
  }
  return slots;
}

function printTimings(items: readonly HeldoutItem[]): void {
  const c = getClassifier();
  const normalized = items.map((it) => normalize(it.text));
  const msClassify = timePerCall((t) => c.classify(t), normalized);
  const msUnderstand = timePerCall(
    (t) => understand(t, { now: REFERENCE_NOW }),
    items.map((it) => it.text),
  );
  console.log(
    `\n## Timing\n\ntraining (${c.info.examples} examples, ${c.info.vocabulary} features, calibration included): ` +
      `${c.info.trainingMs.toFixed(0)} ms; temperature ${c.info.temperature.toFixed(3)}, threshold ${c.info.threshold}`,
  );
  console.log(`classification: ${(msClassify * 1000).toFixed(1)} µs/message; whole understand(): ${(msUnderstand * 1000).toFixed(1)} µs/message`);
}

/** Prints PASS / MISS per target; true when all pass. */
function checkTargets(rep: IntentReport, slots: ReadonlyMap<string, ClassStats>): boolean {
  console.log('\n## Targets\n');
  let ok = true;
  const check = (label: string, value: number | undefined, target: number) => {
    const pass = value !== undefined && value >= target;
    ok &&= pass;
    console.log(`  ${pass ? 'PASS' : 'MISS'}  ${label}: ${value === undefined ? 'n/a' : pct(value)} (target ≥ ${pct(target)})`);
  };
  check('intent accuracy', rep.accuracy, TARGET_ACCURACY);
  for (const name of TARGET_SLOTS) {
    const s = slots.get(name);
    check(`${name} F1`, s ? prf(s).f1 : undefined, TARGET_SLOT_F1);
  }
  return ok;
}

function compare(items: readonly HeldoutItem[], training: readonly TrainingExample[]): void {
  console.log(`\n## Comparison (train: ${training.length} examples from intents/; test: ${items.length} held-out lines)\n`);
  const texts = items.map((it) => normalize(it.text));
  const noisy = homophoneNoised(texts, training);
  const changed = noisy.filter((t, i) => t !== texts[i]).length;
  const gold = items.map((it) => it.intent);
  const rows = [['approach', 'accuracy', 'macro-F1', 'acc. homophone-noised', '5-fold CV acc. (train)', 'µs/classification', 'training ms']];
  for (const a of APPROACHES) {
    const times: number[] = [];
    let model = a.train(training);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      model = a.train(training);
      times.push(performance.now() - t0);
    }
    const rep = intentReport(
      gold,
      texts.map((t) => model.classify(t).intent),
    );
    const noisyRep = intentReport(
      gold,
      noisy.map((t) => model.classify(t).intent),
    );
    const us = timePerCall((t) => model.classify(t), texts) * 1000;
    const cv = cvAccuracy(a, training, 5);
    rows.push([a.name, pct(rep.accuracy), pct(rep.macroF1), pct(noisyRep.accuracy), pct(cv), us.toFixed(1), median(times).toFixed(0)]);
    process.stderr.write(`  done: ${a.name}\n`);
  }
  printTable(rows, new Set([1, 2, 3, 4, 5, 6]));
  console.log(
    `\naccuracy/macro-F1 on the held-out set; homophone-noised: the same lines with one character swapped for a ` +
      `homophone (${changed} of ${texts.length} changed); CV: stratified 5-fold on intents/ alone; ` +
      `training ms: median of 3 in-process runs, calibration included; µs: classifier only, normalized text.`,
  );
}

/** Hyper-parameters by cross-validation on the training data alone. */
function tune(training: readonly TrainingExample[]): void {
  console.log(`\n## Tuning by 5-fold CV on the training data (${training.length} examples; no held-out data)\n`);
  const grid: [string, Partial<ClassifierOptions>][] = [['defaults', {}]];
  for (const epochs of [4, 8]) grid.push([`epochs=${epochs}`, { epochs }]);
  for (const learningRate of [1, 4]) grid.push([`learningRate=${learningRate}`, { learningRate }]);
  for (const l2 of [1e-6, 1e-4]) grid.push([`l2=${l2}`, { l2 }]);
  for (const knnWeight of [0, 1.5, 5]) grid.push([`knnWeight=${knnWeight}`, { knnWeight }]);
  for (const threshold of [0.2, 0.4, 0.5]) grid.push([`threshold=${threshold}`, { threshold }]);
  grid.push(['idf=false', { idf: false }]);
  grid.push(['balance=false', { balance: false }]);
  grid.push(['char 1-2 + pinyin 1', { features: { charMin: 1, charMax: 2, pinyinMax: 1 } }]);
  grid.push(['char 1-3 + pinyin 1-2', { features: { charMin: 1, charMax: 3, pinyinMax: 2 } }]);
  grid.push(['char 1-2 only', { features: CHAR_FEATURES }]);
  const rows = [['setting (others at their defaults)', 'CV accuracy']];
  for (const [label, o] of grid) {
    rows.push([label, pct(cvAccuracy(ours(label, o), training, 5))]);
    process.stderr.write(`  done: ${label}\n`);
  }
  printTable(rows, new Set([1]));
}

/** Intent accuracy and macro-F1 on `items` for N training seeds (the default seed first). */
function seedSpread(items: readonly HeldoutItem[], training: readonly TrainingExample[], n: number): void {
  const seeds = [DEFAULT_OPTIONS.seed, ...Array.from({ length: Math.max(0, n - 1) }, (_, i) => i + 1)];
  const gold = items.map((it) => it.intent);
  const texts = items.map((it) => normalize(it.text));
  const acc: number[] = [];
  const f1: number[] = [];
  for (const seed of seeds) {
    const model = trainClassifier(training, { seed });
    // as understand() classifies: a bare value is out_of_scope, a greeting before a question reads the question.
    const rep = intentReport(
      gold,
      texts.map((t) => classifyNormalized(model, t).intent),
    );
    acc.push(rep.accuracy);
    f1.push(rep.macroF1);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(`\n## Over ${seeds.length} training seeds\n`);
  printTable(
    [
      ['metric', 'default seed', 'mean', 'min', 'max'],
      ['intent accuracy', pct(acc[0] as number), pct(mean(acc)), pct(Math.min(...acc)), pct(Math.max(...acc))],
      ['macro-F1', pct(f1[0] as number), pct(mean(f1)), pct(Math.min(...f1)), pct(Math.max(...f1))],
    ],
    new Set([1, 2, 3, 4]),
  );
}

function main(): void {
  const showErrors = Number(arg('--errors') ?? 25);
  const t0 = performance.now();
  const training = trainingExamples(loadIntents());
  const tLoad = performance.now() - t0;
  console.log(`# NLU evaluation\n\ntraining data: ${training.length} examples from intents/ (loaded and normalized in ${tLoad.toFixed(0)} ms)`);

  if (process.argv.includes('--tune')) {
    tune(training);
    return;
  }
  const path = arg('--heldout') ?? DEFAULT_HELDOUT;
  const { items, problems } = readHeldout(path);
  if (problems.length) console.log(`held-out: ${problems.length} unreadable lines skipped:\n  ${problems.slice(0, 10).join('\n  ')}`);
  if (items.length === 0) {
    console.error(`no held-out data in ${path}`);
    process.exit(1);
  }
  if (process.argv.includes('--compare')) {
    compare(items, training);
    return;
  }
  const ok = evaluate(items, training, Number.isFinite(showErrors) ? showErrors : 25);
  const seeds = Number(arg('--seeds') ?? 0);
  if (Number.isInteger(seeds) && seeds > 1) seedSpread(items, training, seeds);
  if (!ok && process.argv.includes('--strict')) process.exit(1);
}

main();
