/**
 * The page of the render benchmark: one widget per load, chosen by `?widget=`
 * (`grid`, `peer`, `funnel`, `tree`). Data is built before anything is timed;
 * `run.ts` then calls `window.kpikitBench.render()` and, for our widgets,
 * `armInteraction()` before pressing a key.
 */
import {
  funnel,
  generateSampleData,
  northStarTree,
  retention,
  toEventTable,
  type FunnelResult,
  type KpiEvent,
  type NorthStarNodeDefinition,
  type NorthStarTreeResult,
  type RetentionResult,
} from '@kpikit/core';
import { FunnelChart, NorthStarTree, RetentionCohortGrid } from '@kpikit/react';
import '@kpikit/react/styles.css';
import { useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import ReactCohortGraphModule from 'react-cohort-graph';

// The package is CommonJS with `exports.default`: the bundle's default import is `{ default: component }`.
const cohortGraphInterop = ReactCohortGraphModule as unknown as { default?: typeof ReactCohortGraphModule };
const ReactCohortGraph = cohortGraphInterop.default ?? ReactCohortGraphModule;

export type WidgetName = 'grid' | 'peer' | 'funnel' | 'tree';

/** What the page exposes to the driver. */
export interface BenchPage {
  readonly widget: WidgetName;
  /**
   * Milliseconds from before `createRoot().render` to the commit (React's work) and to the first frame after it
   * (plus style, layout and paint), and how many cells or nodes it drew.
   */
  render(): Promise<{ ms: number; commitMs: number; elements: number }>;
  /** Focuses where the interaction starts and returns the key the driver must press. */
  armInteraction(): string;
  /** Milliseconds from the key event to the first frame after its effect is in the DOM. */
  interaction(): Promise<number>;
}

declare global {
  interface Window {
    kpikitBench?: BenchPage;
  }
}

/** 104 weekly cohorts × 104 weeks: two years of 3,000 sample users, from core's `retention`. */
function largeRetention(): RetentionResult {
  return retention(generateSampleData({ seed: 11, users: 3000, days: 728 }).events, { period: 'week', periods: 103 });
}

/** react-cohort-graph's input: `{ weeks: { [cohort]: [size, count of period 0, count of period 1, …] } }`, the same cells. */
function peerData(result: RetentionResult): Record<string, Record<string, number[]>> {
  const weeks: Record<string, number[]> = {};
  for (const cohort of result.cohorts) weeks[cohort.start] = [cohort.size, ...cohort.counts];
  return { weeks };
}

const FUNNEL_STEPS = ['visit', 'signup', 'activate', 'invite', 'start_trial', 'upgrade'];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BR', 'IN', 'JP'];

/** Six ordered steps for 20,000 users from ten countries (the breakdown), each step reached by about 70 % of the previous one. */
function largeFunnel(): FunnelResult {
  const events: KpiEvent[] = [];
  let seed = 20240101;
  // mulberry32: deterministic, so every run draws the same funnel.
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const start = Date.UTC(2024, 0, 1);
  for (let user = 0; user < 20_000; user++) {
    const country = COUNTRIES[Math.floor(random() * random() * COUNTRIES.length)]!;
    let time = start + Math.floor(random() * 60 * 86_400_000);
    for (const name of FUNNEL_STEPS) {
      events.push({ userId: `u${user}`, name, timestamp: time, properties: { country } });
      if (random() > 0.7) break;
      time += Math.floor(random() * random() * 5 * 86_400_000);
    }
  }
  return funnel(toEventTable(events), { steps: FUNNEL_STEPS, breakdown: { property: 'country' } });
}

/** 204 metrics: a root summing 7 regions, each summing 7 teams, each a product of 3 leaves. */
function largeTree(): NorthStarTreeResult {
  const nodes: NorthStarNodeDefinition[] = [];
  const regions = Array.from({ length: 7 }, (_, r) => `r${r}`);
  nodes.push({ id: 'root', label: 'Weekly active accounts', formula: 'sum', children: regions, unit: 'accounts' });
  regions.forEach((region, r) => {
    const teams = Array.from({ length: 7 }, (_, t) => `${region}t${t}`);
    nodes.push({ id: region, label: `Region ${r + 1}`, formula: 'sum', children: teams, unit: 'accounts' });
    teams.forEach((team, t) => {
      const leaves = [`${team}a`, `${team}b`, `${team}c`];
      nodes.push({ id: team, label: `Team ${r + 1}.${t + 1}`, formula: 'product', children: leaves, unit: 'accounts' });
      nodes.push({ id: leaves[0]!, label: 'Sign-ups', value: 20 + ((r * 7 + t) % 13), previous: 20, unit: 'accounts' });
      nodes.push({ id: leaves[1]!, label: 'Activation', value: 0.4 + ((r + t) % 5) / 50, previous: 0.42, unit: 'ratio' });
      nodes.push({ id: leaves[2]!, label: 'Retention', value: 0.6 + ((r * t) % 7) / 50, previous: 0.6, unit: 'ratio' });
    });
  });
  return northStarTree({ nodes });
}

/** Resolves after the frame that follows now: a rAF runs before the paint, a task queued from it runs after. */
function nextFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      setTimeout(() => {
        resolve(performance.now());
      }, 0);
    });
  });
}

/** Calls `onCommit` in the commit that first puts its children in the DOM. */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }): ReactNode {
  useLayoutEffect(onCommit, [onCommit]);
  return children;
}

/** A widget to render, what counts as its elements, and its interaction: where it starts, the key, and when it is done. */
interface Case {
  readonly element: ReactNode;
  readonly elements: string;
  readonly interaction?: { readonly start: string; readonly key: string; readonly done: () => boolean } | undefined;
}

function buildCase(widget: WidgetName): Case {
  switch (widget) {
    case 'grid':
      return {
        element: <RetentionCohortGrid data={largeRetention()} maxHeight={600} />,
        elements: '[data-cell]',
        interaction: {
          start: '[data-cell="0:0"]',
          key: 'ArrowRight',
          done: () => document.activeElement?.getAttribute('data-cell') === '0:1',
        },
      };
    case 'peer':
      return { element: <ReactCohortGraph data={peerData(largeRetention())} />, elements: '[title^="Out of"]' };
    case 'funnel':
      return {
        element: <FunnelChart data={largeFunnel()} />,
        elements: '[data-step]',
        interaction: {
          start: '[data-step="0"]',
          key: 'ArrowDown',
          done: () => document.activeElement?.getAttribute('data-step') === '1',
        },
      };
    case 'tree':
      return {
        // Every card drawn: a tree this large otherwise opens on its first two levels (8 cards).
        element: <NorthStarTree data={largeTree()} height={600} defaultCollapsed={[]} />,
        elements: '[role="treeitem"]',
        interaction: {
          start: '[data-node="r0"]',
          key: 'Enter',
          done: () => document.querySelector('[data-node="r0"]')?.getAttribute('aria-expanded') === 'false',
        },
      };
  }
}

const requested = new URLSearchParams(location.search).get('widget');
const widget: WidgetName = requested === 'peer' || requested === 'funnel' || requested === 'tree' ? requested : 'grid';
const benchCase = buildCase(widget);
const container = document.getElementById('root')!;
let interactionDone: Promise<number> | undefined;

window.kpikitBench = {
  widget,
  render() {
    return new Promise((resolve) => {
      const onCommit = () => {
        performance.mark('render-commit');
        void nextFrame().then(() => {
          performance.mark('render-end');
          const { duration } = performance.measure('render', 'render-start', 'render-end');
          const commit = performance.measure('commit', 'render-start', 'render-commit').duration;
          resolve({ ms: duration, commitMs: commit, elements: container.querySelectorAll(benchCase.elements).length });
        });
      };
      performance.mark('render-start');
      createRoot(container).render(<Committed onCommit={onCommit}>{benchCase.element}</Committed>);
    });
  },
  armInteraction() {
    const interaction = benchCase.interaction;
    if (!interaction) throw new Error(`No interaction for ${widget}`);
    container.querySelector<HTMLElement | SVGElement>(interaction.start)!.focus();
    interactionDone = new Promise((resolve) => {
      let finished = false;
      const observer = new MutationObserver(check);
      function check(): void {
        if (finished || !interaction!.done()) return;
        finished = true;
        observer.disconnect();
        document.removeEventListener('focusin', check);
        void nextFrame().then(() => {
          performance.mark('interaction-end');
          resolve(performance.measure('interaction', 'interaction-start', 'interaction-end').duration);
        });
      }
      window.addEventListener(
        'keydown',
        (event) => {
          // The event's own time stamp: when the browser received the key, before any handler ran.
          performance.mark('interaction-start', { startTime: event.timeStamp });
          observer.observe(container, { subtree: true, attributes: true, childList: true });
          document.addEventListener('focusin', check);
          queueMicrotask(check);
        },
        { capture: true, once: true },
      );
    });
    return interaction.key;
  },
  interaction() {
    if (!interactionDone) throw new Error('armInteraction() first');
    return interactionDone;
  },
};
