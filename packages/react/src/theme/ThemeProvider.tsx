import { createContext, useContext, type ReactNode } from 'react';
import type { Messages } from '../format/messages';
import { mergeThemes, type Theme } from './theme';

/** What a {@link KpikitProvider} hands down to every widget below it. */
export interface KpikitContextValue {
  readonly theme?: Theme | undefined;
  readonly locale?: string | undefined;
  readonly messages?: Partial<Messages> | undefined;
}

const KpikitContext = createContext<KpikitContextValue>({});

/** Props of {@link KpikitProvider}. */
export interface KpikitProviderProps extends KpikitContextValue {
  readonly children?: ReactNode;
}

/**
 * Optional defaults for every widget below: theme, locale and message
 * overrides. A widget's own props win over the provider's; a nested
 * provider's theme is layered over the outer one. Widgets work without any
 * provider.
 *
 * @example
 * <KpikitProvider locale="fr" theme={darkTheme} messages={{ 'nps.title': 'Recommandation' }}>
 *   <NpsGauge data={scores} />
 * </KpikitProvider>
 */
export function KpikitProvider({ children, theme, locale, messages }: KpikitProviderProps): ReactNode {
  const outer = useContext(KpikitContext);
  const value: KpikitContextValue = {
    theme: theme ? mergeThemes(outer.theme, theme) : outer.theme,
    locale: locale ?? outer.locale,
    messages: messages ? { ...outer.messages, ...messages } : outer.messages,
  };
  return <KpikitContext.Provider value={value}>{children}</KpikitContext.Provider>;
}

/** Props of {@link ThemeProvider}. */
export interface ThemeProviderProps {
  readonly theme: Theme;
  readonly children?: ReactNode;
}

/**
 * Sets the theme of every widget below it (a {@link KpikitProvider} that
 * only sets a theme).
 *
 * @example
 * <ThemeProvider theme={{ colorScheme: 'dark', tokens: { accent: '#7c3aed' } }}>
 *   <KpiCard label="MRR" value={48200} format="currency" currency="EUR" />
 * </ThemeProvider>
 */
export function ThemeProvider({ theme, children }: ThemeProviderProps): ReactNode {
  return <KpikitProvider theme={theme}>{children}</KpikitProvider>;
}

/** The nearest provider's defaults (an empty object without a provider). */
export function useKpikitContext(): KpikitContextValue {
  return useContext(KpikitContext);
}
