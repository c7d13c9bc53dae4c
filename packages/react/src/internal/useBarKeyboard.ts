import { useCallback, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';

/** Handlers of a bar chart's plot, delegated: the bars carry only `data-bar` and their tabindex. */
export interface BarPlotProps {
  readonly onKeyDown: (event: KeyboardEvent<SVGElement>) => void;
  readonly onFocus: (event: FocusEvent<SVGElement>) => void;
  readonly onBlur: (event: FocusEvent<SVGElement>) => void;
  readonly onPointerMove: (event: PointerEvent<SVGElement>) => void;
  readonly onPointerLeave: () => void;
}

/** What {@link useBarKeyboard} returns. */
export interface BarKeyboard {
  /** The bar with the tab stop (roving tabindex). */
  readonly active: number;
  /** The bar pointed at, else the focused one, else `null`. */
  readonly target: number | null;
  readonly plotProps: BarPlotProps;
}

const barOf = (target: EventTarget | null): Element | null => (target instanceof Element ? target.closest('[data-bar]') : null);
const indexOf = (element: Element | null): number | null => {
  const value = Number(element?.getAttribute('data-bar') ?? Number.NaN);
  return Number.isInteger(value) ? value : null;
};

/**
 * A bar chart's keyboard and pointer model: one tab stop on the bars (roving
 * tabindex), ←/→ (and ↑/↓) to the previous / next bar, Home / End to the
 * first / last, Page Up / Down by `page` bars; the bar pointed at, or else
 * the focused one, is the readout's. `initial` is the bar with the tab stop at first.
 */
export function useBarKeyboard(count: number, initial: number, page = 7): BarKeyboard {
  const [chosen, setChosen] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const clamp = (index: number) => Math.max(0, Math.min(count - 1, index));
  const active = clamp(chosen ?? initial);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGElement>) => {
      const from = indexOf(barOf(event.target));
      if (from === null || count === 0) return;
      let to: number;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowUp':
          to = from + 1;
          break;
        case 'ArrowLeft':
        case 'ArrowDown':
          to = from - 1;
          break;
        case 'Home':
          to = 0;
          break;
        case 'End':
          to = count - 1;
          break;
        case 'PageUp':
          to = from + page;
          break;
        case 'PageDown':
          to = from - page;
          break;
        default:
          return;
      }
      event.preventDefault();
      to = Math.max(0, Math.min(count - 1, to));
      setChosen(to);
      const plot = event.currentTarget.closest('svg') ?? event.currentTarget;
      plot.querySelector<SVGElement>(`[data-bar="${to}"]`)?.focus();
    },
    [count, page],
  );
  const onFocus = useCallback((event: FocusEvent<SVGElement>) => {
    const index = indexOf(barOf(event.target));
    if (index === null) return;
    setChosen(index);
    setFocused(true);
  }, []);
  const onBlur = useCallback(() => {
    setFocused(false);
  }, []);
  const onPointerMove = useCallback((event: PointerEvent<SVGElement>) => {
    setHover(indexOf(barOf(event.target)));
  }, []);
  const onPointerLeave = useCallback(() => {
    setHover(null);
  }, []);

  const target = hover !== null && hover < count ? hover : focused ? active : null;
  return { active, target, plotProps: { onKeyDown, onFocus, onBlur, onPointerMove, onPointerLeave } };
}
