import type { AttributionMessages, WidgetCatalogue } from '../format/messages';
import { enAttribution } from '../format/messages/en';
import { frAttribution } from '../format/messages/fr';
import { zhTWAttribution } from '../format/messages/zhTW';

/** The chart's strings in each built-in locale, which only the chart's bundle carries. */
export const attributionCatalogue: WidgetCatalogue<AttributionMessages> = {
  en: enAttribution,
  fr: frAttribution,
  'zh-TW': zhTWAttribution,
};
