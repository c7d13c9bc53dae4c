import { chromiumLaunchOptions } from '@kpikit/build-config/chromium';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// Story tests live in .storybook/vitest.config.ts (run from the repository root).

// Debian's chromium (apt), never a downloaded browser build: see @kpikit/build-config/chromium.
const chromium = () =>
  playwright({
    launchOptions: chromiumLaunchOptions,
  });

type MediaFeatures = { readonly reducedMotion?: 'reduce' | 'no-preference' | null; readonly colorScheme?: 'light' | 'dark' | null };

/** Emulates media features (`prefers-reduced-motion`, `prefers-color-scheme`) from a test. */
const emulateMedia: BrowserCommand<[MediaFeatures]> = async (context, features) => {
  if (context.provider.name !== 'playwright') throw new Error('emulateMedia needs the playwright provider');
  const { page } = context as unknown as { page: { emulateMedia(options: MediaFeatures): Promise<void> } };
  await page.emulateMedia(features);
};

const browser = (instances = [{ browser: 'chromium' as const }]) => ({
  enabled: true,
  headless: true,
  provider: chromium(),
  instances,
  screenshotFailures: false,
  commands: { emulateMedia },
});

export default defineConfig({
  test: {
    projects: [
      {
        // Server rendering: no DOM, as in a Node SSR framework.
        test: {
          name: 'ssr',
          include: ['src/**/*.ssr.test.tsx'],
          environment: 'node',
          // Rendering a 104 × 104 grid to a string takes about a second, and several on 2 cores shared with other suites.
          testTimeout: 30_000,
        },
      },
      {
        // Component tests in a real Chromium: layout, container queries, focus and media features are real.
        // React's entry points are pre-bundled together, so that the server renderer and the client share one React.
        optimizeDeps: {
          include: ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client', 'react-dom/server', '@testing-library/react'],
        },
        test: {
          name: 'components',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.ssr.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
          browser: browser(),
        },
      },
    ],
  },
});
