import { z } from 'zod';
import { parseDataKey, parseDataKeys } from '../privacy/seal.ts';

/** `telegram:123,lark:ou_abc` → [{ platform, id }]. */
const platformIds = z.string().transform((raw, ctx) => {
  const out: { platform: string; id: string }[] = [];
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z]+):(.+)$/.exec(part);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not platform:id (telegram:123, lark:ou_abc)` });
      return z.NEVER;
    }
    out.push({ platform: m[1] as string, id: m[2] as string });
  }
  return out;
});

const optionalText = z.string().trim().min(1).optional();

/** A data key: base64 of 32 bytes, optionally `id:base64`. Never echoed in a message. */
const dataKey = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const parsed = parseDataKey(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  })
  .optional();

/** Older data keys, for reading only: `id:base64,id:base64` (or the values DATA_KEY had). */
const dataKeys = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const parsed = parseDataKeys(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  })
  .optional();

/** A limit: a whole number from `min` (0 turns the thing off, e.g. no cases from the web at all). */
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).max(1_000_000).default(fallback);

/** An address to listen on: an IP address or a host name (`localhost`). */
const host = z
  .string()
  .trim()
  .regex(
    /^(?:[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)$/,
    'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0',
  )
  .default('127.0.0.1');

/** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, or proxy-addr's names (loopback). */
const proxies = z
  .string()
  .trim()
  .regex(
    /^(?:loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(?:\/\d{1,3})?)(?:\s*,\s*(?:loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(?:\/\d{1,3})?))*$/,
    'must be addresses or CIDR ranges, comma-separated, e.g. 127.0.0.1 or 10.0.0.0/8',
  )
  .optional();

export const configSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: optionalText,
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: z.url().optional(),
    TELEGRAM_WEBHOOK_SECRET: optionalText,
    LARK_APP_ID: optionalText,
    LARK_APP_SECRET: optionalText,
    LARK_DOMAIN: z.union([z.enum(['feishu', 'lark']), z.url()]).default('feishu'),
    LARK_MODE: z.enum(['ws', 'webhook']).default('ws'),
    LARK_ENCRYPT_KEY: optionalText,
    LARK_VERIFICATION_TOKEN: optionalText,
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATA_KEY: dataKey,
    DATA_KEYS: dataKeys,
    RETENTION_DAYS: count(365),
    /** Nothing is sent from the first hour to the second, Asia/Shanghai ("21-8"); "off" sends at any hour. */
    QUIET_HOURS: z
      .string()
      .trim()
      .regex(/^(off|([01]?\d|2[0-3])-([01]?\d|2[0-3]))$/, 'must be start-end hours, e.g. 21-8, or off')
      .default('21-8'),
    /** Festival notices go this many days before 春节, 端午节, 中秋节, 重阳节. */
    FESTIVAL_NOTICE_DAYS: count(7, 0),
    /** Messages a second this instance sends by itself per platform (default: the platform's limit, 30 on Telegram). */
    PUSH_RATE: z.coerce.number().positive().max(100_000).optional(),
    STAFF_IDS: platformIds.default([]),
    STAFF_CHAT: z
      .string()
      .regex(/^[a-z]+:.+$/, 'must be platform:chat, e.g. telegram:-100123')
      .optional(),
    /** The staff roster (YAML): accounts, roles, scopes, announcement chats. */
    STAFF_FILE: z.string().trim().min(1).optional(),
    /** Base of links the bot sends (the console login link); default http://127.0.0.1:$PORT. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: host,
    TRUST_PROXY: proxies,
    WEB_CHAT: z.enum(['on', 'off']).optional(),
    WEB_MESSAGE_LIMIT: count(30),
    WEB_IP_MESSAGE_LIMIT: count(120),
    WEB_CASE_LIMIT: count(3, 0),
    METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters (e.g. openssl rand -hex 24)').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TZ: z.string().default('Asia/Shanghai'),
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required with TELEGRAM_WEBHOOK_URL' });
    }
    if (Boolean(c.LARK_APP_ID) !== Boolean(c.LARK_APP_SECRET)) {
      ctx.addIssue({ code: 'custom', path: [c.LARK_APP_ID ? 'LARK_APP_SECRET' : 'LARK_APP_ID'], message: 'LARK_APP_ID and LARK_APP_SECRET go together' });
    }
    // Several instances share Redis: each must seal under the same key, so there is no default to make up.
    if (c.REDIS_URL && !c.DATA_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_KEY'],
        message:
          'is required with REDIS_URL: personal data is sealed under it, the same key on every instance (base64 of 32 bytes, e.g. openssl rand -base64 32)',
      });
    }
    // Without the encrypt key a webhook request cannot be signed: anyone who can reach the URL could post as anyone.
    if (c.LARK_MODE === 'webhook' && c.LARK_APP_ID && !c.LARK_ENCRYPT_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['LARK_ENCRYPT_KEY'],
        message:
          'is required with LARK_MODE=webhook (every event and card callback must be signed with it; set it in the Lark console under Events & Callbacks > Encryption)',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export type ConfigError = { readonly code: 'invalid_config'; readonly problems: readonly { readonly variable: string; readonly message: string }[] };

/** Reads the configuration from the environment; a bad or missing variable is named, not thrown. */
export function loadConfig(env: NodeJS.ProcessEnv): { ok: true; value: Config } | { ok: false; error: ConfigError } {
  // An empty variable means "not set", as shells and .env files write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      code: 'invalid_config',
      problems: parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? 'environment'), message: issue.message })),
    },
  };
}

export function describeConfigError(error: ConfigError): string {
  return error.problems.map((p) => `${p.variable}: ${p.message}`).join('\n');
}

/** Whether a chat platform (Telegram or Lark) is configured. */
export function chatPlatformConfigured(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN) || Boolean(config.LARK_APP_ID && config.LARK_APP_SECRET);
}

/** WEB_CHAT, or by default: on only when no chat platform is configured (the public page is then the only way in). */
export function webChatEnabled(config: Config): boolean {
  return config.WEB_CHAT ? config.WEB_CHAT === 'on' : !chatPlatformConfigured(config);
}

/** STAFF_CHAT as { platform, chat }: where new cases are announced. */
export function staffChatOf(config: Config): { platform: string; chat: string } | undefined {
  if (!config.STAFF_CHAT) return undefined;
  const split = config.STAFF_CHAT.indexOf(':');
  return { platform: config.STAFF_CHAT.slice(0, split), chat: config.STAFF_CHAT.slice(split + 1) };
}

/** PUBLIC_URL, or this machine's address on PORT: the base of the console login links. */
export function publicUrlOf(config: Config, port?: number): string {
  return (config.PUBLIC_URL ?? `http://127.0.0.1:${port ?? config.PORT}`).replace(/\/+$/, '');
}
