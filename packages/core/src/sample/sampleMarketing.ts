import { daysInMonth, formatDay, formatMonth } from '../time/civil';
import { cumulative } from './random';
import {
  ADS,
  AD_CLICK,
  CHANNELS,
  DIRECT,
  GOOGLE,
  LINKEDIN,
  NEWSLETTER,
  ORGANIC,
  PARTNER,
  REFERRAL,
  SIGNUP,
  SOCIAL,
  VISIT,
} from './sampleNames';
import { add, type SampleState } from './sampleState';
import type { SampleMarketingCost } from './sample.types';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Channel of the first touch of an account's first user. */
const CHANNEL_WEIGHTS = /* @__PURE__ */ cumulative([36, 12, 10, 9, 33]);
/** The `source` of a user by the channel of their last touch: paid search is ads, LinkedIn social. */
const CHANNEL_SOURCE = [ADS, SOCIAL, ORGANIC, REFERRAL, ORGANIC];
/** Cost of a paid click in cents (google, linkedin). */
const COST_PER_CLICK = [320, 780, 0, 0, 0];
/** Bounty paid to a partner per sign-up whose last touch came through it, in cents. */
const PARTNER_BOUNTY = 5_000;
/** Newsletter budget per month in cents, shared out by the days of the month in the period. */
const NEWSLETTER_MONTHLY = 120_000;

/**
 * Adds the marketing touches before a sign-up at `signupAt`: one to six,
 * days apart, the last a few minutes before it; paid channels as `ad_click`,
 * the others as `visit`. Later touches often come back through the first
 * channel or directly, so first and last touch differ now and then. Touches
 * before the period are not in the data. Returns the user's `source` code,
 * from the last touch.
 */
export function marketingTouches(state: SampleState, signupAt: number): number {
  const { random, calendar } = state;
  const first = random.pick(CHANNEL_WEIGHTS);
  const count = 1 + Math.min(5, random.poisson(1.1));
  let at = signupAt - 1_000 - random.logNormal(5 * MINUTE, 0.8);
  let lastChannel = first;
  // From the last touch back to the first.
  for (let k = count - 1; k >= 0; k--) {
    let channel = first;
    if (k > 0) {
      const draw = random.next();
      channel = draw < 0.5 ? first : draw < 0.8 ? DIRECT : random.pick(CHANNEL_WEIGHTS);
    }
    if (k === count - 1) lastChannel = channel;
    if (at >= calendar.startMs) add(state, at, channel === GOOGLE || channel === LINKEDIN ? AD_CLICK : VISIT, channel + 1);
    at -= random.logNormal(1.5 * DAY, 1.2);
  }
  return CHANNEL_SOURCE[lastChannel]!;
}

/**
 * The spend per local month and channel behind the generated touches: every
 * `ad_click` at its channel's cost per click, a partner bounty per sign-up
 * whose last touch came through a partner, the newsletter's flat budget
 * (for the days of the month inside the period). A month wholly inside the
 * period has the period `YYYY-MM`; the first or last month, when cut, the
 * local dates `{ from, to }` inside: so the rows can be `attribution`'s
 * `costs` as they are, each spent over exactly the days it covers.
 */
export function marketingCosts(state: SampleState): SampleMarketingCost[] {
  const { calendar, events, properties } = state;
  const months: { month: string; fromDay: number; toDay: number }[] = [];
  const monthOfDay = new Int32Array(calendar.days);
  for (let d = 0; d < calendar.days; d++) {
    const day = calendar.startDay + d;
    const month = formatMonth(day);
    if (months.at(-1)?.month !== month) months.push({ month, fromDay: day, toDay: day });
    else months.at(-1)!.toDay = day;
    monthOfDay[d] = months.length - 1;
  }
  const width = CHANNELS.length;
  const amounts = new Float64Array(months.length * width);
  const monthOf = (time: number): number => monthOfDay[calendar.clock.localDay(time) - calendar.startDay]!;
  let user = '';
  let lastTouch = -1;
  for (let i = 0; i < events.name.length; i++) {
    if (events.userId[i] !== user) {
      user = events.userId[i]!;
      lastTouch = -1;
    }
    const name = events.name[i]!;
    if (name === AD_CLICK || name === VISIT) {
      lastTouch = CHANNELS.indexOf(properties[events.properties[i]!]!.utm_source!);
      if (name === AD_CLICK) amounts[monthOf(events.time[i]!) * width + lastTouch]! += COST_PER_CLICK[lastTouch]!;
    } else if (name === SIGNUP && lastTouch === PARTNER) {
      amounts[monthOf(events.time[i]!) * width + PARTNER]! += PARTNER_BOUNTY;
      lastTouch = -1;
    }
  }
  return months.flatMap(({ month, fromDay, toDay }, m) => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const length = daysInMonth(year, monthNumber);
    const days = toDay - fromDay + 1;
    amounts[m * width + NEWSLETTER] = Math.round((NEWSLETTER_MONTHLY * days) / length);
    const period = days === length ? month : { from: formatDay(fromDay), to: formatDay(toDay) };
    return CHANNELS.map((channel, c) => ({ channel, period, amount: amounts[m * width + c]! }));
  });
}
