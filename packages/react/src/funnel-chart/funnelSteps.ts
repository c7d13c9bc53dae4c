import type { FunnelBreakdownGroup, FunnelResult } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import type { FunnelStepModel, FunnelVelocityModel } from './useFunnelChart';

export const ratio = (part: number, whole: number): number => (whole > 0 ? Math.max(0, Math.min(1, part / whole)) : 0);

/**
 * The `data-series` of a breakdown group, which picks its colour: `0` … `9`
 * for the top values, each its own hue; `other` (the values beyond the top
 * 10) and `none` (no value) neutral and patterned, so that no two groups of
 * one funnel look alike.
 */
export function seriesOf(group: FunnelBreakdownGroup, index: number): string {
  if (group.other) return 'other';
  if (group.value === null) return 'none';
  return String(index % 10);
}

/**
 * Each step, ready to show: its texts, its bar and lost part against the
 * first step, the time from the previous step, its breakdown groups and the
 * sentence announced when it is focused.
 */
export function buildSteps(
  result: FunnelResult,
  fmt: Formatter,
  labels: readonly string[] | undefined,
  groupLabels: readonly string[],
  showBreakdown: boolean,
): FunnelStepModel[] {
  const first = result.steps[0]?.count ?? 0;
  const groups = showBreakdown ? (result.breakdown?.groups ?? []) : [];
  return result.steps.map((step, index) => {
    const name = labels?.[index] ?? step.name;
    const countText = fmt.t('funnel.users', { count: fmt.count(step.count) }, step.count);
    const fromFirstText = fmt.percent(step.fromFirst);
    const fromPreviousText = fmt.percent(step.fromPrevious);
    const dropOffText = fmt.count(step.dropOff);
    let velocity: FunnelVelocityModel | null = null;
    if (index > 0 && step.median !== null) {
      const tallest = step.histogram.reduce((max, bin) => Math.max(max, bin.count), 0);
      velocity = {
        medianText: fmt.duration(step.median),
        p90Text: fmt.duration(step.p90),
        bins: step.histogram.map((bin) => ({ ...bin, height: ratio(bin.count, tallest) })),
      };
    }
    let announcement =
      index === 0
        ? fmt.t('funnel.firstStep', { name, count: countText })
        : fmt.t('funnel.step', {
            n: fmt.number(index + 1),
            name,
            count: countText,
            fromFirst: fromFirstText,
            fromPrevious: fromPreviousText,
            dropOff: dropOffText,
          });
    if (velocity) announcement += ` ${fmt.t('funnel.velocity', { median: velocity.medianText, p90: velocity.p90Text })}`;
    const groupModels = groups.map((group, g) => {
      const own = group.steps[index];
      const base = group.steps[0]?.count ?? 0;
      const count = own?.count ?? 0;
      const label = groupLabels[g] ?? '';
      return {
        group: g,
        series: seriesOf(group, g),
        label,
        count,
        share: ratio(count, base),
        fromFirst: own?.fromFirst ?? null,
        text: `${fmt.count(count)} · ${fmt.percent(own?.fromFirst ?? null)}`,
      };
    });
    for (const group of groupModels)
      announcement += ` ${fmt.t('funnel.groupStep', { group: group.label, count: fmt.count(group.count), rate: fmt.percent(groups[group.group]?.steps[index]?.fromFirst ?? null) })}.`;
    return {
      index,
      name,
      step,
      countText,
      fromFirstText,
      fromPreviousText,
      dropOffText,
      share: ratio(step.count, first),
      lostShare: index === 0 ? 0 : ratio(step.dropOff, first),
      velocity,
      groups: groupModels,
      announcement,
    };
  });
}
