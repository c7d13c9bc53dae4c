/**
 * Locale-aware number formatting on top of `Intl.NumberFormat`, with the
 * conventions of the widgets: compact large numbers, percentages with one
 * decimal below 10 %, signed integers for NPS, a true minus sign (−), and
 * never `NaN`, `undefined` or `Infinity` on screen.
 */

/** What a formatter shows for a missing or non-finite value. */
export const MISSING = '—';

const cache = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` (building one costs far more than using it). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** ASCII hyphen-minus → U+2212 MINUS SIGN, the typographic minus (`−8`, not `-8`). */
function trueMinus(text: string): string {
  return text.replace(/-/g, '\u2212');
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A number with the locale's grouping.
 *
 * @example
 * formatNumber(12345.6, 'fr'); // '12 345,6'
 */
export function formatNumber(value: number | null | undefined, locale: string, options: Intl.NumberFormatOptions = {}): string {
  if (!finite(value)) return MISSING;
  return trueMinus(numberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value));
}

/**
 * A compact number: 12,345 → `12.3K` (en), `12,3 k` (fr), `1.2萬` (zh-TW).
 *
 * @example
 * formatCompact(12345, 'en'); // '12.3K'
 */
export function formatCompact(value: number | null | undefined, locale: string, options: Intl.NumberFormatOptions = {}): string {
  if (!finite(value)) return MISSING;
  return trueMinus(numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1, ...options }).format(value));
}

/**
 * A count: grouped digits below 10,000, compact from there on, so a card
 * never grows wider than its headline.
 *
 * @example
 * formatCount(1204, 'en'); // '1,204'
 * formatCount(56789, 'en'); // '56.8K'
 */
export function formatCount(value: number | null | undefined, locale: string): string {
  if (!finite(value)) return MISSING;
  return Math.abs(value) < 10_000 ? formatNumber(value, locale, { maximumFractionDigits: 0 }) : formatCompact(value, locale);
}

/** Fraction digits of a percentage: one below 10 %, none from there on (decided on the rounded value), none for exactly 0. */
function percentDigits(fraction: number): number {
  if (fraction === 0) return 0;
  return Math.abs(fraction * 100) < 9.95 ? 1 : 0;
}

/** Options of {@link formatPercent}. */
export interface PercentOptions {
  /** Fixed number of decimals; default one below 10 %, none above. */
  readonly decimals?: number | undefined;
  /** Show `+` on positive values (deltas). */
  readonly signed?: boolean | undefined;
}

/**
 * A fraction in [0, 1] as a percentage: `0.182` → `18%`, `0.075` → `7.5%`.
 *
 * @example
 * formatPercent(0.075, 'fr'); // '7,5 %'
 */
export function formatPercent(fraction: number | null | undefined, locale: string, options: PercentOptions = {}): string {
  if (!finite(fraction)) return MISSING;
  const digits = options.decimals ?? percentDigits(fraction);
  return trueMinus(
    numberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: options.signed ? 'exceptZero' : 'auto',
    }).format(fraction),
  );
}

/**
 * A signed integer, as NPS is written: `+32`, `−8`, `0`.
 *
 * @example
 * formatSignedInteger(-7.6, 'en'); // '−8'
 */
export function formatSignedInteger(value: number | null | undefined, locale: string): string {
  if (!finite(value)) return MISSING;
  return trueMinus(numberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value));
}

/**
 * A signed number with a fixed count of decimals (deltas in points).
 *
 * @example
 * formatSigned(1.26, 'en', 1); // '+1.3'
 */
export function formatSigned(value: number | null | undefined, locale: string, decimals = 0): string {
  if (!finite(value)) return MISSING;
  return trueMinus(
    numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'exceptZero' }).format(value),
  );
}

/** Options of {@link formatCurrency}. */
export interface CurrencyOptions {
  /** Compact notation (`€48.2K`). Default: compact from 100,000 on. */
  readonly compact?: boolean | undefined;
}

/**
 * An amount of money in an ISO 4217 currency, with the narrow symbol.
 *
 * @example
 * formatCurrency(48200, 'en', 'EUR'); // '€48,200'
 * formatCurrency(48200, 'fr', 'EUR', { compact: true }); // '48,2 k €'
 */
export function formatCurrency(value: number | null | undefined, locale: string, currency: string, options: CurrencyOptions = {}): string {
  if (!finite(value)) return MISSING;
  const compact = options.compact ?? Math.abs(value) >= 100_000;
  const whole = Math.abs(value) >= 1000 || Number.isInteger(value);
  return trueMinus(
    numberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      ...(compact
        ? { notation: 'compact', maximumFractionDigits: 1 }
        : whole
          ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
          : {}),
    }).format(value),
  );
}
