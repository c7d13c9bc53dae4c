import type { StorybookConfig } from '@storybook/react-vite';

// One Storybook for the whole repository: every package's `*.stories.tsx`.
// Workspace packages resolve to their built `dist` (build them first).
const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
};

export default config;
