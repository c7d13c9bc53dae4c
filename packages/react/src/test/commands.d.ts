import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Emulates `prefers-reduced-motion` / `prefers-color-scheme` for the page under test. */
    emulateMedia(features: { reducedMotion?: 'reduce' | 'no-preference' | null; colorScheme?: 'light' | 'dark' | null }): Promise<void>;
  }
}
