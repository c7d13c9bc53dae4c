import type { GroupUnitSummary } from '@kpikit/core';
import type { Messages, PluralMessage } from './messages';
import { pluralForm } from './messages';

/**
 * A noun for what a widget counts, in the widget's locale: one form per
 * `Intl.PluralRules` category (`other` required), e.g.
 * `{ one: 'workspace', other: 'workspaces' }`.
 */
export interface UnitNoun extends PluralMessage {
  /**
   * The measure word a count takes before the noun, for languages that have
   * them: `'位'` for people, `'個'` for most things in Chinese. Default: the
   * catalogue's (`'個'` in `zh-TW`, none elsewhere).
   */
  readonly measure?: string | undefined;
}

/**
 * Who or what a people-counting widget says it counts: `'user'` (the
 * default), `'account'`, `'group'` (the built-in nouns, in every catalogue
 * locale), or a team's own noun in the widget's locale.
 */
export type UnitLabel = 'user' | 'account' | 'group' | UnitNoun;

/** Which noun a widget speaks of: a built-in one or the host's (`custom`). */
export type UnitKind = 'user' | 'account' | 'group' | 'custom';

/** The words of a unit, resolved for a locale. */
export interface UnitWords {
  readonly kind: UnitKind;
  /** The noun's forms. */
  readonly noun: PluralMessage;
  /** The measure word before the noun after a count (`''` in most languages). */
  readonly measure: string;
}

/**
 * The unit a widget speaks of: its `unit` prop, else that of the core result
 * it was given (`{ group: 'accountId' }` reads as accounts, any other group
 * property as groups), else users.
 *
 * @example
 * resolveUnit(undefined, { group: 'accountId', groups: 12, ungroupedEvents: 0 }); // 'account'
 * resolveUnit({ one: 'workspace', other: 'workspaces' }, undefined); // { one: 'workspace', other: 'workspaces' }
 */
export function resolveUnit(unit: UnitLabel | undefined, fromResult: GroupUnitSummary | undefined): UnitLabel {
  if (unit !== undefined) return unit;
  if (!fromResult) return 'user';
  return /account/i.test(fromResult.group) ? 'account' : 'group';
}

/** The words of `unit` from a catalogue. */
export function unitWords(unit: UnitLabel, messages: Messages): UnitWords {
  if (typeof unit === 'string') {
    return { kind: unit, noun: messages[`noun.${unit}`], measure: messages[`noun.${unit}.measure`] };
  }
  return { kind: 'custom', noun: unit, measure: unit.measure ?? messages['noun.measure'] };
}

/**
 * The placeholders a unit adds to every message of a widget:
 * `{unit}` (the singular), `{units}` (the plural), `{Units}` (the plural
 * capitalised, for a column header), `{noun}` (the form for the message's
 * count) and `{measure}` (the measure word of a count, Chinese).
 */
export function unitPlaceholder(words: UnitWords, locale: string, name: string, count: number | undefined): string | undefined {
  switch (name) {
    case 'unit':
      return pluralForm(words.noun, 1, locale);
    case 'units':
      return words.noun.other;
    case 'Units':
      return capitalise(words.noun.other, locale);
    case 'noun':
      return count === undefined ? words.noun.other : pluralForm(words.noun, count, locale);
    case 'measure':
      return words.measure;
    default:
      return undefined;
  }
}

/** A stable key of a unit, for memoising on a prop that may be a new object every render. */
export function unitKey(unit: UnitLabel | undefined): string {
  return unit === undefined || typeof unit === 'string' ? (unit ?? '') : JSON.stringify(unit);
}

const capitalise = (text: string, locale: string): string => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
