import type { StickinessMessages, WidgetCatalogue } from '../format/messages';
import { enStickiness } from '../format/messages/en';
import { frStickiness } from '../format/messages/fr';
import { zhTWStickiness } from '../format/messages/zhTW';

/** The card's words for units other than users in each built-in locale, which only the card's bundle carries. */
export const stickinessCatalogue: WidgetCatalogue<StickinessMessages> = {
  en: enStickiness,
  fr: frStickiness,
  'zh-TW': zhTWStickiness,
};
