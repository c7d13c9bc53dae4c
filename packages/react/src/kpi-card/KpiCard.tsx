import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { DataTable } from '../a11y/DataTable';
import { Delta } from '../internal/Delta';
import { CardHeader, Description, EmptyMessage, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { Sparkline } from '../internal/Sparkline';
import { splitProps } from '../internal/splitProps';
import { useKpiCard, type KpiCardModel, type KpiCardOptions } from './useKpiCard';

/** Props of {@link KpiCard}: the card's options and any attribute of its root `div`. */
export interface KpiCardProps extends KpiCardOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof KpiCardOptions | 'children'> {}

const OPTION_KEYS = [
  'label',
  'value',
  'format',
  'currency',
  'compact',
  'previous',
  'deltaKind',
  'goodDirection',
  'sparkline',
  'sparklineLabels',
  'sparklineLabel',
  'sparklineDomain',
  'target',
  'details',
  'caption',
  'meta',
  'emptyMessage',
  'description',
  'valueDescription',
  'table',
  'locale',
  'messages',
  'theme',
  'className',
  'style',
  'loading',
  'error',
] as const satisfies readonly (keyof KpiCardOptions)[];

/** Splits `KpiCard` props into card options and root attributes. */
export function splitKpiCardProps(props: KpiCardProps): [KpiCardOptions, Omit<KpiCardProps, keyof KpiCardOptions>] {
  return splitProps(props, OPTION_KEYS);
}

/**
 * A KPI card: the value large, its label, the change from the previous
 * period (coloured by whether it is good, with an arrow), optional details,
 * sparkline, target progress and caption. Works for any metric — MRR,
 * churn, CSAT, response time.
 *
 * Class names: `kpikit-kpi-card`, `__headline`, `__value`, `__details`;
 * attributes: `data-state`, `data-trend`, `data-sentiment`, `data-target-met`.
 *
 * @example
 * <KpiCard label="MRR" value={48200} previous={43900} format="currency" currency="EUR" sparkline={history} target={50000} />
 */
export const KpiCard = forwardRef<HTMLDivElement, KpiCardProps>(function KpiCard(props, ref) {
  const [options, rest] = splitKpiCardProps(props);
  const card = useKpiCard(options);
  return <KpiCardView ref={ref} card={card} rest={rest} />;
});

/** Renders a {@link KpiCardModel}; shared by the widgets that compose the card. */
export const KpiCardView = forwardRef<HTMLDivElement, { readonly card: KpiCardModel; readonly rest?: HTMLAttributes<HTMLDivElement> }>(
  function KpiCardView({ card, rest }, ref) {
    return (
      <div ref={ref} {...rest} {...card.rootProps}>
        <CardHeader titleId={card.titleId} title={card.label} meta={card.state === 'ready' ? card.meta : undefined} />
        <KpiCardBody card={card} />
        {card.caption && (card.state === 'ready' || card.state === 'empty') ? <p className="kpikit-card__caption">{card.caption}</p> : null}
        <Description id={card.descriptionId}>{card.description}</Description>
        {card.state === 'ready' ? <DataTable table={card.table} /> : null}
      </div>
    );
  },
);

function KpiCardBody({ card }: { readonly card: KpiCardModel }): ReactNode {
  switch (card.state) {
    case 'loading':
      return (
        <div className="kpikit-kpi-card__skeleton">
          <SkeletonBlock width="45%" height={32} />
          <SkeletonBlock width="30%" height={14} />
          <SkeletonBlock width="100%" height={40} />
        </div>
      );
    case 'error':
      return <ErrorMessage>{card.errorContent}</ErrorMessage>;
    case 'empty':
      return <EmptyMessage title={card.emptyContent} />;
    default:
      return (
        <>
          <div className="kpikit-kpi-card__headline">
            <span className="kpikit-kpi-card__value">{card.valueText}</span>
            {card.delta ? <Delta delta={card.delta} /> : null}
          </div>
          {card.details.length > 0 ? (
            <dl className="kpikit-kpi-card__details">
              {card.details.map((detail) => (
                <div className="kpikit-kpi-card__detail" key={detail.label}>
                  <dt>{detail.label}</dt>
                  <dd>{detail.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {card.sparkline ? (
            <Sparkline
              values={card.sparkline.values}
              labels={card.sparkline.labels}
              label={card.sparkline.label}
              domain={card.sparkline.domain}
              formatValue={card.formatValue}
              fmt={card.fmt}
            />
          ) : null}
          {card.target ? <TargetProgress card={card} /> : null}
        </>
      );
  }
}

function TargetProgress({ card }: { readonly card: KpiCardModel }): ReactNode {
  const target = card.target!;
  return (
    <div className="kpikit-target" data-met={target.met ? 'true' : 'false'}>
      {target.progress !== null ? (
        <div
          className="kpikit-target__track"
          role="meter"
          aria-label={card.fmt.t('target.meter')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(Math.min(target.progress, 1) * 100)}
          aria-valuetext={target.status}
        >
          <span className="kpikit-target__fill" style={{ width: `${Math.min(target.progress, 1) * 100}%` }} />
        </div>
      ) : null}
      <div className="kpikit-target__text">
        <span className="kpikit-target__status">
          {target.progress === null ? (
            <span className="kpikit-target__icon" aria-hidden="true">
              {target.met ? '✓ ' : '✕ '}
            </span>
          ) : null}
          {target.status}
        </span>
        <span className="kpikit-target__goal">{target.text}</span>
      </div>
    </div>
  );
}
