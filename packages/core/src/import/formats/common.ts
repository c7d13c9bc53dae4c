import { ID_EXPECTED } from '../../events/rules';
import type { TimeReader } from '../readTime';
import { IMPORT_ID_EXPECTED, isBlank, readId, type RowDraft } from '../rowDraft';

/** Reads one row of a format into a draft. */
export interface FormatReader {
  /** The fields users are read from, in order of preference. */
  readonly userFields: readonly string[];
  readonly nameField: string;
  readonly timeField: string;
  readonly time: TimeReader;
  /** Where accounts were found: fixed by the options, or by the first row with a group. */
  accountField(): string | null;
  read(row: Record<string, unknown>, draft: RowDraft): void;
}

/** The first id among `fields` of the row, or an issue naming the first field. */
export function readUser(draft: RowDraft, values: readonly unknown[], fields: readonly string[]): void {
  for (const value of values) {
    const id = readId(value);
    if (id !== null) {
      draft.userId = id;
      return;
    }
  }
  const expected =
    fields.length > 1 ? `${IMPORT_ID_EXPECTED} in ${fields.slice(0, -1).join(', ')} or ${fields.at(-1)!}` : IMPORT_ID_EXPECTED;
  draft.issue(fields[0]!, expected, values.find((value) => value !== undefined) ?? values[0]);
}

/** The event name: a non-empty string. */
export function readName(draft: RowDraft, value: unknown, field: string): void {
  if (typeof value === 'string' && value.length > 0) draft.name = value;
  else draft.issue(field, ID_EXPECTED, value);
}

/** The event time by the reader's format. */
export function readTime(draft: RowDraft, time: TimeReader, value: unknown, field: string): void {
  const ms = time.read(value);
  if (Number.isNaN(ms)) draft.issue(field, time.dstProblem ?? time.expected, value);
  else draft.time = ms;
}

/** An account id; blank means none; a one-element list (Amplitude's groups) is its element. */
export function readAccount(draft: RowDraft, value: unknown, field: string): void {
  if (isBlank(value)) return;
  const single = Array.isArray(value) ? (value.length === 1 ? (value[0] as unknown) : value.length === 0 ? null : value) : value;
  if (single === null) return;
  const id = readId(single);
  if (id === null) draft.issue(field, `${IMPORT_ID_EXPECTED} (one account)`, value);
  else draft.account = id;
}

/**
 * The account of a format whose rows carry a map of group type → group
 * (Amplitude's `groups`, PostHog's `$groups`) when no `accountFrom` names
 * the type: the type of the first row that has exactly one is the account's
 * from then on, and the summary says which. A first map with several types
 * is reported, since picking one would be a guess.
 */
export class GroupAccount {
  private type: string | null = null;

  constructor(private readonly field: string) {}

  get accountField(): string | null {
    return this.type === null ? null : `${this.field}.${this.type}`;
  }

  read(draft: RowDraft, value: unknown): void {
    if (isBlank(value)) return;
    // A CSV export writes the map as its JSON text.
    const groups = typeof value === 'string' && value.startsWith('{') ? parseJson(value) : value;
    if (typeof groups !== 'object' || groups === null || Array.isArray(groups)) {
      draft.issue(this.field, 'an object of group type → group', value);
      return;
    }
    if (this.type === null) {
      const types = Object.keys(groups).filter((key) => !isBlank((groups as Record<string, unknown>)[key]));
      if (types.length === 0) return;
      if (types.length > 1) {
        draft.issue(
          this.field,
          `one group type, or accountFrom naming one (${types.map((t) => `"${this.field}.${t}"`).join(', ')})`,
          groups,
        );
        return;
      }
      this.type = types[0]!;
    }
    readAccount(draft, (groups as Record<string, unknown>)[this.type], `${this.field}.${this.type}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
