import type { IssueCollector } from '../errors';
import type { PropertyValue } from '../events/event.types';
import { isPlainObject, PROPERTY_EXPECTED } from '../events/rules';

/** What an id (user, account) must be, in words. */
export const IMPORT_ID_EXPECTED = 'a non-empty string or an integer';

/**
 * A user or account id as text: a non-empty string, or an integer (JSON
 * exports write numeric ids as numbers, CSV as digits: both are the same id).
 * `null` for anything else; `''` counts as no id.
 */
export function readId(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null;
  if (typeof value === 'bigint') return String(value);
  return null;
}

/** Whether a value is missing: absent, `null` or an empty cell. */
export const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/**
 * One row being read: the event's fields as a format finds them, its
 * properties, and its problems, reported with the row's index and the
 * field's path in the source (`rows[13].event_time`). One draft serves every
 * row of an import, so reading allocates little per row.
 */
export class RowDraft {
  index = 0;
  userId: string | null = null;
  name: string | null = null;
  time = Number.NaN;
  account: string | null = null;
  /** Why the row is not an event of the format (`identify call`), or `null`. */
  skip: string | null = null;
  problems = 0;
  readonly keys: string[] = [];
  readonly values: PropertyValue[] = [];
  /** JSON text already parsed in this row, by the path it was found at. */
  private readonly parsed = new Map<string, unknown>();

  constructor(
    private readonly issues: IssueCollector,
    private readonly keep: ReadonlySet<string> | null,
  ) {}

  reset(index: number): void {
    this.index = index;
    this.userId = null;
    this.name = null;
    this.time = Number.NaN;
    this.account = null;
    this.skip = null;
    this.problems = 0;
    this.keys.length = 0;
    this.values.length = 0;
    this.parsed.clear();
  }

  /** Reports a problem of this row's `field` (a path in the source row, `''` for the row itself). */
  issue(field: string, expected: string, received: unknown): void {
    this.problems += 1;
    this.issues.add(this.index, field === '' ? `rows[${this.index}]` : `rows[${this.index}].${field}`, expected, received);
  }

  /**
   * Adds a property, flattening as core's table cannot hold nested values:
   * an object's entries become `key.sub`, an array its JSON text, a `Date`
   * its ISO text; absent, `undefined` and `''` add nothing. `path` names the
   * field in errors.
   */
  property(key: string, value: unknown, path: string): void {
    if (value === undefined || value === '') return;
    if (this.keep && !this.keep.has(key)) {
      const dot = key.indexOf('.');
      if (!isPlainObject(value) && (dot < 0 || !this.keep.has(key.slice(0, dot)))) return;
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      this.push(key, value);
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) this.push(key, value);
      else this.issue(path, PROPERTY_EXPECTED, value);
    } else if (typeof value === 'bigint') {
      this.push(key, Number.isSafeInteger(Number(value)) ? Number(value) : String(value));
    } else if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) this.issue(path, PROPERTY_EXPECTED, value);
      else this.push(key, value.toISOString());
    } else if (Array.isArray(value)) {
      this.push(key, JSON.stringify(value));
    } else if (isPlainObject(value)) {
      for (const sub in value) {
        if (Object.hasOwn(value, sub)) this.property(`${key}.${sub}`, (value as Record<string, unknown>)[sub], `${path}.${sub}`);
      }
    } else {
      this.issue(path, PROPERTY_EXPECTED, value);
    }
  }

  /** Adds every entry of an object as a property, except the keys in `except`. */
  properties(object: Record<string, unknown> | null, path: string, except?: ReadonlySet<string>): void {
    if (!object) return;
    for (const key in object) {
      if (!Object.hasOwn(object, key) || except?.has(key)) continue;
      this.property(key, object[key], `${path}.${key}`);
    }
  }

  private push(key: string, value: PropertyValue): void {
    this.keys.push(key);
    this.values.push(value);
  }

  /**
   * The object at `key` of a row: a nested object, its JSON text (as a CSV
   * export writes it), or the row's `key.*` columns gathered; `null` when the
   * row has none. Text that is not a JSON object is reported.
   */
  object(row: Record<string, unknown>, key: string): Record<string, unknown> | null {
    const value = row[key];
    if (isPlainObject(value)) return value as Record<string, unknown>;
    if (typeof value === 'string' && value !== '') return this.json(value, key);
    if (!isBlank(value)) {
      this.issue(key, 'an object of properties, or its JSON text', value);
      return null;
    }
    const prefix = `${key}.`;
    let gathered: Record<string, unknown> | null = null;
    for (const column in row) {
      if (column.startsWith(prefix) && Object.hasOwn(row, column)) (gathered ??= {})[column.slice(prefix.length)] = row[column];
    }
    return gathered;
  }

  /** JSON text parsed once per row (a path read twice is parsed once). */
  private json(text: string, path: string): Record<string, unknown> | null {
    if (this.parsed.has(path)) return this.parsed.get(path) as Record<string, unknown> | null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const object = isPlainObject(value) ? (value as Record<string, unknown>) : null;
    if (!object) this.issue(path, 'an object of properties, or its JSON text', text);
    this.parsed.set(path, object);
    return object;
  }

  /**
   * The value at a dotted path of a row (`context.groupId`), trying the
   * flat column first (`properties.time` in a CSV header) and walking into
   * nested objects and JSON text otherwise.
   */
  at(row: Record<string, unknown>, path: string): unknown {
    return this.walk(row, path, '');
  }

  private walk(value: Record<string, unknown>, path: string, above: string): unknown {
    const direct = value[path];
    if (direct !== undefined) return direct;
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      const head = path.slice(0, dot);
      const inner = value[head];
      const object = isPlainObject(inner)
        ? (inner as Record<string, unknown>)
        : typeof inner === 'string' && inner.startsWith('{')
          ? this.json(inner, above + head)
          : null;
      if (!object) continue;
      const found = this.walk(object, path.slice(dot + 1), `${above}${head}.`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
