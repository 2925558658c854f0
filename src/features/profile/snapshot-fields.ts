/**
 * The raw aggregates a profile store returns for one transaction, read from the state BEFORE the
 * transaction is folded in. Feature definitions derive every behavioural feature from these.
 * The order is the order of the role plans' queries (checked when a plan is built), and both
 * stores fill a `Float64Array` in this order; NaN means the role is absent from the transaction.
 * `*_amount_cents_*` are sums of USD amounts in whole cents, `sender_amount_square_30d` in dimes²,
 * the hour sine/cosine sums in millionths (see `buildContribution`).
 */
export const snapshotFieldNames = [
  'sender_count_1h',
  'sender_amount_cents_1h',
  'sender_count_24h',
  'sender_amount_cents_24h',
  'sender_count_7d',
  'sender_amount_cents_7d',
  'sender_count_30d',
  'sender_amount_cents_30d',
  'sender_amount_square_30d',
  'sender_hour_sine_30d',
  'sender_hour_cosine_30d',
  'sender_known_fraud_30d',
  'sender_last_transaction_at',
  'sender_last_latitude',
  'sender_last_longitude',
  'sender_last_location_at',
  'sender_last_account_change_at',
  'sender_distinct_devices_24h',
  'sender_distinct_devices_30d',
  'sender_knows_device',
  'sender_distinct_ips_24h',
  'sender_distinct_ips_30d',
  'sender_knows_ip',
  'sender_distinct_receivers_24h',
  'sender_distinct_receivers_30d',
  'sender_knows_receiver',
  'sender_distinct_countries_24h',
  'sender_distinct_countries_30d',
  'sender_knows_country',
  'receiver_count_1h',
  'receiver_amount_cents_1h',
  'receiver_count_24h',
  'receiver_amount_cents_24h',
  'receiver_count_7d',
  'receiver_amount_cents_7d',
  'receiver_count_30d',
  'receiver_amount_cents_30d',
  'receiver_delayed_count_1d',
  'receiver_delayed_fraud_1d',
  'receiver_delayed_count_7d',
  'receiver_delayed_fraud_7d',
  'receiver_delayed_count_30d',
  'receiver_delayed_fraud_30d',
  'receiver_known_fraud_1d',
  'receiver_known_old_count_1d',
  'receiver_known_labeled_1d',
  'receiver_known_fraud_7d',
  'receiver_known_old_count_7d',
  'receiver_known_labeled_7d',
  'receiver_known_fraud_30d',
  'receiver_known_old_count_30d',
  'receiver_known_labeled_30d',
  'device_count_1h',
  'device_amount_cents_1h',
  'device_count_24h',
  'device_amount_cents_24h',
  'device_count_7d',
  'device_amount_cents_7d',
  'device_count_30d',
  'device_amount_cents_30d',
  'device_distinct_senders_24h',
  'device_distinct_senders_30d',
  'ip_count_1h',
  'ip_amount_cents_1h',
  'ip_count_24h',
  'ip_amount_cents_24h',
  'ip_count_7d',
  'ip_amount_cents_7d',
  'ip_count_30d',
  'ip_amount_cents_30d',
  'ip_distinct_senders_24h',
  'ip_distinct_senders_30d',
  'session_count_1h',
  'session_amount_cents_1h',
  'session_count_24h',
  'session_amount_cents_24h',
  'session_distinct_ips_24h',
  'session_distinct_devices_24h',
] as const;

/** Name of one raw aggregate of a profile snapshot. */
export type SnapshotField = (typeof snapshotFieldNames)[number];

/** Position of every snapshot field in the snapshot array. */
export const snapshotIndex: Readonly<Record<SnapshotField, number>> = Object.freeze(
  Object.fromEntries(snapshotFieldNames.map((name, index) => [name, index])) as Record<SnapshotField, number>,
);

/** Number of values in a snapshot. */
export const snapshotLength = snapshotFieldNames.length;
