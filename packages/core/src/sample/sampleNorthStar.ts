import type { NorthStarDefinition, NorthStarNodeDefinition } from '../northStar/northStar.types';
import { EARLIER, WEEK_0, WEEK_1, WEEK_2, type SampleTally } from './sampleState';

/** A rate, or `null` for an empty denominator. */
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Growth accounting of active paying accounts in a week, from the week flags of every user. */
function accounting(
  paying: Uint8Array,
  week: number,
  before: number,
  earlier: number,
): { active: number; retained: number; fresh: number; back: number } {
  let active = 0;
  let retained = 0;
  let fresh = 0;
  let back = 0;
  for (const flags of paying) {
    if ((flags & week) === 0) continue;
    active += 1;
    if ((flags & before) !== 0) retained += 1;
    else if ((flags & earlier) !== 0) back += 1;
    else fresh += 1;
  }
  return { active, retained, fresh, back };
}

/**
 * The North Star tree of the sample product, "Weekly active paying accounts"
 * (accounts active while on a paid plan in the last 7 days), split as
 * growth accounting into new + retained + reactivated accounts, each driven
 * by the funnel or by retention. Values are the last 7 days; previous values
 * the 7 days before (given when the period holds them). The funnel drivers
 * are ratios of the week's counts (activations / sign-ups, new paying
 * accounts / activations), so that their product is exactly the new paying
 * accounts; they are not cohort rates and may exceed 1 on tiny data.
 */
export function sampleNorthStar(tally: SampleTally, days: number): NorthStarDefinition {
  const now = accounting(tally.paying, WEEK_0, WEEK_1, WEEK_2 | EARLIER);
  const then = accounting(tally.paying, WEEK_1, WEEK_2, EARLIER);
  const [signups, signupsBefore] = tally.signups;
  const [activations, activationsBefore] = tally.activations;
  const hasPrevious = days >= 14;
  const hasRetentionPrevious = days >= 21;
  const leaf = (node: NorthStarNodeDefinition, previous: number | null, known: boolean): NorthStarNodeDefinition =>
    known ? { ...node, previous } : node;

  return {
    root: 'weeklyActivePayingAccounts',
    nodes: [
      {
        id: 'weeklyActivePayingAccounts',
        label: 'Weekly active paying accounts',
        unit: 'accounts',
        formula: 'sum',
        children: ['newPayingAccounts', 'retainedPayingAccounts', 'reactivatedPayingAccounts'],
        // An ambitious goal: 10 % above the week before.
        ...(hasPrevious ? { target: Math.ceil(then.active * 1.1) } : {}),
      },
      {
        id: 'newPayingAccounts',
        label: 'New paying accounts',
        unit: 'accounts',
        formula: 'product',
        children: ['weeklySignups', 'activationRate', 'paidConversion'],
      },
      leaf({ id: 'weeklySignups', label: 'Sign-ups', unit: 'accounts', value: signups }, signupsBefore, hasPrevious),
      leaf(
        { id: 'activationRate', label: 'Activations per sign-up', unit: 'ratio', value: rate(activations, signups), target: 0.5 },
        rate(activationsBefore, signupsBefore),
        hasPrevious,
      ),
      leaf(
        {
          id: 'paidConversion',
          label: 'New paying accounts per activation',
          unit: 'ratio',
          value: rate(now.fresh, activations),
          target: 0.25,
        },
        rate(then.fresh, activationsBefore),
        hasPrevious,
      ),
      {
        id: 'retainedPayingAccounts',
        label: 'Retained paying accounts',
        unit: 'accounts',
        formula: 'product',
        children: ['lastWeekPayingAccounts', 'weeklyRetention'],
      },
      leaf(
        { id: 'lastWeekPayingAccounts', label: 'Active paying accounts the week before', unit: 'accounts', value: then.active },
        accounting(tally.paying, WEEK_2, 0, 0).active,
        hasRetentionPrevious,
      ),
      leaf(
        { id: 'weeklyRetention', label: 'Week-over-week retention', unit: 'rate', value: rate(now.retained, then.active), target: 0.85 },
        rate(then.retained, accounting(tally.paying, WEEK_2, 0, 0).active),
        hasRetentionPrevious,
      ),
      leaf(
        { id: 'reactivatedPayingAccounts', label: 'Reactivated paying accounts', unit: 'accounts', value: now.back },
        then.back,
        hasPrevious,
      ),
    ],
  };
}
