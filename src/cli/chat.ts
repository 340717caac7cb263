/**
 * `npm run chat` — talk to the bot in the terminal (numbered buttons: type the number).
 * `npm run --silent chat -- --jsonl [--now <iso>]` — the scriptable interface of ../shared/interface.md: one JSON
 * line in (a message or a button press), exactly one JSON line out, in order; logs go to stderr.
 * Both run on the embedded store under DATA_DIR unless REDIS_URL is set.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { limitsOf, openCare, pushOf, quietOf } from '../care/index.ts';
import { dueJobsFor } from '../care/jobs.ts';
import { runConsole } from '../channels/console.ts';
import type { Incoming, Outgoing } from '../chat/index.ts';
import { describeConfigError, loadConfig, publicUrlOf, staffChatOf } from '../config/index.ts';
import { createEngine } from '../dialog/index.ts';
import { loadTranslator } from '../i18n/index.ts';
import { createLogger } from '../log.ts';
import { warmUp } from '../nlu/index.ts';
import { DataKeyError } from '../privacy/keys.ts';
import { issueConsoleLink, LiveRoster, RosterError, routeCase, staffResolver } from '../staff/index.ts';
import { DataDirLockedError, openStore, type SealedStore } from '../store/index.ts';
import { storeLogging } from '../store/logging.ts';

// Whatever a dependency might print must not corrupt the JSON-lines stream.
console.log = console.error;
console.info = console.error;

const args = process.argv.slice(2);
const jsonl = args.includes('--jsonl');
const nowArg = (() => {
  const i = args.findIndex((a) => a === '--now' || a.startsWith('--now='));
  if (i < 0) return undefined;
  const raw = args[i]?.startsWith('--now=') ? args[i]?.slice(6) : args[i + 1];
  const date = new Date(raw ?? '');
  if (Number.isNaN(date.getTime())) {
    process.stderr.write(`chat: --now is not a date-time: ${raw}\n`);
    process.exit(2);
  }
  return date;
})();

const config = loadConfig(process.env);
if (!config.ok) {
  process.stderr.write(`Configuration error:\n${describeConfigError(config.error)}\n`);
  process.exit(2);
}
const logger = createLogger({ level: jsonl && !process.env.LOG_LEVEL ? 'warn' : config.value.LOG_LEVEL });
// The roster: a user u1 of this interface is whoever lists `cli:u1`; `"staff": true` is a city-wide caseworker.
let roster: LiveRoster;
try {
  roster = config.value.STAFF_FILE
    ? LiveRoster.open(config.value.STAFF_FILE, { onInvalid: (problems) => logger.error({ problems }, 'staff roster invalid; the last good one stays') })
    : LiveRoster.none();
} catch (error) {
  if (!(error instanceof RosterError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(2);
}
let store: SealedStore;
try {
  store = await openStore(config.value, storeLogging(logger));
} catch (error) {
  // Another process holds DATA_DIR (exit 3), or the data key does not fit (exit 2): said plainly, no stack.
  if (error instanceof DataDirLockedError || error instanceof DataKeyError) {
    process.stderr.write(`${error instanceof DataKeyError ? 'Configuration error' : 'Start-up refused'}: ${error.message}\n`);
    process.exit(error instanceof DataKeyError ? 2 : 3);
  }
  throw error;
}
const tr = loadTranslator();
warmUp();
const staffChat = staffChatOf(config.value);
// The bot's clock: --now, then each tick line's time (a tick moves it forward; messages after it are read then).
let current: Date | undefined = nowArg;
const clock = () => current ?? new Date();
// What the bot sends by itself, collected for the next tick line (this interface is the platform).
const sent: ReturnType<typeof pushOf>[] = [];
const proactive = openCare({
  config: config.value,
  tr,
  now: clock,
  send: async (occ) => void sent.push(pushOf(occ)),
  quiet: quietOf(config.value.QUIET_HOURS),
  festivalDaysBefore: config.value.FESTIVAL_NOTICE_DAYS,
  limits: limitsOf(config.value.PUSH_RATE),
  logger,
});
const escalation = { store, tr, roster: () => roster.current, ...(staffChat ? { fallback: staffChat } : {}) };
const due = dueJobsFor({ store, retentionDays: config.value.RETENTION_DAYS, proactive, drain: () => sent.splice(0), escalation });
const engine = createEngine({
  store,
  tr,
  logger,
  care: proactive.care,
  ...(staffChat ? { staffChat } : {}),
  staffOf: staffResolver(() => roster.current),
  roster: () => roster.current,
  routeCase: (c) => routeCase(roster.current, staffChat, c),
  consoleLink: (grant, now) => issueConsoleLink(store, grant, now, publicUrlOf(config.value)),
});

const line = z.object({
  chat: z.string().min(1).max(200),
  user: z.string().min(1).max(200),
  text: z.string().optional(),
  button: z.string().optional(),
  group: z.boolean().optional(),
  mention: z.boolean().optional(),
  staff: z.boolean().optional(),
  admin: z.boolean().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  media: z.enum(['sticker', 'voice', 'photo', 'file', 'other']).optional(),
});

const tickLine = z.object({ tick: z.string().min(1).max(60) });

/** `{"tick": iso}`: the clock moves there, whatever fell due runs, one line lists what the bot sent. */
async function tick(raw: string): Promise<{ tick: string; pushes: ReturnType<typeof pushOf>[]; error?: string }> {
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) return { tick: raw, pushes: [], error: 'invalid_tick' };
  if (at.getTime() < clock().getTime()) return { tick: raw, pushes: [], error: `tick_before_clock: the clock is at ${clock().toISOString()}` };
  current = at;
  const pushes = await due.runDue(at, (name, error) => logger.error({ err: error, job: name }, 'scheduled job failed'));
  return { tick: raw, pushes: pushes.map((p) => ({ chat: p.chat, text: p.text, buttons: p.buttons })) };
}

async function runJsonl(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of rl) {
    let out: Outgoing | { chat: string | null; intent: null; replies: []; cases: []; error: string };
    let parsed: z.infer<typeof line> | null = null;
    let ticked: z.infer<typeof tickLine> | null = null;
    try {
      const json: unknown = JSON.parse(raw);
      ticked = tickLine.safeParse(json).data ?? null;
      if (ticked) {
        process.stdout.write(`${JSON.stringify(await tick(ticked.tick))}\n`);
        continue;
      }
      parsed = line.parse(json);
    } catch {
      parsed = null;
    }
    if (!parsed) {
      out = { chat: null, intent: null, replies: [], cases: [], error: 'invalid_input' };
    } else {
      const incoming: Incoming = {
        platform: 'jsonl',
        chat: parsed.chat,
        user: parsed.user,
        ...(parsed.text !== undefined ? { text: parsed.text } : {}),
        ...(parsed.button !== undefined ? { button: parsed.button } : {}),
        ...(parsed.media !== undefined ? { media: parsed.media } : {}),
        ...(parsed.id !== undefined ? { messageId: String(parsed.id) } : {}),
        group: parsed.group ?? false,
        mention: parsed.mention ?? false,
        staff: parsed.staff ?? false,
        ...(parsed.admin !== undefined ? { admin: parsed.admin } : {}),
        now: clock(),
      };
      out = await engine.handle(incoming);
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

try {
  if (jsonl) await runJsonl();
  else await runConsole({ handle: (m) => engine.handle(m), tr, input: process.stdin, output: process.stdout, now: clock });
} finally {
  await proactive.close();
  roster.close();
  await store.close();
}
