import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, loadConfig } from '../src/config';

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
});
