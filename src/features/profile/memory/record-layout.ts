import type { MemberSetSpec, RolePlan } from '../profile-plan.js';
import { ringFieldIndex, setMemberKinds } from '../ring-fields.js';

/*
 * The in-memory layout of one role's entity record (a slice of the role's Float64Array):
 * scalars | serial | per member set: used-pair count | per ring: head, start position, entry
 * count, edge cursors, segment totals | per ring: bucket entries | per member set: pairs.
 * What every transaction reads and writes (scalars, serial, set sizes, ring headers) is
 * contiguous at the start, so it spans few cache lines.
 * A ring is cut into segments at every window edge, so a bucket moves between segment totals once
 * per edge in its lifetime and a window total is the sum of a few segments (see bucket-list.ts).
 * A record keeps room for at most {@link inlineRingSlots} bucket entries per ring. A ring whose
 * entries outgrow it (a busy merchant's hourly ring over 37 days has up to 889) moves them to an
 * array of its own, doubled as needed (ring-spills.ts), and back into the record once it empties:
 * most receivers pay for the buckets they use, not for every bucket of the ring's span.
 * The Redis script keeps a dense ring and one running total per window instead; ring fields are
 * integers, so both give exact, equal totals.
 */

/** Bucket entries a record keeps room for per ring (a ring of fewer slots keeps room for all). */
export const inlineRingSlots = 32;

/** One ring of a record. */
export interface RingLayout {
  readonly bucketMs: number;
  readonly slots: number;
  /** Fields per bucket (and per segment total). */
  readonly width: number;
  /** Entries the record's own room holds: the ring's capacity until it spills. */
  readonly inlineSlots: number;
  /** Position of the ring's current capacity in entries (inlineSlots … slots). */
  readonly capacity: number;
  /** Position of the ring's spill id (ring-spills.ts), 0 while its entries are in the record. */
  readonly spill: number;
  readonly head: number;
  /** Position (0 … slots - 1) of the oldest entry. */
  readonly start: number;
  /** Number of entries. */
  readonly count: number;
  /** Per edge, the offset (from the oldest entry) of the first entry not older than the edge. */
  readonly cursors: number;
  readonly segments: number;
  /** Position of the record's room for entries. */
  readonly entries: number;
  /** Doubles per entry: the bucket index and the fields. */
  readonly entrySize: number;
  /** Segment s covers bucket ages (edges[s-1], edges[s]]; the last edge is slots - 1. */
  readonly edges: Int32Array;
  /** Contribution-vector index of each field. */
  readonly contribution: Int32Array;
}

/** A window query: the sum of segment totals [firstSegment, lastSegment] of one field. */
export interface WindowRead {
  readonly position: number;
  readonly ring: number;
  readonly field: number;
  readonly firstSegment: number;
  readonly lastSegment: number;
  readonly from: number;
  readonly to: number;
}

/** A member set and all its queries (answered in one pass). */
export interface SetLayout {
  readonly spec: MemberSetSpec;
  /** Position of the used-pair count. */
  readonly used: number;
  /** Position of the first pair. */
  readonly pairs: number;
  /** Index of the member kind in `setMemberKinds`: which of the transaction's member ids the set holds. */
  readonly memberRole: number;
  readonly countPositions: Int32Array;
  readonly countWindows: Float64Array;
  /** Position of the membership flag, or -1. */
  readonly containsPosition: number;
}

/** Everything the in-memory store needs about one role, resolved once. */
export interface RecordLayout {
  readonly plan: RolePlan;
  readonly stride: number;
  readonly rings: readonly RingLayout[];
  readonly windows: readonly WindowRead[];
  readonly scalarReads: readonly { readonly position: number; readonly scalar: number }[];
  readonly sets: readonly SetLayout[];
  readonly serial: number;
}

/** Computes the record layout of a role plan; `inlineSlots` is the room per ring (tests make it small). */
export function recordLayout(plan: RolePlan, inlineSlots = inlineRingSlots): RecordLayout {
  let offset = plan.scalars.length;
  const serial = offset++;
  const setSizes = plan.sets.map(() => offset++);
  const headers = plan.rings.map((ring, index) => {
    const edgeSet = new Set<number>([ring.slots - 1]);
    for (const window of plan.windows) {
      if (window.ring !== index || window.from < window.to) continue;
      edgeSet.add(window.from);
      if (window.to > 0) edgeSet.add(window.to - 1);
    }
    const edges = Int32Array.from([...edgeSet].sort((left, right) => left - right));
    const width = ring.fields.length;
    // Capacity and spill come first: advancing the ring clears from `start` on.
    const header = { capacity: offset, spill: offset + 1, head: offset + 2, start: offset + 3, count: offset + 4, cursors: offset + 5, segments: offset + 5 + edges.length, edges, width };
    offset = header.segments + edges.length * width;
    return header;
  });
  const rings = plan.rings.map((ring, index): RingLayout => {
    const header = headers[index]!;
    const entries = offset;
    const room = Math.min(ring.slots, inlineSlots);
    offset += room * (1 + header.width);
    return {
      ...header,
      bucketMs: ring.bucketMs,
      slots: ring.slots,
      inlineSlots: room,
      entries,
      entrySize: 1 + header.width,
      contribution: Int32Array.from(ring.fields, (field) => ringFieldIndex[field]),
    };
  });
  const windows: WindowRead[] = [];
  const scalarReads: { position: number; scalar: number }[] = [];
  const sets = plan.sets.map((spec, index) => {
    const set = { spec, used: setSizes[index]!, pairs: offset, memberRole: setMemberKinds.indexOf(spec.memberRole), countPositions: [] as number[], countWindows: [] as number[], containsPosition: -1 };
    offset += 2 * spec.capacity;
    return set;
  });
  const setLayouts = (): SetLayout[] =>
    sets.map((set) => ({ ...set, countPositions: Int32Array.from(set.countPositions), countWindows: Float64Array.from(set.countWindows) }));
  plan.queries.forEach((query, position) => {
    switch (query.type) {
      case 'window': {
        const { ring, from, to } = plan.windows[query.window]!;
        const edges = Array.from(rings[ring]!.edges);
        const firstSegment = to === 0 ? 0 : edges.indexOf(to - 1) + 1;
        const lastSegment = from < to ? -1 : edges.indexOf(from);
        windows.push({ position, ring, field: query.slot, firstSegment, lastSegment, from, to });
        break;
      }
      case 'scalar':
        scalarReads.push({ position, scalar: query.scalar });
        break;
      case 'setCount':
        sets[query.set]!.countPositions.push(position);
        sets[query.set]!.countWindows.push(query.windowMs);
        break;
      case 'setContains':
        sets[query.set]!.containsPosition = position;
        break;
    }
  });
  return { plan, stride: offset, rings, windows, scalarReads, sets: setLayouts(), serial };
}
