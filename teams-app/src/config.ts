import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idSchema, type SupportContact, supportContactSchema } from '@rebound/core';
import { type core, z } from 'zod';

const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bot keeps its SQLite file when `REBOUND_DATABASE_URL` is not set. */
export const DEFAULT_DATABASE_URL = `sqlite:${path.join(APP_ROOT, '.data', 'rebound.sqlite')}`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type { SupportContact } from '@rebound/core';

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
  REBOUND_ORG_TENANT: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), idSchema.optional()),
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
  REBOUND_ORG_TENANT: 'set REBOUND_ORG_TENANT to the tenant id the org chart file belongs to',
  MicrosoftAppType: 'set MicrosoftAppType to MultiTenant, SingleTenant or UserAssignedMSI',
  REBOUND_SCHEDULER:
    'set REBOUND_SCHEDULER to on (this instance plans and sends scheduled messages; the default) or off (other instances)',
};

export interface BotConfig {
  port: number;
  host: string;
  databaseUrl: string;
  orgFile: string | undefined;
  /** The tenant the whole org chart file belongs to (a team's own `tenantId` in the file wins). */
  orgTenant: string | undefined;
  /** Empty means every tenant. */
  allowedTenants: readonly string[];
  privacyK: number;
  supportContacts: readonly SupportContact[];
  logLevel: (typeof LOG_LEVELS)[number];
  exportSecret: string | undefined;
  /** Where people's browsers reach the bot (export links); the bound address when unset. */
  publicUrl: string | undefined;
  /**
   * Why export links cannot be offered (they would travel over plain http beyond this machine), or null when
   * they can: `REBOUND_PUBLIC_URL` is https (or http on a loopback host), or it is unset and `HOST` is loopback.
   */
  exportLinksUnavailable: string | null;
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
  // `reportInput`: a missing value and a wrong one are told apart (read once, at start).
  const parsed = envSchema.safeParse(env, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const hint = HINTS[name] ?? `check ${name}`;
      return `${describeIssue(issue)}; ${hint}`;
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
      orgTenant: e.REBOUND_ORG_TENANT,
      allowedTenants: e.REBOUND_ALLOWED_TENANTS ?? [],
      privacyK: e.REBOUND_PRIVACY_K,
      supportContacts: e.REBOUND_SUPPORT_CONTACTS,
      logLevel: e.LOG_LEVEL,
      exportSecret: e.REBOUND_EXPORT_SECRET,
      publicUrl: e.REBOUND_PUBLIC_URL?.replace(/\/$/, ''),
      exportLinksUnavailable: exportLinksUnavailable(e.HOST, e.REBOUND_PUBLIC_URL),
      credentials,
      openIdMetadata: e.BotOpenIdMetadata,
      scheduler: e.REBOUND_SCHEDULER === 'on',
    },
  };
}

/** Why export links cannot be offered with this `HOST` and `REBOUND_PUBLIC_URL`, or null when they can. */
function exportLinksUnavailable(host: string, publicUrl: string | undefined): string | null {
  if (publicUrl !== undefined) {
    const url = new URL(publicUrl);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return null;
    return `REBOUND_PUBLIC_URL is not an https:// address, so export links cannot be offered (they would carry people's data in the clear); set REBOUND_PUBLIC_URL=https://<your bot host>`;
  }
  if (isLoopbackHost(host)) return null;
  return `HOST ${host} is not a loopback address and REBOUND_PUBLIC_URL is not set, so export links cannot be offered (they would carry people's data over plain http); set REBOUND_PUBLIC_URL=https://<your bot host>`;
}

/** What people call the value a field expects, where the type alone says too little. */
const EXPECTED: Record<string, string> = { managers: 'a list of ids', reps: 'a list of ids', teams: 'a list of teams' };
const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
};
const CUSTOM: Record<string, string> = {
  id: 'not a valid id (1 to 200 characters without spaces)',
  'time-zone': 'not a time zone such as Asia/Tokyo',
  time: 'not a time such as 09:30',
  'control-characters': 'contains characters that cannot be stored',
};

/** `REBOUND_SUPPORT_CONTACTS[2].contact`: the path of an issue as people write it. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

/**
 * One configuration problem as `<where>: <what is wrong>`, naming the field (`teams[1].managers: expected a list
 * of ids`, `REBOUND_SUPPORT_CONTACTS[2].contact: missing`). Parse with `reportInput` to tell missing from wrong.
 */
export function describeIssue(issue: core.$ZodIssue, prefix: readonly PropertyKey[] = []): string {
  const where = issuePath([...prefix, ...issue.path]);
  const last = issue.path.at(-1);
  let what: string;
  switch (issue.code) {
    case 'invalid_type':
      what =
        issue.input === undefined
          ? 'missing'
          : `expected ${(typeof last === 'string' && EXPECTED[last]) || TYPE_NAMES[issue.expected] || issue.expected}`;
      break;
    case 'too_small':
      what =
        issue.origin === 'string'
          ? Number(issue.minimum) <= 1
            ? 'must not be empty'
            : `must be at least ${issue.minimum} characters`
          : issue.origin === 'array'
            ? `needs at least ${issue.minimum} entries`
            : `must be at least ${issue.minimum}`;
      break;
    case 'too_big':
      what =
        issue.origin === 'string'
          ? `can be at most ${issue.maximum} characters`
          : issue.origin === 'array'
            ? `can have at most ${issue.maximum} entries`
            : `can be at most ${issue.maximum}`;
      break;
    case 'invalid_value':
      what = issue.input === undefined ? 'missing' : `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
      break;
    case 'unrecognized_keys':
      what = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}`;
      break;
    default:
      what = CUSTOM[issue.message] ?? issue.message;
  }
  return `${where || '(the whole value)'}: ${what}`;
}
