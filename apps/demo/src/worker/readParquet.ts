import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer } from 'hyparquet';
import type { RowSink } from './rowSink';

/** A file as hyparquet reads it: byte ranges on demand, never the whole file at once. */
function asyncBuffer(file: Blob): AsyncBuffer {
  return { byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer() };
}

/**
 * Streams a Parquet file to the sink a row group at a time, through
 * hyparquet (pure JavaScript: it runs in the worker as it does in Node).
 * Rows are numbered from 1. Returns the column names. With `limit`, reads
 * only that many rows.
 */
export async function readParquet(
  file: Blob,
  sink: RowSink,
  onProgress: (fraction: number) => void = () => undefined,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ readonly header: readonly string[] }> {
  const buffer = asyncBuffer(file);
  const metadata = await parquetMetadataAsync(buffer);
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const total = Math.min(Number(metadata.num_rows), limit);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    if (rowStart >= total) break;
    const rowEnd = Math.min(rowStart + Number(group.num_rows), total);
    const rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd });
    for (let i = 0; i < rows.length; i++) sink.row(rows[i]!, rowStart + i + 1);
    rowStart = rowEnd;
    onProgress(rowStart / Math.max(1, total));
  }
  return { header };
}
