import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export type Args = Readonly<Record<string, FluentVariable>>;

/** Looks up a sentence by id; a missing id returns null so callers can choose a fallback. */
export interface Translator {
  readonly locale: string;
  has(id: string): boolean;
  t(id: string, args?: Args): string;
  maybe(id: string, args?: Args): string | null;
}

export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALES_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'locales');

/** The locales present: one folder each under locales/, so a new language is new files only. */
export function availableLocales(dir = LOCALES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

export class LocaleError extends Error {
  constructor(
    readonly code: 'unknown_locale' | 'syntax_error',
    message: string,
  ) {
    super(message);
  }
}

/** Loads every .ftl file of one locale; a syntax error in a file is reported, not skipped. */
export function loadTranslator(locale = DEFAULT_LOCALE, dir = LOCALES_DIR): Translator {
  const folder = join(dir, locale);
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((f) => f.endsWith('.ftl'))
      .sort();
  } catch {
    throw new LocaleError('unknown_locale', `no locale folder ${folder}`);
  }
  // Isolation marks (U+2068/9) would show up as junk in chat clients.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  for (const file of files) {
    const resource = new FluentResource(readFileSync(join(folder, file), 'utf8'));
    const errors = bundle.addResource(resource);
    if (errors.length > 0) throw new LocaleError('syntax_error', `${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
  }
  // A sentence without arguments never changes: formatted once.
  const fixed = new Map<string, string | null>();
  const format = (id: string, args?: Args): string | null => {
    if (!args) {
      const known = fixed.get(id);
      if (known !== undefined) return known;
    }
    const text = formatNow(id, args);
    if (!args && fixed.size < 10_000) fixed.set(id, text);
    return text;
  };
  const formatNow = (id: string, args?: Args): string | null => {
    const message = bundle.getMessage(id);
    if (!message?.value) return null;
    // A missing argument renders as its name rather than throwing in the middle of a reply.
    const errors: Error[] = [];
    // Numbers are written as digits, without grouping: "1000人", "2026年".
    const plain = args && Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]));
    return bundle.formatPattern(message.value, plain ?? null, errors);
  };
  return {
    locale,
    has: (id) => bundle.hasMessage(id),
    t: (id, args) => format(id, args) ?? id,
    maybe: format,
  };
}
