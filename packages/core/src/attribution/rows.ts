import { CREDIT_UNITS } from './apportion';
import type {
  AttributionCampaignRow,
  AttributionFigures,
  AttributionModelResult,
  AttributionModelSpec,
  AttributionRow,
} from './attribution.types';
import type { SpendInRange } from './costs';
import type { AttributionTally } from './tally';

/** What the rows are made from, besides the tally. */
export interface RowsInput {
  readonly specs: readonly AttributionModelSpec[];
  readonly channels: readonly string[];
  readonly campaigns: readonly string[];
  /** Whether rows are split by campaign. */
  readonly byCampaign: boolean;
  /** Value quanta per unit of value, or `null` without a value option. */
  readonly scale: number | null;
  readonly spend: readonly SpendInRange[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Campaign order: by text, no campaign last. */
const byCampaign = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : byText(a, b));

interface Group {
  readonly slots: number[];
  touches: number;
  units: number;
  cost: number | null;
}

const emptyGroup = (): Group => ({ slots: [], touches: 0, units: 0, cost: null });
const addCost = (group: Group, amount: number): void => {
  group.cost = (group.cost ?? 0) + amount;
};

function figures(credit: number, quanta: number, scale: number | null, group: Group): AttributionFigures {
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

/**
 * Every model's rows: the channels that had a touch in a lookback or a cost in
 * the range, in code-unit order of their text (the same rows in every model),
 * then the `none` row.
 */
export function attributionRows(tally: AttributionTally, input: RowsInput): AttributionModelResult[] {
  const { specs, channels, campaigns, scale, spend } = input;
  const groups = new Map<string, Group & { campaigns: Map<string | null, Group> }>();
  const groupOf = (channel: string) => {
    let group = groups.get(channel);
    if (!group) groups.set(channel, (group = { ...emptyGroup(), campaigns: new Map() }));
    return group;
  };
  const campaignOf = (group: { campaigns: Map<string | null, Group> }, campaign: string | null): Group => {
    let found = group.campaigns.get(campaign);
    if (!found) group.campaigns.set(campaign, (found = emptyGroup()));
    return found;
  };
  tally.slotChannel.forEach((code, slot) => {
    const touches = tally.slotTouches[slot] as number;
    if (touches === 0) return;
    const group = groupOf(channels[code] as string);
    group.slots.push(slot);
    group.touches += touches;
    group.units = tally.channelUnits[code] as number;
    if (input.byCampaign) {
      const code = tally.slotCampaign[slot] as number;
      const campaign = campaignOf(group, code < 0 ? null : (campaigns[code] as string));
      campaign.slots.push(slot);
      campaign.touches = touches;
      campaign.units = tally.slotUnits[slot] as number;
    }
  });
  for (const { channel, campaign, amount } of spend) {
    const group = groupOf(channel);
    addCost(group, amount);
    if (input.byCampaign && campaign !== undefined) addCost(campaignOf(group, campaign), amount);
  }
  const ordered = [...groups].sort(([a], [b]) => byText(a, b));
  const none = emptyGroup();
  none.units = tally.noneUnits;

  return specs.map((spec, m) => {
    const credit = tally.credit[m] as number[];
    const value = tally.value[m] as number[];
    const sum = (slots: readonly number[], of: number[]): number => slots.reduce((total, slot) => total + (of[slot] as number), 0);
    const rows: AttributionRow[] = ordered.map(([channel, group]) => {
      const row: AttributionRow = { channel, ...figures(sum(group.slots, credit), sum(group.slots, value), scale, group) };
      if (!input.byCampaign) return row;
      const split: AttributionCampaignRow[] = [...group.campaigns]
        .sort(([a], [b]) => byCampaign(a, b))
        .map(([campaign, part]) => ({ campaign, ...figures(sum(part.slots, credit), sum(part.slots, value), scale, part) }));
      return { ...row, campaigns: split };
    });
    const noneRow: AttributionRow = { channel: null, ...figures(tally.noneCredit[m] as number, tally.noneValue[m] as number, scale, none) };
    rows.push(input.byCampaign ? { ...noneRow, campaigns: [] } : noneRow);
    return { ...spec, rows };
  });
}
