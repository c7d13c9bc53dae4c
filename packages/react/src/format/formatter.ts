import { formatDate, type DateStyle } from './date';
import { formatDuration } from './duration';
import { interpolate, messagesFor, pluralForm, type MessageKey, type Messages, type WidgetCatalogue } from './messages';
import { unitPlaceholder, unitWords, type UnitLabel, type UnitWords } from './unit';
import {
  formatCompact,
  formatCount,
  formatCurrency,
  formatNumber,
  formatPercent,
  formatSigned,
  formatSignedInteger,
  type CurrencyOptions,
  type PercentOptions,
} from './number';

/** The locale used when none is given. */
export const DEFAULT_LOCALE = 'en';

/**
 * A canonical BCP 47 tag for `locale`, or {@link DEFAULT_LOCALE} when it is
 * missing or malformed (a typo in a locale prop must not crash a dashboard).
 *
 * @example
 * resolveLocale('ZH-tw'); // 'zh-TW'
 */
export function resolveLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Every formatter bound to one locale and one catalogue. */
export interface Formatter {
  readonly locale: string;
  readonly messages: Messages;
  /** What the widget counts: its noun fills `{unit}`, `{units}`, `{Units}`, `{noun}` and `{measure}` in every message. */
  readonly unit: UnitWords;
  /** A message with its placeholders filled; `count` also picks the plural form (and that of `{noun}`). */
  t(key: MessageKey, values?: Readonly<Record<string, string>>, count?: number): string;
  number(value: number | null | undefined, options?: Intl.NumberFormatOptions): string;
  compact(value: number | null | undefined): string;
  count(value: number | null | undefined): string;
  percent(fraction: number | null | undefined, options?: PercentOptions): string;
  signedInteger(value: number | null | undefined): string;
  signed(value: number | null | undefined, decimals?: number): string;
  currency(value: number | null | undefined, currency: string, options?: CurrencyOptions): string;
  duration(ms: number | null | undefined): string;
  date(date: string | number | Date | null | undefined, style?: DateStyle): string;
}

/**
 * Formatters and messages for a locale, with a widget's own catalogue (see
 * {@link WidgetCatalogue}) and overrides over the main one. A key missing from
 * all of them reads as the key itself, never a crash.
 *
 * @example
 * const f = createFormatter('fr');
 * f.percent(0.182); // '18 %'
 * f.t('nps.responses', { count: f.number(2) }, 2); // '2 réponses'
 * createFormatter('en', undefined, undefined, 'account').t('funnel.users', { count: '2' }, 2); // '2 accounts'
 */
export function createFormatter(
  locale?: string,
  overrides?: Partial<Messages>,
  widget?: WidgetCatalogue<Partial<Messages>>,
  unit: UnitLabel = 'user',
): Formatter {
  const tag = resolveLocale(locale);
  const messages = messagesFor(tag, overrides, widget);
  const words = unitWords(unit, messages);
  return {
    locale: tag,
    messages,
    unit: words,
    t: (key, values, count) => {
      const message = messages[key] as Messages[MessageKey] | undefined;
      return message === undefined
        ? key
        : interpolate(pluralForm(message, count ?? 0, tag), values, (name) => unitPlaceholder(words, tag, name, count));
    },
    number: (value, options) => formatNumber(value, tag, options),
    compact: (value) => formatCompact(value, tag),
    count: (value) => formatCount(value, tag),
    percent: (fraction, options) => formatPercent(fraction, tag, options),
    signedInteger: (value) => formatSignedInteger(value, tag),
    signed: (value, decimals) => formatSigned(value, tag, decimals),
    currency: (value, currency, options) => formatCurrency(value, tag, currency, options),
    duration: (ms) => formatDuration(ms, tag, messages),
    date: (date, style) => formatDate(date, tag, style),
  };
}
