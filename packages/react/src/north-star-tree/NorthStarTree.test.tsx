import { northStarTree, whatIf } from '@kpikit/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { longLabelTree, sampleTree } from '../test/northStarFixtures';
import { NorthStarTree } from './NorthStarTree';

/**
 * Revenue = customers × revenue per customer; customers = new + retained.
 * Now: (40 + 160) × 50 = 10,000. Before: (30 + 150) × 52 = 9,360, so +6.8 %.
 * A 1 % rise of a leaf moves the root: per customer +1 %, retained 160/200 = +0.8 %, new 40/200 = +0.2 %.
 */
const tree = northStarTree({
  nodes: [
    { id: 'revenue', label: 'Revenue', formula: 'product', children: ['customers', 'arpu'], unit: 'EUR', target: 12_000 },
    { id: 'customers', label: 'Paying customers', formula: 'sum', children: ['new', 'retained'], unit: 'customers' },
    { id: 'new', label: 'New customers', value: 40, previous: 30, unit: 'customers' },
    { id: 'retained', label: 'Retained customers', value: 160, previous: 150, unit: 'customers' },
    { id: 'arpu', label: 'Revenue per customer', value: 50, previous: 52, unit: 'EUR', target: 55 },
  ],
});

const item = (id: string) => document.querySelector<SVGGElement>(`[data-node="${id}"]`)!;
const valueOf = (id: string) => item(id).querySelector('.kpikit-north-star__value')?.textContent;

describe('NorthStarTree', () => {
  it('shows each metric as a card: value with unit, change coloured by its good direction, progress to target', () => {
    render(<NorthStarTree data={tree} />);
    expect(valueOf('revenue')).toBe('10K EUR');
    expect(item('revenue').querySelector('.kpikit-north-star__change')).toHaveTextContent('▲ 6.8%');
    expect(item('revenue')).toHaveAttribute('data-sentiment', 'positive');
    expect(item('revenue')).toHaveTextContent('83% of target');
    // 50 after 52: down, and up is good.
    expect(item('arpu').querySelector('.kpikit-north-star__change')).toHaveTextContent('▼ 3.8%');
    expect(item('arpu')).toHaveAttribute('data-sentiment', 'negative');
  });

  it('puts the formula on the edges', () => {
    render(<NorthStarTree data={tree} />);
    const symbols = [...document.querySelectorAll('.kpikit-north-star__formula text')].map((text) => text.textContent);
    expect(symbols).toEqual(['×', 'Σ']);
  });

  it('is an ARIA tree view: arrows move, Right and Left open, close and climb, Enter toggles', async () => {
    render(<NorthStarTree data={tree} />);
    const view = screen.getByRole('tree', { name: 'North Star' });
    const items = within(view).getAllByRole('treeitem');
    expect(items.map((node) => node.getAttribute('data-node'))).toEqual(['revenue', 'customers', 'arpu', 'new', 'retained']);
    expect(item('revenue')).toHaveAttribute('aria-level', '1');
    expect(item('new')).toHaveAttribute('aria-level', '3');
    expect(item('revenue')).toHaveAccessibleName('Revenue 10K EUR ▲ 6.8% 83% of target');
    expect(item('revenue')).toHaveAccessibleDescription('Target 12K EUR, product of its children');
    // After the toolbar, the tree is one tab stop.
    screen.getByRole('button', { name: 'Zoom in' }).focus();
    await userEvent.tab();
    expect(item('revenue')).toHaveFocus();
    // Depth first: Revenue, Paying customers, New, Retained, Revenue per customer.
    await userEvent.keyboard('{ArrowDown}');
    expect(item('customers')).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(item('new')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(item('arpu')).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(item('revenue')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(item('customers')).toHaveAttribute('aria-expanded', 'false');
    expect(document.querySelector('[data-node="new"]')).toBeNull();
    await userEvent.keyboard('{ArrowDown}');
    expect(item('arpu')).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{ArrowRight}');
    expect(item('customers')).toHaveAttribute('aria-expanded', 'true');
    expect(item('new')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}');
    expect(item('customers')).toHaveAttribute('aria-expanded', 'false');
  });

  it('collapses and expands with the pointer', () => {
    render(<NorthStarTree data={tree} defaultCollapsed={['customers']} />);
    expect(document.querySelector('[data-node="new"]')).toBeNull();
    fireEvent.click(item('customers').querySelector('.kpikit-north-star__toggle')!);
    expect(item('new')).toBeInTheDocument();
  });

  it('what-if: a leaf’s new value re-evaluates the tree and shows the root’s change', async () => {
    render(<NorthStarTree data={tree} whatIf={whatIf} />);
    await userEvent.click(screen.getByRole('button', { name: 'What if' }));
    const panel = screen.getByRole('region', { name: 'What if: leaves by impact on the root' });
    // Ranked by how much 1 % moves the root.
    expect([...panel.querySelectorAll('.kpikit-north-star__leaf-label')].map((label) => label.textContent)).toEqual([
      'Revenue per customer',
      'Retained customers',
      'New customers',
    ]);
    expect(panel.querySelectorAll('.kpikit-north-star__leaf-impact')[1]).toHaveTextContent('+1% here: root +0.80%');
    const input = within(panel).getAllByRole('spinbutton', { name: 'Value of New customers' })[0]!;
    await userEvent.clear(input);
    await userEvent.type(input, '60');
    // (60 + 160) × 50 = 11,000: +10 % on 10,000.
    expect(valueOf('revenue')).toBe('11K EUR');
    expect(valueOf('customers')).toBe('220 customers');
    expect(document.querySelector('.kpikit-north-star__root-what-if')).toHaveTextContent('Revenue: 10K EUR → 11K EUR ▲ 10%');
    expect(item('new')).toHaveAttribute('data-what-if-changed', 'true');
    expect(item('arpu')).not.toHaveAttribute('data-what-if-changed');
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(valueOf('revenue')).toBe('10K EUR');
  });

  it('takes controlled what-if values and reports changes', () => {
    const onOverridesChange = vi.fn();
    render(<NorthStarTree data={tree} whatIf={whatIf} whatIfMode overrides={{ arpu: 60 }} onOverridesChange={onOverridesChange} />);
    // 200 × 60 = 12,000: on target.
    expect(valueOf('revenue')).toBe('12K EUR');
    const slider = screen.getByRole('slider', { name: 'Value of Retained customers' });
    fireEvent.change(slider, { target: { value: '170' } });
    expect(onOverridesChange).toHaveBeenCalledWith({ arpu: 60, retained: 170 });
  });

  it('offers no what-if mode without core’s whatIf', () => {
    render(<NorthStarTree data={tree} defaultWhatIfMode />);
    expect(screen.queryByRole('button', { name: 'What if' })).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('zooms with the buttons', async () => {
    render(<NorthStarTree data={tree} />);
    const group = () => document.querySelector('.kpikit-north-star__canvas > g')!.getAttribute('transform');
    expect(group()).toContain('scale(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(group()).toContain('scale(1.25)');
    await userEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(group()).toContain('scale(1)');
  });

  it('lays the cards out as an outline where the tree would be too small to read, and as a tree where it fits', async () => {
    const canvas = () => document.querySelector('.kpikit-north-star__canvas')!;
    const cardWidths = () => [...document.querySelectorAll('.kpikit-north-star__card')].map((card) => card.getBoundingClientRect().width);
    // A phone: the sample's tree is about 1,700 units wide, so 320 px would show its cards at a fifth of their size.
    const narrow = render(
      <div style={{ width: 320 }}>
        <NorthStarTree data={sampleTree} />
      </div>,
    );
    await expect.poll(() => canvas().getAttribute('data-layout')).toBe('outline');
    expect(Math.min(...cardWidths())).toBeGreaterThan(150);
    // One card a row, each level further right.
    const rows = [...document.querySelectorAll('.kpikit-north-star__card')]
      .map((card) => card.getBoundingClientRect())
      .sort((a, b) => a.top - b.top);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.top).toBeGreaterThan(rows[i - 1]!.bottom);
    expect(item('newPayingAccounts').getBoundingClientRect().left).toBeGreaterThan(item(sampleTree.root).getBoundingClientRect().left);
    // The keyboard works the same.
    item(sampleTree.root).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-level')).toBe('2');
    narrow.unmount();

    render(
      <div style={{ width: 320 }}>
        <NorthStarTree data={sampleTree} layout="tree" />
      </div>,
    );
    expect(canvas().getAttribute('data-layout')).toBe('tree');
    expect(Math.max(...cardWidths())).toBeLessThan(80);
  });

  it('draws the outline at full size in a wide widget, never larger', async () => {
    // 700 px: the sample's tree (1,360 units wide) would show its cards at half their size, so the outline, about 340 wide.
    render(
      <div style={{ width: 700 }}>
        <NorthStarTree data={sampleTree} />
      </div>,
    );
    await expect.poll(() => document.querySelector('.kpikit-north-star__canvas')?.getAttribute('data-layout')).toBe('outline');
    const widths = [...document.querySelectorAll('.kpikit-north-star__card')].map((card) => card.getBoundingClientRect().width);
    for (const width of widths) expect(width).toBeCloseTo(184, 0);
  });

  it('keeps the tree where it fits', () => {
    render(
      <div style={{ width: 1200 }}>
        <NorthStarTree data={tree} />
      </div>,
    );
    expect(document.querySelector('.kpikit-north-star__canvas')).toHaveAttribute('data-layout', 'tree');
  });

  it('shows loading, empty and error states', () => {
    const { rerender } = render(<NorthStarTree data={tree} loading />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-state', 'loading');
    rerender(<NorthStarTree data={null} />);
    expect(screen.getByText('No metric tree yet', { selector: '.kpikit-message__text' })).toBeVisible();
    rerender(<NorthStarTree data={tree} error="Definitions missing" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Definitions missing');
  });
});

describe('NorthStarTree labels', () => {
  const label = (id: string) => item(id).querySelector<HTMLElement>('.kpikit-north-star__label')!;
  const tooltip = () => document.querySelector<HTMLElement>('.kpikit-north-star__tooltip');
  const full = (id: string) => longLabelTree().nodes.find((node) => node.id === id)!.label;

  it('gives a label two lines of 16 px, then cuts it; a short label takes one', () => {
    render(<NorthStarTree data={longLabelTree()} layout="tree" />);
    // Cut: two lines shown, more to read.
    expect(label('revenue').clientHeight).toBe(32);
    expect(label('revenue').scrollHeight).toBeGreaterThan(32);
    expect(getComputedStyle(label('revenue')).webkitLineClamp).toBe('2');
    // "Paying customers at the end of the month" fits in two lines: whole.
    expect(label('customers').clientHeight).toBe(32);
    expect(label('customers').scrollHeight).toBe(32);
    expect(label('retained').clientHeight).toBe(16);
    // The value is drawn under the label's two lines, not over them.
    const value = item('revenue').querySelector('.kpikit-north-star__value')!.getBoundingClientRect();
    expect(value.top).toBeGreaterThanOrEqual(label('revenue').getBoundingClientRect().bottom);
  });

  it('names the card with its whole label, whatever is cut', () => {
    render(<NorthStarTree data={longLabelTree()} />);
    expect(item('revenue')).toHaveAccessibleName(`${full('revenue')} 10K EUR ▲ 6.8% 83% of target`);
    expect(item('new')).toHaveAccessibleName(`${full('new')} 40 ▲ 33%`);
  });

  it('shows the whole label of a cut card on focus, above the card, and hides it on blur and on Escape', async () => {
    render(<NorthStarTree data={longLabelTree()} layout="tree" />);
    expect(tooltip()).toBeNull();
    item('new').focus();
    await expect.poll(() => tooltip()).toBeVisible();
    expect(tooltip()).toHaveTextContent(full('new'));
    // Read once, by the card's name: the tooltip is not in the accessibility tree.
    expect(tooltip()).toHaveAttribute('aria-hidden', 'true');
    expect(tooltip()!.getBoundingClientRect().bottom).toBeLessThanOrEqual(item('new').getBoundingClientRect().top + 1);
    await userEvent.keyboard('{Escape}');
    expect(tooltip()).toBeNull();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(item('revenue')).toHaveFocus();
    await expect.poll(() => tooltip()).toHaveTextContent(full('revenue'));
    expect(tooltip()).toBeVisible();
    // Above the root, over the toolbar: inside the widget still.
    expect(tooltip()!.getBoundingClientRect().bottom).toBeLessThanOrEqual(item('revenue').getBoundingClientRect().top + 1);
    expect(tooltip()!.getBoundingClientRect().top).toBeGreaterThanOrEqual(screen.getByRole('figure').getBoundingClientRect().top);
    item('revenue').blur();
    await expect.poll(() => tooltip()).toBeNull();
  });

  it('shows nothing more for a label shown whole', async () => {
    render(<NorthStarTree data={longLabelTree()} layout="tree" />);
    item('customers').focus();
    await expect.poll(() => document.activeElement).toBe(item('customers'));
    expect(tooltip()).not.toBeVisible();
  });

  it('shows the whole label on hover, and keeps it while the pointer moves onto it', async () => {
    render(<NorthStarTree data={longLabelTree()} layout="tree" />);
    await userEvent.hover(item('arpu'));
    await expect.poll(() => tooltip()).toBeVisible();
    expect(tooltip()).toHaveTextContent(full('arpu'));
    await userEvent.hover(tooltip()!.firstElementChild!);
    expect(tooltip()).toBeVisible();
    await userEvent.unhover(tooltip()!);
    await expect.poll(() => tooltip()).toBeNull();
  });

  it.each([
    ['en', 'tree'],
    ['en', 'outline'],
    ['fr', 'tree'],
    ['fr', 'outline'],
    ['zh-TW', 'tree'],
    ['zh-TW', 'outline'],
  ] as const)('cuts and shows the whole label in %s, %s layout', async (locale, layout) => {
    const data = longLabelTree(locale);
    render(
      <div style={{ width: layout === 'outline' ? 320 : 900 }}>
        <NorthStarTree data={data} locale={locale} />
      </div>,
    );
    await expect.poll(() => document.querySelector('.kpikit-north-star__canvas')?.getAttribute('data-layout')).toBe(layout);
    expect(label('revenue').clientHeight).toBe(32);
    expect(label('revenue').scrollHeight).toBeGreaterThan(32);
    item('revenue').focus();
    await expect.poll(() => tooltip()).toBeVisible();
    expect(tooltip()).toHaveTextContent(data.nodes.find((node) => node.id === 'revenue')!.label);
    // Inside the widget, at reading size.
    const widget = screen.getByRole('figure').getBoundingClientRect();
    const box = tooltip()!.getBoundingClientRect();
    expect(box.left).toBeGreaterThanOrEqual(widget.left);
    expect(box.right).toBeLessThanOrEqual(widget.right);
    expect(getComputedStyle(tooltip()!.firstElementChild!).fontSize).toBe('12px');
  });
});
