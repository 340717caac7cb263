/**
 * `npm run rotate-keys` — re-seals all personal data at rest under the current DATA_KEY (sessions, profiles, the
 * personal fields and notes of cases), including data written before sealing existed.
 *
 * Rotating a key:
 *   1. Set DATA_KEY to the new key and put the old one in DATA_KEYS (`id:base64`, or the value DATA_KEY had; the
 *      embedded store's old data.key is read by itself). Restart the bot: old data stays readable, new data is sealed
 *      under the new key.
 *   2. Run `npm run rotate-keys` with the same environment. With the embedded store, stop the bot first (one process
 *      per data directory); with Redis it can run while the bots run.
 *   3. Remove the old key from DATA_KEYS.
 *
 * Prints what it did; exits 0 when everything is under the current key, 1 when some values did not open (left as they
 * are, named by key id), 2 for a configuration problem, 3 when the data directory is in use.
 */
import { describeConfigError, loadConfig } from '../config/index.ts';
import { createLogger } from '../log.ts';
import { DataKeyError } from '../privacy/keys.ts';
import { DataDirLockedError, openStore, type SealedStore, SqliteStore } from '../store/index.ts';
import { storeLogging } from '../store/logging.ts';

const config = loadConfig(process.env);
if (!config.ok) {
  process.stderr.write(`Configuration error:\n${describeConfigError(config.error)}\n`);
  process.exit(2);
}
const logger = createLogger({ level: config.value.LOG_LEVEL === 'info' ? 'warn' : config.value.LOG_LEVEL });

let store: SealedStore;
try {
  store = await openStore(config.value, storeLogging(logger));
} catch (error) {
  if (error instanceof DataKeyError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`rotate-keys: ${error.message}\n`);
    process.exit(3);
  }
  throw error;
}

let code = 0;
try {
  const current = store.keyring.current.id;
  const started = Date.now();
  const report = await store.rotate();
  // No copy of the old values left in the file: old pages rewritten, the -wal emptied.
  if (store.raw instanceof SqliteStore) await store.raw.compact();
  await store.appendAudit([
    {
      at: Date.now(),
      by: 'rotate-keys',
      action: 'keys_rotated',
      caseId: null,
      fields: [],
      chat: null,
      note: `resealed ${report.resealed} of ${report.checked} under ${current}${report.unreadable > 0 ? `; ${report.unreadable} did not open` : ''}`,
    },
  ]);
  const kinds = Object.entries(report.byKind)
    .map(([kind, c]) => `${kind}s ${c.resealed}/${c.checked}`)
    .join(', ');
  process.stdout.write(`rotate-keys: ${report.resealed} of ${report.checked} values re-sealed under key ${current} (${kinds}) in ${Date.now() - started} ms\n`);
  if (report.unreadable > 0) {
    process.stdout.write(
      `rotate-keys: ${report.unreadable} values did not open and were left as they are (sealed under ${report.leftUnder.join(', ') || 'a key they do not authenticate under'}): ` +
        'add the missing key to DATA_KEYS and run again\n',
    );
    code = 1;
  } else {
    process.stdout.write('rotate-keys: everything is under the current key; the old key can be removed from DATA_KEYS\n');
  }
} finally {
  await store.close();
}
process.exit(code);
