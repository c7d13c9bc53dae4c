import { EventRowCollector, timestampCell, type ReadEvents } from './eventRows';

/**
 * Reads events from JSON lines (one object per line: `userId` or `user_id`,
 * `name`, `timestamp`, optional `properties`), decoding the file as a stream
 * so a large file never sits in memory as one string.
 */
export async function readJsonLines(input: Blob, onProgress: (fraction: number) => void = () => undefined): Promise<ReadEvents> {
  const collector = new EventRowCollector({ userId: 'userId' });
  const decoder = new TextDecoder();
  const reader = input.stream().getReader();
  let pending = '';
  let line = 0;
  let bytes = 0;
  const readLine = (text: string): void => {
    line += 1;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      collector.reject(line, 'row', 'expected a JSON object, received text that is not JSON');
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      collector.reject(line, 'row', `expected a JSON object, received ${Array.isArray(value) ? 'an array' : typeof value}`);
      return;
    }
    const row = value as Record<string, unknown>;
    collector.add(
      {
        userId: row['userId'] ?? row['user_id'],
        name: row['name'],
        timestamp: timestampCell(row['timestamp']),
        properties: row['properties'],
      },
      line,
    );
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    pending += decoder.decode(value, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) readLine(text);
    onProgress(bytes / Math.max(1, input.size));
  }
  pending += decoder.decode();
  if (pending !== '') readLine(pending);
  return collector.result();
}
