import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { allCensored, byAccount, fewUsers, manyCandidates, noNewUsers, typical, unbounded, withPairs } from './activationFixtures';
import { ActivationCandidates } from './ActivationCandidates';

const meta = {
  title: 'Widgets/ActivationCandidates',
  component: ActivationCandidates,
  args: { data: typical },
  parameters: { frame: { width: 720 } },
} satisfies Meta<typeof ActivationCandidates>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 1,599 new users judged (382 too recent, left out): fourteen signals, the top ten shown. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole('grid', { name: 'Activation candidates' }).querySelector('[data-cell="0:0"]')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvasElement.querySelector('.kpikit-activation-candidates__readout')).toHaveTextContent(/^#2 /);
    await expect(canvasElement.querySelector('.kpikit-activation-candidates__point[data-current="true"]')).not.toBeNull();
  },
};

/** Pointing at a row rings its point; pointing at a point lights its row. */
export const Linked: Story = {
  play: async ({ canvasElement }) => {
    const row = canvasElement.querySelectorAll('.kpikit-activation-candidates__row')[2]!;
    await userEvent.hover(row.querySelector('[data-cell]')!);
    await expect(canvasElement.querySelector('.kpikit-activation-candidates__point[data-current="true"]')).toHaveAttribute(
      'data-index',
      '2',
    );
  },
};

/** Every two of the four best actions together: "did E and F". */
export const Pairs: Story = { args: { data: withPairs } };

/** Counted by account: an account did an action when any of its users did. */
export const ByAccount: Story = {
  args: { data: byAccount },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Activation candidates' })).toHaveAttribute('data-unit', 'account');
    await expect(canvasElement.querySelector('.kpikit-activation-candidates__summary')).toHaveTextContent(
      /retained of [\d,]+ new accounts/,
    );
  },
};

/** By account in Chinese: accounts are counted with 個, where people take 位. */
export const ByAccountTraditionalChinese: Story = { args: { data: byAccount, locale: 'zh-TW' } };

/** Thirty-one users to compare: wide intervals, most crossing 0, and a note saying so. */
export const FewUsers: Story = { args: { data: fewUsers } };

/** Eighty-five signals: the top ten, ten more on each "Show more". */
export const ManyCandidates: Story = {
  args: { data: manyCandidates },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Show 10 more' }));
    await expect(canvasElement.querySelectorAll('.kpikit-activation-candidates__row')).toHaveLength(20);
  },
};

/** Retained: active at any time from day 7 to the end of the data. */
export const Unbounded: Story = { args: { data: unbounded } };

/** Display names for the events. */
export const EventLabels: Story = {
  args: {
    eventLabels: {
      invite_teammate: 'Invited a teammate',
      connect_integration: 'Connected an integration',
      create_project: 'Created a project',
      comment: 'Commented',
      page_view: 'Viewed a page',
      upload_avatar: 'Uploaded an avatar',
      watch_tutorial: 'Watched the tutorial',
      export_report: 'Exported a report',
      change_theme: 'Changed the theme',
    },
  },
};

/** Everyone who signed up in the period is too recent to judge. */
export const AllCensored: Story = { args: { data: allCensored } };

export const Empty: Story = { args: { data: noNewUsers } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'The activation query timed out.' } };

export const Dark: Story = { args: { theme: darkTheme, data: withPairs }, parameters: { frame: { dark: true, width: 720 } } };

export const French: Story = { args: { locale: 'fr', data: fewUsers }, parameters: { frame: { width: 760 } } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW', data: withPairs } };

/** A phone: the table scrolls sideways under a fixed action column. */
export const Narrow: Story = { args: { data: withPairs }, parameters: { frame: { width: 320 } } };
