import { activeUsers, parseDay } from '@kpikit/core';
import type { NpsResult } from '@kpikit/core';
import { KpiValidationError } from '@kpikit/core';
import { withQuery } from '../query/context';
import { numberAt } from '../query/rows';
import { localDayIn } from '../query/zone';
import type { TimestampType } from '../target';
import type { MetricSql } from './metric.types';

/** Options of `nps` in SQL: every answer by default, or those given on local days `[from, to]`. */
export interface NpsSqlOptions {
  /** First local date of answers counted, `YYYY-MM-DD` (needs the timestamp column). Default: no lower bound. */
  readonly from?: string | undefined;
  /** Last local date counted, inclusive. Default: no upper bound. */
  readonly to?: string | undefined;
  /** IANA zone whose calendar days `from` and `to` name. Default `"UTC"`. */
  readonly timeZone?: string | undefined;
}

const NPS_OPTIONS: readonly string[] = ['from', 'to', 'timeZone'];

/**
 * `nps` over a survey table, one answer per row. The database counts
 * promoters (9–10), passives (7–8), all answers, and answers that are not an
 * integer from 0 to 10 (NULL included): `parse` rejects the table when there
 * are any, as core rejects such a score, and computes the score as core does.
 */
export const npsSql: MetricSql<NpsSqlOptions, NpsResult> = {
  table: 'survey',
  check(options) {
    const checked = (options ?? {}) as NpsSqlOptions;
    const unknown = typeof checked === 'object' ? Object.keys(checked).filter((key) => !NPS_OPTIONS.includes(key)) : [];
    if (unknown.length > 0) {
      throw new KpiValidationError(
        'options',
        unknown.map((key) => ({
          index: null,
          path: `options.${key}`,
          expected: 'a known option name (check its spelling)',
          received: typeof (checked as Record<string, unknown>)[key],
        })),
      );
    }
    // The range options mean what they mean for every event metric: validate them the same way.
    activeUsers([], checked);
    return checked;
  },
  compile(context, options) {
    const { dialect, params } = context;
    const double = dialect.type('double');
    const conditions: string[] = [];
    if (options.from !== undefined || options.to !== undefined) {
      const ms = dialect.epochMs(context.column('timestamp'), context.setting('timestampType') as TimestampType);
      const day = localDayIn(context, ms, options.timeZone ?? 'UTC');
      if (options.from !== undefined) conditions.push(`${day} >= ${params.bigint(parseDay(options.from) as number)}`);
      if (options.to !== undefined) conditions.push(`${day} <= ${params.bigint(parseDay(options.to) as number)}`);
    }
    const where = conditions.length === 0 ? '' : `\nWHERE ${conditions.join(' AND ')}`;
    return withQuery(
      context,
      [['k_answers', `SELECT CAST(${context.column('score')} AS ${double}) AS s\nFROM ${context.table}${where}`]],
      [
        'SELECT',
        '  count(*) AS total,',
        '  sum(CASE WHEN s >= 9 AND s <= 10 THEN 1 ELSE 0 END) AS promoters,',
        '  sum(CASE WHEN s >= 7 AND s < 9 THEN 1 ELSE 0 END) AS passives,',
        '  sum(CASE WHEN s IS NULL OR s < 0 OR s > 10 OR s <> floor(s) THEN 1 ELSE 0 END) AS invalid',
        'FROM k_answers',
      ].join('\n'),
    );
  },
  parse(rows) {
    if (!Array.isArray(rows) || rows.length !== 1) {
      throw new KpiValidationError('rows', [
        {
          index: null,
          path: 'rows',
          expected: 'the one row of the compiled query',
          received: Array.isArray(rows) ? `${rows.length} rows` : typeof rows,
        },
      ]);
    }
    const invalid = numberAt(rows, 0, 'invalid') ?? 0;
    if (invalid > 0) {
      throw new KpiValidationError('table', [
        {
          index: null,
          path: 'table.score',
          expected: 'integer scores from 0 to 10',
          received: `${invalid} other value${invalid === 1 ? '' : 's'}`,
        },
      ]);
    }
    const total = numberAt(rows, 0, 'total') ?? 0;
    const promoters = numberAt(rows, 0, 'promoters') ?? 0;
    const passives = numberAt(rows, 0, 'passives') ?? 0;
    const detractors = total - promoters - passives;
    return { promoters, passives, detractors, total, score: total === 0 ? null : (100 * (promoters - detractors)) / total };
  },
};
