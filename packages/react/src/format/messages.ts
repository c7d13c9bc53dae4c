import { en } from './messages/en';
import { fr } from './messages/fr';
import { zhTW } from './messages/zhTW';

/** A message that depends on a count: one form per `Intl.PluralRules` category, `other` required. */
export interface PluralMessage {
  readonly zero?: string | undefined;
  readonly one?: string | undefined;
  readonly two?: string | undefined;
  readonly few?: string | undefined;
  readonly many?: string | undefined;
  readonly other: string;
}

/** One catalogue entry: a template with `{name}` placeholders, or plural forms of one. */
export type Message = string | PluralMessage;

/** The key of a user-visible string. */
export type MessageKey = keyof typeof en;

/** A complete catalogue. Pass a `Partial<Messages>` as `messages` to override some strings. */
export type Messages = { readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };

/** Locales with a built-in catalogue. Any other locale formats numbers its own way and reads English labels. */
export const CATALOGUE_LOCALES = ['en', 'fr', 'zh-TW'] as const;

/** A locale with a built-in catalogue. */
export type CatalogueLocale = (typeof CATALOGUE_LOCALES)[number];

const catalogues: Readonly<Record<CatalogueLocale, Messages>> = { en, fr, 'zh-TW': zhTW };

/**
 * The built-in catalogue for a BCP 47 locale: `fr-CA` → `fr`; `zh-TW`,
 * `zh-HK`, `zh-MO` and `zh-Hant` → `zh-TW`; anything else → `en`
 * (Simplified Chinese included: Traditional characters are not shown to
 * readers who did not ask for them).
 *
 * @example
 * catalogueLocale('fr-BE'); // 'fr'
 * catalogueLocale('zh-Hant-HK'); // 'zh-TW'
 */
export function catalogueLocale(locale: string): CatalogueLocale {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale);
  } catch {
    return 'en';
  }
  if (parsed.language === 'fr') return 'fr';
  if (parsed.language === 'zh') {
    const script = parsed.maximize().script;
    if (script === 'Hant') return 'zh-TW';
  }
  return 'en';
}

/**
 * The catalogue for a locale with overrides applied.
 *
 * @example
 * messagesFor('fr', { 'nps.title': 'Recommandation' })['nps.title']; // 'Recommandation'
 */
export function messagesFor(locale: string, overrides?: Partial<Messages>): Messages {
  const base = catalogues[catalogueLocale(locale)];
  return overrides ? { ...base, ...overrides } : base;
}

/** Replaces each `{name}` by `values[name]`; unknown placeholders are left as they are. */
export function interpolate(template: string, values: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Picks the plural form of `message` for `count` in `locale`. */
export function pluralForm(message: Message, count: number, locale: string): string {
  if (typeof message === 'string') return message;
  // Building rules costs far more than using them, and widgets pick forms in loops (a grid's cells).
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return message[rules.select(count)] ?? message.other;
}
