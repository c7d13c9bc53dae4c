import { beforeAll, describe, expect, it } from 'vitest';
import { attribution } from '../../src/attribution/attribution';
import { activationCandidates } from '../../src/discovery/activationCandidates';
import { eventTableFromColumns } from '../../src/events/eventTable';
import type { EventTable } from '../../src/events/event.types';
import { generateSampleData } from '../../src/sample/generateSampleData';
import type { SampleData, SampleEvent } from '../../src/sample/sample.types';

const TOUCHES = new Set(['ad_click', 'visit']);
const SOURCE_OF_CHANNEL: Record<string, string> = {
  google: 'ads',
  linkedin: 'social',
  newsletter: 'organic',
  partner: 'referral',
  direct: 'organic',
};

/** Each user's events, in order. */
function byUser(events: readonly SampleEvent[]): Map<string, SampleEvent[]> {
  const users = new Map<string, SampleEvent[]>();
  for (const event of events) {
    const own = users.get(event.userId);
    if (own) own.push(event);
    else users.set(event.userId, [event]);
  }
  return users;
}

let data: SampleData;
let users: Map<string, SampleEvent[]>;
let table: EventTable;
beforeAll(() => {
  data = generateSampleData();
  users = byUser(data.events);
  table = eventTableFromColumns(data.columns);
});

describe('generateSampleData accounts', () => {
  it('puts every user in one account, many small and a few large', () => {
    const members = new Map<string, Set<string>>();
    for (const [user, own] of users) {
      const accounts = new Set(own.map((event) => event.properties.accountId));
      expect(accounts.size).toBe(1);
      const account = [...accounts][0]!;
      members.set(account, (members.get(account) ?? new Set()).add(user));
    }
    const sizes = [...members.values()].map((set) => set.size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(sizes.filter((size) => size <= 3).length / sizes.length).toBeGreaterThan(0.7);
    expect(sizes.filter((size) => size === 1).length / sizes.length).toBeGreaterThan(0.4);
    expect(sizes.filter((size) => size >= 10).length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThan(200);
  });

  it('brings every further user of an account in through an earlier teammate’s invite, with no marketing touch', () => {
    const accountOf = (user: string): string => users.get(user)![0]!.properties.accountId;
    const signupOf = (user: string): number => users.get(user)!.find((event) => event.name === 'signup')!.timestamp;
    const members = new Map<string, string[]>();
    for (const user of users.keys()) members.set(accountOf(user), [...(members.get(accountOf(user)) ?? []), user]);
    let teammates = 0;
    for (const list of members.values()) {
      const [, ...rest] = [...list].sort((a, b) => signupOf(a) - signupOf(b));
      for (const user of rest) {
        teammates += 1;
        const invitedBefore = list.some(
          (other) =>
            other !== user && users.get(other)!.some((event) => event.name === 'invite_teammate' && event.timestamp < signupOf(user)),
        );
        expect(invitedBefore).toBe(true);
        expect(users.get(user)!.some((event) => TOUCHES.has(event.name))).toBe(false);
        expect(users.get(user)![0]!.properties.source).toBe('referral');
      }
    }
    expect(teammates).toBeGreaterThan(400);
  });
});

describe('generateSampleData marketing', () => {
  it('gives each signed-up user the source of their last touch, and invited users none', () => {
    let withTouches = 0;
    for (const own of users.values()) {
      const touches = own.filter((event) => TOUCHES.has(event.name));
      const last = touches.at(-1);
      if (!last) continue;
      withTouches += 1;
      expect(own[0]!.properties.source).toBe(SOURCE_OF_CHANNEL[last.properties.utm_source!]);
    }
    // One first user per account.
    expect(withTouches).toBeGreaterThan(500);
    // First and last touch differ for some users: material for attribution models.
    const mixed = [...users.values()].filter(
      (own) => new Set(own.filter((e) => TOUCHES.has(e.name)).map((e) => e.properties.utm_source)).size > 1,
    );
    expect(mixed.length).toBeGreaterThan(100);
  });

  it('prices every month and channel from the touches: per click, per partner sign-up, a flat newsletter', () => {
    const months = ['2024-01', '2024-02', '2024-03'];
    const channels = ['google', 'linkedin', 'newsletter', 'partner', 'direct'];
    // The period ends on March 30: March is cut, so its rows cover the days inside.
    const periods = ['2024-01', '2024-02', { from: '2024-03-01', to: '2024-03-30' }];
    expect(data.marketingCosts.map((row) => [row.period, row.channel])).toEqual(
      periods.flatMap((period) => channels.map((c) => [period, c])),
    );
    const cost = (month: string, channel: string): number =>
      data.marketingCosts.find(
        (row) => JSON.stringify(row.period) === JSON.stringify(periods[months.indexOf(month)]) && row.channel === channel,
      )!.amount;
    const monthOf = (event: SampleEvent): string => new Date(event.timestamp).toISOString().slice(0, 7);
    const clicks = (month: string, channel: string): number =>
      data.events.filter((e) => e.name === 'ad_click' && e.properties.utm_source === channel && monthOf(e) === month).length;
    const partnerSignups = (month: string): number =>
      [...users.values()].filter((own) => {
        const signup = own.find((e) => e.name === 'signup')!;
        const last = own.filter((e) => TOUCHES.has(e.name)).at(-1);
        return monthOf(signup) === month && last?.properties.utm_source === 'partner';
      }).length;
    for (const channel of ['google', 'linkedin']) {
      // One price per click: the cost is proportional to the clicks of the month.
      const perClick = months.map((month) => cost(month, channel) / clicks(month, channel));
      expect(perClick[0]).toBeGreaterThan(0);
      for (const price of perClick) expect(price).toBe(perClick[0]);
    }
    const bounty = months.map((month) => cost(month, 'partner') / partnerSignups(month));
    for (const price of bounty) expect(price).toBe(bounty[0]);
    // 30 of March's 31 days.
    expect(cost('2024-02', 'newsletter')).toBe(cost('2024-01', 'newsletter'));
    expect(cost('2024-03', 'newsletter')).toBe(Math.round((cost('2024-01', 'newsletter') * 30) / 31));
    for (const month of months) expect(cost(month, 'direct')).toBe(0);
    for (const row of data.marketingCosts) expect(Number.isInteger(row.amount)).toBe(true);
  });
});

describe('generateSampleData attribution', () => {
  it('credits several channels, differently by model, and takes the marketing costs as they are', () => {
    const result = attribution(table, {
      conversion: 'signup',
      touches: { channel: 'utm_source' },
      models: ['first_touch', 'last_touch', 'linear'],
      costs: data.marketingCosts,
    });
    expect(result.conversions).toBe(2000);
    const [first, last, linear] = result.models.map((model) => new Map(model.rows.map((row) => [row.channel, row])));
    const channels = ['google', 'linkedin', 'newsletter', 'partner', 'direct'];
    for (const channel of channels) {
      // Every channel earns a real share of the touched sign-ups, not a rounding error.
      expect(linear!.get(channel)!.conversions / result.touched, channel).toBeGreaterThan(0.04);
      const spent = data.marketingCosts.filter((row) => row.channel === channel).reduce((sum, row) => sum + row.amount, 0);
      // Each row's whole amount counts once: a cut month is not cut again.
      expect(linear!.get(channel)!.cost, channel).toBeCloseTo(spent, 6);
    }
    // Direct visits come late in a journey: more credit for the last touch than for the first.
    expect(last!.get('direct')!.conversions).toBeGreaterThan(first!.get('direct')!.conversions * 1.2);
    expect(first!.get('google')!.conversions).toBeGreaterThan(last!.get('google')!.conversions);
    // The partner is paid per sign-up it brought last: exactly its bounty per last-touch conversion.
    expect(last!.get('partner')!.costPerConversion).toBe(5_000);
    expect(linear!.get('direct')!.cost).toBe(0);
    // Invited teammates convert without any touch.
    expect(linear!.get(null)!.conversions).toBeGreaterThan(400);
  });
});

describe('generateSampleData aha moment', () => {
  it('makes inviting a teammate in the first 3 days the best predictor of week-2 retention', () => {
    const result = activationCandidates(table, { days: 3 });
    const [top, second] = result.candidates;
    expect(top).toMatchObject({ rank: 1, label: 'invite_teammate', conditions: [{ name: 'invite_teammate', atLeast: 1 }] });
    // Ahead by a margin, not by chance.
    expect(top!.score!).toBeGreaterThan(second!.score! * 1.4);
    expect(top!.liftInterval!.lower).toBeGreaterThan(0.3);
    expect(top!.reach).toBeGreaterThan(0.1);
    expect(top!.reach).toBeLessThan(0.5);
  });

  it('keeps it near the top over the first week, where later invites, without the effect, dilute it', () => {
    const week = activationCandidates(table).candidates.find((c) => c.label === 'invite_teammate')!;
    const firstDays = activationCandidates(table, { days: 3 }).candidates[0]!;
    expect(week.rank).toBeLessThanOrEqual(3);
    expect(week.lift!).toBeLessThan(firstDays.lift!);
  });

  it('shows it whatever the seed', () => {
    for (const seed of [1, 7]) {
      const sample = generateSampleData({ seed, users: 1500, days: 120 });
      expect(activationCandidates(eventTableFromColumns(sample.columns), { days: 3 }).candidates[0]!.label).toBe('invite_teammate');
    }
  });
});
