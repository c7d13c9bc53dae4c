import { parseOptions } from '../options/parseOptions';
import { parseDay } from '../time/civil';
import { createRandom } from './random';
import { ACCOUNT_SLOTS } from './emitUser';
import { signupDayWeights, simulateAccounts } from './sampleAccounts';
import { sampleCalendar } from './sampleCalendar';
import { sampleEvents } from './sampleEvents';
import { marketingCosts } from './sampleMarketing';
import { sampleNorthStar } from './sampleNorthStar';
import { sampleSurveys } from './sampleSurveys';
import { sampleDataOptionsSchema } from './sample.schema';
import type { SampleState } from './sampleState';
import type { SampleData, SampleDataOptions } from './sample.types';

/**
 * Generates a realistic, deterministic data set of a B2B SaaS product for
 * demos, stories and tests: the same options always give the same data.
 *
 * `users` sign up over `days` local days from `start` in accounts (B2B
 * workspaces; Zipf-like sizes, most of one to three seats, a few of dozens).
 * An account's first user arrives through marketing touches (`ad_click`,
 * `visit`, each with its `utm_source` channel), more on weekdays and growing
 * over the period; the others join through a teammate's `invite_teammate`.
 * Each user then uses the product on fewer and fewer days (a few power users
 * keep coming), in sessions peaking in the working hours of `timeZone`, and
 * some go `view_pricing` → `start_trial` → paid (`upgrade`, `pay`) minutes to
 * days apart, later upgrading, downgrading, cancelling or coming back. Hidden
 * in the data, an aha moment: users who invite a teammate within 3 days of
 * signing up keep coming back far longer. Every event carries the user's
 * `plan`, `source` and `accountId`; `feature_used` also a `feature`, touches
 * a `utm_source`. Subscriptions follow the same plan changes, amounts in
 * cents; `marketingCosts` price the touches per month and channel. Survey
 * answers follow a liked product's proportions exactly (NPS +30). `northStar` is
 * a tree definition valued from the data, ready for `northStarTree`.
 *
 * @example
 * const { events, columns, surveys, subscriptions, marketingCosts, northStar } = generateSampleData({ seed: 7, users: 500 });
 * activeUsers(events, { timeZone: 'UTC' }).rows.at(-1); // { date: '2024-03-30', dau: …, wau: …, mau: …, stickiness: … }
 * nps(surveys.nps).score; // 30
 * northStarTree(northStar).nodes[0].label; // "Weekly active paying accounts"
 * const table = eventTableFromColumns(columns); // the same events, without an object each
 * activationCandidates(table, { days: 3 }).candidates[0].label; // "invite_teammate"
 */
export function generateSampleData(options: SampleDataOptions = {}): SampleData {
  const { seed = 42, users = 2000, days = 90, start = '2024-01-01', timeZone = 'UTC' } = parseOptions(sampleDataOptionsSchema, options);
  const random = createRandom(seed);
  const calendar = sampleCalendar(parseDay(start) as number, days, timeZone);
  const state: SampleState = {
    random,
    calendar,
    signupDays: signupDayWeights(calendar),
    events: { userId: [], name: [], time: [], properties: [] },
    subscriptions: [],
    tally: { paying: new Uint8Array(users), signups: [0, 0], activations: [0, 0] },
    properties: [],
    account: '',
    accountKeys: new Int32Array(ACCOUNT_SLOTS),
    buffer: new Float64Array(1024),
    count: 0,
  };
  simulateAccounts(state, users);
  const made = sampleEvents(state);
  return {
    get events() {
      return made.events;
    },
    get columns() {
      return made.columns;
    },
    surveys: sampleSurveys(createRandom(seed), users),
    subscriptions: state.subscriptions,
    marketingCosts: marketingCosts(state),
    northStar: sampleNorthStar(state.tally, days),
  };
}
