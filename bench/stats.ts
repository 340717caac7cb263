/**
 * Small numeric helpers for the benchmark: percentiles, a seeded PRNG, formatting.
 * Latencies are kept in milliseconds (Float64Array), measured with performance.now().
 */
import { mulberry32 } from '../src/nlu/index.ts';

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of the samples (milliseconds in, milliseconds out). */
export function summarize(samples: ArrayLike<number>): Summary {
  const n = samples.length;
  if (n === 0) return { n: 0, mean: NaN, min: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  const at = (q: number): number => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] as number;
  return { n, mean: sum / n, min: sorted[0] as number, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[n - 1] as number };
}

/** A growable list of latencies without per-sample allocation. */
export class Samples {
  #data = new Float64Array(1024);
  #n = 0;
  push(x: number): void {
    if (this.#n === this.#data.length) {
      const bigger = new Float64Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.#n++] = x;
  }
  get length(): number {
    return this.#n;
  }
  summary(): Summary {
    return summarize(this.#data.subarray(0, this.#n));
  }
}

/** Deterministic PRNG: the same seed gives the same workload on every run (the classifier's mulberry32). */
export const prng = mulberry32;

export function pick<T>(rand: () => number, list: readonly T[]): T {
  if (list.length === 0) throw new Error('pick from an empty list');
  return list[Math.floor(rand() * list.length)] as T;
}

/** Weighted choice: entries are [weight, value]. */
export function pickWeighted<T>(rand: () => number, entries: readonly (readonly [number, T])[]): T {
  const total = entries.reduce((s, [w]) => s + w, 0);
  let r = rand() * total;
  for (const [w, v] of entries) {
    r -= w;
    if (r < 0) return v;
  }
  return (entries[entries.length - 1] as readonly [number, T])[1];
}

/** Fisher–Yates, in place. */
export function shuffle<T>(rand: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = list[i] as T;
    list[i] = list[j] as T;
    list[j] = t;
  }
  return list;
}

/** 1234567.8 → "1,234,568"; small numbers keep some decimals. */
export function fmtNumber(x: number, digits?: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  return x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** Milliseconds, shown in µs below 1 ms. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return `${fmtNumber(ms * 1000, ms * 1000 >= 100 ? 0 : 1)} µs`;
  if (ms >= 10_000) return `${fmtNumber(ms / 1000, 1)} s`;
  return `${fmtNumber(ms, ms >= 100 ? 0 : 2)} ms`;
}

export function fmtBytes(bytes: number): string {
  return `${fmtNumber(bytes / (1024 * 1024), 1)} MB`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
