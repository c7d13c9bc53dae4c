import { whatIf } from '@kpikit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { darkTheme } from '../theme/theme';
import { largeTree, longLabelTree, revenueTree, sampleTree } from '../test/northStarFixtures';
import { NorthStarTree } from './NorthStarTree';

const meta = {
  title: 'Widgets/NorthStarTree',
  component: NorthStarTree,
  args: { data: sampleTree, whatIf },
  parameters: { frame: { width: 900 } },
} satisfies Meta<typeof NorthStarTree>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The sample product's tree. Arrow keys move through it; Enter collapses a branch. The what-if mode re-evaluates it with core's `whatIf`. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tree = canvas.getByRole('tree');
    const items = within(tree).getAllByRole('treeitem');
    items[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(items[1]).toHaveFocus();
  },
};

/** What-if mode: leaves ranked by impact; a changed leaf re-evaluates the tree. */
export const WhatIf: Story = { args: { data: revenueTree, defaultWhatIfMode: true, defaultOverrides: { new: 60 } } };

export const Revenue: Story = { args: { data: revenueTree }, parameters: { frame: { width: 720 } } };

export const Collapsed: Story = { args: { defaultCollapsed: ['newPayingAccounts'] } };

/** Without core's `whatIf`: a read-only tree, no what-if mode. */
export const ReadOnly: Story = { render: (args) => <NorthStarTree {...args} whatIf={undefined} /> };

export const Empty: Story = { args: { data: null } };

export const Loading: Story = { args: { loading: true } };

export const ErrorState: Story = { args: { error: 'The metric definitions could not be loaded.' } };

export const Dark: Story = {
  args: { theme: darkTheme, data: revenueTree, defaultWhatIfMode: true },
  parameters: { frame: { dark: true, width: 900 } },
};

export const French: Story = { args: { locale: 'fr', data: revenueTree, defaultWhatIfMode: true } };

export const TraditionalChinese: Story = { args: { locale: 'zh-TW', data: revenueTree } };

/** A phone: too narrow to read the tree, so the cards are laid out as an outline, one a row, each level indented. */
export const Narrow: Story = { parameters: { frame: { width: 320 } } };

/** The tree layout forced on a narrow widget: fitted, so zoom in to read it. */
export const NarrowTree: Story = { args: { layout: 'tree' }, parameters: { frame: { width: 320 } } };

/** 204 metrics: fitted at first; zoom with the buttons or Ctrl + scroll, drag to pan. */
export const Large: Story = {
  args: { data: undefined, height: 520 },
  loaders: [() => ({ large: largeTree() })],
  render: (args, { loaded }) => <NorthStarTree {...args} data={loaded['large'] as ReturnType<typeof largeTree>} />,
};

/** Focuses a card whose label is cut, and checks that the whole label shows above or below it. */
const showsWholeLabel =
  (id: string) =>
  async ({ canvasElement }: { readonly canvasElement: HTMLElement }) => {
    const card = canvasElement.querySelector<SVGGElement>(`[data-node="${id}"]`)!;
    const label = card.querySelector<HTMLElement>('.kpikit-north-star__label')!;
    // Two lines, then cut.
    await expect(label.scrollHeight).toBeGreaterThan(label.clientHeight);
    card.focus();
    await waitFor(() => expect(canvasElement.querySelector('.kpikit-north-star__tooltip')).toBeVisible());
    await expect(canvasElement.querySelector('.kpikit-north-star__tooltip')).toHaveTextContent(label.textContent);
  };

/** Labels longer than two lines end in an ellipsis; focus or hover shows the whole label. */
export const LongLabels: Story = { args: { data: longLabelTree() }, play: showsWholeLabel('new') };

/** Long labels on a phone: the outline, with the same two lines and the same tooltip. */
export const LongLabelsNarrow: Story = {
  args: { data: longLabelTree() },
  parameters: { frame: { width: 320 } },
  play: showsWholeLabel('revenue'),
};

export const LongLabelsDark: Story = {
  args: { data: longLabelTree(), theme: darkTheme },
  parameters: { frame: { dark: true, width: 900 } },
  play: showsWholeLabel('revenue'),
};

export const LongLabelsDarkNarrow: Story = {
  args: { data: longLabelTree('fr'), locale: 'fr', theme: darkTheme },
  parameters: { frame: { dark: true, width: 320 } },
  play: showsWholeLabel('new'),
};

export const LongLabelsFrench: Story = {
  args: { data: longLabelTree('fr'), locale: 'fr' },
  play: showsWholeLabel('revenue'),
};

export const LongLabelsTraditionalChinese: Story = {
  args: { data: longLabelTree('zh-TW'), locale: 'zh-TW' },
  play: showsWholeLabel('revenue'),
};

export const LongLabelsTraditionalChineseNarrow: Story = {
  args: { data: longLabelTree('zh-TW'), locale: 'zh-TW' },
  parameters: { frame: { width: 320 } },
  play: showsWholeLabel('new'),
};
