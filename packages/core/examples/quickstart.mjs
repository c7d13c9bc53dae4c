// A KPI report over a small, deterministic product-event log, printed to the
// terminal. Run it from the repository root with `npm start`.
import { activeUsers, csat, nps, retention, stickinessSummary, toEventTable } from '@kpikit/core';

// 1. Some events: 400 users signing up over eight weeks, each coming back less
//    often as time goes on (a seeded generator, so every run prints the same).
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const DAY = 86_400_000;
const start = Date.parse('2024-01-01T00:00:00Z');
const events = [];
for (let user = 0; user < 400; user++) {
  const userId = `user-${user}`;
  let day = Math.floor(random() * 56);
  events.push({ userId, name: 'signup', timestamp: start + day * DAY + random() * DAY });
  for (let chance = 0.8; day < 56 && random() < chance; chance *= 0.93) {
    day += 1 + Math.floor(random() * 6);
    if (day < 56) events.push({ userId, name: 'login', timestamp: start + day * DAY + random() * DAY });
  }
}

// 2. Normalise once, then ask for as many metrics as needed.
const table = toEventTable(events);
const timeZone = 'Europe/Paris';
const weekly = retention(table, { period: 'week', periods: 6, timeZone, from: '2024-01-01', to: '2024-02-25' });
const daily = activeUsers(table, { timeZone, from: '2024-02-19', to: '2024-02-25' });
const february = stickinessSummary(table, { month: '2024-02', timeZone });

// 3. Print them. Percentages and signs are formatting, done here.
const pct = (rate) => (rate === null ? '   –  ' : `${(rate * 100).toFixed(1).padStart(5)}%`);
console.log(`kpikit quick start: ${table.length} events from ${table.userIds.length} users (${timeZone})\n`);
const survey = nps([10, 9, 9, 10, 9, 8, 7, 8, 6, 0]);
console.log(`NPS ${survey.score > 0 ? '+' : ''}${survey.score} (n = ${survey.total})   CSAT ${pct(csat([5, 4, 4, 3, 5, 2]).score)}`);
console.log(`February stickiness (average DAU / MAU): ${pct(february.score)} over ${february.days} days\n`);
console.log('date        DAU  WAU  MAU  DAU/MAU');
for (const row of daily.rows) {
  console.log(
    `${row.date} ${String(row.dau).padStart(4)} ${String(row.wau).padStart(4)} ${String(row.mau).padStart(4)}  ${pct(row.stickiness)}`,
  );
}
console.log(`\nWeekly retention (exact), cohorts by signup week; * marks a week still in progress`);
console.log(`cohort       size  ${weekly.average.map((_, k) => `wk ${k}`.padStart(7)).join('')}`);
for (const cohort of weekly.cohorts) {
  const cells = cohort.rates.map((rate, k) => `${pct(rate)}${cohort.incomplete[k] ? '*' : ' '}`);
  console.log(`${cohort.start}  ${String(cohort.size).padStart(4)}  ${cells.join('')}`);
}
console.log(`average           ${weekly.average.map((rate) => `${pct(rate)} `).join('')}`);
