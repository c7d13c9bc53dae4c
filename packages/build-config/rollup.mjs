import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

const input = 'src/index.ts';
// Dependencies and peers stay imports: the consumer's bundler resolves them once.
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/**
 * The build of a kpikit package: `src/index.ts` to ESM (`dist/esm/**.js`) and
 * CJS (`dist/cjs/**.cjs`) with one file per module, so bundlers tree-shake what
 * a caller does not import, plus bundled `dist/index.d.ts` and `.d.cts`.
 *
 * @param {{ banner?: import('rollup').OutputOptions['banner'], onwarn?: import('rollup').RollupOptions['onwarn'], plugins?: import('rollup').Plugin[], jsx?: boolean }} [options]
 * @returns {import('rollup').RollupOptions[]}
 */
export function libraryConfig({ banner, onwarn, plugins = [], jsx = false } = {}) {
  const modules = { preserveModules: true, preserveModulesRoot: 'src', sourcemap: true, ...(banner ? { banner } : {}) };
  return [
    {
      input,
      external,
      ...(onwarn ? { onwarn } : {}),
      plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.build.json', ...(jsx ? { jsx: 'automatic' } : {}) }), ...plugins],
      output: [
        { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', ...modules },
        { dir: 'dist/cjs', format: 'cjs', entryFileNames: '[name].cjs', exports: 'named', ...modules },
      ],
    },
    {
      input,
      external,
      ...(onwarn ? { onwarn } : {}),
      plugins: [dts({ tsconfig: 'tsconfig.build.json' })],
      output: [{ file: 'dist/index.d.ts' }, { file: 'dist/index.d.cts' }],
    },
  ];
}
