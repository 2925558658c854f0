/**
 * Group commits of decisions as the scoring service hands them to the writer, for the writer's
 * benchmarks: three in four PASS, one REVIEW that opens a case; 300 senders, 20 receivers; 7
 * evidence items and 120 feature values each, as the default model's decisions carry. A merchant
 * call (`sentry`, `events`) also carries its fee, and an event call its event API row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/database-schema.js';
import type { DecisionWrite } from '../../src/scoring/decision-record.js';
import { insertTenant } from '../../src/tenants/tenant.repository.js';
import { createMerchant } from '../../src/merchants/merchant.repository.js';
import { topUp } from '../../src/merchants/billing.repository.js';
import { decisionWrite } from '../../test/support/decision-write.js';

export type CallKind = 'score' | 'sentry' | 'events';
export const callKinds: readonly CallKind[] = ['score', 'sentry', 'events'];

/** Creates the tenant `default` of a fresh database and a live merchant of it with a balance no benchmark exhausts; answers its id. */
export async function benchTenantAndMerchant(db: Kysely<Database>): Promise<string> {
  await insertTenant(db, 'default', 'Default');
  const act = { actor: 'bench', at: new Date() };
  const merchant = await createMerchant(db, 'default', { name: 'Bench shop', mode: 'live' }, act);
  await topUp(db, 'default', merchant.merchantId, 1e15, act);
  return merchant.merchantId;
}

const names = Array.from({ length: 120 }, (_, index) => `feature_${index}`);

/** An event API row as the event route makes it (four components, a few factors and actions). */
function eventRowOf(index: number, merchantId: string, decisionId: string): object {
  return {
    event_id: `evt-${index}`,
    tenant_id: 'default',
    merchant_id: merchantId,
    decision_id: decisionId,
    user_id: `user-${index % 300}`,
    event_type: 'login_attempt',
    device_id: `dev_${(index % 500).toString(16).padStart(40, '0')}`,
    session_id: `session-${index % 300}`,
    risk_score: 12,
    decision: 'ALLOW',
    confidence: 0.91,
    components: ['DEVICE', 'GEO', 'BEHAVIORAL', 'IP'].map((component, position) => ({ component, score: position * 7, factors: position === 0 ? ['NEW_DEVICE'] : [] })),
    triggered_factors: ['NEW_DEVICE'],
    recommended_actions: [{ action: 'SEND_EMAIL_VERIFICATION', priority: 'MEDIUM' }],
    created_at: new Date(),
    processed_at: new Date(),
  };
}

/** Makes groups of `size` new decisions of one kind of call; `small` leaves out evidence and features. */
export class DecisionGroups {
  private counter = 0;

  constructor(
    private readonly size: number,
    private readonly options: { small?: boolean; merchantId?: string } = {},
  ) {}

  next(kind: CallKind): DecisionWrite[] {
    const { small = false, merchantId } = this.options;
    if (kind !== 'score' && merchantId === undefined) throw new Error(`a ${kind} call needs a merchant`);
    return Array.from({ length: this.size }, () => {
      const counter = ++this.counter;
      const base = decisionWrite(`dec_w${counter}`, `tx_w${counter}`);
      const decision = counter % 4 === 0 ? 'REVIEW' : 'PASS';
      return {
        ...base,
        record: { ...base.record, senderEntityId: `sender-${counter % 300}`, receiverEntityId: `receiver-${counter % 20}` },
        decision,
        riskScore: decision === 'PASS' ? 120 : 420,
        evidence: small ? [] : Array.from({ length: 7 }, (_, index) => ({ source: 'model', key: `feature_${index}`, quote: `The sender made ${index} payments in the last 30 days, more than most senders` })),
        features: small ? { names: [], values: [] } : { names, values: names.map((_, index) => (index % 4 === 0 ? null : index * 0.37)) },
        ...(kind === 'score' ? {} : { fee: { usageId: `use_w${counter}`, merchantId: merchantId!, service: kind === 'events' ? 'EVENTS' : 'SENTRY', at: new Date() } }),
        ...(kind === 'events' ? { merchantEvent: eventRowOf(counter, merchantId!, base.requestId) } : {}),
      };
    });
  }
}
