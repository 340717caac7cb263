/**
 * Conversation tests as data (issue 11): every story in tests/conversations/*.yaml is played through the engine on a
 * fresh embedded store and must pass every expectation of every turn. FORMAT.md describes the files.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/dialog/index.ts';
import { loadTranslator } from '../../src/i18n/index.ts';
import { openSqliteStore, type Store } from '../../src/store/index.ts';
import { type Answer, type Line, loadConversations, play } from './story.ts';

const here = dirname(fileURLToPath(import.meta.url));
const NOW = new Date('2026-12-05T10:00:00+08:00');
const files = readdirSync(here).filter((f) => /\.ya?ml$/.test(f));

let dir: string;
let store: Store;
let engine: ReturnType<typeof createEngine>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yl-stories-'));
  store = openSqliteStore(join(dir, 'bot.db'));
  engine = createEngine({ store, tr: loadTranslator() });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function send(line: Line): Promise<Answer> {
  return engine.handle({
    platform: 'jsonl',
    chat: line.chat,
    user: line.user,
    ...(line.text !== undefined ? { text: line.text } : {}),
    ...(line.button !== undefined ? { button: line.button } : {}),
    group: line.group ?? false,
    mention: line.mention ?? false,
    staff: line.staff ?? false,
    now: NOW,
  });
}

it('has stories to play', () => {
  expect(files.length).toBeGreaterThan(0);
});

for (const file of files) {
  describe(file, () => {
    for (const [k, c] of loadConversations(join(here, file)).entries()) {
      it(`${c.id} [${c.class.join(',')}] ${c.note ?? ''}`, async () => {
        // Each story has its own user and group, so none sees another's state.
        const place = { user: `u-${file}-${k}`, group: `g-${file}-${k}` };
        const results = await play(c, place, send);
        const failed = results
          .filter((r) => r.failures.length > 0)
          .map((r) => `turn ${r.turn + 1}: ${r.failures.join('; ')}\n${r.answer?.replies.map((x) => x.text).join('\n') ?? ''}`);
        expect(failed).toEqual([]);
        expect(results).toHaveLength(c.turns.length);
      });
    }
  });
}
