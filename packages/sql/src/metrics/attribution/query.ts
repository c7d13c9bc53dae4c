import type { AttributionModelSpec, AttributionOptions } from '@kpikit/core';
import { DEFAULT_ATTRIBUTION_LOOKBACK } from '@kpikit/core';
import { withQuery, type CompileContext } from '../../query/context';
import { eventHead, selectWithBounds } from '../../query/events';
import { PropertySet } from '../../query/properties';
import { shareCtes, lastNonDirect } from './shares';

/** The columns of the rows an attribution query returns (besides the range's). */
export const ATTRIBUTION_COLUMNS = ['part', 'm', 'ch', 'ca', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

/** What each kind of row (`part`) holds in its columns `m`, `ch`, `ca` and `a … g`. */
export const PART = {
  /** Per model `m`, channel and campaign: credit units `a`, value quanta `b`, shares left unshared `c`. */
  credit: 1,
  /** Per channel and campaign: distinct touches `a`, distinct units `b`. */
  slot: 2,
  /** Per channel: distinct units `a`. */
  channel: 3,
  /**
   * One row: conversions `a`, touched `b`, total quanta `c`, conversions
   * without a value `d`, units with an untouched conversion `e` and their
   * quanta `f`, bad values `g`; the first bad value's time `m` and unit `ch`.
   */
  totals: 4,
  /**
   * Per row of the spend table overlapping the range (or breaking the rules):
   * channel `ch`, campaign `ca`, first and last day `a` and `b`, amount `h`,
   * and `c` = 1 when the row is not a valid cost entry.
   */
  cost: 5,
} as const;

/**
 * The SQL of `attribution`. One pass over the events makes each (unit, name,
 * millisecond) one row with its conversion flag, touch channel and campaign
 * and value; touches are numbered in core's touch order (time, channel text,
 * campaign text, no campaign first, byte order); each counted conversion is
 * joined to its unit's touches inside its lookback (an equi-join on the unit,
 * then the time bounds); the models' shares are computed by
 * {@link shareCtes}; small per-channel rows come back.
 */
export function attributionQuery(context: CompileContext, options: AttributionOptions, specs: readonly AttributionModelSpec[]): string {
  const { dialect, params } = context;
  const text = dialect.type('text');
  const double = dialect.type('double');
  const bigint = dialect.type('bigint');
  const properties = new PropertySet(context);
  const conversion = typeof options.conversion === 'string' ? { name: options.conversion, where: undefined } : options.conversion;
  properties.addAll(conversion.where, 'options.conversion.where');
  const { touches } = options;
  const channel = touches.channel === undefined ? null : properties.add(touches.channel, 'options.touches.channel');
  const campaign = touches.campaign === undefined ? null : properties.add(touches.campaign, 'options.touches.campaign');
  const valueOption = options.value as { property: string; decimals?: number } | undefined;
  const value = valueOption === undefined ? null : properties.add(valueOption.property, 'options.value.property');
  const range = { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' };
  const head = eventHead(context, range, properties);
  // time_decay weighs a touch by its time before the nearest one (`dt`, ms ≤ 0).
  const decays = specs.some((spec) => spec.model === 'time_decay');

  // Per copy of an event: the label as text; a copy without it makes the event have none.
  const label = (alias: string): string =>
    `CASE WHEN count(*) = count(${alias}) THEN min(${dialect.byteOrder(`CAST(${alias} AS ${text})`)}) END`;
  const named = touches.names === undefined ? null : params.inList('n', touches.names);
  const touchChannel =
    channel === null
      ? `CASE WHEN ${named as string} THEN min(n) END`
      : named === null
        ? label(channel)
        : `CASE WHEN ${named} THEN ${label(channel)} END`;
  const touchCampaign = campaign === null ? `CAST(NULL AS ${text})` : label(campaign);
  const isConversion = [`n = ${params.text(conversion.name)}`, properties.condition(conversion.where as never) ?? null]
    .filter(Boolean)
    .join(' AND ');
  const scale = params.double(10 ** (valueOption?.decimals ?? 2));
  const lookback = params.double(options.lookback ?? DEFAULT_ATTRIBUTION_LOOKBACK);
  const counted = options.count === 'every' ? 'c.cv = 1' : 'c.cv = 1 AND c.r = 1';
  const over = 'PARTITION BY u, cms';
  const none = `CAST(NULL AS ${text})`;
  const zero = 'NULL';
  const row = (part: number, columns: readonly string[]): string => {
    const [m = zero, ch = none, ca = none, a = zero, b = zero, c = zero, d = zero] = columns;
    const select = `SELECT ${part} AS part, CAST(${m} AS ${bigint}) AS m, ${ch} AS ch, ${ca} AS ca, CAST(${a} AS ${bigint}) AS a, CAST(${b} AS ${bigint}) AS b, CAST(${c} AS ${bigint}) AS c, CAST(${d} AS ${bigint}) AS d`;
    // The totals and cost rows fill e … h themselves (their SELECT list goes on).
    const rest = `CAST(NULL AS ${bigint}) AS e, CAST(NULL AS ${bigint}) AS f, CAST(NULL AS ${bigint}) AS g, CAST(NULL AS ${double}) AS h`;
    return part === PART.totals || part === PART.cost ? select : `${select}, ${rest}`;
  };
  // A value is a finite number ≥ 0 on the grid of its decimals (allowing the binary hair of 19.99 × 100), as core reads it.
  const scaled = `(CAST(c.v AS ${double}) * ${scale})`;
  const whole = `floor(${scaled} + 0.5)`;
  const good = `${whole} >= 0 AND ${whole} <= 9007199254740991 AND abs(${scaled} - ${whole}) <= 1e-9 * greatest(1, ${whole})`;

  return withQuery(
    context,
    [
      ...head.ctes,
      ['k_bounds', head.bounds('k_ev', 'd', 'd')],
      [
        'k_rows',
        [
          `SELECT u, ms, d, max(CASE WHEN ${isConversion} THEN 1 ELSE 0 END) AS cv, ${touchChannel} AS ch,`,
          `  ${touchCampaign} AS ca, ${value === null ? `CAST(NULL AS ${double})` : `min(${value})`} AS v`,
          'FROM k_ev',
          'GROUP BY u, n, ms, d',
        ].join('\n'),
      ],
      [
        'k_touches',
        `SELECT u, ms, ch, CASE WHEN ch IS NULL THEN NULL ELSE ca END AS ca, row_number() OVER (PARTITION BY u ORDER BY ms, ${dialect.byteOrder('ch')}, ${dialect.byteOrder('ca')} NULLS FIRST) AS o\nFROM k_rows\nWHERE ch IS NOT NULL`,
      ],
      [
        'k_conv',
        [
          'SELECT c.u AS u, c.ms AS cms,',
          `  CASE WHEN c.v IS NULL OR NOT (${good}) THEN 0 ELSE ${whole} END AS q,`,
          `  CASE WHEN c.v IS NULL THEN 1 ELSE 0 END AS nv, CASE WHEN c.v IS NOT NULL AND NOT (${good}) THEN 1 ELSE 0 END AS bad`,
          'FROM (',
          `  SELECT u, ms, d, cv, v, row_number() OVER (PARTITION BY u, cv ORDER BY ms) AS r FROM k_rows`,
          ') AS c',
          'CROSS JOIN k_bounds AS b',
          `WHERE ${counted} AND c.d BETWEEN b.from_day AND b.to_day`,
        ].join('\n'),
      ],
      [
        'k_win',
        [
          `SELECT c.u AS u, c.cms AS cms, c.q AS q, t.o AS o, t.ch AS ch, t.ca AS ca${decays ? ', t.ms AS tms' : ''}`,
          'FROM k_conv AS c',
          'JOIN k_touches AS t ON t.u = c.u',
          `WHERE t.ms >= CAST(c.cms AS ${double}) - ${lookback} AND t.ms <= c.cms`,
        ].join('\n'),
      ],
      [
        'k_pos',
        [
          `SELECT u, cms, q, o, ch, ca, i, n${decays ? `, CAST(tms - max(tms) OVER (${over}) AS ${double}) AS dt` : ''}`,
          // Read here once per conversion: the last non-direct touch of each last_non_direct model.
          `  ${lastNonDirect(context, specs, over)}`,
          `FROM (SELECT u, cms, q, o, ch, ca${decays ? ', tms' : ''}, row_number() OVER (${over} ORDER BY o) - 1 AS i, count(*) OVER (${over}) AS n FROM k_win) AS w`,
        ].join('\n'),
      ],
      ...shareCtes(context, specs),
      [
        'k_conv_touched',
        [
          // Each conversion once, with whether it had a touch, and the first conversion whose value is bad.
          'SELECT u, cms, q, nv, bad, touched, min(CASE WHEN bad = 1 THEN cms END) OVER () AS bad_ms',
          'FROM (',
          '  SELECT c.u AS u, c.cms AS cms, c.q AS q, c.nv AS nv, c.bad AS bad, CASE WHEN w.u IS NULL THEN 0 ELSE 1 END AS touched',
          '  FROM k_conv AS c',
          '  LEFT JOIN (SELECT DISTINCT u, cms FROM k_win) AS w ON w.u = c.u AND w.cms = c.cms',
          ') AS c',
        ].join('\n'),
      ],
      [
        'k_out',
        [
          `${row(PART.credit, ['m', 'ch', 'ca', 'sum(c_share)', 'sum(v_share)', 'sum(unshared)'])}\nFROM k_shares\nGROUP BY m, ch, ca`,
          `${row(PART.slot, [zero, 'ch', 'ca', 'count(*)', 'count(DISTINCT u)'])}\nFROM (SELECT DISTINCT u, o, ch, ca FROM k_win) AS t\nGROUP BY ch, ca`,
          `${row(PART.channel, [zero, 'ch', none, 'count(DISTINCT u)'])}\nFROM k_win\nGROUP BY ch`,
          `${row(PART.totals, [
            'min(CASE WHEN bad = 1 AND cms = bad_ms THEN cms END)',
            'min(CASE WHEN bad = 1 AND cms = bad_ms THEN u END)',
            none,
            'count(*)',
            'sum(touched)',
            'sum(q)',
            'sum(nv)',
          ])}, CAST(count(DISTINCT CASE WHEN touched = 0 THEN u END) AS ${bigint}) AS e,\n  CAST(sum(CASE WHEN touched = 0 THEN q ELSE 0 END) AS ${bigint}) AS f, CAST(sum(bad) AS ${bigint}) AS g, CAST(NULL AS ${double}) AS h\nFROM k_conv_touched`,
          ...(context.costs ? [costRows(context, row)] : []),
        ].join('\nUNION ALL\n'),
      ],
    ],
    selectWithBounds(context, 'k_out', ATTRIBUTION_COLUMNS, properties),
  );
}

/**
 * The spend table's rows that `parse` needs: those overlapping the range,
 * and any that is not a valid cost entry (a NULL channel or day, a last day
 * before the first, an amount that is not a finite number ≥ 0), which `parse`
 * refuses as core refuses a bad entry.
 */
function costRows(context: CompileContext, row: (part: number, columns: readonly string[]) => string): string {
  const { dialect } = context;
  const costs = context.costs as NonNullable<CompileContext['costs']>;
  const text = dialect.type('text');
  const double = dialect.type('double');
  const bigint = dialect.type('bigint');
  const bad =
    'CASE WHEN ch IS NULL OR lo IS NULL OR hi IS NULL OR hi < lo OR NOT (amount >= 0 AND amount <= 1.7976931348623157e308) THEN 1 ELSE 0 END';
  const columns = [
    `CAST(${costs.column('channel')} AS ${text}) AS ch`,
    `CAST(${costs.column('campaign')} AS ${text}) AS ca`,
    `${dialect.dateDay(costs.column('from'))} AS lo`,
    `${dialect.dateDay(costs.column('to'))} AS hi`,
    `CAST(${costs.column('amount')} AS ${double}) AS amount`,
  ];
  return [
    `${row(PART.cost, ['NULL', 'k_c.ch', 'k_c.ca', 'k_c.lo', 'k_c.hi', 'k_c.bad'])}, CAST(NULL AS ${bigint}) AS e, CAST(NULL AS ${bigint}) AS f, CAST(NULL AS ${bigint}) AS g, k_c.amount AS h`,
    'FROM (',
    `  SELECT ch, ca, lo, hi, amount, ${bad} AS bad`,
    `  FROM (SELECT ${columns.join(', ')} FROM ${costs.table}) AS s`,
    ') AS k_c',
    'CROSS JOIN k_bounds AS kb',
    'WHERE k_c.bad = 1 OR (k_c.hi >= kb.from_day AND k_c.lo <= kb.to_day)',
  ].join('\n');
}
