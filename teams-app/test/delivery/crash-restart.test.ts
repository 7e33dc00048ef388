import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqlStore } from '@rebound/store-sql';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startBotServer } from '../../src/http/server';
import { openStore } from '../../src/store';
import { FakeConnector } from '../support/fake-connector';
import { type FanoutPerson, seedFanout } from '../support/fanout-seed';

const CHILD = fileURLToPath(new URL('../support/fanout-child.ts', import.meta.url));
const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TENANT = 'tenant-crash';
const PEOPLE = 12;
const KILLED_AT = 5;
// One child process per case (the one that is killed) costs about 6 s of CPU to start; the restart runs in this
// process. Measured beside four CPU-bound loops (load average 15): 99-128 s a case; at load 13 without them
// ~24 s. The budgets leave room above that.
const CHILD_BUDGET_MS = 240_000;
const CASE_BUDGET_MS = 300_000;

interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runChild(env: Record<string, string>): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD], {
      cwd: APP_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_BUDGET_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The restart: a new bot on the same SQLite file sends what is due, one at a time, as the child would. */
async function restartAndDrain(url: string): Promise<void> {
  const loaded = loadConfig({
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    REBOUND_SCHEDULER: 'off',
    REBOUND_DATABASE_URL: url,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const store = await openStore(loaded.config.databaseUrl);
  try {
    const server = await startBotServer({
      config: { ...loaded.config, port: 0 },
      store,
      logger: pino({ level: 'silent' }),
      version: '0.0.0-crash-test',
      delivery: { concurrency: 1 },
    });
    try {
      await server.delivery.queue.drain();
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
  }
}

describe('a fan-out killed mid-way and restarted (at least once, duplicates only between send and record)', () => {
  let dir = '';
  let connector: FakeConnector | null = null;
  afterEach(async () => {
    await connector?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function crashAndRestart(killAt: 'before-send' | 'after-send' | 'after-record') {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-crash-'));
    const url = `sqlite:${path.join(dir, 'rebound.sqlite')}`;
    connector = await new FakeConnector().start();
    const store = await createSqlStore({ url });
    let people: FanoutPerson[];
    try {
      people = await seedFanout(store, { tenantId: TENANT, count: PEOPLE, serviceUrl: connector.url, now: new Date() });
    } finally {
      await store.close();
    }
    const killed = await runChild({ REBOUND_DATABASE_URL: url, KILL_AT: killAt, KILL_AFTER: String(KILLED_AT) });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    // Proactive sends are posted as replies to the continuation activity, so both kinds count as messages.
    const sentBeforeCrash = connector.calls
      .filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.body?.type === 'message')
      .map((c) => c.conversationId);
    await restartAndDrain(url);

    const received = new Map(
      people.map((p) => [p.conversationId, connector!.messagesTo(p.conversationId).filter((c) => c.status < 300)]),
    );
    for (const [, messages] of received) {
      for (const m of messages)
        expect(m.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    }
    const check = await createSqlStore({ url });
    try {
      const deliveries = await check.listDeliveries(TENANT, { kind: 'check-in' });
      expect(deliveries).toHaveLength(PEOPLE);
      expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    } finally {
      await check.close();
    }
    return { received, sentBeforeCrash };
  }

  it(
    'killed before the 5th send: everybody gets their check-in exactly once',
    async () => {
      const { received, sentBeforeCrash } = await crashAndRestart('before-send');
      expect(sentBeforeCrash).toHaveLength(KILLED_AT - 1);
      expect([...received.values()].map((m) => m.length)).toEqual(Array(PEOPLE).fill(1));
    },
    CASE_BUDGET_MS,
  );

  it(
    'killed after the 5th send but before it was recorded: that one person gets it twice, nobody else',
    async () => {
      const { received, sentBeforeCrash } = await crashAndRestart('after-send');
      expect(sentBeforeCrash).toHaveLength(KILLED_AT);
      const twice = [...received].filter(([, m]) => m.length === 2).map(([id]) => id);
      expect(twice).toEqual([sentBeforeCrash[KILLED_AT - 1]]);
      expect([...received.values()].every((m) => m.length >= 1 && m.length <= 2)).toBe(true);
    },
    CASE_BUDGET_MS,
  );

  it(
    'killed after the 5th send was recorded: everybody gets their check-in exactly once',
    async () => {
      const { received, sentBeforeCrash } = await crashAndRestart('after-record');
      expect(sentBeforeCrash).toHaveLength(KILLED_AT);
      expect([...received.values()].map((m) => m.length)).toEqual(Array(PEOPLE).fill(1));
    },
    CASE_BUDGET_MS,
  );
});
