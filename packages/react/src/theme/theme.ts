import type { CSSProperties } from 'react';
import { tokenVariable, type ThemeTokens } from './tokens';

/** `light` or `dark` forces a preset; `auto` (the default) follows `prefers-color-scheme`. */
export type ColorScheme = 'light' | 'dark' | 'auto';

/**
 * A theme: a colour scheme and any tokens to override, by name.
 *
 * @example
 * const brand: Theme = { colorScheme: 'auto', tokens: { accent: '#7c3aed', font: 'inherit' } };
 * <NpsGauge data={scores} theme={brand} />
 */
export interface Theme {
  readonly colorScheme?: ColorScheme | undefined;
  readonly tokens?: Partial<ThemeTokens> | undefined;
}

/** Forces the light preset. */
export const lightTheme: Theme = { colorScheme: 'light' };

/** Forces the dark preset. */
export const darkTheme: Theme = { colorScheme: 'dark' };

/**
 * Merges themes left to right: a later colour scheme wins, tokens are merged.
 * Used to layer a widget's `theme` prop over a `ThemeProvider`'s.
 *
 * @example
 * mergeThemes(darkTheme, { tokens: { accent: 'hotpink' } }); // { colorScheme: 'dark', tokens: { accent: 'hotpink' } }
 */
export function mergeThemes(...themes: readonly (Theme | undefined)[]): Theme {
  let colorScheme: ColorScheme | undefined;
  let tokens: Partial<ThemeTokens> | undefined;
  for (const theme of themes) {
    if (!theme) continue;
    if (theme.colorScheme) colorScheme = theme.colorScheme;
    if (theme.tokens) tokens = { ...tokens, ...theme.tokens };
  }
  return { colorScheme, tokens };
}

/**
 * Inline style that sets a theme's token overrides as custom properties on
 * a widget's root element, where they beat the stylesheet's defaults.
 *
 * @example
 * themeStyle({ tokens: { accent: '#7c3aed' } }); // { '--kpikit-accent': '#7c3aed' }
 */
export function themeStyle(theme: Theme): CSSProperties {
  const style: Record<string, string> = {};
  if (!theme.tokens) return style;
  for (const [name, value] of Object.entries(theme.tokens)) {
    if (typeof value === 'string' && value !== '') style[tokenVariable(name as keyof ThemeTokens)] = value;
  }
  return style;
}
