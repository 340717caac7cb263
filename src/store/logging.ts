import type { Logger } from 'pino';
import type { KeySource } from '../privacy/keys.ts';
import type { OpenStoreOptions } from './index.ts';

/** The one start-up line about the data key: where it is, never what it is. */
export function logKeys(logger: Logger, keys: KeySource): void {
  const older = keys.keyring.ids.length - 1;
  if (keys.source === 'file') {
    logger.info(
      { keyFile: keys.file, keyId: keys.keyring.current.id, created: keys.created },
      keys.created
        ? `personal data will be sealed with a new key created at ${keys.file} (mode 0600): back it up apart from the data, or set DATA_KEY`
        : `personal data is sealed with the key in ${keys.file}; set DATA_KEY to keep the key apart from the data`,
    );
  } else {
    logger.info(
      { keyId: keys.keyring.current.id, olderKeys: older },
      `personal data is sealed under DATA_KEY (key id ${keys.keyring.current.id}${older > 0 ? `; ${older} older key(s) for reading` : ''})`,
    );
  }
}

/** What a store reports to the log: connection trouble, weak persistence, the data key, data that does not open. */
export function storeLogging(logger: Logger, onStoreError?: () => void): OpenStoreOptions {
  return {
    onError: (error) => {
      onStoreError?.();
      logger.warn({ err: error }, 'store connection error');
    },
    onWarning: (message) => logger.warn(message),
    onKeys: (keys) => logKeys(logger, keys),
    onUnreadable: (what) =>
      logger.error(
        { kind: what.kind, keyId: what.keyId, code: what.code, case: what.id, field: what.field },
        what.kind === 'case' ? 'sealed case data did not open: refused' : `a sealed ${what.kind} did not open: dropped`,
      ),
  };
}
