import { useParentSize } from '@visx/responsive';
import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { linearScale } from './linearScale';

/** How the sparkline's vertical axis is scaled. */
export type SparklineDomain =
  /** From zero (or the lowest negative value) to the highest value: honest about magnitude. */
  | 'zero'
  /** From the lowest to the highest value: shows the shape of small changes. */
  | 'data';

/** Inputs of {@link useSparkline}. */
export interface SparklineOptions {
  readonly values: readonly (number | null)[];
  readonly domain?: SparklineDomain | undefined;
  readonly height?: number | undefined;
}

/** One plotted point. */
export interface SparklinePoint {
  readonly index: number;
  readonly x: number;
  /** `null` for a missing value: the line breaks there. */
  readonly y: number | null;
}

/** Width used before the container is measured (on the server, and in the first render). */
export const SPARKLINE_FALLBACK_WIDTH = 240;
const PAD = 4;

/**
 * Geometry and keyboard/pointer behaviour of a sparkline: the container is
 * measured (visx `useParentSize`) so the line is drawn in real pixels, with a
 * fallback width on the server; one point at a time can be "active", moved
 * by pointer or by arrow keys, Home and End.
 */
export function useSparkline({ values, domain = 'zero', height = 40 }: SparklineOptions) {
  const { parentRef, width: measured } = useParentSize({ debounceTime: 50 });
  const width = measured > 0 ? Math.round(measured) : SPARKLINE_FALLBACK_WIDTH;
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);

  const count = values.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  if (lo > hi) [lo, hi] = [0, 1];
  if (domain === 'zero') [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  if (lo === hi) hi = lo + 1;
  const x = linearScale([0, Math.max(count - 1, 1)], [PAD, width - PAD]);
  const y = linearScale([lo, hi], [height - PAD, PAD]);
  const points: SparklinePoint[] = values.map((value, index) => ({
    index,
    x: count === 1 ? width / 2 : x(index),
    y: value === null || !Number.isFinite(value) ? null : y(value),
  }));
  const baseline = y(Math.max(lo, Math.min(0, hi)));

  const clamp = useCallback((index: number) => Math.max(0, Math.min(count - 1, index)), [count]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const current = active ?? count - 1;
      const page = Math.max(1, Math.round(count / 10));
      const next: Record<string, number> = {
        ArrowLeft: current - 1,
        ArrowDown: current - 1,
        ArrowRight: current + 1,
        ArrowUp: current + 1,
        PageDown: current - page,
        PageUp: current + page,
        Home: 0,
        End: count - 1,
      };
      const target = next[event.key];
      if (target === undefined) return;
      event.preventDefault();
      setActive(clamp(target));
    },
    [active, count, clamp],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const rect = event.currentTarget.getBoundingClientRect();
      if (rect.width <= 0 || count === 0) return;
      const ratio = (event.clientX - rect.left - PAD) / Math.max(rect.width - 2 * PAD, 1);
      setActive(clamp(Math.round(ratio * (count - 1))));
    },
    [count, clamp],
  );
  const onPointerLeave = useCallback(() => {
    if (!focused) setActive(null);
  }, [focused]);
  const onFocus = useCallback(() => {
    setFocused(true);
    setActive((current) => current ?? count - 1);
  }, [count]);
  const onBlur = useCallback(() => {
    setFocused(false);
    setActive(null);
  }, []);

  return {
    parentRef,
    width,
    height,
    points,
    baseline,
    active,
    /** The point the slider reports: the active one, else the latest. */
    current: active ?? count - 1,
    handlers: { onKeyDown, onPointerMove, onPointerLeave, onFocus, onBlur },
  };
}
