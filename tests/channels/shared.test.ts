import { describe, expect, it } from 'vitest';
import { cutText, headerOf, RecentKeys, SerialQueue, sameSecret } from '../../src/channels/shared.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('headerOf', () => {
  it('finds a header whatever the case of its name, and says undefined when it is absent', () => {
    const headers = { 'x-lark-signature': 'a', 'X-Telegram-Bot-Api-Secret-Token': 'b', empty: '' };
    expect(headerOf(headers, 'x-lark-signature')).toBe('a');
    expect(headerOf(headers, 'X-Lark-Signature')).toBe('a');
    expect(headerOf(headers, 'x-telegram-bot-api-secret-token')).toBe('b');
    expect(headerOf(headers, 'empty')).toBe('');
    expect(headerOf(headers, 'x-missing')).toBeUndefined();
    expect(headerOf({}, 'x-lark-signature')).toBeUndefined();
  });
});

describe('sameSecret', () => {
  it('is true only for the same text', () => {
    expect(sameSecret('s3cret-token', 's3cret-token')).toBe(true);
    expect(sameSecret('密钥', '密钥')).toBe(true);
    expect(sameSecret('', '')).toBe(true);
  });
  it('is false for a different text of the same length', () => {
    expect(sameSecret('s3cret-tokeN', 's3cret-token')).toBe(false);
    expect(sameSecret('x3cret-token', 's3cret-token')).toBe(false);
  });
  it('is false for a different length, either way, and for nothing sent', () => {
    expect(sameSecret('s3cret-toke', 's3cret-token')).toBe(false);
    expect(sameSecret('s3cret-token!', 's3cret-token')).toBe(false);
    expect(sameSecret('', 's3cret-token')).toBe(false);
    expect(sameSecret(undefined, 's3cret-token')).toBe(false);
    // The same UTF-16 length but other bytes.
    expect(sameSecret('é', 'e')).toBe(false);
  });
});

describe('cutText', () => {
  it('leaves a text of exactly max untouched and cuts one of max + 1', () => {
    expect(cutText('a'.repeat(10), 10)).toBe('a'.repeat(10));
    expect(cutText('a'.repeat(11), 10)).toBe('a'.repeat(10));
    expect(cutText('', 10)).toBe('');
    expect(cutText('长'.repeat(4097), 4096)).toHaveLength(4096);
  });
  it('never splits a surrogate pair: the emoji goes whole or not at all', () => {
    // '😀' is two UTF-16 units: at max it fits exactly, one unit short it is dropped whole.
    expect(cutText(`${'a'.repeat(8)}😀`, 10)).toBe(`${'a'.repeat(8)}😀`);
    expect(cutText(`${'a'.repeat(9)}😀`, 10)).toBe('a'.repeat(9));
    expect(cutText(`${'a'.repeat(8)}😀b`, 10)).toBe(`${'a'.repeat(8)}😀`);
    expect(cutText('😀😀😀', 5)).toBe('😀😀');
    const cut = cutText('😀'.repeat(3000), 4095);
    expect(cut).toHaveLength(4094);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
  it('puts the ellipsis within max when it cuts, and none when it does not', () => {
    expect(cutText('长'.repeat(10), 10, '…')).toBe('长'.repeat(10));
    expect(cutText('长'.repeat(11), 10, '…')).toBe(`${'长'.repeat(9)}…`);
    expect(cutText(`${'a'.repeat(8)}😀`, 9, '…')).toBe(`${'a'.repeat(8)}…`);
    expect(cutText(`${'a'.repeat(7)}😀a`, 9, '…')).toBe(`${'a'.repeat(7)}…`);
    expect(cutText(`${'a'.repeat(7)}😀ab`, 10, '…')).toBe(`${'a'.repeat(7)}😀…`);
  });
});

describe('SerialQueue', () => {
  it('runs the tasks of one chat one at a time, in the order they were queued', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([queue.run('chat-1', task('a', 30)), queue.run('chat-1', task('b', 5)), queue.run('chat-1', task('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(most).toBe(1);
    expect(queue.size).toBe(0);
  });

  it('runs different chats at the same time', async () => {
    const queue = new SerialQueue();
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(30);
      running -= 1;
    };
    const started = Date.now();
    await Promise.all(['a', 'b', 'c', 'd'].map((chat) => queue.run(chat, task)));
    expect(most).toBe(4);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('a task with several keys waits for each of them (a chat and a user)', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
    };
    await Promise.all([
      queue.run(['chat:group', 'user:1'], task('group-1', 30)),
      queue.run(['chat:private-2', 'user:2'], task('private-2', 1)),
      queue.run(['chat:private-1', 'user:1'], task('private-1', 1)),
    ]);
    expect(log.indexOf('start private-1')).toBeGreaterThan(log.indexOf('end group-1'));
    expect(log.indexOf('end private-2')).toBeLessThan(log.indexOf('end group-1'));
  });

  it('a failed task rejects its caller and does not stop the chat', async () => {
    const queue = new SerialQueue();
    const failed = queue.run('c', async () => {
      throw new Error('boom');
    });
    const next = queue.run('c', () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('idle() waits for every task queued, also those queued behind running ones', async () => {
    const queue = new SerialQueue();
    const done: string[] = [];
    void queue.run('c', async () => {
      await sleep(20);
      done.push('first');
    });
    void queue.run('c', async () => {
      await sleep(5);
      done.push('second');
    });
    expect(queue.size).toBe(2);
    await queue.idle();
    expect(done).toEqual(['first', 'second']);
    expect(queue.size).toBe(0);
  });
});

describe('RecentKeys', () => {
  it('says first time once per key, until its TTL has passed (exactly at the TTL it is forgotten)', () => {
    let now = 1_000;
    const recent = new RecentKeys(100, 10, () => now);
    expect(recent.firstTime(['m:1'])).toBe(true);
    expect(recent.firstTime(['m:1'])).toBe(false);
    now += 99;
    expect(recent.firstTime(['m:1'])).toBe(false);
    now += 1;
    expect(recent.firstTime(['m:1'])).toBe(true);
  });

  it('a message is a duplicate when any of its keys was seen (message id or event id)', () => {
    const recent = new RecentKeys(1000, 10, () => 0);
    expect(recent.firstTime(['m:1', 'e:1'])).toBe(true);
    expect(recent.firstTime(['m:2', 'e:1'])).toBe(false);
    expect(recent.firstTime(['m:1'])).toBe(false);
    // A duplicate remembers nothing new.
    expect(recent.firstTime(['m:2'])).toBe(true);
  });

  it('keeps at most max keys: at capacity all are remembered, one more forgets the oldest', () => {
    const recent = new RecentKeys(60_000, 3, () => 0);
    for (const k of ['a', 'b', 'c']) expect(recent.firstTime([k])).toBe(true);
    expect(recent.firstTime(['a'])).toBe(false);
    expect(recent.firstTime(['b'])).toBe(false);
    expect(recent.firstTime(['c'])).toBe(false);
    expect(recent.firstTime(['d'])).toBe(true); // a is forgotten
    expect(recent.firstTime(['a'])).toBe(true); // so it is new again, and b goes
    expect(recent.firstTime(['c'])).toBe(false);
    expect(recent.firstTime(['b'])).toBe(true);
  });
});
