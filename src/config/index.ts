import { z } from 'zod';

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
    STAFF_IDS: platformIds.default([]),
    STAFF_CHAT: z
      .string()
      .regex(/^[a-z]+:.+$/, 'must be platform:chat, e.g. telegram:-100123')
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
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
    if (c.LARK_MODE === 'webhook' && c.LARK_APP_ID && !c.LARK_ENCRYPT_KEY && !c.LARK_VERIFICATION_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['LARK_VERIFICATION_TOKEN'], message: 'webhook mode needs LARK_ENCRYPT_KEY or LARK_VERIFICATION_TOKEN' });
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

/** STAFF_CHAT as { platform, chat }: where new cases are announced. */
export function staffChatOf(config: Config): { platform: string; chat: string } | undefined {
  if (!config.STAFF_CHAT) return undefined;
  const split = config.STAFF_CHAT.indexOf(':');
  return { platform: config.STAFF_CHAT.slice(0, split), chat: config.STAFF_CHAT.slice(split + 1) };
}
