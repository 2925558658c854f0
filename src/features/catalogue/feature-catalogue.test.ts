import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { featureCatalogue, featureCatalogueVersion, featureDefinition, featureIndexByName, featureNames, formatReason, groupedInteger, modelFeatureNames } from './feature-catalogue.js';
import { featureTypes } from './feature-definition.js';
import { timeOfDay } from '../local-time.js';
import { snapshotIndex, snapshotLength } from '../profile/snapshot-fields.js';
import { transaction } from '../testing/transactions.js';

describe('featureCatalogue', () => {
  it('has unique snake_case names and unique reason codes with a {value} or fixed sentence', () => {
    expect(new Set(featureNames).size).toBe(featureNames.length);
    expect(new Set(featureCatalogue.map((feature) => feature.reasonCode)).size).toBe(featureCatalogue.length);
    for (const feature of featureCatalogue) {
      expect(feature.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(feature.reasonCode).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(featureTypes).toContain(feature.type);
      expect(feature.description.length).toBeGreaterThan(20);
    }
  });

  it('keeps the published order of its first features', () => {
    expect(featureNames.slice(0, 3)).toEqual(['amount_usd', 'fee_ratio', 'channel_code']);
    expect(featureIndexByName.get('sender_tx_count_1h')).toBe(featureNames.indexOf('sender_tx_count_1h'));
    expect(featureNames).toContain('ip_is_hosting');
    expect(featureNames).toContain('ip_country_mismatch');
  });

  it('names the handbook features', () => {
    for (const name of [
      'sender_tx_count_24h',
      'sender_amount_usd_mean_7d',
      'sender_amount_usd_mean_30d',
      'sender_amount_usd_mean_incl_24h',
      'sender_amount_usd_mean_incl_7d',
      'sender_amount_usd_mean_incl_30d',
      'receiver_delayed_tx_count_1d',
      'receiver_delayed_fraud_rate_7d',
      'receiver_delayed_fraud_rate_30d',
      'is_weekend_utc',
      'is_night_utc',
    ]) {
      expect(featureDefinition(name), name).toBeDefined();
    }
  });

  it('gives models every feature but the alphabetical country codes, in catalogue order', () => {
    const left = ['sender_country_code', 'receiver_country_code'];
    expect(modelFeatureNames).toEqual(featureNames.filter((name) => !left.includes(name)));
    for (const name of left) expect(featureDefinition(name)!.modelInput, name).toBe(false);
    // Still computed and explained: rules and reasons read them.
    expect(formatReason(featureDefinition('sender_country_code')!, 6 * 32 + 18)).toBe('The sender is in FR');
    // Countries an honest split can read stay inputs.
    expect(modelFeatureNames).toContain('is_cross_border');
  });

  it("appends the means including the current payment (version 4) and the spending shifts (version 5) to the sender's features", () => {
    expect(featureCatalogueVersion).toBe('5');
    const last = featureNames.indexOf('is_new_receiver_for_sender');
    expect(featureNames.slice(last + 1, last + 6)).toEqual([
      'sender_amount_usd_mean_incl_24h',
      'sender_amount_usd_mean_incl_7d',
      'sender_amount_usd_mean_incl_30d',
      'sender_spend_shift_24h_to_30d',
      'sender_spend_shift_7d_to_30d',
    ]);
    expect(featureNames[last + 6]).toBe('receiver_tx_count_1h');
    expect(modelFeatureNames).toContain('sender_amount_usd_mean_incl_30d');
    expect(modelFeatureNames).toContain('sender_spend_shift_7d_to_30d');
  });

  it("compares the sender's recent mean amount with its 30-day mean, this payment included in both", () => {
    const snapshot = new Float64Array(snapshotLength);
    // Earlier payments: 2 in the last 24 hours (30 + 50 USD), 4 in 7 days (those and 10 + 10 USD),
    // 9 in 30 days (those and five of 10 USD).
    snapshot[snapshotIndex.sender_count_24h] = 2;
    snapshot[snapshotIndex.sender_amount_cents_24h] = 8_000;
    snapshot[snapshotIndex.sender_count_7d] = 4;
    snapshot[snapshotIndex.sender_amount_cents_7d] = 10_000;
    snapshot[snapshotIndex.sender_count_30d] = 9;
    snapshot[snapshotIndex.sender_amount_cents_30d] = 15_000;
    const input = { record: transaction(), snapshot, amountUsd: 20, time: timeOfDay(0, 'GB'), network: undefined, userAgent: undefined, online: undefined };
    const shift = (window: string, changes: Partial<typeof input> = {}) => featureDefinition(`sender_spend_shift_${window}_to_30d`)!.compute({ ...input, ...changes });
    // 24 hours: (80 + 20) / 3; 30 days: (150 + 20) / 10.
    expect(shift('24h')).toBeCloseTo(100 / 3 / 17, 12);
    // 7 days: (100 + 20) / 5 = 24 against 17.
    expect(shift('7d')).toBeCloseTo(24 / 17, 12);
    // A first payment: its own amount over its own amount.
    const empty = new Float64Array(snapshotLength);
    expect(shift('7d', { snapshot: empty })).toBe(1);
    // Nothing paid in 30 days, this payment for no money: no month to compare with.
    expect(shift('24h', { snapshot: empty, amountUsd: 0 })).toBeNaN();
    // Ordinary payments for no money with a recent spend: the recent mean is what the month holds.
    expect(shift('7d', { amountUsd: 0 })).toBeCloseTo(20 / 15, 12);
    // An amount that cannot be converted to USD.
    expect(shift('7d', { amountUsd: Number.NaN })).toBeNaN();
  });

  it('computes a mean including the current payment from the earlier window sum and count', () => {
    const snapshot = new Float64Array(snapshotLength);
    snapshot[snapshotIndex.sender_count_24h] = 1;
    snapshot[snapshotIndex.sender_amount_cents_24h] = 1_000;
    snapshot[snapshotIndex.sender_count_7d] = 3;
    snapshot[snapshotIndex.sender_amount_cents_7d] = 4_550;
    const input = { record: transaction(), snapshot, amountUsd: 50, time: timeOfDay(0, 'GB'), network: undefined, userAgent: undefined, online: undefined };
    const mean = (window: string, amountUsd = 50) => featureDefinition(`sender_amount_usd_mean_incl_${window}`)!.compute({ ...input, amountUsd });
    expect(mean('24h')).toBe((10 + 50) / 2);
    expect(mean('7d')).toBe((45.5 + 50) / 4);
    // No earlier payment: the payment's own amount, where the mean of earlier payments is missing.
    expect(mean('30d')).toBe(50);
    expect(featureDefinition('sender_amount_usd_mean_30d')!.compute(input)).toBeNaN();
    expect(mean('30d', 0)).toBe(0);
    expect(mean('7d', Number.NaN)).toBeNaN();
  });

  it('tags plain snapshot copies with a source that gives the same value as compute', () => {
    const snapshot = Float64Array.from({ length: snapshotLength }, (_, index) => index * 37 + 0.5);
    const input = { record: transaction(), snapshot, amountUsd: 1, time: timeOfDay(0, 'GB'), network: undefined, userAgent: undefined, online: undefined };
    const copies = featureCatalogue.filter((definition) => definition.source !== undefined);
    expect(copies.length).toBeGreaterThan(40);
    for (const definition of copies) {
      expect(definition.compute(input), definition.name).toBe(snapshot[definition.source!.snapshotIndex]! / definition.source!.divisor);
    }
  });

  it('formats explanation sentences', () => {
    const velocity = featureDefinition('sender_tx_count_1h')!;
    expect(velocity.reasonCode).toBe('SENDER_VELOCITY_1H');
    expect(formatReason(velocity, 7)).toBe('The sender made 7 payments in the last hour');
    expect(formatReason(featureDefinition('channel_code')!, 8)).toBe('The payment channel is pix');
    expect(formatReason(featureDefinition('sender_amount_ratio_to_mean_30d')!, 3.14159)).toBe("The amount is 3.14 times the sender's 30-day average");
    expect(formatReason(featureDefinition('distance_from_previous_location_km')!, 5837.4)).toContain('5,837 km');
    expect(formatReason(featureDefinition('ip_country_code')!, Number.NaN)).toBe('No IP address was sent with this payment, so its country is not known');
  });
});

describe('groupedInteger', () => {
  it('writes every number a sentence groups exactly as Intl en-US with no decimals does', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    const value = fc.oneof(
      fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 99.5, 100.5, -100.5, 999.5, 999_999.5, -1_000_000.49, 2 ** 53, 2 ** 53 + 2, -(2 ** 60), 1e21),
    );
    fc.assert(fc.property(value, (number) => groupedInteger(number) === intl.format(number)), { numRuns: 5000 });
  });
});
