import { Redis } from 'ioredis';
import type { LabelEvent, ProfileEvent } from '../profile-event.js';
import type { ProfilePlan, RolePlan } from '../profile-plan.js';
import { tenantScopedKey, type ObserveResult, type ProfileStore } from '../profile-store.js';
import { entityRoles } from '../ring-fields.js';
import { snapshotLength } from '../snapshot-fields.js';
import { profileLibrary, type ProfileLibrary } from './lua-source.js';

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
 * The shared profile store for scaled deployments (`REDIS_URL`, Redis 7+): one FCALL round trip
 * per observe reads the state before the transaction and folds it atomically, so any number of API
 * processes can share profiles. Every key has a TTL (the role's idle time), so idle entities
 * disappear on their own. Works with one Redis primary (keys of one transaction span hash slots,
 * so Redis Cluster is not supported). The function library is loaded on first use and reloaded if
 * the server lost it (a restart without persistence).
 */
export class RedisProfileStore implements ProfileStore {
  readonly plan: ProfilePlan;
  private readonly prefix: string;
  private readonly transactionMemoryMs: number;
  private readonly library: ProfileLibrary;
  private loaded: Promise<unknown> | undefined;

  constructor(
    private readonly redis: Redis,
    plan: ProfilePlan,
    options: RedisProfileStoreOptions = {},
    private readonly ownsConnection = false,
  ) {
    this.plan = plan;
    this.prefix = options.keyPrefix ?? 'sentra:profile';
    this.transactionMemoryMs = options.transactionMemoryMs ?? 86_400_000;
    this.library = profileLibrary(plan);
  }

  /**
   * Connects to `url` with auto-pipelining; `close()` disconnects. A command that gets no answer
   * within `commandTimeoutMs` fails instead of waiting (a hung server must not hang scoring), and
   * while the server is unreachable, commands fail after two reconnection attempts.
   */
  static connect(url: string, plan: ProfilePlan, options: RedisProfileStoreOptions = {}): RedisProfileStore {
    const timeoutMs = options.commandTimeoutMs ?? 2_000;
    const redis = new Redis(url, { enableAutoPipelining: true, maxRetriesPerRequest: 2, commandTimeout: timeoutMs, connectTimeout: timeoutMs });
    // Connection errors reach the commands that fail because of them (503); the event itself is noise.
    redis.on('error', () => undefined);
    return new RedisProfileStore(redis, plan, options, true);
  }

  async observe(event: ProfileEvent): Promise<ObserveResult> {
    const keys = this.plan.roles.map((role, index) => {
      const id = event.entityIds[index];
      return id === undefined ? `${this.prefix}:absent` : this.entityKey(role, event.tenantId, id);
    });
    keys.push(`${this.prefix}:tx:${tenantScopedKey(event.tenantId, event.txId)}`);
    const args: string[] = [String(event.createdAt)];
    for (const value of event.contribution) args.push(String(value));
    const located = Number.isFinite(event.latitude) && Number.isFinite(event.longitude);
    args.push(located ? String(event.latitude) : '', located ? String(event.longitude) : '');
    for (let role = 0; role < entityRoles.length; role++) args.push(event.entityIds[role] ?? '');
    args.push(String(this.transactionMemoryMs));
    args.push(event.ipCountry ?? '');
    const reply = (await this.call(this.library.observe, keys, args)) as [number, Buffer];
    const snapshot = new Float64Array(snapshotLength);
    for (let index = 0; index < snapshotLength; index++) snapshot[index] = reply[1].readDoubleLE(index * 8);
    return { snapshot, rescored: reply[0] === 1 };
  }

  async applyLabel(label: LabelEvent): Promise<void> {
    const keys = [
      this.entityKey(this.plan.roles[0]!, label.tenantId, label.senderId),
      this.entityKey(this.plan.roles[1]!, label.tenantId, label.receiverId),
    ];
    const args = [label.transactionCreatedAt, label.labeledAt, label.fraudDelta, label.labeledDelta].map(String);
    await this.call(this.library.label, keys, args);
  }

  /** The key of an entity's state: its role, and the role's state version past the first (`sender@v2`). */
  private entityKey(role: RolePlan, tenantId: string, id: string): string {
    return `${this.prefix}:${role.role}${role.stateVersion > 1 ? `@v${role.stateVersion}` : ''}:${tenantScopedKey(tenantId, id)}`;
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit();
  }

  /** Deletes every key under this store's prefix (tests and tenant resets). */
  async deleteAll(): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (found.length > 0) deleted += await this.redis.unlink(...found);
    } while (cursor !== '0');
    return deleted;
  }

  private async call(name: string, keys: string[], args: string[]): Promise<unknown> {
    // Generated command methods (ioredis' call/callBuffer lose the command name under auto-pipelining).
    const redis = this.redis as unknown as FunctionCommands;
    this.loaded ??= redis.function('LOAD', 'REPLACE', this.library.source);
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
      this.loaded = redis.function('LOAD', 'REPLACE', this.library.source);
      await this.loaded;
      return await redis.fcallBuffer(name, keys.length, ...keys, ...args);
    }
  }
}
