import { describe, expect, it } from 'vitest';
import { describeConfigError, loadConfig } from '../../src/config/index.ts';

const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const problems = (env: Record<string, string>) => {
  const r = loadConfig(env);
  return r.ok ? [] : r.error.problems;
};

describe('configuration: data keys and retention', () => {
  it('needs nothing for the embedded store; RETENTION_DAYS defaults to 365', () => {
    const r = loadConfig({});
    expect(r.ok && [r.value.DATA_KEY, r.value.RETENTION_DAYS]).toEqual([undefined, 365]);
  });

  it('requires DATA_KEY with REDIS_URL, naming it', () => {
    expect(problems({ REDIS_URL: 'redis://127.0.0.1:6379' }).map((p) => p.variable)).toEqual(['DATA_KEY']);
    expect(problems({ REDIS_URL: 'redis://127.0.0.1:6379', DATA_KEY: KEY })).toEqual([]);
  });

  it('refuses a key that is not base64 of 32 bytes, and says so without echoing the value', () => {
    const r = loadConfig({ DATA_KEY: 'secret-but-short', DATA_KEYS: `old:${KEY},x:short` });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems.map((p) => p.variable)).toEqual(['DATA_KEY', 'DATA_KEYS']);
    expect(describeConfigError(r.error)).not.toContain('secret-but-short');
    expect(problems({ DATA_KEY: `k2026:${KEY}`, DATA_KEYS: `k2025:${KEY}` })).toEqual([]);
  });

  it('reads RETENTION_DAYS as whole days, at least 1', () => {
    expect(problems({ RETENTION_DAYS: '0' }).map((p) => p.variable)).toEqual(['RETENTION_DAYS']);
    expect(problems({ RETENTION_DAYS: '1.5' }).map((p) => p.variable)).toEqual(['RETENTION_DAYS']);
    const r = loadConfig({ RETENTION_DAYS: '730' });
    expect(r.ok && r.value.RETENTION_DAYS).toBe(730);
  });
});
