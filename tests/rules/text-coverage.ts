/**
 * How much of each policy text the rules cite: the text split into sentences, a sentence counted as cited when a
 * citation quotes part of it. `npm run eval:texts` prints the share per text; `--list` prints the sentences no
 * citation quotes (titles, addressees and such among them), to find rules still missing.
 */
import { readFileSync } from 'node:fs';
import { type Dated, DOCUMENTS, LAWS } from '../../src/rules/index.ts';
import { policiesDir } from '../support/shared.ts';

/** Shorter than this, a piece is a heading or a number, not a rule. */
const MIN_SENTENCE = 12;
/** A quote's opening this long, found in a sentence, cites it. */
const QUOTE_HEAD = 20;

const flat = (text: string) => text.replace(/\s+/g, '');
const quotes = new Map<string, string[]>();
for (const law of Object.values(LAWS)) {
  for (const param of Object.values(law)) {
    if (!Array.isArray(param)) continue;
    for (const entry of param as Dated<unknown>[]) {
      const list = quotes.get(entry.cite.doc) ?? [];
      list.push(flat(entry.cite.quote));
      quotes.set(entry.cite.doc, list);
    }
  }
}

const list = process.argv.includes('--list');
let total = 0;
let cited = 0;
for (const doc of Object.values(DOCUMENTS)) {
  const text = flat(readFileSync(`${policiesDir}/${doc.file}`, 'utf8'));
  const own = quotes.get(doc.id) ?? [];
  const sentences = text.split(/(?<=[。；;：])/).filter((s) => [...s].length >= MIN_SENTENCE);
  const uncited = sentences.filter((s) => !own.some((q) => s.includes(q.slice(0, QUOTE_HEAD)) || q.includes(s.replace(/[。；;：]$/, ''))));
  total += sentences.length;
  cited += sentences.length - uncited.length;
  console.log(`${doc.id}: ${sentences.length - uncited.length} / ${sentences.length} sentences cited`);
  if (list) for (const s of uncited) console.log(`  · ${s}`);
}
console.log(`all: ${cited} / ${total} (${((100 * cited) / total).toFixed(1)} %)`);
