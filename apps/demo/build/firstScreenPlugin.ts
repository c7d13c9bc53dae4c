import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { ComputeControls } from '../src/dashboard/controls.ts';
import type * as Builder from './firstScreen.ts';

/** Computes the first screen; loaded through vite's module runner at build time only, so the config stays small. */
const BUILDER = fileURLToPath(new URL('./firstScreen.ts', import.meta.url));

/** The module the page imports the first screen from. */
export const FIRST_SCREEN_MODULE = 'virtual:kpikit-first-screen';
const RESOLVED = `\0${FIRST_SCREEN_MODULE}`;

/**
 * Computes the sample's first screen at build time (see `firstScreen.ts`)
 * and hands it to the page as `import firstScreen from
 * 'virtual:kpikit-first-screen'`, a few kilobytes of JSON in the page's
 * bundle. The dev server gives `null` (the page then waits for its worker,
 * as with any other data), so it starts without making the sample.
 */
export function firstScreenPlugin(controls: ComputeControls): Plugin {
  let building = false;
  return {
    name: 'kpikit-first-screen',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(source) {
      return source === FIRST_SCREEN_MODULE ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      if (!building) return 'export default null;';
      const { module } = await runnerImport<typeof Builder>(BUILDER, { configFile: false, logLevel: 'warn' });
      const built = module.buildFirstScreen(controls);
      const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
      this.info(
        `first screen: ${kB(built.json.length)} of JSON, ${kB(built.gzipBytes)} gzipped; ` +
          `sample made in ${Math.round(built.sampleMilliseconds)} ms, figures in ${Math.round(built.computeMilliseconds)} ms`,
      );
      // JSON.parse of a string is read faster than the same object as a literal.
      return `export default JSON.parse(${JSON.stringify(built.json)});`;
    },
  };
}
