/**
 * Crashes: the bot process is SIGKILLed in the middle of a dialog and right after it has told a user "已登记，编号 …";
 * redis-server is SIGKILLed right after a confirmation. A new process on the same data continues the dialog (the
 * next answer is read in context) and every case the user was told about is there — listed by `case_status` and
 * read back from the store.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRedis } from '../support/redis-server.ts';
import { type ChatOut, ChatProcess, Cleanup, caseId, eventually, storeOf, tempDir, textOf } from './support.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const redis = await startRedis();
afterAll(async () => {
  await redis?.stop();
});

const CONFIRMED = /已登记，编号 (C\d{8}-\d{4})/;

/** The case id an output line confirmed to the user. */
function confirmedId(out: ChatOut): string {
  const m = CONFIRMED.exec(textOf(out));
  if (!m) throw new Error(`no confirmation in ${JSON.stringify(out)}`);
  return m[1] as string;
}

describe('SIGKILL of the bot on the embedded store (SQLite)', () => {
  const restarter =
    (env: { DATA_DIR: string }) =>
    async (bot: ChatProcess): Promise<ChatProcess> => {
      await bot.kill('SIGKILL');
      return ChatProcess.start(cleanup, env);
    };

  it('SIGKILL mid-dialog, at each step: the next answer is read in the context stored before the crash', async () => {
    const env = { DATA_DIR: tempDir(cleanup) };
    const restart = restarter(env);
    const who = { chat: 'crash-s1', user: 'crash-s1' };

    let bot = ChatProcess.start(cleanup, env);
    expect(textOf(await bot.send({ ...who, text: '大病慰问能拿多少' }))).toContain('哪个区');
    // Killed after the district question: the new process takes "西湖区" as its answer.
    bot = await restart(bot);
    const scale = await bot.send({ ...who, text: '西湖区' });
    expect(scale.intent).toBe('serious_illness_consolation');
    expect(textOf(scale)).toContain('最高不超过2500元');
    expect(textOf(scale)).toContain('自己付了多少');
    // Killed while the amount is asked: "12000" is still that amount.
    bot = await restart(bot);
    const tier = await bot.send({ ...who, text: '12000' });
    expect(textOf(tier)).toContain('最高不超过2500元');
    expect(tier.replies.at(-1)?.buttons?.map((b) => b.payload)).toEqual(['y', 'n']);
    expect(textOf(await bot.send({ ...who, button: 'y' }))).toContain('叫什么名字');
    expect(textOf(await bot.send({ ...who, text: '王秀英' }))).toContain('性别');
    // Killed in the middle of the application: the gender button still answers it.
    bot = await restart(bot);
    const gender = await bot.send({ ...who, button: 's:gender:女' });
    // The application's own dialog reports the interface's intent for the topic it applies for.
    expect(gender.intent).toBe('serious_illness_consolation');
    expect(textOf(gender)).toContain('多大年纪');
    expect(await bot.end()).toBe(0);
  }, 20_000);

  it('SIGKILL right after each confirmation: every case id told to the user is listed and stored', async () => {
    const env = { DATA_DIR: tempDir(cleanup) };
    const restart = restarter(env);
    const who = { chat: 'crash-s2', user: 'crash-s2' };

    let bot = ChatProcess.start(cleanup, env);
    expect(textOf(await bot.send({ ...who, text: '西湖区 自付12000 大病慰问' }))).toContain('最高不超过2500元');
    for (const step of [{ button: 'y' }, { text: '王秀英' }, { button: 's:gender:女' }, { text: '78岁' }]) await bot.send({ ...who, ...step });
    const applied = await bot.send({ ...who, button: 'y' });
    expect(confirmedId(applied)).toBe(caseId(1));
    // Killed the moment the user read their case number.
    bot = await restart(bot);
    const handoff = await bot.send({ ...who, text: '转人工' });
    expect(confirmedId(handoff)).toBe(caseId(2)); // the day's counter survived too: no number is given twice
    bot = await restart(bot);

    const status = await bot.send({ ...who, text: '我的登记办得怎么样了' });
    expect(status.intent).toBe('case_status');
    expect(textOf(status)).toContain(caseId(1));
    expect(textOf(status)).toContain(caseId(2));
    expect(await bot.end()).toBe(0);

    const store = await storeOf(cleanup, env);
    expect(await store.getCase(caseId(1))).toMatchObject({
      type: 'serious_illness_application',
      status: 'open',
      user: `jsonl:${who.user}`,
      fields: { region: '西湖区', selfPay: '12000', applicantName: '王秀英', gender: '女', age: 78 },
    });
    expect(await store.getCase(caseId(2))).toMatchObject({ type: 'inquiry', status: 'open' });
  }, 20_000);

  it('a death report confirmed by a button, then SIGKILL: the case and all its facts are there after restart', async () => {
    const env = { DATA_DIR: tempDir(cleanup) };
    const who = { chat: 'crash-s3', user: 'crash-s3' };
    let bot = ChatProcess.start(cleanup, env);
    for (const text of ['我母亲11月18日去世了', '李秀英', '330182195203151239', '13912345678', '拱墅区']) await bot.send({ ...who, text });
    expect(textOf(await bot.send({ ...who, text: '大关西苑社区' }))).toContain('请核对');
    const done = await bot.send({ ...who, button: 'y' });
    const id = confirmedId(done);
    await bot.kill('SIGKILL');

    bot = ChatProcess.start(cleanup, env);
    expect(textOf(await bot.send({ ...who, text: '进度' }))).toContain(id);
    await bot.kill('SIGKILL');
    const store = await storeOf(cleanup, env);
    expect((await store.getCase(id))?.fields).toMatchObject({
      deceasedName: '李秀英',
      idNumber: '330182195203151239',
      dateOfDeath: '2026-11-18',
      reporterPhone: '13912345678',
      region: '拱墅区',
      community: '大关西苑社区',
    });
  }, 20_000);
});

describe.skipIf(redis === null)('crashes with REDIS_URL (redis-server with appendonly yes, appendfsync always)', () => {
  it('SIGKILL of the bot mid-dialog and right after a confirmation: a new process continues and lists the case', async () => {
    const env = { REDIS_URL: redis!.url };
    const who = { chat: 'crash-r1', user: 'crash-r1' };
    let bot = ChatProcess.start(cleanup, env);
    await bot.send({ ...who, text: '我父亲昨天去世了' });
    expect(textOf(await bot.send({ ...who, text: '张建国' }))).toContain('身份证');
    await bot.kill('SIGKILL');

    bot = ChatProcess.start(cleanup, env);
    // In context: an ID number answers the question asked before the crash.
    expect(textOf(await bot.send({ ...who, text: '330182195203151239' }))).toContain('手机号');
    for (const text of ['13812345678', '西湖区']) await bot.send({ ...who, text });
    expect(textOf(await bot.send({ ...who, text: '翠苑一区社区' }))).toContain('330182********1239');
    const id = confirmedId(await bot.send({ ...who, button: 'y' }));
    await bot.kill('SIGKILL');

    bot = ChatProcess.start(cleanup, env);
    const status = await bot.send({ ...who, text: '我的登记办得怎么样了' });
    expect(textOf(status)).toContain(id);
    await bot.kill('SIGKILL');
    const store = await storeOf(cleanup, env);
    expect(await store.getCase(id)).toMatchObject({
      type: 'death_report',
      fields: { deceasedName: '张建国', idNumber: '330182195203151239', community: '翠苑一区社区' },
    });
  }, 20_000);

  it('SIGKILL of redis-server right after a confirmation: the case, the counter and a dialog in progress survive', async () => {
    const env = { REDIS_URL: redis!.url };
    const who = { chat: 'crash-r2', user: 'crash-r2' };
    const other = { chat: 'crash-r3', user: 'crash-r3' };
    const bot = ChatProcess.start(cleanup, env);
    expect(textOf(await bot.send({ ...other, text: '大病慰问' }))).toContain('哪个区');
    const first = confirmedId(await bot.send({ ...who, text: '转人工' }));

    await redis!.restart(undefined, { signal: 'SIGKILL' });

    // The same bot process reconnects by itself; while it does, it may say 系统繁忙 (and nothing else).
    const status = await eventually(
      () => bot.send({ ...who, text: '我的登记办得怎么样了' }),
      (out) => !textOf(out).includes('系统繁忙'),
      8_000,
      200,
    );
    expect(textOf(status)).toContain(first);
    // The session written before the crash: "建德" is the answer to the district question.
    const scale = await bot.send({ ...other, text: '建德' });
    expect(scale.intent).toBe('serious_illness_consolation');
    expect(textOf(scale)).toContain('自己付了多少');
    // The day's counter survived: the next case gets the next number, not one already told to someone.
    const second = confirmedId(await bot.send({ ...who, text: '转人工' }));
    expect(Number(second.slice(-4))).toBe(Number(first.slice(-4)) + 1);

    const store = await storeOf(cleanup, env);
    expect((await store.listCases({ user: `jsonl:${who.user}` })).map((c) => c.id)).toEqual([second, first]);
  }, 20_000);
});
