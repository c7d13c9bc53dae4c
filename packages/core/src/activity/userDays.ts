import type { EventTable } from '../events/event.types';

/**
 * Calls `visit(user, days, count)` for every user with at least one
 * qualifying event (`mask[row] === 1`, or any event when `mask` is `null`)
 * on a day in `[minDay, maxDay]`, where `days[0 … count)`
 * are that user's distinct active days, ascending. The buffer is reused
 * between calls: copy what must outlive the callback.
 */
export function forEachUserDays(
  table: EventTable,
  localDays: Int32Array,
  mask: Uint8Array | null,
  minDay: number,
  maxDay: number,
  visit: (user: number, days: Int32Array, count: number) => void,
): void {
  const { userStart } = table;
  let buffer = new Int32Array(64);
  for (let u = 0; u + 1 < userStart.length; u++) {
    const end = userStart[u + 1] as number;
    let count = 0;
    let ordered = true;
    for (let row = userStart[u] as number; row < end; row++) {
      const day = localDays[row] as number;
      if (day < minDay || day > maxDay || (mask !== null && mask[row] === 0)) continue;
      if (count > 0) {
        const last = buffer[count - 1] as number;
        if (day === last) continue;
        // Rows are in time order, so local days only step back when a
        // time-zone transition at midnight moves the clock back a day.
        if (day < last) ordered = false;
      }
      if (count === buffer.length) {
        const grown = new Int32Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      buffer[count++] = day;
    }
    if (count === 0) continue;
    if (!ordered) count = sortUnique(buffer, count);
    visit(u, buffer, count);
  }
}

function sortUnique(buffer: Int32Array, count: number): number {
  buffer.subarray(0, count).sort();
  let unique = 1;
  for (let i = 1; i < count; i++) {
    if (buffer[i] !== buffer[unique - 1]) buffer[unique++] = buffer[i] as number;
  }
  return unique;
}
