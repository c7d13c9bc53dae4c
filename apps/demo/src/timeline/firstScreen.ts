import { useLayoutEffect } from 'react';
import { mark, TIMELINE_PREFIX } from './timeline';

/** The dashboard's widget areas, each drawn when its figures arrive. */
export const WIDGET_AREAS = [
  'nps',
  'stickiness',
  'kpis',
  'lifecycle',
  'daysActive',
  'funnel',
  'retention',
  'northStar',
  'attribution',
  'activationCandidates',
] as const;
export type WidgetArea = (typeof WIDGET_AREAS)[number];

/** Areas whose first real content has been committed, and how many of them have been painted. */
const committed = new Set<WidgetArea>();
let painted = 0;

/** Calls `callback` once the browser has painted the frame now being prepared. */
function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    // A task queued from a frame callback runs after that frame's style, layout and paint.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Marks `kpikit:drawn:<area>` on the page's timeline once the area's first
 * real content (not its skeleton) has been painted, and `kpikit:first-screen`
 * (a mark, and a measure from navigation start) once every area has.
 * Only the page's first screen is marked: later data sets and controls are not.
 */
export function markDrawn(area: WidgetArea): void {
  if (committed.has(area)) return;
  committed.add(area);
  afterNextPaint(() => {
    mark(`drawn:${area}`);
    painted += 1;
    if (painted === WIDGET_AREAS.length) {
      const end = mark('first-screen');
      performance.measure(`${TIMELINE_PREFIX}first-screen`, { start: 0, end });
    }
  });
}

/** Marks the area drawn (see {@link markDrawn}) once `drawn` is true after a render. */
export function useDrawnMark(area: WidgetArea, drawn: boolean): void {
  useLayoutEffect(() => {
    if (drawn) markDrawn(area);
  }, [area, drawn]);
}

/**
 * For a page that came with its first screen prerendered into its HTML (see
 * `build/firstScreenPlugin.ts`): every area was painted, with its figures,
 * in the first frame after that HTML was parsed, which the page's inline
 * script marks as `kpikit:prerendered-painted`; that is when each area is
 * drawn. The page's own render, which replaces that HTML with the same
 * content, is then not marked again.
 */
export function markPrerendered(): void {
  for (const area of WIDGET_AREAS) committed.add(area);
  const name = `${TIMELINE_PREFIX}prerendered-painted`;
  const record = (at: number): void => {
    for (const area of WIDGET_AREAS) performance.mark(`${TIMELINE_PREFIX}drawn:${area}`, { startTime: at });
    const end = performance.mark(`${TIMELINE_PREFIX}first-screen`, { startTime: at }).startTime;
    performance.measure(`${TIMELINE_PREFIX}first-screen`, { start: 0, end });
  };
  const painted = performance.getEntriesByName(name, 'mark')[0];
  if (painted) {
    record(painted.startTime);
    return;
  }
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntriesByName(name, 'mark')[0];
    if (!entry) return;
    observer.disconnect();
    record(entry.startTime);
  }).observe({ type: 'mark' });
}
