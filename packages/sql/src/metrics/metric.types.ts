import type { CompileContext } from '../query/context';
import type { SqlRow } from '../query/rows';
import type { TableKind } from '../target';

/** How one metric is computed in SQL: which table it reads, its SQL, and how its rows become core's result. */
export interface MetricSql<Options, Result> {
  readonly table: TableKind;
  /** Validates options exactly as core does (plus what SQL does not support yet) and returns them. */
  check(options: unknown): Options;
  /** The query, written with the context's dialect and parameters. */
  compile(context: CompileContext, options: Options): string;
  /** Core's result from the query's rows. */
  parse(rows: readonly SqlRow[], options: Options): Result;
}
