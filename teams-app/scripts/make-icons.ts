/**
 * Draws Rebound's two Teams icons into appPackage/ (run: node --import tsx scripts/make-icons.ts).
 * The PNGs are committed; re-run this only when the mark changes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './app-package/icons';
import { APP_PACKAGE_DIR } from './app-package/paths';
import { encodePng } from './app-package/png';

const targets = [
  ['color.png', encodePng(drawColorIcon())],
  ['outline.png', encodePng(drawOutlineIcon())],
] as const;
for (const [name, png] of targets) {
  writeFileSync(path.join(APP_PACKAGE_DIR, name), png);
  console.log(`wrote appPackage/${name} (${png.length} bytes)`);
}
