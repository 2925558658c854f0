import { once } from 'node:events';
import { Cluster } from 'ioredis';
import { withDeadline } from '../../../platform/store-errors.js';
import { connectRedis, deleteKeysWithPrefix, type RedisClient } from '../../../platform/redis-client.js';
import type { RedisTarget } from '../../../platform/redis-target.js';
import type { LabelEvent, ProfileEvent } from '../profile-event.js';
import { snapshotOffsets, type ProfilePlan } from '../profile-plan.js';
import type { ObserveResult, ProfileStore } from '../profile-store.js';
import { entityRoles } from '../ring-fields.js';
import { snapshotLength } from '../snapshot-fields.js';
import { profileLibrary, type ProfileLibrary } from './lua-source.js';
import { ProfileKeys } from './profile-keys.js';

/** Options of the Redis store. */
export interface RedisProfileStoreOptions {
  /** Prefix of every key (default `sentra:profile`); tests use a unique one per run. */
  readonly keyPrefix?: string;
  /** How long a txId's first snapshot is kept for re-scores (default 24 h; 0 disables). */
  readonly transactionMemoryMs?: number;
  /** Longest wait for a command (and for a connection) in ms before it fails (default 2000). */
  readonly commandTimeoutMs?: number;
}

/** The ioredis commands used here that its typings do not declare in this form. */
interface FunctionCommands {
  function(subcommand: 'LOAD', mode: 'REPLACE', source: string): Promise<unknown>;
  fcallBuffer(name: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
}

/**
 * The shared profile store for scaled deployments (`REDIS_URL` or `REDIS_CLUSTER_NODES`, Redis 7+):
 * a function call reads the state before the transaction and folds it atomically, so any number of
 * API processes can share profiles. On one primary, one call per observe folds all five entities
 * and the transaction's re-score memory together. On a Redis Cluster each entity lies in its own
 * hash slot, so observe sends one call per present entity, in parallel: each folds its entity and
 * remembers the transaction for it atomically, but the entities of one payment are not folded as
 * one unit (see docs/scaling.md). Every key has a TTL (the role's idle time), so idle entities
 * disappear on their own. The function library is loaded on first use (on every primary of a
 * cluster) and reloaded if a server lost it (a restart without persistence, a promoted replica).
 */
export class RedisProfileStore implements ProfileStore {
  readonly plan: ProfilePlan;
  private readonly prefix: string;
  private readonly transactionMemoryMs: number;
  private readonly library: ProfileLibrary;
  private readonly keys: ProfileKeys;
  private readonly cluster: boolean;
  private readonly offsets: readonly number[];
  private readonly commandTimeoutMs: number;
  private loaded: Promise<unknown> | undefined;

  constructor(
    private readonly redis: RedisClient,
    plan: ProfilePlan,
    options: RedisProfileStoreOptions = {},
    private readonly ownsConnection = false,
  ) {
    this.plan = plan;
    this.prefix = options.keyPrefix ?? 'sentra:profile';
    this.transactionMemoryMs = options.transactionMemoryMs ?? 86_400_000;
    this.library = profileLibrary(plan);
    this.cluster = redis instanceof Cluster;
    this.keys = new ProfileKeys(this.prefix, this.cluster);
    this.offsets = snapshotOffsets(plan);
    this.commandTimeoutMs = options.commandTimeoutMs ?? 2_000;
  }

  /**
   * Connects to `target` (a URL, or a cluster's seed nodes) with auto-pipelining; `close()`
   * disconnects. A command that gets no answer within `commandTimeoutMs` fails instead of waiting
   * (a hung server must not hang scoring), and while the server is unreachable, commands fail
   * after two reconnection attempts.
   */
  static connect(target: RedisTarget, plan: ProfilePlan, options: RedisProfileStoreOptions = {}): RedisProfileStore {
    const redis = connectRedis(target, { commandTimeoutMs: options.commandTimeoutMs ?? 2_000, maxRetriesPerRequest: 2, enableAutoPipelining: true });
    return new RedisProfileStore(redis, plan, options, true);
  }

  async observe(event: ProfileEvent): Promise<ObserveResult> {
    const args: string[] = [String(event.createdAt)];
    for (const value of event.contribution) args.push(String(value));
    const located = Number.isFinite(event.latitude) && Number.isFinite(event.longitude);
    args.push(located ? String(event.latitude) : '', located ? String(event.longitude) : '');
    for (let role = 0; role < entityRoles.length; role++) args.push(event.entityIds[role] ?? '');
    args.push(String(this.transactionMemoryMs));
    args.push(event.ipCountry ?? '');
    args.push(event.accountChange === true ? '1' : '');
    const snapshot = new Float64Array(snapshotLength);
    if (!this.cluster) {
      const keys = this.plan.roles.map((role, index) => {
        const id = event.entityIds[index];
        return id === undefined ? this.keys.absent : this.keys.entity(role, event.tenantId, id);
      });
      keys.push(this.keys.transaction(event.tenantId, event.txId));
      const roles = this.plan.roles.map((_, index) => String(index + 1));
      const [remembered, packed] = (await this.call(this.library.observe, keys, [...args, ...roles])) as [number, Buffer];
      unpack(packed, snapshot, 0);
      return { snapshot, rescored: remembered === 1 };
    }
    // A cluster: the transaction's memory first (a re-score answers the first snapshot, whatever
    // entities it names now), then one call per entity, in parallel, each folding its entity and
    // remembering the transaction for it, so a retry after a partial failure counts no entity twice.
    const txKey = this.keys.transaction(event.tenantId, event.txId);
    if (this.transactionMemoryMs > 0) {
      const remembered = await this.redis.getBuffer(txKey);
      if (remembered !== null) {
        unpack(remembered, snapshot, 0);
        return { snapshot, rescored: true };
      }
    }
    const calls = this.plan.roles.map(async (role, index) => {
      const id = event.entityIds[index];
      if (id === undefined) {
        snapshot.fill(Number.NaN, this.offsets[index], this.offsets[index]! + role.queries.length);
        return true;
      }
      const key = this.keys.entity(role, event.tenantId, id);
      const keys = [key, this.keys.entityTransaction(key, event.tenantId, event.txId)];
      const [remembered, packed] = (await this.call(this.library.observe, keys, [...args, String(index + 1)])) as [number, Buffer];
      unpack(packed, snapshot, this.offsets[index]!);
      return remembered === 1;
    });
    // Re-scored when every entity remembered the transaction: nothing was counted again.
    const rescored = (await Promise.all(calls)).every(Boolean);
    if (this.transactionMemoryMs > 0) {
      // NX: of two concurrent first attempts, the memory keeps one (both answered the same slices).
      await this.redis.set(txKey, packDoubles(snapshot), 'PX', this.transactionMemoryMs, 'NX');
    }
    return { snapshot, rescored };
  }

  async applyLabel(label: LabelEvent): Promise<void> {
    const args = [label.transactionCreatedAt, label.labeledAt, label.fraudDelta, label.labeledDelta].map(String);
    const keys = [this.keys.entity(this.plan.roles[0]!, label.tenantId, label.senderId), this.keys.entity(this.plan.roles[1]!, label.tenantId, label.receiverId)];
    if (!this.cluster) {
      await this.call(this.library.label, keys, [...args, '1', '2']);
      return;
    }
    await Promise.all(keys.map((key, index) => this.call(this.library.label, [key], [...args, String(index + 1)])));
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit();
  }

  /** Deletes every key under this store's prefix (tests and tenant resets). */
  deleteAll(): Promise<number> {
    return deleteKeysWithPrefix(this.redis, this.prefix);
  }

  private async call(name: string, keys: string[], args: string[]): Promise<unknown> {
    // Generated command methods (ioredis' call/callBuffer lose the command name under auto-pipelining).
    const redis = this.redis as unknown as FunctionCommands;
    this.loaded ??= this.load();
    try {
      await this.loaded;
    } catch (error) {
      this.loaded = undefined;
      throw error;
    }
    try {
      return await redis.fcallBuffer(name, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !/function not found/i.test(error.message)) throw error;
      this.loaded = this.load();
      await this.loaded;
      return await redis.fcallBuffer(name, keys.length, ...keys, ...args);
    }
  }

  /** Loads the library on the primary, or on every primary of a cluster (functions are per node). */
  private load(): Promise<unknown> {
    const load = (client: FunctionCommands) => client.function('LOAD', 'REPLACE', this.library.source);
    if (!(this.redis instanceof Cluster)) return load(this.redis as unknown as FunctionCommands);
    const cluster = this.redis;
    const primaries = async () => {
      // The slot map is known once the client is ready; before that the node list is empty.
      if (cluster.status !== 'ready') await withDeadline(once(cluster, 'ready'), this.commandTimeoutMs);
      return cluster.nodes('master');
    };
    return primaries().then((nodes) => Promise.all(nodes.map((node) => load(node as unknown as FunctionCommands))));
  }
}

/** Copies a reply's packed little-endian doubles into the snapshot from `offset`. */
function unpack(packed: Buffer, snapshot: Float64Array, offset: number): void {
  for (let index = 0; index < packed.length / 8; index++) snapshot[offset + index] = packed.readDoubleLE(index * 8);
}

/** The snapshot as little-endian doubles, as the function library packs it. */
function packDoubles(snapshot: Float64Array): Buffer {
  const packed = Buffer.allocUnsafe(snapshot.length * 8);
  for (let index = 0; index < snapshot.length; index++) packed.writeDoubleLE(snapshot[index]!, index * 8);
  return packed;
}
