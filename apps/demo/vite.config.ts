import { defineConfig } from 'vite';

// The demo is a static page plus one module worker; `npm start` builds it and
// serves the build on loopback.
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // '@kpikit/react' marks itself 'use client' for server-component frameworks; a client-only bundle has no use for it.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
