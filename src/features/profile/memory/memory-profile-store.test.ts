import { describe, expect, it } from 'vitest';
import { buildContribution } from '../profile-event.js';
import { buildProfilePlan } from '../profile-plan.js';
import { snapshotFieldNames, snapshotIndex, snapshotLength } from '../snapshot-fields.js';
import { recordLayout } from './record-layout.js';
import { memberSetAdd, memberSetQuery } from './member-set.js';
import { MemoryProfileStore } from './memory-profile-store.js';

const day = 86_400_000;
const start = Date.UTC(2025, 0, 6);

function event(txId: string, createdAt: number, sender: string, device?: string, tenantId = 't', receiver = 'receiver') {
  return {
    tenantId,
    txId,
    createdAt,
    entityIds: [sender, receiver, device, undefined, undefined],
    contribution: buildContribution({ amountUsd: 10, localHour: 12 }),
    latitude: Number.NaN,
    longitude: Number.NaN,
  };
}

describe('MemoryProfileStore', () => {
  it('sweeps entities idle past their idle time and reuses their records', () => {
    const store = new MemoryProfileStore(buildProfilePlan());
    const snapshot = new Float64Array(snapshotLength);
    for (let index = 0; index < 50; index++) store.observeSync(event(`a${index}`, start, `sender-${index}`, `device-${index}`), snapshot);
    expect(store.stats().entities).toMatchObject({ sender: 50, receiver: 1, device: 50, ip: 0, session: 0 });
    store.observeSync(event('late', start + 31 * day, 'sender-x'), snapshot);
    expect(store.stats().entities).toMatchObject({ sender: 1, receiver: 1, device: 0 });
    const allocated = store.stats().allocatedBytes;
    for (let index = 0; index < 50; index++) store.observeSync(event(`b${index}`, start + 31 * day, `other-${index}`), snapshot);
    expect(store.stats().allocatedBytes).toBe(allocated);
    expect(store.stats().recordBytes.sender).toBeGreaterThan(2000);
  });

  it("keeps a ring's buckets in the entity's record until they outgrow it, and frees what spilled when the entity is swept", () => {
    const hour = 3_600_000;
    const store = new MemoryProfileStore(buildProfilePlan());
    const snapshot = new Float64Array(snapshotLength);
    const base = store.stats().allocatedBytes;
    // Two receivers paid every hour for 100 hours: each 889-hour ring holds 100 buckets, past the 32
    // its record has room for; they move out at 33 (64 entries of a bucket index and 4 fields) and to 128 at 65.
    for (let index = 0; index < 100; index++) {
      for (const receiver of ['busy-a', 'busy-b']) store.observeSync(event(`${receiver}-${index}`, start + index * hour, `sender-${index % 3}`, undefined, 't', receiver), snapshot);
    }
    expect(store.stats().allocatedBytes - base).toBe(2 * 128 * 5 * 8);
    expect(store.stats().recordBytes.receiver).toBeLessThan(3_000);
    // 45 days later both are idle past their ring: a payment of a third receiver sweeps them and takes
    // one of their records.
    store.observeSync(event('quiet', start + 45 * day, 'sender-0', undefined, 't', 'quiet'), snapshot);
    expect(store.stats().entities).toMatchObject({ receiver: 1 });
    expect(store.stats().allocatedBytes).toBe(base);
    expect(snapshot[snapshotIndex.receiver_count_30d]).toBe(0);
  });

  it("gives a new entity a swept one's record with none of its buckets or members", () => {
    // The swept sender filled its rings and device set; the new one's first payment sweeps it, then
    // takes its record from the free list.
    const reused = new MemoryProfileStore(buildProfilePlan());
    const fresh = new MemoryProfileStore(buildProfilePlan());
    const snapshot = new Float64Array(snapshotLength);
    for (let index = 0; index < 40; index++) reused.observeSync(event(`old-${index}`, start + index * 3_600_000, 'sender-old', `device-${index % 20}`), snapshot);
    const senderFields = snapshotFieldNames.flatMap((name, index) => (name.startsWith('sender_') ? [index] : []));
    const later = start + 40 * day;
    for (let index = 0; index < 5; index++) {
      const at = later + index * 60_000;
      const fromReused = new Float64Array(snapshotLength);
      const fromFresh = new Float64Array(snapshotLength);
      reused.observeSync(event(`new-${index}`, at, 'sender-new', `device-new-${index % 2}`), fromReused);
      fresh.observeSync(event(`new-${index}`, at, 'sender-new', `device-new-${index % 2}`), fromFresh);
      expect(reused.stats().entities).toMatchObject({ sender: 1 });
      expect(senderFields.map((field) => fromReused[field])).toEqual(senderFields.map((field) => fromFresh[field]));
    }
  });

  it("expires each tenant on its own time: one tenant's far-future payment leaves the others' entities", () => {
    const store = new MemoryProfileStore(buildProfilePlan());
    const snapshot = new Float64Array(snapshotLength);
    for (let index = 0; index < 10; index++) store.observeSync(event(`a${index}`, start, `sender-${index}`, undefined, 'acme'), snapshot);
    store.observeSync(event('future', start + 3650 * day, 'sender-far', undefined, 'globex'), snapshot);
    store.sweep();
    expect(store.stats().entities.sender).toBe(11);
    // acme's next payment still sees its sender's history.
    store.observeSync(event('a-next', start + 1000, 'sender-0', undefined, 'acme'), snapshot);
    expect(snapshot[snapshotIndex.sender_count_1h]).toBe(1);
  });

  it('sweeps on the wall clock of a live server, capped by it, however far payment times run', () => {
    let wall = start;
    const store = new MemoryProfileStore(buildProfilePlan(), { wallClock: () => wall, sweepIntervalMs: 3_600_000 });
    const snapshot = new Float64Array(snapshotLength);
    store.observeSync(event('far', start + 3650 * day, 'sender-far'), snapshot);
    for (let index = 0; index < 10; index++) store.observeSync(event(`a${index}`, start, `sender-${index}`), snapshot);
    expect(store.stats().entities.sender).toBe(11);
    // 31 days of wall time later every sender is idle, except the one whose payment lies in the future.
    wall = start + 31 * day;
    store.observeSync(event('now', wall, 'sender-now'), snapshot);
    expect(store.stats().entities.sender).toBe(2);
  });

  it('remembers transactions for a bounded count and time', () => {
    const store = new MemoryProfileStore(buildProfilePlan(), { transactionMemoryCapacity: 2, transactionMemoryMs: day });
    const snapshot = new Float64Array(snapshotLength);
    expect(store.observeSync(event('one', start, 's'), snapshot)).toBe(false);
    expect(store.observeSync(event('one', start, 's'), snapshot)).toBe(true);
    expect(snapshot[snapshotIndex.sender_count_1h]).toBe(0);
    store.observeSync(event('two', start + 1, 's'), snapshot);
    store.observeSync(event('three', start + 2, 's'), snapshot);
    expect(store.stats().rememberedTransactions).toBe(2);
    expect(store.observeSync(event('one', start, 's'), snapshot)).toBe(false);
    store.observeSync(event('four', start + 2 * day, 's'), snapshot);
    expect(store.observeSync(event('three', start + 2, 's'), snapshot)).toBe(false);
  });
});

describe('member sets', () => {
  const spec = { memberRole: 'device' as const, capacity: 2, retentionMs: 10 };
  const set = { spec, used: 0, pairs: 1, memberRole: 2, countPositions: Int32Array.of(0, 1), countWindows: Float64Array.of(10, 3), containsPosition: 2 };
  const answer = (data: Float64Array, member: number, now: number): number[] => {
    const out = new Float64Array(3);
    memberSetQuery(data, 0, 1, set, member, now, out, 0);
    return Array.from(out);
  };

  it('counts, forgets and evicts the member seen longest ago', () => {
    const data = new Float64Array(5);
    memberSetAdd(data, 0, 1, spec, 1, 100);
    memberSetAdd(data, 0, 1, spec, 2, 105);
    expect(answer(data, 3, 106)).toEqual([3, 2, 0]);
    expect(answer(data, 2, 106)).toEqual([2, 1, 1]);
    expect(answer(data, 0, 106)).toEqual([2, 1, Number.NaN]);
    memberSetAdd(data, 0, 1, spec, 3, 107);
    expect(answer(data, 1, 107)).toEqual([3, 3, 0]);
    expect(answer(data, 2, 107)).toEqual([2, 2, 1]);
    memberSetAdd(data, 0, 1, spec, 4, 90);
    expect(answer(data, 4, 107)[2]).toBe(0);
    expect(answer(data, 3, 117)).toEqual([1, 1, 0]);
  });

  it('lays out the sender with one pass per set and segments at window edges', () => {
    const layout = recordLayout(buildProfilePlan().roles[0]!);
    expect(layout.sets.map((entry) => [entry.memberRole, entry.countWindows.length, entry.containsPosition >= 0])).toEqual([
      [2, 2, true],
      [3, 2, true],
      [1, 2, true],
      [5, 2, true],
    ]);
    expect(layout.windows.length + layout.scalarReads.length + 12).toBe(buildProfilePlan().roles[0]!.queries.length);
    const receiver = recordLayout(buildProfilePlan().roles[1]!);
    expect(Array.from(receiver.rings[2]!.edges)).toEqual([23, 167, 168, 191, 335, 719, 887, 888]);
  });
});
