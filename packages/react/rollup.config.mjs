import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

const input = 'src/index.ts';
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

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

export default defineConfig([
  {
    input,
    external,
    onwarn,
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.build.json', jsx: 'automatic' }), stylesheet],
    output: [
      {
        dir: 'dist/esm',
        format: 'es',
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: useClient,
        sourcemap: true,
      },
      {
        dir: 'dist/cjs',
        format: 'cjs',
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].cjs',
        exports: 'named',
        banner: useClient,
        sourcemap: true,
      },
    ],
  },
  {
    input,
    external,
    onwarn,
    plugins: [dts({ tsconfig: 'tsconfig.build.json' })],
    output: [{ file: 'dist/index.d.ts' }, { file: 'dist/index.d.cts' }],
  },
]);
