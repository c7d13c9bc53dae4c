import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { computeDashboard } from '../src/dashboard/computeDashboard.ts';
import { controlsForData, type ComputeControls } from '../src/dashboard/controls.ts';
import type { FirstScreen } from '../src/dashboard/firstScreen.ts';
import type { Dataset } from '../src/dashboard/types.ts';
import { sampleDataset, summarize } from '../src/worker/loadDataset.ts';

/** The first screen as the build ships it: its JSON, and what making it cost. */
export interface BuiltFirstScreen {
  readonly json: string;
  /** The JSON's size gzipped, in bytes: what it adds to the page's bundle. */
  readonly gzipBytes: number;
  /** Generating and indexing the sample, then computing the model, in ms. */
  readonly sampleMilliseconds: number;
  readonly computeMilliseconds: number;
}

/**
 * Computes the sample's first screen the way the page's worker would: the
 * same sample (`sampleDataset`: `generateSampleData` with the demo's
 * options, indexed by core), the same `computeDashboard`, the page's
 * starting controls, so it follows any change of the simulation or of a
 * metric on the next build. Deterministic: the same sample and core give
 * the same JSON. `makeSample` is for tests.
 *
 * @throws when the sample would make the page adapt its controls (the
 *   worker would then compute other figures), or when the model does not
 *   survive JSON exactly (a `NaN`, an `undefined` or a `-0` would be lost).
 */
export function buildFirstScreen(controls: ComputeControls, makeSample: () => Dataset = sampleDataset): BuiltFirstScreen {
  const started = performance.now();
  const dataset = makeSample();
  const sampled = performance.now();
  const summary = summarize(dataset, null);
  const names = summary.eventNames.map((entry) => entry.name);
  if (controlsForData(controls, names, summary.accountProperty) !== controls) {
    throw new Error(`The sample lacks the starting funnel's events (${controls.funnelSteps.join(', ')}): no first screen to build.`);
  }
  const model = computeDashboard(dataset, controls);
  const computed = performance.now();
  const firstScreen: FirstScreen = { controls, summary, model };
  const json = JSON.stringify(firstScreen);
  const lost = jsonLoss(firstScreen, JSON.parse(json) as unknown, 'firstScreen');
  if (lost !== null) {
    throw new Error(`The first screen does not survive JSON exactly: ${lost} would differ from what the worker computes.`);
  }
  return {
    json,
    gzipBytes: gzipSync(json).length,
    sampleMilliseconds: sampled - started,
    computeMilliseconds: computed - sampled,
  };
}

/** The path of the first value JSON did not give back exactly (`NaN`, `undefined`, `-0`, a class…), or `null`. */
function jsonLoss(value: unknown, parsed: unknown, path: string): string | null {
  if (isDeepStrictEqual(value, parsed)) return null;
  if (typeof value !== 'object' || value === null || typeof parsed !== 'object' || parsed === null) {
    return `${path} (${String(value)})`;
  }
  const keys = new Set([...Object.keys(value), ...Object.keys(parsed)]);
  for (const key of keys) {
    if (!(key in value) || !(key in parsed)) return `${path}.${key} (undefined)`;
    const lost = jsonLoss((value as Record<string, unknown>)[key], (parsed as Record<string, unknown>)[key], `${path}.${key}`);
    if (lost !== null) return lost;
  }
  return `${path} (its kind of object)`;
}
