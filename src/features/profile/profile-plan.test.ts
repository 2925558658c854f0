import { describe, expect, it } from 'vitest';
import { buildProfilePlan, roleSnapshotFields } from './profile-plan.js';
import { entityRoles } from './ring-fields.js';
import { snapshotFieldNames } from './snapshot-fields.js';

describe('buildProfilePlan', () => {
  const plan = buildProfilePlan();

  it('gives every snapshot field to exactly one role query, in order', () => {
    expect(entityRoles.flatMap((role) => roleSnapshotFields(plan, role))).toEqual([...snapshotFieldNames]);
    for (const role of entityRoles) expect(roleSnapshotFields(plan, role).every((name) => name.startsWith(`${role}_`))).toBe(true);
  });

  it('only reads buckets its rings still hold', () => {
    for (const role of plan.roles) {
      for (const window of role.windows) expect(window.from, role.role).toBeLessThan(role.rings[window.ring]!.slots);
    }
  });

  it('never remembers a member longer than the member entity itself lives, nor longer than its owner', () => {
    for (const role of plan.roles) {
      for (const set of role.sets) {
        // A member without a profile of its own (the IP country) lives in its owner only.
        const member = plan.roles.find((candidate) => candidate.role === set.memberRole) ?? role;
        expect(set.retentionMs).toBeLessThanOrEqual(member.idleMs);
        expect(set.retentionMs).toBeLessThanOrEqual(role.idleMs);
      }
    }
  });

  it("keeps the sender's IP countries in a set of their own, in a new sender state version", () => {
    const sender = plan.roles[0]!;
    expect(sender.sets.map((set) => set.memberRole)).toEqual(['device', 'ip', 'receiver', 'ipCountry']);
    expect(roleSnapshotFields(plan, 'sender').slice(-3)).toEqual(['sender_distinct_countries_24h', 'sender_distinct_countries_30d', 'sender_knows_country']);
    expect(plan.roles.map((role) => role.stateVersion)).toEqual([3, 3, 1, 1, 1]);
  });

  it('sizes the receiver label ring by the label delay', () => {
    const receiver = (days?: number) => buildProfilePlan(days === undefined ? {} : { labelDelayDays: days }).roles[1]!;
    // Hourly buckets: 7 days of delay + 30 days + the bucket of now.
    expect(receiver().rings[2]!.slots).toBe(168 + 720 + 1);
    expect(receiver(14).rings[2]!.slots).toBe(336 + 720 + 1);
    expect(receiver().idleMs).toBe(889 * 3_600_000);
    expect(() => buildProfilePlan({ labelDelayDays: 0.5 })).toThrow(RangeError);
  });
});
