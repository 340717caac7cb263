import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npx tsx src/cli/nlu.ts ...args`, writes `input` (undefined: close stdin at once). */
function run(args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/nlu.ts', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin.write(input);
    child.stdin.end();
  });
}

function lines(stdout: string): Record<string, unknown>[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('npm run nlu (src/cli/nlu.ts)', () => {
  it('writes exactly one JSON line per input line, in order, and nothing else on stdout', async () => {
    const input = [
      JSON.stringify({ text: '自付一万二能拿多少大病慰问' }),
      '我父亲昨天去世了', // a plain line is the text
      '', // blank → out_of_scope
      '{not json at all', // invalid JSON → the line is the text
      JSON.stringify({ text: '我父亲昨天去世了', now: '2026-03-02T09:00:00+08:00' }),
      JSON.stringify('住院慰问怎么申请'), // a JSON string is the text
      JSON.stringify({ nope: 1 }), // no text
      JSON.stringify({ text: '你好', now: 'yesterday-ish' }),
      '😀😀😀',
    ].join('\n');
    const r = await run(['--now', '2026-11-21T10:00:00+08:00'], `${input}\n`);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(9);
    for (const o of out) {
      expect(Object.keys(o).slice(0, 4)).toEqual(['text', 'intent', 'confidence', 'slots']);
      expect(typeof o.confidence).toBe('number');
    }
    expect(out[0]).toMatchObject({ text: '自付一万二能拿多少大病慰问', intent: 'serious_illness_consolation', slots: { amount: 12000 } });
    expect(out[1]).toMatchObject({ text: '我父亲昨天去世了', intent: 'report_death', slots: { date: '2026-11-20' } });
    expect(out[2]).toMatchObject({ text: '', intent: 'out_of_scope', slots: {} });
    expect(out[3]).toMatchObject({ text: '{not json at all' });
    expect(out[4]).toMatchObject({ intent: 'report_death', slots: { date: '2026-03-01' } });
    expect(out[5]).toMatchObject({ text: '住院慰问怎么申请', intent: 'hospitalization_consolation' });
    expect(out[6]).toMatchObject({ text: '', intent: 'out_of_scope', errors: [{ code: 'missing_text' }] });
    expect(out[7]).toMatchObject({ text: '你好', intent: 'greeting', errors: [{ code: 'invalid_now', value: 'yesterday-ish' }] });
    expect(out[8]).toMatchObject({ intent: 'out_of_scope' });
    expect(r.stderr).toMatch(/trained on \d+ examples/);
  }, 60_000);

  it('accepts CRLF line ends and a last line without a newline', async () => {
    const r = await run(['--now=2026-11-21T10:00:00+08:00'], '你好\r\n谢谢你\r\n\r\n体检报销怎么弄');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.text)).toEqual(['你好', '谢谢你', '', '体检报销怎么弄']);
    expect(out.map((o) => o.intent)).toEqual(['greeting', 'thanks', 'out_of_scope', 'health_checkup']);
  }, 60_000);

  it('exits cleanly with no output when stdin is closed at once', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('uses the real clock when none is given', async () => {
    const r = await run([], '我母亲今天去世了\n');
    const [o] = lines(r.stdout);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(o).toMatchObject({ intent: 'report_death', slots: { date: today } });
  }, 60_000);

  it('lists the deciding features with --explain', async () => {
    const r = await run(['--explain'], '体检报销怎么弄\n');
    const [o] = lines(r.stdout);
    expect(o?.intent).toBe('health_checkup');
    expect(Array.isArray(o?.features)).toBe(true);
  }, 60_000);

  it('rejects a bad --now with a usage message on stderr and nothing on stdout', async () => {
    const r = await run(['--now', 'soon'], '你好\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--now/);
  }, 60_000);
});
