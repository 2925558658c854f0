import type { Json } from '../column-types.js';

/** The `webhook_endpoints` table: where a live merchant wants its events. */
export interface WebhookEndpointsTable {
  id: string;
  tenant_id: string;
  merchant_id: string;
  url: string;
  events: Json<string[]>;
  /** The signing secret, sealed with the feed key (src/feeds/secret-box.ts). */
  secret_sealed: string;
  created_at: Date;
  disabled_at: Date | null;
}

/** The `webhook_deliveries` table: every event sent (or to send) to an endpoint, with its outcome. */
export interface WebhookDeliveriesTable {
  id: string;
  tenant_id: string;
  merchant_id: string;
  endpoint_id: string;
  event_type: string;
  payload: Json<unknown>;
  /** pending, delivered or failed (the last attempt failed; retries follow until the job is dead). */
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}
