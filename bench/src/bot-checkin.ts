// The check-in submit turn (Action.Execute, validation, SQLite write, card response) of the Rebound bot against
// an echo bot (teams-ai defaults + MemoryStorage, one-TextBlock card), each in its own process, same adapter
// configuration and restify version. Alternating rounds, 10 connections, a distinct user per turn. The Rebound
// turn is measured twice: from a registered rep (the real flow: the check-in card came from the bot, so the rep
// is known) and as the rep's first contact (registered in the same turn, the worst case).
//   node --import tsx src/bot-checkin.ts            (BENCH_ROUND_S, BENCH_ROUNDS, BENCH_RSS_TURNS to change)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, table } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUND_MS = Number(process.env.BENCH_ROUND_S ?? 8) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// The figure: RSS after 100k turns against after 10k (about a minute and a half of turns here).
const RSS_TURNS = Number(process.env.BENCH_RSS_TURNS ?? 100_000);
const CONNECTIONS = 10;

interface Target {
  kind: 'rebound' | 'echo';
  url: string;
  child: ChildProcess;
}

/** What is measured: the echo, or the Rebound bot's turn from a registered rep or at first contact. */
type Case = 'echo' | 'registered' | 'first';
const TENANT = 'bench-tenant';
// Reps registered ahead of each `registered` round; a round stops early rather than run out of them.
const SEEDED_PER_ROUND = Math.ceil((ROUND_MS / 1000) * 2500);

async function startTarget(kind: Target['kind']): Promise<Target> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--conditions=source', '--import', 'tsx', path.join(here, 'bot-target.ts'), kind, '0'],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return { kind, url, child };
}

interface Memory {
  rss: number;
  heapUsed: number;
}

/** The target's memory after a full garbage collection, so that only what is still held counts. */
function memoryOf(target: Target): Promise<Memory> {
  return new Promise((resolve) => {
    target.child.once('message', (m) => resolve(m as Memory));
    target.child.send('memory');
  });
}

/** Registers reps `<prefix>-<n>` in the Rebound bot's store, as their first message to the bot would have. */
function seed(target: Target, prefix: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    target.child.once('message', (m) => {
      const answer = m as { seeded?: number; seedError?: string };
      if (answer.seeded === count) resolve();
      else reject(new Error(`seeding failed: ${answer.seedError ?? JSON.stringify(m)}`));
    });
    target.child.send({ seed: { tenantId: TENANT, prefix, count } });
  });
}

/** A connector that answers every call (teams-ai may update the card message after an Action.Execute). */
async function startConnector(): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function checkInTurn(serviceUrl: string, prefix: string, n: number): string {
  const aad = `${prefix}-${n}`;
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `act-${n}`,
    channelId: 'msteams',
    serviceUrl,
    locale: n % 2 ? 'ja-JP' : 'en-US',
    from: { id: `29:${aad}`, aadObjectId: aad, name: `Rep ${n}` },
    recipient: { id: '28:bot', name: 'Rebound' },
    conversation: { id: `a:${aad}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    replyToId: `card-${n}`,
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'checkIn.submit',
        data: {
          action: 'checkIn.submit',
          cadence: 'daily',
          prompts: [],
          pressure: String((n % 5) + 1),
          energy: String(((n + 2) % 5) + 1),
          permissionToNotSell: 'false',
          supportRequested: 'false',
          visibility: 'private',
        },
      },
      trigger: 'manual',
    },
  });
}

interface RoundResult {
  turns: number;
  errors: number;
  latencies: number[];
  ms: number;
}

let runs = 0;
/** Users `<prefix>-0`, `-1`, ... each send one turn; `users` caps how many there are (seeded reps). */
async function load(
  target: Target,
  serviceUrl: string,
  until: { ms?: number; turns?: number },
  users: { prefix: string; count?: number } = { prefix: `fresh-${target.kind}-${runs++}` },
): Promise<RoundResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const more = () =>
    started < (users.count ?? Number.POSITIVE_INFINITY) &&
    (until.turns !== undefined ? started < until.turns : performance.now() - t0 < (until.ms ?? 0));
  async function worker() {
    while (more()) {
      const body = checkInTurn(serviceUrl, users.prefix, started++);
      const s = performance.now();
      try {
        const res = await fetch(`${target.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const json = (await res.json()) as { type?: string };
        if (res.status !== 200 || json.type !== 'application/vnd.microsoft.card.adaptive') errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - s);
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return { turns: latencies.length, errors, latencies, ms: performance.now() - t0 };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const serviceUrl = await startConnector();
  const rebound = await startTarget('rebound');
  const echo = await startTarget('echo');
  const totals: Record<Case, RoundResult[]> = { echo: [], registered: [], first: [] };
  const runCase = async (c: Case, r: number, until: { ms?: number; turns?: number }) => {
    if (c === 'echo') return load(echo, serviceUrl, until);
    let users: { prefix: string; count?: number } | undefined;
    if (c === 'registered') {
      const prefix = `registered-${r}`;
      const count = until.turns ?? SEEDED_PER_ROUND;
      await seed(rebound, prefix, count);
      users = { prefix, count };
    }
    const result = await load(rebound, serviceUrl, until, users);
    if (users && result.turns >= (users.count ?? 0) && until.ms) {
      console.warn(`round ${r}: all ${users.count} seeded reps used before the round's end; raise SEEDED_PER_ROUND`);
    }
    return result;
  };
  const cases: Case[] = ['echo', 'registered', 'first'];
  for (const c of cases) await runCase(c, -1, { turns: 500 }); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    // Each case goes first, second and last in turn.
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + r) % cases.length] as Case;
      totals[c].push(await runCase(c, r, { ms: ROUND_MS }));
    }
  }
  const summary = (c: Case) => {
    const rounds = totals[c];
    const turns = rounds.reduce((a, r) => a + r.turns, 0);
    const ms = rounds.reduce((a, r) => a + r.ms, 0);
    const sorted = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
    return {
      turns,
      errors: rounds.reduce((a, r) => a + r.errors, 0),
      rps: (turns / ms) * 1000,
      p50: pct(sorted, 50),
      p99: pct(sorted, 99),
    };
  };
  const rb = summary('registered');
  const first = summary('first');
  const ec = summary('echo');

  // Memory: a fresh Rebound process on a fresh file, read after exactly 10k turns and after RSS_TURNS turns
  // (first-contact turns: each a new user, the heavier case). The timed rounds above already served more than
  // 10k turns, so their process cannot give the 10k reading.
  rebound.child.kill();
  echo.child.kill();
  const fresh = await startTarget('rebound');
  await load(fresh, serviceUrl, { turns: 10_000 });
  const at10k = await memoryOf(fresh);
  await load(fresh, serviceUrl, { turns: Math.max(0, RSS_TURNS - 10_000) });
  const atEnd = await memoryOf(fresh);
  fresh.child.kill();

  const ratio = rb.rps / ec.rps;
  const firstRatio = first.rps / ec.rps;
  const errors = rb.errors + first.errors + ec.errors;
  const growth = (atEnd.rss - at10k.rss) / at10k.rss;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const lines = [
    '### Teams bot: check-in submit turn vs an echo bot (issue 6)',
    '',
    `Machine: ${machine()}; load average during the run ${os.loadavg()[0]?.toFixed(1)} (other work shares the cores). ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per bot, ${CONNECTIONS} connections, a distinct user per turn, each bot in its own process (HTTP on 127.0.0.1). Rebound: Action.Execute \`checkIn.submit\` → card parse + core validation → check-in written to SQLite (WAL) → acknowledgement card; from a registered rep (the real flow: the card came from the bot, so the rep is known: one read, one write transaction; reps registered before each round) and at first contact (the rep registered in the same turn: two write transactions). Echo: teams-ai \`Application\` with default options and \`MemoryStorage\`, Action.Execute returns a one-TextBlock card.`,
    '',
    table(
      ['bot', 'turns', 'errors', 'turns/s', 'p50 ms', 'p99 ms'],
      [
        ['echo (baseline)', ec.turns, ec.errors, ec.rps.toFixed(0), ec.p50.toFixed(1), ec.p99.toFixed(1)],
        [
          'Rebound check-in, registered rep',
          rb.turns,
          rb.errors,
          rb.rps.toFixed(0),
          rb.p50.toFixed(1),
          rb.p99.toFixed(1),
        ],
        [
          'Rebound check-in, first contact',
          first.turns,
          first.errors,
          first.rps.toFixed(0),
          first.p50.toFixed(1),
          first.p99.toFixed(1),
        ],
      ],
    ),
    '',
    table(
      ['target', 'measured', 'met'],
      [
        [
          'throughput ≥ 0.8× echo',
          `${ratio.toFixed(2)}× registered rep; ${firstRatio.toFixed(2)}× first contact`,
          ratio >= 0.8 ? 'yes' : 'no',
        ],
        [
          'p99 within 50 ms',
          `${rb.p99.toFixed(1)} ms registered rep; ${first.p99.toFixed(1)} ms first contact`,
          rb.p99 <= 50 ? 'yes' : 'no',
        ],
        ['0 errors', `${errors}`, errors === 0 ? 'yes' : 'no'],
        [
          `RSS after ${RSS_TURNS.toLocaleString('en')} turns within 10% of RSS after 10k`,
          `${mib(at10k.rss)} → ${mib(atEnd.rss)} (${(growth * 100).toFixed(1)}%); heap in use ${mib(at10k.heapUsed)} → ${mib(atEnd.heapUsed)}`,
          growth <= 0.1 ? 'yes' : 'no',
        ],
      ],
    ),
    '',
    'Memory is read in a fresh Rebound bot process (new SQLite file) after exactly 10,000 first-contact turns and again after the last, each time after a full garbage collection (`--expose-gc`).',
    '',
  ];
  const report = lines.join('\n');
  console.log(report);
  const out = path.join(here, '..', 'reports');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'bot.md'), report);
}

await main();
