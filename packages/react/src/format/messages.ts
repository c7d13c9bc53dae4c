import { en, type enActivation, type enAttribution, type enStickiness } from './messages/en';
import { fr } from './messages/fr';
import { zhTW } from './messages/zhTW';
import type { LifecycleMessages } from '../lifecycle-chart/messages';
import type { StickinessHistogramMessages } from '../stickiness-histogram/messages';

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

/** A catalogue shaped like an English one: the same keys, a string or plural forms for each. */
export type CatalogueOf<T> = { readonly [K in keyof T]: T[K] extends string ? string : PluralMessage };

/** The strings every widget bundle carries: the shared ones and those of the widgets listed in the main catalogue. */
export type CoreMessages = CatalogueOf<typeof en>;

/**
 * The attribution chart's strings. They are exports of their own in each
 * catalogue file (`enAttribution`, …), passed by the chart to its formatter
 * as a {@link WidgetCatalogue}, so that a bundle without the chart leaves them out.
 */
export type AttributionMessages = CatalogueOf<typeof enAttribution>;

/** The stickiness card's words for units other than users, kept apart in the same way (`enStickiness`, …). */
export type StickinessMessages = CatalogueOf<typeof enStickiness>;

/** The activation candidates' strings, kept apart as the attribution chart's are (`enActivation`, …). */
export type ActivationMessages = CatalogueOf<typeof enActivation>;

/** Every user-visible string. Pass a `Partial<Messages>` as `messages` to override some. */
export type Messages = CoreMessages &
  AttributionMessages &
  StickinessMessages &
  ActivationMessages &
  LifecycleMessages &
  StickinessHistogramMessages;

/** The key of a user-visible string. */
export type MessageKey = keyof Messages;

/** A widget's own strings in each built-in locale, layered over the main catalogue by the widget's formatter. */
export type WidgetCatalogue<M extends Partial<Messages>> = Readonly<Record<CatalogueLocale, M>>;

/** Locales with a built-in catalogue. Any other locale formats numbers its own way and reads English labels. */
export const CATALOGUE_LOCALES = ['en', 'fr', 'zh-TW'] as const;

/** A locale with a built-in catalogue. */
export type CatalogueLocale = (typeof CATALOGUE_LOCALES)[number];

const catalogues: Readonly<Record<CatalogueLocale, CoreMessages>> = { en, fr, 'zh-TW': zhTW };

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
 * The catalogue for a locale with a widget's own strings and overrides applied.
 * The result holds the main catalogue's keys, those of `widget` and those
 * overridden: a key of a widget whose catalogue was not given is missing
 * (the formatter shows the key itself).
 *
 * @example
 * messagesFor('fr', { 'nps.title': 'Recommandation' })['nps.title']; // 'Recommandation'
 */
export function messagesFor(locale: string, overrides?: Partial<Messages>, widget?: WidgetCatalogue<Partial<Messages>>): Messages {
  const base = catalogues[catalogueLocale(locale)];
  const own = widget?.[catalogueLocale(locale)];
  return (own || overrides ? { ...base, ...own, ...overrides } : base) as Messages;
}

/**
 * Replaces each `{name}` by `values[name]`, else by `fallback(name)`;
 * unknown placeholders are left as they are.
 */
export function interpolate(
  template: string,
  values: Readonly<Record<string, string>> = {},
  fallback?: (name: string) => string | undefined,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? fallback?.(name) ?? whole);
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
