import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** teams-app/ */
export const TEAMS_APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** teams-app/appPackage/: manifest template, localization file and icons. */
export const APP_PACKAGE_DIR = path.join(TEAMS_APP_DIR, 'appPackage');
/** Where built zips go (git-ignored). */
export const BUILD_DIR = path.join(APP_PACKAGE_DIR, 'build');
