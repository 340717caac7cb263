import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTranslator } from '../../src/i18n/index.ts';

/** Every sentence id the code names literally has a zh-CN sentence (dynamic ids are covered by the flows' tests). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const ID_USES = [
  /\btr\.t\('([a-z0-9_-]+)'/g,
  /\.t\('([a-z0-9_-]+)'/g,
  /\bask: '([a-z0-9_-]+)'/g,
  /'((?:error|button|ask|offer|case|cond|item|notice|death|status|budget|head|publicity|command|menu|topic)-[a-z0-9_-]+)'/g,
];

describe('locale ids named in the code', () => {
  it('all exist in zh-CN', () => {
    const tr = loadTranslator('zh-CN');
    const ids = new Set<string>();
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of ID_USES) for (const m of text.matchAll(pattern)) ids.add(m[1] as string);
    }
    expect(ids.size).toBeGreaterThan(80);
    // Sanity: the scan sees the ids dialogs use.
    expect(ids.has('ask-self-pay')).toBe(true);
    expect([...ids].filter((id) => !id.endsWith('-') && !tr.has(id)).sort()).toEqual([]);
  });
});
