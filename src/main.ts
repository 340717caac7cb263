import { createInterface } from 'node:readline/promises';
import { renderDeath, renderEntitlement, renderSummary, renderTransfer } from './answers/index.ts';
import { describeConfigError, loadConfig } from './config/index.ts';
import { loadTranslator, type Translator } from './i18n/index.ts';
import { createLogger } from './log.ts';
import {
  annualSummary,
  deathProcedure,
  festival,
  funeral,
  healthCheck,
  hospitalization,
  seriousIllness,
  transfer,
  regionOrError,
  type Festival,
  type Region,
  type Housing,
  type Result,
  type RuleError,
} from './rules/index.ts';

/**
 * `npm start` for now: a terminal demo of the rules core with numbered choices, on the machine's clock in
 * Asia/Shanghai. The dialog engine and the channels replace it in later issues.
 */

const config = loadConfig(process.env);
if (!config.ok) {
  process.stderr.write(`Configuration error:\n${describeConfigError(config.error)}\n`);
  process.exit(2);
}
const log = createLogger({ level: config.value.LOG_LEVEL });
const tr = loadTranslator();
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });

/** Today's date in the configured time zone: the only clock the rules ever see comes from here. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

// Reading lines through the iterator buffers piped input, so no answer is lost between questions.
const lines = rl[Symbol.asyncIterator]();

async function ask(id: string): Promise<string | null> {
  process.stdout.write(`${tr.t(id)}\n> `);
  const next = await lines.next();
  return next.done ? null : String(next.value).trim();
}

function say(text: string): void {
  process.stdout.write(`${text}\n\n`);
}

function errorText(t: Translator, error: RuleError): string {
  return t.t('demo-error', { ...error } as Record<string, string>);
}

/** Asks until the rules accept the answer; a closed input ends the demo. */
async function until<T>(prompt: string, run: (answer: string) => Result<T>): Promise<T | null> {
  for (;;) {
    const answer = await ask(prompt);
    if (answer === null) return null;
    const result = run(answer);
    if (result.ok) return result.value;
    say(errorText(tr, result.error));
  }
}

const pick = <T>(answer: string, options: readonly T[]): T | undefined => options[Number(answer) - 1];

async function demo(choice: string, asOf: string): Promise<string | null> {
  const region = async (prompt = 'demo-ask-region'): Promise<Region | null> => until(prompt, (name) => regionOrError(name));
  switch (choice) {
    case '1': {
      const r = await region();
      if (r === null) return null;
      const e = await until('demo-ask-self-pay', (selfPay) => seriousIllness({ region: r, asOf, selfPay: selfPay.replace(/[,，元块\s]/g, '') }));
      return e && renderEntitlement(tr, e);
    }
    case '2': {
      const r = await region();
      if (r === null) return null;
      const e = await until('demo-ask-stays', (stays) => hospitalization({ region: r, asOf, stays: Number(stays || '1') }));
      return e && renderEntitlement(tr, e);
    }
    case '3': {
      const r = await region();
      const e = r === null ? null : funeral({ region: r, asOf });
      return e?.ok ? renderEntitlement(tr, e.value) : null;
    }
    case '4': {
      const r = await region();
      if (r === null) return null;
      const answer = await ask('demo-ask-festival');
      const name = pick<Festival>(answer ?? '', ['春节', '端午节', '中秋节', '重阳节']);
      const e = festival({ region: r, asOf, ...(name ? { festival: name } : {}) });
      return e.ok ? renderEntitlement(tr, e.value) : errorText(tr, e.error);
    }
    case '5': {
      const r = await region();
      if (r === null) return null;
      const outside = (await ask('demo-ask-outside')) === '1';
      const e = healthCheck({ region: r, asOf, livesOutsideHangzhou: outside });
      return e.ok ? renderEntitlement(tr, e.value) : errorText(tr, e.error);
    }
    case '6': {
      const from = await region('demo-ask-from');
      const to = from === null ? null : await region('demo-ask-to');
      if (from === null || to === null) return null;
      const hukou = await ask('demo-ask-hukou');
      const hukouInUrban = hukou === '1';
      const housing = hukouInUrban ? pick<Housing>((await ask('demo-ask-housing')) ?? '', ['own', 'relative', 'rented']) : undefined;
      const a = transfer({ from, to, asOf, hukouInUrban, ...(housing ? { housing } : {}) });
      return a.ok ? renderTransfer(tr, a.value) : errorText(tr, a.error);
    }
    case '7': {
      const r = await region();
      if (r === null) return null;
      const a = await until('demo-ask-date', (dateOfDeath) => deathProcedure({ region: r, dateOfDeath, asOf }));
      return a && renderDeath(tr, a);
    }
    case '8': {
      const r = await region();
      if (r === null) return null;
      const s = await until('demo-ask-self-pay', (selfPay) => annualSummary({ region: r, asOf, selfPay: selfPay.replace(/[,，元块\s]/g, '') || 0 }));
      return s && renderSummary(tr, s);
    }
    default:
      return tr.t('demo-bad-choice');
  }
}

async function main(): Promise<void> {
  log.info({ store: config.ok && config.value.REDIS_URL ? 'redis' : 'embedded' }, 'rules demo started');
  say(tr.t('demo-welcome'));
  for (;;) {
    const choice = await ask('demo-menu');
    if (choice === null || choice === '0') break;
    const text = await demo(choice, today(config.ok ? config.value.TZ : 'Asia/Shanghai'));
    if (text === null) break;
    say(text);
  }
  say(tr.t('demo-bye'));
  rl.close();
}

main().catch((error: unknown) => {
  log.error({ err: error }, 'demo failed');
  process.exitCode = 1;
});
