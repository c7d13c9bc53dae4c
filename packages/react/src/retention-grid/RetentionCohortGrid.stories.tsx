import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { dailyExact, largeWeekly, monthlyExact, weeklyExact, weeklyUnbounded } from '../test/retentionFixtures';
import { accountWeeklyExact, accountWeeklyUnbounded } from '../test/accountFixtures';
import { weeklyByCountry, weeklyByCountryUnbounded, weeklyByPlan, weeklyBySource } from '../test/retentionBreakdownFixtures';
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

/**
 * 104 weekly cohorts × 104 weeks, two years: scrolls both ways with the
 * header row and cohort column in view. Only the rows and columns in view
 * are rendered; the table still tells its full size.
 */
export const Large: Story = {
  args: { data: undefined },
  loaders: [() => ({ large: largeWeekly() })],
  render: (args, { loaded }) => <RetentionCohortGrid {...args} data={loaded['large'] as ReturnType<typeof largeWeekly>} />,
  parameters: { frame: { width: 960 } },
  play: async ({ canvasElement }) => {
    const grid = within(canvasElement).getByRole('grid', { name: 'Retention' });
    await expect(grid).toHaveAttribute('aria-rowcount', '106');
    await expect(grid).toHaveAttribute('aria-colcount', '105');
    await expect(grid.querySelectorAll('[data-cell]').length).toBeLessThan(1000);
  },
};

/** The same grid after End, then Page Down twice from the first cell: the window follows the focus far from where it started. */
export const LargeKeyboard: Story = {
  ...Large,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grid = canvas.getByRole('grid', { name: 'Retention' });
    grid.querySelector<HTMLElement>('[data-cell="0:0"]')!.focus();
    await userEvent.keyboard('{End}{PageDown}{PageDown}');
    // Twenty cohorts down from the average row's last period: the 20th cohort, which has 104 − 19 = 85 periods.
    await expect(grid.querySelector('[data-cell="20:84"]')).toHaveFocus();
    await expect(canvas.getByRole('tooltip')).toHaveTextContent(/Week 84/);
  },
};

/** Two years of cohorts in a phone-width container. */
export const LargeNarrow: Story = { ...Large, parameters: { frame: { width: 320 } } };

/** Two years of cohorts on a dark host, scrolled to the middle of the table. */
export const LargeDark: Story = {
  ...Large,
  args: { data: undefined, theme: darkTheme },
  parameters: { frame: { dark: true, width: 960 } },
  play: async ({ canvasElement }) => {
    const scroller = canvasElement.querySelector<HTMLElement>('.kpikit-retention-grid__scroll')!;
    scroller.scrollTo({ left: scroller.scrollWidth / 2, top: scroller.scrollHeight / 3 });
    // The rows and columns of the middle of the table are rendered once the scroll is seen: Week 54, the 38th cohort.
    await waitFor(() => expect(scroller.querySelector('th[aria-colindex="56"]')).toHaveTextContent('Week 54'));
    await waitFor(() => expect(scroller.querySelector('tr[aria-rowindex="40"]')).not.toBeNull());
  },
};

/** Account cohorts: results at `{ group: 'accountId' }` read as accounts in the sizes, the meta and the tooltips. */
export const Accounts: Story = {
  args: { data: { exact: accountWeeklyExact, unbounded: accountWeeklyUnbounded } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Retention' })).toHaveAttribute('data-unit', 'account');
    await expect(canvas.getAllByText(/^[\d,]+ accounts$/).length).toBeGreaterThan(1);
  },
};

export const AccountsFrench: Story = { args: { data: { exact: accountWeeklyExact, unbounded: accountWeeklyUnbounded }, locale: 'fr' } };

export const AccountsTraditionalChinese: Story = {
  args: { data: { exact: accountWeeklyExact, unbounded: accountWeeklyUnbounded }, locale: 'zh-TW' },
};

/** A team's own noun. */
export const Workspaces: Story = { args: { data: accountWeeklyExact, unit: { one: 'workspace', other: 'workspaces' } } };

export const AccountsEmpty: Story = { args: { data: { ...accountWeeklyExact, cohorts: [], average: [] } } };

/** Broken down by country: "All" or one country's cohorts, the ten largest, "Other" and "(none)". */
export const BreakdownByCountry: Story = {
  args: { data: { exact: weeklyByCountry, unbounded: weeklyByCountryUnbounded } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = canvas.getByRole('combobox', { name: 'By country' });
    await userEvent.selectOptions(select, 'Other');
    await waitFor(() => expect(canvasElement.querySelector('[data-breakdown="Other"]')).not.toBeNull());
  },
};

/** One group chosen at first: the users without a country. */
export const BreakdownNone: Story = { args: { data: weeklyByCountry, defaultBreakdownValue: '$none' } };

/** Broken down by acquisition source. */
export const BreakdownBySource: Story = { args: { data: weeklyBySource, defaultBreakdownValue: 'referral' } };

/** Broken down by plan: every user starts on the free plan, so the one group is the whole table. */
export const BreakdownByPlan: Story = { args: { data: weeklyByPlan } };

export const BreakdownFrench: Story = { args: { data: weeklyByCountry, locale: 'fr', defaultBreakdownValue: 'FR' } };

export const BreakdownDark: Story = {
  args: { data: weeklyByCountry, theme: darkTheme },
  parameters: { frame: { dark: true, width: 720 } },
};
