import { useId } from 'react';

/**
 * A page-unique id prefix from React's `useId`, identical on the server and
 * in the browser, reduced to characters that are safe both in `id`
 * attributes and inside `url(#…)` references.
 */
export function useStableId(prefix: string): string {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  return `kpikit-${prefix}-${id}`;
}
