import { randomBytes } from 'node:crypto';
import { SEALED_FIELDS } from '../../src/cases/schemas.ts';
import { fingerprint, Keyring } from '../../src/privacy/seal.ts';
import type { RawStore } from '../../src/store/index.ts';
import { type SealedStore, sealStore } from '../../src/store/sealed.ts';

/** A fresh data key (32 random bytes) with its id. */
export function newKey(id?: string) {
  const key = randomBytes(32);
  return { id: id ?? fingerprint(key), key };
}

/** DATA_KEY's value for a key: `id:base64`. */
export const keyText = (k: { id: string; key: Buffer }) => `${k.id}:${k.key.toString('base64')}`;

/** The contract's fixtures put personal data in `name` and in nested JSON: sealed too, to round-trip every JSON type. */
export const TEST_SEALED_FIELDS = [...SEALED_FIELDS, 'name', 'big', 'nested', 'b'];

/** A keyring that counts what it opens (to show that listing opens nothing) and seals. */
export class CountingKeyring extends Keyring {
  opened = 0;
  sealed = 0;
  override seal(plain: string, context: string): string {
    this.sealed++;
    return super.seal(plain, context);
  }
  override open(sealed: string, context: string): string {
    this.opened++;
    return super.open(sealed, context);
  }
}

export function sealed(raw: RawStore, keyring: Keyring = new Keyring(newKey()), onUnreadable?: (what: unknown) => void): Promise<SealedStore> {
  return sealStore(raw, keyring, { caseFields: TEST_SEALED_FIELDS, ...(onUnreadable ? { onUnreadable } : {}) });
}
