/** Splits a component's props into its own options and the rest (passed to the root element). */
export function splitProps<P extends object, K extends keyof P>(props: P, keys: readonly K[]): [Pick<P, K>, Omit<P, K>] {
  const own: Partial<P> = {};
  const rest: Partial<P> = {};
  const names = new Set<PropertyKey>(keys);
  for (const key of Object.keys(props) as (keyof P)[]) {
    if (names.has(key)) own[key] = props[key];
    else rest[key] = props[key];
  }
  return [own as Pick<P, K>, rest as Omit<P, K>];
}
