import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { RuleAction } from '../rules/rule-action.js';
import type { RuleVersion } from '../rules/rule-set.js';
import type { RuleVersionsTable, RulesTable } from '../platform/tables/rule-store.table.js';

/** A stored rule row. */
export type RuleRow = Selectable<RulesTable>;
/** A stored rule version row. */
export type RuleVersionRow = Selectable<RuleVersionsTable>;

/** The rule with its current version, or undefined. */
export async function findRule(db: Kysely<Database>, tenantId: string, ruleId: string): Promise<{ rule: RuleRow; current: RuleVersionRow } | undefined> {
  const rule = await db.selectFrom('rules').selectAll().where('tenant_id', '=', tenantId).where('id', '=', ruleId).executeTakeFirst();
  if (rule === undefined) return undefined;
  const current = await db
    .selectFrom('rule_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('rule_id', '=', ruleId)
    .where('version', '=', rule.current_version)
    .executeTakeFirstOrThrow();
  return { rule, current };
}

/** Every version of a rule, newest first. */
export async function ruleVersions(db: Kysely<Database>, tenantId: string, ruleId: string): Promise<RuleVersionRow[]> {
  return db.selectFrom('rule_versions').selectAll().where('tenant_id', '=', tenantId).where('rule_id', '=', ruleId).orderBy('version', 'desc').execute();
}

/** The tenant's rules with their current versions (archived ones only when asked). */
export async function listRules(db: Kysely<Database>, tenantId: string, includeArchived: boolean): Promise<{ rule: RuleRow; current: RuleVersionRow }[]> {
  let query = db
    .selectFrom('rules as r')
    .innerJoin('rule_versions as v', (join) => join.onRef('v.tenant_id', '=', 'r.tenant_id').onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
    .selectAll('v')
    .select(['r.id', 'r.current_version', 'r.enabled', 'r.archived_at', 'r.created_at as rule_created_at', 'r.updated_at', 'r.created_by as rule_created_by'])
    .where('r.tenant_id', '=', tenantId);
  if (!includeArchived) query = query.where('r.archived_at', 'is', null);
  const rows = await query.orderBy('v.priority', 'desc').orderBy('r.id').execute();
  return rows.map((row) => ({
    rule: {
      tenant_id: row.tenant_id,
      id: row.id,
      name: row.name,
      current_version: row.current_version,
      enabled: row.enabled,
      archived_at: row.archived_at,
      created_by: row.rule_created_by,
      created_at: row.rule_created_at,
      updated_at: row.updated_at,
    },
    current: row,
  }));
}

/** Another live rule of the tenant with this name (case-insensitive), if any. */
export async function ruleNamed(db: Kysely<Database> | Transaction<Database>, tenantId: string, name: string, exceptRuleId?: string): Promise<string | undefined> {
  const rows = await db.selectFrom('rules').select(['id', 'name']).where('tenant_id', '=', tenantId).where('archived_at', 'is', null).execute();
  const lower = name.toLowerCase();
  return rows.find((row) => row.name.toLowerCase() === lower && row.id !== exceptRuleId)?.id;
}

/** The enabled, unarchived rule versions of a tenant: what its scoring path evaluates. */
export async function enabledRuleVersions(db: Kysely<Database> | Transaction<Database>, tenantId: string): Promise<RuleVersion[]> {
  const rows = await db
    .selectFrom('rules as r')
    .innerJoin('rule_versions as v', (join) => join.onRef('v.tenant_id', '=', 'r.tenant_id').onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
    .select(['v.rule_id', 'v.version', 'v.name', 'v.expression', 'v.action', 'v.priority', 'v.mode'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.enabled', '=', true)
    .where('r.archived_at', 'is', null)
    .execute();
  return rows.map(toRuleVersion);
}

/** A stored version as the evaluator takes it. */
export function toRuleVersion(row: Pick<RuleVersionRow, 'rule_id' | 'version' | 'name' | 'expression' | 'action' | 'priority' | 'mode'>): RuleVersion {
  return {
    ruleId: row.rule_id,
    version: row.version,
    name: row.name,
    expression: row.expression,
    action: (typeof row.action === 'string' && row.action.startsWith('{') ? JSON.parse(row.action) : row.action) as RuleAction,
    priority: row.priority,
    mode: row.mode === 'shadow' ? 'shadow' : 'live',
  };
}

/**
 * Moves the tenant's rule-set version by one (the row lock serializes changes per tenant) and
 * records which rule versions are in force at it. Every process polls this version to hot-swap.
 */
export async function bumpRuleSet(trx: Transaction<Database>, tenantId: string, at: Date): Promise<number> {
  const head = await trx
    .insertInto('rule_set_heads')
    .values({ tenant_id: tenantId, version: 1, updated_at: at })
    .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet((eb) => ({ version: eb('rule_set_heads.version', '+', 1), updated_at: at })))
    .returning('version')
    .executeTakeFirstOrThrow();
  const version = Number(head.version);
  const rules = await enabledRuleVersions(trx, tenantId);
  await trx
    .insertInto('rule_sets')
    .values({ tenant_id: tenantId, version, rules: JSON.stringify(rules.map((rule) => ({ rule_id: rule.ruleId, version: rule.version }))), created_at: at })
    .execute();
  return version;
}
