import type { LabelEvent, ProfileEvent } from '../profile-event.js';
import { snapshotOffsets, type ProfilePlan } from '../profile-plan.js';
import type { ObserveResult, SyncProfileStore } from '../profile-store.js';
import { entityRoles, ringFieldIndex, ringFields, setMemberKinds } from '../ring-fields.js';
import { countryCode } from '../../codes.js';
import { snapshotLength } from '../snapshot-fields.js';
import { EntityArena } from './entity-arena.js';
import { memberSetAdd, memberSetQuery } from './member-set.js';
import { recordLayout } from './record-layout.js';
import { addToRing, advanceRing, readWindow } from './bucket-list.js';
import { TransactionMemory } from './transaction-memory.js';

const ipCountryKind = setMemberKinds.indexOf('ipCountry');

/** Options of the in-memory store. */
export interface MemoryProfileStoreOptions {
  /** How long a txId's first snapshot is remembered for re-scores (event time; default 24 h). */
  readonly transactionMemoryMs?: number;
  /** At most this many remembered transactions (default 100,000; 0 disables re-score detection). */
  readonly transactionMemoryCapacity?: number;
  /** Idle entities are swept at most this often (default 1 h), amortized over observations. */
  readonly sweepIntervalMs?: number;
  /**
   * The wall clock of a live server: sweeps then also run as it advances (not only as payment times
   * do, which one odd timestamp could stall), and a tenant's entities expire relative to the earlier
   * of its latest payment and this clock. Either way each tenant expires on its own time, never
   * another tenant's.
   */
  readonly wallClock?: () => number;
  /** Bucket entries each record keeps room for per ring before they spill (record-layout.ts; default 32). */
  readonly inlineRingSlots?: number;
}

/** Live entity counts and memory of the in-memory store. */
export interface MemoryStoreStats {
  readonly entities: Readonly<Record<string, number>>;
  readonly totalEntities: number;
  /** Bytes of allocated record arrays (capacity, including free records). */
  readonly allocatedBytes: number;
  /** Bytes of one entity record per role (rings, member sets, scalars). */
  readonly recordBytes: Readonly<Record<string, number>>;
  readonly rememberedTransactions: number;
}

/**
 * The embedded profile store: typed arrays per role, a synchronous fast path for replay, bounded
 * memory (windows expire, idle entities are swept, remembered transactions are capped). State lives
 * in this process only; on start it is rebuilt by replaying stored history (see engine/replay.ts).
 */
export class MemoryProfileStore implements SyncProfileStore {
  readonly plan: ProfilePlan;
  private readonly arenas: EntityArena[];
  private readonly offsets: number[];
  private readonly transactions: TransactionMemory;
  private readonly sweepIntervalMs: number;
  private readonly bases = new Int32Array(entityRoles.length);
  /** Per member kind (`setMemberKinds`), the transaction's member: an entity's serial, the IP country's code; 0 = none. */
  private readonly serials = new Float64Array(setMemberKinds.length);
  private readonly labelValues = new Float64Array(ringFields.length);
  private serialCounter = 0;
  private clock = Number.NEGATIVE_INFINITY;
  /** Latest event time per tenant: the time its entities expire against. */
  private readonly tenantClocks = new Map<string, number>();
  private readonly wallClock: (() => number) | undefined;
  private lastSweep = Number.NEGATIVE_INFINITY;
  private lastWallSweep = Number.NEGATIVE_INFINITY;
  private sinceSweep = 0;
  private sweepEvery = 0;

  constructor(plan: ProfilePlan, options: MemoryProfileStoreOptions = {}) {
    this.plan = plan;
    const nextSerial = (): number => ++this.serialCounter;
    this.arenas = plan.roles.map((role) => new EntityArena(recordLayout(role, options.inlineRingSlots), nextSerial));
    this.offsets = snapshotOffsets(plan);
    this.transactions = new TransactionMemory(options.transactionMemoryMs ?? 86_400_000, options.transactionMemoryCapacity ?? 100_000, snapshotLength);
    this.sweepIntervalMs = options.sweepIntervalMs ?? 3_600_000;
    this.wallClock = options.wallClock;
  }

  observe(event: ProfileEvent): Promise<ObserveResult> {
    const snapshot = new Float64Array(snapshotLength);
    const rescored = this.observeSync(event, snapshot);
    return Promise.resolve({ snapshot, rescored });
  }

  applyLabel(label: LabelEvent): Promise<void> {
    this.applyLabelSync(label);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  observeSync(event: ProfileEvent, snapshot: Float64Array): boolean {
    const now = event.createdAt;
    if (now > this.clock) this.clock = now;
    const tenantClock = this.tenantClocks.get(event.tenantId);
    if (tenantClock === undefined || now > tenantClock) this.tenantClocks.set(event.tenantId, now);
    // Amortized: a sweep visits every entity, so it waits for as many observations as a quarter of them.
    if (++this.sinceSweep >= this.sweepEvery && this.sweepDue()) this.sweep();
    if (this.transactions.recall(event.tenantId, event.txId, snapshot)) return true;
    for (let role = 0; role < this.arenas.length; role++) {
      const id = event.entityIds[role];
      const arena = this.arenas[role]!;
      if (id === undefined) {
        this.bases[role] = -1;
        this.serials[role] = 0;
        continue;
      }
      const base = arena.acquire(event.tenantId, id, now);
      this.bases[role] = base;
      this.serials[role] = arena.data[base + arena.layout.serial]!;
      for (const ring of arena.layout.rings) advanceRing(arena.data, base, ring, Math.floor(now / ring.bucketMs), arena.spills);
    }
    this.serials[ipCountryKind] = event.ipCountry === undefined ? 0 : countryCode(event.ipCountry);
    for (let role = 0; role < this.arenas.length; role++) this.query(role, now, snapshot);
    for (let role = 0; role < this.arenas.length; role++) this.update(role, event);
    this.transactions.remember(event.tenantId, event.txId, snapshot, now);
    return false;
  }

  applyLabelSync(label: LabelEvent): void {
    const values = this.labelValues;
    values[ringFieldIndex.fraudKnown] = label.fraudDelta;
    values[ringFieldIndex.labeledKnown] = label.labeledDelta;
    this.applyLabelTo(0, label.senderId, label);
    this.applyLabelTo(1, label.receiverId, label);
  }

  /**
   * Drops idle entities now (also done automatically as time advances), each tenant's against its
   * own latest payment (capped by the wall clock when there is one).
   */
  sweep(): void {
    const wallNow = this.wallClock?.();
    const nowOf = (tenantId: string): number => {
      const tenantNow = this.tenantClocks.get(tenantId) ?? Number.NEGATIVE_INFINITY;
      return wallNow === undefined ? tenantNow : Math.min(tenantNow, wallNow);
    };
    let live = 0;
    for (const arena of this.arenas) {
      arena.sweep(nowOf);
      live += arena.size;
    }
    for (const tenantId of this.tenantClocks.keys()) {
      if (!this.arenas.some((arena) => arena.hasTenant(tenantId))) this.tenantClocks.delete(tenantId);
    }
    this.lastSweep = this.clock;
    if (wallNow !== undefined) this.lastWallSweep = wallNow;
    this.sinceSweep = 0;
    this.sweepEvery = live >> 2;
  }

  /** A sweep interval has passed in event time (replay) or on the wall clock (a live server). */
  private sweepDue(): boolean {
    if (this.clock - this.lastSweep >= this.sweepIntervalMs) return true;
    return this.wallClock !== undefined && this.wallClock() - this.lastWallSweep >= this.sweepIntervalMs;
  }

  /** Entity counts and memory use. */
  stats(): MemoryStoreStats {
    const entities: Record<string, number> = {};
    const recordBytes: Record<string, number> = {};
    let totalEntities = 0;
    let allocatedBytes = 0;
    for (const arena of this.arenas) {
      entities[arena.plan.role] = arena.size;
      recordBytes[arena.plan.role] = arena.stride * 8;
      totalEntities += arena.size;
      allocatedBytes += arena.allocatedBytes;
    }
    return { entities, totalEntities, allocatedBytes, recordBytes, rememberedTransactions: this.transactions.size };
  }

  private query(role: number, now: number, snapshot: Float64Array): void {
    const arena = this.arenas[role]!;
    const layout = arena.layout;
    const base = this.bases[role]!;
    const offset = this.offsets[role]!;
    if (base < 0) {
      snapshot.fill(Number.NaN, offset, offset + layout.plan.queries.length);
      return;
    }
    const data = arena.data;
    for (const window of layout.windows) {
      const ring = layout.rings[window.ring]!;
      snapshot[offset + window.position] = readWindow(data, base, ring, window, Math.floor(now / ring.bucketMs), arena.spills);
    }
    for (const read of layout.scalarReads) snapshot[offset + read.position] = data[base + read.scalar]!;
    for (const set of layout.sets) memberSetQuery(data, base + set.used, base + set.pairs, set, this.serials[set.memberRole]!, now, snapshot, offset);
  }

  private update(role: number, event: ProfileEvent): void {
    const base = this.bases[role]!;
    if (base < 0) return;
    const arena = this.arenas[role]!;
    const layout = arena.layout;
    const data = arena.data;
    const now = event.createdAt;
    for (const ring of layout.rings) addToRing(data, base, ring, Math.floor(now / ring.bucketMs), event.contribution, arena.spills);
    arena.touch(base, now);
    if (!(data[base]! >= now)) data[base] = now;
    if (layout.plan.scalars.length > 1) {
      if (!(data[base + 1]! >= now)) data[base + 1] = now;
      if (Number.isFinite(event.latitude) && Number.isFinite(event.longitude) && !(data[base + 4]! > now)) {
        data[base + 2] = event.latitude;
        data[base + 3] = event.longitude;
        data[base + 4] = now;
      }
      if (event.accountChange === true && !(data[base + 5]! > now)) data[base + 5] = now;
    }
    for (const set of layout.sets) memberSetAdd(data, base + set.used, base + set.pairs, set.spec, this.serials[set.memberRole]!, now);
  }

  private applyLabelTo(role: number, id: string, label: LabelEvent): void {
    const arena = this.arenas[role]!;
    const plan = arena.plan;
    if (plan.labelRing < 0) return;
    const base = arena.find(label.tenantId, id);
    if (base < 0 || !(arena.lastActiveAt(base) > label.labeledAt - plan.idleMs)) return;
    const ring = arena.layout.rings[plan.labelRing]!;
    addToRing(arena.data, base, ring, Math.floor(label.transactionCreatedAt / ring.bucketMs), this.labelValues, arena.spills);
  }
}
