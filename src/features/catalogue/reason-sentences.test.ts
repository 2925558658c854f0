import { describe, expect, it } from 'vitest';
import { featureCatalogue, featureDefinition, formatReason } from './feature-catalogue.js';

const float32Max = 3.4028234663852886e38;
/** Features the engine always computes: they need no sentence for a missing value. */
const neverMissing = [
  'sender_tx_count_1h',
  'sender_tx_count_24h',
  'sender_tx_count_7d',
  'sender_tx_count_30d',
  'sender_known_fraud_count_30d',
  'sender_distinct_devices_24h',
  'sender_distinct_devices_30d',
  'sender_distinct_ips_24h',
  'sender_distinct_ips_30d',
  'sender_distinct_receivers_24h',
  'sender_distinct_receivers_30d',
  'is_new_receiver_for_sender',
  'receiver_tx_count_1h',
  'receiver_tx_count_24h',
  'receiver_tx_count_7d',
  'receiver_tx_count_30d',
  'receiver_delayed_tx_count_1d',
  'receiver_delayed_fraud_rate_1d',
  'receiver_delayed_tx_count_7d',
  'receiver_delayed_fraud_rate_7d',
  'receiver_delayed_tx_count_30d',
  'receiver_delayed_fraud_rate_30d',
  'receiver_known_fraud_rate_1d',
  'receiver_known_fraud_rate_7d',
  'receiver_known_fraud_rate_30d',
  'receiver_known_fraud_count_30d',
  'sender_distinct_countries_24h',
  'sender_distinct_countries_30d',
];

/** What a sentence must never say: a placeholder, a raw float, or "0 <things>" where "no <thing>" is meant. */
function expectReadable(sentence: string, context: string): void {
  expect(sentence, context).not.toMatch(/\{value\}|NaN|undefined|Infinity|unknown|\de[+-]?\d/);
  expect(sentence, context).not.toMatch(/(^|\s)-?0(\.0+)? (different|payments|USD|times|standard|seconds|hours|km|of)\b/);
  expect(sentence, context).not.toMatch(/(^|\s)0(\.0+)?%/);
  expect(sentence.length, context).toBeGreaterThan(15);
}

describe('reason sentences', () => {
  it('say why on zero, missing and extreme values, for every feature', () => {
    for (const definition of featureCatalogue) {
      const zero = formatReason(definition, 0);
      expectReadable(zero, `${definition.name} = 0: ${zero}`);
      if (!neverMissing.includes(definition.name)) {
        expect(definition.reasonCases?.missing, `${definition.name} needs a sentence for a missing value`).toBeDefined();
        expectReadable(formatReason(definition, Number.NaN), `${definition.name} missing`);
      }
      for (const extreme of [float32Max, 1e9, 123_456.789, -float32Max]) {
        const sentence = formatReason(definition, extreme);
        expectReadable(sentence, `${definition.name} = ${extreme}: ${sentence}`);
      }
      if (definition.type === 'binary') {
        // A flag's sentence states it; 0 states the opposite.
        expect(zero, definition.name).not.toBe(formatReason(definition, 1));
        expect(definition.reasonCases?.zero, definition.name).toBeDefined();
      }
    }
  });

  it('lists exactly the features that are never missing', () => {
    const withoutMissing = featureCatalogue.filter((definition) => definition.reasonCases?.missing === undefined).map((definition) => definition.name);
    expect(withoutMissing).toEqual(neverMissing);
  });

  it('states what is absent instead of counting nothing', () => {
    const sentence = (name: string, value: number) => formatReason(featureDefinition(name)!, value);
    expect(sentence('sender_distinct_ips_30d', 0)).toBe('No IP address on record for this sender in the last 30 days');
    expect(sentence('sender_distinct_ips_30d', 3)).toBe('The sender used 3 different IP addresses in the last 30 days');
    expect(sentence('sender_tx_count_24h', 0)).toBe('The sender made no other payments in the last 24 hours');
    expect(sentence('sender_seconds_since_previous_tx', Number.NaN)).toBe("This is the sender's first payment in the last 30 days");
    expect(sentence('device_tx_count_1h', Number.NaN)).toBe('No device was sent with this payment');
    expect(sentence('is_new_device_for_sender', 0)).toBe('The sender has used this device in the last 30 days');
    expect(sentence('receiver_delayed_fraud_rate_7d', 0.25)).toBe("25% of the receiver's payments in the 7 days before the label delay were fraud");
    expect(sentence('receiver_delayed_fraud_rate_7d', 0.0123)).toBe("1.2% of the receiver's payments in the 7 days before the label delay were fraud");
    expect(sentence('receiver_delayed_fraud_rate_7d', 0)).toBe("None of the receiver's payments in the 7 days before the label delay is known as fraud");
    expect(sentence('receiver_delayed_tx_count_30d', 0)).toBe('The receiver had no payments in the 30 days before the label delay');
    expect(sentence('receiver_delayed_tx_count_1d', 12)).toBe('The receiver had 12 payments in the day before the label delay');
    expect(sentence('amount_usd', 1_234_567)).toBe('The payment is worth 1,234,567 USD');
    expect(sentence('amount_usd', 12.5)).toBe('The payment is worth 12.50 USD');
    expect(sentence('ip_asn', 13_335)).toBe('The IP address belongs to AS13335');
    expect(sentence('ua_browser_family_code', 1)).toBe('The browser is an unlisted one');
    expect(sentence('channel_code', 0)).toBe('The payment channel is not one Sentra knows');
    expect(sentence('sender_amount_usd_mean_incl_7d', 1_234.5)).toBe("The sender's average payment in the last 7 days, this one included, was 1,235 USD");
    expect(sentence('sender_amount_usd_mean_incl_24h', 0)).toBe("The sender's payments in the last 24 hours, this one included, were for no money");
    expect(sentence('sender_amount_usd_mean_incl_30d', Number.NaN)).toBe("This payment's amount could not be converted to USD, so the sender's average in the last 30 days with it is not known");
  });
});
