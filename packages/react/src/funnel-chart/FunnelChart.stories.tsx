import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { anyOrderFunnel, signupBySource, signupFunnel, stepNames } from '../test/funnelFixtures';
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
