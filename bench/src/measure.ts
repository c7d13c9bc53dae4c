/**
 * Runs full garbage collections (when Node was started with `--expose-gc`) and
 * then idles briefly: V8 frees array buffers and sweeps on background threads
 * after a collection, which would otherwise compete with the next timed call
 * (and with DuckDB's worker threads) for the cores.
 */
export async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Bytes held by the process's JavaScript: the V8 heap plus typed-array buffers. */
export function heldBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Timing<T> {
  readonly median: number;
  readonly samples: readonly number[];
  /** Median count of involuntary context switches during a timed call: how often the machine took the cores away. */
  readonly preemptions: number;
  /** What the last call returned. */
  readonly result: T;
}

/**
 * Times `run` `runs` times after `warmUps` untimed calls. `prepare` runs before
 * every call, untimed, followed by a full GC so that no call pays for the
 * previous one's garbage.
 */
export async function timeRuns<T>(
  run: () => T | Promise<T>,
  options: { runs: number; warmUps: number; prepare?: () => void },
): Promise<Timing<T>> {
  const { runs, warmUps, prepare } = options;
  const samples: number[] = [];
  const preemptions: number[] = [];
  let result: T | undefined;
  let calls = 0;
  for (let i = 0; i < warmUps + runs; i++) {
    prepare?.();
    await collectGarbage();
    const switches = process.resourceUsage().involuntaryContextSwitches;
    const started = performance.now();
    result = await run();
    const elapsed = performance.now() - started;
    calls++;
    if (i >= warmUps) {
      samples.push(elapsed);
      preemptions.push(process.resourceUsage().involuntaryContextSwitches - switches);
    }
  }
  if (calls === 0) throw new Error('timeRuns needs at least one run');
  return { median: median(samples), samples, preemptions: median(preemptions), result: result as T };
}

/** `1e6` → `1M`, `20000` → `20k`. */
export function formatSize(n: number): string {
  if (n >= 1e6 && n % 1e5 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 100 === 0) return `${n / 1e3}k`;
  return String(n);
}

/** A plain-text table; columns flagged in `right` are right-aligned (numbers). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (right[c] === true ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
