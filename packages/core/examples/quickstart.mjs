// A KPI report over a generated B2B SaaS: 2,000 users over 90 days, printed
// to the terminal. Run it from the repository root with `npm run example`.
import {
  activeUsers,
  csat,
  funnel,
  generateSampleData,
  mrr,
  nps,
  northStarTree,
  retention,
  stickinessSummary,
  toEventTable,
} from '@kpikit/core';

const timeZone = 'Europe/Paris';
const data = generateSampleData({ seed: 42, users: 2000, days: 90, start: '2024-01-01', timeZone });

// Normalise the events once, then ask for as many metrics as needed.
const table = toEventTable(data.events);
const daily = activeUsers(table, { timeZone });
const lastWeek = daily.rows.slice(-7);
const monthly = stickinessSummary(table, { month: '2024-03', timeZone });
const weekly = retention(table, { period: 'week', periods: 8, startEvent: 'signup', timeZone });
const paths = funnel(table, { steps: ['view_pricing', 'start_trial', 'pay'], window: 14 * 86_400_000, timeZone });
const revenue = mrr(data.subscriptions, { granularity: 'month', timeZone });
const tree = northStarTree(data.northStar);

// Formatting is the caller's: rates are fractions, money is in cents, times in ms.
const pct = (rate) => (rate === null ? '     –' : `${(rate * 100).toFixed(1).padStart(5)}%`);
const euros = (cents) => `€${(cents / 100).toLocaleString('en', { maximumFractionDigits: 0 })}`;
const hours = (ms) => (ms === null ? '–' : `${(ms / 3_600_000).toFixed(1)} h`);
const signed = (n) => (n === null ? '–' : `${n > 0 ? '+' : ''}${Math.round(n)}`);

console.log(
  `kpikit: ${table.length.toLocaleString('en')} events from ${table.userIds.length} users, ${daily.from} … ${daily.to} (${timeZone})\n`,
);
const survey = nps(data.surveys.nps);
console.log(`NPS ${signed(survey.score)} (n = ${survey.total})    CSAT ${pct(csat(data.surveys.csat).score)}`);
console.log(`Stickiness, March (average DAU / MAU) ${pct(monthly.score)}`);
for (const row of revenue.rows.slice(-3))
  console.log(`MRR ${row.period.slice(0, 7)}  ${euros(row.mrr).padStart(9)}  from ${row.customers} customers`);

console.log('\ndate         DAU   WAU   MAU  DAU/MAU');
for (const row of lastWeek) {
  console.log(`${row.date}  ${[row.dau, row.wau, row.mau].map((n) => String(n).padStart(4)).join('  ')}  ${pct(row.stickiness)}`);
}

console.log('\nFunnel (ordered, 14-day window)       users  from first  median time from previous');
for (const step of paths.steps) {
  console.log(`  ${step.name.padEnd(34)} ${String(step.count).padStart(5)}  ${pct(step.fromFirst)}     ${hours(step.median)}`);
}

console.log('\nWeekly retention by signup week (exact); * marks a week still in progress');
console.log(`cohort       size ${weekly.average.map((_, k) => `wk ${k}`.padStart(7)).join('')}`);
for (const cohort of weekly.cohorts.slice(-8)) {
  const cells = cohort.rates.map((rate, k) => `${pct(rate)}${cohort.incomplete[k] ? '*' : ' '}`);
  console.log(`${cohort.start}  ${String(cohort.size).padStart(4)} ${cells.join('')}`);
}

const root = tree.nodes.find((node) => node.id === tree.root);
console.log(`\nNorth Star: ${root.label} = ${root.value} (target ${root.target ?? '–'})`);
for (const leaf of tree.sensitivity.slice(0, 3)) console.log(`  +1 % ${leaf.label} → ${pct(leaf.relative)} on the North Star`);
