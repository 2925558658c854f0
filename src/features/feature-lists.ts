import { createHash } from 'node:crypto';

/**
 * The names of a stored feature vector, in its order. A decision stores its features as its values
 * packed into one JSON string (`risk_scores.features`, {@link packFeatureValues}, migration 0084)
 * with the id of its list (`risk_scores.feature_list`, migration 0080); the list is stored once
 * (`feature_lists`). An object of ~120 features by name cost the embedded database about 130 µs more
 * per decision than the same values as a JSON array, and the array about 130 µs more than the packed
 * string, which the database reads as one string instead of parsing 120 numbers
 * (`bench/features-column.ts`). Rows written before hold the array (0080) or the object (with no
 * list, as does a writer without lists); `sentra_feature_object` and `sentra_feature_value` read all
 * three forms.
 */
export interface FeatureList {
  /** `fl_` and 24 hex digits of the SHA-256 of the names: the same names are the same list in every process. */
  readonly id: string;
  readonly names: readonly string[];
}

/**
 * A decision's features: values (null = missing) in the order of `names`. A model hands out the
 * same `names` array for every decision it scores, so a writer recognises the list by identity.
 */
export interface FeatureVector {
  readonly names: readonly string[];
  readonly values: (number | null)[];
}

/** A decision's features as stored: the values in its list's order. */
export interface EncodedFeatures {
  readonly list: FeatureList;
  readonly values: (number | null)[];
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** Stored values with their list's names, as the object they were encoded from. */
export function namedFeatures(names: readonly string[], values: readonly (number | null)[]): Record<string, number | null> {
  const features: Record<string, number | null> = {};
  for (let index = 0; index < names.length; index++) features[names[index]!] = values[index] ?? null;
  return features;
}

/**
 * A vector's values as stored (migration 0084): each value's shortest decimal form (the digits
 * JSON.stringify writes) joined by commas, an empty place for a missing value (or a non-finite one,
 * which JSON writes as null). Read back by {@link unpackFeatureValues}, or in SQL by
 * `sentra_feature_object` / `sentra_feature_value`, each value is the same double.
 */
export function packFeatureValues(values: readonly (number | null)[]): string {
  let packed = '';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (index > 0) packed += ',';
    if (value !== null && value !== undefined && Number.isFinite(value)) packed += String(value);
  }
  return packed;
}

/** The values of a packed vector ({@link packFeatureValues}) of `count` features. */
export function unpackFeatureValues(packed: string, count: number): (number | null)[] {
  const values: (number | null)[] = new Array<number | null>(count).fill(null);
  if (packed === '') return values;
  const parts = packed.split(',');
  for (let index = 0; index < count && index < parts.length; index++) if (parts[index] !== '') values[index] = Number(parts[index]);
  return values;
}

/** Each names array's positions by name, built once per array (a model's vectors share one). */
const positionsOf = new WeakMap<readonly string[], Map<string, number>>();

/** The position of each name in `names`. */
export function namePositions(names: readonly string[]): Map<string, number> {
  let found = positionsOf.get(names);
  if (found === undefined) {
    found = new Map(names.map((name, index) => [name, index]));
    positionsOf.set(names, found);
  }
  return found;
}

/** A vector as an object by name, for readers by name (rules): all its names, or only `only`'s. */
export function featuresByName(vector: FeatureVector, only?: readonly string[]): Record<string, number | null> {
  if (only === undefined) return namedFeatures(vector.names, vector.values);
  const at = namePositions(vector.names);
  const byName: Record<string, number | null> = {};
  for (const name of only) {
    const index = at.get(name);
    if (index !== undefined) byName[name] = vector.values[index] ?? null;
  }
  return byName;
}

/** The stored row of a list (migration 0080): its names, and each name's position for lookups by name. */
export function featureListRow(list: FeatureList): { id: string; names: readonly string[]; positions: Record<string, number> } {
  return { id: list.id, names: list.names, positions: Object.fromEntries(namePositions(list.names)) };
}

/**
 * Encodes decisions' features against their lists, and remembers which lists this process has
 * stored in its database (so a group commit sends a list's names only until one commit holding it
 * has succeeded). One per database: a list is known stored only where it was written.
 */
export class FeatureLists {
  private readonly byNames = new Map<string, FeatureList>();
  private readonly stored = new Set<string>();
  private last: FeatureList | undefined;

  /**
   * The list of a vector's names, and its values. A model's vectors share one `names` array, so most
   * decisions match the last list by identity; a vector with other names (a model's with the KYC
   * features that had values) is matched name by name, then by its joined names.
   */
  encode(vector: FeatureVector): EncodedFeatures {
    const last = this.last;
    if (last !== undefined && (vector.names === last.names || sameNames(vector.names, last.names))) return { list: last, values: vector.values };
    const joined = vector.names.join('\n');
    let list = this.byNames.get(joined);
    if (list === undefined) {
      list = { id: `fl_${createHash('sha256').update(joined).digest('hex').slice(0, 24)}`, names: vector.names };
      this.byNames.set(joined, list);
    }
    this.last = list;
    return { list, values: vector.values };
  }

  /** Whether a commit holding this list has succeeded in this database. */
  isStored(id: string): boolean {
    return this.stored.has(id);
  }

  /** Records lists a successful commit held. */
  markStored(ids: Iterable<string>): void {
    for (const id of ids) this.stored.add(id);
  }
}
