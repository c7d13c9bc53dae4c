import type { NorthStarNodeResult, NorthStarTreeResult } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import type { NorthStarNodeModel } from './northStarTree.types';

const SYMBOLS: Readonly<Record<string, string>> = { sum: 'Σ', difference: '−', product: '×', ratio: '÷', weightedSum: 'Σw' };

/** Rates, ratios and percentages are shown as percentages, their changes in points. */
export const isRate = (unit: string | null): boolean => unit === 'ratio' || unit === 'rate' || unit === '%' || unit === 'percent';

/** A node's value in its unit: rates as percentages, others compact with the unit. */
export function formatNodeValue(value: number | null, unit: string | null, fmt: Formatter): string {
  if (value === null) return fmt.number(null);
  if (isRate(unit)) return fmt.percent(value);
  const number = Math.abs(value) < 100 && !Number.isInteger(value) ? fmt.number(value, { maximumFractionDigits: 1 }) : fmt.compact(value);
  return unit ? `${number} ${unit}` : number;
}

function describeChange(node: NorthStarNodeResult, fmt: Formatter): Pick<NorthStarNodeModel, 'changeText' | 'sentiment'> {
  const change = node.change;
  if (!change) return { changeText: '', sentiment: null };
  const shown = isRate(node.unit)
    ? fmt.t('unit.points', { value: fmt.number(Math.abs(change.absolute * 100), { maximumFractionDigits: 1 }) })
    : change.relative !== null
      ? fmt.percent(Math.abs(change.relative))
      : fmt.number(Math.abs(change.absolute));
  if (change.favorable === null || change.absolute === 0) return { changeText: fmt.t('delta.flat'), sentiment: 'neutral' };
  const arrow = change.absolute > 0 ? '▲' : '▼';
  return { changeText: `${arrow} ${shown}`, sentiment: change.favorable ? 'positive' : 'negative' };
}

/**
 * Each node of the tree as shown, formatted: value with unit, change and its
 * sentiment, progress to target, formula symbol, what a screen reader reads
 * and what the card leaves to the description; `base` is the tree before
 * the what-if values, to mark the nodes they change.
 */
export function buildNodeModels(
  tree: NorthStarTreeResult | null,
  base: NorthStarTreeResult | null,
  fmt: Formatter,
  collapsed: ReadonlySet<string>,
): Map<string, NorthStarNodeModel> {
  const map = new Map<string, NorthStarNodeModel>();
  if (!tree || !base) return map;
  const before = new Map(base.nodes.map((node) => [node.id, node.value]));
  for (const node of tree.nodes) {
    const valueText = formatNodeValue(node.value, node.unit, fmt);
    const { changeText, sentiment } = describeChange(node, fmt);
    const progressText = node.progress !== null ? fmt.t('target.progress', { percent: fmt.percent(node.progress, { decimals: 0 }) }) : '';
    const parts = [`${node.label}: ${valueText}`];
    if (changeText) parts.push(fmt.t('northStar.change', { change: changeText }));
    if (node.target !== null) parts.push(fmt.t('target.label', { value: formatNodeValue(node.target, node.unit, fmt) }));
    if (progressText) parts.push(progressText);
    const details: string[] = [];
    if (node.target !== null) details.push(fmt.t('target.label', { value: formatNodeValue(node.target, node.unit, fmt) }));
    if (node.formula) details.push(fmt.t(`northStar.formula.${node.formula}`));
    if (node.formula) parts.push(fmt.t(`northStar.formula.${node.formula}`));
    map.set(node.id, {
      node,
      valueText,
      changeText,
      sentiment,
      progressText,
      formulaSymbol: node.formula ? (SYMBOLS[node.formula] ?? '') : '',
      announcement: parts.join(', '),
      details: details.join(', '),
      collapsed: collapsed.has(node.id),
      hasChildren: node.children.length > 0,
      changedByWhatIf: before.get(node.id) !== node.value,
    });
  }
  return map;
}
