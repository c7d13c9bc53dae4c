import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@kpikit/build-config/chromium';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Story tests: every story renders in a real Chromium and the a11y addon runs axe
// on it; a violation fails the test. Run from the repository root (Storybook
// resolves story files against the working directory):
//   vitest run --config .storybook/vitest.config.ts
const configDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  plugins: [storybookTest({ configDir })],
  test: {
    name: 'stories',
    root: path.join(configDir, '..'),
    browser: {
      enabled: true,
      headless: true,
      // Debian's chromium (apt), never a downloaded browser build.
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
      }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
});
