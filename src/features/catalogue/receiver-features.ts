import { fromSnapshot, snapshotField, usdFromCents, windowPhrases, type FeatureDefinition, type WindowName } from './feature-definition.js';

const windows: readonly WindowName[] = ['1h', '24h', '7d', '30d'];
const labelWindows = ['1d', '7d', '30d'] as const;

/** fraud / transactions, 0 when there are no transactions (as the handbook's terminal risk). */
function rate(fraud: number, transactions: number): number {
  return transactions > 0 ? fraud / transactions : 0;
}

const velocity: FeatureDefinition[] = windows.flatMap((window) => [
  {
    name: `receiver_tx_count_${window}`,
    type: 'numeric' as const,
    description: `Receiver's earlier transactions in ${windowPhrases[window]} (7d/30d use hourly buckets), this one excluded.`,
    reasonCode: `RECEIVER_VELOCITY_${window.toUpperCase()}`,
    reasonTemplate: `The receiver got {value} payments in ${windowPhrases[window]}`,
    reasonCases: { zero: `The receiver got no other payments in ${windowPhrases[window]}` },
    ...fromSnapshot(`receiver_count_${window}`),
  },
  {
    name: `receiver_amount_usd_sum_${window}`,
    type: 'numeric' as const,
    description: `USD sum of the receiver's earlier transactions in ${windowPhrases[window]}.`,
    reasonCode: `RECEIVER_AMOUNT_${window.toUpperCase()}`,
    reasonTemplate: `The receiver got {value} USD in ${windowPhrases[window]}`,
    reasonCases: { zero: `The receiver got nothing in ${windowPhrases[window]}`, missing: `The receiver's payments in ${windowPhrases[window]} could not all be converted to USD` },
    ...usdFromCents(`receiver_amount_cents_${window}`),
  },
]);

/** The delayed windows in words: they end one label delay (a plan setting, default 7 days) before the payment. */
const delayedPhrases = { '1d': 'the day before the label delay', '7d': 'the 7 days before the label delay', '30d': 'the 30 days before the label delay' } as const;

const delayed: FeatureDefinition[] = labelWindows.flatMap((window) => {
  const count = snapshotField(`receiver_delayed_count_${window}`);
  const fraud = snapshotField(`receiver_delayed_fraud_${window}`);
  return [
    {
      name: `receiver_delayed_tx_count_${window}`,
      type: 'numeric' as const,
      description: `Receiver transactions created in the ${window} window that ends one label delay (default 7 days) before this transaction (handbook TERMINAL_ID_NB_TX_${window.toUpperCase()}_WINDOW).`,
      reasonCode: `RECEIVER_DELAYED_VOLUME_${window.toUpperCase()}`,
      reasonTemplate: `The receiver had {value} payments in ${delayedPhrases[window]}`,
      reasonCases: { zero: `The receiver had no payments in ${delayedPhrases[window]}` },
      compute: (input) => input.snapshot[count]!,
    },
    {
      name: `receiver_delayed_fraud_rate_${window}`,
      type: 'numeric' as const,
      description: `Known fraud labels / transactions among the receiver's transactions of that delayed ${window} window, counting only labels with labeled_at ≤ now; 0 without transactions (handbook TERMINAL_ID_RISK_${window.toUpperCase()}_WINDOW).`,
      reasonCode: `RECEIVER_FRAUD_RATE_${window.toUpperCase()}`,
      reasonTemplate: `{value} of the receiver's payments in ${delayedPhrases[window]} were fraud`,
      reasonCases: { zero: `None of the receiver's payments in ${delayedPhrases[window]} is known as fraud` },
      valueFormat: 'percent' as const,
      compute: (input) => rate(input.snapshot[fraud]!, input.snapshot[count]!),
    },
  ];
});

const known: FeatureDefinition[] = labelWindows.map((window) => {
  const fraud = snapshotField(`receiver_known_fraud_${window}`);
  const old = snapshotField(`receiver_known_old_count_${window}`);
  const labeled = snapshotField(`receiver_known_labeled_${window}`);
  return {
    name: `receiver_known_fraud_rate_${window}`,
    type: 'numeric' as const,
    description: `Receiver fraud rate over ${windowPhrases[window]} as known now: fraud labels known now / (transactions older than the label delay + newer transactions already labeled); 0 when the denominator is 0.`,
    reasonCode: `RECEIVER_KNOWN_FRAUD_RATE_${window.toUpperCase()}`,
    reasonTemplate: `{value} of the receiver's payments with a known outcome in ${windowPhrases[window]} were fraud`,
    reasonCases: { zero: `None of the receiver's payments in ${windowPhrases[window]} is known as fraud` },
    valueFormat: 'percent' as const,
    compute: (input) => rate(input.snapshot[fraud]!, input.snapshot[old]! + input.snapshot[labeled]!),
  };
});

/** Behaviour of the receiver (merchant / terminal / payee) and its known fraud. */
export const receiverFeatures: readonly FeatureDefinition[] = [
  ...velocity,
  ...delayed,
  ...known,
  {
    name: 'receiver_known_fraud_count_30d',
    type: 'numeric',
    description: "Fraud labels known now on the receiver's transactions created in the last 30 days.",
    reasonCode: 'RECEIVER_PRIOR_FRAUD',
    reasonTemplate: "{value} of the receiver's payments in the last 30 days are confirmed fraud",
    reasonCases: { zero: "None of the receiver's payments in the last 30 days is confirmed as fraud" },
    ...fromSnapshot('receiver_known_fraud_30d'),
  },
];
