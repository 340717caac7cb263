import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Transcripts through the JSON-lines interface (npm run chat -- --jsonl), as ../shared/interface.md specifies it:
 * one process, every dialog, with corrections, cancels and group cases. Each step names what the reply must say.
 */
interface Step {
  readonly in: Record<string, unknown>;
  readonly intent?: string | null;
  readonly says?: readonly string[];
  readonly saysNot?: readonly string[];
  /** Chats the replies go to, in order; [] = the bot stays quiet. */
  readonly to?: readonly string[];
  readonly opens?: string;
}

const T: Record<string, readonly Step[]> = {
  serious_illness: [
    { in: { chat: 'a', user: 'a', text: '自付一万二能拿多少大病慰问' }, intent: 'serious_illness_consolation', says: ['哪个区'] },
    { in: { chat: 'a', user: 'a', button: 's:region:建德市' }, says: ['最高不超过1000元', '三(一)4'] },
    { in: { chat: 'a', user: 'a', text: '不对，是四万五' }, intent: 'serious_illness_consolation', says: ['最高不超过2500元'] },
  ],
  hospitalization: [{ in: { chat: 'b', user: 'b', text: '拱墅区 住院慰问多少钱' }, intent: 'hospitalization_consolation', says: ['150元', '三(一)3'] }],
  funeral: [{ in: { chat: 'c', user: 'c', text: '建德市丧事慰问金有多少' }, intent: 'funeral_consolation', says: ['200元'] }],
  festival: [{ in: { chat: 'd', user: 'd', text: '上城区春节慰问多少' }, intent: 'festival_consolation', says: ['1200元'] }],
  health: [{ in: { chat: 'e', user: 'e', text: '西湖区体检多久一次' }, intent: 'health_checkup', says: ['400元'] }],
  group_activity: [{ in: { chat: 'f', user: 'f', text: '滨江 我80岁了 小组活动去不了 有什么' }, intent: 'group_activity', says: ['慰问品'] }],
  group_leader: [{ in: { chat: 'g', user: 'g', text: '上城区 小组长管了45个人 补助多少' }, intent: 'group_leader_subsidy', says: ['最高不超过450元'] }],
  certification: [{ in: { chat: 'h', user: 'h', text: '长沙 养老金资格认证一年做几次' }, intent: 'pension_certification', says: ['每年做1次'] }],
  coverage: [{ in: { chat: 'i', user: 'i', text: '西湖区 刚退休 什么时候纳入社区管理' }, intent: 'coverage_enrollment', says: ['次月'] }],
  hardship: [{ in: { chat: 'j', user: 'j', text: '建德 家里特别困难 有慰问吗' }, intent: 'hardship_assistance', says: ['1000元'] }],
  update_info: [{ in: { chat: 'k', user: 'k', text: '我换了手机号要登记吗' }, intent: 'update_personal_info', says: ['社区'] }],
  transfer: [
    { in: { chat: 'l', user: 'l', text: '我在杭州市内搬家了，管理关系怎么转' }, intent: 'transfer_management', says: ['搬到了哪个区'] },
    { in: { chat: 'l', user: 'l', text: '余杭' }, says: ['户口'] },
    { in: { chat: 'l', user: 'l', button: 's:hukou:yes' }, says: ['房子'] },
    { in: { chat: 'l', user: 'l', button: 's:housing:own' }, says: ['房屋权属证明', '原来住在哪个区'] },
    { in: { chat: 'l', user: 'l', text: '西湖区' }, says: ['房屋权属证明'] },
    { in: { chat: 'l', user: 'l', button: 'y' }, opens: 'management_transfer' },
  ],
  death_in_group: [
    { in: { chat: 'grp', user: 'm', text: '我父亲昨天去世了', group: true }, intent: 'report_death', to: ['grp', 'm'], says: ['节哀'] },
    { in: { chat: 'm', user: 'm', text: '刘建华' }, says: ['身份证'] },
    { in: { chat: 'm', user: 'm', text: '330182195203151239' }, says: ['手机号'] },
    { in: { chat: 'm', user: 'm', text: '13812345678' }, says: ['哪个区'] },
    { in: { chat: 'm', user: 'm', text: '长沙' }, says: ['社区'] },
    { in: { chat: 'm', user: 'm', text: '天心区桂花社区' }, says: ['请核对', '330182********1239'], saysNot: ['330182195203151239'] },
    { in: { chat: 'm', user: 'm', button: 'y' }, opens: 'death_report', says: ['30日内（2026年12月20日前）'] },
  ],
  cancel: [
    { in: { chat: 'n', user: 'n', text: '大病慰问' }, says: ['哪个区'] },
    { in: { chat: 'n', user: 'n', text: '算了' }, intent: 'cancel', says: ['已取消'] },
  ],
  group_quiet: [
    { in: { chat: 'grp', user: 'o', text: '今天菜场的青菜便宜了', group: true }, to: [] },
    { in: { chat: 'grp', user: 'o', text: '你好', group: true, mention: true }, to: ['grp'] },
  ],
  status_and_handoff: [
    { in: { chat: 'p', user: 'p', text: '转人工' }, intent: 'human_handoff', opens: 'inquiry' },
    { in: { chat: 'p', user: 'p', text: '我的登记办得怎么样了' }, intent: 'case_status', says: ['人工咨询'] },
  ],
  budget: [{ in: { chat: 'q', user: 'q', text: '建德 预算 1000人', staff: true }, says: ['90000元'] }],
  bad_input: [
    { in: { chat: 'r', user: 'r', text: '西湖区大病慰问' }, says: ['自己付了多少'] },
    { in: { chat: 'r', user: 'r', text: '-3000' }, says: ['负数'] },
  ],
};

/** The full case cycle with a staff chat: report → announce → claim → resolve → the family is told. */
const STAFF: readonly Step[] = [
  { in: { chat: 'fam', user: 'fam', text: '我母亲前天去世了 怎么报' }, intent: 'report_death', says: ['姓名'] },
  { in: { chat: 'fam', user: 'fam', text: '周桂芳' }, says: ['身份证'] },
  { in: { chat: 'fam', user: 'fam', text: '330182195203151239' }, says: ['手机号'] },
  { in: { chat: 'fam', user: 'fam', text: '13812345678' }, says: ['哪个区'] },
  { in: { chat: 'fam', user: 'fam', text: '拱墅区' }, says: ['社区'] },
  { in: { chat: 'fam', user: 'fam', text: '和睦社区' }, says: ['请核对'] },
  {
    in: { chat: 'fam', user: 'fam', button: 'y' },
    opens: 'death_report',
    to: ['fam', 'staff'],
    says: ['C20261121-0001', '330182********1239'],
    saysNot: ['330182195203151239', '13812345678'],
  },
  { in: { chat: 'fam', user: 'fam', text: '/cases' }, says: ['工作人员的功能'] },
  { in: { chat: 'staff', user: 'w1', staff: true, group: true, button: 'k:claim:C20261121-0001' }, says: ['已认领'], saysNot: ['330182195203151239'] },
  { in: { chat: 'w1', user: 'w1', staff: true, text: '/resolve C20261121-0001 已核实，丧事料理慰问费200元已发放' }, to: ['w1', 'fam'], says: ['已办结'] },
  { in: { chat: 'fam', user: 'fam', text: '我报的事办好了吗' }, intent: 'case_status', says: ['已办结'] },
];

const steps = Object.entries(T).flatMap(([name, list]) => list.map((step, i) => ({ name, i, step })));
const staffSteps = STAFF.map((step, i) => ({ name: 'staff_cycle', i, step }));
let outputs: Record<string, unknown>[] = [];
let staffOutputs: Record<string, unknown>[] = [];
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yl-transcripts-'));
  outputs = await runJsonl(
    steps.map((s) => s.step.in),
    { DATA_DIR: join(dir, 'a') },
  );
  staffOutputs = await runJsonl(
    staffSteps.map((s) => s.step.in),
    { DATA_DIR: join(dir, 'b'), STAFF_CHAT: 'jsonl:staff' },
  );
}, 90_000);

async function runJsonl(lines: readonly Record<string, unknown>[], env: Record<string, string>): Promise<Record<string, unknown>[]> {
  const input = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--jsonl', '--now', '2026-11-21T10:00:00+08:00'], {
      env: { ...process.env, REDIS_URL: '', STAFF_CHAT: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`chat exited ${code}: ${err}`))));
    child.stdin.end(input);
  });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSON-lines transcripts', () => {
  it('writes exactly one JSON line per input line', () => {
    expect(outputs.length).toBe(steps.length);
    expect(staffOutputs.length).toBe(staffSteps.length);
  });

  it.each([...steps.map((s) => [`${s.name} #${s.i + 1}`, s] as const), ...staffSteps.map((s) => [`${s.name} #${s.i + 1}`, s] as const)])(
    '%s',
    (_label, { step, name }) => {
      const [list, all] = name === 'staff_cycle' ? [staffSteps, staffOutputs] : [steps, outputs];
      const out = all[list.findIndex((s) => s.step === step)] as {
        chat: string;
        intent: string | null;
        replies: { chat: string; text: string }[];
        cases: { type: string }[];
      };
      const text = out.replies.map((r) => r.text).join('\n');
      if (step.intent !== undefined) expect(out.intent).toBe(step.intent);
      for (const s of step.says ?? []) expect(text).toContain(s);
      for (const s of step.saysNot ?? []) expect(text).not.toContain(s);
      if (step.to) expect(out.replies.map((r) => r.chat)).toEqual(step.to);
      if (step.opens) expect(out.cases.map((c) => c.type)).toContain(step.opens);
    },
  );
});
