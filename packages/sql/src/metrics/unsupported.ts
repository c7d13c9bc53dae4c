import { KpiValidationError } from '@kpikit/core';

/**
 * Throws for an option core accepts but the SQL compilers do not support
 * yet, so it is never silently ignored.
 */
export function rejectUnsupported(path: string, what: string, received: unknown): never {
  throw new KpiValidationError('options', [
    {
      index: null,
      path,
      expected: `no ${what} (not supported by @kpikit/sql yet)`,
      received: received === undefined ? 'undefined' : JSON.stringify(received),
    },
  ]);
}

/** Rejects property conditions in an event filter. */
export function rejectProperties(path: string, properties: Readonly<Record<string, unknown>> | undefined): void {
  if (properties !== undefined && Object.keys(properties).length > 0) rejectUnsupported(path, 'property conditions', properties);
}
