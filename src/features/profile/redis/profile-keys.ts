import type { RolePlan } from '../profile-plan.js';
import { tenantScopedKey } from '../profile-store.js';

/*
 * The key names of the Redis profile store. On one primary (`REDIS_URL`) they are the names every
 * release so far has used: an entity `prefix:role[@vN]:scoped`, a transaction `prefix:tx:scoped`.
 * On a Redis Cluster an entity's scoped id is a hash tag, `prefix:role[@vN]:{scoped}`, and its
 * re-score memory of a transaction is `prefix:role[@vN]:{scoped}:tx:scopedTx`: the entity key is a
 * prefix of it, so both hash to one slot and one function call folds the entity and remembers
 * the transaction atomically. The whole transaction's memory is `prefix:tx:{scopedTx}`. (The tag is the text from the first `{` to the next `}`; the prefix
 * carries no brace, see config, so that text always lies in the entity key and is never empty.)
 */
export class ProfileKeys {
  constructor(
    private readonly prefix: string,
    /** True on a Redis Cluster: entity keys carry a hash tag. */
    private readonly tagged: boolean,
  ) {}

  /** The key of an entity's state: its role, and the role's state version past the first (`sender@v2`). */
  entity(role: RolePlan, tenantId: string, id: string): string {
    const scoped = tenantScopedKey(tenantId, id);
    return `${this.prefix}:${role.role}${role.stateVersion > 1 ? `@v${role.stateVersion}` : ''}:${this.tagged ? `{${scoped}}` : scoped}`;
  }

  /** A placeholder for an absent role (one primary only: its functions take a key per role). */
  get absent(): string {
    return `${this.prefix}:absent`;
  }

  /** The re-score memory of a whole transaction (on a cluster in a slot of its own). */
  transaction(tenantId: string, txId: string): string {
    const scoped = tenantScopedKey(tenantId, txId);
    return `${this.prefix}:tx:${this.tagged ? `{${scoped}}` : scoped}`;
  }

  /** The re-score memory of a transaction in one entity, in the entity's slot (cluster). */
  entityTransaction(entityKey: string, tenantId: string, txId: string): string {
    return `${entityKey}:tx:${tenantScopedKey(tenantId, txId)}`;
  }
}
