/**
 * A complete scoring request to start from: seed 003's shape, with its feature_overrides example
 * (the same four online features and values). Each call gets a fresh tx_id so that scoring it twice
 * makes two payments, not a rescore.
 */
export function exampleScoreRequest(now: Date = new Date()): string {
  const request = {
    transaction: {
      tx_id: `tx-console-${now.getTime().toString(36)}`,
      created_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      amount: 125.5,
      currency: 'USD',
      direction: 'pay_in',
      channel: 'card',
      psp: 'stripe',
      route_id: 'us-card-1',
      status: 'approved',
      status_reason: 'approved by issuer',
      fee_total: '3.95',
    },
    entities: {
      user_id: 'user-1001',
      sender_entity_id: 'cust-1001',
      receiver_entity_id: 'merch-77',
      sender_country: 'US',
      receiver_country: 'US',
      ip_hash: '9b2e44c1d0aa',
      device_id_hash: 'a3f1c9d2e8b7',
    },
    feature_overrides: {
      response_time_ms: 117,
      duplicate_order_count: 2,
      merchant_hour_error_rate: 0.08,
      is_extreme_amount: 1,
    },
  };
  return JSON.stringify(request, null, 2);
}
