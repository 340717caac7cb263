/**
 * Staff-only actions from someone who is not staff: every command and every forged case button is refused
 * politely, logged, shows nothing of the case, notifies nobody — and the case is exactly as it was. Also through
 * the service's public web chat, where nobody is staff. (Webhook secrets and signatures: tests/channels.)
 */
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incoming } from '../../src/chat/index.ts';
import { createLogger } from '../../src/log.ts';
import { startService } from '../../src/service.ts';
import { openSqliteStore } from '../../src/store/index.ts';
import { Cleanup, caseId, engineOn, msg, NOW, tempDir, textOf } from './support.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const REFUSED = '工作人员的功能';
const CASE = caseId(1);
const STAFF_ROOM = 'sec-staff-room';

async function withOpenCase() {
  const store = openSqliteStore(join(tempDir(cleanup, 'yl-secrets-'), 'bot.db'));
  cleanup.add(() => store.close());
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const engine = engineOn(store, { logger, staffChat: { platform: 'test', chat: STAFF_ROOM } });
  const family = { chat: 'sec-u1', user: 'sec-u1' };
  for (const text of ['我父亲昨天去世了', '张建国', '330182195203151239', '13812345678', '西湖区', '翠苑一区社区'])
    await engine.handle(msg({ ...family, text }));
  const filed = await engine.handle(msg({ ...family, button: 'y' }));
  expect(filed.cases).toEqual([{ id: CASE, type: 'death_report', status: 'open' }]);
  return { store, engine, logs, before: await store.getCase(CASE) };
}

const COMMANDS = [
  '/cases',
  '/cases all',
  '/cases death_report',
  `/case ${CASE}`,
  `/claim ${CASE}`,
  `/resolve ${CASE} 已发放2000元`,
  `/reject ${CASE} 材料不全`,
  `/note ${CASE} 已电话联系`,
  '/publicity 2026-11',
  '/claim',
  '/frobnicate',
];
const BUTTONS = [`k:claim:${CASE}`, `k:view:${CASE}`];

describe('staff-only actions from a non-staff user', () => {
  it('every command and forged case button is refused, shows nothing, and leaves the case unchanged', async () => {
    const { store, engine, logs, before } = await withOpenCase();
    const attempts: Incoming[] = [
      // In private, in a group mentioning the bot, and in the staff room itself without being staff.
      ...COMMANDS.map((text) => msg({ chat: 'sec-u2', user: 'sec-u2', text })),
      ...COMMANDS.map((text) => msg({ chat: 'sec-g1', user: 'sec-u2', group: true, mention: true, text })),
      ...COMMANDS.map((text) => msg({ chat: STAFF_ROOM, user: 'sec-u3', group: true, mention: true, text })),
      ...BUTTONS.map((button) => msg({ chat: 'sec-u2', user: 'sec-u2', button })),
      ...BUTTONS.map((button) => msg({ chat: 'sec-g1', user: 'sec-u2', group: true, button })),
      ...BUTTONS.map((button) => msg({ chat: STAFF_ROOM, user: 'sec-u3', group: true, button })),
      // The family who opened the case is not staff either.
      ...BUTTONS.map((button) => msg({ chat: 'sec-u1', user: 'sec-u1', button })),
      msg({ chat: 'sec-u1', user: 'sec-u1', text: `/resolve ${CASE} 自己办好了` }),
    ];
    for (const attempt of attempts) {
      const out = await engine.handle(attempt);
      const text = textOf(out);
      expect(text, JSON.stringify(attempt)).toContain(REFUSED);
      expect(out.cases).toEqual([]);
      // Nothing to anyone else (no family notice, no staff-room post), and nothing of the case.
      expect(out.replies.every((r) => r.chat === attempt.chat)).toBe(true);
      expect(text).not.toContain('330182');
      expect(text).not.toContain('138');
      expect(text).not.toContain('张');
      expect(text).not.toContain(CASE);
    }
    // In a group, an unaddressed command gets no answer — and is refused all the same.
    for (const text of COMMANDS) {
      expect(await engine.handle(msg({ chat: 'sec-g1', user: 'sec-u2', group: true, text }))).toMatchObject({ replies: [], cases: [] });
    }

    expect(await store.getCase(CASE)).toEqual(before);
    expect(await store.listCases({})).toHaveLength(1);
    const refusals = logs.filter((l) => l.includes('staff action refused'));
    expect(refusals.length).toBe(attempts.length + COMMANDS.length);
    expect(refusals.every((l) => /"user":"test:sec-u[123]"/.test(l))).toBe(true);

    // The same case buttons from staff do work: the refusal was about who asked.
    const staff = await engine.handle(msg({ chat: STAFF_ROOM, user: 'sec-s1', group: true, staff: true, button: `k:claim:${CASE}` }));
    expect(staff.cases).toEqual([{ id: CASE, type: 'death_report', status: 'claimed' }]);
  });

  it('the public web chat of the service: nobody there is staff, and a body cannot claim to be', async () => {
    const service = await startService(
      { DATA_DIR: tempDir(cleanup, 'yl-secrets-svc-') },
      { port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), now: () => NOW },
    );
    cleanup.add(() => service.close());
    const post = async (body: unknown, cookie?: string) => {
      const res = await fetch(`${service.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      return {
        status: res.status,
        json: (await res.json()) as { replies?: { text: string }[]; cases?: unknown[] },
        cookie: res.headers.get('set-cookie')?.split(';')[0],
      };
    };
    const opened = await post({ text: '转人工' });
    expect(opened.json.cases).toHaveLength(1);
    const before = await service.store.getCase(CASE);
    expect(before?.status).toBe('open');

    for (const body of [
      { button: `k:claim:${CASE}` },
      { button: `k:view:${CASE}` },
      { text: `/claim ${CASE}` },
      { text: `/resolve ${CASE} 好了` },
      { text: '/cases all' },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(res.json.replies?.map((r) => r.text).join('\n')).toContain(REFUSED);
      expect(res.json.cases).toEqual([]);
    }
    // Extra fields are rejected outright, so "staff": true cannot be smuggled in.
    const smuggled = await post({ text: `/claim ${CASE}`, staff: true });
    expect(smuggled.status).toBe(400);
    expect(await service.store.getCase(CASE)).toEqual(before);
  });
});

describe('staff acting at once', () => {
  it('five staff pressing "认领" on the same announcement at once: exactly one claims it, history has one claim', async () => {
    const { store, engine } = await withOpenCase();
    const outs = await Promise.all(
      ['sec-s1', 'sec-s2', 'sec-s3', 'sec-s4', 'sec-s5'].map((user) =>
        engine.handle(msg({ chat: STAFF_ROOM, user, group: true, staff: true, button: `k:claim:${CASE}` })),
      ),
    );
    const winners = outs.filter((o) => o.cases.length > 0);
    expect(winners).toHaveLength(1);
    for (const o of outs) if (o !== winners[0]) expect(textOf(o)).toContain('不能再认领');
    const after = await store.getCase(CASE);
    expect(after?.status).toBe('claimed');
    expect(after?.history.map((e) => e.action)).toEqual(['opened', 'claimed']);
    expect(after?.assignee).toBe(after?.history[1]?.by);
  });
});
