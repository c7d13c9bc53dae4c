import type { UnitResult } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import { pluralForm, type MessageKey, type PluralMessage } from '../format/messages';

/**
 * Who or what a people-counting widget says it counts: `'user'`, `'account'`,
 * `'group'` (nouns in every catalogue locale), or a team's own noun in the
 * widget's locale, e.g. `{ one: 'workspace', other: 'workspaces' }`.
 */
export type UnitLabel = 'user' | 'account' | 'group' | PluralMessage;

/**
 * The unit a widget speaks of: its `unit` prop, else that of the core result
 * (`{ group: 'accountId' }` reads as accounts, any other group as groups), else users.
 *
 * @example
 * resolveUnitLabel(undefined, { unit: { group: 'accountId', groups: 12, ungroupedEvents: 0 } }); // 'account'
 */
export function resolveUnitLabel(unit: UnitLabel | undefined, result: UnitResult | null | undefined): UnitLabel {
  if (unit !== undefined) return unit;
  const group = result?.unit?.group;
  if (group === undefined) return 'user';
  return /account/i.test(group) ? 'account' : 'group';
}

/** `data-unit` of a widget's root: the built-in noun's name, or `custom`. */
export const unitKind = (unit: UnitLabel): string => (typeof unit === 'string' ? unit : 'custom');

/**
 * The noun of `unit` for `count` (the plural when `count` is absent), from
 * the widget's catalogue keys `<prefix>.noun.user|account|group`.
 */
export function unitNoun(unit: UnitLabel, fmt: Formatter, prefix: string, count?: number): string {
  if (typeof unit !== 'string') return count === undefined ? unit.other : pluralForm(unit, count, fmt.locale);
  return fmt.t(`${prefix}.noun.${unit}` as MessageKey, {}, count ?? 2);
}
