/**
 * `npm run --silent nlu [-- --now <iso>] [-- --explain]`
 *
 * Reads JSON lines from stdin — `{"text": "...", "now"?: "<iso>"}`, a JSON string, or a plain
 * line taken as the text — and writes exactly one JSON line per input line to stdout, in order:
 * `{"text","intent","confidence","slots"[,"errors"][,"features"]}`. A blank line gives an
 * out_of_scope line. Nothing else goes to stdout; diagnostics go to stderr.
 */
import { createInterface } from 'node:readline';
import type { NluError, Understanding } from '../nlu/index.ts';
import { understand, warmUp } from '../nlu/index.ts';

// Whatever a dependency might print must not corrupt the JSON-lines stream.
console.log = console.error;
console.info = console.error;
console.debug = console.error;

type InputError = { readonly code: 'invalid_now'; readonly value: string } | { readonly code: 'missing_text' };

interface Args {
  now?: Date;
  explain: boolean;
}

function usage(message: string): never {
  process.stderr.write(`nlu: ${message}\nusage: nlu [--now <iso date-time>] [--explain] < lines\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { explain: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--explain') args.explain = true;
    else if (a === '--now' || a.startsWith('--now=')) {
      const v = a === '--now' ? argv[++i] : a.slice('--now='.length);
      if (v === undefined) usage('--now needs a value');
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) usage(`--now: not a date-time: ${v}`);
      args.now = d;
    } else if (a === '--help' || a === '-h') usage('help');
    else usage(`unknown argument ${a}`);
  }
  return args;
}

function parseNow(v: unknown): Date | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** One input line → the text, an optional clock and input errors. */
function parseLine(line: string): { text: string; now?: Date; errors: InputError[] } {
  const trimmed = line.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return { text: line, errors: [] }; // not JSON after all: the line is the text
    }
    if (typeof value === 'string') return { text: value, errors: [] };
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      const errors: InputError[] = [];
      const text = typeof o.text === 'string' ? o.text : '';
      if (typeof o.text !== 'string') errors.push({ code: 'missing_text' });
      let now: Date | undefined;
      if (o.now !== undefined && o.now !== null) {
        now = parseNow(o.now);
        if (!now) errors.push({ code: 'invalid_now', value: String(o.now) });
      }
      return now ? { text, now, errors } : { text, errors };
    }
  }
  return { text: line, errors: [] };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  try {
    const t0 = performance.now();
    const info = warmUp();
    process.stderr.write(
      `nlu: ${info.model} trained on ${info.examples} examples, ${info.vocabulary} features, ` +
        `T=${info.temperature.toFixed(3)}, threshold=${info.threshold} in ${(performance.now() - t0).toFixed(0)} ms\n`,
    );
  } catch (e) {
    process.stderr.write(`nlu: cannot train the classifier: ${(e as Error).message}\n`);
    process.exit(1);
  }

  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0); // the reader went away
    process.stderr.write(`nlu: stdout: ${e.message}\n`);
    process.exit(1);
  });

  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  rl.on('line', (line) => {
    let out: Omit<Understanding, 'errors'> & { errors?: readonly (NluError | InputError)[] };
    try {
      const input = parseLine(line);
      const r = understand(input.text, { now: input.now ?? args.now ?? new Date(), explain: args.explain });
      const errors = [...input.errors, ...(r.errors ?? [])];
      out = { ...r, ...(errors.length > 0 ? { errors } : {}) };
    } catch (e) {
      // understand does not throw; this is the last guard so that every line gets its answer.
      out = { text: line, intent: 'out_of_scope', confidence: 0, slots: {} as Understanding['slots'] };
      process.stderr.write(`nlu: ${(e as Error).message}\n`);
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  });
  rl.on('close', () => {
    // Let pending writes drain; the process ends by itself.
  });
}

main();
