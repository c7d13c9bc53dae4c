import { Group } from '@visx/group';
import { Arc } from '@visx/shape';
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { DataTable } from '../a11y/DataTable';
import { Delta } from '../internal/Delta';
import { CardHeader, Description, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { tokenValue, type ThemeTokenName } from '../theme/tokens';
import { angleOf, GAUGE, percentPosition, pointAt } from './geometry';
import { useNpsGauge, type NpsBandId, type NpsGaugeModel, type NpsGaugeOptions } from './useNpsGauge';

/** Props of {@link NpsGauge}: the gauge's options and any attribute of its root `div`. */
export interface NpsGaugeProps extends NpsGaugeOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof NpsGaugeOptions | 'children'> {}

const OPTION_KEYS = [
  'data',
  'previous',
  'target',
  'marginOfError',
  'smallSample',
  'bands',
  'label',
  'emptyMessage',
  'description',
  'table',
  'locale',
  'messages',
  'theme',
  'className',
  'style',
  'loading',
  'error',
] as const satisfies readonly (keyof NpsGaugeOptions)[];

const BAND_TOKEN: Readonly<Record<NpsBandId, ThemeTokenName>> = {
  'needs-improvement': 'detractor',
  good: 'passive',
  excellent: 'promoter',
};

/**
 * Net Promoter Score as a semicircle gauge over the fixed −100…+100 domain:
 * the dial's bands (needs improvement, good, excellent) in the NPS colours,
 * a bar from 0 to the score, the score large in the centre with its band
 * named, `n`, the breakdown of promoters, passives and detractors, and
 * optionally the change from the previous period, a target mark and, for
 * small samples, the 95 % interval.
 *
 * Class names: `kpikit-nps-gauge`, `__dial`, `__score`, `__band`, `__breakdown`,
 * `__legend`…; attributes: `data-state`, `data-band`, `data-trend`,
 * `data-small-sample`; per part `data-band` / `data-group`.
 *
 * @example
 * <NpsGauge data={[10, 9, 9, 8, 7, 6, 3]} previous={-5} target={20} locale="fr" />
 */
export const NpsGauge = forwardRef<HTMLDivElement, NpsGaugeProps>(function NpsGauge(props, ref) {
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const gauge = useNpsGauge(options);
  return (
    <div ref={ref} {...rest} {...gauge.rootProps}>
      <CardHeader
        titleId={gauge.titleId}
        title={gauge.label}
        meta={gauge.state === 'ready' || gauge.state === 'empty' ? gauge.nText : undefined}
      />
      <NpsGaugeBody gauge={gauge} />
      <Description id={gauge.descriptionId}>{gauge.description}</Description>
      {gauge.state === 'ready' ? <DataTable table={gauge.table} /> : null}
    </div>
  );
});

function NpsGaugeBody({ gauge }: { readonly gauge: NpsGaugeModel }): ReactNode {
  switch (gauge.state) {
    case 'loading':
      return (
        <div className="kpikit-nps-gauge__body">
          <Dial gauge={gauge} />
          <div className="kpikit-nps-gauge__summary">
            <SkeletonBlock width="60%" height={14} />
            <SkeletonBlock width="100%" height={8} />
            <SkeletonBlock width="80%" height={14} />
          </div>
        </div>
      );
    case 'error':
      return (
        <div className="kpikit-nps-gauge__body kpikit-nps-gauge__body--message">
          <ErrorMessage>{gauge.errorContent}</ErrorMessage>
        </div>
      );
    case 'empty':
      return (
        <div className="kpikit-nps-gauge__body">
          <Dial gauge={gauge} />
          <div className="kpikit-nps-gauge__summary">
            <span className="kpikit-message__hint">{gauge.emptyHint}</span>
          </div>
        </div>
      );
    default:
      return (
        <div className="kpikit-nps-gauge__body">
          <Dial gauge={gauge} />
          <div className="kpikit-nps-gauge__summary">
            {gauge.delta || gauge.target ? (
              <div className="kpikit-nps-gauge__context">
                {gauge.delta ? <Delta delta={gauge.delta} /> : null}
                {gauge.target ? (
                  <span className="kpikit-nps-gauge__target-text">
                    <span className="kpikit-nps-gauge__target-glyph" aria-hidden="true" />
                    {gauge.target.text}
                  </span>
                ) : null}
              </div>
            ) : null}
            {gauge.interval ? <span className="kpikit-nps-gauge__interval-text">{gauge.interval.text}</span> : null}
            <Breakdown gauge={gauge} />
          </div>
        </div>
      );
  }
}

/** The semicircle: bands, the bar from 0 to the score, interval, target and score marks, and the score itself. */
function Dial({ gauge }: { readonly gauge: NpsGaugeModel }): ReactNode {
  const { cx, cy, outer, inner, width, height } = GAUGE;
  const ready = gauge.state === 'ready';
  const score = ready ? gauge.score : null;
  const shown = gauge.shownScore ?? 0;
  const ticks = [-100, 0, ...gauge.bands.map((band) => band.from).filter((from) => from > -100 && from < 100 && from !== 0), 100];
  return (
    <div className="kpikit-nps-gauge__dial">
      <svg className="kpikit-nps-gauge__svg" viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false">
        <Group left={cx} top={cy}>
          {gauge.bands.map((band) => (
            <Arc
              key={band.id}
              className="kpikit-nps-gauge__band-arc"
              data-band={band.id}
              startAngle={angleOf(band.from)}
              endAngle={angleOf(band.to)}
              innerRadius={inner}
              outerRadius={outer}
              padAngle={0.012}
              fill={gauge.state === 'ready' ? tokenValue(BAND_TOKEN[band.id]) : tokenValue('surfaceMuted')}
              fillOpacity={gauge.state === 'ready' ? 0.25 : 1}
            />
          ))}
          {score !== null
            ? gauge.bands.map((band) => {
                // The bar runs from 0 to the score, split where it crosses a band boundary.
                const lo = Math.max(Math.min(0, shown), band.from);
                const hi = Math.min(Math.max(0, shown), band.to);
                if (hi <= lo) return null;
                return (
                  <Arc
                    key={band.id}
                    className="kpikit-nps-gauge__value-arc"
                    data-band={band.id}
                    startAngle={angleOf(lo)}
                    endAngle={angleOf(hi)}
                    innerRadius={inner}
                    outerRadius={outer}
                    padAngle={0.012}
                    fill={tokenValue(BAND_TOKEN[band.id])}
                  />
                );
              })
            : null}
          {ready && gauge.interval ? (
            <Arc
              className="kpikit-nps-gauge__interval"
              startAngle={angleOf(gauge.interval.low)}
              endAngle={angleOf(gauge.interval.high)}
              innerRadius={inner - 7}
              outerRadius={inner - 4}
              cornerRadius={1.5}
              fill={tokenValue('textMuted')}
            />
          ) : null}
          {ticks
            .filter((tick) => tick > -100 && tick < 100)
            .map((tick) => {
              const a = pointAt(tick, outer + 2);
              const b = pointAt(tick, outer + 6);
              return (
                <line
                  key={tick}
                  className="kpikit-nps-gauge__tick-mark"
                  x1={a.x - cx}
                  y1={a.y - cy}
                  x2={b.x - cx}
                  y2={b.y - cy}
                  stroke={tokenValue('border')}
                />
              );
            })}
          {ready && gauge.target ? <TargetMark score={gauge.target.value} /> : null}
          {score !== null ? <ScoreMark score={shown} /> : null}
        </Group>
      </svg>
      {ticks.map((tick) => {
        // ±100 sit under the ends of the dial, the others just outside it, unless the target mark is there.
        const end = tick === -100 || tick === 100;
        if (!end && ready && gauge.target && Math.abs(gauge.target.value - tick) < 8) return null;
        const point = end ? { x: cx + Math.sign(tick) * ((outer + inner) / 2), y: cy + 11 } : pointAt(tick, outer + 12);
        return (
          <span key={tick} className="kpikit-nps-gauge__tick" data-value={tick} style={percentPosition(point)} aria-hidden="true">
            {gauge.fmt.signedInteger(tick)}
          </span>
        );
      })}
      <div className="kpikit-nps-gauge__readout">
        {gauge.state === 'loading' ? (
          <SkeletonBlock width={72} height={40} />
        ) : gauge.state === 'empty' ? (
          <span className="kpikit-nps-gauge__empty">{gauge.emptyContent}</span>
        ) : (
          <>
            <span className="kpikit-nps-gauge__score">{gauge.scoreText}</span>
            {gauge.band ? (
              <span className="kpikit-nps-gauge__band" data-band={gauge.band.id}>
                {gauge.band.label}
              </span>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}

/** A dot on the ring at the score, ringed with the surface colour so that it stands off the arcs at any angle. */
function ScoreMark({ score }: { readonly score: number }): ReactNode {
  const { cx, cy, inner, outer } = GAUGE;
  const at = pointAt(score, (inner + outer) / 2);
  return (
    <circle
      className="kpikit-nps-gauge__marker"
      cx={at.x - cx}
      cy={at.y - cy}
      r={4.5}
      fill={tokenValue('text')}
      stroke={tokenValue('surface')}
      strokeWidth={2}
    />
  );
}

/** A small triangle outside the ring pointing at the target. */
function TargetMark({ score }: { readonly score: number }): ReactNode {
  const { cx, cy, outer } = GAUGE;
  const tip = pointAt(score, outer + 1);
  const angle = angleOf(score);
  // A narrow triangle (10 long, 7 wide) so that it reads as pointing, not as a dot.
  const base = pointAt(score, outer + 11);
  const dx = 3.5 * Math.cos(angle);
  const dy = 3.5 * Math.sin(angle);
  const points = [
    [tip.x - cx, tip.y - cy],
    [base.x - cx + dx, base.y - cy + dy],
    [base.x - cx - dx, base.y - cy - dy],
  ]
    .map(([x, y]) => `${x!.toFixed(2)},${y!.toFixed(2)}`)
    .join(' ');
  return <polygon className="kpikit-nps-gauge__target" points={points} fill={tokenValue('text')} />;
}

/** The stacked bar of detractors, passives and promoters, with a legend that carries names and shares as text. */
function Breakdown({ gauge }: { readonly gauge: NpsGaugeModel }): ReactNode {
  return (
    <div className="kpikit-nps-gauge__breakdown">
      <div className="kpikit-nps-gauge__bar" aria-hidden="true">
        {gauge.groups.map((group) =>
          group.count > 0 ? (
            <span key={group.id} className="kpikit-nps-gauge__segment" data-group={group.id} style={{ flexGrow: group.count }} />
          ) : null,
        )}
      </div>
      <ul className="kpikit-nps-gauge__legend">
        {gauge.groups.map((group) => (
          <li key={group.id} className="kpikit-nps-gauge__legend-item" data-group={group.id}>
            <span className="kpikit-nps-gauge__legend-label">
              <span className="kpikit-nps-gauge__swatch" aria-hidden="true" />
              {group.label}
            </span>
            <span className="kpikit-nps-gauge__legend-value">{group.shareText}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
