import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { npsScores, repeat } from '../test/fixtures';
import { NpsGauge } from './NpsGauge';

const meta = {
  title: 'Widgets/NpsGauge',
  component: NpsGauge,
  args: { data: npsScores, previous: 24, target: 40 },
} satisfies Meta<typeof NpsGauge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 300 answers of a liked product: score, band, change, target and the breakdown. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Net Promoter Score' })).toHaveAttribute('data-band', 'good');
    await expect(canvas.getByText('+30', { selector: '.kpikit-nps-gauge__score' })).toBeVisible();
    await expect(canvas.getByText('n = 300')).toBeVisible();
  },
};

/** Twelve answers: the 95 % interval is shown, on the dial and in words. */
export const SmallSample: Story = {
  args: { data: [10, 10, 9, 9, 9, 8, 8, 7, 6, 5, 3, 10], previous: undefined, target: undefined },
};

export const Empty: Story = { args: { data: [] } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = {
  args: { error: 'The survey service did not answer. Try again in a few minutes.' },
};

/** Raw scores are validated by core: a bad answer names itself instead of breaking the page. */
export const InvalidScores: Story = { args: { data: [10, 9, 11, 7] } };

export const Dark: Story = {
  args: { theme: darkTheme },
  parameters: { frame: { dark: true } },
};

export const French: Story = { args: { locale: 'fr' } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW' } };

export const AllDetractors: Story = { args: { data: repeat(3, 40), previous: -80, target: 0 } };

export const AllPromoters: Story = { args: { data: repeat(10, 40), previous: 100, target: 50 } };

export const SingleResponse: Story = { args: { data: [9], previous: undefined, target: undefined } };

/** A 240 px column: smaller headline, legend stacked. */
export const Narrow: Story = { parameters: { frame: { width: 240 } } };

/** A wide container: dial and reading side by side. */
export const Wide: Story = { parameters: { frame: { width: 720 } } };

/** Restyled by the host through tokens only. */
export const CustomTheme: Story = {
  args: {
    theme: {
      tokens: { promoter: '#1d4ed8', passive: '#94a3b8', detractor: '#b45309', radius: '2px', font: 'Georgia, serif' },
    },
  },
};
