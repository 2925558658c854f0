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

  it('never remembers a member longer than the member entity itself lives', () => {
    for (const role of plan.roles) {
      for (const set of role.sets) {
        const member = plan.roles.find((candidate) => candidate.role === set.memberRole)!;
        expect(set.retentionMs).toBeLessThanOrEqual(member.idleMs);
      }
    }
  });

  it('sizes the receiver label ring by the label delay', () => {
    const receiver = (days?: number) => buildProfilePlan(days === undefined ? {} : { labelDelayDays: days }).roles[1]!;
    expect(receiver().rings[2]!.slots).toBe(149);
    expect(receiver(14).rings[2]!.slots).toBe(177);
    expect(receiver().idleMs).toBe(149 * 6 * 3_600_000);
    expect(() => buildProfilePlan({ labelDelayDays: 0.5 })).toThrow(RangeError);
  });
});
