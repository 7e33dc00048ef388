import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltPackage, buildAppPackage } from '../scripts/app-package/build';
import { fillPlaceholders, parseEnvFile } from '../scripts/app-package/env-file';
import { drawColorIcon, drawOutlineIcon } from '../scripts/app-package/icons';
import { APP_PACKAGE_DIR, TEAMS_APP_DIR } from '../scripts/app-package/paths';
import { decodePng, encodePng, readPngHeader } from '../scripts/app-package/png';
import {
  AppPackageError,
  commandRuleErrors,
  escapeLoneBrackets,
  iconErrors,
  loadBundledSchema,
} from '../scripts/app-package/validate';
import { readZip, writeZip } from '../scripts/app-package/zip';

type Json = Record<string, unknown>;
interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}

/** `${{NAME}}`, spelled so that it is not mistaken for a template literal. */
const placeholder = (name: string) => '$' + '{{' + name + '}}';

const ALL_COMMANDS = ['log', 'checkin', 'mine', 'inbox', 'me', 'settings', 'export', 'erase', 'help'];
const JA_TITLES = ['記録', '振り返り', '記録一覧', '受信箱', 'わたし', '設定', 'エクスポート', '削除', 'ヘルプ'];

const readJson = (file: string): Json => JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, file), 'utf8'));
const localEnv = parseEnvFile(readFileSync(path.join(TEAMS_APP_DIR, 'env/.env.local'), 'utf8'));
const filledManifest = (): Json =>
  JSON.parse(fillPlaceholders(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'), localEnv).text);
const commandListsOf = (manifest: Json): CommandList[] =>
  (manifest.bots as { commandLists: CommandList[] }[])[0]!.commandLists;

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'rebound-app-package-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the manifest', () => {
  it('uses schema 1.22 or newer', () => {
    const manifest = readJson('manifest.json');
    expect(Number.parseFloat(manifest.manifestVersion as string)).toBeGreaterThanOrEqual(1.22);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  });

  it('filled from env/.env.local validates against the schema bundled in @microsoft/app-manifest, offline', async () => {
    const manifest = filledManifest();
    const schema = loadBundledSchema(manifest.$schema as string);
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema)).toEqual([]);
  });

  it('fails schema validation when the bot id is not a GUID, so the check above can fail', async () => {
    const manifest = filledManifest();
    (manifest.bots as Json[])[0]!.botId = 'not-a-guid';
    const errors = await AppManifestUtils.validateAgainstSchema(
      manifest as never,
      loadBundledSchema(manifest.$schema as string),
    );
    expect(errors.join('\n')).toMatch(/botId/);
  });

  it('takes the bot id, privacy and terms URLs and valid domain from the env file', () => {
    const template = readJson('manifest.json');
    expect((template.bots as Json[])[0]!.botId).toBe(placeholder('BOT_ID'));
    const developer = template.developer as Json;
    expect(developer.privacyUrl).toBe(placeholder('PRIVACY_URL'));
    expect(developer.termsOfUseUrl).toBe(placeholder('TERMS_URL'));
    const filled = filledManifest();
    expect((filled.bots as Json[])[0]!.botId).toBe(localEnv.BOT_ID);
    expect((filled.developer as Json).privacyUrl).toBe(localEnv.PRIVACY_URL);
    expect(filled.validDomains).toEqual([localEnv.BOT_DOMAIN]);
  });

  it('offers every command in personal chat and only log, checkin and help in a team, at most 10 per list', () => {
    const manifest = readJson('manifest.json');
    expect((manifest.bots as Json[])[0]!.scopes).toEqual(['personal', 'team']);
    const lists = commandListsOf(manifest);
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(10);
    const personal = lists.find((l) => l.scopes.includes('personal'))!;
    const team = lists.find((l) => l.scopes.includes('team'))!;
    expect(personal.scopes).toEqual(['personal']);
    expect(personal.commands.map((c) => c.title)).toEqual(ALL_COMMANDS);
    expect(team.commands.map((c) => c.title)).toEqual(['log', 'checkin', 'help']);
    for (const personalOnly of ['mine', 'me', 'export', 'erase']) {
      const listsWithIt = lists.filter((l) => l.commands.some((c) => c.title === personalOnly));
      expect(listsWithIt.map((l) => l.scopes)).toEqual([['personal']]);
    }
    expect(commandRuleErrors(manifest)).toEqual([]);
  });

  it('refuses a team list that carries a personal-only command or more than 10 commands', () => {
    const manifest = readJson('manifest.json');
    const [personal, team] = commandListsOf(manifest);
    team!.commands.push({ title: 'export' });
    personal!.commands.push({ title: 'a' }, { title: 'b' });
    const errors = commandRuleErrors(manifest);
    expect(errors).toContain('command "export" is personal only but listed for team');
    expect(errors).toContain('command list 0 has 11 commands; at most 10 are allowed');
  });
});

describe('the Japanese localization file', () => {
  const ja = readJson('ja-jp.json');

  it('is declared in localizationInfo next to the en-us default', () => {
    expect(readJson('manifest.json').localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'ja-jp', file: 'ja-jp.json' }],
    });
  });

  it('validates against the bundled localization schema', async () => {
    const schema = loadBundledSchema(ja.$schema as string);
    expect(await AppManifestUtils.validateAgainstSchema(ja as never, schema)).toEqual([]);
    const tooLong = { ...ja, 'name.short': 'あ'.repeat(31) };
    expect((await AppManifestUtils.validateAgainstSchema(tooLong as never, schema)).join('\n')).toMatch(/name\.short/);
  });

  it('gives every command a Japanese title from the glossary, in the order of the manifest', () => {
    const lists = commandListsOf(readJson('manifest.json'));
    const titles = lists.map((list, i) =>
      list.commands.map((_, j) => ja[`bots[0].commandLists[${i}].commands[${j}].title`]),
    );
    expect(titles[0]).toEqual(JA_TITLES);
    expect(titles[1]).toEqual(['記録', '振り返り', 'ヘルプ']);
    lists.forEach((list, i) => {
      list.commands.forEach((_, j) => {
        const description = ja[`bots[0].commandLists[${i}].commands[${j}].description`];
        expect(description).toMatch(/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u);
      });
    });
    expect(ja['description.short']).toMatch(/です。$/);
  });

  it('escaping a lone ] keeps the pattern meaning and lets it compile with the u flag', () => {
    const pattern = String.raw`^activities.activityTypes\[\b([0-9]|1[01][0-9])\b]\.description$`;
    expect(() => new RegExp(pattern, 'u')).toThrow();
    const escaped = escapeLoneBrackets(pattern);
    expect(new RegExp(escaped, 'u').test('activities.activityTypes[7].description')).toBe(true);
    expect(new RegExp(pattern).test('activities.activityTypes[7].description')).toBe(true);
    expect(escapeLoneBrackets('[^\\]]+]')).toBe('[^\\]]+\\]');
  });
});

describe('the icons', () => {
  const color = readFileSync(path.join(APP_PACKAGE_DIR, 'color.png'));
  const outline = readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'));

  it('are a 192x192 colour PNG and a 32x32 outline PNG, as their IHDR says', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192, bitDepth: 8 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('the colour icon is fully opaque and the outline icon is white on transparent', () => {
    const colorPixels = decodePng(color).pixels;
    for (let i = 3; i < colorPixels.length; i += 4) expect(colorPixels[i]).toBe(255);
    const { pixels } = decodePng(outline);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque++;
    }
    expect(transparent).toBeGreaterThan(pixels.length / 4 / 2);
    expect(opaque).toBeGreaterThan(50);
    expect(iconErrors({ color, outline })).toEqual([]);
  });

  it('are exactly what scripts/make-icons.ts draws (no downloaded images)', () => {
    expect(encodePng(drawColorIcon()).equals(color)).toBe(true);
    expect(encodePng(drawOutlineIcon()).equals(outline)).toBe(true);
  });

  it('refuses swapped icons and an outline icon that is not white', () => {
    expect(iconErrors({ color: outline, outline: color })).toEqual([
      'color icon is 32x32, not 192x192',
      'outline icon is 192x192, not 32x32',
    ]);
    const tinted = drawOutlineIcon();
    for (let i = 0; i < tinted.pixels.length; i += 4) tinted.pixels[i + 2] = 0;
    expect(iconErrors({ color, outline: encodePng(tinted) })[0]).toMatch(/visible pixels that are not white/);
  });
});

describe('pnpm package', () => {
  let built: BuiltPackage;
  beforeAll(async () => {
    built = await buildAppPackage({ envFile: path.join(TEAMS_APP_DIR, 'env/.env.local'), outDir: workDir });
  });

  it('writes rebound-local.zip that opens and holds the manifest, the ja-jp file and both icons', () => {
    expect(path.basename(built.zipPath)).toBe('rebound-local.zip');
    const entries = readZip(readFileSync(built.zipPath));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'ja-jp.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
    expect(JSON.stringify(manifest)).not.toContain('$' + '{{');
    expect(manifest.id).toBe(localEnv.TEAMS_APP_ID);
    expect(
      entries.find((e) => e.name === 'color.png')!.data.equals(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png'))),
    ).toBe(true);
  });

  it('builds every committed environment: local, dev and playground', async () => {
    for (const env of ['dev', 'playground']) {
      const result = await buildAppPackage({ envFile: path.join(TEAMS_APP_DIR, `env/.env.${env}`), outDir: workDir });
      expect(path.basename(result.zipPath)).toBe(`rebound-${env}.zip`);
    }
  });

  it('refuses to build, naming the placeholder, when the env file leaves one unfilled or blank', async () => {
    const envFile = path.join(workDir, '.env.broken');
    const env = readFileSync(path.join(TEAMS_APP_DIR, 'env/.env.local'), 'utf8')
      .replace(/^BOT_ID=.*$/m, '')
      .replace(/^TERMS_URL=.*$/m, 'TERMS_URL=   ');
    writeFileSync(envFile, env);
    const outDir = path.join(workDir, 'broken-out');
    const error = await buildAppPackage({ envFile, outDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppPackageError);
    expect([...(error as AppPackageError).problems].sort()).toEqual([placeholder('BOT_ID'), placeholder('TERMS_URL')]);
    expect((error as Error).message).toContain('unfilled');
    expect(() => readFileSync(path.join(outDir, 'rebound-broken.zip'))).toThrow();
  });

  it('refuses to build a package whose manifest breaks the schema', async () => {
    const sourceDir = path.join(workDir, 'bad-source');
    cpSync(APP_PACKAGE_DIR, sourceDir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
    const manifestPath = path.join(sourceDir, 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"accentColor": "#2E7D74",', ''));
    const error = await buildAppPackage({
      envFile: path.join(TEAMS_APP_DIR, 'env/.env.local'),
      outDir: workDir,
      sourceDir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppPackageError);
    expect((error as AppPackageError).problems.join('\n')).toMatch(/accentColor/);
  });
});

describe('the zip writer', () => {
  it('round-trips names and bytes through the central directory', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'ja-jp.json', data: Buffer.from('{"name.short":"記録"}') },
      { name: 'empty', data: Buffer.alloc(0) },
    ];
    const back = readZip(writeZip(entries));
    expect(back.map((e) => [e.name, Buffer.from(e.data).toString('utf8')])).toEqual(
      entries.map((e) => [e.name, e.data.toString('utf8')]),
    );
  });
});
