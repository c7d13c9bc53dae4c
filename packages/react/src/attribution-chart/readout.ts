import type { AttributionResult } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import type { AttributionTable } from './attributionModel';
import { formatCredit, formatMultiple } from './attributionModel';

/** What the readout says of one cell: a title and lines of sentences. */
export interface AttributionReadout {
  readonly row: number;
  readonly column: number;
  /** "google, Linear". */
  readonly title: string;
  /** Credit and value; spend, cost per conversion and return on spend (or why they are unknown); reach. */
  readonly lines: readonly (readonly string[])[];
}

/** Options of {@link cellReadout}. */
export interface ReadoutSettings {
  readonly currency: string;
  readonly moneyScale: number;
  /** Some channel has a cost entry: spend lines are worth a line. */
  readonly hasCosts: boolean;
}

/**
 * Every figure of one channel under one model, in sentences, with the reason
 * of each unknown one: the tooltip of the cell and its accessible description.
 *
 * @example
 * cellReadout(result, table, 0, 2, fmt, settings)?.lines[0]; // ['41.5 conversions credited (10% of all).', '$3,120 in value.']
 */
export function cellReadout(
  result: AttributionResult,
  table: AttributionTable,
  row: number,
  column: number,
  fmt: Formatter,
  settings: ReadoutSettings,
): AttributionReadout | null {
  const line = table.rows[row];
  const cell = line?.cells[column];
  const model = table.columns[column];
  if (!line || !cell || !model) return null;
  const sentence = (text: string) => fmt.t('sentence', { text });
  const money = (value: number | null) => fmt.currency(value === null ? null : value / settings.moneyScale, settings.currency);
  const figures = cell.figures;
  // "12 accounts": the formatter's unit names who converted.
  const units = fmt.t('attribution.units', { count: fmt.count(figures.units) }, figures.units);

  const credit = [
    sentence(
      fmt.t(
        'attribution.readout.conversions',
        {
          count: formatCredit(figures.conversions, fmt),
          share: fmt.percent(result.conversions > 0 ? figures.conversions / result.conversions : null),
        },
        figures.conversions,
      ),
    ),
  ];
  if (figures.value !== null) credit.push(sentence(fmt.t('attribution.readout.value', { value: money(figures.value) })));

  const spend: string[] = [];
  if (settings.hasCosts) {
    if (line.kind === 'none') spend.push(sentence(fmt.t('attribution.why.none')));
    else if (figures.cost === null) spend.push(sentence(fmt.t('attribution.why.noCost', { channel: line.label })));
    else {
      spend.push(sentence(fmt.t('attribution.readout.spend', { value: money(figures.cost) })));
      spend.push(
        sentence(
          figures.costPerConversion === null
            ? fmt.t('attribution.why.noCredit')
            : fmt.t('attribution.readout.costPerConversion', { value: money(figures.costPerConversion) }),
        ),
      );
      if (figures.value !== null) {
        spend.push(
          sentence(
            figures.returnOnSpend === null
              ? fmt.t('attribution.why.zeroCost')
              : fmt.t('attribution.readout.returnOnSpend', { value: formatMultiple(figures.returnOnSpend, fmt) }),
          ),
        );
      }
    }
  }

  const reach =
    line.kind === 'none'
      ? fmt.t('attribution.readout.noneReach', { units, lookback: fmt.duration(result.lookback) })
      : fmt.t('attribution.readout.reach', {
          units,
          touches: fmt.t('attribution.readout.touches', { count: fmt.count(figures.touches) }, figures.touches),
        });

  return {
    row,
    column,
    title: fmt.t('attribution.readout.title', { channel: line.label, model: model.full }),
    lines: [credit, spend, [sentence(reach)]].filter((part) => part.length > 0),
  };
}
