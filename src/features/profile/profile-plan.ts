import type { EntityRole, RingField, ScalarName, SetMemberKind } from './ring-fields.js';
import { snapshotFieldNames, type SnapshotField } from './snapshot-fields.js';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** A circular buffer of time buckets; bucket index = floor(time / bucketMs). */
export interface RingSpec {
  readonly bucketMs: number;
  readonly slots: number;
  readonly fields: readonly RingField[];
}

/** A capped set of related entities with the time each was last seen (distinct counts, first-seen flags). */
export interface MemberSetSpec {
  readonly memberRole: SetMemberKind;
  readonly capacity: number;
  /** Members last seen at or before `now - retentionMs` are forgotten. */
  readonly retentionMs: number;
}

/**
 * A bucket range [idx(now) - from, idx(now) - to] of a ring whose fields are totalled incrementally:
 * the totals move with the ring head, so reading a window costs O(1).
 */
export interface WindowSpec {
  readonly ring: number;
  readonly from: number;
  readonly to: number;
}

/**
 * One raw aggregate read before the update. `window` reads the total of field `slot` of the
 * window's ring over the window's buckets (only buckets the ring still holds; an empty range,
 * from < to, totals 0). `setCount` counts members seen after `now - windowMs`, counting the
 * transaction's own member once; `setContains` is 1 when the transaction's member was seen within
 * the set's retention.
 */
export type ProfileQuery =
  | { readonly type: 'window'; readonly window: number; readonly slot: number }
  | { readonly type: 'setCount'; readonly set: number; readonly windowMs: number }
  | { readonly type: 'setContains'; readonly set: number }
  | { readonly type: 'scalar'; readonly scalar: number };

/** The state layout, queries and retention of one entity role. */
export interface RolePlan {
  readonly role: EntityRole;
  /**
   * Version of the role's stored state layout (scalars, rings, member sets): bump it when they
   * change, so a shared store keys the new layout apart and never decodes state of the old one.
   */
  readonly stateVersion: number;
  /** An entity whose last transaction is at or before `now - idleMs` is treated as new (and garbage collected). */
  readonly idleMs: number;
  readonly scalars: readonly ScalarName[];
  readonly rings: readonly RingSpec[];
  /** Offset of each ring's head (its newest bucket index) in the state vector; slots follow it. */
  readonly ringOffsets: readonly number[];
  readonly windows: readonly WindowSpec[];
  /** Per ring, the windows over it. */
  readonly ringWindows: readonly (readonly number[])[];
  /** Offset of each window's totals (one per field of its ring) in the state vector. */
  readonly windowOffsets: readonly number[];
  /** Length of the state vector (scalars, rings, window totals; member sets are stored separately). */
  readonly stateLength: number;
  readonly sets: readonly MemberSetSpec[];
  /** Index of the ring that receives labels, or -1. */
  readonly labelRing: number;
  readonly queries: readonly ProfileQuery[];
}

/** Options that shape the profile state. */
export interface ProfilePlanOptions {
  /**
   * Label delay d of the handbook's terminal-risk features, in whole days (default 7): the
   * delayed receiver windows end d days before the transaction, when labels are assumed known.
   */
  readonly labelDelayDays?: number;
}

/** Every role's plan, in `entityRoles` order, and the options they were built from. */
export interface ProfilePlan {
  readonly roles: readonly RolePlan[];
  readonly labelDelayMs: number;
}

const minute5: RingSpec = { bucketMs: 5 * minuteMs, slots: 12, fields: ['count', 'amountCents'] };
const hour: RingSpec = { bucketMs: hourMs, slots: 24, fields: ['count', 'amountCents'] };
const hour6: RingSpec = { bucketMs: 6 * hourMs, slots: 28, fields: ['count', 'amountCents'] };
const day: RingSpec = { bucketMs: dayMs, slots: 30, fields: ['count', 'amountCents'] };
const senderDay: RingSpec = {
  bucketMs: dayMs,
  slots: 30,
  fields: ['count', 'amountCents', 'amountDimesSquare', 'hourSineMillionths', 'hourCosineMillionths', 'fraudKnown'],
};

/** Collects the queries of a role, creating one window per distinct (ring, from, to). */
class QueryBuilder {
  readonly queries: ProfileQuery[] = [];
  readonly windows: WindowSpec[] = [];

  constructor(readonly rings: readonly RingSpec[]) {}

  /** Total of `field` over [idx(now) - from, idx(now) - to] (one window per distinct range). */
  sum(ring: number, field: RingField, from: number, to: number): this {
    const slot = this.rings[ring]!.fields.indexOf(field);
    if (slot < 0) throw new Error(`ring ${ring} has no field ${field}`);
    let window = this.windows.findIndex((candidate) => candidate.ring === ring && candidate.from === from && candidate.to === to);
    if (window < 0) window = this.windows.push({ ring, from, to }) - 1;
    this.queries.push({ type: 'window', window, slot });
    return this;
  }

  /** Count and amount over the current bucket and the `buckets - 1` before it. */
  velocity(ring: number, buckets: number): this {
    return this.sum(ring, 'count', buckets - 1, 0).sum(ring, 'amountCents', buckets - 1, 0);
  }

  distinct(set: number, ...windows: number[]): this {
    for (const windowMs of windows) this.queries.push({ type: 'setCount', set, windowMs });
    return this;
  }

  contains(set: number): this {
    this.queries.push({ type: 'setContains', set });
    return this;
  }

  scalar(...scalars: number[]): this {
    for (const scalar of scalars) this.queries.push({ type: 'scalar', scalar });
    return this;
  }
}

function layout(role: EntityRole, idleMs: number, scalars: readonly ScalarName[], builder: QueryBuilder) {
  const rings = builder.rings;
  // Bucket occupancy is read from the first field: a bucket with count 0 holds nothing.
  if (rings.some((ring) => ring.fields[0] !== 'count')) throw new Error(`every ring of ${role} must start with count`);
  const ringOffsets: number[] = [];
  let offset = scalars.length;
  for (const ring of rings) {
    ringOffsets.push(offset);
    offset += 1 + ring.slots * ring.fields.length;
  }
  const windowOffsets: number[] = [];
  for (const window of builder.windows) {
    windowOffsets.push(offset);
    offset += rings[window.ring]!.fields.length;
  }
  const ringWindows = rings.map((_, ring) => builder.windows.flatMap((window, index) => (window.ring === ring ? [index] : [])));
  return { role, stateVersion: 1, idleMs, scalars, rings, ringOffsets, windows: builder.windows, ringWindows, windowOffsets, stateLength: offset, queries: builder.queries };
}

function senderPlan(): RolePlan {
  const scalars: ScalarName[] = ['lastActiveAt', 'lastTransactionAt', 'lastLatitude', 'lastLongitude', 'lastLocationAt', 'lastAccountChangeAt'];
  const sets: MemberSetSpec[] = [
    { memberRole: 'device', capacity: 16, retentionMs: 30 * dayMs },
    { memberRole: 'ip', capacity: 16, retentionMs: 30 * dayMs },
    { memberRole: 'receiver', capacity: 32, retentionMs: 30 * dayMs },
    // The countries the user was seen in, by IP address: a login or payment from a new one is NEW_COUNTRY.
    { memberRole: 'ipCountry', capacity: 16, retentionMs: 30 * dayMs },
  ];
  const builder = new QueryBuilder([minute5, hour, hour6, senderDay]).velocity(0, 12).velocity(1, 24).velocity(2, 28).velocity(3, 30);
  for (const field of ['amountDimesSquare', 'hourSineMillionths', 'hourCosineMillionths', 'fraudKnown'] as const) builder.sum(3, field, 29, 0);
  builder.scalar(1, 2, 3, 4, 5);
  for (let set = 0; set < sets.length; set++) builder.distinct(set, dayMs, 30 * dayMs).contains(set);
  // Version 2 added the IP-country set, version 3 the last account change.
  return { ...layout('sender', 30 * dayMs, scalars, builder), stateVersion: 3, sets, labelRing: 3 };
}

function receiverPlan(labelDelayMs: number): RolePlan {
  // Hourly buckets: the handbook's windows are exact in time, and a window edge on a 6-hour grid
  // moved the 1-day terminal risk by up to a quarter of its span.
  const labelBucketMs = hourMs;
  const delayBuckets = labelDelayMs / labelBucketMs;
  const labelSlots = delayBuckets + (30 * dayMs) / labelBucketMs + 1;
  const labelRing: RingSpec = { bucketMs: labelBucketMs, slots: labelSlots, fields: ['count', 'amountCents', 'fraudKnown', 'labeledKnown'] };
  const builder = new QueryBuilder([minute5, hour, labelRing])
    .velocity(0, 12)
    .velocity(1, 24)
    .velocity(2, (7 * dayMs) / labelBucketMs)
    .velocity(2, (30 * dayMs) / labelBucketMs);
  const widths = [1, 7, 30].map((days) => (days * dayMs) / labelBucketMs);
  // The delayed windows end with the bucket that holds now − delay, so a label that arrived one
  // delay after its payment counts from that moment, not up to a bucket later.
  for (const width of widths) {
    builder.sum(2, 'count', delayBuckets + width - 1, delayBuckets).sum(2, 'fraudKnown', delayBuckets + width - 1, delayBuckets);
  }
  for (const width of widths) {
    builder
      .sum(2, 'fraudKnown', width - 1, 0)
      .sum(2, 'count', width - 1, delayBuckets + 1)
      .sum(2, 'labeledKnown', Math.min(width - 1, delayBuckets), 0);
  }
  // Version 2: the delayed windows end with the bucket of now − delay (they ended one bucket before).
  // Version 3: hourly label buckets (they were 6 hours).
  return { ...layout('receiver', labelSlots * labelBucketMs, ['lastActiveAt'], builder), stateVersion: 3, sets: [], labelRing: 2 };
}

function networkPlan(role: 'device' | 'ip'): RolePlan {
  const sets: MemberSetSpec[] = [{ memberRole: 'sender', capacity: 32, retentionMs: 30 * dayMs }];
  const builder = new QueryBuilder([minute5, hour, hour6, day]).velocity(0, 12).velocity(1, 24).velocity(2, 28).velocity(3, 30).distinct(0, dayMs, 30 * dayMs);
  return { ...layout(role, 30 * dayMs, ['lastActiveAt'], builder), sets, labelRing: -1 };
}

function sessionPlan(): RolePlan {
  const sets: MemberSetSpec[] = [
    { memberRole: 'ip', capacity: 8, retentionMs: dayMs },
    { memberRole: 'device', capacity: 8, retentionMs: dayMs },
  ];
  const builder = new QueryBuilder([minute5, hour]).velocity(0, 12).velocity(1, 24).distinct(0, dayMs).distinct(1, dayMs);
  return { ...layout('session', dayMs, ['lastActiveAt'], builder), sets, labelRing: -1 };
}

/**
 * Builds the plan every store executes. The query order must match `snapshotFieldNames`; the
 * count is checked here so a plan and the snapshot names cannot drift apart silently.
 */
export function buildProfilePlan(options: ProfilePlanOptions = {}): ProfilePlan {
  const labelDelayDays = options.labelDelayDays ?? 7;
  if (!Number.isInteger(labelDelayDays) || labelDelayDays < 1 || labelDelayDays > 90) {
    throw new RangeError(`labelDelayDays must be an integer from 1 to 90, got ${labelDelayDays}`);
  }
  const labelDelayMs = labelDelayDays * dayMs;
  const roles = [senderPlan(), receiverPlan(labelDelayMs), networkPlan('device'), networkPlan('ip'), sessionPlan()];
  const total = roles.reduce((sum, plan) => sum + plan.queries.length, 0);
  if (total !== snapshotFieldNames.length) throw new Error(`profile plan has ${total} queries, snapshot has ${snapshotFieldNames.length}`);
  return { roles, labelDelayMs };
}

/** Offset in the snapshot of the first query of each role. */
export function snapshotOffsets(plan: ProfilePlan): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const role of plan.roles) {
    offsets.push(offset);
    offset += role.queries.length;
  }
  return offsets;
}

/** Names of the snapshot fields one role fills, for checks and documentation. */
export function roleSnapshotFields(plan: ProfilePlan, role: EntityRole): SnapshotField[] {
  const offsets = snapshotOffsets(plan);
  const index = plan.roles.findIndex((candidate) => candidate.role === role);
  return snapshotFieldNames.slice(offsets[index], offsets[index]! + plan.roles[index]!.queries.length);
}
