import { sql, type Kysely } from 'kysely';

/**
 * Rules and lists (issue 7). A rule keeps its identity and state in `rules`; every edit adds an
 * immutable row to `rule_versions`. `rule_sets` records, per tenant and change, which rule versions
 * were in force, so a decision stores one number (its `rule_hits.rule_set`) and stays traceable to
 * the exact versions it evaluated. `rule_set_heads` is the per-tenant counter every process polls to
 * hot-swap its compiled rules and lists. `risk_scores.rule_hits` stores each decision's hits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE rules (
      tenant_id text NOT NULL,
      id text NOT NULL,
      name text NOT NULL,
      current_version integer NOT NULL,
      enabled boolean NOT NULL,
      archived_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, id))`,
    `CREATE UNIQUE INDEX rules_live_name ON rules (tenant_id, lower(name)) WHERE archived_at IS NULL`,
    `CREATE TABLE rule_versions (
      tenant_id text NOT NULL,
      rule_id text NOT NULL,
      version integer NOT NULL,
      name text NOT NULL,
      description text NOT NULL,
      expression text NOT NULL,
      action jsonb NOT NULL,
      priority integer NOT NULL,
      mode text NOT NULL,
      owner text,
      tags jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, rule_id, version))`,
    `CREATE TABLE rule_set_heads (
      tenant_id text PRIMARY KEY,
      version bigint NOT NULL,
      updated_at timestamptz NOT NULL)`,
    `CREATE TABLE rule_sets (
      tenant_id text NOT NULL,
      version bigint NOT NULL,
      rules jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, version))`,
    `CREATE TABLE rule_lists (
      tenant_id text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL,
      description text NOT NULL,
      version bigint NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, name))`,
    `CREATE TABLE rule_list_entries (
      tenant_id text NOT NULL,
      list_name text NOT NULL,
      value text NOT NULL,
      note text,
      expires_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, list_name, value))`,
    `ALTER TABLE risk_scores ADD COLUMN rule_hits jsonb`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
