/**
 * `npm run eval:dialogs [-- FILE ...] [--verbose] [--json OUT]` — scores the bot on conversation files (default: every
 * held-out set in tests/heldout/) through the JSON-lines interface, as outside testers drive it: one
 * `npm run chat -- --jsonl` process on a fresh embedded store, each conversation in its own chats.
 * Prints the pass rate overall, per class (issue 11's classes 1–8 and "texts") and per kind of user, and each failed
 * turn with what the bot said. The held-out sets are a measurement, never training data.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Answer, type Conversation, type Line, loadConversations, play, type TurnResult } from './story.ts';

const NOW = '2026-12-05T10:00:00+08:00';
const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && !(jsonAt >= 0 && i === jsonAt + 1));
const heldout = join(root, 'tests/heldout');
const targets =
  files.length > 0
    ? files
    : readdirSync(heldout)
        .filter((f) => /^dialogs-.*\.ya?ml$/.test(f))
        .map((f) => join(heldout, f));

function bot() {
  const dataDir = mkdtempSync(join(tmpdir(), 'yl-eval-dialogs-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/chat.ts'), '--jsonl', '--now', NOW], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, REDIS_URL: '', LOG_LEVEL: 'error' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(l));
  return {
    send(line: Line): Promise<Answer> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no answer in 20 s')), 20_000);
        waiting.push((l) => {
          clearTimeout(timer);
          resolve(JSON.parse(l) as Answer);
        });
        child.stdin.write(`${JSON.stringify(line)}\n`);
      });
    },
    async close() {
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Scored {
  readonly file: string;
  readonly conversation: Conversation;
  readonly results: readonly TurnResult[];
  readonly passed: boolean;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

const scored: Scored[] = [];
const b = bot();
try {
  for (const file of targets) {
    const conversations = loadConversations(file);
    for (const [k, c] of conversations.entries()) {
      const tag = `${file.replace(/.*\//, '').replace(/\.ya?ml$/, '')}-${k}`;
      const results = await play(c, { user: `u-${tag}`, group: `g-${tag}` }, (line) => b.send(line));
      const passed = results.length === c.turns.length && results.every((r) => r.failures.length === 0);
      scored.push({ file, conversation: c, results, passed });
    }
  }
} finally {
  await b.close();
}

const rows = (key: (s: Scored) => readonly string[]) => {
  const groups = new Map<string, { pass: number; all: number }>();
  for (const s of scored) {
    for (const k of key(s)) {
      const g = groups.get(k) ?? { pass: 0, all: 0 };
      g.all += 1;
      if (s.passed) g.pass += 1;
      groups.set(k, g);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
};

for (const s of scored.filter((x) => !x.passed)) {
  console.log(`\n✗ ${s.conversation.id} [${s.conversation.class.join(',')}] ${s.conversation.note ?? ''}`);
  for (const r of s.results) {
    const t = s.conversation.turns[r.turn];
    const said = t?.say !== undefined ? t.say : `[${t?.press}]`;
    if (r.failures.length === 0 && !verbose) {
      console.log(`   ${r.turn + 1}. ${said}  ✓`);
      continue;
    }
    console.log(`   ${r.turn + 1}. ${said}  ${r.failures.length === 0 ? '✓' : `✗ ${r.failures.join('; ')}`}`);
    for (const reply of r.answer?.replies ?? [])
      console.log(
        `      → [${reply.chat}] ${reply.text.replace(/\n/g, '\n        ')}${reply.buttons ? `  {${reply.buttons.map((x) => x.label).join(' | ')}}` : ''}`,
      );
  }
}

const total = scored.filter((s) => s.passed).length;
console.log(`\n## Conversations: ${total} / ${scored.length} passed (${pct(total, scored.length)})`);
const turns = scored.flatMap((s) => s.results);
console.log(`turns: ${turns.filter((r) => r.failures.length === 0).length} / ${turns.length} passed`);
console.log('\n| class | passed | of | rate |\n|---|--:|--:|--:|');
for (const [k, g] of rows((s) => s.conversation.class.map(String))) console.log(`| ${k} | ${g.pass} | ${g.all} | ${pct(g.pass, g.all)} |`);
console.log('\n| who | passed | of | rate |\n|---|--:|--:|--:|');
for (const [k, g] of rows((s) => [s.conversation.who])) console.log(`| ${k} | ${g.pass} | ${g.all} | ${pct(g.pass, g.all)} |`);
if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      scored.map((s) => ({ id: s.conversation.id, file: s.file, passed: s.passed, failures: s.results.map((r) => r.failures) })),
      null,
      1,
    ),
  );
}
