/**
 * PostHog's own retention cases aggregated by group
 * (`test_retention_query_runner.py`, `TestClickhouseRetentionGroupAggregation`),
 * with the counts PostHog expects: its `aggregation_group_type_index` is our
 * `unit: { group }`, each group named by an event property (`$group_0`,
 * `$group_1`). An event without the property counts for no group. PostHog's
 * `totalIntervals` weeks end with the one holding `date_to`, and it counts
 * that whole week; kpikit's triangle ends at `to` (documented), so the test
 * shows both ranges.
 *
 * Not translated, as kpikit has no equivalent: `test_groups_in_period` (the
 * groups of a cell) and `test_limit_is_context_aware` (query execution limits).
 */
import { describe, expect, it } from 'vitest';
import { retention } from '../../src/index';
import type { RetentionOptions } from '../../src/index';
import { date, events, table } from './posthog.support';

// `_create_groups_and_events`: person1 in org:5, person2 in org:6, company:1 on three events, person3 in none.
const org5 = { $group_0: 'org:5' };
const org6 = { $group_0: 'org:6' };
const list = events([
  ['person1', date(0), { ...org5, $group_1: 'company:1' }],
  ['person2', date(0), org6],
  ['person3', date(0)],
  ['person1', date(1), org5],
  ['person2', date(1), org6],
  ['person1', date(7), org5],
  ['person2', date(7), org6],
  ['person1', date(14), org5],
  ['person1', date(-6, 5, 1), { ...org5, $group_1: 'company:1' }],
  ['person2', date(-6, 5, 1), org6],
  ['person2', date(1, 5, 1), org6],
  ['person1', date(1, 5, 1), org5],
  ['person2', date(15, 5, 1), { ...org6, $group_1: 'company:1' }],
]);

const sundays = ['2020-06-07', '2020-06-14', '2020-06-21', '2020-06-28', '2020-07-05', '2020-07-12', '2020-07-19'];
const weeks = { period: 'week', periods: 6, cohort: 'recurring', weekStartsOn: 0, from: '2020-06-07' } as const;
/** PostHog's `date_to` (a Monday), and the end of the week holding it, the range PostHog counts. */
const dateTo = '2020-07-20';
const weekEnd = '2020-07-25';

const orgs = [[2, 2, 1, 2, 2, 0, 1], [2, 1, 2, 2, 0, 1], [1, 1, 1, 0, 0], [2, 2, 0, 1], [2, 0, 1], [0, 0], [1]];
const companies = [[1, 0, 0, 1, 0, 0, 1], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [1, 0, 0, 1], [0, 0, 0], [0, 0], [1]];
/** The table without the returns of the last week after `date_to`: org:6's and company:1's of Jul 25. */
const cutAtTo = (rows: readonly (readonly number[])[]): number[][] => rows.map((row) => [...row.slice(0, -1), 0]);

describe('PostHog retention cases aggregated by group', () => {
  for (const name of ['test_groups_aggregating', 'test_groups_aggregating_person_on_events']) {
    it(`${name}: organizations, then companies; the last week counted up to \`to\` (documented)`, () => {
      const byOrg: RetentionOptions = { ...weeks, unit: { group: '$group_0' }, to: dateTo };
      const orgResult = retention(list, byOrg);
      expect(table(orgResult, sundays)).toEqual(cutAtTo(orgs));
      expect(orgResult.unit).toEqual({ group: '$group_0', groups: 2, ungroupedEvents: 1 });
      expect(table(retention(list, { ...byOrg, to: weekEnd }), sundays)).toEqual(orgs);

      const byCompany: RetentionOptions = { ...weeks, unit: { group: '$group_1' }, to: dateTo };
      expect(table(retention(list, byCompany), sundays)).toEqual(cutAtTo(companies));
      expect(table(retention(list, { ...byCompany, to: weekEnd }), sundays)).toEqual(companies);
    });
  }
});
