/**
 * `activationCandidates` against a hand-written DuckDB query for the same
 * 2×2 tables: new users (first `signup`), actions in their first 7 days of
 * 24 h, retained if active in days [7, 14), users whose outcome window closes
 * after the UTC day of the latest event left out (censored). One signal per
 * event name and threshold k ∈ {1, 2, 3, 5}: "did it at least k times"
 * (exact duplicates once). Both engines must give every signal the same four
 * counts; the statistics core derives from them (lift, interval, score) are
 * arithmetic on those counts.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { activationCandidates, type EventTable } from '@kpikit/core';
import { DAY_MS } from './generate';

const ACTION_DAYS = 7;
const OUTCOME_DAY = 7;
const OUTCOME_DAYS = 7;
const THRESHOLDS = [1, 2, 3, 5] as const;

/** Per signal (`name ≥ k`), its 2×2 counts; and the eligible and retained units. */
export interface ActivationCounts {
  readonly eligible: number;
  readonly retained: number;
  readonly censored: number;
  readonly signals: ReadonlyMap<string, readonly [didRetained: number, didNotRetained: number]>;
}

const signalKey = (name: string, k: number): string => `${name} ≥ ${k}`;

export function kpikitActivation(table: EventTable): ActivationCounts {
  const result = activationCandidates(table, {
    days: ACTION_DAYS,
    outcome: { day: OUTCOME_DAY, days: OUTCOME_DAYS },
    atLeast: [...THRESHOLDS],
    timeZone: 'UTC',
  });
  const signals = new Map<string, readonly [number, number]>();
  for (const candidate of result.candidates) {
    const [condition] = candidate.conditions;
    signals.set(signalKey(condition!.name, condition!.atLeast), [candidate.counts.did.retained, candidate.counts.did.notRetained]);
  }
  return { eligible: result.eligible, retained: result.retained, censored: result.censored, signals };
}

const ACTIVATION_SQL = `
WITH starts AS (
  SELECT user_id, min(ts) AS s FROM events WHERE name = 'signup' GROUP BY user_id
),
data_end AS (
  SELECT (max(ts) // ${DAY_MS} + 1) * ${DAY_MS} AS e FROM events
),
eligible AS (
  SELECT user_id, s FROM starts, data_end WHERE s + ${(OUTCOME_DAY + OUTCOME_DAYS) * DAY_MS} <= e
),
retained AS (
  SELECT DISTINCT ev.user_id FROM events ev JOIN eligible el USING (user_id)
  WHERE ev.ts >= el.s + ${OUTCOME_DAY * DAY_MS} AND ev.ts < el.s + ${(OUTCOME_DAY + OUTCOME_DAYS) * DAY_MS}
),
actions AS (
  SELECT ev.user_id, ev.name, count(DISTINCT ev.ts) AS c FROM events ev JOIN eligible el USING (user_id)
  WHERE ev.name <> 'signup' AND ev.ts >= el.s AND ev.ts < el.s + ${ACTION_DAYS * DAY_MS}
  GROUP BY ev.user_id, ev.name
)
SELECT a.name, k.k, count(r.user_id) AS did_retained, count(*) - count(r.user_id) AS did_not_retained,
       NULL AS eligible, NULL AS retained, NULL AS censored
FROM actions a JOIN (VALUES ${THRESHOLDS.map((k) => `(${k})`).join(', ')}) AS k(k) ON a.c >= k.k
LEFT JOIN retained r USING (user_id)
GROUP BY a.name, k.k
UNION ALL
SELECT NULL, NULL, NULL, NULL, (SELECT count(*) FROM eligible), (SELECT count(*) FROM retained),
       (SELECT count(*) FROM starts) - (SELECT count(*) FROM eligible)
`;

export async function duckDbActivation(connection: DuckDBConnection): Promise<ActivationCounts> {
  const rows = (await connection.runAndReadAll(ACTIVATION_SQL)).getRowObjectsJS();
  const signals = new Map<string, readonly [number, number]>();
  let totals = { eligible: 0, retained: 0, censored: 0 };
  for (const row of rows) {
    if (row.name === null) totals = { eligible: Number(row.eligible), retained: Number(row.retained), censored: Number(row.censored) };
    else signals.set(signalKey(row.name as string, Number(row.k)), [Number(row.did_retained), Number(row.did_not_retained)]);
  }
  return { ...totals, signals };
}

/** How two engines' counts differ (empty when they agree). */
export function activationDifferences(expected: ActivationCounts, actual: ActivationCounts): string[] {
  const differences: string[] = [];
  for (const field of ['eligible', 'retained', 'censored'] as const) {
    if (expected[field] !== actual[field]) differences.push(`${field}: ${expected[field]} vs ${actual[field]}`);
  }
  for (const key of new Set([...expected.signals.keys(), ...actual.signals.keys()])) {
    const a = expected.signals.get(key)?.join('/') ?? 'none';
    const b = actual.signals.get(key)?.join('/') ?? 'none';
    if (a !== b) differences.push(`${key}: ${a} vs ${b}`);
  }
  return differences;
}
