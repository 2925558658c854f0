import { deviceSessionFeatures } from './device-session-features.js';
import type { FeatureDefinition } from './feature-definition.js';
import { networkFeatures } from './network-features.js';
import { receiverFeatures } from './receiver-features.js';
import { requestFeatures } from './request-features.js';
import { senderFeatures } from './sender-features.js';
import { timeFeatures } from './time-features.js';

/**
 * The fixed, ordered feature catalogue: the engine writes values in this order, and models align
 * to it by name. Append new features at the end of their group only with a new catalogue version;
 * never rename or change the meaning of a published name.
 */
export const featureCatalogue: readonly FeatureDefinition[] = Object.freeze([
  ...requestFeatures,
  ...timeFeatures,
  ...senderFeatures,
  ...receiverFeatures,
  ...deviceSessionFeatures,
  ...networkFeatures,
]);

/** Version of the catalogue, written into feature_schema.json; bump when features are added. */
export const featureCatalogueVersion = '1';

/** Catalogue names in order. */
export const featureNames: readonly string[] = Object.freeze(featureCatalogue.map((feature) => feature.name));

/** Catalogue position by name. */
export const featureIndexByName: ReadonlyMap<string, number> = new Map(featureNames.map((name, index) => [name, index]));

/** A catalogue entry by name, or undefined. */
export function featureDefinition(name: string): FeatureDefinition | undefined {
  const index = featureIndexByName.get(name);
  return index === undefined ? undefined : featureCatalogue[index];
}

/**
 * The explanation sentence of a feature value: `{value}` becomes the category label, the integer,
 * another number with 2 decimals (none from 100 up), or "unknown" for a missing value.
 */
export function formatReason(definition: FeatureDefinition, value: number): string {
  let text: string;
  if (Number.isNaN(value)) text = 'unknown';
  else if (definition.valueLabels?.[value] !== undefined) text = definition.valueLabels[value];
  else if (Number.isInteger(value)) text = String(value);
  else text = value.toFixed(Math.abs(value) >= 100 ? 0 : 2);
  return definition.reasonTemplate.replace('{value}', text);
}
