import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Config } from '../platform/config.js';
import { JobRunner, PermanentJobError } from '../jobs/job-runner.js';
import type { JobMetrics } from '../jobs/job-metrics.js';
import type { SecretBox } from '../feeds/secret-box.js';
import { signDelivery } from './webhook-signature.js';
import { postDelivery } from './webhook-post.js';
import { deliveryToSend, recordAttempt } from './webhooks.repository.js';
import { webhookDeliveryKind } from '../contract/jobs.js';

/** What sending deliveries needs. */
export interface WebhookSender {
  db: Kysely<Database>;
  clock: Clock;
  box: SecretBox | undefined;
  /** Whether endpoints may be on loopback, private or other non-public addresses (`SENTRA_WEBHOOK_ALLOW_PRIVATE`). */
  allowPrivateTargets: boolean;
}

/**
 * Sends one delivery: the stored payload as the body, signed `Sentra-Signature: t=…,v1=…` under the
 * endpoint's secret at the moment of sending, with a `Sentra-Delivery` id header. A 2xx answer
 * delivers it; anything else (a status, a timeout, a refused connection, a host that is or resolves
 * to a non-public address while those are not allowed) fails the attempt, which the job runner
 * retries with backoff until its attempts run out (then the job is dead and the delivery stays failed
 * until an admin redelivers it).
 */
export async function sendDelivery(sender: WebhookSender, deliveryId: string, signal: AbortSignal): Promise<void> {
  const delivery = await deliveryToSend(sender.db, deliveryId);
  if (delivery === undefined) throw new PermanentJobError(`no delivery ${deliveryId}`);
  if (sender.box === undefined) throw new PermanentJobError('no feed key to open the endpoint secret');
  const body = typeof delivery.payload === 'string' ? delivery.payload : JSON.stringify(delivery.payload);
  const signature = signDelivery(sender.box.open(delivery.secret_sealed), body, Math.floor(sender.clock.now() / 1000));
  let statusCode: number | null = null;
  try {
    const headers = { 'content-type': 'application/json', 'sentra-signature': signature, 'sentra-delivery': delivery.id, 'user-agent': 'Sentra-Webhooks/1' };
    statusCode = await postDelivery(delivery.url, body, headers, signal, sender.allowPrivateTargets);
  } catch (error) {
    await recordAttempt(sender.db, deliveryId, { delivered: false, statusCode: null, error: (error as Error).message.slice(0, 500), at: new Date(sender.clock.now()) });
    throw error;
  }
  const delivered = statusCode >= 200 && statusCode < 300;
  await recordAttempt(sender.db, deliveryId, { delivered, statusCode, error: delivered ? null : `HTTP ${statusCode}`, at: new Date(sender.clock.now()) });
  if (!delivered) throw new Error(`endpoint answered HTTP ${statusCode}`);
}

/** A job runner taking only webhook deliveries, with the enrichment worker's settings; started at once. */
export function startWebhookWorker(config: Config, parts: Omit<WebhookSender, 'allowPrivateTargets'> & { logger: Logger; metrics: JobMetrics }): { runner: JobRunner; stop(): Promise<void> } {
  const settings = config.enrichment.worker;
  const runner = new JobRunner({
    db: parts.db,
    clock: parts.clock,
    logger: parts.logger,
    metrics: parts.metrics,
    concurrency: settings.concurrency,
    pollIntervalMs: settings.pollIntervalMs,
    attemptTimeoutMs: settings.attemptTimeoutMs,
    maxAttempts: settings.maxAttempts,
    backoff: settings.backoff,
    handlers: { [webhookDeliveryKind]: (job, signal) => sendDelivery({ ...parts, allowPrivateTargets: config.webhookAllowPrivate }, (job.payload as { delivery_id: string }).delivery_id, signal) },
  });
  runner.start();
  return { runner, stop: () => runner.stop() };
}
