import { beforeAll, describe, expect, it } from 'vitest';
import { activeUsers } from '../../src/activity/activeUsers';
import { KpiValidationError } from '../../src/errors';
import { eventTableFromColumns, toEventTable } from '../../src/events/eventTable';
import type { EventTable } from '../../src/events/event.types';
import { northStarTree } from '../../src/northStar/northStarTree';
import { retention } from '../../src/retention/retention';
import { generateSampleData } from '../../src/sample/generateSampleData';
import type { SampleData } from '../../src/sample/sample.types';
import { ces } from '../../src/survey/ces';
import { csat } from '../../src/survey/csat';
import { nps } from '../../src/survey/nps';
import { parseDay } from '../../src/time/civil';

const DAY = 86_400_000;
const TOUCHES = new Set(['ad_click', 'visit']);
const CHANNELS = ['google', 'linkedin', 'newsletter', 'partner', 'direct'];
const START = Date.UTC(2024, 0, 1);
const END = START + 90 * DAY;

/** Distinct users who did `name`: the sizes of retention cohorts keyed on it add up to them. */
const usersWho = (table: EventTable, name: string): number =>
  retention(table, { period: 'month', periods: 1, startEvent: name }).cohorts.reduce((sum, cohort) => sum + cohort.size, 0);

describe('generateSampleData determinism', () => {
  it('gives identical data for the same seed and different data for another', () => {
    const options = { seed: 7, users: 200, days: 30 };
    const first = generateSampleData(options);
    expect(generateSampleData(options)).toEqual(first);
    const other = generateSampleData({ ...options, seed: 8 });
    expect(other.events).not.toEqual(first.events);
    expect(other.surveys.nps).not.toEqual(first.surveys.nps);
  });

  it('gives the same events as columns, row for row, and the same table from either', () => {
    const data = generateSampleData({ seed: 3, users: 300, days: 45 });
    const { columns, events } = data;
    expect(columns.userId).toHaveLength(events.length);
    events.forEach((event, i) => {
      expect([columns.userId[i], columns.name[i], columns.timestamp[i]]).toEqual([event.userId, event.name, event.timestamp]);
      expect({
        plan: columns.properties.plan[i],
        source: columns.properties.source[i],
        accountId: columns.properties.accountId[i],
        feature: columns.properties.feature[i],
        utm_source: columns.properties.utm_source[i],
      }).toEqual({
        plan: event.properties.plan,
        source: event.properties.source,
        accountId: event.properties.accountId,
        feature: event.properties.feature,
        utm_source: event.properties.utm_source,
      });
    });
    expect(eventTableFromColumns(columns)).toEqual(toEventTable(events));
    // Made once, then kept.
    expect(data.events).toBe(events);
    expect(data.columns).toBe(columns);
  });

  it('rejects bad options by name', () => {
    expect(() => generateSampleData({ users: 0 })).toThrow(KpiValidationError);
    expect(() => generateSampleData({ users: 1.5 })).toThrow(/options\.users/);
    expect(() => generateSampleData({ start: '2024-02-30' })).toThrow(/options\.start/);
    expect(() => generateSampleData({ timeZone: 'Nowhere/City' })).toThrow(/options\.timeZone/);
    expect(() => generateSampleData({ seeds: 1 } as never)).toThrow(/options\.seeds/);
  });
});

describe('generateSampleData with the defaults', () => {
  let data: SampleData;
  let table: EventTable;
  beforeAll(() => {
    data = generateSampleData();
    table = toEventTable(data.events);
  });

  it('makes valid events, none an exact duplicate, all inside the 90 days from 2024-01-01', () => {
    // toEventTable validated every event and removed none as a duplicate.
    expect(table.length).toBe(data.events.length);
    expect(table.userIds).toHaveLength(2000);
    expect(table.minTime).toBeGreaterThanOrEqual(START);
    expect(table.maxTime).toBeLessThan(END);
    const names = new Set([
      'signup',
      'login',
      'page_view',
      'feature_used',
      'view_pricing',
      'start_trial',
      'activate',
      'invite_teammate',
      'upgrade',
      'downgrade',
      'cancel',
      'pay',
      'ad_click',
      'visit',
    ]);
    expect(new Set(table.names)).toEqual(names);
    // One check per event would be slow: collect the bad ones instead.
    const bad = data.events.filter(
      (event) =>
        !['free', 'pro', 'business'].includes(event.properties.plan) ||
        !['organic', 'ads', 'referral', 'social'].includes(event.properties.source) ||
        !/^a\d{4}$/.test(event.properties.accountId) ||
        !Number.isInteger(event.timestamp) ||
        (event.name === 'feature_used') !== (typeof event.properties.feature === 'string') ||
        TOUCHES.has(event.name) !== CHANNELS.includes(event.properties.utm_source as string) ||
        (event.name === 'ad_click') !== (event.properties.utm_source === 'google' || event.properties.utm_source === 'linkedin'),
    );
    expect(bad).toEqual([]);
  });

  it('starts every user with marketing touches, then a sign-up, each user’s events in time order', () => {
    const firstOf = new Map<string, string>();
    const signedUp = new Set<string>();
    let outOfOrder = 0;
    let touchAfterSignup = 0;
    let previous = { userId: '', timestamp: 0 };
    for (const event of data.events) {
      if (!firstOf.has(event.userId) && !TOUCHES.has(event.name)) firstOf.set(event.userId, event.name);
      if (previous.userId === event.userId && event.timestamp <= previous.timestamp) outOfOrder += 1;
      if (event.name === 'signup') signedUp.add(event.userId);
      if (TOUCHES.has(event.name) && signedUp.has(event.userId)) touchAfterSignup += 1;
      previous = event;
    }
    // Grouped by user: a user's events never resume after another user's.
    const users = data.events.map((event) => event.userId).filter((user, i, all) => i === 0 || all[i - 1] !== user);
    expect(new Set(users).size).toBe(users.length);
    expect(outOfOrder).toBe(0);
    expect(touchAfterSignup).toBe(0);
    expect(new Set(firstOf.values())).toEqual(new Set(['signup']));
  });

  it('makes well-formed subscriptions with upgrades, downgrades, churn and reactivations', () => {
    const users = new Set(table.userIds);
    const byCustomer = new Map<string, typeof data.subscriptions>();
    for (const s of data.subscriptions) {
      expect(users.has(s.customerId)).toBe(true);
      expect(Number.isInteger(s.amount) && s.amount > 0).toBe(true);
      expect(['month', 'year']).toContain(s.interval);
      expect(s.start).toBeGreaterThanOrEqual(START);
      expect(s.start).toBeLessThan(END);
      if (s.end !== undefined) {
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThan(END);
      }
      byCustomer.set(s.customerId, [...(byCustomer.get(s.customerId) ?? []), s]);
    }
    const monthly = (s: (typeof data.subscriptions)[number]) => (s.interval === 'year' ? s.amount / 12 : s.amount);
    const seen = { upgrade: 0, downgrade: 0, churn: 0, reactivation: 0 };
    for (const list of byCustomer.values()) {
      list.forEach((s, i) => {
        const next = list[i + 1];
        if (next) {
          // In order and never overlapping: the next one starts when or after this one ends.
          expect(s.end).toBeDefined();
          expect(next.start).toBeGreaterThanOrEqual(s.end!);
          if (next.start === s.end) seen[monthly(next) > monthly(s) ? 'upgrade' : 'downgrade'] += 1;
          else seen.reactivation += 1;
        }
        if (s.end !== undefined && next?.start !== s.end) seen.churn += 1;
      });
    }
    expect(byCustomer.size).toBeGreaterThan(50);
    expect(seen.upgrade).toBeGreaterThan(0);
    expect(seen.downgrade).toBeGreaterThan(0);
    expect(seen.churn).toBeGreaterThan(0);
    expect(seen.reactivation).toBeGreaterThan(0);
    expect(data.subscriptions.some((s) => s.interval === 'year')).toBe(true);
    expect(data.subscriptions.some((s) => s.end === undefined)).toBe(true);
  });

  it('keeps the events’ plan in step with the subscriptions', () => {
    const spans = new Map<string, [number, number][]>();
    for (const s of data.subscriptions) spans.set(s.customerId, [...(spans.get(s.customerId) ?? []), [s.start, s.end ?? Infinity]]);
    const mismatched = data.events.filter((event) => {
      const paying = (spans.get(event.userId) ?? []).some(([start, end]) => start <= event.timestamp && event.timestamp < end);
      return (event.properties.plan !== 'free') !== paying;
    });
    expect(mismatched).toEqual([]);
  });

  it('answers surveys within their scales, NPS +30 whatever the seed', () => {
    expect(nps(data.surveys.nps).score).toBeCloseTo(30, 9);
    expect(data.surveys.nps).toHaveLength(400);
    // 300 answers: 150 promoters, 60 detractors, in an order of the seed's.
    const [seven, eight] = [7, 8].map((seed) => generateSampleData({ seed, users: 1500, days: 30 }).surveys.nps);
    expect(nps(seven!)).toMatchObject({ total: 300, promoters: 150, detractors: 60, score: 30 });
    expect([...seven!].sort()).toEqual([...eight!].sort());
    expect(seven).not.toEqual(eight);
    const satisfaction = csat(data.surveys.csat).score!;
    expect(satisfaction).toBeGreaterThan(0.6);
    expect(satisfaction).toBeLessThan(0.9);
    const effort = ces(data.surveys.ces).score!;
    expect(effort).toBeGreaterThan(4);
    expect(effort).toBeLessThan(6.5);
  });

  it('narrows down the journey: sign-up > activation > pricing > trial > paid', () => {
    const counts = ['signup', 'activate', 'view_pricing', 'start_trial', 'pay'].map((name) => usersWho(table, name));
    expect(counts[0]).toBe(2000);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThan(counts[i - 1]!);
    expect(counts[4]).toBeGreaterThan(0);
  });

  it('grows, is busier on weekdays, and loses users week after week', () => {
    const { rows } = activeUsers(table);
    const weekday = rows.filter((row) => ![0, 6].includes(new Date(`${row.date}T00:00:00Z`).getUTCDay()));
    const weekend = rows.filter((row) => [0, 6].includes(new Date(`${row.date}T00:00:00Z`).getUTCDay()));
    const mean = (list: typeof rows) => list.reduce((sum, row) => sum + row.dau, 0) / list.length;
    expect(mean(weekday)).toBeGreaterThan(2 * mean(weekend));
    expect(rows.at(-1)!.mau).toBeGreaterThan(rows[29]!.mau);
    const weekly = retention(table, { period: 'week', periods: 6 });
    const average = weekly.average as number[];
    expect(average[1]).toBeLessThan(1);
    expect(average[6]).toBeLessThan(average[1]!);
  });

  it('peaks in working hours', () => {
    const hours = new Array<number>(24).fill(0);
    for (const event of data.events) hours[new Date(event.timestamp).getUTCHours()]! += 1;
    const working = hours.slice(8, 18).reduce((a, b) => a + b, 0);
    expect(working / data.events.length).toBeGreaterThan(0.6);
  });

  it('values a North Star tree that evaluates, its root matching the events and subscriptions', () => {
    const tree = northStarTree(data.northStar);
    const root = tree.nodes.find((node) => node.id === tree.root)!;
    expect(root.label).toBe('Weekly active paying accounts');
    expect(root.value).not.toBeNull();
    // Reference: distinct users with an event in the last 7 days while on a paid plan.
    const lastWeek = END - 7 * DAY;
    const payingUsers = new Set(data.events.filter((e) => e.timestamp >= lastWeek && e.properties.plan !== 'free').map((e) => e.userId));
    expect(root.value).toBe(payingUsers.size);
    expect(root.previous).not.toBeNull();
    const signups = data.events.filter((e) => e.name === 'signup' && e.timestamp >= lastWeek).length;
    expect(tree.nodes.find((node) => node.id === 'weeklySignups')!.value).toBe(signups);
    // The sum's children add up to the root.
    const children = root.children.map((id) => tree.nodes.find((node) => node.id === id)!.value!);
    expect(children.reduce((a, b) => a + b, 0)).toBeCloseTo(root.value!, 9);
  });
});

describe('generateSampleData options', () => {
  it('shapes daily usage by the working hours of the time zone', () => {
    const { events } = generateSampleData({ users: 300, days: 28, start: '2024-06-03', timeZone: 'America/New_York' });
    const start = parseDay('2024-06-03')! * DAY + 4 * 3_600_000; // local midnight, UTC−4 in June
    expect(Math.min(...events.map((e) => e.timestamp))).toBeGreaterThanOrEqual(start);
    expect(Math.max(...events.map((e) => e.timestamp))).toBeLessThan(start + 28 * DAY);
    // New York working hours 8:00–18:00 (EDT) are 12:00–22:00 UTC.
    const inOffice = events.filter((e) => {
      const hour = new Date(e.timestamp).getUTCHours();
      return hour >= 12 && hour < 22;
    });
    expect(inOffice.length / events.length).toBeGreaterThan(0.6);
  });

  it('evaluates the North Star tree of tiny and short data sets too', () => {
    for (const options of [
      { users: 1, days: 1 },
      { users: 5, days: 10 },
      { users: 50, days: 400, seed: 3 },
    ]) {
      const data = generateSampleData(options);
      expect(() => northStarTree(data.northStar)).not.toThrow();
      expect(toEventTable(data.events).length).toBe(data.events.length);
    }
  });
});
