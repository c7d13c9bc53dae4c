/**
 * Merges adjacent sorted runs of the parallel `time` / `name` / `row` columns
 * into one run sorted by (time, name), stably: of two equal rows the one from
 * the earlier run comes first. A table re-keyed by group is each group's
 * users' runs side by side, each already in order, so merging them costs
 * about `n log k` moves for k users a group instead of a sort of `n` rows.
 */
export class RunMerger {
  private times = new Float64Array(64);
  private names = new Int32Array(64);
  private rows = new Int32Array(64);

  constructor(
    private readonly time: Float64Array,
    private readonly name: Int32Array,
    private readonly row: Int32Array,
  ) {}

  /** Merges the runs starting at `starts` (ascending, the first at the range's start) and ending at `to`. */
  merge(starts: number[], to: number): void {
    let bounds = [...starts, to];
    // Bottom-up: merge neighbours pairwise until one run is left.
    while (bounds.length > 2) {
      const next: number[] = [];
      for (let i = 0; i + 1 < bounds.length; i += 2) {
        next.push(bounds[i] as number);
        if (i + 2 < bounds.length) this.mergeTwo(bounds[i] as number, bounds[i + 1] as number, bounds[i + 2] as number);
      }
      next.push(to);
      bounds = next;
    }
  }

  /** Merges the sorted rows `a … mid − 1` and `mid … b − 1` in place. */
  private mergeTwo(a: number, mid: number, b: number): void {
    const { time, name, row } = this;
    // Already in order (the common case for users who signed up one after another).
    if (before(time, name, mid - 1, mid) || !before(time, name, mid, mid - 1)) return;
    const length = mid - a;
    this.reserve(length);
    const { times, names, rows } = this;
    times.set(time.subarray(a, mid));
    names.set(name.subarray(a, mid));
    rows.set(row.subarray(a, mid));
    let i = 0;
    let j = mid;
    let out = a;
    while (i < length && j < b) {
      const tj = time[j] as number;
      const ti = times[i] as number;
      // The left run wins ties: stable.
      if (tj < ti || (tj === ti && (name[j] as number) < (names[i] as number))) {
        time[out] = tj;
        name[out] = name[j] as number;
        row[out++] = row[j++] as number;
      } else {
        time[out] = ti;
        name[out] = names[i] as number;
        row[out++] = rows[i++] as number;
      }
    }
    while (i < length) {
      time[out] = times[i] as number;
      name[out] = names[i] as number;
      row[out++] = rows[i++] as number;
    }
  }

  private reserve(length: number): void {
    if (this.times.length >= length) return;
    const size = 2 ** Math.ceil(Math.log2(length));
    this.times = new Float64Array(size);
    this.names = new Int32Array(size);
    this.rows = new Int32Array(size);
  }
}

/** Row `p` sorts strictly before row `q` by (time, name). */
function before(time: Float64Array, name: Int32Array, p: number, q: number): boolean {
  const dt = (time[p] as number) - (time[q] as number);
  return dt < 0 || (dt === 0 && (name[p] as number) < (name[q] as number));
}
