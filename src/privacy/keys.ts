/**
 * Where the data key comes from: DATA_KEY (base64 of 32 bytes, or `id:base64`), with older keys for reading in
 * DATA_KEYS; without DATA_KEY, the embedded store's default key file `$DATA_DIR/data.key` (created on first start,
 * mode 0600). Redis has no default: every instance must be given the same DATA_KEY (start-up refuses without it).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataKey, KEY_BYTES, Keyring, parseDataKey, parseDataKeys } from './seal.ts';

/** The default key file inside DATA_DIR. */
export const KEY_FILE = 'data.key';

export interface KeyConfig {
  readonly DATA_KEY?: string | undefined;
  readonly DATA_KEYS?: string | undefined;
  readonly DATA_DIR: string;
  readonly REDIS_URL?: string | undefined;
}

export interface KeySource {
  readonly keyring: Keyring;
  /** 'env': DATA_KEY; 'file': the default key file. */
  readonly source: 'env' | 'file';
  /** The key file, when it is in use (as the current key, or read for data sealed under it before DATA_KEY was set). */
  readonly file: string | null;
  /** The key file was created now. */
  readonly created: boolean;
}

/** No key can be had: the message names the variable to set. */
export class DataKeyError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataKeyError';
  }
}

/** Reads the key file, or null when there is none; loosens nothing: a file readable by others is made 0600. */
function readKeyFile(file: string): DataKey | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const parsed = parseDataKey(text);
  if (!parsed.ok) throw new DataKeyError('DATA_KEY', `${file}: ${parsed.reason}`);
  return parsed.value;
}

/** Creates the key file (0600, never overwriting one another process made meanwhile) and returns its key. */
function createKeyFile(dir: string, file: string): { key: DataKey; created: boolean } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const text = `${randomBytes(KEY_BYTES).toString('base64')}\n`;
  try {
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = readKeyFile(file);
    if (existing) return { key: existing, created: false };
    throw error;
  }
  const parsed = parseDataKey(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { key: parsed.value, created: true };
}

/**
 * The keyring for this configuration. DATA_KEY wins; the key file, if there is one, is then still read (data sealed
 * before DATA_KEY was set stays readable until `npm run rotate-keys` re-seals it). With Redis, DATA_KEY is required.
 */
export function loadKeys(config: KeyConfig, options: { create?: boolean } = {}): KeySource {
  const older: DataKey[] = [];
  if (config.DATA_KEYS) {
    const parsed = parseDataKeys(config.DATA_KEYS);
    if (!parsed.ok) throw new DataKeyError('DATA_KEYS', `DATA_KEYS: ${parsed.reason}`);
    older.push(...parsed.value);
  }
  if (config.DATA_KEY) {
    const parsed = parseDataKey(config.DATA_KEY);
    if (!parsed.ok) throw new DataKeyError('DATA_KEY', `DATA_KEY: ${parsed.reason}`);
    const file = config.REDIS_URL ? null : join(config.DATA_DIR, KEY_FILE);
    const fromFile = file ? readKeyFile(file) : null;
    if (fromFile && fromFile.id !== parsed.value.id && !older.some((k) => k.id === fromFile.id)) older.push(fromFile);
    return { keyring: new Keyring(parsed.value, older), source: 'env', file: fromFile ? file : null, created: false };
  }
  if (config.REDIS_URL) {
    throw new DataKeyError(
      'DATA_KEY',
      'DATA_KEY is required with REDIS_URL: every instance must seal personal data under the same key (base64 of 32 bytes, e.g. openssl rand -base64 32)',
    );
  }
  const file = join(config.DATA_DIR, KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return { keyring: new Keyring(existing, older), source: 'file', file, created: false };
  if (options.create === false) throw new DataKeyError('DATA_KEY', `no DATA_KEY and no key file at ${file}`);
  const made = createKeyFile(config.DATA_DIR, file);
  return { keyring: new Keyring(made.key, older), source: 'file', file, created: made.created };
}
