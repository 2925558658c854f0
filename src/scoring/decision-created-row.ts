import { idTimePrefix } from '../platform/ids.js';
import { webhookDeliveryKind } from '../contract/jobs.js';
import type { DecisionWebhook, DecisionWrite } from './decision-record.js';

/**
 * The `decision.created` event of a live merchant's feed payment, as the decision writer takes it
 * (`doc->'webhooks'`, migration 0064): in the decision's own transaction it becomes one delivery per
 * enabled endpoint of the merchant subscribed to the event, each with its job, if the merchant is
 * live at that moment.
 */
export function decisionCreatedRow(decision: DecisionWrite, webhook: DecisionWebhook): object {
  const at = decision.scoredAt.getTime();
  return {
    tenant_id: decision.tenantId,
    merchant_id: webhook.merchantId,
    event_type: 'decision.created',
    job_kind: webhookDeliveryKind,
    delivery_prefix: idTimePrefix('whd', at),
    job_prefix: idTimePrefix('job', at),
    created: Math.floor(at / 1000),
    created_at: decision.scoredAt,
    data: {
      decision_id: decision.requestId,
      tx_id: decision.record.txId,
      merchant_id: webhook.merchantId,
      psp: webhook.psp,
      risk_score: decision.riskScore,
      decision: decision.decision,
      reasons: decision.reasons,
      model_version: decision.modelVersion,
    },
  };
}
