import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEALED_FIELDS } from '../privacy/fields.ts';
import { type KeyConfig, type KeySource, loadKeys } from '../privacy/keys.ts';
import { type DirLock, lockDataDir } from './lock.ts';
import { openRedisStore } from './redis.ts';
import { type SealedStore, type SealOptions, sealStore } from './sealed.ts';
import { openSqliteStore } from './sqlite.ts';
import type { RawStore } from './types.ts';

export { DataDirLockedError, LOCK_FILE, lockDataDir, PID_FILE } from './lock.ts';
export { openRedisStore, RedisStore, type RedisStoreOptions } from './redis.ts';
export { KEYRING_RECORD, type RotationReport, SealedStore, sealStore } from './sealed.ts';
export { openSqliteStore, SqliteStore } from './sqlite.ts';
export * from './types.ts';

export interface OpenStoreOptions {
  /** Redis only: the key prefix (default `yl:`). */
  readonly redisPrefix?: string;
  /** Redis only: how long to wait for the first connection (default 5000 ms). */
  readonly connectTimeoutMs?: number;
  /** Redis only: connection errors, for the log (they never crash the process). */
  readonly onError?: (error: Error) => void;
  /** Redis only: a persistence setup that can lose confirmed cases, for the log. */
  readonly onWarning?: (message: string) => void;
  /** Where the data key came from (DATA_KEY, or the key file and whether it was created now), for the log. */
  readonly onKeys?: (keys: KeySource) => void;
  /** Sealed personal data that did not open (dropped or refused), for the log. */
  readonly onUnreadable?: SealOptions['onUnreadable'];
}

/** The file of the embedded store inside DATA_DIR. */
export const SQLITE_FILE = 'yinling.db';

export type StoreConfig = KeyConfig & { readonly REDIS_URL?: string | undefined };

/**
 * The store the configuration asks for, with personal data sealed at rest (src/store/sealed.ts): Redis when
 * REDIS_URL is set (DATA_KEY required), otherwise the embedded SQLite file `${DATA_DIR}/yinling.db` (the directory is
 * created 0700 if missing), which this process then holds alone until it closes the store (DataDirLockedError for a
 * second one). Without DATA_KEY the embedded store's key is `${DATA_DIR}/data.key`, created on first use.
 */
export async function openStore(config: StoreConfig, options: OpenStoreOptions = {}): Promise<SealedStore> {
  const seal = (lock: DirLock | null): SealOptions => ({
    caseFields: SEALED_FIELDS,
    ...(options.onUnreadable ? { onUnreadable: options.onUnreadable } : {}),
    ...(lock ? { onClose: () => lock.release() } : {}),
  });
  if (config.REDIS_URL) {
    const keys = loadKeys(config);
    const raw = await openRedisStore(config.REDIS_URL, {
      prefix: options.redisPrefix,
      connectTimeoutMs: options.connectTimeoutMs,
      onError: options.onError,
      onWarning: options.onWarning,
    });
    const store = await sealed(raw, keys, seal(null));
    options.onKeys?.(keys);
    return store;
  }
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(config.DATA_DIR);
  let raw: RawStore | null = null;
  try {
    const keys = loadKeys(config);
    raw = openSqliteStore(join(config.DATA_DIR, SQLITE_FILE));
    const store = await sealed(raw, keys, seal(lock));
    options.onKeys?.(keys);
    return store;
  } catch (error) {
    if (!raw) lock.release();
    throw error;
  }
}

/** The sealed store; the implementation is closed again when its keys do not fit. */
async function sealed(raw: RawStore, keys: KeySource, options: SealOptions): Promise<SealedStore> {
  try {
    return await sealStore(raw, keys.keyring, options);
  } catch (error) {
    await raw.close().catch(() => undefined);
    await options.onClose?.();
    throw error;
  }
}
