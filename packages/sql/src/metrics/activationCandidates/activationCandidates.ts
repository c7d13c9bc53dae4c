import { activationCandidates, activationCandidatesResult, KpiValidationError, resolveActivationOptions } from '@kpikit/core';
import type { ActivationCandidatesOptions, ActivationCandidatesResult, ActivationCandidateSpec } from '@kpikit/core';
import { INVALID_EVENTS, numberAt, rangeOf, type SqlRow } from '../../query/rows';
import type { MetricSql } from '../metric.types';
import { PAIR_MARGIN } from './pairs';
import { activationQuery } from './query';

/**
 * `activationCandidates` in SQL. The database counts, and only counts: each
 * unit's first start event (`k_first`), its local day and that of the last
 * instant the unit must be observed until (`k_new`, both converted in the
 * zone), whether the unit is censored (that day after the data's last local
 * day, `k_end`) and retained (`k_units`), and per eligible unit and candidate
 * how many distinct instants it did the candidate in its action window, the
 * start row excepted (`k_acts`); then per candidate and threshold the units
 * that did it and those of them retained (`k_tally`). One row per candidate
 * comes back, each carrying the totals; `parse` hands the counts to core's
 * own `activationCandidatesResult`, so the statistics and the ranking are
 * core's code.
 *
 * "The close of the last local day" is compared without computing it: in a
 * zone whose local days never go back, `start + observed > close` holds
 * exactly when the local day of `start + observed − 1 ms` is after the last
 * day.
 *
 * With `pairs`, the same query also tallies pairs of the candidates it
 * estimates best (see {@link pairCtes}); `parse` picks the exact ones with
 * core's code and reads their tallies.
 */
export const activationCandidatesSql: MetricSql<ActivationCandidatesOptions, ActivationCandidatesResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as ActivationCandidatesOptions;
    activationCandidates([], checked);
    return checked;
  },
  compile(context, options) {
    return activationQuery(context, resolveActivationOptions(options));
  },
  parse(rows, options) {
    const resolved = resolveActivationOptions(options);
    const range = rangeOf(rows, INVALID_EVENTS);
    const { thresholds } = resolved;
    const given = resolved.candidates;
    const data = rows.map((_, i) => i).filter((i) => keyAt(rows, i, 'c') !== null);
    const names = given ? [] : [...new Set(data.map((i) => String(keyAt(rows, i, 'c'))))].sort(compareCodeUnits);
    const specs: readonly ActivationCandidateSpec[] = given ?? names.map((name) => ({ name, where: undefined }));
    const index = new Map(names.map((name, i) => [name, i]));
    const candidateOf = (i: number, column: 'c' | 'c2'): number => {
      const candidate = given ? (numberAt(rows, i, column) as number) : (index.get(String(keyAt(rows, i, column))) ?? -1);
      return candidate >= 0 && candidate < specs.length ? candidate : -1;
    };
    const width = thresholds.length;
    const did = new Float64Array(specs.length * width);
    const didRetained = new Float64Array(did.length);
    const paired = new Uint8Array(specs.length);
    // Pair rows: (first, second, met counts of each, units, retained), each unordered pair of candidates under one order.
    const pairRows: [number, number, number, number, number, number][] = [];
    for (const i of data) {
      const candidate = candidateOf(i, 'c');
      if (candidate < 0) continue;
      if (keyAt(rows, i, 'c2') !== null) {
        const other = candidateOf(i, 'c2');
        if (other < 0) continue;
        const counts = [
          numberAt(rows, i, 'ta') ?? 0,
          numberAt(rows, i, 'tb') ?? 0,
          numberAt(rows, i, 'pair_did') ?? 0,
          numberAt(rows, i, 'pair_kept') ?? 0,
        ];
        pairRows.push([candidate, other, ...(counts as [number, number, number, number])]);
        continue;
      }
      if (numberAt(rows, i, 'paired') === 1) paired[candidate] = 1;
      for (let t = 0; t < width; t++) {
        did[candidate * width + t]! += numberAt(rows, i, `did_${t}`) ?? 0;
        didRetained[candidate * width + t]! += numberAt(rows, i, `kept_${t}`) ?? 0;
      }
    }
    return activationCandidatesResult(resolved, {
      range,
      lastDay: numberAt(rows, 0, 'last_day'),
      newUnits: numberAt(rows, 0, 'new_units') ?? 0,
      censored: numberAt(rows, 0, 'censored') ?? 0,
      retained: numberAt(rows, 0, 'retained') ?? 0,
      candidates: specs,
      singles: { did, didRetained },
      pairs: (chosen) => {
        const missing = chosen.filter(({ candidate }) => paired[candidate] !== 1);
        if (missing.length > 0) {
          throw new KpiValidationError('rows', [
            {
              index: null,
              path: 'rows',
              expected: `pair tallies for each of the ${resolved.pairs} best candidates (the query pairs those it ranks within ${resolved.pairs} + ${PAIR_MARGIN})`,
              received: `none for ${missing.map(({ candidate }) => JSON.stringify(specs[candidate]!.name)).join(', ')}`,
            },
          ]);
        }
        // A unit met "a ≥ thresholds[t]" when it met more than t thresholds of a.
        const level = (atLeast: number): number => thresholds.indexOf(atLeast) + 1;
        const n = chosen.length;
        const slots = new Map<string, number>();
        let slot = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) slots.set(`${chosen[i]!.candidate},${chosen[j]!.candidate}`, slot++);
        const pairDid = new Float64Array(slot);
        const pairRetained = new Float64Array(slot);
        const levels = new Map(chosen.map(({ candidate, atLeast }) => [candidate, level(atLeast)]));
        for (const [a, b, ta, tb, units, kept] of pairRows) {
          const la = levels.get(a);
          const lb = levels.get(b);
          if (la === undefined || lb === undefined || ta < la || tb < lb) continue;
          const at = slots.get(`${a},${b}`) ?? slots.get(`${b},${a}`);
          if (at === undefined) continue;
          pairDid[at]! += units;
          pairRetained[at]! += kept;
        }
        return { did: pairDid, didRetained: pairRetained };
      },
    });
  },
};

/** A key column of a row: a candidate's index (candidates given) or event name (every name); `null` where absent. */
function keyAt(rows: readonly SqlRow[], i: number, column: 'c' | 'c2'): unknown {
  const value = (rows[i] as SqlRow)[column];
  return value === undefined ? null : value;
}

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
