import { useMemo } from 'react';
import { useKpikitContext } from '../theme/ThemeProvider';
import { createFormatter, type Formatter } from './formatter';
import type { Messages, WidgetCatalogue } from './messages';

/**
 * The formatter for a widget: its own `locale` and `messages` props over the
 * nearest provider's, over English; `widget`, the widget's own strings (a
 * module constant), between the main catalogue and the overrides.
 *
 * @example
 * const f = useFormatter(props.locale, props.messages);
 * f.compact(12345); // '12.3K'
 */
export function useFormatter(locale?: string, messages?: Partial<Messages>, widget?: WidgetCatalogue<Partial<Messages>>): Formatter {
  const context = useKpikitContext();
  const tag = locale ?? context.locale;
  const outer = context.messages;
  return useMemo(
    () => createFormatter(tag, outer || messages ? { ...outer, ...messages } : undefined, widget),
    [tag, outer, messages, widget],
  );
}
