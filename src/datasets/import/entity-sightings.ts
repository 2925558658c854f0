import type { TransactionRecord } from '../../contract/transaction-record.js';
import type { EntityRecord } from '../entity-row.js';

/** What an import knows about one entity: its entities.csv row and when its payments were seen. */
export interface EntitySighting {
  entityId: string;
  entityType: string | null;
  country: string | null;
  name: string | null;
  createdAt: number | null;
  /** Earliest and latest created_at of its transactions (NaN when it has none). */
  firstSeen: number;
  lastSeen: number;
}

/**
 * Gathers the entities of an import: the rows of entities.csv plus the sender and receiver of
 * every transaction with their first and last payment times. Memory grows with the number of
 * entities, never with the number of transactions.
 */
export class EntitySightings {
  private readonly entities = new Map<string, EntitySighting>();

  private entry(entityId: string): EntitySighting {
    let entity = this.entities.get(entityId);
    if (entity === undefined) {
      entity = { entityId, entityType: null, country: null, name: null, createdAt: null, firstSeen: Number.NaN, lastSeen: Number.NaN };
      this.entities.set(entityId, entity);
    }
    return entity;
  }

  /** Records an entities.csv row. */
  describe(record: EntityRecord): void {
    const entity = this.entry(record.entityId);
    entity.entityType = record.entityType;
    entity.country = record.country ?? entity.country;
    entity.name = record.name ?? null;
    entity.createdAt = record.createdAt ?? null;
  }

  /** Records the sender and receiver of a transaction. */
  see(record: TransactionRecord): void {
    this.seeOne(record.senderEntityId, record.senderCountry, record.createdAt);
    this.seeOne(record.receiverEntityId, record.receiverCountry, record.createdAt);
  }

  private seeOne(entityId: string, country: string, at: number): void {
    const entity = this.entry(entityId);
    entity.country ??= country;
    if (!(entity.firstSeen <= at)) entity.firstSeen = at;
    if (!(entity.lastSeen >= at)) entity.lastSeen = at;
  }

  /** Every entity gathered. */
  values(): IterableIterator<EntitySighting> {
    return this.entities.values();
  }

  get size(): number {
    return this.entities.size;
  }
}
