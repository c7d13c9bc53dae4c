import type * as z from 'zod';
import { IssueCollector } from '../errors';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), root);
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`;
    case 'too_small':
      return `${issue.origin === 'array' ? 'at least' : issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return `${issue.origin === 'array' ? 'at most' : issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * Validates an options object against its zod schema, turning every zod issue
 * into a `KpiValidationError` entry with a dotted path (`options.period`).
 */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, root = 'options'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = new IssueCollector(root);
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        issues.add(null, formatPath(root, path), 'a known option name (check its spelling)', valueAt(value, path));
      }
      continue;
    }
    issues.add(null, formatPath(root, issue.path), expectedOf(issue), valueAt(value, issue.path));
  }
  issues.throwIfAny();
  throw new Error('unreachable');
}
