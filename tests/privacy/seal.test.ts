import { describe, expect, it } from 'vitest';
import { fingerprint, isSealed, Keyring, parseDataKey, parseDataKeys, SealError, sealedKeyId } from '../../src/privacy/seal.ts';

const KEY_A = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const KEY_B = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=';
const key = (text: string) => {
  const parsed = parseDataKey(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('sealing (AES-256-GCM)', () => {
  it('round-trips text and JSON, tagged with the key id; the same value seals differently each time', () => {
    const ring = new Keyring(key(`k1:${KEY_A}`));
    const sealed = ring.seal('330182195203151239', 'ctx');
    expect(isSealed(sealed)).toBe(true);
    expect(sealedKeyId(sealed)).toBe('k1');
    expect(sealed).not.toContain('330182');
    expect(ring.open(sealed, 'ctx')).toBe('330182195203151239');
    expect(ring.seal('330182195203151239', 'ctx')).not.toBe(sealed);
    expect(ring.openJson(ring.sealJson({ a: [1, null, '张'] }, 'x'), 'x')).toEqual({ a: [1, null, '张'] });
  });

  it('refuses a changed value, a value opened in another context, and a value under an unknown key', () => {
    const ring = new Keyring(key(`k1:${KEY_A}`));
    const sealed = ring.seal('13812345678', 'case\u0000C1\u0000reporterPhone');
    const flipped = `${sealed.slice(0, -6)}${sealed.at(-6) === 'A' ? 'B' : 'A'}${sealed.slice(-5)}`;
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (error) {
        return error instanceof SealError ? error.code : 'other';
      }
    };
    expect(code(() => ring.open(flipped, 'case\u0000C1\u0000reporterPhone'))).toBe('tampered');
    expect(code(() => ring.open(sealed, 'case\u0000C2\u0000reporterPhone'))).toBe('tampered');
    expect(code(() => new Keyring(key(`k2:${KEY_B}`)).open(sealed, 'case\u0000C1\u0000reporterPhone'))).toBe('unknown_key');
    expect(code(() => ring.open('yl1.k1.short', 'x'))).toBe('malformed');
    // An old key among the older ones opens; sealing uses the current one.
    const rotated = new Keyring(key(`k2:${KEY_B}`), [key(`k1:${KEY_A}`)]);
    expect(rotated.open(sealed, 'case\u0000C1\u0000reporterPhone')).toBe('13812345678');
    expect(sealedKeyId(rotated.seal('x', 'y'))).toBe('k2');
    expect(rotated.ids).toEqual(['k2', 'k1']);
  });

  it('reads keys as DATA_KEY and DATA_KEYS write them, and names the problem without the key', () => {
    expect(key(KEY_A).id).toBe(fingerprint(Buffer.from(KEY_A, 'base64')));
    expect(key(KEY_A).id).toMatch(/^k[0-9a-f]{10}$/);
    expect(key(`2026-q1:${KEY_A}`).id).toBe('2026-q1');
    expect(key(KEY_A.replace(/\+/g, '-').replace(/\//g, '_')).key.equals(Buffer.from(KEY_A, 'base64'))).toBe(true);
    expect(parseDataKey('c2hvcnQ=')).toEqual({ ok: false, reason: 'must be base64 of 32 bytes, got 5 (e.g. openssl rand -base64 32)' });
    expect(parseDataKey(`bad id:${KEY_A}`).ok).toBe(false);
    const list = parseDataKeys(`old:${KEY_A}, ${KEY_B}`);
    expect(list.ok && list.value.map((k) => k.id)).toEqual(['old', fingerprint(Buffer.from(KEY_B, 'base64'))]);
    expect(parseDataKeys(`old:${KEY_A},nope`)).toMatchObject({ ok: false, reason: expect.stringMatching(/^key 2:/) });
    expect(() => new Keyring(key(`same:${KEY_A}`), [key(`same:${KEY_B}`)])).toThrow(/two different keys have the id same/);
  });
});
