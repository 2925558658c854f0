import type { Generated } from 'kysely';
import type { BigIntColumn, Json } from '../column-types.js';
import type { MerchantMode, BillableService, UsageKind } from '../../contract/merchant-admin.js';

/** Fees per billable service, in units of 1/10,000 of the merchant's currency. */
export interface MerchantFees {
  SENTRY: number;
  EVENTS: number;
  PIPELINE: number;
}

/** A merchant's own decision thresholds on the event API's 0–100 riskScore scale. */
export interface MerchantThresholds {
  challengeAt: number;
  reviewAt: number;
  denyAt: number;
}

/** The `merchants` table: one caller of the event and confidence APIs, inside a tenant. */
export interface MerchantsTable {
  id: string;
  tenant_id: string;
  name: string;
  mode: MerchantMode;
  /** ISO-4217 code of the balance and the fees. */
  currency: string;
  /** Prepaid balance in 1/10,000 units; never below minus the overdraft. */
  balance_units: BigIntColumn;
  overdraft_units: BigIntColumn;
  fees: Json<MerchantFees>;
  /** Null: the tenant's thresholds (scaled from 0–1000) decide. */
  thresholds: Json<MerchantThresholds | null>;
  /** Requests per second per key; null: the server's default. */
  rate_limit_per_second: number | null;
  /** ISO 3166-1 alpha-2 country of the merchant (migration 0063); null: unknown. */
  country: Generated<string | null>;
  created_at: Date;
  updated_at: Date;
}

/** The `merchant_keys` table: API keys, stored as SHA-256 hashes only. */
export interface MerchantKeysTable {
  id: string;
  tenant_id: string;
  merchant_id: string;
  name: string;
  key_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** When the key stops authenticating; null: it lives until revoked (migration 0073). */
  expires_at: Generated<Date | null>;
}

/** The `merchant_usage` table: every movement of a merchant's balance. */
export interface MerchantUsageTable {
  id: string;
  tenant_id: string;
  merchant_id: string;
  kind: UsageKind;
  service: BillableService | null;
  /** The event id / transaction id a charge paid for (a refund names the same). */
  reference: string | null;
  /** Signed change of the balance in 1/10,000 units (a charge is negative). */
  amount_units: BigIntColumn;
  balance_after_units: BigIntColumn;
  /** Merchant key id (charges) or token id (top-ups). */
  actor: string;
  created_at: Date;
}

/** The `merchant_events` table: every event of the event API and its answer. */
export interface MerchantEventsTable {
  event_id: string;
  tenant_id: string;
  merchant_id: string;
  /** The engine decision (risk_scores id) behind the answer. */
  decision_id: string;
  user_id: string;
  event_type: string;
  /** Keyed fingerprint of the device traits; null when none was sent. */
  device_id: string | null;
  session_id: string | null;
  risk_score: number;
  decision: string;
  confidence: number;
  /** Score and factors per component (DEVICE, GEO, BEHAVIORAL, IP). */
  components: Json<{ component: string; score: number; factors: string[] }[]>;
  triggered_factors: Json<string[]>;
  recommended_actions: Json<{ type: string; priority: string }[]>;
  created_at: Date;
  processed_at: Date;
}
