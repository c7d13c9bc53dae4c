import type { EventTable, PropertyColumn, PropertyValue } from '../events/event.types';
import type { AttributionTouches } from './attribution.types';

/**
 * Which rows of a table are touches, on which channel and campaign, with the
 * channels' and campaigns' text order for deterministic ties.
 */
export interface TouchColumns {
  /** Channel code of each row (an index into `channels`), −1 where the row is not a touch. */
  readonly channel: Int32Array;
  /** Campaign code of each row (an index into `campaigns`), −1 for none; `null` without the campaign option. */
  readonly campaign: Int32Array | null;
  /** Distinct channel texts. */
  readonly channels: readonly string[];
  /** Distinct campaign texts. */
  readonly campaigns: readonly string[];
  /** Rank of each channel code in code-unit order of the texts. */
  readonly channelRank: Int32Array;
  /** Rank of each campaign code in code-unit order of the texts. */
  readonly campaignRank: Int32Array;
}

/** A channel or campaign label: property values are read as text (`1` and `"1"` are one channel). */
const labelOf = (value: PropertyValue): string | null => (value === null ? null : String(value));

/** Codes one property column's values as labels; −1 for null. */
function labelCodes(column: PropertyColumn, labels: string[]): Int32Array {
  const lookup = new Map<string, number>();
  labels.forEach((label, code) => lookup.set(label, code));
  return Int32Array.from(column.values, (value) => {
    const label = labelOf(value);
    if (label === null) return -1;
    let code = lookup.get(label);
    if (code === undefined) {
      code = labels.length;
      labels.push(label);
      lookup.set(label, code);
    }
    return code;
  });
}

function ranks(labels: readonly string[]): Int32Array {
  const order = labels.map((_, code) => code).sort((a, b) => ((labels[a] as string) < (labels[b] as string) ? -1 : 1));
  const rank = new Int32Array(labels.length);
  order.forEach((code, position) => (rank[code] = position));
  return rank;
}

/**
 * Finds the touches of a table once: with `channel`, rows carrying that
 * property (not null), the channel being its value as text; with `names`, rows
 * with those names (and, with `channel` too, the property); without
 * `channel`, the channel is the event name.
 */
export function touchColumns(table: EventTable, touches: AttributionTouches): TouchColumns {
  const channel = new Int32Array(table.length).fill(-1);
  const channels: string[] = [];
  let nameOk: Uint8Array | null = null;
  if (touches.names !== undefined) {
    const wanted = new Set(touches.names);
    nameOk = Uint8Array.from(table.names, (name) => (wanted.has(name) ? 1 : 0));
  }
  const names = table.name;
  if (touches.channel === undefined) {
    // Channel = event name: one channel per touch name present in the table.
    const byName = new Int32Array(table.names.length).fill(-1);
    table.names.forEach((name, code) => {
      if (nameOk?.[code] === 1) {
        byName[code] = channels.length;
        channels.push(name);
      }
    });
    for (let row = 0; row < table.length; row++) channel[row] = byName[names[row] as number] as number;
  } else {
    const column = table.properties.get(touches.channel);
    if (column) {
      const byValue = labelCodes(column, channels);
      const { codes } = column;
      for (let row = 0; row < table.length; row++) {
        const value = codes[row] as number;
        if (value < 0 || (nameOk !== null && nameOk[names[row] as number] !== 1)) continue;
        channel[row] = byValue[value] as number;
      }
    }
  }

  let campaign: Int32Array | null = null;
  const campaigns: string[] = [];
  if (touches.campaign !== undefined) {
    campaign = new Int32Array(table.length).fill(-1);
    const column = table.properties.get(touches.campaign);
    if (column) {
      const byValue = labelCodes(column, campaigns);
      const { codes } = column;
      for (let row = 0; row < table.length; row++) {
        const value = codes[row] as number;
        if (value >= 0 && (channel[row] as number) >= 0) campaign[row] = byValue[value] as number;
      }
    }
  }
  return { channel, campaign, channels, campaigns, channelRank: ranks(channels), campaignRank: ranks(campaigns) };
}
