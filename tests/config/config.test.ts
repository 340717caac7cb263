import { describe, expect, it } from 'vitest';
import { describeConfigError, loadConfig, webChatEnabled } from '../../src/config/index.ts';

describe('configuration from the environment', () => {
  it('an empty environment gives the embedded defaults', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toMatchObject({
        DATA_DIR: './data',
        PORT: 3000,
        LOG_LEVEL: 'info',
        TZ: 'Asia/Shanghai',
        STAFF_IDS: [],
        LARK_MODE: 'ws',
        LARK_DOMAIN: 'feishu',
        HOST: '127.0.0.1',
        WEB_MESSAGE_LIMIT: 30,
        WEB_IP_MESSAGE_LIMIT: 120,
        WEB_CASE_LIMIT: 3,
      });
      expect(r.value.METRICS_TOKEN).toBeUndefined();
      expect(r.value.TRUST_PROXY).toBeUndefined();
      expect(r.value.REDIS_URL).toBeUndefined();
    }
  });
  it('parses staff ids and ports', () => {
    const r = loadConfig({ STAFF_IDS: 'telegram:123456, lark:ou_abc', PORT: '8080', STAFF_CHAT: 'telegram:-100123' });
    expect(r.ok && r.value.STAFF_IDS).toEqual([
      { platform: 'telegram', id: '123456' },
      { platform: 'lark', id: 'ou_abc' },
    ]);
    expect(r.ok && r.value.PORT).toBe(8080);
  });
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ STAFF_IDS: '123456' }, 'STAFF_IDS'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://bot.example/webhooks/telegram' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ LARK_APP_ID: 'cli_x' }, 'LARK_APP_SECRET'],
    [{ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_MODE: 'webhook' }, 'LARK_ENCRYPT_KEY'],
    // The verification token alone cannot sign anything: webhook mode needs the encrypt key.
    [{ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_MODE: 'webhook', LARK_VERIFICATION_TOKEN: 'token' }, 'LARK_ENCRYPT_KEY'],
    [{ HOST: 'not a host!' }, 'HOST'],
    [{ WEB_CHAT: 'yes' }, 'WEB_CHAT'],
    [{ WEB_CASE_LIMIT: '-1' }, 'WEB_CASE_LIMIT'],
    [{ WEB_MESSAGE_LIMIT: 'many' }, 'WEB_MESSAGE_LIMIT'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ STAFF_CHAT: '-100123' }, 'STAFF_CHAT'],
  ])('%j names %s', (env, variable) => {
    const r = loadConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_config');
      expect(r.error.problems.map((p) => p.variable)).toContain(variable);
      expect(describeConfigError(r.error)).toContain(variable);
    }
  });
  it('webhook mode with the encrypt key is fine; long connection mode needs neither key', () => {
    expect(loadConfig({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_MODE: 'webhook', LARK_ENCRYPT_KEY: 'k' }).ok).toBe(true);
    expect(loadConfig({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's' }).ok).toBe(true);
  });
  it('the web chat is on by default only without a chat platform; WEB_CHAT decides when set', () => {
    const on = (env: NodeJS.ProcessEnv) => {
      const r = loadConfig(env);
      if (!r.ok) throw new Error(describeConfigError(r.error));
      return webChatEnabled(r.value);
    };
    expect(on({})).toBe(true);
    expect(on({ TELEGRAM_BOT_TOKEN: '1:x' })).toBe(false);
    expect(on({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's' })).toBe(false);
    expect(on({ TELEGRAM_BOT_TOKEN: '1:x', WEB_CHAT: 'on' })).toBe(true);
    expect(on({ WEB_CHAT: 'off' })).toBe(false);
  });
  it('accepts the usual listen addresses and proxy lists', () => {
    for (const HOST of ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', '10.1.2.3']) expect(loadConfig({ HOST }).ok, HOST).toBe(true);
    for (const TRUST_PROXY of ['127.0.0.1', 'loopback', '10.0.0.0/8, 172.16.0.0/12', '::1']) expect(loadConfig({ TRUST_PROXY }).ok, TRUST_PROXY).toBe(true);
  });
  it('an empty variable counts as unset', () => {
    expect(loadConfig({ REDIS_URL: '', PORT: '' }).ok).toBe(true);
  });
});
