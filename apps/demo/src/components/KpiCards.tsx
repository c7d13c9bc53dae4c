import { createFormatter, KpiCard } from '@kpikit/react';
import type { ReactNode } from 'react';
import type { DemoLocale } from '../dashboard/controls';
import { ASSUMED_MONTHLY_SPEND } from '../dashboard/sample';
import type { DashboardModel } from '../dashboard/types';
import { fill, type DemoStrings } from '../i18n/strings';

const cents = (value: number | null | undefined): number | null | undefined =>
  value === null || value === undefined ? value : value / 100;

/**
 * The eight KPI cards: revenue, customers and engagement figures of the range,
 * each with its change. A figure left `undefined` has not arrived yet (its
 * card shows its skeleton); `null` means the data cannot give it.
 */
export function KpiCards({
  revenue,
  csat,
  activation,
  sessions,
  locale,
  t,
}: {
  readonly revenue: DashboardModel['revenue'] | undefined;
  readonly csat: DashboardModel['csat'] | undefined;
  readonly activation: DashboardModel['activation'] | undefined;
  readonly sessions: DashboardModel['sessions'] | undefined;
  readonly locale: DemoLocale;
  readonly t: DemoStrings;
}): ReactNode {
  const fmt = createFormatter(locale);
  const currency = revenue?.currency ?? 'EUR';
  const noRevenue = revenue === null ? t.noRevenue : undefined;
  const money = { format: 'currency', currency, loading: revenue === undefined, emptyMessage: noRevenue } as const;
  const months = revenue?.series ?? [];
  return (
    <>
      <KpiCard
        {...money}
        className="demo-card"
        label={t.kpi.mrr.label}
        caption={t.kpi.mrr.caption}
        value={cents(revenue?.mrr.current)}
        previous={cents(revenue?.mrr.previous)}
        sparkline={months.map((row) => row.mrr / 100)}
        sparklineLabels={months.map((row) => fmt.date(row.date, 'medium'))}
      />
      <KpiCard
        {...money}
        className="demo-card"
        label={t.kpi.arpu.label}
        caption={t.kpi.arpu.caption}
        value={cents(revenue?.arpu.current)}
        previous={cents(revenue?.arpu.previous)}
      />
      <KpiCard
        className="demo-card"
        format="percent"
        goodDirection="down"
        loading={revenue === undefined}
        emptyMessage={noRevenue}
        label={t.kpi.churn.label}
        caption={t.kpi.churn.caption}
        value={revenue?.churn.current}
        previous={revenue?.churn.previous}
      />
      <KpiCard
        {...money}
        className="demo-card"
        label={t.kpi.clv.label}
        caption={t.kpi.clv.caption}
        value={cents(revenue?.clv.current)}
        previous={cents(revenue?.clv.previous)}
      />
      <KpiCard
        {...money}
        className="demo-card"
        goodDirection="down"
        label={t.kpi.cac.label}
        caption={fill(t.kpi.cac.caption, { spend: fmt.currency(ASSUMED_MONTHLY_SPEND / 100, currency) })}
        value={cents(revenue?.cac.current)}
        previous={cents(revenue?.cac.previous)}
        details={
          revenue
            ? [
                { label: t.newCustomers, value: fmt.count(revenue.newCustomers) },
                {
                  label: t.ltvToCac,
                  value: revenue.ltvToCac === null ? '–' : `${fmt.number(revenue.ltvToCac, { maximumFractionDigits: 1 })} : 1`,
                },
              ]
            : undefined
        }
      />
      <KpiCard
        className="demo-card"
        format="percent"
        loading={csat === undefined}
        emptyMessage={csat === null ? t.noSurveys : undefined}
        label={t.kpi.csat.label}
        caption={t.kpi.csat.caption}
        value={csat?.score}
      />
      <KpiCard
        className="demo-card"
        format="percent"
        loading={activation === undefined}
        emptyMessage={activation === null ? t.noActivation : undefined}
        label={t.kpi.activation.label}
        caption={t.kpi.activation.caption}
        value={activation?.current.rate}
        previous={activation?.previous?.rate}
      />
      <KpiCard
        className="demo-card"
        loading={sessions === undefined}
        label={t.kpi.sessionsPerUser.label}
        caption={t.kpi.sessionsPerUser.caption}
        value={sessions?.current.sessionsPerUser}
        previous={sessions?.previous?.sessionsPerUser}
      />
    </>
  );
}
