import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import type { FunnelResult } from '@kpikit/core';
import { anyOrderFunnel, largeFunnel, longStepNames, signupBySource, signupFunnel, stepNames } from '../test/funnelFixtures';
import { accountSignupFunnel } from '../test/accountFixtures';
import { FunnelChart } from './FunnelChart';

const meta = {
  title: 'Widgets/FunnelChart',
  component: FunnelChart,
  args: { data: signupFunnel, stepLabels: stepNames },
  parameters: { frame: { width: 520 } },
} satisfies Meta<typeof FunnelChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Five ordered steps: bars from zero, the lost part hatched, the time between steps above each bar. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    const first = canvas.getByRole('listitem', { name: /^Step 1, Signed up/ });
    await expect(first).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('listitem', { name: /^Step 2, Activated/ })).toHaveFocus();
  },
};

export const Vertical: Story = { args: { orientation: 'vertical' }, parameters: { frame: { width: 720 } } };

/** By acquisition channel: one thin bar per channel under each step, with a legend. */
export const Breakdown: Story = { args: { data: signupBySource } };

export const VerticalBreakdown: Story = {
  args: { data: signupBySource, orientation: 'vertical' },
  parameters: { frame: { width: 760 } },
};

/** Any order: no time between steps (it has no direction). */
export const AnyOrder: Story = { args: { data: anyOrderFunnel, stepLabels: undefined } };

export const Empty: Story = {
  args: { data: { ...signupFunnel, steps: signupFunnel.steps.map((step) => ({ ...step, count: 0, dropOff: 0 })) } },
};

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'The funnel query timed out.' } };

export const Dark: Story = { args: { theme: darkTheme, data: signupBySource }, parameters: { frame: { dark: true, width: 520 } } };

export const French: Story = { args: { locale: 'fr', stepLabels: ['Inscription', 'Activation', 'Tarifs vus', 'Essai', 'Abonnement'] } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW', stepLabels: ['註冊', '啟用', '查看方案', '開始試用', '升級'] } };

export const Narrow: Story = { args: { data: signupBySource }, parameters: { frame: { width: 260 } } };

/** The most a funnel takes: twenty steps with long names, by fourteen channels (the top 10, "Other" and none). End reaches the last step. */
const large = {
  args: { data: undefined, stepLabels: longStepNames },
  parameters: { frame: { width: 760 } },
  loaders: [() => ({ large: largeFunnel() })],
  render: (args, { loaded }) => <FunnelChart {...args} data={loaded['large'] as FunnelResult} />,
} satisfies Story;

export const Large: Story = {
  ...large,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('listitem', { name: /^Step 20, Expanded to more seats within the first quarter:/ })).toHaveFocus();
    await userEvent.keyboard('{Home}');
  },
};

/** On a phone: group labels are cut, never their figures; a tapped or focused step shows its labels whole. */
export const LargeNarrow: Story = {
  ...large,
  parameters: { frame: { width: 320 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}');
    const step = canvas.getByRole('listitem', { name: /^Step 2, Confirmed the email address/ });
    await expect(step).toHaveFocus();
    const label = step.querySelector<HTMLElement>('[title^="Partner referral programme"]')!;
    await expect(label.scrollWidth).toBeLessThanOrEqual(label.clientWidth);
  },
};

export const LargeVertical: Story = { ...large, args: { ...large.args, orientation: 'vertical' } };

export const LargeDark: Story = {
  ...large,
  args: { ...large.args, theme: darkTheme },
  parameters: { frame: { dark: true, width: 520 } },
};

/** Accounts through the funnel: a result at `{ group: 'accountId' }` counts and names accounts. */
export const Accounts: Story = {
  args: { data: accountSignupFunnel },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Funnel' })).toHaveAttribute('data-unit', 'account');
    await expect(canvas.getByRole('columnheader', { name: 'Accounts' })).toBeInTheDocument();
  },
};

export const AccountsFrench: Story = { args: { data: accountSignupFunnel, locale: 'fr' } };

export const AccountsTraditionalChinese: Story = { args: { data: accountSignupFunnel, locale: 'zh-TW' } };

export const AccountsVertical: Story = {
  args: { data: accountSignupFunnel, orientation: 'vertical' },
  parameters: { frame: { width: 720 } },
};

/** A team's own noun. */
export const Workspaces: Story = { args: { data: accountSignupFunnel, unit: { one: 'workspace', other: 'workspaces' } } };

export const AccountsEmpty: Story = {
  args: { data: { ...accountSignupFunnel, steps: accountSignupFunnel.steps.map((step) => ({ ...step, count: 0, dropOff: 0 })) } },
};
