import { circularHourDistance } from '../local-time.js';
import { flag, fromSnapshot, ratio, snapshotField, usdFromCents, windowPhrases, type FeatureDefinition, type FeatureInput, type WindowName } from './feature-definition.js';

const windows: readonly WindowName[] = ['1h', '24h', '7d', '30d'];
const count30 = snapshotField('sender_count_30d');
const cents30 = snapshotField('sender_amount_cents_30d');
const square30 = snapshotField('sender_amount_square_30d');
const sine30 = snapshotField('sender_hour_sine_30d');
const cosine30 = snapshotField('sender_hour_cosine_30d');
const lastTransactionAt = snapshotField('sender_last_transaction_at');

/** Standard deviation of the sender's 30-day amounts (USD), floored at 1% of the mean and at 0.01 USD. */
function senderStandardDeviation(count: number, sum: number, sumOfSquares: number): number {
  const mean = sum / count;
  const variance = Math.max(0, sumOfSquares / count - mean * mean);
  return Math.max(Math.sqrt(variance), 0.01 * Math.abs(mean), 0.01);
}

const velocity: FeatureDefinition[] = windows.flatMap((window) => [
  {
    name: `sender_tx_count_${window}`,
    type: 'numeric' as const,
    description: `Sender's earlier transactions in ${windowPhrases[window]} (bucketed window, see docs/features.md), this one excluded.`,
    reasonCode: `SENDER_VELOCITY_${window.toUpperCase()}`,
    reasonTemplate: `The sender made {value} payments in ${windowPhrases[window]}`,
    reasonCases: { zero: `The sender made no other payments in ${windowPhrases[window]}` },
    ...fromSnapshot(`sender_count_${window}`),
  },
  {
    name: `sender_amount_usd_sum_${window}`,
    type: 'numeric' as const,
    description: `USD sum of the sender's earlier transactions in ${windowPhrases[window]}.`,
    reasonCode: `SENDER_AMOUNT_${window.toUpperCase()}`,
    reasonTemplate: `The sender paid {value} USD in ${windowPhrases[window]}`,
    reasonCases: { zero: `The sender paid nothing in ${windowPhrases[window]}`, missing: `The sender's payments in ${windowPhrases[window]} could not all be converted to USD` },
    ...usdFromCents(`sender_amount_cents_${window}`),
  },
]);

const spending: FeatureDefinition[] = (['24h', '7d', '30d'] as const).map((window) => {
  const count = snapshotField(`sender_count_${window}`);
  const cents = snapshotField(`sender_amount_cents_${window}`);
  return {
    name: `sender_amount_usd_mean_${window}`,
    type: 'numeric' as const,
    description: `Mean USD amount of the sender's earlier transactions in ${windowPhrases[window]} (handbook customer spending); missing when there are none.`,
    reasonCode: `SENDER_AVERAGE_AMOUNT_${window.toUpperCase()}`,
    reasonTemplate: `The sender's average payment in ${windowPhrases[window]} was {value} USD`,
    reasonCases: {
      zero: `The sender's other payments in ${windowPhrases[window]} were for no money`,
      missing: `The sender made no other payments in ${windowPhrases[window]}, so there is no average to compare with`,
    },
    compute: (input) => ratio(input.snapshot[cents]! / 100, input.snapshot[count]!),
  };
});

/**
 * The handbook's customer spending as it defines it: the average over the window with this payment
 * included (catalogue version 4), so a first payment has a mean (its own amount) and a payment far
 * above the sender's habit moves it. Earlier payments without a USD amount count as 0 USD, as in
 * the sums and means above; a payment without a USD amount of its own has no mean, as it has no
 * ratio to the sender's mean.
 */
function meanIncluding(window: '24h' | '7d' | '30d'): (input: FeatureInput) => number {
  const count = snapshotField(`sender_count_${window}`);
  const cents = snapshotField(`sender_amount_cents_${window}`);
  return (input) => (input.snapshot[cents]! / 100 + input.amountUsd) / (input.snapshot[count]! + 1);
}

const spendingIncluded: FeatureDefinition[] = (['24h', '7d', '30d'] as const).map((window) => ({
  name: `sender_amount_usd_mean_incl_${window}`,
  type: 'numeric' as const,
  description: `Mean USD amount of the sender's transactions in ${windowPhrases[window]}, this one included (the handbook's customer spending): (earlier USD sum + amount_usd) / (earlier count + 1); missing when amount_usd is.`,
  reasonCode: `SENDER_AVERAGE_AMOUNT_INCL_${window.toUpperCase()}`,
  reasonTemplate: `The sender's average payment in ${windowPhrases[window]}, this one included, was {value} USD`,
  reasonCases: {
    zero: `The sender's payments in ${windowPhrases[window]}, this one included, were for no money`,
    missing: `This payment's amount could not be converted to USD, so the sender's average in ${windowPhrases[window]} with it is not known`,
  },
  compute: meanIncluding(window),
}));

/**
 * How the sender's recent spending compares with its month: the mean amount over the last 24 hours
 * or 7 days against the mean over 30 days, this payment included in both (the means above). A card
 * in someone else's hands is spent at a higher level than its owner's habit, and that shows in the
 * ratio of the recent mean to the month's even on a payment of ordinary size.
 */
const monthMeanIncluding = meanIncluding('30d');

const spendingShift: FeatureDefinition[] = (['24h', '7d'] as const).map((window) => {
  const recentMeanIncluding = meanIncluding(window);
  return {
    name: `sender_spend_shift_${window}_to_30d`,
    type: 'numeric' as const,
    description: `The sender's mean amount in ${windowPhrases[window]} / its mean amount in the last 30 days, this payment included in both (sender_amount_usd_mean_incl_${window} / sender_amount_usd_mean_incl_30d); missing when amount_usd is, or when the 30-day mean is 0.`,
    reasonCode: `SENDER_SPEND_SHIFT_${window.toUpperCase()}`,
    reasonTemplate: `The sender's average payment in ${windowPhrases[window]} is {value} times its 30-day average`,
    reasonCases: {
      zero: `The sender's payments in ${windowPhrases[window]}, this one included, were for no money`,
      missing: `The sender's average payment over 30 days is not known or is zero, so the recent average cannot be compared with it`,
    },
    compute: (input) => ratio(recentMeanIncluding(input), monthMeanIncluding(input)),
  };
});

const history: FeatureDefinition[] = [
  {
    name: 'sender_amount_ratio_to_mean_30d',
    type: 'numeric',
    description: "amount_usd / the sender's 30-day mean amount; missing without history.",
    reasonCode: 'AMOUNT_ABOVE_SENDER_AVERAGE',
    reasonTemplate: "The amount is {value} times the sender's 30-day average",
    reasonCases: { zero: 'The payment is for no money', missing: 'The sender made no other payments in the last 30 days to compare the amount with' },
    compute: (input) => ratio(input.amountUsd, ratio(input.snapshot[cents30]! / 100, input.snapshot[count30]!)),
  },
  {
    name: 'sender_amount_zscore_30d',
    type: 'numeric',
    description: "(amount_usd − 30-day mean) / 30-day standard deviation (floored at 1% of the mean and 0.01 USD); missing with fewer than 2 earlier transactions.",
    reasonCode: 'AMOUNT_UNUSUAL_FOR_SENDER',
    reasonTemplate: "The amount is {value} standard deviations from the sender's usual amounts",
    reasonCases: { zero: "The amount is exactly the sender's 30-day average", missing: 'The sender made fewer than 2 other payments in the last 30 days to compare the amount with' },
    compute: (input) => {
      const count = input.snapshot[count30]!;
      if (!(count >= 2)) return Number.NaN;
      const sum = input.snapshot[cents30]! / 100;
      return (input.amountUsd - sum / count) / senderStandardDeviation(count, sum, input.snapshot[square30]! / 100);
    },
  },
  {
    name: 'sender_seconds_since_previous_tx',
    type: 'numeric',
    description: "Seconds since the sender's previous transaction (within the 30-day profile retention); missing for a first transaction.",
    reasonCode: 'SENDER_RAPID_REPEAT',
    reasonTemplate: "The sender's previous payment was {value} seconds earlier",
    reasonCases: { zero: "The sender's previous payment was in the same second", missing: "This is the sender's first payment in the last 30 days" },
    compute: (input) => {
      const previous = input.snapshot[lastTransactionAt]!;
      return Number.isNaN(previous) ? Number.NaN : (input.record.createdAt - previous) / 1000;
    },
  },
  {
    name: 'sender_hour_deviation_30d',
    type: 'numeric',
    description: "Circular distance in hours (0–12) between this local time of day and the sender's 30-day mean local time of day; missing without history.",
    reasonCode: 'UNUSUAL_HOUR',
    reasonTemplate: "The payment is {value} hours away from the sender's usual time of day",
    reasonCases: { zero: "The payment is at the sender's usual time of day", missing: 'The sender made no other payments in the last 30 days to compare the time of day with' },
    compute: (input) => {
      if (!(input.snapshot[count30]! > 0)) return Number.NaN;
      const angle = Math.atan2(input.snapshot[sine30]!, input.snapshot[cosine30]!);
      const meanHour = ((angle * 24) / (2 * Math.PI) + 24) % 24;
      return circularHourDistance(input.time.localFractionalHour, meanHour);
    },
  },
  {
    name: 'sender_hour_regularity_30d',
    type: 'numeric',
    description: "How concentrated the sender's 30-day local times of day are: mean resultant length 0 (spread) – 1 (always the same time); missing without history.",
    reasonCode: 'SENDER_HOUR_REGULARITY',
    reasonTemplate: "The sender's payment times have a regularity of {value} (0 = spread over the day, 1 = always the same time)",
    reasonCases: { zero: "The sender's payment times are spread over the whole day", missing: 'The sender made no other payments in the last 30 days to judge the regularity of their times' },
    compute: (input) => {
      const count = input.snapshot[count30]!;
      if (!(count > 0)) return Number.NaN;
      return Math.min(1, Math.hypot(input.snapshot[sine30]!, input.snapshot[cosine30]!) / 1_000_000 / count);
    },
  },
  {
    name: 'sender_known_fraud_count_30d',
    type: 'numeric',
    description: "Fraud labels known now (labeled_at ≤ this transaction) on the sender's transactions of the last 30 days.",
    reasonCode: 'SENDER_PRIOR_FRAUD',
    reasonTemplate: 'The sender had {value} payments confirmed as fraud in the last 30 days',
    reasonCases: { zero: "None of the sender's payments in the last 30 days is confirmed as fraud" },
    ...fromSnapshot('sender_known_fraud_30d'),
  },
];

function distinct(member: 'devices' | 'ips' | 'receivers' | 'countries', nouns: string, noun: string, reason: string): FeatureDefinition[] {
  return (['24h', '30d'] as const).map((window) => ({
    name: `sender_distinct_${member}_${window}`,
    type: 'numeric' as const,
    description: `Distinct ${nouns} the sender used in ${windowPhrases[window]}, this transaction's included (capped by the profile's set size).`,
    reasonCode: `${reason}_${window.toUpperCase()}`,
    reasonTemplate: `The sender used {value} different ${nouns} in ${windowPhrases[window]}`,
    reasonCases: { zero: `No ${noun} on record for this sender in ${windowPhrases[window]}` },
    ...fromSnapshot(`sender_distinct_${member}_${window}`),
  }));
}

/** 1 when the sender's member set does not hold the transaction's member, 0 when it does, missing without a member. */
function notKnown(knowsField: string): FeatureDefinition['compute'] {
  const known = snapshotField(knowsField);
  return (input) => {
    const value = input.snapshot[known]!;
    return Number.isNaN(value) ? Number.NaN : flag(value === 0);
  };
}

function firstSeen(member: 'device' | 'ip' | 'receiver', noun: string, reason: string): FeatureDefinition {
  return {
    name: `is_new_${member}_for_sender`,
    type: 'binary',
    description: `1 when the sender has not used this ${noun} in the last 30 days${member === 'receiver' ? '' : `; missing without a ${noun}`}.`,
    reasonCode: reason,
    reasonTemplate: `The sender has not used this ${noun} in the last 30 days`,
    reasonCases: { zero: `The sender has used this ${noun} in the last 30 days`, ...(member === 'receiver' ? {} : { missing: `No ${noun} was sent with this payment` }) },
    compute: notKnown(`sender_knows_${member}`),
  };
}

/** Behaviour of the sender (the paying customer / user) before this transaction. */
export const senderFeatures: readonly FeatureDefinition[] = [
  ...velocity,
  ...spending,
  ...history,
  ...distinct('devices', 'devices', 'device', 'SENDER_MULTIPLE_DEVICES'),
  ...distinct('ips', 'IP addresses', 'IP address', 'SENDER_MULTIPLE_IPS'),
  ...distinct('receivers', 'receivers', 'receiver', 'SENDER_MANY_RECEIVERS'),
  firstSeen('device', 'device', 'NEW_DEVICE'),
  firstSeen('ip', 'IP address', 'NEW_IP'),
  firstSeen('receiver', 'receiver', 'NEW_RECEIVER'),
  ...spendingIncluded,
  ...spendingShift,
];

/**
 * The countries the sender was seen in, by IP address (catalogue version 3): what NEW_COUNTRY of
 * the event API reads. Missing without a located IP address.
 */
export const senderCountryFeatures: readonly FeatureDefinition[] = [
  ...distinct('countries', 'IP countries', 'IP country', 'SENDER_MULTIPLE_COUNTRIES'),
  {
    name: 'is_new_country_for_sender',
    type: 'binary',
    description: "1 when the IP address's country is not one the sender was seen in during the last 30 days (also for a sender seen in none); missing without a located IP.",
    reasonCode: 'NEW_COUNTRY',
    reasonTemplate: "The sender has not been seen in this IP address's country in the last 30 days",
    reasonCases: { zero: "The sender has been seen in this IP address's country in the last 30 days", missing: 'The IP address of this payment could not be located' },
    compute: notKnown('sender_knows_country'),
  },
];

const lastAccountChangeAt = snapshotField('sender_last_account_change_at');
const accountChangeWindowSeconds = 30 * 86_400;

/**
 * The sender's last change of their own account (catalogue version 4): a password reset or an
 * account update (e-mail, phone, payout details) shortly before a payment is how an account
 * takeover looks from the payment's side.
 */
export const senderAccountFeatures: readonly FeatureDefinition[] = [
  {
    name: 'sender_seconds_since_account_change',
    type: 'numeric',
    description: "Seconds since the sender's last password reset or account update (event API `password_reset` / `account_update`, or the `event_type_code` override 4 / 5), within 30 days; missing when there was none.",
    reasonCode: 'RECENT_ACCOUNT_CHANGE',
    reasonTemplate: "The sender's password or account details were changed {value} seconds before this event",
    reasonCases: {
      zero: "The sender's password or account details were changed in the same second as this event",
      missing: "The sender's password and account details were not changed in the last 30 days",
    },
    compute: (input) => {
      const changedAt = input.snapshot[lastAccountChangeAt]!;
      const seconds = (input.record.createdAt - changedAt) / 1000;
      return seconds >= 0 && seconds <= accountChangeWindowSeconds ? seconds : Number.NaN;
    },
  },
];
