import { useCallback, useState } from 'react';

/**
 * A value that is controlled when `value` is given and kept in the widget's
 * own state otherwise; `onChange` hears every change either way.
 *
 * @example
 * const [display, setDisplay] = useControllable(options.display, options.defaultDisplay ?? 'percent', options.onDisplayChange);
 */
export function useControllable<T>(value: T | undefined, initial: T, onChange: ((value: T) => void) | undefined): [T, (value: T) => void] {
  const [own, setOwn] = useState(initial);
  const current = value ?? own;
  const set = useCallback(
    (next: T) => {
      if (value === undefined) setOwn(next);
      onChange?.(next);
    },
    [value, onChange],
  );
  return [current, set];
}
