import os from 'node:os';

/** One line that says what machine a result came from. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export interface Timing {
  name: string;
  /** Mean nanoseconds per operation over the measured rounds (best round: the least disturbed by noise). */
  nsPerOp: number;
  ops: number;
}

/**
 * Runs `op` `iterations` times per round, `rounds` times, after a warm-up, and keeps the fastest round. Async
 * ops are awaited one at a time.
 */
export async function measure(
  name: string,
  op: (i: number) => unknown,
  iterations: number,
  rounds = 5,
): Promise<Timing> {
  let i = 0;
  for (let w = 0; w < Math.min(iterations, 2000); w++) await op(i++);
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let n = 0; n < iterations; n++) await op(i++);
    const ns = Number(process.hrtime.bigint() - start) / iterations;
    best = Math.min(best, ns);
  }
  return { name, nsPerOp: best, ops: iterations };
}

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const us = (ns: number) => (ns / 1000).toFixed(2);
