import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fillPlaceholders, parseEnvFile } from './env-file';
import { APP_PACKAGE_DIR, BUILD_DIR } from './paths';
import { AppPackageError, commandRuleErrors, iconErrors, localizationKeyErrors, schemaErrors } from './validate';
import { writeZip, type ZipEntry } from './zip';

export interface BuildOptions {
  /** The env file whose values fill the `${{...}}` placeholders, e.g. `env/.env.local`. */
  envFile: string;
  /** Where the zip goes; default `appPackage/build`. */
  outDir?: string;
  /** Where manifest.json, the localization files and the icons are; default `appPackage`. */
  sourceDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  envName: string;
  manifest: Record<string, unknown>;
  entries: ZipEntry[];
}

/** `env/.env.local` → `local`; any other file name is used as it is, without a leading `.env.`. */
export function envNameOf(envFile: string): string {
  const base = path.basename(envFile);
  return base.startsWith('.env.') ? base.slice('.env.'.length) : base.replace(/^\./, '');
}

function parseJson(text: string, file: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    throw new AppPackageError(`${file} is not valid JSON after filling placeholders`, [String(cause)]);
  }
}

/**
 * Fills the manifest and its localization files from an env file, validates everything against the
 * schemas bundled in @microsoft/app-manifest and our own rules, and writes `rebound-<env>.zip`.
 * Nothing is written when anything is wrong.
 */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const sourceDir = options.sourceDir ?? APP_PACKAGE_DIR;
  const outDir = options.outDir ?? BUILD_DIR;
  let envText: string;
  try {
    envText = readFileSync(options.envFile, 'utf8');
  } catch {
    throw new AppPackageError(`cannot read the env file ${options.envFile}`);
  }
  const values = parseEnvFile(envText);

  const manifestFilled = fillPlaceholders(readFileSync(path.join(sourceDir, 'manifest.json'), 'utf8'), values);
  const templateManifest = parseJson(manifestFilled.text, 'manifest.json');
  const languageFiles = (
    (templateManifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined)
      ?.additionalLanguages ?? []
  ).map((l) => l.file);
  const localizations = languageFiles.map((file) => ({
    file,
    filled: fillPlaceholders(readFileSync(path.join(sourceDir, file), 'utf8'), values),
  }));

  const missing = [...new Set([...manifestFilled.missing, ...localizations.flatMap((l) => l.filled.missing)])];
  if (missing.length > 0) {
    throw new AppPackageError(
      `not building the app package: ${options.envFile} leaves these placeholders unfilled (add them to it):`,
      missing.map((name) => `\${{${name}}}`),
    );
  }

  const manifest = templateManifest;
  const problems = [
    ...(await schemaErrors(manifest)).map((e) => `manifest.json: ${e}`),
    ...commandRuleErrors(manifest).map((e) => `manifest.json: ${e}`),
  ];
  for (const { file, filled } of localizations) {
    const localization = parseJson(filled.text, file);
    problems.push(...(await schemaErrors(localization)).map((e) => `${file}: ${e}`));
    problems.push(...localizationKeyErrors(manifest, localization).map((e) => `${file}: ${e}`));
  }
  const iconFiles = manifest.icons as { color: string; outline: string };
  const color = readFileSync(path.join(sourceDir, iconFiles.color));
  const outline = readFileSync(path.join(sourceDir, iconFiles.outline));
  problems.push(...iconErrors({ color, outline }));
  if (problems.length > 0) throw new AppPackageError('not building the app package: it does not validate', problems);

  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(manifestFilled.text, 'utf8') },
    ...localizations.map(({ file, filled }) => ({ name: file, data: Buffer.from(filled.text, 'utf8') })),
    { name: iconFiles.color, data: color },
    { name: iconFiles.outline, data: outline },
  ];
  const envName = envNameOf(options.envFile);
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `rebound-${envName}.zip`);
  writeFileSync(zipPath, writeZip(entries));
  return { zipPath, envName, manifest, entries };
}
