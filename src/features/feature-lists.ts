import { createHash } from 'node:crypto';

/**
 * The names of a stored feature vector, in its order. A decision stores its features as a JSON
 * array of values (`risk_scores.features`) with the id of its list (`risk_scores.feature_list`,
 * migration 0080); the list is stored once (`feature_lists`). An object of ~120 features by name
 * cost the embedded database about 130 µs more per decision than the same values as an array
 * (`bench/features-column.ts`). Rows written before, or by a writer without lists, keep the object
 * form with no list; `sentra_feature_object` and `sentra_feature_value` read both.
 */
export interface FeatureList {
  /** `fl_` and 24 hex digits of the SHA-256 of the names: the same names are the same list in every process. */
  readonly id: string;
  readonly names: readonly string[];
}

/** A decision's features as stored: the values in its list's order. */
export interface EncodedFeatures {
  readonly list: FeatureList;
  readonly values: (number | null)[];
}

/** Stored values with their list's names, as the object they were encoded from. */
export function namedFeatures(names: readonly string[], values: readonly (number | null)[]): Record<string, number | null> {
  const features: Record<string, number | null> = {};
  for (let index = 0; index < names.length; index++) features[names[index]!] = values[index] ?? null;
  return features;
}

/** The stored row of a list (migration 0080): its names, and each name's position for lookups by name. */
export function featureListRow(list: FeatureList): { id: string; names: readonly string[]; positions: Record<string, number> } {
  return { id: list.id, names: list.names, positions: Object.fromEntries(list.names.map((name, index) => [name, index])) };
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
   * The features as values in the order of their names. A model answers the same names in the same
   * order for every decision (its schema, then the KYC features that had values), so a process holds
   * a handful of lists.
   */
  encode(features: Readonly<Record<string, number | null>>): EncodedFeatures {
    // Most decisions have the names of the last list, in its order: checked name by name (the
    // names are the same strings, so each comparison is cheap) while the values are copied.
    const last = this.last;
    if (last !== undefined) {
      const values = new Array<number | null>(last.names.length);
      let index = 0;
      let same = true;
      for (const name in features) {
        if (index >= last.names.length || name !== last.names[index]) {
          same = false;
          break;
        }
        values[index++] = features[name] ?? null;
      }
      if (same && index === last.names.length) return { list: last, values };
    }
    const names = Object.keys(features);
    const joined = names.join('\n');
    let list = this.byNames.get(joined);
    if (list === undefined) {
      list = { id: `fl_${createHash('sha256').update(joined).digest('hex').slice(0, 24)}`, names };
      this.byNames.set(joined, list);
    }
    this.last = list;
    const values = new Array<number | null>(names.length);
    for (let index = 0; index < names.length; index++) values[index] = features[names[index]!] ?? null;
    return { list, values };
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
