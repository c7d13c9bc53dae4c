import type { DataTableModel } from '../a11y/DataTable';
import type { Formatter } from '../format/formatter';
import type { FunnelStepModel } from './useFunnelChart';

/**
 * The funnel as a table, for screen readers and for copying: one row per
 * step (its whole name, users, conversion from the first and the previous
 * step, users lost, median and 90th percentile time from the previous
 * step), then one column per breakdown group (users and the share of the
 * group's own first step), headed by the group's whole name.
 */
export function buildFunnelTable(
  caption: string,
  steps: readonly FunnelStepModel[],
  legend: readonly string[],
  fmt: Formatter,
): DataTableModel {
  return {
    caption,
    columns: [
      fmt.t('funnel.table.step'),
      fmt.t('funnel.table.users'),
      fmt.t('funnel.table.fromFirst'),
      fmt.t('funnel.table.fromPrevious'),
      fmt.t('funnel.table.dropOff'),
      fmt.t('funnel.table.median'),
      fmt.t('funnel.table.p90'),
      ...legend.map((group) => fmt.t('funnel.table.group', { group })),
    ],
    rows: steps.map((step) => [
      fmt.t('funnel.table.stepName', { n: fmt.number(step.index + 1), name: step.name }),
      fmt.number(step.step.count),
      step.fromFirstText,
      step.index === 0 ? fmt.number(null) : step.fromPreviousText,
      step.index === 0 ? fmt.number(null) : step.dropOffText,
      step.velocity?.medianText ?? fmt.number(null),
      step.velocity?.p90Text ?? fmt.number(null),
      ...step.groups.map((group) =>
        fmt.t('funnel.table.groupCell', { count: fmt.number(group.count), rate: fmt.percent(group.fromFirst) }),
      ),
    ]),
  };
}
