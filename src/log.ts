import pino, { type DestinationStream, type Logger } from 'pino';
import { PERSONAL_KEYS, maskText } from './privacy/mask.ts';

/** Paths pino censors outright: personal fields at the top level and one level down (e.g. `case.phone`). */
const REDACT = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]);

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  // An error's message and stack may quote user input: they are masked like any other text.
  if (value instanceof Error) {
    const masked: Record<string, unknown> = { type: value.name, message: maskText(value.message) };
    if (value.stack) masked.stack = maskText(value.stack);
    if ('code' in value) masked.code = (value as { code?: unknown }).code;
    return masked;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/**
 * The one logger. Personal fields are censored by key, and any ID number, phone or bank card inside other
 * strings (a user's message, an error text) is masked before it is written.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { log: (record) => maskDeep(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}
