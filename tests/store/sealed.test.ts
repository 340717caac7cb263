/**
 * Personal data sealed at rest, on both stores: what reaches the implementation beneath is sealed (sessions whole,
 * profiles whole, the personal fields of cases and every history note), listing opens nothing, a changed or moved
 * value is refused (never shown garbled), keys rotate (old data readable with DATA_KEYS, then re-sealed), and a store
 * whose data needs a key that is not given refuses to open.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataKeyError } from '../../src/privacy/keys.ts';
import { isSealed, Keyring, sealedKeyId } from '../../src/privacy/seal.ts';
import {
  type CaseRecord,
  type Json,
  openRedisStore,
  openSqliteStore,
  type RawEntry,
  type RawStore,
  StoreError,
  type TurnWrites,
} from '../../src/store/index.ts';
import { startRedis } from '../support/redis-server.ts';
import { makeCase, T0 } from './contract.ts';
import { CountingKeyring, newKey, sealed } from './sealing.ts';

const server = await startRedis();
const dir = mkdtempSync(join(tmpdir(), 'yinling-sealed-'));
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ID = '330182195203151239';
const PHONE = '13812345678';

const backends: { name: string; skip: boolean; open: () => Promise<RawStore> }[] = [
  { name: 'sqlite', skip: false, open: async () => openSqliteStore(join(dir, `${randomUUID()}.db`)) },
  {
    name: 'redis',
    skip: server === null,
    open: () => openRedisStore(server?.url ?? 'redis://127.0.0.1:1', { prefix: `s:${randomUUID().slice(0, 8)}:` }),
  },
];

/** Every raw value of a kind. */
async function rawAll(raw: RawStore, kind: RawEntry['kind']): Promise<RawEntry[]> {
  const out: RawEntry[] = [];
  for await (const batch of raw.scanRaw(kind)) out.push(...batch);
  return out;
}

const deathCase = (id: string, overrides: Partial<CaseRecord> = {}): CaseRecord =>
  makeCase({
    id,
    type: 'death_report',
    fields: {
      deceasedName: '张建国',
      idNumber: ID,
      dateOfDeath: '2026-11-20',
      relation: '父亲',
      reporterPhone: PHONE,
      region: '西湖区',
      community: '文新街道',
    },
    history: [{ at: T0, by: 'telegram:1', action: 'opened', note: `家属电话 ${PHONE}` }],
    ...overrides,
  });

for (const backend of backends) {
  describe.skipIf(backend.skip)(`sealing at rest: ${backend.name}`, () => {
    it('hands the store beneath only sealed personal data; the bot above reads it back whole', async () => {
      const raw = await backend.open();
      const store = await sealed(raw);
      try {
        await store.putSession('chat', 'telegram:1', { dialog: { slots: { idNumber: ID, phone: PHONE } } }, 60_000);
        await store.runTurn({ chat: 'c2', user: 'telegram:1', profile: 'telegram:1' }, async () => ({
          value: null,
          writes: { session: { chat: 'c2', data: { name: '张建国' }, ttlMs: 60_000 }, profile: { region: '西湖区' } },
        }));
        await store.createCase(deathCase('C1'));
        await store.updateCase('C1', { event: { at: T0 + 1, by: 'telegram:9', action: 'noted', note: `身份证 ${ID}` } });

        const everything = JSON.stringify([...(await rawAll(raw, 'session')), ...(await rawAll(raw, 'profile')), ...(await rawAll(raw, 'case'))]);
        expect(everything).not.toContain(ID);
        expect(everything).not.toContain(PHONE);
        expect(everything).not.toContain('张建国');
        expect(everything).not.toContain('文新街道');
        expect(everything).not.toContain('西湖区"}'); // the profile is sealed whole
        const rawCase = (await raw.getCase('C1')) as CaseRecord;
        // What listing and statistics need stays readable.
        expect(rawCase.fields).toMatchObject({ dateOfDeath: '2026-11-20', region: '西湖区', relation: '父亲' });
        expect(isSealed(rawCase.fields.idNumber)).toBe(true);
        expect(rawCase.history.map((e) => [e.action, e.by, isSealed(e.note)])).toEqual([
          ['opened', 'telegram:1', true],
          ['noted', 'telegram:9', true],
        ]);

        expect((await store.getSession('chat', 'telegram:1'))?.data).toEqual({ dialog: { slots: { idNumber: ID, phone: PHONE } } });
        expect((await store.getSession('c2', 'telegram:1'))?.data).toEqual({ name: '张建国' });
        expect(await store.getProfile('telegram:1')).toEqual({ region: '西湖区' });
        const back = await store.getCase('C1');
        expect(back?.fields).toEqual(deathCase('C1').fields);
        expect(back?.history.map((e) => e.note)).toEqual([`家属电话 ${PHONE}`, `身份证 ${ID}`]);
      } finally {
        await store.close();
      }
    });

    it('keeps unsealed only what its writer says holds nothing personal, and then only without a long digit run', async () => {
      const keyring = new CountingKeyring(newKey());
      const raw = await backend.open();
      const store = await sealed(raw, keyring);
      const turn = (chat: string, writes: TurnWrites) =>
        store.runTurn({ chat, user: 'telegram:1', profile: 'telegram:1' }, async () => ({ value: null, writes }));
      try {
        const topic = { dialog: { intent: 'serious_illness_consolation', slots: { amount: '12000', region: '西湖区' }, awaiting: 'done' } };
        await turn('plain', { session: { chat: 'plain', data: topic, ttlMs: 60_000, personal: false }, profile: { region: '西湖区' }, profilePersonal: false });
        expect(keyring.sealed).toBe(0);
        // Said to hold nothing personal, yet carrying an ID number: sealed all the same.
        await turn('slip', { session: { chat: 'slip', data: { dialog: { slots: { note: `身份证${ID}` } } }, ttlMs: 60_000, personal: false } });
        // Not said: sealed.
        await turn('unsaid', { session: { chat: 'unsaid', data: topic, ttlMs: 60_000 } });
        expect(keyring.sealed).toBe(2);

        const sessions = await rawAll(raw, 'session');
        expect(JSON.stringify(sessions)).not.toContain(ID);
        expect((await raw.getSession('plain', 'telegram:1'))?.data).toEqual(topic);
        expect(isSealed((await raw.getSession('unsaid', 'telegram:1'))?.data)).toBe(true);
        expect(await raw.getProfile('telegram:1')).toEqual({ region: '西湖区' });
        expect((await store.getSession('plain', 'telegram:1'))?.data).toEqual(topic);
        expect((await store.getSession('slip', 'telegram:1'))?.data).toEqual({ dialog: { slots: { note: `身份证${ID}` } } });
        expect(await store.getProfile('telegram:1')).toEqual({ region: '西湖区' });
      } finally {
        await store.close();
      }
    });

    it('lists cases without opening anything; a field is opened when it is read', async () => {
      const keyring = new CountingKeyring(newKey());
      const store = await sealed(await backend.open(), keyring);
      try {
        for (let i = 1; i <= 30; i++) await store.createCase(deathCase(`C${i}`, { createdAt: T0 + i }));
        keyring.opened = 0;
        const list = await store.listCases({ type: 'death_report', limit: 20 });
        expect(list).toHaveLength(20);
        // What /cases shows: id, type, status, region, due date.
        expect(list.map((c) => [c.id, c.type, c.status, c.fields.region, c.dueAt]).length).toBe(20);
        expect(Object.hasOwn(list[0]?.fields ?? {}, 'idNumber')).toBe(true);
        expect(keyring.opened).toBe(0);
        expect(list[0]?.fields.idNumber).toBe(ID);
        expect(list[0]?.fields.idNumber).toBe(ID);
        expect(keyring.opened).toBe(1);
      } finally {
        await store.close();
      }
    });

    it('refuses a changed or a moved sealed value (StoreError unreadable), never shows it garbled', async () => {
      const reports: unknown[] = [];
      const raw = await backend.open();
      const store = await sealed(raw, undefined, (what) => reports.push(what));
      try {
        await store.createCase(deathCase('C1'));
        await store.createCase(deathCase('C2', { user: 'telegram:2' }));
        await store.putSession('chat', 'u', { idNumber: ID }, 60_000);
        const [c1, c2] = [(await rawAll(raw, 'case')).find((e) => e.id === 'C1'), (await rawAll(raw, 'case')).find((e) => e.id === 'C2')];
        const r1 = c1?.data as unknown as CaseRecord;
        const r2 = c2?.data as unknown as CaseRecord;
        // One character of C1's ID number changed; C2's phone replaced by C1's (valid, but sealed for another case).
        const flipped = (s: string) => `${s.slice(0, -5)}${s.at(-5) === 'A' ? 'B' : 'A'}${s.slice(-4)}`;
        expect(await raw.swapRaw(c1 as RawEntry, { ...r1, fields: { ...r1.fields, idNumber: flipped(r1.fields.idNumber as string) } } as unknown as Json)).toBe(
          true,
        );
        expect(await raw.swapRaw(c2 as RawEntry, { ...r2, fields: { ...r2.fields, reporterPhone: r1.fields.reporterPhone } } as unknown as Json)).toBe(true);
        const session = (await rawAll(raw, 'session'))[0] as RawEntry;
        expect(await raw.swapRaw(session, flipped(session.data as string))).toBe(true);

        const one = await store.getCase('C1');
        expect(one?.fields.region).toBe('西湖区'); // the rest of the case is fine
        expect(one?.fields.deceasedName).toBe('张建国');
        const refused = (() => {
          try {
            return one?.fields.idNumber;
          } catch (error) {
            return error;
          }
        })();
        expect(refused).toBeInstanceOf(StoreError);
        expect((refused as StoreError).code).toBe('unreadable');
        const two = await store.getCase('C2');
        expect(() => two?.fields.reporterPhone).toThrow(/does not authenticate/);
        // A session that does not open is dropped (the dialog starts over), and reported.
        expect(await store.getSession('chat', 'u')).toBeNull();
        expect(reports).toEqual([
          expect.objectContaining({ kind: 'case', code: 'tampered', id: 'C1', field: 'idNumber' }),
          expect.objectContaining({ kind: 'case', code: 'tampered', id: 'C2', field: 'reporterPhone' }),
          expect.objectContaining({ kind: 'session', code: 'tampered' }),
        ]);
      } finally {
        await store.close();
      }
    });

    it('rotates keys: old data readable with the old key among DATA_KEYS, re-sealed under the new one, then the old key can go', async () => {
      const raw = await backend.open();
      const oldKey = newKey('k2025');
      const newer = newKey('k2026');
      const before = await sealed(raw, new Keyring(oldKey));
      await before.createCase(deathCase('C1'));
      await before.putSession('chat', 'u', { idNumber: ID }, 60_000);
      await before.putProfile('telegram:1', { region: '西湖区' });
      // Written before sealing existed: plaintext, still readable, sealed by the rotation.
      await raw.createCase(deathCase('C0', { user: 'telegram:0' }));

      // Without the old key the store refuses to open, naming DATA_KEYS (rather than dropping what it cannot read).
      await expect(sealed(raw, new Keyring(newer))).rejects.toThrow(DataKeyError);
      await expect(sealed(raw, new Keyring(newer))).rejects.toThrow(/k2025.*DATA_KEYS/);

      const during = await sealed(raw, new Keyring(newer, [oldKey]));
      expect((await during.getCase('C1'))?.fields.idNumber).toBe(ID);
      expect((await during.getCase('C0'))?.fields.idNumber).toBe(ID);
      await during.createCase(deathCase('C2', { user: 'telegram:2' }));
      const report = await during.rotate();
      expect(report.unreadable).toBe(0);
      // C1, C0 (plaintext), the session, the profile; C2 was sealed under the new key already.
      expect(report.resealed).toBe(4);
      const ids = new Set<string | null>();
      for (const e of await rawAll(raw, 'case')) {
        const r = e.data as unknown as CaseRecord;
        ids.add(sealedKeyId(r.fields.idNumber));
        for (const h of r.history) ids.add(sealedKeyId(h.note));
      }
      for (const e of await rawAll(raw, 'session')) ids.add(sealedKeyId(e.data));
      expect([...ids]).toEqual(['k2026']);
      expect((await during.rotate()).resealed).toBe(0); // nothing left to do

      const after = await sealed(raw, new Keyring(newer));
      expect((await after.getCase('C1'))?.fields.idNumber).toBe(ID);
      expect((await after.getCase('C0'))?.history[0]?.note).toBe(`家属电话 ${PHONE}`);
      expect((await after.getSession('chat', 'u'))?.data).toEqual({ idNumber: ID });
      expect(await after.getProfile('telegram:1')).toEqual({ region: '西湖区' });
      await after.close();
    });
  });
}
