import { deviceSessionFeatures } from './device-session-features.js';
import type { FeatureDefinition } from './feature-definition.js';
import { kycFeatures } from './kyc-features.js';
import { networkFeatures } from './network-features.js';
import { receiverFeatures } from './receiver-features.js';
import { requestFeatures } from './request-features.js';
import { senderAccountFeatures, senderCountryFeatures, senderFeatures } from './sender-features.js';
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
  ...kycFeatures,
  ...senderCountryFeatures,
  ...senderAccountFeatures,
]);

/** Version of the catalogue, written into feature_schema.json; bump when features are added. */
export const featureCatalogueVersion = '5';

/** Catalogue names in order. */
export const featureNames: readonly string[] = Object.freeze(featureCatalogue.map((feature) => feature.name));

/**
 * The catalogue names `sentra train` fits models on, in catalogue order: every feature except
 * those marked `modelInput: false`. A model trained before still lists them in its
 * feature_schema.json and is scored with them (alignment is by name), since the engine computes
 * every catalogue feature whatever the model reads.
 */
export const modelFeatureNames: readonly string[] = Object.freeze(featureCatalogue.filter((feature) => feature.modelInput !== false).map((feature) => feature.name));

/** Catalogue position by name. */
export const featureIndexByName: ReadonlyMap<string, number> = new Map(featureNames.map((name, index) => [name, index]));

/** A catalogue entry by name, or undefined. */
export function featureDefinition(name: string): FeatureDefinition | undefined {
  const index = featureIndexByName.get(name);
  return index === undefined ? undefined : featureCatalogue[index];
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * `grouped.format(value)` for a finite value: rounded half away from zero, thousands separated by
 * commas. Written out for the values sentences meet (Intl's format costs a few µs per call, and a
 * score writes up to five sentences); Intl itself past 2^53. A negative value keeps its sign when
 * it rounds to 0 (`-0`), as Intl's does.
 */
export function groupedInteger(value: number): string {
  const magnitude = Math.round(Math.abs(value));
  if (magnitude > Number.MAX_SAFE_INTEGER) return grouped.format(value);
  const digits = String(magnitude);
  let out = digits.length % 3 === 0 ? '' : digits.slice(0, digits.length % 3);
  for (let start = digits.length % 3; start < digits.length; start += 3) out += (out === '' ? '' : ',') + digits.slice(start, start + 3);
  return value < 0 || Object.is(value, -0) ? `-${out}` : out;
}

/** A number as a sentence writes it: integers and values from 100 up grouped without decimals, others with 2. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? 'an unbounded number of' : 'minus an unbounded number of';
  if (Number.isInteger(value) || Math.abs(value) >= 100) return groupedInteger(value);
  return value.toFixed(2);
}

/**
 * The explanation sentence of a feature value. A missing value gets the feature's `missing`
 * sentence (what is absent), 0 its `zero` sentence when it has one (a count of nothing, a flag
 * that is off); otherwise `{value}` becomes the category label, a percentage for shares, or the
 * number (see formatNumber). A categorical code is its label, `code N` when it has none, or the
 * plain number for a code without labels (an AS number).
 */
export function formatReason(definition: FeatureDefinition, value: number): string {
  if (Number.isNaN(value)) return definition.reasonCases?.missing ?? `This payment has no value for ${definition.name}`;
  if (value === 0 && definition.reasonCases?.zero !== undefined) return definition.reasonCases.zero;
  let text: string;
  if (definition.type === 'categorical-code') {
    const code = Number.isSafeInteger(value) ? String(value) : formatNumber(value);
    text = definition.valueLabels === undefined ? code : (definition.valueLabels[value] ?? `code ${code}`);
  }
  else if (definition.valueFormat === 'percent') text = `${Math.abs(value) >= 1 || !Number.isFinite(value) ? formatNumber(value * 100) : String(Number((value * 100).toFixed(1)))}%`;
  else text = formatNumber(value);
  return definition.reasonTemplate.replace('{value}', text);
}
