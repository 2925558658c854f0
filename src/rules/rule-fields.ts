/**
 * The fields rules can read from the request, by variable. `tx` and `entities` use the names of
 * `POST /v1/risk/score`; `model` is the model's own verdict before rules. A selection of another
 * field is refused at save time (a misspelt field would otherwise only ever produce error hits).
 */
export const ruleFields = Object.freeze({
  tx: new Set(['tx_id', 'created_at', 'amount', 'currency', 'fx_rate', 'direction', 'channel', 'psp', 'route_id', 'status', 'status_reason', 'fee_total']),
  entities: new Set(['sender_entity_id', 'receiver_entity_id', 'sender_country', 'receiver_country', 'user_id', 'merchant_id', 'ip_hash', 'device_id_hash', 'session_id']),
  model: new Set(['score', 'probability', 'decision', 'version']),
} satisfies Record<string, ReadonlySet<string>>);
