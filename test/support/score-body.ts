import type { RiskScoreRequest } from '../../src/contract/risk-score.js';

let sequence = 0;

/** A complete, valid seed-003 scoring body; pass overrides per section. */
export function scoreBody(
  overrides: { transaction?: Partial<RiskScoreRequest['transaction']>; entities?: Partial<RiskScoreRequest['entities']> } & Omit<
    Partial<RiskScoreRequest>,
    'transaction' | 'entities'
  > = {},
): RiskScoreRequest {
  sequence += 1;
  const { transaction, entities, ...rest } = overrides;
  return {
    transaction: {
      tx_id: `tx-${process.pid}-${sequence}`,
      created_at: '2026-11-20T14:03:11Z',
      amount: 125.5,
      currency: 'USD',
      direction: 'pay_in',
      channel: 'card',
      psp: 'stripe',
      route_id: 'us-card-1',
      status: 'approved',
      status_reason: 'approved by issuer',
      fee_total: '3.95',
      ...transaction,
    },
    entities: {
      sender_entity_id: 'cust-1001',
      receiver_entity_id: 'merch-77',
      sender_country: 'US',
      receiver_country: 'US',
      device_id_hash: 'a3f1c9d2e8b7',
      ip_hash: '9b2e44c1d0aa',
      user_id: 'user-1001',
      ...entities,
    },
    ...rest,
  };
}

/** Row counts of every table a scoring request may write. */
export const writtenTables = ['entities', 'transactions', 'kyc_refs', 'risk_scores', 'cases', 'audit_log', 'jobs'] as const;
