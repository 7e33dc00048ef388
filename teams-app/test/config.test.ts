import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, loadConfig } from '../src/config';
import { ConfigError, readOrgChart } from '../src/http/org-chart';
import { writeOrgChart } from './support/flows';

describe('configuration from the environment', () => {
  it('runs anonymously on loopback with the documented defaults', () => {
    const result = loadConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 3978,
        host: '127.0.0.1',
        databaseUrl: DEFAULT_DATABASE_URL,
        allowedTenants: [],
        privacyK: 5,
        supportContacts: [],
        logLevel: 'info',
        credentials: null,
        scheduler: true,
      },
    });
    expect(DEFAULT_DATABASE_URL).toMatch(/^sqlite:.*teams-app\/\.data\/rebound\.sqlite$/);
  });

  it('turns the scheduler off for instances that should only answer turns, and refuses other values', () => {
    expect(loadConfig({ REBOUND_SCHEDULER: 'off' })).toMatchObject({ ok: true, config: { scheduler: false } });
    expect(loadConfig({ REBOUND_SCHEDULER: ' ON ' })).toMatchObject({ ok: true, config: { scheduler: true } });
    const result = loadConfig({ REBOUND_SCHEDULER: 'sometimes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatch(/^REBOUND_SCHEDULER: .*set REBOUND_SCHEDULER to on .* or off/);
  });

  it('refuses to run anonymously on a non-loopback address and says what to set', () => {
    const result = loadConfig({ HOST: '0.0.0.0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^HOST: .*MicrosoftAppId.*HOST=127\.0\.0\.1/);
  });

  it('serves any address once credentials are complete', () => {
    const result = loadConfig({
      HOST: '0.0.0.0',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(result).toMatchObject({ ok: true, config: { credentials: { appId: 'app', appType: 'SingleTenant' } } });
  });

  it('reports every problem at once, each naming the variable', () => {
    const result = loadConfig({
      PORT: 'eighty',
      REBOUND_PRIVACY_K: '2',
      LOG_LEVEL: 'loud',
      REBOUND_SUPPORT_CONTACTS: '[{"kind":"hr"}',
      REBOUND_DATABASE_URL: 'mysql://x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const names = result.problems.map((p) => p.split(':')[0]).sort();
    expect(names).toEqual([
      'LOG_LEVEL',
      'PORT',
      'REBOUND_DATABASE_URL',
      'REBOUND_PRIVACY_K',
      'REBOUND_SUPPORT_CONTACTS',
    ]);
    expect(result.problems.find((p) => p.startsWith('REBOUND_PRIVACY_K'))).toContain('at least 3');
  });

  it('asks for the missing half of the credentials', () => {
    const single = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant' });
    expect(single.ok).toBe(false);
    if (single.ok) return;
    expect(single.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
    ]);
    const orphan = loadConfig({ MicrosoftAppPassword: 'secret' });
    expect(orphan.ok).toBe(false);
  });

  it('reads allowed tenants and support contacts', () => {
    const result = loadConfig({
      REBOUND_ALLOWED_TENANTS: ' t1, t2 ,',
      REBOUND_SUPPORT_CONTACTS: JSON.stringify([{ kind: 'eap', name: 'EAP', contact: '0120-000-000' }]),
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        allowedTenants: ['t1', 't2'],
        supportContacts: [{ kind: 'eap', name: 'EAP', contact: '0120-000-000' }],
      },
    });
  });

  it('names the entry and the field of a support contact that is wrong', () => {
    const ok = { kind: 'hr', name: 'HR desk', contact: 'hr@example.com' };
    const result = loadConfig({
      REBOUND_SUPPORT_CONTACTS: JSON.stringify([ok, { ...ok, kind: 'boss' }, { kind: 'eap', name: 'EAP' }]),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(';')[0])).toEqual([
      'REBOUND_SUPPORT_CONTACTS[1].kind: must be one of manager, hr, eap, occupational-physician, other',
      'REBOUND_SUPPORT_CONTACTS[2].contact: missing',
    ]);
    expect(result.problems[1]).toMatch(/; set REBOUND_SUPPORT_CONTACTS to a JSON array like/);
  });

  it('checks REBOUND_ORG_TENANT as a tenant id', () => {
    expect(loadConfig({ REBOUND_ORG_TENANT: ' contoso ' })).toMatchObject({
      ok: true,
      config: { orgTenant: 'contoso' },
    });
    const result = loadConfig({ REBOUND_ORG_TENANT: 'two words' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatch(
      /^REBOUND_ORG_TENANT: not a valid id .*; set REBOUND_ORG_TENANT to the tenant id/,
    );
  });

  it('offers export links only where they travel over https or stay on this machine', () => {
    const credentials = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' };
    const unavailable = (env: Record<string, string>) => {
      const result = loadConfig({ ...credentials, ...env });
      if (!result.ok) throw new Error(result.problems.join('\n'));
      return result.config.exportLinksUnavailable;
    };
    expect(unavailable({ HOST: '0.0.0.0' })).toMatch(
      /^HOST 0\.0\.0\.0 is not a loopback address .*set REBOUND_PUBLIC_URL=https:/,
    );
    expect(unavailable({ HOST: '0.0.0.0', REBOUND_PUBLIC_URL: 'http://bot.example.com' })).toMatch(
      /^REBOUND_PUBLIC_URL is not an https:\/\/ address/,
    );
    expect(unavailable({ HOST: '0.0.0.0', REBOUND_PUBLIC_URL: 'https://bot.example.com' })).toBeNull();
    expect(unavailable({ HOST: '127.0.0.1' })).toBeNull();
    expect(unavailable({ HOST: '127.0.0.1', REBOUND_PUBLIC_URL: 'http://localhost:3978' })).toBeNull();
  });
});

describe('the org chart file (REBOUND_ORG_FILE)', () => {
  const problemsOf = (teams: unknown, settings: { orgTenant?: string; allowedTenants?: string[] } = {}) => {
    const orgFile = writeOrgChart({ teams: teams as Record<string, unknown>[] });
    try {
      readOrgChart({ orgFile, orgTenant: settings.orgTenant ?? 't1', allowedTenants: settings.allowedTenants ?? [] });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };
  const tokyo = { id: 'tokyo', name: 'Tokyo', managers: ['ken'], reps: ['aoi'] };

  it('says which team and which field is wrong in a file of valid JSON with the wrong shape', () => {
    expect(problemsOf([tokyo, { id: 'osaka', name: 'Osaka', managers: 'ken' }])).toEqual([
      'REBOUND_ORG_FILE: teams[1].managers: expected a list of ids',
    ]);
    expect(problemsOf([{ ...tokyo, name: undefined, reps: ['aoi', 'has space'], tenent: 'x' }])).toEqual([
      'REBOUND_ORG_FILE: teams[0].name: missing',
      'REBOUND_ORG_FILE: teams[0].reps[1]: not a valid id (1 to 200 characters without spaces)',
      'REBOUND_ORG_FILE: teams[0]: unknown field "tenent"',
    ]);
    expect(problemsOf({ tokyo })).toEqual(['REBOUND_ORG_FILE: teams: expected a list of teams']);
  });

  it('says when the file is not JSON', () => {
    const orgFile = writeOrgChart({ teams: [] });
    writeFileSync(orgFile, '{"teams": [');
    expect(() => readOrgChart({ orgFile, orgTenant: 't1', allowedTenants: [] })).toThrow(
      /^REBOUND_ORG_FILE: cannot read .* as JSON/,
    );
  });

  it('refuses a team or an org tenant the bot does not serve', () => {
    expect(problemsOf([{ ...tokyo, tenantId: 't3' }], { allowedTenants: ['t1', 't2'] })).toEqual([
      'REBOUND_ORG_FILE: teams[0].tenantId: t3 is not one of REBOUND_ALLOWED_TENANTS',
    ]);
    expect(problemsOf([tokyo], { orgTenant: 't9', allowedTenants: ['t1'] })).toEqual([
      'REBOUND_ORG_TENANT: t9 is not one of REBOUND_ALLOWED_TENANTS; set it to a tenant the bot serves',
    ]);
  });

  it('splits the file by tenant: a team’s own tenant first, then REBOUND_ORG_TENANT', () => {
    const orgFile = writeOrgChart({ teams: [tokyo, { ...tokyo, id: 'osaka', tenantId: 't2' }] });
    const charts = readOrgChart({ orgFile, orgTenant: 't1', allowedTenants: [] });
    expect([...(charts?.entries() ?? [])]).toEqual([
      ['t1', { teams: [tokyo] }],
      ['t2', { teams: [{ ...tokyo, id: 'osaka' }] }],
    ]);
  });
});
