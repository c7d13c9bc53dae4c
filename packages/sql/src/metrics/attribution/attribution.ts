import { attribution, formatDay, KpiValidationError, resolveAttributionModel } from '@kpikit/core';
import type { AttributionOptions, AttributionResult, KpiIssue } from '@kpikit/core';
import { rangeOf } from '../../query/rows';
import { INVALID_EVENTS } from '../activeUsers';
import type { MetricSql } from '../metric.types';
import { attributionQuery } from './query';
import { modelRows, readTallies, type AttributionTallies } from './rows';

/** Refuses what SQL does not compute as core does: values from subscriptions. */
function unsupported(options: AttributionOptions): KpiIssue[] {
  const issues: KpiIssue[] = [];
  if (options.value !== undefined && 'subscriptions' in options.value) {
    issues.push({
      index: null,
      path: 'options.value.subscriptions',
      expected: 'a value read from a property of the conversion event ({ property, decimals? }): values from subscriptions are core only',
      received: 'subscriptions',
    });
  }
  return issues;
}

/**
 * `attribution` in SQL: the database finds the conversions, their touches in
 * the lookback and every model's integer shares (largest remainder, core's
 * tie rule), and returns per-model sums per channel and campaign; `parse`
 * spreads the costs over the range and builds core's rows.
 */
export const attributionSql: MetricSql<AttributionOptions, AttributionResult> = {
  table: 'events',
  check(options) {
    const checked = options as AttributionOptions;
    attribution([], checked);
    const issues = unsupported(checked);
    if (issues.length > 0) throw new KpiValidationError('options', issues);
    return checked;
  },
  compile(context, options) {
    return attributionQuery(context, options, (options.models ?? ['last_touch']).map(resolveAttributionModel));
  },
  parse(rows, options) {
    const timeZone = options.timeZone ?? 'UTC';
    const range = rangeOf(rows, INVALID_EVENTS);
    const tallies = readTallies(rows);
    checkTallies(tallies, options);
    const value = options.value as { property: string; decimals?: number } | undefined;
    const scale = value === undefined ? null : range ? 10 ** (value.decimals ?? 2) : 1;
    if (scale !== null && tallies.quanta > Number.MAX_SAFE_INTEGER) {
      throw new KpiValidationError('options', [
        {
          index: null,
          path: 'options.value',
          expected: `a total value below ${Number.MAX_SAFE_INTEGER / scale}`,
          received: String(tallies.quanta / scale),
        },
      ]);
    }
    return {
      from: range ? formatDay(range.fromDay) : null,
      to: range ? formatDay(range.toDay) : null,
      timeZone,
      count: options.count ?? 'first',
      lookback: options.lookback ?? 30 * 86_400_000,
      conversions: tallies.conversions,
      touched: tallies.touched,
      value: scale === null ? null : tallies.quanta / scale,
      withoutValue: scale === null ? null : tallies.withoutValue,
      models: modelRows(tallies, {
        specs: (options.models ?? ['last_touch']).map(resolveAttributionModel),
        byCampaign: options.touches.campaign !== undefined,
        scale,
        costs: [...(options.costs ?? []), ...tallies.tableCosts],
        range,
      }),
    };
  },
};

/** Throws core's error for conversion values that are not finite numbers ≥ 0 on the grid of their decimals, naming the first. */
function checkTallies(tallies: AttributionTallies, options: AttributionOptions): void {
  const value = options.value as { property: string; decimals?: number } | undefined;
  const bad = tallies.badValues;
  if (bad !== null && value !== undefined) {
    const decimals = value.decimals ?? 2;
    throw new KpiValidationError('conversion values', [
      {
        index: null,
        path: `events[unit ${JSON.stringify(bad.unit)} at ${new Date(bad.ms).toISOString()}].properties.${value.property}`,
        expected: `a finite number ≥ 0 with at most ${decimals} decimal${decimals === 1 ? '' : 's'} (see value.decimals), or null`,
        received: `${bad.count} conversion value${bad.count === 1 ? '' : 's'} off that grid`,
      },
    ]);
  }
  if (tallies.badCosts > 0) {
    throw new KpiValidationError('target', [
      {
        index: null,
        path: 'target.costs',
        expected: 'spend rows with a channel, a first and last day (last on or after first) and an amount that is a finite number ≥ 0',
        received: `${tallies.badCosts} row${tallies.badCosts === 1 ? '' : 's'} breaking those rules`,
      },
    ]);
  }
  if (tallies.unshared > 0) {
    throw new KpiValidationError('options', [
      {
        index: null,
        path: 'options.models',
        expected:
          'shares whose floors exceed the total by no more than the touches holding any (core then takes back units over several rounds, which SQL does not)',
        received: `${tallies.unshared} touch share${tallies.unshared === 1 ? '' : 's'}`,
      },
    ]);
  }
}
