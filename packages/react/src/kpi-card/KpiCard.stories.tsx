import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { churnHistory, monthLabels, mrrHistory } from '../test/fixtures';
import { KpiCard } from './KpiCard';

const meta = {
  title: 'Widgets/KpiCard',
  component: KpiCard,
  args: {
    label: 'Monthly recurring revenue',
    value: 48200,
    previous: 45600,
    format: 'currency',
    currency: 'EUR',
    sparkline: mrrHistory,
    sparklineLabels: monthLabels('en'),
    sparklineDomain: 'data',
    target: 50000,
  },
} satisfies Meta<typeof KpiCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** MRR: value, change, twelve months and progress to target. The sparkline reads point by point from the keyboard. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('€48,200', { selector: '.kpikit-kpi-card__value' })).toBeVisible();
    const line = canvas.getByRole('slider', { name: /Monthly recurring revenue/ });
    await userEvent.tab();
    await expect(line).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(line).toHaveAttribute('aria-valuetext', `${monthLabels('en')[10]}: €45,600`);
  },
};

/** Churn: down is good, so a fall is green and marked ▼. */
export const DownIsGood: Story = {
  args: {
    label: 'Customer churn',
    value: 0.021,
    previous: 0.022,
    format: 'percent',
    currency: undefined,
    goodDirection: 'down',
    sparkline: churnHistory,
    target: 0.025,
  },
};

export const Duration: Story = {
  args: {
    label: 'Median time to first value',
    value: 2_700_000,
    previous: 3_480_000,
    format: 'duration',
    goodDirection: 'down',
    sparkline: undefined,
    target: undefined,
  },
};

export const NoChange: Story = {
  args: { label: 'CSAT', value: 4.37, previous: 4.371, format: 'number', sparkline: undefined, target: undefined },
};

export const HugeValue: Story = {
  args: {
    label: 'Events ingested',
    value: 1_234_567_890,
    previous: 987_654_321,
    format: 'compact',
    sparkline: undefined,
    target: undefined,
  },
};

export const Empty: Story = { args: { value: null } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'Billing data is still syncing. Last success two hours ago.' } };

export const Dark: Story = { args: { theme: darkTheme }, parameters: { frame: { dark: true } } };

export const French: Story = {
  args: { label: 'Revenu mensuel récurrent', locale: 'fr', sparklineLabels: monthLabels('fr') },
};

export const TraditionalChinese: Story = {
  args: { label: '每月經常性收入', locale: 'zh-TW', sparklineLabels: monthLabels('zh-TW') },
};

export const Narrow: Story = { parameters: { frame: { width: 240 } } };

export const Wide: Story = { parameters: { frame: { width: 720 } } };
