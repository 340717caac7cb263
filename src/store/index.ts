import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openRedisStore } from './redis.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export { openRedisStore, RedisStore, type RedisStoreOptions } from './redis.ts';
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
}

/** The file of the embedded store inside DATA_DIR. */
export const SQLITE_FILE = 'yinling.db';

/**
 * The store the configuration asks for: Redis when REDIS_URL is set, otherwise the embedded SQLite file
 * `${DATA_DIR}/yinling.db` (the directory is created if missing).
 */
export async function openStore(config: { REDIS_URL?: string; DATA_DIR: string }, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.REDIS_URL) {
    return openRedisStore(config.REDIS_URL, {
      prefix: options.redisPrefix,
      connectTimeoutMs: options.connectTimeoutMs,
      onError: options.onError,
      onWarning: options.onWarning,
    });
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  return openSqliteStore(join(config.DATA_DIR, SQLITE_FILE));
}
