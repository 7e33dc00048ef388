// The check-in submit turn (Action.Execute, validation, SQLite write, card response) of the Rebound bot against
// an echo bot (teams-ai defaults + MemoryStorage, one-TextBlock card), each in its own process, same adapter
// configuration and restify version. Alternating rounds, 10 connections, a distinct user per turn.
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
// 100k turns take about 10 minutes on the 2-core machines; the default keeps a run near 3 minutes.
const RSS_TURNS = Number(process.env.BENCH_RSS_TURNS ?? 20_000);
const CONNECTIONS = 10;

interface Target {
  kind: 'rebound' | 'echo';
  url: string;
  child: ChildProcess;
}

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

let userCounter = 0;
function checkInTurn(serviceUrl: string, run: string): string {
  const n = userCounter++;
  const aad = `bench-${run}-${n}`;
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `act-${n}`,
    channelId: 'msteams',
    serviceUrl,
    locale: n % 2 ? 'ja-JP' : 'en-US',
    from: { id: `29:${aad}`, aadObjectId: aad, name: `Rep ${n}` },
    recipient: { id: '28:bot', name: 'Rebound' },
    conversation: { id: `a:${aad}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
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

async function load(target: Target, serviceUrl: string, until: { ms?: number; turns?: number }): Promise<RoundResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const run = `${target.kind}-${Date.now().toString(36)}`;
  const more = () => (until.turns !== undefined ? started < until.turns : performance.now() - t0 < (until.ms ?? 0));
  async function worker() {
    while (more()) {
      started++;
      const body = checkInTurn(serviceUrl, run);
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
  const totals: Record<Target['kind'], RoundResult[]> = { rebound: [], echo: [] };
  for (const t of [echo, rebound]) await load(t, serviceUrl, { turns: 500 }); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of r % 2 === 0 ? [echo, rebound] : [rebound, echo]) {
      totals[t.kind].push(await load(t, serviceUrl, { ms: ROUND_MS }));
    }
  }
  const summary = (kind: Target['kind']) => {
    const rounds = totals[kind];
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
  const rb = summary('rebound');
  const ec = summary('echo');

  // Memory: RSS after 10k turns and after RSS_TURNS turns of the Rebound bot (fresh users throughout).
  const served = rb.turns + 500;
  if (served < 10_000) await load(rebound, serviceUrl, { turns: 10_000 - served });
  const at10k = await memoryOf(rebound);
  await load(rebound, serviceUrl, { turns: Math.max(0, RSS_TURNS - Math.max(served, 10_000)) });
  const atEnd = await memoryOf(rebound);

  const ratio = rb.rps / ec.rps;
  const growth = (atEnd.rss - at10k.rss) / at10k.rss;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const lines = [
    '### Teams bot: check-in submit turn vs an echo bot (issue 6)',
    '',
    `Machine: ${machine()}; load average during the run ${os.loadavg()[0]?.toFixed(1)} (other work shares the cores). ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per bot, ${CONNECTIONS} connections, a distinct user per turn, each bot in its own process (HTTP on 127.0.0.1). Rebound: Action.Execute \`checkIn.submit\` → card parse + core validation → person registered (first contact) and check-in written to SQLite (WAL), two transactions → acknowledgement card. Echo: teams-ai \`Application\` with default options and \`MemoryStorage\`, Action.Execute returns a one-TextBlock card.`,
    '',
    table(
      ['bot', 'turns', 'errors', 'turns/s', 'p50 ms', 'p99 ms'],
      [
        ['echo (baseline)', ec.turns, ec.errors, ec.rps.toFixed(0), ec.p50.toFixed(1), ec.p99.toFixed(1)],
        ['Rebound check-in', rb.turns, rb.errors, rb.rps.toFixed(0), rb.p50.toFixed(1), rb.p99.toFixed(1)],
      ],
    ),
    '',
    table(
      ['target', 'measured', 'met'],
      [
        ['throughput ≥ 0.8× echo', `${ratio.toFixed(2)}×`, ratio >= 0.8 ? 'yes' : 'no'],
        ['p99 within 50 ms', `${rb.p99.toFixed(1)} ms`, rb.p99 <= 50 ? 'yes' : 'no'],
        ['0 errors', `${rb.errors + ec.errors}`, rb.errors + ec.errors === 0 ? 'yes' : 'no'],
        [
          `RSS after ${RSS_TURNS.toLocaleString('en')} turns within 10% of RSS after 10k`,
          `${mib(at10k.rss)} → ${mib(atEnd.rss)} (${(growth * 100).toFixed(1)}%); heap in use ${mib(at10k.heapUsed)} → ${mib(atEnd.heapUsed)}`,
          growth <= 0.1 ? 'yes' : 'no',
        ],
      ],
    ),
    '',
    'Memory is read in the bot process after a full garbage collection (`--expose-gc`).',
    '',
  ];
  const report = lines.join('\n');
  console.log(report);
  const out = path.join(here, '..', 'reports');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'bot.md'), report);
  rebound.child.kill();
  echo.child.kill();
}

await main();
