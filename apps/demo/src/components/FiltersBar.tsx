import { useState, type ReactNode } from 'react';
import {
  FUNNEL_ORDERS,
  FUNNEL_WINDOWS_DAYS,
  LIFECYCLE_PERIODS,
  RANGE_PRESETS,
  RETENTION_PERIODS,
  TIME_ZONES,
  UNITS,
  type ComputeControls,
  type ViewControls,
} from '../dashboard/controls';
import type { DashboardRange } from '../dashboard/types';
import { fill, type DemoStrings } from '../i18n/strings';
import { Field, Select } from './Field';

/** The dashboard's filters: every control that changes a number, plus the retention mode. */
export function FiltersBar({
  controls,
  onControls,
  view,
  onView,
  range,
  eventNames,
  accounts,
  t,
}: {
  readonly controls: ComputeControls;
  readonly onControls: (change: Partial<ComputeControls>) => void;
  readonly view: ViewControls;
  readonly onView: (change: Partial<ViewControls>) => void;
  readonly range: DashboardRange | null;
  readonly eventNames: readonly string[];
  /** The property that names accounts, or `null`: the unit switch shows only when the data has one. */
  readonly accounts: string | null;
  readonly t: DemoStrings;
}): ReactNode {
  const zones: readonly string[] = TIME_ZONES.includes(controls.timeZone as (typeof TIME_ZONES)[number])
    ? TIME_ZONES
    : [controls.timeZone, ...TIME_ZONES];
  return (
    <section className="demo-filters" aria-label={t.filters}>
      <Select
        name="range"
        label={t.dateRange}
        value={controls.preset}
        options={RANGE_PRESETS}
        optionLabel={(preset) => t.presets[preset]}
        onChange={(preset) => {
          onControls(preset === 'custom' && range ? { preset, from: range.from, to: range.to } : { preset });
        }}
      />
      {controls.preset === 'custom' ? (
        <>
          <DateField
            label={t.from}
            value={controls.from}
            min={range?.first}
            max={range?.last}
            onChange={(from) => {
              onControls({ from });
            }}
          />
          <DateField
            label={t.to}
            value={controls.to}
            min={range?.first}
            max={range?.last}
            onChange={(to) => {
              onControls({ to });
            }}
          />
        </>
      ) : null}
      <Select
        name="timeZone"
        label={t.timeZone}
        value={controls.timeZone}
        options={zones}
        optionLabel={(zone) => zone.replace(/_/g, ' ')}
        onChange={(timeZone) => {
          onControls({ timeZone });
        }}
      />
      {accounts ? (
        <Select
          name="unit"
          label={t.unit}
          hint={t.unitHint}
          value={controls.unit}
          options={UNITS}
          optionLabel={(unit) => t.units[unit]}
          onChange={(unit) => {
            onControls({ unit });
          }}
        />
      ) : null}
      <Select
        name="lifecyclePeriod"
        label={t.lifecyclePeriod}
        value={controls.lifecyclePeriod}
        options={LIFECYCLE_PERIODS}
        optionLabel={(period) => t.periods[period]}
        onChange={(lifecyclePeriod) => {
          onControls({ lifecyclePeriod });
        }}
      />
      <Select
        name="retentionPeriod"
        label={t.retentionPeriod}
        value={controls.retentionPeriod}
        options={RETENTION_PERIODS}
        optionLabel={(period) => t.periods[period]}
        onChange={(retentionPeriod) => {
          onControls({ retentionPeriod });
        }}
      />
      <Select
        name="retentionMode"
        label={t.retentionMode}
        value={view.retentionMode}
        options={['exact', 'unbounded'] as const}
        optionLabel={(mode) => t.modes[mode]}
        onChange={(retentionMode) => {
          onView({ retentionMode });
        }}
      />
      <Select
        name="funnelOrder"
        label={t.funnelOrder}
        value={controls.funnelOrder}
        options={FUNNEL_ORDERS}
        optionLabel={(order) => t.orders[order]}
        onChange={(funnelOrder) => {
          onControls({ funnelOrder });
        }}
      />
      <Select
        name="funnelWindow"
        label={t.funnelWindow}
        value={controls.funnelWindowDays}
        options={FUNNEL_WINDOWS_DAYS}
        optionLabel={(n) => fill(n === 1 ? t.day : t.days, { n })}
        onChange={(funnelWindowDays) => {
          onControls({ funnelWindowDays });
        }}
      />
      <StepsField
        t={t}
        steps={controls.funnelSteps}
        eventNames={eventNames}
        onChange={(funnelSteps) => {
          onControls({ funnelSteps });
        }}
      />
    </section>
  );
}

function DateField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  readonly label: string;
  readonly value: string;
  readonly min: string | undefined;
  readonly max: string | undefined;
  readonly onChange: (value: string) => void;
}): ReactNode {
  return (
    <Field label={label}>
      {(props) => (
        <input
          {...props}
          type="date"
          value={value}
          min={min}
          max={max}
          onChange={(event) => {
            if (event.target.value) onChange(event.target.value);
          }}
        />
      )}
    </Field>
  );
}

/** The funnel's steps as text: applied on Enter or when the field loses focus, not on every key. */
function StepsField({
  t,
  steps,
  eventNames,
  onChange,
}: {
  readonly t: DemoStrings;
  readonly steps: readonly string[];
  readonly eventNames: readonly string[];
  readonly onChange: (steps: readonly string[]) => void;
}): ReactNode {
  const joined = steps.join(', ');
  const [text, setText] = useState(joined);
  const [shown, setShown] = useState(joined);
  if (shown !== joined) {
    // The steps changed from outside (a new file): show them.
    setShown(joined);
    setText(joined);
  }
  const apply = (): void => {
    const next = text
      .split(',')
      .map((step) => step.trim())
      .filter((step) => step !== '');
    if (next.join(', ') !== joined) onChange(next);
  };
  const known = eventNames.slice(0, 8).join(', ');
  return (
    <Field label={t.funnelSteps} hint={known ? `${t.funnelStepsHint} ${fill(t.eventsInData, { names: known })}` : t.funnelStepsHint}>
      {(props) => (
        <textarea
          {...props}
          className="demo-filters__steps"
          rows={2}
          value={text}
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
          }}
          onBlur={apply}
          onKeyDown={(event) => {
            // Enter applies the steps; a list of names has no use for line breaks.
            if (event.key === 'Enter') {
              event.preventDefault();
              apply();
            }
          }}
        />
      )}
    </Field>
  );
}
