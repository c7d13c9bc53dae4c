/**
 * Sorts runs of the parallel `time` / `name` / `row` columns by (time, name).
 * Whole-millisecond times are packed with the row's position into one float,
 * `(time − min) × 2^k + position`, and sorted by the engine's native numeric
 * sort: no comparator call per comparison. Runs that cannot be packed exactly
 * (fractional milliseconds, huge spans) fall back to a comparator.
 */
export class RunSorter {
  private keys = new Float64Array(64);
  private times = new Float64Array(64);
  private names = new Int32Array(64);
  private rows = new Int32Array(64);

  constructor(
    private readonly time: Float64Array,
    private readonly name: Int32Array,
    private readonly row: Int32Array | null,
  ) {}

  /** Sorts rows `from` … `to − 1` unless they are in (time, name) order already, as runs usually are. */
  sortRun(from: number, to: number): void {
    const { time, name } = this;
    for (let p = from + 1; p < to; p++) {
      const dt = (time[p - 1] as number) - (time[p] as number);
      if (dt > 0 || (dt === 0 && (name[p - 1] as number) > (name[p] as number))) {
        this.sort(from, to);
        return;
      }
    }
  }

  sort(from: number, to: number): void {
    const length = to - from;
    const { time, name, row } = this;
    this.reserve(length);
    const { keys, times, names, rows } = this;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let integral = true;
    for (let p = from; p < to; p++) {
      const t = time[p] as number;
      if (t < min) min = t;
      if (t > max) max = t;
      if (!Number.isInteger(t)) integral = false;
    }
    const slots = 2 ** Math.ceil(Math.log2(length));
    const order = keys.subarray(0, length);
    if (integral && (max - min + 1) * slots <= Number.MAX_SAFE_INTEGER) {
      for (let j = 0; j < length; j++) order[j] = ((time[from + j] as number) - min) * slots + j;
      order.sort();
      for (let j = 0; j < length; j++) order[j] = (order[j] as number) % slots;
    } else {
      const positions = Array.from({ length }, (_, j) => j);
      positions.sort((a, b) => (time[from + a] as number) - (time[from + b] as number));
      order.set(positions);
    }
    times.set(time.subarray(from, to));
    names.set(name.subarray(from, to));
    if (row) rows.set(row.subarray(from, to));
    let tied = false;
    for (let j = 0; j < length; j++) {
      const k = order[j] as number;
      time[from + j] = times[k] as number;
      name[from + j] = names[k] as number;
      if (row) row[from + j] = rows[k] as number;
      if (j > 0 && time[from + j - 1] === time[from + j]) tied = true;
    }
    // Same-millisecond rows are now in input order; put them in name order.
    if (tied) this.orderTies(from, to);
  }

  private orderTies(from: number, to: number): void {
    const { time, name, row } = this;
    for (let p = from + 1; p < to; p++) {
      const t = time[p] as number;
      const e = name[p] as number;
      const r = row ? (row[p] as number) : 0;
      let q = p - 1;
      while (q >= from && time[q] === t && (name[q] as number) > e) {
        name[q + 1] = name[q] as number;
        if (row) row[q + 1] = row[q] as number;
        q--;
      }
      name[q + 1] = e;
      if (row) row[q + 1] = r;
    }
  }

  private reserve(length: number): void {
    if (this.keys.length >= length) return;
    const size = 2 ** Math.ceil(Math.log2(length));
    this.keys = new Float64Array(size);
    this.times = new Float64Array(size);
    this.names = new Int32Array(size);
    this.rows = new Int32Array(size);
  }
}
