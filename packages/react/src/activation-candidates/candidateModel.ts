import type { ActivationCandidate, ActivationCondition } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import { MISSING } from '../format/number';

/** The sign of a lift: `none` when there is no lift (everyone or no one did it). */
export type LiftDirection = 'positive' | 'negative' | 'zero' | 'none';

/** Where a lift and its interval sit on the table's lift scale, as fractions of the scale's width. */
export interface LiftGeometry {
  readonly zero: number;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** One candidate signal as the table and the scatter show it. */
export interface ActivationRowModel {
  /** Position among the rows shown (0-based). */
  readonly index: number;
  readonly candidate: ActivationCandidate;
  readonly rank: number;
  /** `pair` for "did E and F". */
  readonly kind: 'single' | 'pair';
  /** The signal in words: event names (or their `eventLabels`), thresholds, property conditions, "and" for pairs. */
  readonly name: string;
  readonly reachText: string;
  /** Reach as a fraction of the reach scale (0 … 1), for the bar; `null` when unknown. */
  readonly reachShare: number | null;
  /** "58% vs 31%": retention of those who did, and of those who did not. */
  readonly retentionText: string;
  readonly liftText: string;
  /** "+12 to +24": the lift's 95 % interval in points; `null` without a lift. */
  readonly intervalText: string | null;
  readonly relativeLiftText: string;
  readonly recallText: string;
  /** How many units met the signal. */
  readonly unitsText: string;
  readonly lift: LiftGeometry | null;
  readonly direction: LiftDirection;
  /** The interval contains 0: the data do not show a lift either way. */
  readonly uncertain: boolean;
}

/** The rows shown and the scales they share with the scatter. */
export interface ActivationTable {
  readonly rows: readonly ActivationRowModel[];
  /** Top of the reach scale (its bottom is 0): a round fraction at or above the greatest reach shown. */
  readonly reachMax: number;
  /** The lift scale: round bounds around every interval shown and 0. */
  readonly liftDomain: readonly [number, number];
  /** Some row shown has an interval that crosses 0. */
  readonly anyUncertain: boolean;
}

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/** The round values from `lo` to `hi` by `step`, without floating-point dust. */
export function ticks(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toFixed(10)));
  return out;
}

/** Lift in percentage points, one decimal below 10 points: `+18 pts`, `+4.2 pts`, `−0.8 pts`; `—` when unknown. */
export function formatPoints(fraction: number | null, fmt: Formatter): string {
  if (fraction === null || !Number.isFinite(fraction)) return MISSING;
  const points = fraction * 100;
  const value = fmt.signed(points, Math.abs(points) < 9.95 ? 1 : 0);
  return fmt.t('activation.points', { value });
}

/** The bounds of a lift's interval in points, signed, with the same decimals for both. */
export function intervalBounds(
  interval: { readonly lower: number; readonly upper: number },
  fmt: Formatter,
): { lower: string; upper: string } {
  const decimals = Math.max(Math.abs(interval.lower), Math.abs(interval.upper)) * 100 < 9.95 ? 1 : 0;
  return { lower: fmt.signed(interval.lower * 100, decimals), upper: fmt.signed(interval.upper * 100, decimals) };
}

/** "+12 to +24": a lift's interval in points. */
export function formatInterval(interval: { readonly lower: number; readonly upper: number }, fmt: Formatter): string {
  return fmt.t('activation.interval', intervalBounds(interval, fmt));
}

function conditionName(condition: ActivationCondition, fmt: Formatter, eventLabels: Readonly<Record<string, string>> | undefined): string {
  let event = eventLabels?.[condition.name] ?? condition.name;
  const where = condition.where ? Object.entries(condition.where) : [];
  if (where.length > 0) {
    const conditions = where
      .map(([key, value]) => fmt.t('activation.condition', { key, value: value === null ? fmt.t('activation.noValue') : String(value) }))
      .join(', ');
    event = fmt.t('activation.where', { event, conditions });
  }
  return condition.atLeast > 1 ? fmt.t('activation.atLeast', { event, count: fmt.number(condition.atLeast) }) : event;
}

/** The signal in words: "invite_teammate", "page_view, 3+ times", "invite_teammate and create_project". */
export function signalName(
  candidate: ActivationCandidate,
  fmt: Formatter,
  eventLabels: Readonly<Record<string, string>> | undefined,
): string {
  const names = candidate.conditions.map((condition) => conditionName(condition, fmt, eventLabels));
  if (names.length < 2) return names[0] ?? candidate.label;
  return new Intl.ListFormat(fmt.locale, { type: 'conjunction' }).format(names);
}

function directionOf(lift: number | null): LiftDirection {
  if (lift === null) return 'none';
  return lift > 0 ? 'positive' : lift < 0 ? 'negative' : 'zero';
}

/** The lift scale of `candidates`: round bounds around 0 and every interval, about four steps wide. */
export function liftDomainOf(candidates: readonly ActivationCandidate[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const { liftInterval } of candidates) {
    if (!liftInterval) continue;
    lo = Math.min(lo, liftInterval.lower);
    hi = Math.max(hi, liftInterval.upper);
  }
  if (lo === hi) return [-0.1, 0.1];
  const step = niceStep(hi - lo, 4);
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

/** The top of the reach scale: a round fraction at or above every reach, at most 100 %. */
export function reachMaxOf(candidates: readonly ActivationCandidate[]): number {
  const top = Math.max(0, ...candidates.map((candidate) => candidate.reach ?? 0));
  if (top === 0) return 1;
  const step = niceStep(top, 4);
  return Math.min(1, Math.ceil(top / step - 1e-9) * step);
}

/** The rows of the candidates shown, every figure formatted, and the scales they share. */
export function activationTable(
  candidates: readonly ActivationCandidate[],
  fmt: Formatter,
  eventLabels: Readonly<Record<string, string>> | undefined,
): ActivationTable {
  const reachMax = reachMaxOf(candidates);
  const liftDomain = liftDomainOf(candidates);
  const [lo, hi] = liftDomain;
  const at = (value: number) => (value - lo) / (hi - lo);
  let anyUncertain = false;
  const rows = candidates.map((candidate, index): ActivationRowModel => {
    const { lift, liftInterval: interval } = candidate;
    const uncertain = interval !== null && interval.lower <= 0 && interval.upper >= 0;
    anyUncertain ||= uncertain;
    return {
      index,
      candidate,
      rank: candidate.rank,
      kind: candidate.conditions.length > 1 ? 'pair' : 'single',
      name: signalName(candidate, fmt, eventLabels),
      reachText: fmt.percent(candidate.reach),
      reachShare: candidate.reach === null ? null : Math.min(1, candidate.reach / reachMax),
      retentionText: fmt.t('activation.versus', { did: fmt.percent(candidate.retentionIfDid), not: fmt.percent(candidate.retentionIfNot) }),
      liftText: formatPoints(lift, fmt),
      intervalText: interval ? formatInterval(interval, fmt) : null,
      relativeLiftText: fmt.percent(candidate.relativeLift, { signed: true }),
      recallText: fmt.percent(candidate.recall),
      unitsText: fmt.count(candidate.units),
      lift:
        lift === null || interval === null ? null : { zero: at(0), value: at(lift), lower: at(interval.lower), upper: at(interval.upper) },
      direction: directionOf(lift),
      uncertain,
    };
  });
  return { rows, reachMax, liftDomain, anyUncertain };
}
