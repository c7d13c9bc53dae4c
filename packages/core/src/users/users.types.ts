import type { PropertyColumn, PropertyValue, TimestampInput } from '../events/event.types';

/** One user as a users table (a CRM export, the product's `users` table) describes them. */
export interface KpiUser {
  readonly userId: string;
  /** When the user was created (signed up), if known: epoch ms, a `Date` or an ISO-8601 string with an offset. */
  readonly createdAt?: TimestampInput | null | undefined;
  /** The user's properties: plan, country, signup source, … */
  readonly properties?: Readonly<Record<string, PropertyValue | undefined>> | undefined;
}

/** Users validated and dictionary-encoded once, for {@link joinUsers}. */
export interface UserTable {
  readonly kind: 'UserTable';
  readonly length: number;
  /** Each user's id, one row a user. */
  readonly userIds: readonly string[];
  /** Each user's `createdAt` in epoch ms, `NaN` where not given. */
  readonly createdAt: Float64Array;
  /** One column per property key, codes indexed by row. */
  readonly properties: ReadonlyMap<string, PropertyColumn>;
}

/** The prefix of the event properties {@link joinUsers} adds: `user.plan`, `user.createdAt`. */
export const USER_PROPERTY_PREFIX = 'user.';
