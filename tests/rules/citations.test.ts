import { describe, expect, it } from 'vitest';
import { type Citation, type Dated, DOCUMENTS, LAWS } from '../../src/rules/index.ts';
import { hasPolicies, policyText } from '../support/shared.ts';

function allCitations(): { where: string; cite: Citation }[] {
  const out: { where: string; cite: Citation }[] = [];
  for (const doc of Object.values(DOCUMENTS)) out.push({ where: `${doc.id}.validity`, cite: doc.validity });
  for (const law of Object.values(LAWS)) {
    for (const [key, param] of Object.entries(law)) {
      if (!Array.isArray(param)) continue;
      for (const entry of param as Dated<unknown>[]) out.push({ where: `${law.doc}.${key}@${entry.from}`, cite: entry.cite });
    }
  }
  return out;
}

describe.skipIf(!hasPolicies)('every citation resolves to the words of its text', () => {
  const citations = allCitations();

  it('covers every parameter of every law', () => {
    expect(citations.length).toBeGreaterThan(50);
  });

  it.each(citations.map((c) => [c.where, c.cite] as const))('%s', (_where, cite) => {
    const text = policyText(DOCUMENTS[cite.doc].file);
    expect(text).toContain(cite.quote.replace(/\s+/g, ''));
  });

  it('names each document by its 文号 as printed in the text', () => {
    for (const doc of Object.values(DOCUMENTS)) {
      const text = policyText(doc.file);
      if (doc.docNumber) expect(text).toContain(doc.docNumber);
      expect(text).toContain(doc.title.slice(0, 12));
    }
  });

  it('a value is dated no earlier than its document', () => {
    for (const law of Object.values(LAWS)) {
      for (const param of Object.values(law)) {
        if (!Array.isArray(param)) continue;
        for (const entry of param as Dated<unknown>[]) {
          expect(entry.from >= DOCUMENTS[law.doc].effectiveFrom).toBe(true);
          expect(entry.cite.doc).toBe(law.doc);
        }
      }
    }
  });
});
