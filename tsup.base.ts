import type { Options } from 'tsup';

/** The one build config every package spreads: ESM + CJS + type declarations, from src/ into dist/. */
export function packageBuild(entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: false,
    treeshake: true,
    outDir: 'dist',
    ...extra,
  };
}
