import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bot keeps its SQLite file when `REBOUND_DATABASE_URL` is not set. */
export const DEFAULT_DATABASE_URL = `sqlite:${path.join(APP_ROOT, '.data', 'rebound.sqlite')}`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const supportContactSchema = z.strictObject({
  kind: z.enum(['manager', 'hr', 'eap', 'occupational-physician', 'other']),
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(1).max(300),
});
export type SupportContact = z.infer<typeof supportContactSchema>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

/** Every variable the bot reads, with the hint printed when it is wrong. */
const envSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
  HOST: z.preprocess(blankToUndefined, z.string().trim().min(1).default('127.0.0.1')),
  REBOUND_DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
      .default(DEFAULT_DATABASE_URL),
  ),
  REBOUND_ORG_FILE: optionalString,
  REBOUND_ALLOWED_TENANTS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      )
      .optional(),
  ),
  REBOUND_PRIVACY_K: z.preprocess(blankToUndefined, z.coerce.number().int().min(3).max(1000).default(5)),
  REBOUND_SUPPORT_CONTACTS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((s, ctx) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
          return z.NEVER;
        }
      })
      .pipe(z.array(supportContactSchema).max(10))
      .default([]),
  ),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(LOG_LEVELS).default('info')),
  REBOUND_EXPORT_SECRET: z.preprocess(blankToUndefined, z.string().min(32).optional()),
  REBOUND_PUBLIC_URL: z.preprocess(blankToUndefined, z.url().optional()),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: optionalString,
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  BotOpenIdMetadata: optionalString,
  REBOUND_SCHEDULER: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['on', 'off']).default('on'),
  ),
});

const HINTS: Record<string, string> = {
  PORT: 'set PORT to a port number between 1 and 65535 (default 3978)',
  HOST: 'set HOST to the address to listen on (default 127.0.0.1)',
  REBOUND_DATABASE_URL: 'set REBOUND_DATABASE_URL to sqlite:/path/to/file.sqlite or postgres://user@host/db',
  REBOUND_PRIVACY_K: 'set REBOUND_PRIVACY_K to a whole number of at least 3 (default 5)',
  REBOUND_SUPPORT_CONTACTS:
    'set REBOUND_SUPPORT_CONTACTS to a JSON array like [{"kind":"hr","name":"HR desk","contact":"hr@example.com"}] (kinds: manager, hr, eap, occupational-physician, other)',
  LOG_LEVEL: `set LOG_LEVEL to one of ${LOG_LEVELS.join(', ')}`,
  REBOUND_EXPORT_SECRET: 'set REBOUND_EXPORT_SECRET to at least 32 random characters, or leave it unset',
  REBOUND_PUBLIC_URL: 'set REBOUND_PUBLIC_URL to the https:// address users reach the bot at',
  MicrosoftAppType: 'set MicrosoftAppType to MultiTenant, SingleTenant or UserAssignedMSI',
  REBOUND_SCHEDULER:
    'set REBOUND_SCHEDULER to on (this instance plans and sends scheduled messages; the default) or off (other instances)',
};

export interface BotConfig {
  port: number;
  host: string;
  databaseUrl: string;
  orgFile: string | undefined;
  /** Empty means every tenant. */
  allowedTenants: readonly string[];
  privacyK: number;
  supportContacts: readonly SupportContact[];
  logLevel: (typeof LOG_LEVELS)[number];
  exportSecret: string | undefined;
  /** Where people's browsers reach the bot (export links); the bound address when unset. */
  publicUrl: string | undefined;
  /** Null in anonymous mode (local only). */
  credentials: {
    appId: string;
    appPassword: string | undefined;
    appTenantId: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  } | null;
  /** botbuilder's `BotOpenIdMetadata` (tests point it at a local key server). */
  openIdMetadata: string | undefined;
  /** Whether this instance runs the scheduler and the delivery queue's due scan (exactly one instance should). */
  scheduler: boolean;
}

export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; problems: string[] };

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Reads the environment; every problem is reported at once, each with what to set. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const hint = HINTS[name] ?? `check ${name}`;
      return `${name}: ${issue.message}; ${hint}`;
    });
    return { ok: false, problems: [...new Set(problems)] };
  }
  const e = parsed.data;
  const problems: string[] = [];
  let credentials: BotConfig['credentials'] = null;
  if (e.MicrosoftAppId) {
    if (!e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
      problems.push('MicrosoftAppPassword: missing; set it to the bot registration client secret');
    }
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId: missing; ${e.MicrosoftAppType} needs the tenant id of the bot registration`);
    }
    credentials = {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appTenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
    };
  } else {
    if (e.MicrosoftAppPassword || e.MicrosoftAppTenantId) {
      problems.push('MicrosoftAppId: missing while other credentials are set; set MicrosoftAppId too, or unset them');
    }
    if (!isLoopbackHost(e.HOST)) {
      problems.push(
        `HOST: ${e.HOST} is not a loopback address and no credentials are set; anonymous mode only runs on 127.0.0.1. Set MicrosoftAppId, MicrosoftAppPassword (and MicrosoftAppTenantId), or set HOST=127.0.0.1`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.REBOUND_DATABASE_URL,
      orgFile: e.REBOUND_ORG_FILE,
      allowedTenants: e.REBOUND_ALLOWED_TENANTS ?? [],
      privacyK: e.REBOUND_PRIVACY_K,
      supportContacts: e.REBOUND_SUPPORT_CONTACTS,
      logLevel: e.LOG_LEVEL,
      exportSecret: e.REBOUND_EXPORT_SECRET,
      publicUrl: e.REBOUND_PUBLIC_URL?.replace(/\/$/, ''),
      credentials,
      openIdMetadata: e.BotOpenIdMetadata,
      scheduler: e.REBOUND_SCHEDULER === 'on',
    },
  };
}
