// Bundle cost of each widget imported alone, next to a chart of recharts,
// measured the same way: esbuild bundle + minify (ESM, browser), react and
// react-dom external, then gzip.
//
//   node scripts/measure.mjs          sizes, widgets and recharts
//   node scripts/measure.mjs --why    the same, with the biggest modules of each
//   node scripts/measure.mjs --check  tree-shaking: a widget imported alone pulls
//                                     neither zod, nor the other widgets, nor the
//                                     visx packages it does not draw with
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const why = process.argv.includes('--why');
const check = process.argv.includes('--check');

async function bundle(contents, metafile) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    metafile,
    logLevel: 'error',
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return { code: result.outputFiles[0].contents, inputs: metafile ? Object.values(result.metafile.outputs)[0].inputs : {} };
}

if (check) {
  // Module paths a widget bundle must not contain.
  const forbidden = {
    NpsGauge: ['/zod/', 'kpi-card/', 'stickiness-card/', 'internal/Sparkline', '@visx/responsive', '@visx/scale', 'd3-scale'],
    KpiCard: ['/zod/', '/core/dist/', 'nps-gauge/', 'stickiness-card/', '@visx/group', '@visx/scale', 'd3-scale', 'd3-shape/src/arc'],
    StickinessCard: ['/zod/', '/core/dist/', 'nps-gauge/', '@visx/group', '@visx/scale', 'd3-scale', 'd3-shape/src/arc'],
    RetentionCohortGrid: ['/zod/', '/core/dist/', 'kpi-card/', 'funnel-chart/', 'north-star-tree/', '@visx/', 'd3-'],
    FunnelChart: ['/zod/', '/core/dist/', 'kpi-card/', 'retention-grid/', 'north-star-tree/', '@visx/', 'd3-'],
    NorthStarTree: [
      '/zod/',
      '/core/dist/',
      'kpi-card/',
      'retention-grid/',
      'funnel-chart/',
      '@visx/scale',
      '@visx/shape',
      'd3-scale',
      'd3-shape',
    ],
    AttributionChart: [
      '/zod/',
      '/core/dist/',
      'kpi-card/',
      'retention-grid/',
      'funnel-chart/',
      'north-star-tree/',
      '@visx/scale',
      '@visx/responsive',
      '@visx/hierarchy',
      'd3-scale',
    ],
    ActivationCandidates: [
      '/zod/',
      '/core/dist/',
      'kpi-card/',
      'retention-grid/',
      'funnel-chart/',
      'north-star-tree/',
      'attribution-chart/',
      '@visx/scale',
      '@visx/hierarchy',
      'd3-scale',
    ],
    LifecycleChart: [
      '/zod/',
      '/core/dist/',
      'attribution-chart/',
      'activation-candidates/',
      'stickiness-histogram/',
      'retention-grid/',
      'funnel-chart/',
      'north-star-tree/',
      '@visx/scale',
      '@visx/responsive',
      '@visx/hierarchy',
      'd3-scale',
    ],
    StickinessHistogram: [
      '/zod/',
      '/core/dist/',
      'attribution-chart/',
      'activation-candidates/',
      'lifecycle-chart/',
      'retention-grid/',
      'funnel-chart/',
      'north-star-tree/',
      '@visx/scale',
      '@visx/responsive',
      '@visx/hierarchy',
      'd3-scale',
    ],
  };
  let failed = false;
  for (const [widget, patterns] of Object.entries(forbidden)) {
    const { inputs } = await bundle(`import { ${widget} } from '@kpikit/react'; export default ${widget};`, true);
    // esbuild lists every module it read; only those with code in the output are in the bundle.
    // A visx module that imports the CommonJS `classnames` leaves its interop call behind
    // (about 60 bytes) even when nothing else of it is used: that is not pulling the module.
    const files = Object.entries(inputs)
      .filter(([, input]) => input.bytesInOutput > 80)
      .map(([file]) => file);
    const leaks = files.filter((file) => patterns.some((pattern) => file.includes(pattern)));
    if (leaks.length > 0) {
      failed = true;
      console.error(`${widget} pulls modules it does not need:\n  ${leaks.join('\n  ')}`);
    } else {
      console.log(`${widget}: ${files.length} modules, none of ${patterns.join(', ')}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

const cases = [
  ['NpsGauge', "import { NpsGauge } from '@kpikit/react'; export default NpsGauge;"],
  ['KpiCard', "import { KpiCard } from '@kpikit/react'; export default KpiCard;"],
  ['StickinessCard', "import { StickinessCard } from '@kpikit/react'; export default StickinessCard;"],
  ['RetentionCohortGrid', "import { RetentionCohortGrid } from '@kpikit/react'; export default RetentionCohortGrid;"],
  ['FunnelChart', "import { FunnelChart } from '@kpikit/react'; export default FunnelChart;"],
  ['NorthStarTree', "import { NorthStarTree } from '@kpikit/react'; export default NorthStarTree;"],
  ['AttributionChart', "import { AttributionChart } from '@kpikit/react'; export default AttributionChart;"],
  ['ActivationCandidates', "import { ActivationCandidates } from '@kpikit/react'; export default ActivationCandidates;"],
  ['LifecycleChart', "import { LifecycleChart } from '@kpikit/react'; export default LifecycleChart;"],
  ['StickinessHistogram', "import { StickinessHistogram } from '@kpikit/react'; export default StickinessHistogram;"],
  ['all three cards', "export { NpsGauge, KpiCard, StickinessCard } from '@kpikit/react';"],
  ['recharts: LineChart + Line', "import { LineChart, Line } from 'recharts'; export { LineChart, Line };"],
  [
    'recharts: line chart with axes, tooltip, responsive container',
    "import { ResponsiveContainer, LineChart, Line, XAxis, YAxis, Tooltip } from 'recharts'; export { ResponsiveContainer, LineChart, Line, XAxis, YAxis, Tooltip };",
  ],
  ['recharts: PieChart + Pie (a gauge)', "import { PieChart, Pie, Cell } from 'recharts'; export { PieChart, Pie, Cell };"],
];

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

for (const [name, contents] of cases) {
  const { code, inputs } = await bundle(contents, why);
  console.log(`${name.padEnd(62)} ${kb(code.length).padStart(9)} min  ${kb(gzipSync(code, { level: 9 }).length).padStart(8)} min+gzip`);
  if (why) {
    const top = Object.entries(inputs)
      .map(([file, { bytesInOutput }]) => [file.replace(/^.*node_modules\//, ''), bytesInOutput])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    for (const [file, bytes] of top) console.log(`    ${kb(bytes).padStart(9)}  ${file}`);
  }
}
