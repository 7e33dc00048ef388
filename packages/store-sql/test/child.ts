import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

/** Starts `test/fixtures/<script>` in its own Node process (TypeScript through tsx, workspace sources). */
export function startFixture(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(here, 'fixtures', script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the child's stdout once it exits with code 0; rejects with its stderr otherwise. */
export function finished(child: ChildProcess): Promise<string> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`child exited with ${code ?? signal}: ${err.slice(-2000)}`)),
    );
  });
}
