import { featureNames } from '../../src/features/catalogue/feature-catalogue.js';
import type { RuleAction } from '../../src/rules/rule-action.js';

/** Ten rule shapes a risk team writes, with their actions: the rule benchmarks cycle through them. */
export const benchRuleTemplates: readonly (readonly [string, RuleAction])[] = [
  ['features.sender_tx_count_1h > 10 && tx.channel == "card" && !(entities.sender_entity_id in lists.trusted_customers)', 'REVIEW'],
  ['tx.amount > 5000 && entities.sender_country != entities.receiver_country', 'HOLD'],
  ['model.score >= 700 && tx.psp == "stripe"', { score: 50 }],
  ['entities.device_id_hash in lists.bad_devices', 'BLOCK'],
  ['has(features.sender_amount_zscore_30d) && features.sender_amount_zscore_30d > 4.0', { score: 80 }],
  ['tx.currency in ["NGN", "GHS", "KES"] && tx.amount > 1000', 'REVIEW'],
  ['entities.sender_country == "XX" || entities.receiver_country == "XX"', 'BLOCK'],
  ['tx.direction == "payout" && model.probability > 0.4', 'HOLD'],
  ['entities.sender_entity_id in lists.trusted_customers && model.score < 500', 'ALLOW'],
  ['features.sender_seconds_since_previous_tx < 5.0 && tx.amount > 100', { score: 30 }],
];

/** The lists the templates read: 100,000 trusted customers (`cust-<n>`) and one bad device (`device-bad`). */
export function benchLists(): Map<string, Map<string, number>> {
  const trusted = new Map<string, number>();
  for (let index = 0; index < 100_000; index++) trusted.set(`cust-${index}`, Number.POSITIVE_INFINITY);
  return new Map([
    ['trusted_customers', trusted],
    ['bad_devices', new Map([['device-bad', Number.POSITIVE_INFINITY]])],
  ]);
}

/** Every catalogue feature with a value, one in eleven missing (null). */
export function benchFeatureValues(): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  featureNames.forEach((name, index) => (values[name] = index % 11 === 0 ? null : (index * 7.3) % 13));
  return values;
}
