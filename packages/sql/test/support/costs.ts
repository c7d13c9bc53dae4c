/** A spend table in the test engines: one cost entry per row, days as DATE columns. */
import type { AttributionCost } from '@kpikit/core';
import { backQuoted, quoted, type Engine } from './engines';

/** A spend row as the table holds it; `null`s test rejection. */
export interface SpendRow {
  readonly channel: string | null;
  readonly campaign: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly amount: number | null;
}

/** The rows of cost entries whose period is `{ from, to }` or one day. */
export const spendRows = (costs: readonly AttributionCost[]): SpendRow[] =>
  costs.map(({ channel, campaign, period, amount }) => {
    const { from, to } = typeof period === 'string' ? { from: period, to: period } : period;
    return { channel, campaign: campaign ?? null, from, to, amount };
  });

/** (Re)creates the table `spend (channel, campaign, from_date, to_date, amount)`. */
export async function loadSpend(engine: Engine, rows: readonly SpendRow[]): Promise<void> {
  if (engine.dialect === 'clickhouse') {
    await engine.exec(`DROP TABLE IF EXISTS ${backQuoted('spend')}`);
    await engine.exec(
      'CREATE TABLE spend (channel Nullable(String), campaign Nullable(String), from_date Nullable(Date32), to_date Nullable(Date32), amount Nullable(Float64)) ENGINE = Memory',
    );
    if (rows.length === 0) return;
    const lines = rows.map((row) => JSON.stringify({ ...row, from_date: row.from, to_date: row.to })).join('\n');
    const structure =
      'channel Nullable(String), campaign Nullable(String), from_date Nullable(Date32), to_date Nullable(Date32), amount Nullable(Float64)';
    const literal = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    await engine.exec(
      `INSERT INTO spend SELECT channel, campaign, from_date, to_date, amount FROM format(JSONEachRow, ${literal(structure)}, ${literal(lines)})`,
    );
    return;
  }
  await engine.exec(`DROP TABLE IF EXISTS ${quoted('spend')}`);
  await engine.exec('CREATE TABLE spend (channel TEXT, campaign TEXT, from_date DATE, to_date DATE, amount DOUBLE PRECISION)');
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const values = rows.map((row) => {
    params.push(row.channel, row.campaign, row.from, row.to, row.amount);
    const n = params.length;
    return `(CAST($${n - 4} AS TEXT), CAST($${n - 3} AS TEXT), CAST($${n - 2} AS DATE), CAST($${n - 1} AS DATE), CAST($${n} AS DOUBLE PRECISION))`;
  });
  await engine.exec(`INSERT INTO spend VALUES ${values.join(', ')}`, params);
}
