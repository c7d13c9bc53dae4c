import type { Formatter } from '../format/formatter';

/**
 * How a card formats its value: a named style or a function.
 * `number`: grouped digits, up to 2 decimals; `integer`; `count`: grouped
 * below 10,000 then compact; `compact`; `percent`: a fraction in [0, 1];
 * `currency`: with the `currency` prop; `duration`: milliseconds.
 */
export type ValueFormat =
  'number' | 'integer' | 'count' | 'compact' | 'percent' | 'currency' | 'duration' | ((value: number, fmt: Formatter) => string);

/** Options of {@link valueFormatter}. */
export interface ValueFormatOptions {
  readonly currency?: string | undefined;
  readonly compact?: boolean | undefined;
}

/** The function that formats a card's value (and its absolute deltas and sparkline points). */
export function valueFormatter(format: ValueFormat, fmt: Formatter, options: ValueFormatOptions = {}): (value: number | null) => string {
  const missing = fmt.number(null);
  const finite = (value: number | null): value is number => value !== null && Number.isFinite(value);
  switch (format) {
    case 'number':
      return (value) => (options.compact ? fmt.compact(value) : fmt.number(value));
    case 'integer':
      return (value) => (options.compact ? fmt.compact(value) : fmt.number(value, { maximumFractionDigits: 0 }));
    case 'count':
      return (value) => fmt.count(value);
    case 'compact':
      return (value) => fmt.compact(value);
    case 'percent':
      return (value) => fmt.percent(value);
    case 'currency':
      return (value) => fmt.currency(value, options.currency ?? 'USD', { compact: options.compact });
    case 'duration':
      return (value) => fmt.duration(value);
    default:
      return (value) => (finite(value) ? format(value, fmt) : missing);
  }
}
