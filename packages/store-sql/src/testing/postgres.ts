import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A PostgreSQL server for tests: the configured or local one, or a throwaway cluster started for the run. */
export interface TestPostgres {
  /** A URL with rights to create and drop databases. */
  readonly adminUrl: string;
  readonly source: 'env' | 'local' | 'throwaway';
  /** A fresh, empty database with a unique name; `drop()` removes it. */
  createDatabase(): Promise<TestDatabase>;
  /** Stops a throwaway cluster and removes its files (nothing to do for an existing server). */
  stop(): Promise<void>;
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

let counter = 0;

/**
 * Finds a PostgreSQL for tests: `REBOUND_TEST_POSTGRES_URL` when set, else the machine's server at
 * 127.0.0.1:5432 (trust auth, user postgres, database test); when neither answers, starts a throwaway
 * cluster from the installed binaries (`/usr/lib/postgresql/<version>/bin` or `REBOUND_PG_BIN`) on a free
 * loopback port in a temporary folder. Throws an error saying what is needed when there are none.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const fromEnv = process.env.REBOUND_TEST_POSTGRES_URL;
  const candidates: Array<[string, 'env' | 'local']> = fromEnv
    ? [[fromEnv, 'env']]
    : [[DEFAULT_TEST_POSTGRES_URL, 'local']];
  const tried: string[] = [];
  for (const [url, source] of candidates) {
    const problem = await probe(url);
    if (problem === null) return existingServer(url, source);
    tried.push(`${redact(url)}: ${problem}`);
  }
  return startThrowawayPostgres({ tried });
}

async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function existingServer(adminUrl: string, source: 'env' | 'local'): TestPostgres {
  return { adminUrl, source, createDatabase: () => createDatabase(adminUrl), stop: async () => undefined };
}

async function createDatabase(adminUrl: string): Promise<TestDatabase> {
  const run = (process.env.REBOUND_TEST_RUN_ID ?? Date.now().toString(36)).replace(/[^a-z0-9]/gi, '').toLowerCase();
  const name = `rebound_test_${run}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function findBinaries(): string | null {
  const explicit = process.env.REBOUND_PG_BIN;
  if (explicit) return existsSync(join(explicit, 'initdb')) ? explicit : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL cluster of its own from the installed binaries, on a free loopback port in a temporary
 * folder. With `password`, the user postgres needs it over TCP (scram-sha-256), as a real server would.
 */
export async function startThrowawayPostgres(
  options: { password?: string; tried?: string[] } = {},
): Promise<TestPostgres> {
  const tried = options.tried ?? [];
  const bin = findBinaries();
  if (!bin) {
    throw new Error(
      [
        'The PostgreSQL tests need a PostgreSQL server, and none was found.',
        ...tried.map((t) => `  tried ${t}`),
        'Do one of these:',
        '  - set REBOUND_TEST_POSTGRES_URL=postgres://user:password@host:port/database (a user that may create databases);',
        '  - run PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres and a database named test;',
        '  - install the PostgreSQL server binaries (Debian: apt-get install postgresql; or set REBOUND_PG_BIN to the',
        '    folder holding initdb and pg_ctl) so that the tests can start a throwaway cluster themselves.',
      ].join('\n'),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'rebound-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: run its tools as the postgres user, which must own the folder.
  const exec = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    return execFileSync(command, argv, { stdio: 'pipe', timeout: 120_000 });
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  const stop = () => {
    try {
      exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const auth = options.password ? ['--auth-local=trust', '--auth-host=scram-sha-256'] : ['--auth=trust'];
  const pwfile = join(dir, 'pwfile');
  if (options.password) {
    writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
    if (asRoot) execFileSync('chown', ['postgres:postgres', pwfile]);
    auth.push(`--pwfile=${pwfile}`);
  }
  try {
    exec('initdb', ['-D', data, '-U', 'postgres', ...auth, '-E', 'UTF8', '--locale=C', '--no-sync']);
    rmSync(pwfile, { force: true });
    exec('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      'start',
    ]);
  } catch (error) {
    stop();
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new Error(`Could not start a throwaway PostgreSQL cluster from ${bin}: ${detail}`);
  }
  process.once('exit', stop);
  const secret = options.password ? `:${encodeURIComponent(options.password)}` : '';
  const adminUrl = `postgres://postgres${secret}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    source: 'throwaway',
    createDatabase: () => createDatabase(adminUrl),
    async stop() {
      process.removeListener('exit', stop);
      stop();
    },
  };
}

function redact(url: string): string {
  return url.replace(/(\/\/[^:/@\s]*:)[^/\s]*@/, '$1***@');
}
