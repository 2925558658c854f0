import { emptyRingHead } from '../ring-fields.js';
import type { RingLayout, WindowRead } from './record-layout.js';
import type { RingSpills } from './ring-spills.js';

/*
 * A ring stored as the list of its non-empty buckets, oldest first, in a circular buffer of
 * `capacity` entries (bucket index, then the fields): the record's own room, or a spill array once
 * the ring outgrew it (record-layout.ts). Segment totals are cut at every window edge (bucket ages);
 * cursor e is the offset of the first entry not older than edge e. Advancing the head moves each
 * cursor over the entries that crossed its edge, so a transaction only touches the buckets whose
 * segment changes, and a sparse entity only its few entries. The last edge is the ring's end:
 * entries past it are dropped.
 */

/** Where the entries of the ring last located are: their array, the first entry's address, the capacity. */
let area: Float64Array = new Float64Array(0);
let origin = 0;
let capacity = 0;

/** Points {@link area}, {@link origin} and {@link capacity} at the entries of a record's ring. */
function locate(data: Float64Array, base: number, ring: RingLayout, spills: RingSpills): void {
  const spill = data[base + ring.spill]!;
  if (spill === 0) {
    area = data;
    origin = base + ring.entries;
  } else {
    area = spills.get(spill);
    origin = 0;
  }
  capacity = data[base + ring.capacity]!;
}

/** Address in {@link area} of the entry `offset` places after the oldest one. */
function entryAt(ring: RingLayout, start: number, offset: number): number {
  let position = start + offset;
  if (position >= capacity) position -= capacity;
  return origin + position * ring.entrySize;
}

function segmentOf(edges: Int32Array, age: number): number {
  let segment = 0;
  while (edges[segment]! < age) segment++;
  return segment;
}

/** Moves a full ring's entries, oldest first, to a spill array twice as large (at most `slots`). */
function grow(data: Float64Array, base: number, ring: RingLayout, spills: RingSpills): void {
  const start = data[base + ring.start]!;
  const count = data[base + ring.count]!;
  const larger = Math.min(ring.slots, capacity * 2);
  const entries = new Float64Array(larger * ring.entrySize);
  for (let offset = 0; offset < count; offset++) {
    const entry = entryAt(ring, start, offset);
    entries.set(area.subarray(entry, entry + ring.entrySize), offset * ring.entrySize);
  }
  data[base + ring.spill] = spills.put(data[base + ring.spill]!, entries);
  data[base + ring.capacity] = larger;
  data[base + ring.start] = 0;
  locate(data, base, ring, spills);
}

/** Gives a spilled ring's array back and returns its entries to the record's room (the ring must be empty); nothing for a ring in its record. */
export function unspill(data: Float64Array, base: number, ring: RingLayout, spills: RingSpills): void {
  if (data[base + ring.spill] === 0) return;
  spills.release(data[base + ring.spill]!);
  data[base + ring.spill] = 0;
  data[base + ring.capacity] = ring.inlineSlots;
}

/** Moves the head to bucket `index` when newer, updating cursors and segment totals. */
export function advanceRing(data: Float64Array, base: number, ring: RingLayout, index: number, spills: RingSpills): void {
  const head = data[base + ring.head]!;
  if (head !== emptyRingHead && index <= head) return;
  data[base + ring.head] = index;
  const { edges, width } = ring;
  if (head === emptyRingHead || index - head >= ring.slots) {
    data.fill(0, base + ring.start, base + ring.segments + edges.length * width);
    unspill(data, base, ring, spills);
    return;
  }
  locate(data, base, ring, spills);
  const start = data[base + ring.start]!;
  const count = data[base + ring.count]!;
  for (let edge = 0; edge < edges.length; edge++) {
    const threshold = index - edges[edge]!;
    const cursorAt = base + ring.cursors + edge;
    let cursor = data[cursorAt]!;
    const from = base + ring.segments + edge * width;
    const to = edge + 1 < edges.length ? from + width : -1;
    while (cursor < count) {
      const entry = entryAt(ring, start, cursor);
      if (area[entry]! >= threshold) break;
      for (let field = 0; field < width; field++) {
        const value = area[entry + 1 + field]!;
        data[from + field] = data[from + field]! - value;
        if (to >= 0) data[to + field] = data[to + field]! + value;
      }
      cursor++;
    }
    data[cursorAt] = cursor;
  }
  const dropped = data[base + ring.cursors + edges.length - 1]!;
  if (dropped === 0) return;
  let newStart = start + dropped;
  if (newStart >= capacity) newStart -= capacity;
  data[base + ring.start] = newStart;
  data[base + ring.count] = count - dropped;
  for (let edge = 0; edge < edges.length; edge++) data[base + ring.cursors + edge] = data[base + ring.cursors + edge]! - dropped;
  if (dropped === count && data[base + ring.spill] !== 0) {
    unspill(data, base, ring, spills);
    data[base + ring.start] = 0;
  }
}

/**
 * Adds `values` (a contribution vector) to bucket `bucket` and its segment. Ignored when the bucket
 * is newer than the head or older than the ring; a label (no count) is also ignored for a bucket
 * without transactions, whose transaction is not in this profile.
 */
export function addToRing(data: Float64Array, base: number, ring: RingLayout, bucket: number, values: Float64Array, spills: RingSpills): void {
  const head = data[base + ring.head]!;
  if (head === emptyRingHead || bucket > head || bucket <= head - ring.slots) return;
  const { width, contribution, edges } = ring;
  locate(data, base, ring, spills);
  let start = data[base + ring.start]!;
  const count = data[base + ring.count]!;
  let offset = count;
  while (offset > 0 && area[entryAt(ring, start, offset - 1)]! > bucket) offset--;
  let entry: number;
  if (offset > 0 && area[entryAt(ring, start, offset - 1)] === bucket) {
    entry = entryAt(ring, start, offset - 1);
  } else {
    if (values[contribution[0]!] === 0) return;
    if (count === capacity) {
      grow(data, base, ring, spills);
      start = 0;
    }
    for (let later = count; later > offset; later--) {
      const target = entryAt(ring, start, later);
      const source = entryAt(ring, start, later - 1);
      for (let field = 0; field < ring.entrySize; field++) area[target + field] = area[source + field]!;
    }
    entry = entryAt(ring, start, offset);
    area[entry] = bucket;
    for (let field = 0; field < width; field++) area[entry + 1 + field] = 0;
    data[base + ring.count] = count + 1;
    const age = head - bucket;
    for (let edge = 0; edge < edges.length; edge++) {
      const cursor = data[base + ring.cursors + edge]!;
      if (cursor > offset || (cursor === offset && age > edges[edge]!)) data[base + ring.cursors + edge] = cursor + 1;
    }
  }
  const segment = base + ring.segments + segmentOf(edges, head - bucket) * width;
  for (let field = 0; field < width; field++) {
    const value = values[contribution[field]!]!;
    area[entry + 1 + field] = area[entry + 1 + field]! + value;
    data[segment + field] = data[segment + field]! + value;
  }
}

/** The total of one field over a window at bucket `nowIndex`. */
export function readWindow(data: Float64Array, base: number, ring: RingLayout, window: WindowRead, nowIndex: number, spills: RingSpills): number {
  const head = data[base + ring.head]!;
  if (head === emptyRingHead || window.lastSegment < 0) return 0;
  let total = 0;
  if (head === nowIndex) {
    const segments = base + ring.segments + window.field;
    for (let segment = window.firstSegment; segment <= window.lastSegment; segment++) total += data[segments + segment * ring.width]!;
    return total;
  }
  // An event older than the head (out of order): sum its window's buckets as of its own time.
  const low = nowIndex - window.from;
  const high = nowIndex - window.to;
  locate(data, base, ring, spills);
  const start = data[base + ring.start]!;
  const count = data[base + ring.count]!;
  for (let offset = 0; offset < count; offset++) {
    const entry = entryAt(ring, start, offset);
    if (area[entry]! >= low && area[entry]! <= high) total += area[entry + 1 + window.field]!;
  }
  return total;
}
