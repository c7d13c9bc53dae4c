/**
 * Design tokens: every colour, font, size and duration the widgets use.
 *
 * Each token is a CSS custom property `--kpikit-<kebab-name>` declared by
 * `@kpikit/react/styles.css` (light and dark presets, `prefers-color-scheme`
 * aware). These objects mirror the stylesheet's values so that a host can read
 * them from JavaScript (to colour its own charts alike) and so that a `theme`
 * can override any of them by name.
 */
export interface ThemeTokens {
  /** Card background. */
  readonly surface: string;
  /** Tracks, skeletons, table stripes. */
  readonly surfaceMuted: string;
  readonly border: string;
  readonly text: string;
  /** Labels and captions; ≥ 4.5:1 on `surface`. */
  readonly textMuted: string;
  /** The one accent: sparklines, focus rings, progress. */
  readonly accent: string;
  /** Good change (as text ≥ 4.5:1 on `surface`). */
  readonly positive: string;
  /** Bad change (as text ≥ 4.5:1 on `surface`). */
  readonly negative: string;
  /** Change that is neither good nor bad. */
  readonly neutral: string;
  /** NPS groups: three hues that also differ in lightness, so they survive grey-scale printing. */
  readonly detractor: string;
  readonly passive: string;
  readonly promoter: string;
  /** Sequential scale, one hue, from nearly the surface (0) to the strongest (8), for heatmaps. */
  readonly seq0: string;
  readonly seq1: string;
  readonly seq2: string;
  readonly seq3: string;
  readonly seq4: string;
  readonly seq5: string;
  readonly seq6: string;
  readonly seq7: string;
  readonly seq8: string;
  /** Font stack; `inherit` takes the host's font. */
  readonly font: string;
  readonly fontMono: string;
  /** Type scale: 12 / 14 / 16 / 20 / 28 / 40 px. */
  readonly fontSizeXs: string;
  readonly fontSizeSm: string;
  readonly fontSizeMd: string;
  readonly fontSizeLg: string;
  readonly fontSizeXl: string;
  readonly fontSize2xl: string;
  /** The 4 px grid unit. */
  readonly space: string;
  readonly radius: string;
  readonly cardPadding: string;
  /** Motion; zeroed under `prefers-reduced-motion`. */
  readonly duration: string;
  readonly easing: string;
}

/** The name of one token. */
export type ThemeTokenName = keyof ThemeTokens;

const shared = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang TC', 'Microsoft JhengHei', sans-serif",
  fontMono: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  fontSizeXs: '12px',
  fontSizeSm: '14px',
  fontSizeMd: '16px',
  fontSizeLg: '20px',
  fontSizeXl: '28px',
  fontSize2xl: '40px',
  space: '4px',
  radius: '8px',
  cardPadding: '16px',
  duration: '200ms',
  easing: 'cubic-bezier(0.2, 0, 0, 1)',
} as const;

/**
 * The light preset.
 *
 * @example
 * import { lightTokens } from '@kpikit/react';
 * myChart.color = lightTokens.promoter;
 */
export const lightTokens: ThemeTokens = {
  surface: '#ffffff',
  surfaceMuted: '#f5f6f8',
  border: '#e2e5e9',
  text: '#1a1d21',
  textMuted: '#5b636e',
  accent: '#3a5bd9',
  positive: '#137a46',
  negative: '#c2361f',
  neutral: '#5b636e',
  detractor: '#e0613f',
  passive: '#efbd46',
  promoter: '#0e6650',
  seq0: '#f0f4fd',
  seq1: '#dce6fb',
  seq2: '#bfd0f6',
  seq3: '#9bb4ef',
  seq4: '#7594e5',
  seq5: '#5575d8',
  seq6: '#3d5bc2',
  seq7: '#2e469c',
  seq8: '#1f3070',
  ...shared,
};

/**
 * The dark preset: designed for dark surfaces, not an inversion of the light
 * one (the sequential scale runs from the surface to light, NPS hues are
 * lifted to keep their lightness steps).
 *
 * @example
 * import { darkTokens } from '@kpikit/react';
 * document.body.style.background = darkTokens.surface;
 */
export const darkTokens: ThemeTokens = {
  surface: '#15171b',
  surfaceMuted: '#1f2227',
  border: '#30343b',
  text: '#e9ebee',
  textMuted: '#a2a9b3',
  accent: '#8aa4ff',
  positive: '#4cc58c',
  negative: '#ff8170',
  neutral: '#a2a9b3',
  detractor: '#e25f45',
  passive: '#f1cf6e',
  promoter: '#45c39a',
  seq0: '#1b2333',
  seq1: '#1f2e4d',
  seq2: '#253b69',
  seq3: '#2e4b88',
  seq4: '#3a5ea8',
  seq5: '#5375c4',
  seq6: '#7592dc',
  seq7: '#9db2ee',
  seq8: '#c9d6fb',
  ...shared,
};

/** `--kpikit-*` custom property of a token: `textMuted` → `--kpikit-text-muted`, `seq3` → `--kpikit-seq-3`. */
export function tokenVariable(name: ThemeTokenName): `--kpikit-${string}` {
  const kebab = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/(\D)(\d)/g, '$1-$2');
  return `--kpikit-${kebab}`;
}

/** `var(--kpikit-…, fallback)` of a token, with the light value as fallback so SVG paints even without the stylesheet. */
export function tokenValue(name: ThemeTokenName): string {
  return `var(${tokenVariable(name)}, ${lightTokens[name]})`;
}
