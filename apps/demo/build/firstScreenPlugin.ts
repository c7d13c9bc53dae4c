import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { ComputeControls } from '../src/dashboard/controls.ts';
import type * as Builder from './firstScreen.ts';
import type * as Prerender from '../src/prerender.tsx';

/** The module the page imports the first screen from. */
export const FIRST_SCREEN_MODULE = 'virtual:kpikit-first-screen';
const RESOLVED = `\0${FIRST_SCREEN_MODULE}`;

/** Computes the first screen; loaded through vite's module runner at build time only, so the config stays small. */
const BUILDER = fileURLToPath(new URL('./firstScreen.ts', import.meta.url));
const PRERENDER = fileURLToPath(new URL('../src/prerender.tsx', import.meta.url));

/** The entry script vite writes into the built page's head. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/;

/**
 * Runs right after the prerendered page, and starts the page's scripts: a
 * viewer whose system is dark gets the page drawn by its scripts (the
 * prerendered one is light), which start at once; so do they in a hidden
 * tab, which paints nothing. Anyone else sees the prerendered page, and its
 * scripts start only once a frame with all of it has been painted (marked
 * `kpikit:prerendered-painted`): left in the head, the browser would run
 * them, parsed, before or after its first paint as its load made it, and
 * evaluating them and React's first render take 0.3–1 s. The entry is
 * fetched meanwhile (`modulepreload` in the head).
 */
const afterRoot = (entry: string): string => `<script>
(function () {
  var root = document.getElementById('root');
  function start() {
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = ${JSON.stringify(entry)};
    document.head.appendChild(script);
  }
  if (matchMedia('(prefers-color-scheme: dark)').matches) { root.textContent = ''; start(); return; }
  root.setAttribute('data-prerendered', '');
  if (document.visibilityState === 'hidden') { start(); return; }
  requestAnimationFrame(function () {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { performance.mark('kpikit:prerendered-painted'); start(); };
    channel.port2.postMessage(null);
  });
})();
</script>`;

/** The first screen's module: its JSON, parsed (JSON.parse of a string is read faster than the same object as a literal). */
const moduleCode = (json: string): string => `export default JSON.parse(${JSON.stringify(json)});`;

/** The first screen's module, for the prerender. */
function firstScreenModule(json: string): Plugin {
  return {
    name: 'kpikit-first-screen-module',
    resolveId: (source) => (source === FIRST_SCREEN_MODULE ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? moduleCode(json) : null),
  };
}

/** Style sheets are the page's business, not the prerender's: their imports give nothing there. */
const NO_STYLES: Plugin = {
  name: 'kpikit-prerender-no-styles',
  enforce: 'pre',
  resolveId: (source) => (source.endsWith('.css') ? '\0kpikit-no-styles' : null),
  load: (id) => (id === '\0kpikit-no-styles' ? 'export {};' : null),
};

/**
 * Computes the sample's first screen at build time (see `firstScreen.ts`):
 * hands it to the page as `import firstScreen from
 * 'virtual:kpikit-first-screen'` (a few kilobytes of JSON in the page's
 * bundle) and writes the page rendered with it into `index.html`, so every
 * widget is painted with its figures before the page's scripts have run.
 * The dev server gives `null` and no HTML (the page then waits for its
 * worker, as with any other data), so it starts without making the sample.
 */
export function firstScreenPlugin(controls: ComputeControls): Plugin {
  let building = false;
  let made: Promise<string> | null = null;
  const make = (log: (message: string) => void): Promise<string> =>
    (made ??= runnerImport<typeof Builder>(BUILDER, { configFile: false, logLevel: 'warn' }).then(({ module }) => {
      const built = module.buildFirstScreen(controls);
      const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
      log(
        `first screen: ${kB(built.json.length)} of JSON, ${kB(built.gzipBytes)} gzipped; ` +
          `sample made in ${Math.round(built.sampleMilliseconds)} ms, figures in ${Math.round(built.computeMilliseconds)} ms`,
      );
      return built.json;
    }));
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
      const json = await make((message) => {
        this.info(message);
      });
      return moduleCode(json);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (!building || context.server) return html;
        const json = await make(() => undefined);
        const { module } = await runnerImport<typeof Prerender>(PRERENDER, {
          configFile: false,
          logLevel: 'warn',
          plugins: [NO_STYLES, firstScreenModule(json)],
        });
        const page = module.prerender();
        const entry = ENTRY_SCRIPT.exec(html)?.[1];
        if (entry === undefined) throw new Error(`The built page has no entry script like ${String(ENTRY_SCRIPT)}.`);
        return html
          .replace(ENTRY_SCRIPT, `<link rel="modulepreload" crossorigin href="${entry}">`)
          .replace('<div id="root"></div>', `<div id="root">${page}</div>\n    ${afterRoot(entry)}`);
      },
    },
  };
}
