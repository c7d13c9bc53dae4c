import { describe, expect, it } from 'vitest';
import { KpiValidationError } from '../../src/errors';
import { toEventTable } from '../../src/events/eventTable';
import type { KpiEvent } from '../../src/events/event.types';
import { bindMetrics } from '../../src/northStar/bindMetrics';
import { northStarTree } from '../../src/northStar/northStarTree';
import type { NorthStarDefinition, NorthStarNodeDefinition } from '../../src/northStar/northStar.types';

const at = (date: string, time = '12:00:00'): string => `${date}T${time}Z`;

// u4 active on Jan 5, u1 on Jan 1 and 10, u2 on Jan 9, u3 on Jan 15 (latest event).
const events: KpiEvent[] = [
  { userId: 'u1', name: 'login', timestamp: at('2024-01-01') },
  { userId: 'u4', name: 'login', timestamp: at('2024-01-05') },
  { userId: 'u2', name: 'login', timestamp: at('2024-01-09') },
  { userId: 'u1', name: 'report', timestamp: at('2024-01-10'), properties: { plan: 'pro' } },
  { userId: 'u3', name: 'login', timestamp: at('2024-01-15') },
];

/** A one-level sum over the given leaves, so each leaf's bound values can be read back. */
const sumOver = (leaves: NorthStarNodeDefinition[]): NorthStarDefinition => ({
  nodes: [{ id: 'root', label: 'Root', formula: 'sum', children: leaves.map((leaf) => leaf.id) }, ...leaves],
});

const leafValues = (definition: NorthStarDefinition) =>
  Object.fromEntries(definition.nodes.slice(1).map((node) => [node.id, [node.value, node.previous]]));

describe('bindMetrics', () => {
  it('fills activeUsers figures and their previous values', () => {
    const bound = bindMetrics(
      sumOver([
        { id: 'wau', label: 'WAU', metric: { kind: 'activeUsers', field: 'wau' } },
        { id: 'mau', label: 'MAU', metric: { kind: 'activeUsers', field: 'mau' } },
        { id: 'dau', label: 'DAU', metric: { kind: 'activeUsers', field: 'dau', date: '2024-01-10' } },
        { id: 'proWau', label: 'Pro WAU', metric: { kind: 'activeUsers', field: 'wau', where: { properties: { plan: 'pro' } } } },
      ]),
      { events },
    );
    expect(leafValues(bound)).toEqual({
      // Jan 15 (the latest date): Jan 9–15 holds u2, u1, u3 → 3; 7 days earlier, Jan 2–8 holds u4 → 1.
      wau: [3, 1],
      // Dec 17–Jan 15 holds all four; 30 days earlier (Dec 16) is before the first event: unknown.
      mau: [4, null],
      // Jan 10: u1 alone; Jan 3: nobody.
      dau: [1, 0],
      // Only u1's Jan 10 event has plan pro: Jan 9–15 → 1; Jan 2–8 → 0.
      proWau: [1, 0],
    });
    expect(northStarTree(bound).nodes[0]!.value).toBe(3 + 4 + 1 + 1);
  });

  it('reads days in the given time zone', () => {
    const late = [{ userId: 'u1', name: 'login', timestamp: '2024-01-10T23:30:00Z' }];
    const definition = sumOver([{ id: 'dau', label: 'DAU', metric: { kind: 'activeUsers', field: 'dau', date: '2024-01-11' } }]);
    // 23:30 UTC on Jan 10 is 00:30 on Jan 11 in Paris.
    expect(leafValues(bindMetrics(definition, { events: late, timeZone: 'Europe/Paris' })).dau![0]).toBe(1);
    expect(leafValues(bindMetrics(definition, { events: late })).dau![0]).toBe(0);
  });

  it('fills the stickinessSummary score of the latest month and the month before', () => {
    const bound = bindMetrics(sumOver([{ id: 'sticky', label: 'Stickiness', metric: { kind: 'stickinessSummary' } }]), {
      events: toEventTable(events),
    });
    // January up to the 15th: 5 user-days over 15 days = 1/3 average DAU, 4 monthly users → 1/12.
    // December has no data: no score.
    const [value, previous] = leafValues(bound).sticky as [number, null];
    expect(value).toBeCloseTo(1 / 12, 12);
    expect(previous).toBeNull();
  });

  it('fills NPS scores from named survey answers', () => {
    const bound = bindMetrics(sumOver([{ id: 'nps', label: 'NPS', metric: { kind: 'nps', survey: 'q2', previousSurvey: 'q1' } }]), {
      // 5 promoters, 3 passives, 2 detractors → 30; 1 promoter and 1 detractor → 0.
      surveys: { q2: [10, 9, 9, 10, 9, 8, 7, 8, 6, 0], q1: [10, 0] },
    });
    expect(leafValues(bound).nps).toEqual([30, 0]);
  });

  it('leaves null where the metric has no value, which the tree shows without failing', () => {
    const bound = bindMetrics(sumOver([{ id: 'nps', label: 'NPS', metric: { kind: 'nps', survey: 'empty' } }]), { surveys: { empty: [] } });
    expect(leafValues(bound).nps).toEqual([null, null]);
    expect(northStarTree(bound).nodes[0]!.reason).toMatchObject({ code: 'noValue', nodeId: 'nps' });
  });

  it('replaces values already on a bound leaf and keeps unbound nodes as they are', () => {
    const bound = bindMetrics(
      sumOver([
        { id: 'wau', label: 'WAU', value: 999, metric: { kind: 'activeUsers', field: 'wau' } },
        { id: 'fixed', label: 'Fixed', value: 5, previous: 4, target: 6 },
      ]),
      { events },
    );
    expect(bound.nodes[1]).toEqual({ id: 'wau', label: 'WAU', value: 3, previous: 1, metric: { kind: 'activeUsers', field: 'wau' } });
    expect(bound.nodes[2]).toEqual({ id: 'fixed', label: 'Fixed', value: 5, previous: 4, target: 6 });
  });

  it('asks for bindMetrics before evaluating an unbound metric leaf', () => {
    expect(() => northStarTree(sumOver([{ id: 'wau', label: 'WAU', metric: { kind: 'activeUsers', field: 'wau' } }]))).toThrow(
      /definition\.nodes\[1\]\.value: expected a number: bind the metric/,
    );
  });

  it('rejects missing events, unknown surveys, bad answers and a metric on a formula node', () => {
    const wau = sumOver([{ id: 'wau', label: 'WAU', metric: { kind: 'activeUsers', field: 'wau' } }]);
    expect(() => bindMetrics(wau)).toThrow(/options\.events/);
    const npsLeaf = sumOver([{ id: 'nps', label: 'NPS', metric: { kind: 'nps', survey: 'q3' } }]);
    expect(() => bindMetrics(npsLeaf, { surveys: { q2: [9] } })).toThrow(/definition\.nodes\[1\]\.metric\.survey/);
    expect(() => bindMetrics(npsLeaf, { surveys: { q3: [9, 11] } })).toThrow(/options\.surveys\.q3\[1\]/);
    expect(() =>
      bindMetrics({
        nodes: [
          { id: 'root', label: 'Root', formula: 'sum', children: ['x'], metric: { kind: 'nps', survey: 'q' } },
          { id: 'x', label: 'X', value: 1 },
        ],
      }),
    ).toThrow(/definition\.nodes\[0\]\.metric/);
    expect(() => bindMetrics(wau, { events: [{ userId: '', name: 'x', timestamp: 0 }] })).toThrow(KpiValidationError);
    expect(() => bindMetrics(wau, { events, timeZone: 'Mars/Olympus' })).toThrow(/options\.timeZone/);
  });
});
