import type { ReactNode } from 'react';
import type { DashboardState } from '../useDashboard';
import type { Phase } from '../worker/protocol';
import { fill, type DemoStrings } from '../i18n/strings';

const measured: ReadonlySet<Phase> = new Set(['reading', 'computing']);

/**
 * What the worker is doing: a progress bar while it works, then how long the
 * last computation took. A polite live region so screen readers hear the end.
 */
export function StatusBar({
  state,
  t,
  locale,
}: {
  readonly state: DashboardState;
  readonly t: DemoStrings;
  readonly locale: string;
}): ReactNode {
  const unit = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 });
  const ms = state.milliseconds === null ? null : unit.format(state.milliseconds);
  const loaded = state.loadMilliseconds === null ? null : unit.format(state.loadMilliseconds);
  return (
    <div className="demo-status" data-busy={state.busy || undefined} data-testid="status">
      {state.busy && state.phase ? (
        <>
          {/* Generating and indexing are one step each: an indeterminate bar; reading and computing report their fraction. */}
          <progress max={1} aria-label={t.phases[state.phase]} {...(measured.has(state.phase) ? { value: state.fraction } : {})} />
          <span>{t.phases[state.phase]}</span>
        </>
      ) : null}
      <span role="status" className={state.busy ? 'demo-visually-hidden' : undefined} data-testid="computed-in">
        {state.error ? null : state.prebuilt ? t.computedAtBuild : ms === null ? null : fill(t.computedIn, { ms })}
        {state.error || loaded === null ? null : ` · ${fill(t.loadedIn, { ms: loaded })}`}
      </span>
      {state.error ? (
        <span role="alert" className="demo-status__error">
          {state.error}
        </span>
      ) : null}
    </div>
  );
}
