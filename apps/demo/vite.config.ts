import { defineConfig } from 'vite';
import { firstScreenPlugin } from './build/firstScreenPlugin.ts';
import { DEFAULT_COMPUTE_CONTROLS } from './src/dashboard/controls.ts';

// The demo is a static page plus one module worker; `npm start` builds it and
// serves the build on loopback. The build computes the sample's first screen,
// so the page draws it before its worker has made the sample.
export default defineConfig({
  base: './',
  plugins: [firstScreenPlugin(DEFAULT_COMPUTE_CONTROLS)],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // Making the sample to compute the first screen takes its seconds on purpose (the plugin says how long).
      checks: { bundlerTimings: false },
      // '@kpikit/react' marks itself 'use client' for server-component frameworks; a client-only bundle has no use for it.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
