import { attributionSpend, CREDIT_UNITS, formatDay } from '@kpikit/core';
import type {
  AttributionCampaignRow,
  AttributionCost,
  AttributionFigures,
  AttributionModelResult,
  AttributionModelSpec,
  AttributionRow,
} from '@kpikit/core';
import { dataRows, numberAt, type RowRange, type SqlRow } from '../../query/rows';
import { PART } from './query';

/** What the query's rows say, read once. */
export interface AttributionTallies {
  /** Credit units and value quanta per model, channel and campaign (`\u0000` + campaign, or `\u0001` for none). */
  readonly credit: ReadonlyMap<string, { readonly units: number; readonly quanta: number }>;
  /** Distinct touches and units per channel and campaign. */
  readonly slots: readonly {
    readonly channel: string;
    readonly campaign: string | null;
    readonly touches: number;
    readonly units: number;
  }[];
  /** Distinct units per channel. */
  readonly channelUnits: ReadonlyMap<string, number>;
  readonly conversions: number;
  readonly touched: number;
  readonly quanta: number;
  readonly withoutValue: number;
  readonly noneUnits: number;
  readonly noneQuanta: number;
  /** Shares that would need units taken back over more than one round (see `shareCtes`). */
  readonly unshared: number;
  /** The spend table's entries overlapping the range, in a fixed order, and how many of its rows are bad. */
  readonly tableCosts: readonly AttributionCost[];
  readonly badCosts: number;
  /** Conversion values off their grid: how many, and the unit and time of the first. */
  readonly badValues: { readonly count: number; readonly unit: string; readonly ms: number } | null;
}

const textAt = (rows: readonly SqlRow[], i: number, column: string): string | null => {
  const value = (rows[i] as SqlRow)[column];
  if (value === null || value === undefined) return null;
  // Labels come back as text; anything else (a client's own type) as its text too.
  return typeof value === 'string' ? value : JSON.stringify(value);
};

export const creditKey = (m: number, channel: string, campaign: string | null): string =>
  `${m}\u0000${channel}${campaign === null ? '\u0001' : `\u0000${campaign}`}`;

/** Reads the parts of an attribution query's rows (see `PART`). */
export function readTallies(rows: readonly SqlRow[]): AttributionTallies {
  const credit = new Map<string, { units: number; quanta: number }>();
  const slots: AttributionTallies['slots'][number][] = [];
  const channelUnits = new Map<string, number>();
  let totals: number | null = null;
  let unshared = 0;
  let badCosts = 0;
  const entries: { channel: string; campaign: string | null; from: number; to: number; amount: number }[] = [];
  const at = (i: number, column: string): number => numberAt(rows, i, column) ?? 0;
  for (const i of dataRows(rows, 'part')) {
    const part = at(i, 'part');
    const channel = textAt(rows, i, 'ch') ?? '';
    const campaign = textAt(rows, i, 'ca');
    if (part === PART.credit) {
      credit.set(creditKey(at(i, 'm'), channel, campaign), { units: at(i, 'a'), quanta: at(i, 'b') });
      unshared += at(i, 'c');
    } else if (part === PART.slot) slots.push({ channel, campaign, touches: at(i, 'a'), units: at(i, 'b') });
    else if (part === PART.channel) channelUnits.set(channel, at(i, 'a'));
    else if (part === PART.totals) totals = i;
    else if (part === PART.cost) {
      if (at(i, 'c') > 0) badCosts++;
      else entries.push({ channel, campaign, from: at(i, 'a'), to: at(i, 'b'), amount: at(i, 'h') });
    }
  }
  // The rows come in the engine's order: sort them, so that amounts add up in one order (core adds in entry order).
  entries.sort(
    (x, y) =>
      byText(x.channel, y.channel) ||
      (x.campaign === y.campaign ? 0 : x.campaign === null ? -1 : y.campaign === null ? 1 : byText(x.campaign, y.campaign)) ||
      x.from - y.from ||
      x.to - y.to ||
      x.amount - y.amount,
  );
  const tableCosts: AttributionCost[] = entries.map(({ channel, campaign, from, to, amount }) => ({
    channel,
    ...(campaign === null ? {} : { campaign }),
    period: { from: formatDay(from), to: formatDay(to) },
    amount,
  }));
  const total = (column: string): number => (totals === null ? 0 : at(totals, column));
  const bad = total('g');
  return {
    credit,
    slots,
    channelUnits,
    conversions: total('a'),
    touched: total('b'),
    quanta: total('c'),
    withoutValue: total('d'),
    noneUnits: total('e'),
    noneQuanta: total('f'),
    unshared,
    tableCosts,
    badCosts,
    badValues: bad === 0 || totals === null ? null : { count: bad, unit: textAt(rows, totals, 'ch') ?? '', ms: total('m') },
  };
}

interface Group {
  readonly campaigns: (string | null)[];
  touches: number;
  units: number;
  cost: number | null;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byCampaign = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : byText(a, b));

function figures(
  credit: number,
  quanta: number,
  scale: number | null,
  group: { touches: number; units: number; cost: number | null },
): AttributionFigures {
  const conversions = credit / CREDIT_UNITS;
  const value = scale === null ? null : quanta / scale;
  const { cost } = group;
  return {
    conversions,
    value,
    touches: group.touches,
    units: group.units,
    cost,
    costPerConversion: cost === null || conversions === 0 ? null : cost / conversions,
    returnOnSpend: value === null || cost === null || cost === 0 ? null : value / cost,
  };
}

/** What the rows are made from besides the tallies. */
export interface RowsInput {
  readonly specs: readonly AttributionModelSpec[];
  readonly byCampaign: boolean;
  readonly scale: number | null;
  readonly costs: readonly AttributionCost[];
  readonly range: RowRange | null;
}

/**
 * Every model's rows, as core makes them: channels with a touch in a lookback
 * or a cost in the range, in code-unit order of their text, then `none`;
 * costs spread over the range by core's own function, added in entry order.
 */
export function modelRows(tallies: AttributionTallies, input: RowsInput): AttributionModelResult[] {
  const groups = new Map<string, Group & { parts: Map<string | null, { touches: number; units: number; cost: number | null }> }>();
  const groupOf = (channel: string) => {
    let group = groups.get(channel);
    if (!group) groups.set(channel, (group = { campaigns: [], touches: 0, units: 0, cost: null, parts: new Map() }));
    return group;
  };
  const partOf = (group: ReturnType<typeof groupOf>, campaign: string | null) => {
    let part = group.parts.get(campaign);
    if (!part) {
      group.parts.set(campaign, (part = { touches: 0, units: 0, cost: null }));
      group.campaigns.push(campaign);
    }
    return part;
  };
  for (const slot of tallies.slots) {
    const group = groupOf(slot.channel);
    group.touches += slot.touches;
    group.units = tallies.channelUnits.get(slot.channel) ?? 0;
    const part = partOf(group, slot.campaign);
    part.touches = slot.touches;
    part.units = slot.units;
  }
  const range = input.range;
  const spend = range ? attributionSpend(input.costs, { fromDay: range.fromDay, toDay: range.toDay }) : [];
  for (const { channel, campaign, amount } of spend) {
    const group = groupOf(channel);
    group.cost = (group.cost ?? 0) + amount;
    if (input.byCampaign && campaign !== undefined) {
      const part = partOf(group, campaign);
      part.cost = (part.cost ?? 0) + amount;
    }
  }
  const ordered = [...groups].sort(([a], [b]) => byText(a, b));
  const untouched = tallies.conversions - tallies.touched;
  return input.specs.map((spec, m) => {
    const creditOf = (channel: string, campaign: string | null) =>
      tallies.credit.get(creditKey(m, channel, campaign)) ?? { units: 0, quanta: 0 };
    const rows: AttributionRow[] = ordered.map(([channel, group]) => {
      let units = 0;
      let quanta = 0;
      for (const campaign of group.campaigns) {
        const credit = creditOf(channel, campaign);
        units += credit.units;
        quanta += credit.quanta;
      }
      const row: AttributionRow = { channel, ...figures(units, quanta, input.scale, group) };
      if (!input.byCampaign) return row;
      const split: AttributionCampaignRow[] = [...group.parts]
        .sort(([a], [b]) => byCampaign(a, b))
        .map(([campaign, part]) => {
          const credit = creditOf(channel, campaign);
          return { campaign, ...figures(credit.units, credit.quanta, input.scale, part) };
        });
      return { ...row, campaigns: split };
    });
    const none: AttributionRow = {
      channel: null,
      ...figures(untouched * CREDIT_UNITS, tallies.noneQuanta, input.scale, { touches: 0, units: tallies.noneUnits, cost: null }),
    };
    rows.push(input.byCampaign ? { ...none, campaigns: [] } : none);
    return { ...spec, rows };
  });
}
