/**
 * `npm start`: the service (HTTP health/readiness/metrics, webhooks, local web chat, the configured chat platforms).
 * A bad configuration (or a data key that does not fit the data) is named on stderr and exits 2; a data directory
 * another process holds exits 3. With no chat platform configured and a terminal attached, you
 * can also talk to the bot right here; ending that conversation (/quit or Ctrl-D) stops the service.
 * SIGTERM / SIGINT shut down gracefully (exit 0).
 */
import { describeConfigError } from './config/index.ts';
import { flushLogs } from './log.ts';
import { ConfigurationError, DataDirLockedError, DataKeyError, RosterError, type Service, startService } from './service.ts';

/** A shutdown that hangs (a channel that never returns) still ends the process. */
const HARD_EXIT_MS = 25_000;
/** How long the last log lines may take to reach stderr before exiting (a reader that stopped reading gets nothing more). */
const LOG_FLUSH_MS = 2000;

const interactive = process.stdin.isTTY === true;

// A signal during start-up is remembered and acted on as soon as there is a service to stop.
let pending: string | null = null;
let shutdownNow: ((reason: string) => void) | null = null;
function onSignal(signal: string): void {
  if (shutdownNow) shutdownNow(signal);
  else pending ??= signal;
}
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('SIGINT', () => onSignal('SIGINT'));

let service: Service;
try {
  service = await startService(process.env, interactive ? { console: { input: process.stdin, output: process.stdout } } : {});
} catch (error) {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`Configuration error:\n${describeConfigError(error.error)}\n`);
    await flushLogs(null, LOG_FLUSH_MS);
    process.exit(2);
  }
  if (error instanceof DataKeyError || error instanceof RosterError) {
    process.stderr.write(`Configuration error:\n${error.message}\n`);
    await flushLogs(null, LOG_FLUSH_MS);
    process.exit(2);
  }
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`Start-up refused: ${error.message}\n`);
    await flushLogs(null, LOG_FLUSH_MS);
    process.exit(3);
  }
  process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await flushLogs(null, LOG_FLUSH_MS);
  process.exit(1);
}

/** Exits once the last log lines are written (bounded: logging never holds up the exit). */
function exit(code: number): void {
  void flushLogs(service.logger, LOG_FLUSH_MS).then(() => process.exit(code));
}

let exiting = false;
function shutdown(reason: string, code = 0): void {
  if (exiting) return;
  exiting = true;
  service.logger.info({ reason }, 'shutting down');
  setTimeout(() => {
    service.logger.error({ timeoutMs: HARD_EXIT_MS }, 'shutdown took too long, exiting');
    process.exit(1);
  }, HARD_EXIT_MS).unref();
  service.close().then(
    () => exit(code),
    (error: unknown) => {
      service.logger.error({ err: error }, 'shutdown failed');
      exit(1);
    },
  );
}

shutdownNow = (reason) => shutdown(reason);
if (pending) shutdown(pending);

process.on('uncaughtException', (error) => {
  service.logger.fatal({ err: error }, 'uncaught exception');
  shutdown('uncaught exception', 1);
});
process.on('unhandledRejection', (reason) => {
  // Logged, not fatal: one failed background send must not take the bot down for everyone.
  service.logger.error({ err: reason }, 'unhandled rejection');
});

void service.consoleDone?.then(() => shutdown('console closed'));
