import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/dev/playground';
import { createLogger, logFormatFor } from '../src/logger';

const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('log format', () => {
  it('is pretty in a terminal during development and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(logFormatFor({}, true)).toBe('pretty');
    expect(logFormatFor({ NODE_ENV: 'development' }, true)).toBe('pretty');
    expect(logFormatFor({ NODE_ENV: 'production' }, true)).toBe('json');
    expect(logFormatFor({}, false)).toBe('json');
    expect(logFormatFor({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(logFormatFor({ LOG_FORMAT: ' JSON ', NODE_ENV: 'development' }, true)).toBe('json');
    expect(logFormatFor({ LOG_FORMAT: 'pretty', NODE_ENV: 'production' }, false)).toBe('pretty');
    expect(logFormatFor({ LOG_FORMAT: '' }, false)).toBe('json');
  });

  it('refuses an unknown LOG_FORMAT, naming the setting and its values', () => {
    expect(() => logFormatFor({ LOG_FORMAT: 'yaml' }, true)).toThrow(/^LOG_FORMAT: set it to pretty or json/);
    expect(() => logFormatFor({ LOG_FORMAT: 'constructor' }, true)).toThrow(/LOG_FORMAT/);
  });

  it('writes one JSON object a line, with credentials redacted', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', { destination });
    logger.info({ headers: { authorization: 'Bearer secret-token' } }, 'hello');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '');
    expect(entry).toMatchObject({ msg: 'hello', service: 'rebound-bot', headers: { authorization: '[redacted]' } });
    expect(lines[0]).not.toContain('secret-token');
  });
});

// The bot as `npm run start:bot` runs it, in its own process: pretty logs, no deprecation warning at start,
// and SIGINT (Ctrl+C) closes the server and the store and says so. One process start costs about 6 s of CPU:
// 51 s measured beside four CPU-bound loops (load average 15), hence the budget.
describe('the bot process', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebound-bot-process-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('logs readable lines, starts without a deprecation warning and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: APP_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        REBOUND_DATABASE_URL: `sqlite:${path.join(dir, 'rebound.sqlite')}`,
        REBOUND_SCHEDULER: 'off',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'pretty',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = once(child, 'exit');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Rebound bot listening')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the bot ended (${code}): ${stderr}`)));
    });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    child.kill('SIGINT');
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
    expect(stderr).not.toMatch(/DeprecationWarning/);
    expect(stdout).toMatch(/INFO.*Rebound bot listening on http:\/\/127\.0\.0\.1:\d+\/api\/messages/);
    expect(stdout).toMatch(/INFO.*Rebound bot stopped: server and store closed/);
    expect(stdout.split('\n').filter((line) => line.trimStart().startsWith('{"'))).toEqual([]);
  }, 180_000);
});
