import type { ColumnType, Generated } from 'kysely';
import type { JobsTable } from './tables/job.table.js';
import type { EnrichmentDirectorsTable, EnrichmentResultsTable, SanctionEntriesTable, ScreeningListsTable } from './tables/enrichment.table.js';
import type { LlmUsageTable } from './tables/llm-usage.table.js';
import type { CaseEventsTable, CasesTable } from './tables/case.table.js';
import type { Role } from '../contract/admin.js';
import type { RuleListEntriesTable, RuleListsTable, RuleSetHeadsTable, RuleSetsTable, RuleVersionsTable, RulesTable } from './tables/rule-store.table.js';
import type { FeedInboxTable, FeedSecretsTable } from './tables/feed.table.js';
import type { MerchantModeChangesTable } from './tables/mode-change.table.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './tables/webhook.table.js';
import type { MerchantEventsTable, MerchantKeysTable, MerchantsTable, MerchantUsageTable } from './tables/merchant.table.js';

// Column types live in a leaf module, so the table modules (./tables/) can use them without
// importing this file (which imports theirs).
import type { BigIntColumn, Decimal, Json } from './column-types.js';
export type { BigIntColumn, Decimal, Json } from './column-types.js';

export interface InstallationTable {
  key: string;
  value: string;
}

export interface TenantsTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface ApiTokensTable {
  id: string;
  tenant_id: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  /** When the token last authenticated (updated at most once per authentication cache lifetime). */
  last_used_at: Generated<Date | null>;
  /** When the token stops authenticating; null: it lives until revoked (migration 0073). */
  expires_at: Generated<Date | null>;
}

export interface TenantThresholdsTable {
  tenant_id: string;
  review_at: number;
  hold_at: number;
  block_at: number;
  updated_at: Date;
  updated_by: string;
}

export interface EntitiesTable {
  tenant_id: string;
  entity_id: string;
  entity_type: string | null;
  country: string | null;
  name: string | null;
  created_at: Date | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

export interface TransactionsTable {
  tenant_id: string;
  tx_id: string;
  created_at: Date;
  amount: Decimal;
  currency: string;
  fx_rate: number | null;
  direction: string;
  channel: string;
  psp: string;
  route_id: string;
  status: string;
  status_reason: string;
  fee_total: Decimal;
  sender_entity_id: string;
  receiver_entity_id: string;
  sender_country: string;
  receiver_country: string;
  user_id: string | null;
  merchant_id: string | null;
  ip_hash: string | null;
  device_id_hash: string | null;
  session_id: string | null;
  user_agent: string | null;
  overrides: Json<Record<string, number> | null> | null;
  /** Network signals derived from the raw IP at scoring time (the raw IP itself is never stored). */
  network: Json<Record<string, unknown> | null> | null;
  source: string;
  ingest_run_id: string | null;
  updated_at: Date;
}

export interface KycRefsTable {
  tenant_id: string;
  entity_id: string;
  ref_key: string;
  doc_hash: string | null;
  doc_s3_url: string | null;
  text_blob: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RiskScoresTable {
  id: string;
  tenant_id: string;
  tx_id: string;
  scored_at: Date;
  risk_score: number;
  probability: number;
  decision: string;
  reasons: Json<unknown>;
  evidence: Json<unknown>;
  /**
   * The values in the order of `feature_list`'s names, packed into one string (migration 0084,
   * `packFeatureValues`) or, in rows written before, an array (0080); with no list, an object by
   * name. Read it through `sentra_feature_object` / `sentra_feature_value`.
   */
  features: Json<Record<string, number | null> | (number | null)[] | string>;
  /** The `feature_lists` row naming the `features` values; null when `features` is an object (migration 0080). */
  feature_list: Generated<string | null>;
  model_version: string;
  thresholds: Json<unknown>;
  request_digest: string;
  latency_ms: number;
  llm_status: string;
  source: string;
  /** The token that asked for the score (null for scores stored before migration 0010). */
  created_by: Generated<string | null>;
  /** True on the decision that answers its (tenant, tx_id, request digest); unique among those (migration 0020). */
  first_of_request: Generated<boolean | null>;
  /** The rule set evaluated and its hits (src/scoring/decision-pipeline.ts); null when the tenant had no rules. */
  rule_hits: ColumnType<unknown, string | undefined, string>;
  /** A decision of a merchant in shadow mode: kept for its evaluation, never acted on (migration 0061). */
  shadow: Generated<boolean>;
  /** The first instant (UTC) of the payment's `created_at` month: the monthly partition key (migration 0070). */
  tx_month: Date;
}

/** The names of stored feature arrays (migration 0080); written once, never changed. */
export interface FeatureListsTable {
  id: string;
  names: Json<string[]>;
  positions: Json<Record<string, number>>;
}

export interface LabelsTable {
  tenant_id: string;
  tx_id: string;
  source: string;
  label: string;
  labeled_at: Date;
  reason: string;
  ingest_run_id: string | null;
  created_by: string;
  created_at: Date;
}

export interface IngestRunsTable {
  id: string;
  tenant_id: string;
  dataset_name: string;
  dataset_hash: string;
  status: string;
  counts: Json<unknown>;
  report: Json<unknown>;
  created_by: string;
  started_at: Date;
  finished_at: Date | null;
}

export interface ModelVersionsTable {
  tenant_id: string;
  version: string;
  artifact_uri: string;
  feature_schema: Json<unknown>;
  metadata: Json<unknown>;
  created_by: string;
  created_at: Date;
}

export interface ActiveModelsTable {
  tenant_id: string;
  version: string;
  activated_by: string;
  activated_at: Date;
}

export interface AuditHeadsTable {
  tenant_id: string;
  seq: BigIntColumn;
  hash: string;
}

export interface AuditLogTable {
  tenant_id: string;
  seq: BigIntColumn;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  payload: Json<unknown>;
  prev_hash: string;
  hash: string;
}

/** A signed record of a tenant's chain head at a moment (see src/audit/audit-checkpoint.ts). */
export interface AuditCheckpointsTable {
  tenant_id: string;
  seq: BigIntColumn;
  hash: string;
  at: Date;
  /** periodic, export or manual. */
  reason: string;
  key_id: string;
  signature: string;
}

/** A signed record of the last link of a tenant's chain that retention dropped (see src/audit/audit-retention.ts). */
export interface AuditAnchorsTable {
  tenant_id: string;
  seq: BigIntColumn;
  hash: string;
  /** The dropped entries were those of the month partitions before this instant. */
  dropped_before: Date;
  at: Date;
  key_id: string;
  signature: string;
}

/** Every table of Sentra's store, as Kysely sees it. */
export interface Database {
  installation: InstallationTable;
  tenants: TenantsTable;
  api_tokens: ApiTokensTable;
  tenant_thresholds: TenantThresholdsTable;
  entities: EntitiesTable;
  transactions: TransactionsTable;
  kyc_refs: KycRefsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  risk_scores: RiskScoresTable;
  feature_lists: FeatureListsTable;
  labels: LabelsTable;
  ingest_runs: IngestRunsTable;
  model_versions: ModelVersionsTable;
  active_models: ActiveModelsTable;
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_anchors: AuditAnchorsTable;
  jobs: JobsTable;
  enrichment_results: EnrichmentResultsTable;
  enrichment_directors: EnrichmentDirectorsTable;
  sanction_entries: SanctionEntriesTable;
  screening_lists: ScreeningListsTable;
  llm_usage: LlmUsageTable;
  rules: RulesTable;
  rule_versions: RuleVersionsTable;
  rule_set_heads: RuleSetHeadsTable;
  rule_sets: RuleSetsTable;
  rule_lists: RuleListsTable;
  rule_list_entries: RuleListEntriesTable;
  merchants: MerchantsTable;
  merchant_keys: MerchantKeysTable;
  merchant_usage: MerchantUsageTable;
  merchant_events: MerchantEventsTable;
  feed_secrets: FeedSecretsTable;
  feed_inbox: FeedInboxTable;
  merchant_mode_changes: MerchantModeChangesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
