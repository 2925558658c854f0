import type { BigIntColumn, Json } from '../column-types.js';

/** `rules`: one row per rule, its state and current version (migration 0030). */
export interface RulesTable {
  tenant_id: string;
  id: string;
  name: string;
  current_version: number;
  enabled: boolean;
  /** Set when archived (`DELETE`): the rule stops, its history stays. */
  archived_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** `rule_versions`: immutable, one row per edit. */
export interface RuleVersionsTable {
  tenant_id: string;
  rule_id: string;
  version: number;
  name: string;
  description: string;
  expression: string;
  /** `"BLOCK"` … or `{"score": n}`. */
  action: Json<unknown>;
  priority: number;
  mode: string;
  owner: string | null;
  tags: Json<string[]>;
  created_by: string;
  created_at: Date;
}

/** `rule_set_heads`: the tenant's rule-set version, polled by every process. */
export interface RuleSetHeadsTable {
  tenant_id: string;
  version: BigIntColumn;
  updated_at: Date;
}

/** `rule_sets`: which rule versions were in force at each rule-set version. */
export interface RuleSetsTable {
  tenant_id: string;
  version: BigIntColumn;
  rules: Json<{ rule_id: string; version: number }[]>;
  created_at: Date;
}

/** `rule_lists`: a tenant's named lists; `version` moves with every change of its entries. */
export interface RuleListsTable {
  tenant_id: string;
  name: string;
  kind: string;
  description: string;
  version: BigIntColumn;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** `rule_list_entries`: one value of a list, with an optional expiry. */
export interface RuleListEntriesTable {
  tenant_id: string;
  list_name: string;
  value: string;
  note: string | null;
  expires_at: Date | null;
  created_by: string;
  created_at: Date;
}
