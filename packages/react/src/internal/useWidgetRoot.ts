import type { CSSProperties, HTMLAttributes } from 'react';
import { useKpikitContext } from '../theme/ThemeProvider';
import { mergeThemes, themeStyle, type Theme } from '../theme/theme';
import { cx } from './cx';
import type { WidgetState } from './widgetState';

/** Options of {@link useWidgetRoot}. */
export interface WidgetRootOptions {
  /** Widget class names after `kpikit`, e.g. `['kpikit-card', 'kpikit-nps-gauge']`. */
  readonly classNames: readonly string[];
  readonly className?: string | undefined;
  readonly style?: CSSProperties | undefined;
  readonly theme?: Theme | undefined;
  readonly state: WidgetState;
  readonly locale: string;
  readonly titleId: string;
  readonly descriptionId: string;
  /** Extra `data-*` attributes (without the prefix); `undefined` values are left out. */
  readonly data?: Readonly<Record<string, string | number | boolean | undefined>> | undefined;
}

/** Attributes of a widget's root element. */
export type WidgetRootProps = HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string>;

/**
 * The root element's prop bag, the same for every widget: stable class
 * names, `data-state` / `data-theme` and the widget's own `data-*`
 * attributes, theme tokens as inline custom properties, `lang` so that
 * screen readers pronounce the labels in their language, and the figure's
 * accessible name and description.
 */
export function useWidgetRoot(options: WidgetRootOptions): WidgetRootProps {
  const context = useKpikitContext();
  const theme = mergeThemes(context.theme, options.theme);
  const props: WidgetRootProps = {
    className: cx('kpikit', ...options.classNames, options.className),
    style: { ...themeStyle(theme), ...options.style },
    role: 'figure',
    lang: options.locale,
    'aria-labelledby': options.titleId,
    'aria-describedby': options.descriptionId,
    'data-state': options.state,
    'data-theme': theme.colorScheme ?? 'auto',
  };
  if (options.state === 'loading') props['aria-busy'] = true;
  for (const [name, value] of Object.entries(options.data ?? {})) {
    if (value !== undefined) props[`data-${name}`] = String(value);
  }
  return props;
}
