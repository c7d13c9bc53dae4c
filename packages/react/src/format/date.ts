import { MISSING } from './number';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** `short`: day and month (`Mar 12`, `12 mars`, `3月12日`); `medium`: with the year; `month`: month and year. */
export type DateStyle = 'short' | 'medium' | 'month';

const STYLES: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  short: { month: 'short', day: 'numeric', timeZone: 'UTC' },
  medium: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
};

const LOCAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * A calendar date per locale. A `YYYY-MM-DD` (or `YYYY-MM`) string is a local
 * calendar date, as core returns them: it is formatted as that date, never
 * shifted by the viewer's time zone. A `Date` or epoch milliseconds are
 * shown in UTC unless `timeZone` says otherwise.
 *
 * @example
 * formatDate('2024-03-12', 'fr'); // '12 mars'
 * formatDate('2024-03-12', 'zh-TW', 'medium'); // '2024年3月12日'
 */
export function formatDate(
  date: string | number | Date | null | undefined,
  locale: string,
  style: DateStyle = 'short',
  timeZone = 'UTC',
): string {
  if (date === null || date === undefined) return MISSING;
  let time: number;
  if (typeof date === 'string') {
    const match = LOCAL_DATE.exec(date);
    if (!match) return date;
    time = Date.UTC(Number(match[1]), Number(match[2]) - 1, match[3] ? Number(match[3]) : 1);
    timeZone = 'UTC';
  } else {
    time = typeof date === 'number' ? date : date.getTime();
  }
  if (!Number.isFinite(time)) return MISSING;
  return dateFormat(locale, { ...STYLES[style], timeZone }).format(time);
}
