/**
 * Two bot processes sharing one Redis (`chat --jsonl` twice, REDIS_URL set, the same key prefix), fed the same chat
 * concurrently. Every message must be answered, no case lost, and the chat's turns must not overlap: Redis MONITOR
 * records the order in which the server executed the session reads and writes, and each turn's read–write pair
 * must come from one process with no other turn's access in between. Without the per-chat lock, two processes would
 * read the same session before either wrote it back (a lost update) and this check fails.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from '../../src/store/index.ts';
import { startRedis } from '../support/redis-server.ts';
import { type ChatIn, type ChatOut, ChatProcess, Cleanup, caseId, engineOn, msg, storeOf, textOf } from './support.ts';

const redis = await startRedis();
const fileCleanup = new Cleanup();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
afterAll(async () => {
  await fileCleanup.run();
  await redis?.stop();
});

/** The bots use the default prefix `yl:`; this Redis server belongs to this file alone. */
const sessionKey = (chat: string, user: string) => `yl:session:${chat}|${user}`;

interface Access {
  readonly op: 'get' | 'set' | 'del';
  readonly source: string;
}

/**
 * Records, in server order, every command on one key, with the connection it came from. The store reads and writes
 * sessions inside Lua scripts: MONITOR shows a script's EVALSHA line (with its connection) and then its inner
 * commands (source "lua"), which are attributed to that connection.
 */
async function monitorKey(key: string): Promise<{ accesses: Access[]; stop: () => Promise<void> }> {
  const client = new Redis(redis!.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  const monitor = await client.monitor();
  const accesses: Access[] = [];
  let scriptSource = '';
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const op = args[0]?.toLowerCase();
    if (source !== 'lua' && (op === 'evalsha' || op === 'eval')) scriptSource = source;
    const from = source === 'lua' ? scriptSource : source;
    if (args[1] === key && (op === 'get' || op === 'set' || op === 'del')) accesses.push({ op, source: from });
  });
  // MONITOR starts with the next command: make sure it is live before the bots run.
  await client.ping().catch(() => undefined);
  const probe = new Redis(redis!.url);
  await probe.get(key);
  await probe.quit();
  const deadline = Date.now() + 2000;
  while (!accesses.some((a) => a.op === 'get') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  accesses.length = 0;
  return {
    accesses,
    async stop() {
      monitor.disconnect();
      client.disconnect();
    },
  };
}

/**
 * Splits the accesses into turns: a turn is a GET of the session followed by its writes, all from one connection.
 * Returns the turns, or throws naming the first place where another connection's access cut into a turn.
 */
function turnsOf(accesses: readonly Access[]): { source: string; ops: string[] }[] {
  const turns: { source: string; ops: string[] }[] = [];
  for (const [i, a] of accesses.entries()) {
    const current = turns.at(-1);
    if (a.op === 'get') {
      if (current && current.ops.length === 1)
        throw new Error(`turn at access ${i - 1} (${current.source}) was cut into by ${a.source}: two reads before a write`);
      turns.push({ source: a.source, ops: ['get'] });
    } else {
      if (!current) throw new Error(`a write before any read at access ${i}`);
      if (current.source !== a.source) throw new Error(`turn of ${current.source} was cut into by a ${a.op} from ${a.source} at access ${i}`);
      current.ops.push(a.op);
    }
  }
  return turns;
}

/** How often consecutive turns came from different processes: > 0 proves the two really competed. */
const switches = (turns: readonly { source: string }[]) => turns.slice(1).filter((t, i) => t.source !== turns[i]?.source).length;

describe.skipIf(redis === null)('two bot processes sharing Redis', () => {
  let a: ChatProcess;
  let b: ChatProcess;

  beforeAll(async () => {
    a = ChatProcess.start(fileCleanup, { REDIS_URL: redis!.url });
    b = ChatProcess.start(fileCleanup, { REDIS_URL: redis!.url });
    // Both warmed up (NLU trained, Redis connected) before the race starts.
    const [wa, wb] = await Promise.all([a.send({ chat: 'warm-a', user: 'warm-a', text: '你好' }), b.send({ chat: 'warm-b', user: 'warm-b', text: '你好' })]);
    expect(wa.replies.length).toBe(1);
    expect(wb.replies.length).toBe(1);
  }, 20_000);

  it('50 "转人工" of one chat sent concurrently to both: 50 answers, 50 distinct cases, turns never overlap', async () => {
    const who = { chat: 'shared-1', user: 'shared-1' };
    const watch = await monitorKey(sessionKey(who.chat, who.user));
    cleanup.add(() => watch.stop());

    const line: ChatIn = { ...who, text: '转人工' };
    // All 50 lines are in the two pipes before the first answer comes back.
    for (let i = 0; i < 25; i++) {
      a.write(line);
      b.write(line);
    }
    const outs: ChatOut[] = [];
    const collect = async (bot: ChatProcess) => {
      for (let i = 0; i < 25; i++) outs.push(await bot.next(15_000));
    };
    await Promise.all([collect(a), collect(b)]);

    expect(outs).toHaveLength(50);
    for (const out of outs) {
      expect(out.intent).toBe('human_handoff');
      expect(textOf(out)).toContain('已登记，编号');
      expect(textOf(out)).not.toContain('系统繁忙');
      expect(out.cases).toHaveLength(1);
    }
    const ids = outs.map((o) => o.cases[0]?.id);
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(Array.from({ length: 50 }, (_, i) => caseId(i + 1)));

    // The store has all 50, each opened once by this user.
    const store = await storeOf(cleanup, { REDIS_URL: redis!.url });
    const stored = await store.listCases({ user: `jsonl:${who.user}` });
    expect(stored).toHaveLength(50);
    expect(stored.every((c) => c.history.length === 1 && c.type === 'inquiry' && c.status === 'open')).toBe(true);

    // One turn at a time: 50 read–write pairs, never interleaved, and the two processes took turns.
    await watch.stop();
    const turns = turnsOf(watch.accesses);
    expect(turns).toHaveLength(50);
    expect(turns.every((t) => t.ops.join(',') === 'get,set')).toBe(true);
    expect(new Set(turns.map((t) => t.source)).size).toBe(2);
    expect(switches(turns)).toBeGreaterThanOrEqual(5);

    // The session ends in a valid state: the hand-off dialog, finished.
    const session = await store.getSession(who.chat, who.user);
    expect(session?.data).toMatchObject({ dialog: { intent: 'human_handoff', awaiting: 'done' } });
  }, 20_000);

  it('a serious-illness dialog carried across both processes, then 30 corrections at once: all understood, state valid', async () => {
    const who = { chat: 'shared-2', user: 'shared-2' };
    // One question per process, alternating: each answer is read in the context the other process stored.
    const ask = await a.send({ ...who, text: '大病慰问能拿多少' });
    expect(textOf(ask)).toContain('哪个区');
    const scale = await b.send({ ...who, text: '西湖区' });
    expect(textOf(scale)).toContain('最高不超过2500元');
    expect(textOf(scale)).toContain('自己付了多少');
    const tier = await a.send({ ...who, text: '12000' });
    expect(textOf(tier)).toContain('最高不超过2500元');
    expect(tier.replies.at(-1)?.buttons?.map((x) => x.payload)).toEqual(['y', 'n']);
    const lower = await b.send({ ...who, text: '不对，是八千' });
    expect(textOf(lower)).toContain('最高不超过500元');

    const watch = await monitorKey(sessionKey(who.chat, who.user));
    cleanup.add(() => watch.stop());
    const corrections = ['不对，是一万五', '不对，是八千'];
    for (let i = 0; i < 15; i++) {
      a.write({ ...who, text: corrections[i % 2] as string });
      b.write({ ...who, text: corrections[(i + 1) % 2] as string });
    }
    const outs: { text: string; out: ChatOut }[] = [];
    const collect = async (bot: ChatProcess, first: number) => {
      for (let i = 0; i < 15; i++) outs.push({ text: corrections[(i + first) % 2] as string, out: await bot.next(15_000) });
    };
    await Promise.all([collect(a, 0), collect(b, 1)]);
    expect(outs).toHaveLength(30);
    for (const { text, out } of outs) {
      // Each correction was applied to the dialog, in context, with the tier of its own amount.
      expect(out.intent).toBe('serious_illness_consolation');
      expect(textOf(out)).toContain(text.includes('八千') ? '最高不超过500元' : '最高不超过2500元');
      expect(out.replies.at(-1)?.buttons?.map((x) => x.payload)).toEqual(['y', 'n']);
    }
    await watch.stop();
    const turns = turnsOf(watch.accesses);
    expect(turns).toHaveLength(30);
    expect(switches(turns)).toBeGreaterThanOrEqual(3);

    // The stored dialog is whole: still the serious-illness offer, with one of the two amounts.
    const store = await storeOf(cleanup, { REDIS_URL: redis!.url });
    const session = await store.getSession(who.chat, who.user);
    expect(session?.data).toMatchObject({ dialog: { intent: 'serious_illness_consolation', awaiting: 'offer', slots: { region: '西湖区' } } });
    const amount = (session?.data as { dialog: { slots: { amount: string } } } | undefined)?.dialog.slots.amount;
    expect(['8000', '15000']).toContain(amount);
    // … and it goes on: the next yes (to the other process) starts the application.
    const apply = await b.send({ ...who, button: 'y' });
    expect(apply.intent).toBe('serious_illness_consolation');
    expect(textOf(apply)).toContain('叫什么名字');
  }, 20_000);

  it('two in-process engines on two connections, 50 concurrent "转人工" (25 in flight on each): same guarantees', async () => {
    const prefix = 'inproc:';
    const sa = await openRedisStore(redis!.url, { prefix });
    const sb = await openRedisStore(redis!.url, { prefix });
    cleanup.add(() => sa.close());
    cleanup.add(() => sb.close());
    const [ea, eb] = [engineOn(sa), engineOn(sb)];
    const who = { chat: 'shared-3', user: 'shared-3' };
    const watch = await monitorKey(`${prefix}session:${who.chat}|${who.user}`);
    cleanup.add(() => watch.stop());

    const outs = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? ea : eb).handle(msg({ ...who, text: '转人工' }))));
    for (const out of outs) {
      expect(textOf(out)).toContain('已登记，编号');
      expect(out.cases).toHaveLength(1);
    }
    expect(new Set(outs.map((o) => o.cases[0]?.id)).size).toBe(50);
    expect(await sa.listCases({ user: `test:${who.user}` })).toHaveLength(50);

    await watch.stop();
    const turns = turnsOf(watch.accesses);
    expect(turns).toHaveLength(50);
    expect(new Set(turns.map((t) => t.source)).size).toBe(2);
    expect(switches(turns)).toBeGreaterThanOrEqual(5);
    expect((await sb.getSession(who.chat, who.user))?.data).toMatchObject({ dialog: { intent: 'human_handoff', awaiting: 'done' } });
  }, 20_000);
});
