/**
 * The entries of one list that expire, earliest first. A sweep deletes only the entries that are
 * due, so passing an expiry costs the scoring request that notices it the entries it removes, never
 * a walk over the whole list (a million entries with staggered expiries would otherwise be walked
 * at every expiry).
 */
export class ListExpiries {
  private values: string[] = [];
  private at: number[] = [];
  private next = 0;

  /** Reads the entries' expiries (loaded by expiry, so normally already in order). */
  constructor(entries: ReadonlyMap<string, number>) {
    let ordered = true;
    for (const [value, expiry] of entries) {
      if (expiry === Number.POSITIVE_INFINITY) continue;
      if (this.at.length > 0 && expiry < this.at[this.at.length - 1]!) ordered = false;
      this.values.push(value);
      this.at.push(expiry);
    }
    if (ordered) return;
    const order = this.at.map((_, index) => index).sort((left, right) => this.at[left]! - this.at[right]!);
    this.values = order.map((index) => this.values[index]!);
    this.at = order.map((index) => this.at[index]!);
  }

  /** When the next entry expires (ms), or +∞. */
  get nextAt(): number {
    return this.next < this.at.length ? this.at[this.next]! : Number.POSITIVE_INFINITY;
  }

  /** Deletes from `entries` the entries expired by `now`. */
  sweep(entries: Map<string, number>, now: number): void {
    while (this.next < this.at.length && this.at[this.next]! <= now) {
      entries.delete(this.values[this.next]!);
      this.next += 1;
    }
  }
}
