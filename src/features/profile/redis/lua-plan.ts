import type { ProfilePlan } from '../profile-plan.js';
import { setMemberKinds } from '../ring-fields.js';
import { recordLayout, type RecordLayout } from '../memory/record-layout.js';

/*
 * Renders a profile plan as the Lua table `ROLES` the Redis function library executes: the same
 * record layout as the in-memory store (ring edges, segments, window reads, member sets), so both
 * stores run one plan. Redis keeps per entity only the fixed part (scalars, ring headers: head,
 * entry count, edge cursors, segment totals) and the non-empty bucket entries, packed as doubles.
 * Positions in the fixed part are 1-based; fields and snapshot positions stay 0-based.
 */

function list(values: readonly (number | string)[]): string {
  return `{${values.join(', ')}}`;
}

function roleLiteral(layout: RecordLayout): string {
  const plan = layout.plan;
  let position = plan.scalars.length + 1;
  const rings = layout.rings.map((ring) => {
    const edges = ring.edges.length;
    const literal =
      `{head = ${position}, count = ${position + 1}, cursors = ${position + 2}, segments = ${position + 2 + edges}, ` +
      `edges = ${list(Array.from(ring.edges))}, width = ${ring.width}, size = ${ring.entrySize}, slots = ${ring.slots}, ` +
      `bucket = ${ring.bucketMs}, contribution = ${list(Array.from(ring.contribution, (index) => index + 1))}}`;
    position += 2 + edges + edges * ring.width;
    return literal;
  });
  const windows = layout.windows.map(
    (window) => `{${window.position}, ${window.ring + 1}, ${window.field}, ${window.firstSegment + 1}, ${window.lastSegment + 1}, ${window.from}, ${window.to}}`,
  );
  const scalars = layout.scalarReads.map((read) => `{${read.position}, ${read.scalar + 1}}`);
  const sets = layout.sets.map(
    (set) =>
      `{memberRole = ${setMemberKinds.indexOf(set.spec.memberRole) + 1}, capacity = ${set.spec.capacity}, retention = ${set.spec.retentionMs}, ` +
      `counts = ${list(Array.from(set.countPositions))}, windows = ${list(Array.from(set.countWindows))}, contains = ${set.containsPosition}}`,
  );
  return [
    `{idle = ${plan.idleMs}, scalars = ${plan.scalars.length}, fixed = ${position - 1}, queries = ${plan.queries.length},`,
    `  labelRing = ${plan.labelRing + 1},`,
    `  rings = {${rings.join(',\n    ')}},`,
    `  windows = {${windows.join(', ')}},`,
    `  scalarReads = {${scalars.join(', ')}},`,
    `  sets = {${sets.join(', ')}}}`,
  ].join('\n');
}

/** The `ROLES` table literal of a plan. */
export function luaPlanLiteral(plan: ProfilePlan): string {
  return `local ROLES = {\n${plan.roles.map((role) => roleLiteral(recordLayout(role))).join(',\n')}\n}`;
}
