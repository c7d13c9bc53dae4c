import type { ActivationMessages, WidgetCatalogue } from '../format/messages';
import { enActivation } from '../format/messages/en';
import { frActivation } from '../format/messages/fr';
import { zhTWActivation } from '../format/messages/zhTW';

/** The widget's strings in each built-in locale, which only the widget's bundle carries. */
export const activationCatalogue: WidgetCatalogue<ActivationMessages> = {
  en: enActivation,
  fr: frActivation,
  'zh-TW': zhTWActivation,
};
