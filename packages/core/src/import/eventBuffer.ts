import type { PropertyValue } from '../events/event.types';

interface PropertyBuffer {
  codes: Int32Array;
  readonly values: PropertyValue[];
  readonly lookup: Map<PropertyValue, number>;
}

/**
 * Valid rows kept as they stream in, before the table is built: users and
 * names dictionary-encoded, times in a `Float64Array`, each property a column
 * of codes; every column grows by doubling. About 16 bytes a row, plus 4 per
 * property key.
 */
export class EventBuffer {
  length = 0;
  private capacity = 1024;
  time = new Float64Array(this.capacity);
  user = new Int32Array(this.capacity);
  name = new Int32Array(this.capacity);
  readonly userIds: string[] = [];
  readonly names: string[] = [];
  readonly properties = new Map<string, PropertyBuffer>();
  private readonly userCodes = new Map<string, number>();
  private readonly nameCodes = new Map<string, number>();
  private lastUser = '';
  private lastUserCode = -1;
  private lastName = '';
  private lastNameCode = -1;

  /** Appends a row; `keys[j]` has `values[j]` (a repeated key keeps its last value). */
  add(userId: string, name: string, time: number, keys: readonly string[], values: readonly PropertyValue[]): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    if (userId !== this.lastUser || this.lastUserCode < 0) {
      this.lastUser = userId;
      this.lastUserCode = code(this.userCodes, this.userIds, userId);
    }
    if (name !== this.lastName || this.lastNameCode < 0) {
      this.lastName = name;
      this.lastNameCode = code(this.nameCodes, this.names, name);
    }
    this.user[i] = this.lastUserCode;
    this.name[i] = this.lastNameCode;
    this.time[i] = time;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]!;
      let column = this.properties.get(key);
      if (!column) {
        column = { codes: new Int32Array(this.capacity).fill(-1), values: [], lookup: new Map() };
        this.properties.set(key, column);
      }
      const value = values[j] as PropertyValue;
      let valueCode = column.lookup.get(value);
      if (valueCode === undefined) {
        valueCode = column.values.length;
        column.values.push(value);
        column.lookup.set(value, valueCode);
      }
      column.codes[i] = valueCode;
    }
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.time = copy(new Float64Array(capacity), this.time);
    this.user = copy(new Int32Array(capacity), this.user);
    this.name = copy(new Int32Array(capacity), this.name);
    for (const column of this.properties.values()) {
      const codes = new Int32Array(capacity).fill(-1);
      codes.set(column.codes);
      column.codes = codes;
    }
    this.capacity = capacity;
  }
}

function copy<T extends Float64Array | Int32Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

function code(codes: Map<string, number>, dictionary: string[], value: string): number {
  let found = codes.get(value);
  if (found === undefined) {
    found = dictionary.length;
    dictionary.push(value);
    codes.set(value, found);
  }
  return found;
}
