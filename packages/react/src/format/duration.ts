import { interpolate, messagesFor, type Messages } from './messages';
import { formatNumber, MISSING } from './number';

const UNITS = [
  { ms: 86_400_000, key: 'unit.day' },
  { ms: 3_600_000, key: 'unit.hour' },
  { ms: 60_000, key: 'unit.minute' },
  { ms: 1000, key: 'unit.second' },
] as const;

/**
 * A duration in milliseconds, humanised to at most two units and localised:
 * `3 d 4 h`, `45 min`, `12 s` (en); `3 j 4 h` (fr); `3 天 4 小時` (zh-TW).
 * The smaller unit is rounded, carrying into the larger one (1 h 59.7 min →
 * `2 h`); a zero smaller unit is left out; under a second reads `< 1 s`.
 *
 * @example
 * formatDuration(273_600_000, 'en'); // '3 d 4 h'
 * formatDuration(2_700_000, 'fr'); // '45 min'
 */
export function formatDuration(ms: number | null | undefined, locale: string, messages: Messages = messagesFor(locale)): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return MISSING;
  const sign = ms < 0 ? '\u2212' : '';
  const abs = Math.abs(ms);
  const part = (value: number, key: (typeof UNITS)[number]['key']): string =>
    interpolate(messages['duration.part'], { value: formatNumber(value, locale, { maximumFractionDigits: 0 }), unit: messages[key] });
  const second = UNITS[3];
  if (abs < second.ms) {
    return abs === 0 ? part(0, second.key) : interpolate(messages['duration.lessThan'], { value: part(1, second.key) });
  }
  const index = UNITS.findIndex((unit) => abs >= unit.ms);
  const major = UNITS[index]!;
  const minor = UNITS[index + 1];
  if (!minor) return sign + part(Math.round(abs / major.ms), major.key);
  // Round in the smaller unit first so that 1 h 59.7 min carries to 2 h instead of showing 1 h 60 min.
  const total = Math.round(abs / minor.ms);
  const ratio = major.ms / minor.ms;
  const majorCount = Math.floor(total / ratio);
  const minorCount = total - majorCount * ratio;
  if (majorCount === 0) return sign + part(minorCount, minor.key);
  return minorCount === 0 ? sign + part(majorCount, major.key) : `${sign}${part(majorCount, major.key)} ${part(minorCount, minor.key)}`;
}
