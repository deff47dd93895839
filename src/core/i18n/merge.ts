/**
 * Joins message catalogues into one object. An object literal that spreads twenty parts into two thousand keys
 * builds a new hidden class per key, which cost the CLI about 10 ms and a garbage collection at every start;
 * Object.assign copies into a dictionary at once. The type is the intersection, so the keys stay checked.
 */
type Merged<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Merged<R> : unknown;

export function mergeCatalogues<const T extends readonly object[]>(...parts: T): Merged<T> {
  return Object.assign({}, ...parts) as Merged<T>;
}
