import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import type { MerchantAct } from '../merchants/merchant.repository.js';
import type { SecretBox } from '../feeds/secret-box.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../platform/tables/webhook.table.js';
import type { WebhookEventType } from '../contract/webhooks.js';
import { webhookDeliveryKind } from '../contract/jobs.js';

/** A stored endpoint. */
export type WebhookEndpoint = Selectable<WebhookEndpointsTable>;
/** A stored delivery. */
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;

const requireBox = (box: SecretBox | undefined): SecretBox => {
  if (box === undefined) throw new SentraError('SENTRA_ERR_CONFLICT', 'Webhook secrets cannot be stored: this scaled deployment has no SENTRA_FEED_KEY (see docs/security.md, "Feed secrets").');
  return box;
};

/** Registers an endpoint of a merchant of the tenant with a fresh signing secret (answered once), audited. */
export async function createEndpoint(db: Kysely<Database>, box: SecretBox | undefined, tenantId: string, merchantId: string, url: string, events: readonly WebhookEventType[], act: MerchantAct): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const sealer = requireBox(box);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const endpoint = await db.transaction().execute(async (trx) => {
    const merchant = await trx.selectFrom('merchants').select('id').where('tenant_id', '=', tenantId).where('id', '=', merchantId).executeTakeFirst();
    if (merchant === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${merchantId}.`);
    const row = await trx
      .insertInto('webhook_endpoints')
      .values({ id: newId('whe', act.at.getTime()), tenant_id: tenantId, merchant_id: merchantId, url, events: JSON.stringify(events), secret_sealed: sealer.seal(secret), created_at: act.at, disabled_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'webhook_endpoint.created', subject: row.id, payload: { merchant_id: merchantId, url, events } }]);
    return row;
  });
  return { endpoint, secret };
}

/** A merchant's endpoints, oldest first. */
export async function listEndpoints(db: Kysely<Database>, tenantId: string, merchantId: string): Promise<WebhookEndpoint[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('tenant_id', '=', tenantId).where('merchant_id', '=', merchantId).orderBy('created_at').orderBy('id').execute();
}

/**
 * Writes the deliveries of an event (one per enabled endpoint of the merchant subscribed to it,
 * each with its `webhook.deliver` job) inside the caller's transaction, so the event and what
 * caused it commit together or not at all. Returns the number of deliveries.
 */
export async function writeDeliveries(trx: Transaction<Database>, tenantId: string, merchantId: string, eventType: WebhookEventType, data: object, at: Date): Promise<number> {
  const endpoints = await trx.selectFrom('webhook_endpoints').select(['id', 'events']).where('tenant_id', '=', tenantId).where('merchant_id', '=', merchantId).where('disabled_at', 'is', null).orderBy('id').execute();
  const subscribed = endpoints.filter((endpoint) => (typeof endpoint.events === 'string' ? (JSON.parse(endpoint.events) as string[]) : endpoint.events).includes(eventType));
  for (const endpoint of subscribed) {
    const id = newId('whd', at.getTime());
    const payload = { id, type: eventType, created: Math.floor(at.getTime() / 1000), data };
    await trx
      .insertInto('webhook_deliveries')
      .values({ id, tenant_id: tenantId, merchant_id: merchantId, endpoint_id: endpoint.id, event_type: eventType, payload: JSON.stringify(payload), status: 'pending', attempts: 0, last_status_code: null, last_error: null, created_at: at, delivered_at: null })
      .execute();
    await insertDeliveryJob(trx, tenantId, id, id, at);
  }
  return subscribed.length;
}

async function insertDeliveryJob(db: Kysely<Database>, tenantId: string, deliveryId: string, dedupeKey: string, at: Date): Promise<void> {
  await db
    .insertInto('jobs')
    .values({ id: newId('job', at.getTime()), tenant_id: tenantId, kind: webhookDeliveryKind, dedupe_key: dedupeKey, payload: JSON.stringify({ delivery_id: deliveryId }), status: 'queued', run_after: at, last_error: null, created_at: at, updated_at: at })
    .execute();
}

/** A merchant's deliveries, newest first. */
export async function listDeliveries(db: Kysely<Database>, tenantId: string, merchantId: string, limit: number): Promise<WebhookDelivery[]> {
  return db.selectFrom('webhook_deliveries').selectAll().where('tenant_id', '=', tenantId).where('merchant_id', '=', merchantId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Sends a delivery of the merchant again (a new job, the same payload and id), audited. */
export async function redeliver(db: Kysely<Database>, tenantId: string, merchantId: string, deliveryId: string, act: MerchantAct): Promise<WebhookDelivery> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('webhook_deliveries').set({ status: 'pending' }).where('tenant_id', '=', tenantId).where('merchant_id', '=', merchantId).where('id', '=', deliveryId).returningAll().executeTakeFirst();
    if (row === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No delivery ${deliveryId} of merchant ${merchantId}.`);
    await insertDeliveryJob(trx, tenantId, deliveryId, `${deliveryId}:${act.at.getTime()}:${randomBytes(4).toString('hex')}`, act.at);
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'webhook_delivery.redelivered', subject: deliveryId, payload: { merchant_id: merchantId } }]);
    return row;
  });
}

/** A delivery with its endpoint's URL and sealed secret, for the sender. */
export async function deliveryToSend(db: Kysely<Database>, deliveryId: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select(['d.id', 'd.payload', 'd.attempts', 'e.url', 'e.secret_sealed'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

/** Records one attempt's outcome on the delivery. */
export async function recordAttempt(db: Kysely<Database>, deliveryId: string, outcome: { delivered: boolean; statusCode: number | null; error: string | null; at: Date }): Promise<void> {
  const current = await db.selectFrom('webhook_deliveries').select('attempts').where('id', '=', deliveryId).executeTakeFirstOrThrow();
  await db
    .updateTable('webhook_deliveries')
    .set({ status: outcome.delivered ? 'delivered' : 'failed', attempts: current.attempts + 1, last_status_code: outcome.statusCode, last_error: outcome.error, ...(outcome.delivered ? { delivered_at: outcome.at } : {}) })
    .where('id', '=', deliveryId)
    .execute();
}
