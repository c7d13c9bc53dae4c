import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit } from '../events/unit';
import type { EventInput, EventTable, PropertyValue } from '../events/event.types';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { attributionOptionsSchema, DEFAULT_ATTRIBUTION_LOOKBACK } from './attribution.schema';
import type { AttributionCost, AttributionOptions, AttributionResult, AttributionValue } from './attribution.types';
import { conversionRows } from './conversions';
import { conversionValues } from './conversionValues';
import { spendInRange } from './costs';
import { resolveModel, weigher, type TouchWindow } from './models';
import { attributionRows } from './rows';
import { AttributionTally } from './tally';
import { touchColumns, type TouchColumns } from './touches';

/**
 * Multi-touch attribution: shares each conversion among the channels of the
 * touches its unit had in the lookback before it, by one or more models.
 *
 * A conversion at time `t` looks back at the unit's touches at `t − lookback ≤
 * time ≤ t` (inclusive at both ends, in ms, so DST changes nothing; a touch at
 * the conversion's very millisecond, even the conversion event itself, counts).
 * Touches are ordered by time, then channel text, then campaign text. Each
 * model gives the conversion's credit of 1 (and its value) to them:
 *
 * - `first_touch` / `last_touch`: all to the first / last touch;
 * - `linear`: equal shares;
 * - `time_decay`: weights `2^(−Δt / halfLife)` (Δt = t − touch time; `decayWeight`, the same bits in every engine), normalised;
 * - `position_based`: `first`, `last` and `middle` shares (default 0.4, 0.4 and
 *   0.2, normalised), the middle share split equally among the middle touches;
 *   one touch takes all, two split `first : last`;
 * - `last_non_direct`: all to the last touch whose channel is not direct
 *   (`""` or a `direct` name), or the last touch when all are direct.
 *
 * Shares are integers out of 2^24 (largest remainder, ties to the later touch),
 * values integers of quanta, so every conversion's credits sum to exactly 1 and
 * every model's rows to exactly the number of conversions and the total value.
 * Conversions without a touch go to the `none` row (`channel: null`).
 *
 * @throws {KpiValidationError} on bad events, options (`options.costs[2].amount`) or conversion values.
 * @example
 * const result = attribution(events, {
 *   conversion: 'signup',
 *   touches: { channel: 'utm_source' },
 *   models: ['first_touch', 'linear', { model: 'time_decay', halfLife: 3 * 86_400_000 }],
 *   value: { property: 'revenue' },
 *   costs: [{ channel: 'google', period: '2024-03', amount: 500 }],
 * });
 * result.models[1].rows; // [{ channel: 'google', conversions: 12.5, value: 310, cost: 500, returnOnSpend: 0.62, … }, …, { channel: null, … }]
 */
export function attribution(events: EventInput, options: AttributionOptions): AttributionResult {
  const parsed = parseOptions(attributionOptionsSchema, options);
  const { from, to, timeZone = 'UTC', count = 'first', lookback = DEFAULT_ATTRIBUTION_LOOKBACK, unit } = parsed;
  const specs = (parsed.models ?? ['last_touch']).map(resolveModel);
  const unitTable = tableForUnit(asEventTable(events), unit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  const touches = touchColumns(table, parsed.touches);
  const tally = new AttributionTally(
    specs.map((spec) => weigher(spec, touches.channels)),
    touches.channels.length,
    touches.campaigns.length,
  );
  const value = parsed.value as AttributionValue | undefined;
  let values = null;
  if (range) {
    const { name, where } = conversionOf(parsed.conversion);
    const rows = conversionRows(table, days, range, { name, where }, count);
    values = conversionValues(table, days, rows, value, timeZone);
    scan(table, touches, tally, rows, values?.quanta ?? null, lookback);
  }
  return withUnit(
    {
      from: range ? formatDay(range.fromDay) : null,
      to: range ? formatDay(range.toDay) : null,
      timeZone,
      count,
      lookback,
      conversions: tally.conversions,
      touched: tally.touched,
      value: value === undefined ? null : values ? values.total / values.scale : 0,
      withoutValue: value === undefined ? null : (values?.without ?? 0),
      models: attributionRows(tally, {
        specs,
        channels: touches.channels,
        campaigns: touches.campaigns,
        byCampaign: touches.campaign !== null,
        scale: value === undefined ? null : (values?.scale ?? 1),
        spend: range ? spendInRange((parsed.costs ?? []) as AttributionCost[], range) : [],
      }),
    },
    unitTable,
  );
}

function conversionOf(step: string | { name?: unknown; where?: Readonly<Record<string, PropertyValue>> | undefined }) {
  return typeof step === 'string' ? { name: step, where: undefined } : { name: step.name as string, where: step.where };
}

/**
 * Walks each unit's rows once: gathers its touches in touch order, then slides
 * the lookback window over them for its conversions (which come in time order).
 */
function scan(
  table: EventTable,
  touches: TouchColumns,
  tally: AttributionTally,
  conversions: Int32Array,
  quanta: Float64Array | null,
  lookback: number,
): void {
  const { userStart, time, user } = table;
  const { channelRank, campaignRank } = touches;
  const campaignOf = touches.campaign;
  let times = new Float64Array(64);
  let channels = new Int32Array(64);
  let campaigns = new Int32Array(64);
  let slots = new Int32Array(64);
  let k = 0;
  while (k < conversions.length) {
    const unit = user[conversions[k] as number] as number;
    const begin = userStart[unit] as number;
    const end = userStart[unit + 1] as number;
    if (end - begin > times.length) {
      const size = 2 ** Math.ceil(Math.log2(end - begin));
      times = new Float64Array(size);
      channels = new Int32Array(size);
      campaigns = new Int32Array(size);
      slots = new Int32Array(size);
    }
    let m = 0;
    for (let row = begin; row < end; row++) {
      const channel = touches.channel[row] as number;
      if (channel < 0) continue;
      const t = time[row] as number;
      const campaign = campaignOf ? (campaignOf[row] as number) : -1;
      // Rows come in time order: only same-millisecond touches need moving, into channel then campaign order.
      let p = m;
      while (p > 0 && times[p - 1] === t && comesAfter(channels[p - 1] as number, campaigns[p - 1] as number, channel, campaign)) {
        times[p] = t;
        channels[p] = channels[p - 1] as number;
        campaigns[p] = campaigns[p - 1] as number;
        p--;
      }
      times[p] = t;
      channels[p] = channel;
      campaigns[p] = campaign;
      m++;
    }
    for (let i = 0; i < m; i++) slots[i] = tally.slotOf(channels[i] as number, campaigns[i] as number);

    tally.startUnit();
    const window: TouchWindow = { time: times, channel: channels, lo: 0, hi: 0 };
    for (; k < conversions.length && user[conversions[k] as number] === unit; k++) {
      const t = time[conversions[k] as number] as number;
      while (window.lo < m && (times[window.lo] as number) < t - lookback) window.lo++;
      while (window.hi < m && (times[window.hi] as number) <= t) window.hi++;
      tally.conversion(unit, window, slots, quanta ? (quanta[k] as number) : 0);
    }
  }

  function comesAfter(channelA: number, campaignA: number, channelB: number, campaignB: number): boolean {
    const a = channelRank[channelA] as number;
    const b = channelRank[channelB] as number;
    if (a !== b) return a > b;
    // No campaign sorts first.
    const x = campaignA < 0 ? -1 : (campaignRank[campaignA] as number);
    const y = campaignB < 0 ? -1 : (campaignRank[campaignB] as number);
    return x > y;
  }
}
