import type { EntityRecord } from '../entity-row.js';
import type { KycRefRecord } from '../kyc-ref-row.js';

/** Collects the entities and KYC references a simulation creates, for entities.csv and kyc_refs.csv. */
export class EntityRegistry {
  readonly entities: EntityRecord[] = [];
  readonly kycRefs: KycRefRecord[] = [];

  /** Registers an entity (ids are unique by construction). */
  add(entity: EntityRecord): void {
    this.entities.push(entity);
  }

  /** Registers a KYC/KYB document reference. */
  addKycRef(reference: KycRefRecord): void {
    this.kycRefs.push(reference);
  }
}
