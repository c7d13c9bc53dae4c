import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { dailyExact, largeWeekly, monthlyExact, weeklyExact, weeklyUnbounded } from '../test/retentionFixtures';
import { RetentionCohortGrid } from './RetentionCohortGrid';

const meta = {
  title: 'Widgets/RetentionCohortGrid',
  component: RetentionCohortGrid,
  args: { data: { exact: weeklyExact, unbounded: weeklyUnbounded } },
  parameters: { frame: { width: 720 } },
} satisfies Meta<typeof RetentionCohortGrid>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Weekly cohorts, exact and unbounded. Arrow keys move between cells; the tooltip reads the counts. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grid = canvas.getByRole('grid', { name: 'Retention' });
    await userEvent.click(canvas.getByRole('button', { name: 'Counts' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Percentages' }));
    // From the last toggle, the grid is one tab stop.
    canvas.getByRole('button', { name: 'In or after' }).focus();
    await userEvent.tab();
    const first = grid.querySelector('[data-cell="0:0"]');
    await expect(first).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    await expect(grid.querySelector('[data-cell="1:1"]')).toHaveFocus();
    await expect(canvas.getByRole('tooltip')).toHaveTextContent(/returned/);
  },
};

/** Counts of returning users instead of shares; shades still follow the share. */
export const Counts: Story = { args: { defaultDisplay: 'count' } };

/** One result only, counted in a period or any later one: no mode toggle. */
export const Unbounded: Story = { args: { data: weeklyUnbounded } };

export const Daily: Story = { args: { data: dailyExact } };

export const Monthly: Story = { args: { data: monthlyExact }, parameters: { frame: { width: 480 } } };

export const WithoutAverage: Story = { args: { hideAverage: true } };

export const Empty: Story = { args: { data: { ...weeklyExact, cohorts: [], average: [] } } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'The events export failed. Retry in a few minutes.' } };

export const Dark: Story = { args: { theme: darkTheme }, parameters: { frame: { dark: true, width: 720 } } };

export const French: Story = { args: { locale: 'fr' } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW' } };

/** A phone-width container: the grid scrolls sideways, the cohort column stays. */
export const Narrow: Story = { parameters: { frame: { width: 320 } } };

/** 104 weekly cohorts × 104 weeks, two years: scrolls both ways with the header row and cohort column in view. */
export const Large: Story = {
  args: { data: undefined },
  loaders: [() => ({ large: largeWeekly() })],
  render: (args, { loaded }) => <RetentionCohortGrid {...args} data={loaded['large'] as ReturnType<typeof largeWeekly>} />,
  parameters: { frame: { width: 960 } },
};
