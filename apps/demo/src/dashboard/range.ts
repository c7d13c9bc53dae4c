import { formatDay, parseDay, zoneClock, type EventTable } from '@kpikit/core';
import type { ComputeControls, RangePreset } from './controls';
import type { DashboardRange } from './types';

const PRESET_DAYS: Partial<Record<RangePreset, number>> = { last7: 7, last30: 30, last90: 90 };

/**
 * The range a dashboard covers in a zone: a preset counted back from the
 * data's last local day, or the typed dates clamped to the data. The previous
 * range is the same number of days just before, when the data reaches back
 * that far (a partial previous range would make every change look like growth).
 */
export function resolveDashboardRange(table: EventTable, controls: ComputeControls): DashboardRange {
  const clock = zoneClock(controls.timeZone, table.minTime, table.maxTime);
  const first = clock.localDay(table.minTime);
  const last = clock.localDay(table.maxTime);
  let from: number;
  let to: number;
  const presetDays = PRESET_DAYS[controls.preset];
  if (presetDays !== undefined) {
    to = last;
    from = Math.max(first, last - presetDays + 1);
  } else if (controls.preset === 'custom') {
    const typedFrom = parseDay(controls.from) ?? first;
    const typedTo = parseDay(controls.to) ?? last;
    from = clamp(Math.min(typedFrom, typedTo), first, last);
    to = clamp(Math.max(typedFrom, typedTo), first, last);
  } else {
    from = first;
    to = last;
  }
  const days = to - from + 1;
  const previous = from - days >= first ? { from: formatDay(from - days), to: formatDay(from - 1) } : null;
  return {
    from: formatDay(from),
    to: formatDay(to),
    timeZone: controls.timeZone,
    days,
    previous,
    first: formatDay(first),
    last: formatDay(last),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
