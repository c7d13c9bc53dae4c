/**
 * Next-event pointers over one user's rows (rows `begin … end − 1` of a
 * table, addressed by local index `0 … length − 1`), rebuilt per user into a
 * buffer that is reused, so walking a user allocates nothing: for each tracked
 * mask bit, the first local row at or after a position whose mask has that bit
 * (`length` when none), so finding a step's next event costs one array read
 * instead of a scan.
 */
export class UserRows {
  base = 0;
  length = 0;
  private nextRows = new Int32Array(0);
  private stride = 0;

  /**
   * @param time the table's time column.
   * @param trackMasks per tracked bit, the mask column it is read from.
   * @param trackBits per tracked bit, the bit (a power of two).
   */
  constructor(
    private readonly time: Float64Array,
    private readonly trackMasks: readonly Int32Array[],
    private readonly trackBits: readonly number[],
  ) {}

  /**
   * Rebuilds the pointers for table rows `begin … end − 1`. Positions before
   * local row `from` are left stale: callers never look before it.
   */
  load(begin: number, end: number, from = 0): void {
    const length = end - begin;
    const stride = length + 1;
    this.base = begin;
    this.length = length;
    this.stride = stride;
    const tracks = this.trackBits.length;
    if (this.nextRows.length < tracks * stride) this.nextRows = new Int32Array(Math.max(tracks * stride, this.nextRows.length * 2));
    const { nextRows } = this;
    for (let t = 0; t < tracks; t++) {
      const masks = this.trackMasks[t] as Int32Array;
      const bit = this.trackBits[t] as number;
      const offset = t * stride;
      let next = length;
      nextRows[offset + length] = length;
      for (let i = length - 1; i >= from; i--) {
        if (((masks[begin + i] as number) & bit) !== 0) next = i;
        nextRows[offset + i] = next;
      }
    }
  }

  /** First local row at or after local row `at` whose mask has tracked bit `track`, or `length`. */
  next(track: number, at: number): number {
    return this.nextRows[track * this.stride + at] as number;
  }

  /** First local row of the run of rows sharing local row `row`'s timestamp. */
  tieStart(row: number): number {
    const { time, base } = this;
    const t = time[base + row];
    let start = row;
    while (start > 0 && time[base + start - 1] === t) start--;
    return start;
  }

  /** One past the last local row sharing local row `row`'s timestamp. */
  tieEnd(row: number): number {
    const { time, base, length } = this;
    const t = time[base + row];
    let end = row + 1;
    while (end < length && time[base + end] === t) end++;
    return end;
  }
}
