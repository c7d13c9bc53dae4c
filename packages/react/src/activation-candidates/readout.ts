import type { ActivationCandidatesResult } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import { intervalBounds, type ActivationRowModel } from './candidateModel';

/** Every figure of the signal pointed at or focused, as sentences. */
export interface ActivationReadout {
  /** The row (position among those shown) it speaks of. */
  readonly index: number;
  readonly title: string;
  readonly lines: readonly string[];
}

/**
 * The readout of a row: reach, retention of those who did and did not, lift
 * with its interval, relative lift, precision and recall, the 2×2 counts and
 * the score, and whether the interval crosses 0.
 */
export function rowReadout(
  result: ActivationCandidatesResult,
  row: ActivationRowModel,
  fmt: Formatter,
  units: (count: number) => string,
): ActivationReadout {
  const { candidate } = row;
  const { did, didNot } = candidate.counts;
  const didCount = did.retained + did.notRetained;
  const notCount = didNot.retained + didNot.notRetained;
  const lines = [
    fmt.t('activation.readout.reach', {
      did: fmt.number(candidate.units),
      eligible: fmt.number(result.eligible),
      units: units(result.eligible),
      reach: row.reachText,
    }),
    fmt.t('activation.readout.retention', { did: fmt.percent(candidate.retentionIfDid), not: fmt.percent(candidate.retentionIfNot) }),
  ];
  if (candidate.lift !== null && candidate.liftInterval) {
    lines.push(
      fmt.t('activation.readout.lift', {
        lift: row.liftText,
        ...intervalBounds(candidate.liftInterval, fmt),
      }),
    );
    if (candidate.relativeLift !== null) lines.push(fmt.t('activation.readout.relativeLift', { value: row.relativeLiftText }));
  } else lines.push(fmt.t('activation.readout.noLift'));
  lines.push(
    fmt.t('activation.readout.precision', { value: fmt.percent(candidate.precision), recall: row.recallText }),
    fmt.t('activation.readout.counts', {
      didRetained: fmt.number(did.retained),
      did: fmt.number(didCount),
      notRetained: fmt.number(didNot.retained),
      not: fmt.number(notCount),
    }),
  );
  if (candidate.score !== null)
    lines.push(fmt.t('activation.readout.score', { value: fmt.number(candidate.score, { maximumFractionDigits: 3 }) }));
  if (row.uncertain) lines.push(fmt.t('activation.readout.uncertain'));
  return { index: row.index, title: fmt.t('activation.readout.title', { rank: fmt.number(row.rank), signal: row.name }), lines };
}
