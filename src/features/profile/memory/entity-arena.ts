import type { RolePlan } from '../profile-plan.js';
import { emptyRingHead } from '../ring-fields.js';
import type { RecordLayout } from './record-layout.js';
import { RingSpills } from './ring-spills.js';
import { unspill } from './bucket-list.js';

/**
 * All entities of one role in one growable Float64Array, one record each (see record-layout.ts), and
 * the entries of rings that outgrew their record in {@link spills}. Maps from tenant to entity id to
 * record index (no key concatenation on the hot path) and a free list keep lookups O(1) and memory
 * bounded: idle entities are swept, their spilled entries freed and their records reused.
 */
export class EntityArena {
  readonly plan: RolePlan;
  readonly layout: RecordLayout;
  /** Doubles per entity record. */
  readonly stride: number;
  data: Float64Array;
  /** Entries of this role's rings that outgrew their record. */
  readonly spills = new RingSpills();
  /** Last transaction time per record, kept apart so sweeps scan 8 bytes per entity, not records. */
  private lastActive: Float64Array;
  private readonly tenants = new Map<string, Map<string, number>>();
  private live = 0;
  private readonly free: number[] = [];
  private used = 0;
  private readonly nextSerial: () => number;

  constructor(layout: RecordLayout, nextSerial: () => number, initialCapacity = 1024) {
    this.plan = layout.plan;
    this.layout = layout;
    this.nextSerial = nextSerial;
    this.stride = layout.stride;
    this.data = new Float64Array(initialCapacity * this.stride);
    this.lastActive = new Float64Array(initialCapacity);
  }

  /** Number of live entities. */
  get size(): number {
    return this.live;
  }

  /** Bytes held by the record array (allocated capacity, not only live records) and spilled ring entries. */
  get allocatedBytes(): number {
    return this.data.byteLength + this.spills.allocatedBytes;
  }

  /**
   * The record base of `key`, created if absent. An entity idle for the role's idle time is reset
   * first, so stale state never leaks into features between sweeps.
   */
  acquire(tenantId: string, id: string, now: number): number {
    let entities = this.tenants.get(tenantId);
    if (entities === undefined) {
      entities = new Map();
      this.tenants.set(tenantId, entities);
    }
    const existing = entities.get(id);
    if (existing !== undefined) {
      const base = existing * this.stride;
      if (!(this.lastActive[existing]! > now - this.plan.idleMs)) this.reset(existing);
      return base;
    }
    const record = this.free.pop() ?? this.grow();
    entities.set(id, record);
    this.live++;
    this.reset(record);
    return record * this.stride;
  }

  /** Records a transaction at `now` for the entity at record base `base`. */
  touch(base: number, now: number): void {
    const record = base / this.stride;
    if (!(this.lastActive[record]! >= now)) this.lastActive[record] = now;
  }

  /** Last transaction time of the entity at record base `base` (NaN when none). */
  lastActiveAt(base: number): number {
    return this.lastActive[base / this.stride]!;
  }

  /** True while the tenant has a live entity of this role. */
  hasTenant(tenantId: string): boolean {
    return this.tenants.has(tenantId);
  }

  /** The record base of a tenant's entity, or -1 when the role has no such entity. */
  find(tenantId: string, id: string): number {
    const record = this.tenants.get(tenantId)?.get(id);
    return record === undefined ? -1 : record * this.stride;
  }

  /**
   * Drops entities whose last transaction is at or before `now - idleMs`, where `now` is each
   * tenant's own time (`nowOf`): one tenant's clock never expires another tenant's entities.
   * Returns how many were dropped.
   */
  sweep(nowOf: (tenantId: string) => number): number {
    let dropped = 0;
    for (const [tenantId, entities] of this.tenants) {
      const cutoff = nowOf(tenantId) - this.plan.idleMs;
      for (const [id, record] of entities) {
        if (!(this.lastActive[record]! > cutoff)) {
          entities.delete(id);
          this.releaseSpills(record);
          this.free.push(record);
          dropped++;
        }
      }
      if (entities.size === 0) this.tenants.delete(tenantId);
    }
    this.live -= dropped;
    return dropped;
  }

  private releaseSpills(record: number): void {
    const base = record * this.stride;
    for (const ring of this.layout.rings) unspill(this.data, base, ring, this.spills);
  }

  private reset(record: number): void {
    const base = record * this.stride;
    this.releaseSpills(record);
    this.lastActive[record] = Number.NaN;
    this.data.fill(0, base, base + this.stride);
    this.data.fill(Number.NaN, base, base + this.plan.scalars.length);
    for (const ring of this.layout.rings) {
      this.data[base + ring.head] = emptyRingHead;
      this.data[base + ring.capacity] = ring.inlineSlots;
    }
    this.data[base + this.layout.serial] = this.nextSerial();
  }

  private grow(): number {
    const record = this.used++;
    if (record * this.stride >= this.data.length) {
      const larger = new Float64Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
      const lastActive = new Float64Array(this.lastActive.length * 2);
      lastActive.set(this.lastActive);
      this.lastActive = lastActive;
    }
    return record;
  }
}
