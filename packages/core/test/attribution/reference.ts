/**
 * A plain, obviously-correct attribution over event objects: no tables, no
 * integer shares, the models' exact weights in floating point. The library's
 * rows must match it up to the share rounding it documents.
 */
import type { KpiEvent, PropertyValue } from '../../src/index';
import { intlLocalDate, msOf } from '../support/reference';

export type RefModel =
  | { model: 'first_touch' | 'last_touch' | 'linear' }
  | { model: 'time_decay'; halfLife: number }
  | { model: 'position_based'; weights: { first: number; middle: number; last: number } }
  | { model: 'last_non_direct'; direct: string[] };

export interface RefOptions {
  conversion: { name: string; where?: Record<string, PropertyValue> };
  count: 'first' | 'every';
  touches: { channel?: string; names?: string[]; campaign?: string };
  lookback: number;
  models: RefModel[];
  /** Property holding the value, in major units with cents. */
  valueProperty?: string;
  from?: string;
  to?: string;
  timeZone: string;
}

export interface RefRow {
  channel: string | null;
  conversions: number;
  value: number | null;
  touches: number;
  units: number;
}

export interface RefResult {
  from: string | null;
  to: string | null;
  conversions: number;
  touched: number;
  /** Total value in cents (an integer), or null. */
  cents: number | null;
  models: RefRow[][];
}

interface Touch {
  id: number;
  time: number;
  channel: string;
  campaign: string | null;
}

const label = (value: PropertyValue | undefined): string | null => (value === undefined || value === null ? null : String(value));

function weightsOf(model: RefModel, touches: Touch[], t: number): number[] {
  const n = touches.length;
  switch (model.model) {
    case 'first_touch':
      return touches.map((_, i) => (i === 0 ? 1 : 0));
    case 'last_touch':
      return touches.map((_, i) => (i === n - 1 ? 1 : 0));
    case 'linear':
      return touches.map(() => 1 / n);
    case 'time_decay': {
      const raw = touches.map((touch) => Math.pow(2, -(t - touch.time) / model.halfLife));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((w) => w / sum);
    }
    case 'position_based': {
      if (n === 1) return [1];
      const { first, middle, last } = model.weights;
      if (n === 2) return [first / (first + last), last / (first + last)];
      const sum = first + middle + last;
      return touches.map((_, i) => (i === 0 ? first / sum : i === n - 1 ? last / sum : middle / sum / (n - 2)));
    }
    case 'last_non_direct': {
      let pick = n - 1;
      for (let i = n - 1; i >= 0; i--) {
        const channel = touches[i]!.channel;
        if (channel !== '' && !model.direct.includes(channel)) {
          pick = i;
          break;
        }
      }
      return touches.map((_, i) => (i === pick ? 1 : 0));
    }
  }
}

/** The reference result. Exact duplicates must have been removed from `events` by the caller. */
export function referenceAttribution(events: KpiEvent[], options: RefOptions): RefResult {
  const { timeZone } = options;
  const dates = events.map((event) => intlLocalDate(msOf(event), timeZone)).sort();
  const from = options.from ?? (options.to !== undefined ? (dates[0]! < options.to ? dates[0]! : options.to) : dates[0]);
  const to = options.to ?? (options.from !== undefined ? (dates.at(-1)! > options.from ? dates.at(-1)! : options.from) : dates.at(-1));
  if (from === undefined || to === undefined)
    return {
      from: null,
      to: null,
      conversions: 0,
      touched: 0,
      cents: options.valueProperty ? 0 : null,
      models: options.models.map(() => [noneRow(0, 0, options)]),
    };
  const inRange = (ms: number): boolean => {
    const date = intlLocalDate(ms, timeZone);
    return date >= from && date <= to;
  };

  const isConversion = (event: KpiEvent): boolean =>
    event.name === options.conversion.name &&
    Object.entries(options.conversion.where ?? {}).every(([key, value]) =>
      value === null ? (event.properties?.[key] ?? null) === null : event.properties?.[key] === value,
    );
  const touchOf = (event: KpiEvent, id: number): Touch | null => {
    const { channel: property, names, campaign } = options.touches;
    if (names && !names.includes(event.name)) return null;
    const channel = property === undefined ? event.name : label(event.properties?.[property]);
    if (channel === null) return null;
    return { id, time: msOf(event), channel, campaign: campaign === undefined ? null : label(event.properties?.[campaign]) };
  };

  const credit = options.models.map(() => new Map<string | null, { conversions: number; cents: number }>());
  const touchIds = new Map<string, Set<number>>();
  const units = new Map<string | null, Set<string>>();
  let conversions = 0;
  let touched = 0;
  let cents = 0;
  const users = [...new Set(events.map((event) => event.userId))];
  let nextId = 0;
  for (const userId of users) {
    const own = events.filter((event) => event.userId === userId).sort((a, b) => msOf(a) - msOf(b));
    const touches = own
      .map((event) => touchOf(event, nextId++))
      .filter((touch): touch is Touch => touch !== null)
      .sort((a, b) => a.time - b.time || cmp(a.channel, b.channel) || cmpCampaign(a.campaign, b.campaign));
    let counted = own.filter(isConversion);
    if (options.count === 'first') counted = counted.slice(0, 1);
    for (const conversion of counted.filter((event) => inRange(msOf(event)))) {
      const t = msOf(conversion);
      const value = options.valueProperty ? Number(conversion.properties?.[options.valueProperty] ?? 0) : 0;
      conversions++;
      cents += Math.round(value * 100);
      const window = touches.filter((touch) => touch.time >= t - options.lookback && touch.time <= t);
      if (window.length === 0) {
        if (!units.has(null)) units.set(null, new Set());
        units.get(null)!.add(userId);
      } else touched++;
      for (const touch of window) {
        if (!touchIds.has(touch.channel)) touchIds.set(touch.channel, new Set());
        touchIds.get(touch.channel)!.add(touch.id);
        if (!units.has(touch.channel)) units.set(touch.channel, new Set());
        units.get(touch.channel)!.add(userId);
      }
      options.models.forEach((model, m) => {
        const shares = window.length === 0 ? [] : weightsOf(model, window, t);
        const add = (channel: string | null, share: number) => {
          const entry = credit[m]!.get(channel) ?? { conversions: 0, cents: 0 };
          entry.conversions += share;
          entry.cents += share * Math.round(value * 100);
          credit[m]!.set(channel, entry);
        };
        if (window.length === 0) add(null, 1);
        window.forEach((touch, i) => {
          add(touch.channel, shares[i]!);
        });
      });
    }
  }
  const channels = [...touchIds.keys()].sort(cmp);
  return {
    from,
    to,
    conversions,
    touched,
    cents: options.valueProperty ? cents : null,
    models: options.models.map((_, m) => [
      ...channels.map((channel) => ({
        channel,
        conversions: credit[m]!.get(channel)?.conversions ?? 0,
        value: options.valueProperty ? (credit[m]!.get(channel)?.cents ?? 0) / 100 : null,
        touches: touchIds.get(channel)!.size,
        units: units.get(channel)!.size,
      })),
      noneRow(credit[m]!.get(null)?.conversions ?? 0, (credit[m]!.get(null)?.cents ?? 0) / 100, options, units.get(null)?.size ?? 0),
    ]),
  };
}

function noneRow(conversions: number, value: number, options: RefOptions, units = 0): RefRow {
  return { channel: null, conversions, value: options.valueProperty ? value : null, touches: 0, units };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cmpCampaign = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : cmp(a, b));
