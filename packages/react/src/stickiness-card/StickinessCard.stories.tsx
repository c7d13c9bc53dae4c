import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { februaryRows, marchRows } from '../test/fixtures';
import { accountFebruary, accountMarch } from '../test/accountFixtures';
import { StickinessCard } from './StickinessCard';

const meta = {
  title: 'Widgets/StickinessCard',
  component: StickinessCard,
  args: { data: marchRows, previous: februaryRows },
} satisfies Meta<typeof StickinessCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** March of the sample product against February: mean DAU of the last 30 days over MAU. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Stickiness' })).toHaveAttribute('data-state', 'ready');
    await expect(canvas.getByText('MAU', { selector: 'dt' })).toBeVisible();
  },
};

/** The last day's own ratio: a Sunday reads low, which is why `average` is the default. */
export const LatestDay: Story = { args: { summary: 'latest' } };

export const Empty: Story = { args: { data: [] } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'Events for March could not be read.' } };

export const Dark: Story = { args: { theme: darkTheme }, parameters: { frame: { dark: true } } };

export const French: Story = { args: { locale: 'fr' } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW' } };

/** A very small product: two users, one of them daily. */
export const TinyProduct: Story = {
  args: {
    data: [
      { date: '2024-03-01', dau: 1, wau: 2, mau: 2, stickiness: 0.5 },
      { date: '2024-03-02', dau: 2, wau: 2, mau: 2, stickiness: 1 },
      { date: '2024-03-03', dau: 1, wau: 2, mau: 2, stickiness: 0.5 },
    ],
    previous: undefined,
  },
};

export const Narrow: Story = { parameters: { frame: { width: 240 } } };

export const Wide: Story = { parameters: { frame: { width: 720 } } };

/** Active accounts: given a whole `activeUsers` result at `{ group: 'accountId' }`, the card speaks of accounts. */
export const Accounts: Story = {
  args: { data: accountMarch, previous: accountFebruary },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Stickiness' })).toHaveAttribute('data-unit', 'account');
    await expect(canvas.getByText('Monthly active', { selector: 'dt' })).toBeVisible();
    await expect(canvas.getByText(/daily active accounts over/)).toBeVisible();
  },
};

export const AccountsFrench: Story = { args: { data: accountMarch, previous: accountFebruary, locale: 'fr' } };

export const AccountsTraditionalChinese: Story = { args: { data: accountMarch, previous: accountFebruary, locale: 'zh-TW' } };

/** A team's own noun: the same account figures, read as workspaces. */
export const Workspaces: Story = {
  args: { data: accountMarch.rows, previous: accountFebruary.rows, unit: { one: 'workspace', other: 'workspaces' } },
};

export const AccountsEmpty: Story = { args: { data: [], previous: undefined, unit: 'account' } };
