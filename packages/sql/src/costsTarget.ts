/** Column names of a spend table (one entry per row), for {@link CostsTarget}. Every name defaults to the one shown. */
export interface CostTableColumns {
  /** The channel, as text. Default `"channel"`. */
  readonly channel?: string | undefined;
  /** The campaign, as text; NULL for spend on the whole channel. Default `"campaign"`. */
  readonly campaign?: string | undefined;
  /** First local day of the period, a DATE. Default `"from_date"`. */
  readonly from?: string | undefined;
  /** Last local day of the period (inclusive), a DATE. Default `"to_date"`. */
  readonly to?: string | undefined;
  /** Spend over the period, a number ≥ 0 in the unit of the conversion value. Default `"amount"`. */
  readonly amount?: string | undefined;
}

/**
 * A spend table `attribution` reads its costs from, besides the `costs`
 * option: each row is core's cost entry `{ channel, campaign, period: { from,
 * to }, amount }`.
 */
export interface CostsTarget {
  /** A table or view name, or its parts (`['ads', 'spend']`). */
  readonly table: string | readonly string[];
  readonly columns?: CostTableColumns | undefined;
}

/** A resolved spend table: name parts and column names. */
export interface ResolvedCosts {
  readonly table: readonly string[];
  readonly columns: Readonly<Record<'channel' | 'campaign' | 'from' | 'to' | 'amount', string>>;
}

const COST_DEFAULTS = { channel: 'channel', campaign: 'campaign', from: 'from_date', to: 'to_date', amount: 'amount' } as const;

const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && !value.includes('\0');

/** Checks `target.costs` and fills in default column names; issues go to `add`. */
export function resolveCosts(
  costs: unknown,
  add: (path: string, expected: string, received: unknown) => void,
  tableParts: (table: unknown, path: string) => string[] | null,
): ResolvedCosts | null {
  if (typeof costs !== 'object' || costs === null || Array.isArray(costs)) {
    add('target.costs', 'an object { table, columns? }', costs);
    return null;
  }
  const { table, columns, ...rest } = costs as Record<string, unknown>;
  for (const key of Object.keys(rest)) add(`target.costs.${key}`, 'a known field (table, columns)', rest[key]);
  const parts = tableParts(table, 'target.costs.table');
  const resolved: Record<string, string> = { ...COST_DEFAULTS };
  if (columns !== undefined) {
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns))
      add('target.costs.columns', 'an object of column names', columns);
    else {
      for (const [key, value] of Object.entries(columns as Record<string, unknown>)) {
        if (value === undefined) continue;
        if (!(key in COST_DEFAULTS)) add(`target.costs.columns.${key}`, `a known column (${Object.keys(COST_DEFAULTS).join(', ')})`, value);
        else if (!isName(value)) add(`target.costs.columns.${key}`, 'a column name (non-empty, no NUL character)', value);
        else resolved[key] = value;
      }
    }
  }
  return parts === null ? null : { table: parts, columns: resolved as ResolvedCosts['columns'] };
}
