import type { RowSink } from './rowSink';

/**
 * Streams JSON lines (one object per line) to the sink, decoding the file as
 * a stream so a large file never sits in memory as one string. A line that
 * is not a JSON object is rejected. With `limit`, stops after that many rows.
 */
export async function readJsonLines(
  input: Blob,
  sink: RowSink,
  onProgress: (fraction: number) => void = () => undefined,
  limit = Number.POSITIVE_INFINITY,
): Promise<void> {
  const decoder = new TextDecoder();
  const reader = input.stream().getReader();
  let pending = '';
  let line = 0;
  let bytes = 0;
  let rows = 0;
  const readLine = (text: string): void => {
    line += 1;
    if (text.trim() === '') return;
    rows += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      sink.reject(line, 'row', 'expected a JSON object, received text that is not JSON');
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      sink.reject(line, 'row', `expected a JSON object, received ${Array.isArray(value) ? 'an array' : typeof value}`);
      return;
    }
    sink.row(value as Record<string, unknown>, line);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const text of lines) {
        if (rows >= limit) return;
        readLine(text);
      }
      onProgress(bytes / Math.max(1, input.size));
    }
    pending += decoder.decode();
    if (pending !== '' && rows < limit) readLine(pending);
  } finally {
    if (rows >= limit) await reader.cancel();
  }
}
