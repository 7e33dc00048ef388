import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { decodePng, readPngHeader } from './png';

/** A packaging problem meant for the developer or admin running the build (English only, like the CLI). */
export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
  }
}

/** Commands that only make sense in a 1:1 chat with the bot: they show or change one person's data. */
export const PERSONAL_ONLY_COMMANDS = ['mine', 'me', 'export', 'erase'] as const;
/** Our limit per command list (DESIGN.md). Schemas 1.25+ allow 12; 10 keeps older Teams clients happy. */
export const MAX_COMMANDS_PER_LIST = 10;

const SCHEMA_HOST = 'https://developer.microsoft.com/';

/** A JSON schema as validateAgainstSchema takes it (the package types it as the manifest's own schema). */
export type BundledSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * The schema a `$schema` URL names, read from the copy bundled in `@microsoft/app-manifest`, so validation
 * never goes to the network. A schema the package does not bundle is refused.
 */
export function loadBundledSchema(schemaUrl: string): BundledSchema {
  const localized = /^https:\/\/developer\.microsoft\.com\/[a-z]{2}(?:-[a-z]{2})?\/json-schemas\//i;
  const normalized = schemaUrl.replace(localized, `${SCHEMA_HOST}json-schemas/`);
  if (!normalized.startsWith(`${SCHEMA_HOST}json-schemas/teams/`)) {
    throw new AppPackageError(`$schema ${schemaUrl} is not a Teams schema URL`);
  }
  const buildDir = path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const file = path.join(buildDir, normalized.slice(SCHEMA_HOST.length));
  let schema: Record<string, unknown>;
  try {
    // The same clean-up the package does before parsing: some schemas carry \a and \v escapes.
    schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  } catch (cause) {
    throw new AppPackageError(`$schema ${schemaUrl} is not bundled in @microsoft/app-manifest`, [String(cause)]);
  }
  return withUnicodeSafePatterns(schema) as BundledSchema;
}

/**
 * Escapes a `]` that closes no character class. Such a `]` means itself in plain JavaScript regular
 * expressions but is a syntax error with the `u` flag, which ajv uses. Every bundled Localization schema
 * (1.22 to 1.30) has such patterns (`activityTypes\[\b(...)\b]`), so without this the package's own
 * validateAgainstSchema throws instead of validating a localization file. The meaning does not change.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (c === ']') {
      out += '\\]';
    } else {
      out += c;
    }
  }
  return out;
}

function withUnicodeSafePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withUnicodeSafePatterns);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([pattern, sub]) => [escapeLoneBrackets(pattern), withUnicodeSafePatterns(sub)]),
      );
    } else if (key === 'pattern' && typeof value === 'string') {
      out[key] = escapeLoneBrackets(value);
    } else {
      out[key] = withUnicodeSafePatterns(value);
    }
  }
  return out;
}

/** Schema errors of a JSON document (manifest or localization file) against its own bundled `$schema`. */
export async function schemaErrors(document: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = document.$schema;
  if (typeof schemaUrl !== 'string') return ['$schema is missing'];
  const schema = loadBundledSchema(schemaUrl);
  // biome-ignore lint/suspicious/noExplicitAny: the package types the argument as its own manifest shape.
  return AppManifestUtils.validateAgainstSchema(document as any, schema);
}

interface CommandList {
  scopes: string[];
  commands: { title: string }[];
}

function commandLists(manifest: Record<string, unknown>): CommandList[] {
  const bots = (manifest.bots ?? []) as { commandLists?: CommandList[] }[];
  return bots.flatMap((bot) => bot.commandLists ?? []);
}

/** Our rules beyond the schema: command list sizes and personal-only commands. */
export function commandRuleErrors(manifest: Record<string, unknown>): string[] {
  const errors: string[] = [];
  commandLists(manifest).forEach((list, i) => {
    if (list.commands.length > MAX_COMMANDS_PER_LIST) {
      errors.push(
        `command list ${i} has ${list.commands.length} commands; at most ${MAX_COMMANDS_PER_LIST} are allowed`,
      );
    }
    const shared = list.scopes.some((scope) => scope !== 'personal');
    for (const command of list.commands) {
      if (shared && (PERSONAL_ONLY_COMMANDS as readonly string[]).includes(command.title)) {
        errors.push(`command "${command.title}" is personal only but listed for ${list.scopes.join(', ')}`);
      }
    }
  });
  return errors;
}

/** Localization keys must point at commands that exist, or Teams rejects the package. */
export function localizationKeyErrors(
  manifest: Record<string, unknown>,
  localization: Record<string, unknown>,
): string[] {
  const lists = commandLists(manifest);
  const errors: string[] = [];
  for (const key of Object.keys(localization)) {
    const match = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.\w+$/.exec(key);
    if (match && !lists[Number(match[1])]?.commands[Number(match[2])]) {
      errors.push(`localization key ${key} names a command the manifest does not have`);
    }
  }
  return errors;
}

export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Size and format checks Teams makes on upload: colour 192x192, outline 32x32 white on transparent. */
export function iconErrors(icons: { color: Uint8Array; outline: Uint8Array }): string[] {
  const errors: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    try {
      const { width, height } = readPngHeader(icons[kind]);
      const size = ICON_SIZES[kind];
      if (width !== size || height !== size) errors.push(`${kind} icon is ${width}x${height}, not ${size}x${size}`);
    } catch (error) {
      errors.push(`${kind} icon: ${(error as Error).message}`);
    }
  }
  if (errors.length === 0) {
    const { pixels } = decodePng(icons.outline);
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) notWhite++;
    }
    if (notWhite > 0) errors.push(`outline icon has ${notWhite} visible pixels that are not white`);
    if (transparent === 0) errors.push('outline icon has no transparent background');
  }
  return errors;
}
