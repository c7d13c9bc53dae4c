import { describe, expect, it } from 'vitest';
import { formatDate } from './date';
import { formatDuration } from './duration';
import { createFormatter, resolveLocale } from './formatter';
import { catalogueLocale, interpolate, messagesFor } from './messages';
import { en, enActivation, enAttribution, enStickiness } from './messages/en';
import { fr, frActivation, frAttribution, frStickiness } from './messages/fr';
import { zhTW, zhTWActivation, zhTWAttribution, zhTWStickiness } from './messages/zhTW';
import { formatCompact, formatCount, formatCurrency, formatNumber, formatPercent, formatSigned, formatSignedInteger } from './number';

// French and some other locales separate with a no-break space (U+00A0 or the narrow U+202F,
// depending on the ICU version): the reader sees a space either way.
const spaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers', () => {
  it('compacts large numbers the way each locale writes them', () => {
    expect(formatCompact(12345, 'en')).toBe('12.3K');
    expect(spaces(formatCompact(12345, 'fr'))).toBe('12,3 k');
    expect(formatCompact(12345, 'zh-TW')).toBe('1.2萬');
    expect(formatCompact(999, 'en')).toBe('999');
  });

  it('groups counts below 10,000 and compacts them from there', () => {
    expect(formatCount(1204, 'en')).toBe('1,204');
    expect(formatCount(56789, 'en')).toBe('56.8K');
    expect(spaces(formatCount(1204, 'fr'))).toBe('1 204');
  });

  it('shows percentages with one decimal below 10 % and none above', () => {
    expect(formatPercent(0.075, 'en')).toBe('7.5%');
    expect(formatPercent(0.182, 'en')).toBe('18%');
    // 9.96 % rounds to 10.0 %: it is shown as a number ≥ 10 %, without a decimal.
    expect(formatPercent(0.0996, 'en')).toBe('10%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(spaces(formatPercent(0.075, 'fr'))).toBe('7,5 %');
    expect(formatPercent(0.021, 'en', { decimals: 2 })).toBe('2.10%');
  });

  it('writes NPS as a signed integer with a true minus sign', () => {
    expect(formatSignedInteger(32, 'en')).toBe('+32');
    expect(formatSignedInteger(-7.6, 'en')).toBe('\u22128');
    expect(formatSignedInteger(-0.4, 'en')).toBe('0');
    expect(formatSignedInteger(0, 'fr')).toBe('0');
    expect(formatSigned(1.26, 'en', 1)).toBe('+1.3');
  });

  it('formats money with the narrow symbol, whole above 1,000, compact from 100,000', () => {
    expect(formatCurrency(48200, 'en', 'EUR')).toBe('€48,200');
    expect(spaces(formatCurrency(48200, 'fr', 'EUR'))).toBe('48 200 €');
    expect(formatCurrency(19.9, 'en', 'USD')).toBe('$19.90');
    expect(formatCurrency(1_234_567, 'en', 'USD')).toBe('$1.2M');
    expect(formatCurrency(48200, 'en', 'EUR', { compact: true })).toBe('€48.2K');
  });

  it('never shows NaN, Infinity or undefined', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) {
      expect(formatNumber(value, 'en')).toBe('—');
      expect(formatCompact(value, 'en')).toBe('—');
      expect(formatPercent(value, 'en')).toBe('—');
      expect(formatSignedInteger(value, 'en')).toBe('—');
      expect(formatCurrency(value, 'en', 'EUR')).toBe('—');
      expect(formatDuration(value, 'en')).toBe('—');
    }
  });
});

describe('durations', () => {
  const HOUR = 3_600_000;
  it('humanises to at most two units, per locale', () => {
    expect(formatDuration(3 * 24 * HOUR + 4 * HOUR, 'en')).toBe('3 d 4 h');
    expect(formatDuration(45 * 60_000, 'en')).toBe('45 min');
    expect(formatDuration(3 * 24 * HOUR + 4 * HOUR, 'fr')).toBe('3 j 4 h');
    expect(formatDuration(3 * 24 * HOUR + 4 * HOUR, 'zh-TW')).toBe('3 天 4 小時');
    expect(formatDuration(12_000, 'en')).toBe('12 s');
  });

  it('rounds the smaller unit and carries it', () => {
    // 1 h 59 min 42 s → 1 h 59.7 min → 120 min → 2 h.
    expect(formatDuration(HOUR + 59 * 60_000 + 42_000, 'en')).toBe('2 h');
    // 90 min exactly → 1 h 30 min.
    expect(formatDuration(90 * 60_000, 'en')).toBe('1 h 30 min');
  });

  it('says "< 1 s" under a second and "0 s" for nothing', () => {
    expect(formatDuration(500, 'en')).toBe('< 1 s');
    expect(formatDuration(0, 'en')).toBe('0 s');
  });
});

describe('dates', () => {
  it('formats a local calendar date as that date in every locale', () => {
    expect(formatDate('2024-03-12', 'en')).toBe('Mar 12');
    expect(formatDate('2024-03-12', 'fr')).toBe('12 mars');
    expect(formatDate('2024-03-12', 'zh-TW', 'medium')).toBe('2024年3月12日');
    expect(formatDate('2024-03', 'en', 'month')).toBe('March 2024');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('week 12', 'en')).toBe('week 12');
    expect(formatDate(null, 'en')).toBe('—');
  });
});

describe('locales and messages', () => {
  it('picks the catalogue by language and script', () => {
    expect(catalogueLocale('fr-CA')).toBe('fr');
    expect(catalogueLocale('zh-TW')).toBe('zh-TW');
    expect(catalogueLocale('zh-HK')).toBe('zh-TW');
    expect(catalogueLocale('zh-Hant')).toBe('zh-TW');
    expect(catalogueLocale('zh-CN')).toBe('en');
    expect(catalogueLocale('de')).toBe('en');
    expect(catalogueLocale('not a locale!')).toBe('en');
  });

  it('falls back to English for a malformed locale instead of throwing', () => {
    expect(resolveLocale('ZH-tw')).toBe('zh-TW');
    expect(resolveLocale('not a locale!')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('has every key in every catalogue, with the same placeholders', () => {
    // The unit's words fill any message; whether a sentence names the unit, and in which
    // form, is each language's grammar (Chinese counts with a measure word and its noun).
    const unitWords = new Set(['{unit}', '{units}', '{Units}', '{noun}', '{measure}']);
    const placeholders = (message: unknown): string[] =>
      [...new Set((JSON.stringify(message).match(/\{\w+\}/g) ?? []).filter((name) => !unitWords.has(name)))].sort();
    // The main catalogues, and the strings of widgets that keep theirs apart.
    const sets: readonly (readonly Readonly<Record<string, unknown>>[])[] = [
      [en, fr, zhTW],
      [enAttribution, frAttribution, zhTWAttribution],
      [enStickiness, frStickiness, zhTWStickiness],
      [enActivation, frActivation, zhTWActivation],
    ];
    for (const [english, ...others] of sets) {
      for (const catalogue of others) {
        expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english!).sort());
        for (const key of Object.keys(english!)) expect(placeholders(catalogue[key]), key).toEqual(placeholders(english![key]));
      }
    }
  });

  it('applies overrides over the catalogue', () => {
    expect(messagesFor('fr', { 'nps.title': 'Recommandation' })['nps.title']).toBe('Recommandation');
    expect(messagesFor('fr')['nps.title']).toBe('Net Promoter Score');
  });

  it('layers a widget’s own strings between the catalogue and the overrides', () => {
    const widget = { en: enAttribution, fr: frAttribution, 'zh-TW': zhTWAttribution };
    expect(createFormatter('fr-CA', undefined, widget).t('attribution.title')).toBe('Attribution');
    expect(createFormatter('zh-HK', undefined, widget).t('attribution.none')).toBe('無接觸點');
    expect(createFormatter('fr', { 'attribution.none': 'Direct inconnu' }, widget).t('attribution.none')).toBe('Direct inconnu');
    expect(createFormatter('fr', undefined, widget).t('nps.title')).toBe('Net Promoter Score');
    // Without the widget's strings, its keys read as themselves rather than crashing.
    expect(createFormatter('fr').t('attribution.none')).toBe('attribution.none');
  });

  it('picks plural forms by the locale’s rules', () => {
    const f = createFormatter('fr');
    // French uses the singular for 0 and 1.
    expect(f.t('nps.responses', { count: '0' }, 0)).toBe('0 réponse');
    expect(f.t('nps.responses', { count: '2' }, 2)).toBe('2 réponses');
    const e = createFormatter('en');
    expect(e.t('nps.responses', { count: '1' }, 1)).toBe('1 response');
    expect(e.t('nps.responses', { count: '0' }, 0)).toBe('0 responses');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
