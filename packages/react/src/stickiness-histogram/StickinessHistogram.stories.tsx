import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { cutWeeks, fourWeeks, noStickiness, oneDay, sevenDays, sevenDaysByAccount, thirtyDays } from '../test/activityFixtures';
import { darkTheme } from '../theme/theme';
import { StickinessHistogram } from './StickinessHistogram';

const meta = {
  title: 'Widgets/StickinessHistogram',
  component: StickinessHistogram,
  args: { data: sevenDays },
  parameters: { frame: { width: 560 } },
} satisfies Meta<typeof StickinessHistogram>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Days active in one week (N = 7): each bar its count and share, the mean marked. */
export const SevenDays: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'At least k' }));
    await expect(canvasElement.querySelector('.kpikit-stickiness-histogram')).toHaveAttribute('data-mode', 'atLeast');
    await expect(canvasElement.querySelector('.kpikit-stickiness-histogram__readout')).toHaveTextContent(/^Active 7 of 7 days/);
  },
};

/** Weeks active in four (N = 4). */
export const FourWeeks: Story = { args: { data: fourWeeks } };

/** Days active in 30: thin bars, the figures in the readout and the table. */
export const ThirtyDays: Story = { args: { data: thirtyDays } };

/** The cumulative view: units active in k intervals or more. */
export const AtLeast: Story = { args: { data: thirtyDays, defaultMode: 'atLeast' } };

/** A range that cuts its first week. */
export const Incomplete: Story = { args: { data: cutWeeks } };

export const OneInterval: Story = { args: { data: oneDay }, parameters: { frame: { width: 360 } } };

export const ByAccount: Story = { args: { data: sevenDaysByAccount } };

export const Empty: Story = { args: { data: noStickiness } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'The stickiness query timed out.' } };

export const Dark: Story = { args: { theme: darkTheme }, parameters: { frame: { dark: true, width: 560 } } };

export const French: Story = { args: { locale: 'fr', data: fourWeeks } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW' } };

/** A phone. */
export const Narrow: Story = { args: { data: thirtyDays }, parameters: { frame: { width: 320 } } };
