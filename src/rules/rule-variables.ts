import type { TransactionRecord } from '../contract/transaction-record.js';

/** Lists of a tenant as rules see them: name → entries (value → expiry in ms, Infinity for none). */
export type ListMembership = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** The model's verdict before rules (`model.*`). */
export interface ModelView {
  readonly score: number;
  readonly probability: number;
  readonly decision: string;
  readonly version: string;
}

/** Everything one evaluation reads; see docs/api.md "Rule variables". */
export interface RuleInputs {
  readonly record: TransactionRecord;
  /** Feature values by name; null or NaN values are left out (absent, `has()` is false). */
  readonly features: Readonly<Record<string, number | null>>;
  readonly model: ModelView;
  readonly lists: ListMembership;
  readonly signals?: Readonly<Record<string, unknown>>;
  readonly custom?: Readonly<Record<string, unknown>>;
  /** Outputs of earlier pipeline stages (`sentry.requestConfidence`). */
  readonly sentry?: Readonly<Record<string, unknown>>;
  /** The moment of the decision (ms since the epoch). */
  readonly now: number;
  /** Only these features are needed (RuleSet.features); default all. */
  readonly featureNames?: readonly string[] | 'all';
}

/** Sets a field only when it has a value: an absent field stays absent (`has()` is false). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && value !== null) target[key] = value;
}

/** The CEL variables of one evaluation: the request's names (`tx.amount`, `entities.sender_country`). */
export function ruleVariables(inputs: RuleInputs): Record<string, unknown> {
  const { record } = inputs;
  const features: Record<string, number> = {};
  const names = inputs.featureNames ?? 'all';
  if (names === 'all') {
    for (const name in inputs.features) {
      const value = inputs.features[name];
      if (typeof value === 'number' && !Number.isNaN(value)) features[name] = value;
    }
  } else {
    for (const name of names) {
      const value = inputs.features[name];
      if (typeof value === 'number' && !Number.isNaN(value)) features[name] = value;
    }
  }
  const tx: Record<string, unknown> = {
    tx_id: record.txId,
    created_at: new Date(record.createdAt),
    amount: record.amount,
    currency: record.currency,
    direction: record.direction,
    channel: record.channel,
    psp: record.psp,
    route_id: record.routeId,
    status: record.status,
    status_reason: record.statusReason,
    fee_total: record.feeTotal,
  };
  put(tx, 'fx_rate', record.fxRate);
  const entities: Record<string, unknown> = {
    sender_entity_id: record.senderEntityId,
    receiver_entity_id: record.receiverEntityId,
    sender_country: record.senderCountry,
    receiver_country: record.receiverCountry,
  };
  put(entities, 'user_id', record.userId);
  put(entities, 'merchant_id', record.merchantId);
  put(entities, 'ip_hash', record.ipHash);
  put(entities, 'device_id_hash', record.deviceIdHash);
  put(entities, 'session_id', record.sessionId);
  return {
    tx,
    entities,
    features,
    model: inputs.model,
    lists: inputs.lists,
    signals: inputs.signals ?? {},
    custom: inputs.custom ?? {},
    sentry: inputs.sentry ?? {},
    now: new Date(inputs.now),
  };
}
