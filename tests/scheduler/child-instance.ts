/**
 * One bot instance for the kill test: the BullMQ scheduler on REDIS_URL, sending each due occurrence to a fake
 * platform on loopback (PLATFORM_URL) with its key as the idempotency key, as the Lark channel does (uuid).
 */
import { openCare } from '../../src/care/index.ts';
import { loadTranslator } from '../../src/i18n/index.ts';

const name = process.env.INSTANCE ?? 'x';
const proactive = openCare({
  config: { DATA_DIR: '/nonexistent', REDIS_URL: process.env.REDIS_URL as string },
  tr: loadTranslator(),
  now: () => new Date(),
  quiet: null,
  festivalDaysBefore: 7,
  limits: { '*': { perSecond: 40, perGroup: 1000, groupWindowMs: 1000 } },
  prefix: process.env.PREFIX as string,
  lockDurationMs: 2000,
  send: async (occ) => {
    const res = await fetch(process.env.PLATFORM_URL as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-instance': name },
      body: JSON.stringify({ chat: occ.chat, text: occ.text, uuid: occ.key }),
    });
    if (!res.ok) throw Object.assign(new Error(`platform ${res.status}`), { retryAfterMs: Number(res.headers.get('retry-after') ?? 1) * 1000 });
  },
});
process.stderr.write(`instance ${name} up\n`);
for (;;) {
  await proactive.runDue(new Date());
  await new Promise((resolve) => setTimeout(resolve, 100));
}
