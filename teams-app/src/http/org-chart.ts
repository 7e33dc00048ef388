import { readFileSync } from 'node:fs';
import { type OrgChart, orgChartSchema, tenantIdSchema } from '@rebound/core';
import { z } from 'zod';
import { type BotConfig, describeIssue } from '../config';

/** A setting the bot cannot start with; each problem names the variable and the field, and what to set. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const teamSchema = orgChartSchema.shape.teams.element;
/** The file: core's org chart, where each team may name the tenant it belongs to. */
const fileSchema = z.strictObject({
  teams: z.array(teamSchema.extend({ tenantId: tenantIdSchema.optional() })).max(1000),
});

/** Each tenant's part of the org chart file. */
export type OrgCharts = ReadonlyMap<string, OrgChart>;

/**
 * Reads and checks the org chart file (`REBOUND_ORG_FILE`) once, at start, and splits it by tenant: a team's
 * own `tenantId`, else `REBOUND_ORG_TENANT`, else the one tenant of `REBOUND_ALLOWED_TENANTS`. A team that
 * belongs to no tenant, or to one the bot does not serve, stops the start: the teams are never copied into
 * whichever tenant talks to the bot. Throws `ConfigError` naming each problem; null without a file.
 */
export function readOrgChart(config: Pick<BotConfig, 'orgFile' | 'orgTenant' | 'allowedTenants'>): OrgCharts | null {
  const file = config.orgFile;
  if (!file) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError([`REBOUND_ORG_FILE: cannot read ${file} as JSON (${(err as Error).message})`]);
  }
  const parsed = fileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError([
      ...new Set(parsed.error.issues.map((issue) => `REBOUND_ORG_FILE: ${describeIssue(issue)}`)),
    ]);
  }
  const allowed = config.allowedTenants;
  const fallback = config.orgTenant ?? (allowed.length === 1 ? allowed[0] : undefined);
  const problems: string[] = [];
  if (config.orgTenant !== undefined && allowed.length > 0 && !allowed.includes(config.orgTenant)) {
    problems.push(
      `REBOUND_ORG_TENANT: ${config.orgTenant} is not one of REBOUND_ALLOWED_TENANTS; set it to a tenant the bot serves`,
    );
  }
  const unowned: string[] = [];
  const charts = new Map<string, { teams: OrgChart['teams'][number][] }>();
  for (const [i, { tenantId, ...team }] of parsed.data.teams.entries()) {
    const tenant = tenantId ?? fallback;
    if (tenant === undefined) {
      unowned.push(`teams[${i}]`);
      continue;
    }
    if (tenantId !== undefined && allowed.length > 0 && !allowed.includes(tenantId)) {
      problems.push(`REBOUND_ORG_FILE: teams[${i}].tenantId: ${tenantId} is not one of REBOUND_ALLOWED_TENANTS`);
    }
    let chart = charts.get(tenant);
    if (!chart) {
      chart = { teams: [] };
      charts.set(tenant, chart);
    }
    chart.teams.push(team);
  }
  if (unowned.length > 0) {
    const which =
      unowned.length > 5 ? `${unowned.slice(0, 5).join(', ')} and ${unowned.length - 5} more` : unowned.join(', ');
    problems.push(
      `REBOUND_ORG_FILE: ${which} name${unowned.length > 1 ? '' : 's'} no tenant, and the bot serves ${
        allowed.length === 0 ? 'every tenant' : 'several tenants'
      }; set REBOUND_ORG_TENANT to the tenant id the file belongs to, or give each team a "tenantId"`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return charts;
}

export interface OrgChartSync {
  /** Loads the tenant's teams into it the first time that tenant is seen (nothing for a tenant not in the file). */
  sync(tenantId: string): Promise<void>;
  /** Loads the tenant's teams again (someone new to Rebound may be in them: they get their team back). */
  resync(tenantId: string): Promise<void>;
}

/** Loads each tenant's part of the org chart into that tenant, once, and again when asked. */
export function orgChartSync(
  charts: OrgCharts | null,
  sync: (tenantId: string, chart: OrgChart) => Promise<unknown>,
): OrgChartSync {
  // One entry per tenant of the file at most: the map cannot grow with the tenants that write to the bot.
  const done = new Map<string, Promise<unknown>>();
  function load(tenantId: string): Promise<unknown> {
    const chart = charts?.get(tenantId);
    if (!chart) return Promise.resolve();
    const pending = sync(tenantId, chart);
    done.set(tenantId, pending);
    pending.catch(() => done.delete(tenantId));
    return pending;
  }
  return {
    async sync(tenantId) {
      await (done.get(tenantId) ?? load(tenantId));
    },
    async resync(tenantId) {
      await load(tenantId);
    },
  };
}
