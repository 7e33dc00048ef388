import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig(
  packageBuild(
    {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'fixtures/card-fixtures': 'src/fixtures/card-fixtures.ts',
      'host-configs': 'src/host-configs.ts',
    },
    // The testing helpers drive the caller's own Chromium and renderer; never bundle them.
    { external: ['playwright-core', 'adaptivecards', 'markdown-it'] },
  ),
);
