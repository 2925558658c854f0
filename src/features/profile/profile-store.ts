import type { LabelEvent, ProfileEvent } from './profile-event.js';
import type { ProfilePlan } from './profile-plan.js';

/** What a store answers for one observed transaction. */
export interface ObserveResult {
  /** Raw aggregates from the state before this transaction, in `snapshotFieldNames` order. */
  readonly snapshot: Float64Array;
  /**
   * True when the store already folded this txId (within its transaction memory): the snapshot is
   * the one of the first observation and nothing was counted again.
   */
  readonly rescored: boolean;
}

/**
 * Online profile state behind one interface. `observe` must read the state before the event and
 * fold the event atomically, so concurrent API processes never double count or read half updates.
 */
export interface ProfileStore {
  readonly plan: ProfilePlan;
  observe(event: ProfileEvent): Promise<ObserveResult>;
  applyLabel(label: LabelEvent): Promise<void>;
  close(): Promise<void>;
}

/** A store that can also work synchronously (the in-memory store), for fast offline replay. */
export interface SyncProfileStore extends ProfileStore {
  /** Writes the snapshot into `snapshot` and returns whether the transaction was a re-score. */
  observeSync(event: ProfileEvent, snapshot: Float64Array): boolean;
  applyLabelSync(label: LabelEvent): void;
}

/** Narrows a store to one with a synchronous path. */
export function isSyncProfileStore(store: ProfileStore): store is SyncProfileStore {
  return typeof (store as Partial<SyncProfileStore>).observeSync === 'function';
}

/** An entity key that cannot collide across tenants: the tenant id is length-prefixed. */
export function tenantScopedKey(tenantId: string, entityId: string): string {
  return `${tenantId.length}:${tenantId}${entityId}`;
}
