// Tone review throughput: reviewTone on 10,000 drafts of 200 characters per language, against a baseline of one
// precompiled RegExp test over the same drafts in the same process.
//   cd bench && node --import tsx src/tone-review.ts
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Imported from source: the plain `node --import tsx` run does not use the workspace "source" condition.
import type { Locale } from '../../packages/core/src/i18n/catalog';
import enDev from '../../packages/core/src/rules/tone/corpus/en.dev.json' with { type: 'json' };
import enHeldout from '../../packages/core/src/rules/tone/corpus/en.heldout.json' with { type: 'json' };
import jaDev from '../../packages/core/src/rules/tone/corpus/ja.dev.json' with { type: 'json' };
import jaHeldout from '../../packages/core/src/rules/tone/corpus/ja.heldout.json' with { type: 'json' };
import { reviewTone } from '../../packages/core/src/rules/tone/index';
import { machineLine, median, mulberry32 } from './tone-bench-support';

const MESSAGES = 10_000;
const LENGTH = 200;
const ROUNDS = 7;
const TARGET_PER_SECOND = 20_000;

const corpus: Record<Locale, string[]> = {
  ja: [...jaDev, ...jaHeldout].map((e) => e.text),
  en: [...enDev, ...enHeldout].map((e) => e.text),
};

// The baseline: what a single keyword check costs. It knows nothing of width, kana, negation or spans.
const baselinePattern: Record<Locale, RegExp> = {
  ja: /頑張れ|ノルマ|気にしすぎ|あなたのせい|比べ/,
  en: /try harder|quota|sensitive|your fault|compare/i,
};

/** Corpus messages joined in a seeded order until the draft is exactly 200 characters. */
function generateDrafts(locale: Locale): string[] {
  const random = mulberry32(locale === 'ja' ? 3 : 5);
  const pool = corpus[locale];
  const separator = locale === 'ja' ? '' : ' ';
  const drafts: string[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    let draft = '';
    while (draft.length < LENGTH) draft += pool[Math.floor(random() * pool.length)] + separator;
    drafts.push(draft.slice(0, LENGTH));
  }
  return drafts;
}

interface Timing {
  /** Median wall-clock seconds of one round. */
  seconds: number;
  /** Median process CPU seconds (user + system) of one round: what the work costs, whatever else runs. */
  cpuSeconds: number;
  checksum: number;
}

function timeRounds(run: () => number): Timing {
  run(); // warm-up: JIT and regex compilation
  const wall: number[] = [];
  const cpu: number[] = [];
  let checksum = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const cpuStart = process.cpuUsage();
    const started = process.hrtime.bigint();
    checksum = run();
    wall.push(Number(process.hrtime.bigint() - started) / 1e9);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { seconds: median(wall), cpuSeconds: median(cpu), checksum };
}

const rate = (seconds: number) => Math.round(MESSAGES / seconds).toLocaleString('en');

const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(', ');
const rows: string[] = [];
let allMet = true;
for (const locale of ['ja', 'en'] as const) {
  const drafts = generateDrafts(locale);
  const tone = timeRounds(() => {
    let findings = 0;
    for (const draft of drafts) findings += reviewTone(draft, { locale }).findings.length;
    return findings;
  });
  const pattern = baselinePattern[locale];
  const baseline = timeRounds(() => {
    let hits = 0;
    for (const draft of drafts) if (pattern.test(draft)) hits++;
    return hits;
  });
  const wallMet = MESSAGES / tone.seconds >= TARGET_PER_SECOND;
  const cpuMet = MESSAGES / tone.cpuSeconds >= TARGET_PER_SECOND;
  allMet &&= cpuMet;
  rows.push(
    `| ${locale} | ${MESSAGES.toLocaleString('en')} × ${LENGTH} | ${rate(tone.seconds)} | ${rate(tone.cpuSeconds)} | ` +
      `${rate(baseline.seconds)} | ${(tone.seconds / baseline.seconds).toFixed(0)}× | ` +
      `${(tone.checksum / MESSAGES).toFixed(2)} | ${TARGET_PER_SECOND.toLocaleString('en')} | ` +
      `${wallMet ? 'met' : 'NOT met'} | ${cpuMet ? 'met' : 'NOT met'} |`,
  );
}

const report = [
  '# Tone review benchmark',
  '',
  `Machine: ${machineLine()}; load average when the run started: ${loadAtStart}`,
  '',
  `\`reviewTone\` over ${MESSAGES.toLocaleString('en')} generated drafts of ${LENGTH} characters per language ` +
    '(corpus messages joined in a seeded order, so most drafts contain several harmful phrases), ' +
    `median of ${ROUNDS} rounds after a warm-up. Baseline in the same process: one precompiled RegExp \`test\` ` +
    'per draft over the same drafts (a keyword check with no normalisation, negation handling or spans). ' +
    'Wall-clock rates depend on what else the machine runs (see the load average); the CPU-second rate is the ' +
    "process's own user + system time, so it stays meaningful on a busy machine. Single-threaded.",
  '',
  '| language | drafts | reviewTone msgs/s (wall, median) | reviewTone msgs per CPU-second (median) | baseline RegExp msgs/s (wall, median) | reviewTone time / baseline time | findings per draft | target msgs/s | target, wall | target, CPU |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ...rows,
  '',
  'Run: `cd bench && node --import tsx src/tone-review.ts`',
  '',
].join('\n');

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports', 'tone.md');
writeFileSync(out, report);
console.log(report);
if (!allMet) process.exitCode = 1;
