import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { byAccount, fourModels, lastTouchOnly, manyChannels, noConversions, partialCosts, sixModels } from './attributionFixtures';
import { AttributionChart } from './AttributionChart';

const meta = {
  title: 'Widgets/AttributionChart',
  component: AttributionChart,
  args: { data: fourModels, currency: 'EUR' },
  parameters: { frame: { width: 640 } },
} satisfies Meta<typeof AttributionChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Four models over six channels and the purchases without a touch: each cell its credit over a bar from zero. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The switch's buttons come first, then the table is one tab stop.
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByRole('grid', { name: 'Attribution' }).querySelector('[data-cell="0:0"]')).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvasElement.querySelector('.kpikit-attribution-chart__readout')).toHaveTextContent(/^google, Last touch/);
  },
};

export const OneModel: Story = { args: { data: lastTouchOnly }, parameters: { frame: { width: 420 } } };

/** Every model, time decay at a 3-day half-life and position-based at 30/40/30. */
export const SixModels: Story = { args: { data: sixModels }, parameters: { frame: { width: 820 } } };

export const Value: Story = { args: { defaultMetric: 'value' } };

/** Costs for four paid channels and a free partner: the others read "—", with the reason under the table. */
export const ReturnOnSpendPartialCosts: Story = {
  args: { data: partialCosts, defaultMetric: 'returnOnSpend' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Return on spend' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByText(/^Unknown: no cost given/)).toBeVisible();
  },
};

/** Twelve channels and the purchases without a touch. */
export const ManyChannels: Story = { args: { data: manyChannels }, parameters: { frame: { width: 560 } } };

/** Counted by account: the definition and the readout say accounts. */
export const ByAccount: Story = {
  args: { data: byAccount },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Attribution' })).toHaveAttribute('data-unit', 'account');
    await expect(canvas.getByText(/Each account’s first conversion counts\./, { selector: '.kpikit-card__caption' })).toBeVisible();
    await userEvent.hover(canvasElement.querySelector<HTMLElement>('[data-cell="0:0"]')!);
    await expect(canvasElement.querySelector('.kpikit-attribution-chart__readout')).toHaveTextContent(
      /accounts? converted after a touch on it/,
    );
  },
};

/** By account in Chinese: accounts take the measure word 個, people 位. */
export const ByAccountTraditionalChinese: Story = { args: { data: byAccount, locale: 'zh-TW', currency: 'TWD' } };

export const Empty: Story = { args: { data: noConversions } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'The attribution query timed out.' } };

export const Dark: Story = {
  args: { theme: darkTheme, data: partialCosts, defaultMetric: 'returnOnSpend' },
  parameters: { frame: { dark: true, width: 640 } },
};

export const French: Story = { args: { locale: 'fr', data: sixModels, defaultMetric: 'value' }, parameters: { frame: { width: 860 } } };

export const TraditionalChinese: Story = {
  args: { locale: 'zh-TW', data: partialCosts, currency: 'TWD', defaultMetric: 'returnOnSpend' },
};

/** A phone: the table scrolls sideways under a fixed channel column. */
export const Narrow: Story = { args: { data: partialCosts }, parameters: { frame: { width: 320 } } };
