'use client';

// Widgets: each a headless hook and a renderer.
export * from './nps-gauge';
export * from './kpi-card';
export * from './stickiness-card';
export * from './retention-grid';
export * from './funnel-chart';
export * from './north-star-tree';
export * from './attribution-chart';
export * from './activation-candidates';
export * from './lifecycle-chart';
export * from './stickiness-histogram';

// Shared widget vocabulary
export type { DeltaKind, DeltaModel } from './internal/delta';
export type { SparklineDomain } from './internal/useSparkline';
export type { ValueFormat } from './internal/valueFormat';
export type { WidgetOptions, WidgetState, WidgetStateProps } from './internal/widgetState';

// Theme
export { lightTokens, darkTokens, tokenVariable, tokenValue } from './theme/tokens';
export type { ThemeTokens, ThemeTokenName } from './theme/tokens';
export { lightTheme, darkTheme, mergeThemes, themeStyle } from './theme/theme';
export type { ColorScheme, Theme } from './theme/theme';
export { KpikitProvider, ThemeProvider, useKpikitContext } from './theme/ThemeProvider';
export type { KpikitContextValue, KpikitProviderProps, ThemeProviderProps } from './theme/ThemeProvider';

// Formatting and messages
export { createFormatter, resolveLocale, DEFAULT_LOCALE } from './format/formatter';
export type { Formatter } from './format/formatter';
export { resolveUnit } from './format/unit';
export type { UnitKind, UnitLabel, UnitNoun, UnitWords } from './format/unit';
export { useFormatter } from './format/useFormatter';
export {
  formatNumber,
  formatCompact,
  formatCount,
  formatPercent,
  formatSignedInteger,
  formatSigned,
  formatCurrency,
  MISSING,
} from './format/number';
export type { CurrencyOptions, PercentOptions } from './format/number';
export { formatDuration } from './format/duration';
export { formatDate } from './format/date';
export type { DateStyle } from './format/date';
export { messagesFor, catalogueLocale, interpolate, CATALOGUE_LOCALES } from './format/messages';
export type {
  ActivationMessages,
  AttributionMessages,
  StickinessMessages,
  CatalogueLocale,
  CatalogueOf,
  CoreMessages,
  Message,
  MessageKey,
  Messages,
  PluralMessage,
  WidgetCatalogue,
} from './format/messages';

// Accessibility
export { DataTable } from './a11y/DataTable';
export type { DataTableModel, DataTableProps } from './a11y/DataTable';
export { visuallyHiddenStyle } from './a11y/visuallyHidden';
