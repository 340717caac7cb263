/**
 * The roster file: validated with every problem named by its line, a bad file stops the process (exit 2), and the
 * file is read again on change and on SIGHUP without a restart — a bad edit keeps the last good roster.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveRoster, parseRoster, RosterError } from '../../src/staff/index.ts';
import { ROOT } from '../reliability/support.ts';
import { ROSTER_YAML } from './fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function tempFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yl-roster-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'staff.yaml');
  writeFileSync(file, text);
  return file;
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(25);
  }
}

describe('roster validation', () => {
  it('reads the sample roster shipped at the top level, scopes resolved as the rules core names regions', () => {
    const parsed = parseRoster(readFileSync(join(ROOT, 'staff.example.yaml'), 'utf8'));
    expect(parsed.ok).toBe(true);
    const fixture = parseRoster(ROSTER_YAML);
    // "西湖" (one scope, no list) is read as 西湖区.
    expect(fixture.ok && fixture.roster.staff.find((m) => m.id === 'xh-zhou')?.scope).toEqual(['西湖区']);
  });

  it('names every problem with its line', () => {
    const text = [
      'staff:', //                               1
      '  - id: a', //                            2
      '    name: 甲', //                         3
      '    accounts: [telegram:1]', //           4
      '    role: boss', //                       5
      '    scope: [西湖区]', //                   6
      '  - id: b', //                            7
      '    name: 乙', //                         8
      '    accounts: [telegram:1, web:abc]', //  9
      '    role: viewer', //                     10
      '    scope: [火星区]', //                   11
      'announce:', //                            12
      '  - scope: 西湖区', //                     13
      '    chat: nowhere', //                    14
    ].join('\n');
    const parsed = parseRoster(text, 'staff.yaml');
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^staff\.yaml:5: staff\[0\]\.role: /),
        expect.stringMatching(/^staff\.yaml:9: staff\[1\]\.accounts\[1\]: web chat users cannot be staff/),
        expect.stringMatching(/^staff\.yaml:11: staff\[1\]\.scope\[0\]: "火星区" is not a region/),
        expect.stringMatching(/^staff\.yaml:14: announce\[0\]\.chat: must be platform:chat/),
      ]),
    );
  });

  it('names a YAML syntax error and a duplicate account by line', () => {
    const syntax = parseRoster('staff:\n  - id: a\n    name: [unclosed\n', 'staff.yaml');
    expect(!syntax.ok && syntax.problems[0]).toMatch(/^staff\.yaml:\d+: /);
    const dup = parseRoster(
      'staff:\n  - {id: a, name: 甲, accounts: [cli:u1], role: admin, scope: "*"}\n  - {id: a, name: 乙, accounts: [cli:u1], role: admin, scope: "*"}\n',
      'staff.yaml',
    );
    expect(dup.ok ? [] : dup.problems).toEqual([
      expect.stringMatching(/^staff\.yaml:3: staff\[1\]\.id: id "a" is used twice/),
      expect.stringMatching(/^staff\.yaml:3: staff\[1\]\.accounts\[0\]: account cli:u1 is listed for two staff members/),
    ]);
  });

  it('a bad file at start stops the JSON-lines interface with exit 2, every problem on stderr', () => {
    const file = tempFile('staff:\n  - id: a\n    name: 甲\n    accounts: [cli:u1]\n    role: boss\n    scope: [西湖区]\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--jsonl'], {
      cwd: ROOT,
      input: '',
      env: { ...process.env, STAFF_FILE: file, DATA_DIR: join(file, '..', 'data') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/staff\.yaml:5: staff\[0\]\.role/);
    expect(run.stdout).toBe('');
  });
});

describe('the JSON-lines interface with STAFF_FILE', () => {
  it('a user u1 is staff when the roster lists cli:u1; "staff": true is a city-wide caseworker; others are not staff', () => {
    const file = tempFile(ROSTER_YAML);
    const lines = [
      { chat: 'u-xh', user: 'u-xh', text: '/cases' },
      { chat: 'u-xh', user: 'u-xh', text: '/console' },
      { chat: 'u9', user: 'u9', text: '/cases' },
      { chat: 'u9', user: 'u9', text: '/cases', staff: true },
    ];
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--jsonl'], {
      cwd: ROOT,
      input: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
      env: { ...process.env, STAFF_FILE: file, DATA_DIR: join(file, '..', 'data'), PUBLIC_URL: 'https://desk.example.gov.cn' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { replies: { text: string }[] });
    const text = (i: number) => out[i]?.replies.map((r) => r.text).join('\n') ?? '';
    expect(text(0)).not.toContain('工作人员的功能');
    expect(text(1)).toMatch(/https:\/\/desk\.example\.gov\.cn\/console\/login\?t=[A-Za-z0-9_-]{43}/);
    expect(text(2)).toContain('工作人员的功能');
    expect(text(3)).not.toContain('工作人员的功能');
  }, 120_000);
});

describe('roster reload without a restart', () => {
  it('follows the file: a new member counts at once; a bad edit keeps the last good roster', async () => {
    const file = tempFile('staff:\n  - {id: a, name: 甲, accounts: [cli:u1], role: admin, scope: "*"}\n');
    const problems: string[][] = [];
    const live = LiveRoster.open(file, { onInvalid: (p) => problems.push([...p]) });
    cleanups.push(() => live.close());
    expect(live.current.staff.map((m) => m.id)).toEqual(['a']);
    writeFileSync(
      file,
      'staff:\n  - {id: a, name: 甲, accounts: [cli:u1], role: admin, scope: "*"}\n  - {id: b, name: 乙, accounts: [cli:u2], role: viewer, scope: 建德市}\n',
    );
    await until(() => live.current.staff.length === 2);
    writeFileSync(file, 'staff:\n  - {id: a, name: 甲, accounts: [cli:u1], role: boss, scope: "*"}\n');
    await until(() => problems.length > 0);
    expect(problems[0]?.[0]).toMatch(/staff\.yaml:2: staff\[0\]\.role/);
    expect(live.current.staff.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('reads the file again on SIGHUP', async () => {
    const file = tempFile('staff: []\n');
    const reloads: number[] = [];
    const live = LiveRoster.open(file, { onReload: (r) => reloads.push(r.staff.length) }, false);
    cleanups.push(() => live.close());
    // Without watching, only the signal (here: the handler it installs when watching) reads it again.
    const watched = LiveRoster.open(file, { onReload: (r) => reloads.push(r.staff.length) });
    cleanups.push(() => watched.close());
    await sleep(300);
    reloads.length = 0;
    process.kill(process.pid, 'SIGHUP');
    await until(() => reloads.length > 0);
    expect(reloads).toEqual([0]);
  });

  it('a missing file is a RosterError naming it', () => {
    expect(() => LiveRoster.open('/nonexistent/staff.yaml')).toThrow(RosterError);
  });
});
