import type { SampleEvent, SampleEventColumns, SampleEventProperties } from './sample.types';
import { NAMES } from './sampleNames';
import type { SampleState } from './sampleState';

/**
 * The generated events as objects and as columns, each made on first read
 * from the simulation's compact columns (and kept): a caller that builds a
 * table from the columns never pays for a million event objects.
 */
export function sampleEvents(state: SampleState): { readonly events: SampleEvent[]; readonly columns: SampleEventColumns } {
  const { userId, name, time, properties: keys } = state.events;
  const shared: readonly SampleEventProperties[] = state.properties;
  let events: SampleEvent[] | undefined;
  let columns: SampleEventColumns | undefined;
  return {
    get events() {
      events ??= userId.map((user, i) => ({
        userId: user,
        name: NAMES[name[i] as number]!,
        timestamp: time[i] as number,
        properties: shared[keys[i] as number]!,
      }));
      return events;
    },
    get columns() {
      columns ??= {
        userId,
        name: name.map((code) => NAMES[code]!),
        timestamp: time,
        properties: {
          plan: keys.map((key) => shared[key]!.plan),
          source: keys.map((key) => shared[key]!.source),
          accountId: keys.map((key) => shared[key]!.accountId),
          feature: keys.map((key) => shared[key]!.feature),
          utm_source: keys.map((key) => shared[key]!.utm_source),
        },
      };
      return columns;
    },
  };
}
