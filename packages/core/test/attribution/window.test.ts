import { describe, expect, it } from 'vitest';
import { attribution } from '../../src/attribution/attribution';
import type { AttributionOptions } from '../../src/attribution/attribution.types';
import { toEventTable } from '../../src/index';
import { creditOf, DAY, ev, HOUR, rowsOf, visit } from './helpers';

const T = Date.UTC(2024, 5, 15, 12); // 2024-06-15 12:00 UTC
const base = { conversion: 'signup', touches: { channel: 'utm_source' } } satisfies AttributionOptions;
const firstAndLast = { ...base, models: ['first_touch', 'last_touch'] } satisfies AttributionOptions;

describe('the lookback window', () => {
  it('is inclusive at both ends: exactly lookback before and the conversion’s own millisecond count', () => {
    const events = [
      visit('u', T - 30 * DAY - 1, 'too_early'),
      visit('u', T - 30 * DAY, 'edge'),
      visit('u', T, 'same_instant'),
      visit('u', T + 1, 'after'),
      ev('u', 'signup', T),
    ];
    const result = attribution(events, firstAndLast);
    expect(creditOf(result.models[0]!.rows)).toEqual({ edge: 1, same_instant: 0, none: 0 });
    expect(creditOf(result.models[1]!.rows)).toEqual({ edge: 0, same_instant: 1, none: 0 });
  });

  it('takes a custom lookback in ms, and 0 keeps only same-instant touches', () => {
    const events = [visit('u', T - 2 * HOUR, 'a'), visit('u', T, 'b'), ev('u', 'signup', T)];
    expect(creditOf(rowsOf(events, { ...base, lookback: 2 * HOUR, models: ['first_touch'] }))).toEqual({ a: 1, b: 0, none: 0 });
    expect(creditOf(rowsOf(events, { ...base, lookback: 2 * HOUR - 1, models: ['first_touch'] }))).toEqual({ b: 1, none: 0 });
    expect(creditOf(rowsOf(events, { ...base, lookback: 0, models: ['first_touch'] }))).toEqual({ b: 1, none: 0 });
  });

  it('counts the conversion event itself as a touch when it carries the channel', () => {
    const events = [visit('u', T - DAY, 'ads'), ev('u', 'signup', T, { utm_source: 'newsletter' })];
    expect(creditOf(rowsOf(events, { ...base, models: ['last_touch'] }))).toEqual({ ads: 0, newsletter: 1, none: 0 });
  });

  it('is measured in ms, not calendar days: a DST change moves no touch in or out', () => {
    // Paris springs forward on 2024-03-31: 7 × 24 h before 2024-04-05 12:00 (+02:00) is 2024-03-29 11:00 (+01:00),
    // which the wall clock would call 7 days and 1 hour earlier.
    const conversion = '2024-04-05T12:00:00+02:00';
    const events = [
      visit('u', '2024-03-29T10:59:59+01:00', 'outside'),
      visit('u', '2024-03-29T11:00:00+01:00', 'inside'),
      ev('u', 'signup', conversion),
    ];
    const options = { ...base, lookback: 7 * DAY, models: ['first_touch' as const] };
    const paris = rowsOf(events, { ...options, timeZone: 'Europe/Paris' });
    expect(creditOf(paris)).toEqual({ inside: 1, none: 0 });
    expect(rowsOf(events, { ...options, timeZone: 'America/New_York' })).toEqual(paris);
  });

  it('looks back before from, and ignores touches after to', () => {
    const events = [visit('u', T - 10 * DAY, 'early'), ev('u', 'signup', T), visit('u', T + DAY, 'later')];
    const result = attribution(events, { ...base, models: ['first_touch'], from: '2024-06-15', to: '2024-06-15' });
    expect(creditOf(result.models[0]!.rows)).toEqual({ early: 1, none: 0 });
    expect(result.models[0]!.rows[0]).toMatchObject({ touches: 1, units: 1 });
  });
});

describe('which conversions count', () => {
  const events = [
    visit('u', T - 40 * DAY, 'old'),
    ev('u', 'signup', T - 35 * DAY),
    visit('u', T - 2 * DAY, 'new'),
    ev('u', 'signup', T),
    visit('v', T - DAY, 'new'),
    ev('v', 'signup', T),
  ];

  it('by default, each unit’s first-ever conversion, only when it falls in the range', () => {
    const all = attribution(events, { ...base, models: ['last_touch'] });
    expect(all.conversions).toBe(2);
    expect(creditOf(all.models[0]!.rows)).toEqual({ new: 1, old: 1, none: 0 });
    // u's first signup is before from: u counts no conversion at all, not its second one.
    const june = attribution(events, { ...base, from: '2024-06-01' });
    expect(june.conversions).toBe(1);
    expect(creditOf(june.models[0]!.rows)).toEqual({ new: 1, none: 0 });
  });

  it('with count "every", each conversion in the range, each looking back on its own', () => {
    const every = attribution(events, { ...base, count: 'every', models: ['first_touch'] });
    expect(every.conversions).toBe(3);
    expect(creditOf(every.models[0]!.rows)).toEqual({ new: 2, old: 1, none: 0 });
    const june = attribution(events, { ...base, count: 'every', from: '2024-06-01' });
    expect(june.conversions).toBe(2);
  });

  it('counts a touch once however many lookbacks it lies in', () => {
    const repeat = [visit('u', T - DAY, 'a'), ev('u', 'signup', T), ev('u', 'signup', T + HOUR), ev('u', 'signup', T + 2 * HOUR)];
    const rows = rowsOf(repeat, { ...base, count: 'every', models: ['linear'] });
    expect(rows[0]).toMatchObject({ channel: 'a', conversions: 3, touches: 1, units: 1 });
  });

  it('matches conversions by name and property conditions', () => {
    const paid = [
      visit('u', T - DAY, 'a'),
      ev('u', 'signup', T, { plan: 'free' }),
      visit('v', T - DAY, 'b'),
      ev('v', 'signup', T, { plan: 'pro' }),
    ];
    const rows = rowsOf(paid, { ...base, conversion: { name: 'signup', where: { plan: 'pro' } } });
    expect(creditOf(rows)).toEqual({ b: 1, none: 0 });
  });

  it('sends a conversion with no touch in its lookback to the none row', () => {
    const rows = rowsOf([visit('u', T - 31 * DAY, 'a'), ev('u', 'signup', T), ev('v', 'signup', T)], base);
    expect(rows).toEqual([
      { channel: null, conversions: 2, value: null, touches: 0, units: 2, cost: null, costPerConversion: null, returnOnSpend: null },
    ]);
  });
});

describe('ties, duplicates and order', () => {
  it('orders touches at the same millisecond by channel text, whatever the input order', () => {
    // Two events of one name at one millisecond are one event (an exact duplicate): ties come from different names.
    const touches = [
      ev('u', 'visit', T - HOUR, { utm_source: 'zeta' }),
      ev('u', 'click', T - HOUR, { utm_source: 'alpha' }),
      ev('u', 'signup', T),
    ];
    for (const events of [touches, [...touches].reverse()]) {
      const result = attribution(events, firstAndLast);
      expect(creditOf(result.models[0]!.rows)).toEqual({ alpha: 1, zeta: 0, none: 0 });
      expect(creditOf(result.models[1]!.rows)).toEqual({ alpha: 0, zeta: 1, none: 0 });
    }
  });

  it('orders tied touches by channel whatever their event names', () => {
    const touches = [
      ev('u', 'b_event', T - HOUR, { utm_source: 'alpha' }),
      ev('u', 'a_event', T - HOUR, { utm_source: 'zeta' }),
      ev('u', 'signup', T),
    ];
    for (const events of [touches, [...touches].reverse()]) {
      expect(creditOf(rowsOf(events, { ...base, models: ['last_touch'] }))).toEqual({ alpha: 0, zeta: 1, none: 0 });
    }
  });

  it('orders tied touches on one channel by campaign, no campaign first', () => {
    const touches = [
      ev('u', 'a_event', T - HOUR, { utm_source: 'g', utm_campaign: 'x' }),
      ev('u', 'b_event', T - HOUR, { utm_source: 'g' }),
      ev('u', 'c_event', T - HOUR, { utm_source: 'g', utm_campaign: 'w' }),
      ev('u', 'signup', T),
    ];
    const options = { conversion: 'signup', touches: { channel: 'utm_source', campaign: 'utm_campaign' } } as const;
    for (const events of [touches, [...touches].reverse()]) {
      const result = attribution(events, { ...options, models: ['first_touch', 'last_touch'] });
      const campaigns = (m: number) => result.models[m]!.rows[0]!.campaigns!.map((row) => [row.campaign, row.conversions]);
      expect(campaigns(0)).toEqual([
        ['w', 0],
        ['x', 0],
        [null, 1],
      ]);
      expect(campaigns(1)).toEqual([
        ['w', 0],
        ['x', 1],
        [null, 0],
      ]);
    }
  });

  it('keeps one of two same-name touches at one millisecond, the same one in any input order', () => {
    const touches = [visit('u', T - HOUR, 'zeta'), visit('u', T - HOUR, 'alpha'), ev('u', 'signup', T)];
    for (const events of [touches, [...touches].reverse()]) {
      expect(creditOf(rowsOf(events, { ...base, models: ['linear'] }))).toEqual({ alpha: 1, none: 0 });
    }
  });

  it('gives the leftover share of a tie to the later touch in that order', () => {
    const events = [
      ev('u', 'x', T - HOUR, { utm_source: 'b' }),
      ev('u', 'y', T - HOUR, { utm_source: 'a' }),
      ev('u', 'z', T - HOUR, { utm_source: 'c' }),
      ev('u', 'signup', T),
    ];
    const rows = rowsOf(events, { ...base, models: ['linear'], value: { property: 'revenue', decimals: 0 } });
    const withValue = rowsOf(
      events.map((event) => (event.name === 'signup' ? { ...event, properties: { revenue: 100 } } : event)),
      { ...base, models: ['linear'], value: { property: 'revenue', decimals: 0 } },
    );
    expect(rows.map((row) => row.conversions * 2 ** 24)).toEqual([5_592_405, 5_592_405, 5_592_406, 0]);
    expect(withValue.map((row) => row.value)).toEqual([33, 33, 34, 0]);
  });

  it('counts an exact duplicate touch once, a repeat at another time twice', () => {
    const once = [visit('u', T - HOUR, 'a'), visit('u', T - HOUR, 'a'), visit('u', T - 2 * HOUR, 'b'), ev('u', 'signup', T)];
    expect(creditOf(rowsOf(once, { ...base, models: ['linear'] }))).toEqual({ a: 0.5, b: 0.5, none: 0 });
    const twice = [visit('u', T - HOUR, 'a'), visit('u', T - 3 * HOUR, 'a'), visit('u', T - 2 * HOUR, 'b'), ev('u', 'signup', T)];
    const rows = rowsOf(twice, { ...base, models: ['linear'] });
    expect(creditOf(rows).a).toBeCloseTo(2 / 3, 6);
    expect(rows[0]).toMatchObject({ channel: 'a', touches: 2, units: 1 });
  });

  it('gives the same result for unsorted input, a table, and the same events sorted', () => {
    const events = [
      ev('v', 'signup', T),
      visit('u', T - 3 * DAY, 'a'),
      ev('u', 'signup', T - DAY),
      visit('v', T - 2 * DAY, 'b'),
      visit('u', T - 2 * DAY, 'b'),
      visit('v', T - 5 * DAY, 'a'),
    ];
    const options = { ...base, models: ['first_touch', 'linear', 'time_decay', 'position_based'] } satisfies AttributionOptions;
    const sorted = [...events].sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
    const result = attribution(events, options);
    expect(attribution(sorted, options)).toEqual(result);
    expect(attribution(toEventTable(events), options)).toEqual(result);
  });

  it('returns no range, no conversions and an empty none row for no events', () => {
    const result = attribution([], { ...base, models: ['linear', 'last_touch'], value: { property: 'revenue' } });
    expect(result).toMatchObject({ from: null, to: null, conversions: 0, touched: 0, value: 0, withoutValue: 0 });
    for (const model of result.models) {
      expect(model.rows).toEqual([
        { channel: null, conversions: 0, value: 0, touches: 0, units: 0, cost: null, costPerConversion: null, returnOnSpend: null },
      ]);
    }
  });
});

describe('touch definitions', () => {
  it('takes named touch events, the channel being the event name', () => {
    const events = [
      ev('u', 'ad_click', T - 2 * DAY),
      ev('u', 'newsletter_open', T - DAY),
      ev('u', 'login', T - HOUR),
      ev('u', 'signup', T),
    ];
    const rows = rowsOf(events, { conversion: 'signup', touches: { names: ['ad_click', 'newsletter_open'] }, models: ['linear'] });
    expect(creditOf(rows)).toEqual({ ad_click: 0.5, newsletter_open: 0.5, none: 0 });
  });

  it('with names and a channel, takes only those events that carry the channel', () => {
    const events = [
      ev('u', 'pageview', T - 2 * DAY, { utm_source: 'google' }),
      ev('u', 'pageview', T - DAY),
      ev('u', 'click', T - HOUR, { utm_source: 'bing' }),
      ev('u', 'signup', T),
    ];
    const rows = rowsOf(events, { conversion: 'signup', touches: { channel: 'utm_source', names: ['pageview'] }, models: ['last_touch'] });
    expect(creditOf(rows)).toEqual({ google: 1, none: 0 });
  });

  it('reads channel values as text and skips null ones', () => {
    const events = [
      visit('u', T - 2 * DAY, 7),
      visit('v', T - DAY, '7'),
      visit('v', T - HOUR, null),
      ev('u', 'signup', T),
      ev('v', 'signup', T),
    ];
    const rows = rowsOf(events, { ...base, models: ['last_touch'] });
    expect(rows[0]).toMatchObject({ channel: '7', conversions: 2, touches: 2, units: 2 });
  });

  it('splits channels by campaign, no campaign last, with units per channel', () => {
    const events = [
      visit('u', T - 3 * DAY, 'google', 'spring'),
      visit('u', T - 2 * DAY, 'google', 'brand'),
      visit('u', T - DAY, 'google'),
      ev('u', 'signup', T),
    ];
    const [google] = rowsOf(events, {
      conversion: 'signup',
      touches: { channel: 'utm_source', campaign: 'utm_campaign' },
      models: ['linear'],
    });
    expect(google).toMatchObject({ channel: 'google', conversions: 1, touches: 3, units: 1 });
    expect(google!.campaigns!.map((row) => [row.campaign, row.touches, row.units])).toEqual([
      ['brand', 1, 1],
      ['spring', 1, 1],
      [null, 1, 1],
    ]);
    expect(google!.campaigns!.reduce((sum, row) => sum + row.conversions, 0)).toBe(1);
  });
});
