import { describe, expect, it } from 'vitest';
import { describeConfigError, loadConfig } from '../../src/config/index.ts';

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
      });
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
    [{ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_MODE: 'webhook' }, 'LARK_VERIFICATION_TOKEN'],
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
  it('an empty variable counts as unset', () => {
    expect(loadConfig({ REDIS_URL: '', PORT: '' }).ok).toBe(true);
  });
});
