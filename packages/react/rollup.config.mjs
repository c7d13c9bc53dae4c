import { copyFile, mkdir } from 'node:fs/promises';
import { libraryConfig } from '@kpikit/build-config/rollup';

// Rollup drops module-level directives; the entry gets its "use client" back as a banner,
// so React Server Components frameworks treat the widgets as client components.
const useClient = (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : '');

function onwarn(warning, warn) {
  // The directive is put back by the banner; its warning comes with a sourcemap warning about the same spot.
  if ((warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') && warning.id?.endsWith('src/index.ts')) return;
  warn(warning);
}

/** Ships the stylesheet as `dist/styles.css` (`@kpikit/react/styles.css`). */
const stylesheet = {
  name: 'kpikit-stylesheet',
  async writeBundle() {
    await mkdir('dist', { recursive: true });
    await copyFile('src/styles.css', 'dist/styles.css');
  },
};

export default libraryConfig({ banner: useClient, onwarn, plugins: [stylesheet], jsx: true });
