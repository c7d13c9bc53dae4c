import { useMemo } from 'react';
import { useKpikitContext } from '../theme/ThemeProvider';
import { createFormatter, type Formatter } from './formatter';
import type { Messages, WidgetCatalogue } from './messages';
import { unitKey, type UnitLabel } from './unit';

/**
 * The formatter for a widget: its own `locale` and `messages` props over the
 * nearest provider's, over English; `widget`, the widget's own strings (a
 * module constant), between the main catalogue and the overrides; `unit`
 * names what the widget counts.
 *
 * @example
 * const f = useFormatter(props.locale, props.messages);
 * f.compact(12345); // '12.3K'
 */
export function useFormatter(
  locale?: string,
  messages?: Partial<Messages>,
  widget?: WidgetCatalogue<Partial<Messages>>,
  unit?: UnitLabel,
): Formatter {
  const context = useKpikitContext();
  const tag = locale ?? context.locale;
  const outer = context.messages;
  // A noun given inline is a new object every render: memoise on its words.
  const key = unitKey(unit);
  return useMemo(
    () => createFormatter(tag, outer || messages ? { ...outer, ...messages } : undefined, widget, unit),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tag, outer, messages, widget, key],
  );
}
