import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

/** The JSON-lines interface, line by line: messages, button presses and clock lines. */
function startChat(dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  for (const v of ['REDIS_URL', 'STAFF_CHAT', 'STAFF_FILE', 'TELEGRAM_BOT_TOKEN', 'LARK_APP_ID', 'QUIET_HOURS', 'FESTIVAL_NOTICE_DAYS']) delete env[v];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--jsonl', '--now', '2027-01-20T10:00:00+08:00'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
    const w = waiters.shift();
    if (w) w(l);
    else lines.push(l);
  });
  // biome-ignore lint/suspicious/noExplicitAny: a JSON line of either shape
  const send = (input: object): Promise<any> => {
    child.stdin?.write(`${JSON.stringify(input)}\n`);
    const queued = lines.shift();
    return queued !== undefined ? Promise.resolve(JSON.parse(queued)) : new Promise((resolve) => waiters.push((l) => resolve(JSON.parse(l))));
  };
  return { child, send };
}

const dir = mkdtempSync(join(tmpdir(), 'yl-care-cli-'));
const bot = startChat(dir);
afterAll(() => {
  bot.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
const text = (out: { replies: { text: string }[] }) => out.replies.map((r) => r.text).join('\n');

describe('reminders and notices through the JSON-lines interface, with tick lines', () => {
  it('subscribe, change, list, stop in words; a group turns notices on; a staff notice; ticks deliver once', async () => {
    const sub = await bot.send({ chat: 'u1', user: 'u1', text: '每年认证提醒我一下' });
    expect(text(sub)).toContain('已订阅：认证提醒（每年）。下次 2027-02-01');
    expect(sub.replies[0].buttons.map((b: { payload: string }) => b.payload)).toEqual(['r:list', 'r:stop:cert']);
    expect(text(await bot.send({ chat: 'u1', user: 'u1', text: '认证提醒改到3月1日' }))).toContain('下次 2027-03-01');
    expect(text(await bot.send({ chat: 'u1', user: 'u1', text: '我订了哪些提醒' }))).toContain('认证提醒（每年） · 下次 2027-03-01');
    expect(text(await bot.send({ chat: 'u2', user: 'u2', text: '体检到时候叫我' }))).toContain('体检提醒');
    expect(text(await bot.send({ chat: 'u2', user: 'u2', text: '不要再提醒了' }))).toContain('不再提醒：体检提醒');

    expect(text(await bot.send({ chat: 'g1', user: 'a', text: '/notices on', group: true }))).toContain('只有群管理员或经办人员');
    expect(text(await bot.send({ chat: 'g1', user: 'a', text: '/notices on', group: true, admin: true }))).toContain('本群已开启通知');
    expect(text(await bot.send({ chat: 'u1', user: 'u1', text: '/notice 发通知' }))).toContain('工作人员');
    const preview = await bot.send({ chat: 's', user: 's', text: '/notice 周五上午社区发体检表', staff: true });
    expect(text(preview)).toContain('将发送给 1 个群和 1 位订阅者');
    const confirm = preview.replies[0].buttons[0].payload as string;
    expect(text(await bot.send({ chat: 's', user: 's', button: confirm, staff: true }))).toContain('已安排发送，共 2 处');
    expect(text(await bot.send({ chat: 's', user: 's', button: confirm, staff: true }))).toContain('已经发过');

    const first = await bot.send({ tick: '2027-01-20T10:05:00+08:00' });
    expect(first.error).toBeUndefined();
    expect(first.pushes.map((p: { chat: string }) => p.chat).sort()).toEqual(['g1', 's', 'u1']);
    expect(first.pushes.find((p: { chat: string }) => p.chat === 's').text).toBe('【通知送达】已送达 2/2 处。');

    const refused = await bot.send({ tick: '2027-01-20T09:00:00+08:00' });
    expect(refused).toMatchObject({ pushes: [], error: expect.stringContaining('tick_before_clock') });

    expect((await bot.send({ tick: '2027-03-01T08:59:00+08:00' })).pushes).toEqual([]);
    const due = await bot.send({ tick: '2027-03-01T09:10:00+08:00' });
    expect(due.pushes).toHaveLength(1);
    expect(due.pushes[0]).toMatchObject({ chat: 'u1', text: expect.stringContaining('002 第十六条(二)') });
    expect((await bot.send({ tick: '2027-03-05T10:00:00+08:00' })).pushes).toEqual([]);
    // Messages after a tick are read at the tick's time: the next festival is 端午 (2027-06-09), noticed 7 days before.
    expect(text(await bot.send({ chat: 'u3', user: 'u3', text: '节日提醒我' }))).toContain('下次 2027-06-02');
  }, 60_000);
});
