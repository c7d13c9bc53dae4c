import { attribution, type AttributionModel, type AttributionResult, type KpiEvent } from '@kpikit/core';
import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { darkTheme } from '../theme/theme';
import { AttributionChart } from './AttributionChart';
import type { AttributionMetric } from './attributionModel';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const DAY = 86_400_000;
const buy = Date.UTC(2024, 2, 25, 12);

/**
 * Core's worked example: Ana visits from google 21 days before buying for
 * 70.00, from facebook 14 days and direct 7 days before; Ben visits direct
 * the day before buying for 30.00; Cy buys with no touch. March's google
 * cost is 56.
 */
const events: KpiEvent[] = [
  { userId: 'ana', name: 'visit', timestamp: buy - 21 * DAY, properties: { utm_source: 'google', account: 'acme' } },
  { userId: 'ana', name: 'visit', timestamp: buy - 14 * DAY, properties: { utm_source: 'facebook', account: 'acme' } },
  { userId: 'ana', name: 'visit', timestamp: buy - 7 * DAY, properties: { utm_source: 'direct', account: 'acme' } },
  { userId: 'ana', name: 'purchase', timestamp: buy, properties: { revenue: 70, account: 'acme' } },
  { userId: 'ben', name: 'visit', timestamp: buy - DAY, properties: { utm_source: 'direct', account: 'acme' } },
  { userId: 'ben', name: 'purchase', timestamp: buy, properties: { revenue: 30, account: 'acme' } },
  { userId: 'cy', name: 'purchase', timestamp: buy, properties: { revenue: 0, account: 'bolt' } },
];

function run(models: readonly AttributionModel[], extra: { costs?: boolean; value?: boolean } = {}): AttributionResult {
  return attribution(events, {
    conversion: 'purchase',
    touches: { channel: 'utm_source' },
    models,
    value: extra.value === false ? undefined : { property: 'revenue' },
    costs: extra.costs ? [{ channel: 'google', period: '2024-03', amount: 56 }] : undefined,
    from: '2024-03-01',
    to: '2024-03-31',
  });
}

const three = run(['first_touch', 'last_touch', 'linear'], { costs: true });

/** The visible text of every body row: channel, then each model's figure. */
const rowTexts = () =>
  [...document.querySelectorAll('.kpikit-attribution-chart__row')].map((row) =>
    [...row.children].map((cell) => spaces((cell.querySelector('.kpikit-attribution-chart__value') ?? cell).textContent)),
  );
const cell = (row: number, column: number) => document.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`)!;
const readout = () => spaces(document.querySelector('.kpikit-attribution-chart__readout')?.textContent);

describe('AttributionChart', () => {
  it('sets the models side by side: a row per channel, most credited first, the conversions without a touch last', () => {
    render(<AttributionChart data={three} />);
    const headers = within(screen.getByRole('grid'))
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual(['Channel', 'First touch', 'Last touch', 'Linear']);
    // Mean credit: direct (1 + 2 + 4/3) / 3, google (1 + 0 + 1/3) / 3, facebook 1/9.
    expect(rowTexts()).toEqual([
      ['direct', '1', '2', '1.3'],
      ['google', '1', '0', '0.3'],
      ['facebook', '0', '0', '0.3'],
      ['No touch', '1', '1', '1'],
    ]);
    expect(screen.getByText('3', { selector: '.kpikit-attribution-chart__total' })).toBeVisible();
    expect(document.querySelector('.kpikit-attribution-chart__summary')).toHaveTextContent('3 conversions67% after a touch$100 in value');
    expect(screen.getByRole('figure', { name: 'Attribution' })).toHaveAccessibleDescription(
      'Attribution: 3 conversions, 67% after a touch, shared among 3 channels by 3 models (First touch, Last touch, and Linear). ' +
        'Each conversion’s credit is shared among the touches in the 30 d before it. Each user’s first conversion counts. Arrow keys move between cells.',
    );
  });

  it('draws each bar from zero on one scale for the whole table', () => {
    render(<AttributionChart data={three} style={{ width: 600 }} />);
    const width = (row: number, column: number, part: 'fill' | 'track') =>
      cell(row, column).querySelector(`.kpikit-attribution-chart__${part}`)?.getBoundingClientRect().width ?? 0;
    const track = width(0, 1, 'track');
    expect(track).toBeGreaterThan(40);
    // direct under last touch, 2, is the largest: a full bar; google's 1 under first touch half of one.
    expect(width(0, 1, 'fill')).toBeCloseTo(track, 0);
    expect(width(1, 0, 'fill')).toBeCloseTo(width(1, 0, 'track') / 2, 0);
    expect(cell(1, 1).querySelector('.kpikit-attribution-chart__fill')).toBeNull();
    expect(cell(0, 0).querySelector('.kpikit-attribution-chart__fill')!.getBoundingClientRect().left).toBeCloseTo(
      cell(0, 0).querySelector('.kpikit-attribution-chart__track')!.getBoundingClientRect().left,
      0,
    );
  });

  it('switches between conversions, value and return on spend', async () => {
    const onMetricChange = vi.fn();
    render(<AttributionChart data={three} currency="EUR" onMetricChange={onMetricChange} />);
    const figure = screen.getByRole('figure');
    const group = screen.getByRole('group', { name: 'Show' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Conversions', 'Value', 'Return on spend']);
    expect(figure).toHaveAttribute('data-metric', 'conversions');

    await userEvent.click(screen.getByRole('button', { name: 'Value' }));
    expect(onMetricChange).toHaveBeenLastCalledWith('value');
    expect(figure).toHaveAttribute('data-metric', 'value');
    expect(screen.getByRole('button', { name: 'Value' })).toHaveAttribute('aria-pressed', 'true');
    expect(rowTexts()).toEqual([
      ['direct', '€30', '€100', '€53.34'],
      ['google', '€70', '€0', '€23.33'],
      ['facebook', '€0', '€0', '€23.33'],
      ['No touch', '€0', '€0', '€0'],
    ]);

    // By keyboard too: Tab to the next button, Space presses it.
    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Return on spend' })).toHaveFocus();
    await userEvent.keyboard(' ');
    expect(figure).toHaveAttribute('data-metric', 'returnOnSpend');
  });

  it('shows return on spend beside the spend, and "—" with its reason where the cost is unknown', async () => {
    render(<AttributionChart data={three} defaultMetric="returnOnSpend" />);
    expect(
      within(screen.getByRole('grid'))
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Channel', 'Spend', 'First touch', 'Last touch', 'Linear']);
    // google: 70 / 56, 0 / 56 and 23.33 / 56; direct has no cost entry; No touch has no channel.
    expect(rowTexts()).toEqual([
      ['direct', '—unknown', '—unknown', '—unknown', '—unknown'],
      ['google', '$56', '1.25×', '0.00×', '0.42×'],
      ['facebook', '—unknown', '—unknown', '—unknown', '—unknown'],
      ['No touch', '—unknown', '—unknown', '—unknown', '—unknown'],
    ]);
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
    expect(cell(0, 0)).toHaveAttribute('data-missing', 'noCost');
    expect(cell(3, 0)).toHaveAttribute('data-missing', 'none');
    // An unknown figure has no bar, not even an empty track that would read as zero.
    expect(cell(0, 0).querySelector('rect')).toBeNull();
    expect(cell(1, 1).querySelector('.kpikit-attribution-chart__track')).not.toBeNull();
    const notes = [...document.querySelectorAll('.kpikit-attribution-chart__notes li')].map((note) => note.textContent);
    expect(notes).toEqual([
      '—Unknown: no cost given for the channel in this period (not zero).',
      '—No touch: no channel, no spend.',
      '|The line in each bar marks 1×: value equal to spend.',
    ]);
    // The largest return is 1.25×: the break-even line sits at 1 / 1.25 of each bar.
    const line = cell(1, 0).querySelector('.kpikit-attribution-chart__break-even')!.getBoundingClientRect();
    const track = cell(1, 0).querySelector('.kpikit-attribution-chart__track')!.getBoundingClientRect();
    expect(line.left - track.left).toBeCloseTo(track.width * 0.8 - 1.2, 0);

    await userEvent.hover(cell(0, 2));
    expect(readout()).toBe(
      'direct, Linear 1.3 conversions credited (44% of all). $53.34 in value. ' +
        'No cost given for direct in this period: return on spend and cost per conversion are unknown, not zero. ' +
        '2 users converted after a touch on it (2 touches in total).',
    );
    await userEvent.hover(cell(1, 1));
    expect(readout()).toBe(
      'google, Last touch 0 conversions credited (0% of all). $0 in value. ' +
        '$56 spend. No conversion credited: no cost per conversion. Return on spend 0.00×. ' +
        '1 user converted after a touch on it (1 touch in total).',
    );
  });

  it('is one tab stop; the arrow keys, Home and End move between cells, each read out', async () => {
    render(<AttributionChart data={three} />);
    expect(readout()).toBe('Point at or focus a cell to read its figures.');
    screen.getByRole('button', { name: 'Return on spend' }).focus();
    await userEvent.tab();
    expect(cell(0, 0)).toHaveFocus();
    expect(document.querySelectorAll('[data-cell][tabindex="0"]')).toHaveLength(1);
    expect(cell(0, 0)).toHaveAccessibleDescription(
      'direct, First touch 1 conversion credited (33% of all). $30 in value. ' +
        'No cost given for direct in this period: return on spend and cost per conversion are unknown, not zero. ' +
        '2 users converted after a touch on it (2 touches in total).',
    );

    await userEvent.keyboard('{ArrowRight}');
    expect(cell(0, 1)).toHaveFocus();
    expect(readout()).toMatch(/^direct, Last touch 2 conversions credited \(67% of all\)/);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(cell(3, 1)).toHaveFocus();
    expect(readout()).toMatch(/^No touch, Last touch 1 conversion credited.*1 user converted with no touch in the 30 d before\.$/);
    await userEvent.keyboard('{End}');
    expect(cell(3, 2)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(cell(3, 0)).toHaveFocus();
    await userEvent.keyboard('{Control>}{Home}{/Control}');
    expect(cell(0, 0)).toHaveFocus();
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(cell(3, 2)).toHaveFocus();
    expect(document.querySelectorAll('[data-cell][tabindex="0"]')).toHaveLength(1);

    // Leaving the table puts the hint back; Tab comes back to the same cell.
    await userEvent.tab({ shift: true });
    expect(readout()).toBe('Point at or focus a cell to read its figures.');
    await userEvent.tab();
    expect(cell(3, 2)).toHaveFocus();
  });

  it('follows a controlled metric and only offers what the result can show', async () => {
    function Host() {
      const [metric, setMetric] = useState<AttributionMetric>('value');
      const refuseConversions = (next: AttributionMetric) => {
        if (next !== 'conversions') setMetric(next);
      };
      return <AttributionChart data={three} metric={metric} onMetricChange={refuseConversions} />;
    }
    render(<Host />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-metric', 'value');
    await userEvent.click(screen.getByRole('button', { name: 'Conversions' }));
    // The host refused: the chart stays on value.
    expect(screen.getByRole('figure')).toHaveAttribute('data-metric', 'value');
    await userEvent.click(screen.getByRole('button', { name: 'Return on spend' }));
    expect(screen.getByRole('figure')).toHaveAttribute('data-metric', 'returnOnSpend');
  });

  it('has no switch without values, and no return on spend without costs', () => {
    const { rerender } = render(<AttributionChart data={run(['linear'], { value: false })} metric="value" />);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getByRole('figure')).toHaveAttribute('data-metric', 'conversions');
    rerender(<AttributionChart data={run(['linear'])} />);
    expect(
      within(screen.getByRole('group'))
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Conversions', 'Value']);
  });

  it('names every model with its parameters, in each locale', () => {
    const models: AttributionModel[] = [
      { model: 'time_decay', halfLife: 3 * DAY },
      'position_based',
      'last_non_direct',
      'first_touch',
      'last_touch',
      'linear',
    ];
    const result = run(models);
    const headers = () =>
      [...document.querySelectorAll('.kpikit-attribution-chart__model')].map((header) =>
        [...header.children].map((part) => spaces(part.textContent)),
      );
    const { rerender } = render(<AttributionChart data={result} />);
    expect(headers()).toEqual([
      ['Time decay', '3 d half-life'],
      ['Position-based', '40/20/40%'],
      ['Last non-direct'],
      ['First touch'],
      ['Last touch'],
      ['Linear'],
    ]);
    rerender(<AttributionChart data={result} locale="fr" currency="EUR" metric="value" />);
    expect(headers()).toEqual([
      ['Décroissance temporelle', 'demi-vie 3 j'],
      ['Selon la position', '40/20/40 %'],
      ['Dernier contact non direct'],
      ['Premier contact'],
      ['Dernier contact'],
      ['Linéaire'],
    ]);
    expect(spaces(document.querySelector('.kpikit-attribution-chart__row')?.textContent)).toContain('53,34 €');
    expect(screen.getByText('Aucun contact', { selector: '.kpikit-attribution-chart__channel' })).toBeVisible();
    rerender(<AttributionChart data={result} locale="zh-TW" />);
    expect(headers()).toEqual([
      ['時間衰減', '半衰期 3 天'],
      ['根據位置', '40/20/40%'],
      ['最終非直接接觸'],
      ['首次接觸'],
      ['最終接觸'],
      ['線性'],
    ]);
    expect(screen.getByRole('figure', { name: '歸因分析' })).toHaveAttribute('lang', 'zh-TW');
    // Chinese sentences follow one another without a space.
    expect(spaces(document.querySelector('.kpikit-card__caption')?.textContent)).toBe(
      '每次轉換的功勞由轉換前 30 天內的接觸點分攤。每位用戶只計首次轉換。使用方向鍵在儲存格間移動。',
    );
  });

  it('speaks of accounts for a result counted by account, unless told otherwise', () => {
    const accounts = attribution(events, {
      conversion: 'purchase',
      touches: { channel: 'utm_source' },
      models: ['linear'],
      from: '2024-03-01',
      to: '2024-03-31',
      unit: { group: 'account' },
    });
    const { rerender } = render(<AttributionChart data={accounts} />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-unit', 'account');
    expect(screen.getByText(/Each account’s first conversion counts\./, { selector: '.kpikit-card__caption' })).toBeVisible();
    rerender(<AttributionChart data={accounts} unit="user" />);
    expect(screen.getByText(/Each user’s first conversion counts\./, { selector: '.kpikit-card__caption' })).toBeVisible();
  });

  it('reads values in cents as money in major units', () => {
    const cents = run(['first_touch']);
    const scaled: AttributionResult = {
      ...cents,
      value: 10_000,
      models: cents.models.map((model) => ({
        ...model,
        rows: model.rows.map((row) => ({ ...row, value: row.value === null ? null : row.value * 100 })),
      })),
    };
    render(<AttributionChart data={scaled} currency="USD" valueUnits="minor" defaultMetric="value" />);
    expect(rowTexts()[1]).toEqual(['google', '$70']);
    expect(document.querySelector('.kpikit-attribution-chart__summary')).toHaveTextContent('$100 in value');
  });

  it('holds every figure in a table for screen readers', () => {
    render(<AttributionChart data={three} />);
    const table = screen.getByRole('table', { name: 'Attribution by channel and model' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Channel', 'Model', 'Conversions', 'Value', 'Spend', 'Cost per conversion', 'Return on spend']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(rows[3]).toHaveTextContent('googleFirst touch1$70$56$561.25×');
    expect(rows[0]).toHaveTextContent('directFirst touch1$30unknownunknownunknown');
  });

  it('shows a skeleton, an empty message and an error, keeping the frame', () => {
    const { rerender } = render(<AttributionChart data={undefined} loading />);
    const figure = screen.getByRole('figure', { name: 'Attribution' });
    expect(figure).toHaveAttribute('data-state', 'loading');
    expect(figure).toHaveAttribute('aria-busy', 'true');
    expect(figure.querySelectorAll('.kpikit-attribution-chart__skeleton-row')).toHaveLength(6);
    expect(figure.getBoundingClientRect().height).toBeGreaterThan(200);
    // February: nobody bought.
    const february = attribution(events, {
      conversion: 'purchase',
      touches: { channel: 'utm_source' },
      from: '2024-02-01',
      to: '2024-02-29',
    });
    rerender(<AttributionChart data={february} />);
    expect(screen.getByText('No conversions in this period')).toBeVisible();
    expect(figure).toHaveAccessibleDescription('Attribution: no conversions in this period.');
    rerender(<AttributionChart data={three} error={new Error('Timed out')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Timed out');
    expect(screen.getByRole('figure', { name: 'Attribution' })).toHaveAttribute('data-state', 'error');
  });

  it('forwards its ref and passes attributes to its root', () => {
    let root: HTMLDivElement | null = null;
    render(
      <AttributionChart
        data={three}
        ref={(element) => {
          root = element;
        }}
        id="attribution"
        className="mine"
      />,
    );
    expect(root).toBe(document.getElementById('attribution'));
    expect(root!).toHaveClass('kpikit', 'kpikit-card', 'kpikit-attribution-chart', 'mine');
  });

  it('passes axe in every metric, light and dark', async () => {
    for (const metric of ['conversions', 'value', 'returnOnSpend'] as const) {
      for (const theme of [undefined, darkTheme]) {
        const { container, unmount } = render(<AttributionChart data={three} defaultMetric={metric} theme={theme} />);
        cell(0, 0).focus();
        const results = await axe.run(container);
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' ')}`)).toEqual([]);
        unmount();
      }
    }
  });
});
