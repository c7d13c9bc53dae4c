import type { ParamType, SqlDialect } from '../dialect/dialect.types';

/** A value bound to a query parameter. */
export type SqlValue = string | number;

/** Parameters of a compiled query: an array for `$1` placeholders, an object for ClickHouse's `{p1:Type}`. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

/**
 * Collects a query's bound parameters. Every value that comes from the caller
 * (event names, dates, the time zone, the window) goes through here, so no
 * value is ever spliced into the SQL text. The same value of the same type is
 * bound once and reused.
 */
export class ParamList {
  private readonly values: SqlValue[] = [];
  private readonly placeholders = new Map<string, string>();

  constructor(private readonly dialect: SqlDialect) {}

  /** The placeholder standing for `value`, typed. */
  bind(value: SqlValue, type: ParamType): string {
    const key = `${type}\u0000${typeof value}\u0000${String(value)}`;
    let placeholder = this.placeholders.get(key);
    if (placeholder === undefined) {
      this.values.push(value);
      placeholder = this.dialect.placeholder(this.values.length, type);
      this.placeholders.set(key, placeholder);
    }
    return placeholder;
  }

  text(value: string): string {
    return this.bind(value, 'text');
  }

  bigint(value: number): string {
    return this.bind(value, 'bigint');
  }

  double(value: number): string {
    return this.bind(value, 'double');
  }

  /** A boolean, bound as the text `'true'` or `'false'` that every dialect casts to its boolean type. */
  boolean(value: boolean): string {
    return this.bind(value ? 'true' : 'false', 'boolean');
  }

  /** `expr IN (…)` over text values, or `FALSE` for none. */
  inList(expr: string, values: readonly string[]): string {
    if (values.length === 0) return '(1 = 0)';
    return `${expr} IN (${[...new Set(values)].map((value) => this.text(value)).join(', ')})`;
  }

  /** The values in the form the dialect's clients take. */
  toParams(): SqlParams {
    if (!this.dialect.namedParams) return [...this.values];
    return Object.fromEntries(this.values.map((value, i) => [`p${i + 1}`, value]));
  }
}
