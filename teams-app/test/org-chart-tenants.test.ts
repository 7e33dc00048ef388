import { createMemoryStore } from '@rebound/core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startBotServer } from '../src/http/server';
import { BotClient, testUser } from './support/bot-client';
import { writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const lead = testUser('Ken Sato');
const aoi = testUser('Aoi Tanaka');
const mio = testUser('Mio Kato');

describe('an org chart file whose teams name their tenants', () => {
  let bot: RunningBot;
  const clientOf = (tenantId: string) => new BotClient(bot.server.url, bot.connector.url, tenantId);
  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [
        { id: 'tokyo', tenantId: 'tenant-a', name: 'Tokyo', managers: [lead.aadObjectId], reps: [aoi.aadObjectId] },
        { id: 'osaka', tenantId: 'tenant-b', name: 'Osaka', managers: [], reps: [mio.aadObjectId] },
      ],
    });
    bot = await startTestBot({
      env: { REBOUND_ORG_FILE: orgFile, REBOUND_ORG_TENANT: '', REBOUND_ALLOWED_TENANTS: 'tenant-a,tenant-b,tenant-c' },
    });
  });
  afterAll(() => bot.stop());

  it('loads each team into its own tenant only, and nothing into a tenant the file does not name', async () => {
    await clientOf('tenant-a').message(aoi, 'help');
    await clientOf('tenant-b').message(mio, 'help');
    await clientOf('tenant-c').message(lead, 'help');
    expect((await bot.store.listTeams('tenant-a')).map((t) => t.id)).toEqual(['tokyo']);
    expect((await bot.store.listTeams('tenant-b')).map((t) => t.id)).toEqual(['osaka']);
    expect(await bot.store.listTeams('tenant-c')).toEqual([]);
    expect(await bot.store.listMemberships('tenant-c', { personId: lead.aadObjectId })).toEqual([]);
  });
});

describe('an org chart file for the whole of one tenant', () => {
  it('goes to REBOUND_ORG_TENANT, or to the one allowed tenant, and never into another tenant', async () => {
    const orgFile = writeOrgChart({ teams: [{ id: 'tokyo', name: 'Tokyo', managers: [], reps: [aoi.aadObjectId] }] });
    const settings: Record<string, string>[] = [
      { REBOUND_ORG_FILE: orgFile, REBOUND_ORG_TENANT: 'tenant-a' },
      { REBOUND_ORG_FILE: orgFile, REBOUND_ORG_TENANT: '', REBOUND_ALLOWED_TENANTS: 'tenant-a' },
    ];
    for (const env of settings) {
      const bot = await startTestBot({ env, tenantId: 'tenant-a' });
      try {
        await bot.client.message(aoi, 'help');
        await new BotClient(bot.server.url, bot.connector.url, 'tenant-x').message(mio, 'help');
        expect((await bot.store.listTeams('tenant-a')).map((t) => t.id)).toEqual(['tokyo']);
        expect(await bot.store.listTeams('tenant-x')).toEqual([]);
      } finally {
        await bot.stop();
      }
    }
  });
});

describe('an org chart file that names no tenant while the bot serves several', () => {
  it('stops the start, saying what to set', async () => {
    const orgFile = writeOrgChart({
      teams: [
        { id: 'tokyo', name: 'Tokyo', managers: [], reps: [] },
        { id: 'osaka', tenantId: 'tenant-a', name: 'Osaka', managers: [], reps: [] },
      ],
    });
    for (const allowed of [undefined, 'tenant-a,tenant-b']) {
      const loaded = loadConfig({ REBOUND_ORG_FILE: orgFile, REBOUND_ALLOWED_TENANTS: allowed });
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      const start = startBotServer({
        config: { ...loaded.config, port: 0 },
        store: createMemoryStore(),
        logger: pino({ level: 'silent' }),
        version: 'test',
      });
      await expect(start).rejects.toThrow(
        /^REBOUND_ORG_FILE: teams\[0\] names no tenant, .*set REBOUND_ORG_TENANT to the tenant id the file belongs to, or give each team a "tenantId"$/,
      );
    }
  });
});
