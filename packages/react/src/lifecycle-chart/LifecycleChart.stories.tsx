import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { daily, monthly, noActivity, oneWeek, weekly, weeklyByAccount, yearDaily } from '../test/activityFixtures';
import { darkTheme } from '../theme/theme';
import { LifecycleChart } from './LifecycleChart';

const meta = {
  title: 'Widgets/LifecycleChart',
  component: LifecycleChart,
  args: { data: weekly },
  parameters: { frame: { width: 640 } },
} satisfies Meta<typeof LifecycleChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Thirteen weeks, the first cut by the range (hatched, lighter); the readout on the last complete week. */
export const Weekly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByRole('img', { name: /^Week of Jan 1, 2024 \(incomplete\)/ })).toHaveFocus();
    await expect(canvasElement.querySelector('.kpikit-lifecycle-chart__readout')).toHaveTextContent(/Incomplete: 5 of its 7 days counted/);
  },
};

export const Daily: Story = { args: { data: daily } };

/** Every day of a year: hairline bars, an axis label about once a month. */
export const ManyIntervals: Story = { args: { data: yearDaily }, parameters: { frame: { width: 720 } } };

/** Mid-January to mid-December: both ends cut. */
export const Monthly: Story = { args: { data: monthly } };

export const OneInterval: Story = { args: { data: oneWeek }, parameters: { frame: { width: 420 } } };

/** Counted by account: the words say accounts. */
export const ByAccount: Story = { args: { data: weeklyByAccount } };

/** A team's own noun. */
export const CustomUnit: Story = { args: { unit: { one: 'workspace', other: 'workspaces' } } };

export const Empty: Story = { args: { data: noActivity } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'The lifecycle query timed out.' } };

export const Dark: Story = { args: { theme: darkTheme }, parameters: { frame: { dark: true, width: 640 } } };

export const French: Story = { args: { locale: 'fr', data: monthly } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW', data: weeklyByAccount } };

/** A phone. */
export const Narrow: Story = { args: { data: daily }, parameters: { frame: { width: 320 } } };
