import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface PlaygroundUser {
  /** Teams user id inside the Playground (`user-id-0`). */
  id: string;
  name: string;
  aadObjectId: string;
}

export interface PlaygroundOptions {
  port: number;
  botEndpoint: string;
  tenantId: string;
  currentUser: PlaygroundUser;
  /** Exactly five other users (the Playground's rule). */
  users: PlaygroundUser[];
  /** Folder for its config file and logs. */
  workDir: string;
  conversationId: string;
  eventsRecording?: boolean;
}

export interface RunningPlayground {
  url: string;
  serviceUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function yamlUser(u: PlaygroundUser, indent: string): string {
  const [given = u.name, ...rest] = u.name.split(' ');
  const mail = `${u.id}@example.com`;
  return [
    `id: ${u.id}`,
    `name: ${JSON.stringify(u.name)}`,
    `userPrincipleName: ${mail}`,
    `aadObjectId: ${u.aadObjectId}`,
    `givenName: ${JSON.stringify(given)}`,
    `surname: ${JSON.stringify(rest.join(' ') || given)}`,
    `email: ${mail}`,
  ].join(`\n${indent}`);
}

/** The Playground's `.m365agentsplayground.yml`: one fixed current user, five others, one team. */
export function playgroundConfigYaml(o: PlaygroundOptions): string {
  if (o.users.length !== 5) throw new Error('the Agents Playground needs exactly 5 other users');
  return `version: "0.1.1"
tenantId: ${o.tenantId}
bot:
  id: 00000000-0000-0000-0000-00000000000011
  name: Rebound
currentUser:
  ${yamlUser(o.currentUser, '  ')}
users:
${o.users.map((u) => `  - ${yamlUser(u, '    ')}`).join('\n')}
personalChat:
  id: ${o.conversationId}
groupChat:
  id: group-chat-${o.conversationId}
  name: Group Chat
team:
  id: team-demo-sales
  name: Demo Sales
  aadGroupId: 00000000-0000-0000-0000-000000000031
  channels:
    - id: channel-stories
      name: Rejection stories
`;
}

/**
 * Starts one Agents Playground bound to 127.0.0.1, pointed at the bot, with its connector on its own port.
 * Resolves when it answers `/_debug/ping`.
 */
export async function startPlayground(o: PlaygroundOptions): Promise<RunningPlayground> {
  if (!(await isPortFree(o.port))) {
    throw new Error(`port ${o.port} on 127.0.0.1 is taken; stop what uses it or choose another port`);
  }
  mkdirSync(o.workDir, { recursive: true });
  const configPath = path.join(o.workDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfigYaml(o));
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const serviceUrl = `http://127.0.0.1:${o.port}/_connector`;
  const args = [
    '--require',
    path.join(here, 'loopback-only.cjs'),
    cli,
    '--app-endpoint',
    o.botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(o.port),
    '--service-url',
    serviceUrl,
    '--conversation-id',
    o.conversationId,
    '--disable-telemetry',
    ...(o.eventsRecording ? ['--enable-events-recording'] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: o.workDir,
    env: {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(o.workDir, 'playground.log'),
      TEAMSAPPTESTER_BROWSER: 'none',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${o.port}`;
  const stop = () => stopChild(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (hasExited(child)) throw new Error(`Agents Playground exited: ${output.slice(-2000)}`);
    const listening = /Listening on (\d+)/.exec(output);
    if (listening && listening[1] !== String(o.port)) {
      await stop();
      throw new Error(`port ${o.port} is taken; the Agents Playground moved to ${listening[1]}. Free it and retry.`);
    }
    if (listening && (await answersPing(url))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Agents Playground did not start: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, serviceUrl, child, stop };
}

/** A child killed by a signal (Ctrl+C reaches the whole process group) has a `signalCode` and no `exitCode`. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL if it has not ended within `graceMs`; resolves once it has exited. */
function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (hasExited(child)) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** True when nothing listens on 127.0.0.1:`port`. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A port the OS says is free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function answersPing(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_debug/ping`);
    return res.ok && (await res.text()).includes('pong');
  } catch {
    return false;
  }
}
