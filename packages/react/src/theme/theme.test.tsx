import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import css from '../styles.css?raw';
import { KpiCard } from '../kpi-card/KpiCard';
import { darkTheme, mergeThemes, themeStyle } from './theme';
import { KpikitProvider, ThemeProvider } from './ThemeProvider';
import { darkTokens, lightTokens, tokenVariable, type ThemeTokenName, type ThemeTokens } from './tokens';

// WCAG 2.x relative luminance and contrast, and CIE L*, written out here as the reference.
const channels = (hex: string): number[] => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string): number => {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const lightness = (hex: string): number => {
  const y = luminance(hex);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
};

/** The declarations of the first rule whose selector is exactly `selector`. */
function declarations(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  const map = new Map<string, string>();
  for (const match of body.matchAll(/(--kpikit-[\w-]+):\s*([^;]+);/g)) map.set(match[1]!, match[2]!.replace(/\s+/g, ' ').trim());
  return map;
}

describe('tokens', () => {
  it('names each token as a --kpikit-* custom property', () => {
    expect(tokenVariable('textMuted')).toBe('--kpikit-text-muted');
    expect(tokenVariable('seq3')).toBe('--kpikit-seq-3');
    expect(tokenVariable('fontSize2xl')).toBe('--kpikit-font-size-2xl');
  });

  it('declares every light token in the stylesheet with the preset’s value', () => {
    const light = declarations(':where(.kpikit)');
    for (const [name, value] of Object.entries(lightTokens)) expect(light.get(tokenVariable(name as ThemeTokenName)), name).toBe(value);
  });

  it('declares the same dark colours for a forced dark theme and for a dark system preference', () => {
    const forced = declarations(":where(.kpikit[data-theme='dark'])");
    const system = declarations("  :where(.kpikit:not([data-theme='light']))");
    for (const [name, value] of Object.entries(darkTokens)) {
      const variable = tokenVariable(name as ThemeTokenName);
      if (value === (lightTokens as unknown as Record<string, string>)[name]) continue; // shared tokens are declared once
      expect(forced.get(variable), name).toBe(value);
      expect(system.get(variable), name).toBe(value);
    }
  });

  it.each([
    ['light', lightTokens],
    ['dark', darkTokens],
  ] as const)('%s: positive, negative and muted text pass 4.5:1 on the surface', (_, tokens: ThemeTokens) => {
    for (const name of ['positive', 'negative', 'text', 'textMuted', 'accent'] as const) {
      expect(contrast(tokens[name], tokens.surface), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each([
    ['light', lightTokens],
    ['dark', darkTokens],
  ] as const)('%s: the three NPS colours differ in lightness, so they survive grey-scale', (_, tokens: ThemeTokens) => {
    const values = [tokens.detractor, tokens.passive, tokens.promoter].map(lightness).sort((a, b) => a - b);
    expect(values[1]! - values[0]!).toBeGreaterThanOrEqual(10);
    expect(values[2]! - values[1]!).toBeGreaterThanOrEqual(10);
  });

  it('runs the sequential scale monotonically in lightness', () => {
    const steps = (tokens: ThemeTokens) => ([0, 1, 2, 3, 4, 5, 6, 7, 8] as const).map((i) => lightness(tokens[`seq${i}`]));
    const light = steps(lightTokens);
    const dark = steps(darkTokens);
    for (let i = 1; i < 9; i++) {
      expect(light[i]!).toBeLessThan(light[i - 1]!); // light → dark on a light surface
      expect(dark[i]!).toBeGreaterThan(dark[i - 1]!); // from the surface up on a dark one
    }
  });
});

describe('themes', () => {
  it('layers themes: the later colour scheme wins, tokens merge', () => {
    expect(mergeThemes(darkTheme, { tokens: { accent: 'hotpink' } }, { tokens: { radius: '0' } })).toEqual({
      colorScheme: 'dark',
      tokens: { accent: 'hotpink', radius: '0' },
    });
    expect(themeStyle({ tokens: { accent: '#7c3aed', textMuted: '#444' } })).toEqual({
      '--kpikit-accent': '#7c3aed',
      '--kpikit-text-muted': '#444',
    });
  });

  it('applies a provider’s theme and locale, under the widget’s own props', () => {
    render(
      <KpikitProvider locale="fr" theme={{ colorScheme: 'dark', tokens: { accent: 'rgb(1, 2, 3)' } }}>
        <KpiCard label="Revenu" value={1234.5} />
        <ThemeProvider theme={{ colorScheme: 'light' }}>
          <KpiCard label="Clients" value={12} locale="en" theme={{ tokens: { radius: '0px' } }} />
        </ThemeProvider>
      </KpikitProvider>,
    );
    const revenue = screen.getByRole('figure', { name: 'Revenu' });
    expect(revenue).toHaveAttribute('data-theme', 'dark');
    expect(revenue).toHaveAttribute('lang', 'fr');
    expect(revenue.style.getPropertyValue('--kpikit-accent')).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(revenue).backgroundColor).toBe('rgb(21, 23, 27)');
    expect((revenue.querySelector('.kpikit-kpi-card__value')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ')).toBe('1 234,5');

    const customers = screen.getByRole('figure', { name: 'Clients' });
    expect(customers).toHaveAttribute('data-theme', 'light');
    expect(customers).toHaveAttribute('lang', 'en');
    expect(customers.style.getPropertyValue('--kpikit-accent')).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(customers).borderTopLeftRadius).toBe('0px');
    expect(getComputedStyle(customers).backgroundColor).toBe('rgb(255, 255, 255)');
  });
});
