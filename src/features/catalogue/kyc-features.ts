import type { FeatureDefinition, FeatureInput } from './feature-definition.js';
import type { PartyKyc } from './party-kyc.js';

const parties = ['sender', 'receiver'] as const;
type Party = (typeof parties)[number];

function partyOf(input: FeatureInput, party: Party): PartyKyc | undefined {
  if (input.kyc === undefined) return undefined;
  return input.kyc.get(party === 'sender' ? input.record.senderEntityId : input.record.receiverEntityId);
}

/** 1 / 0 for a boolean. */
const bit = (value: boolean) => (value ? 1 : 0);

/**
 * Per party, the features of its ready KYC/KYB enrichments. Every one is missing (NaN) while the
 * party has no ready enrichment, so a rule can test `has(features.sender_kyc_ready)` and a model
 * tells "not analysed" from "analysed and clean".
 */
function partyFeatures(party: Party): FeatureDefinition[] {
  const Party = party === 'sender' ? 'Sender' : 'Receiver';
  const upper = party.toUpperCase();
  const read = (value: (kyc: PartyKyc) => number) => (input: FeatureInput) => {
    const kyc = partyOf(input, party);
    return kyc === undefined ? Number.NaN : value(kyc);
  };
  const noEnrichment = `No KYC document of the ${party} has been analysed yet`;
  return [
    {
      name: `${party}_kyc_ready`,
      type: 'binary',
      description: `1 when at least one KYC/KYB document of the ${party} has a ready enrichment; missing (like every ${party}_kyc_ feature) until one has.`,
      reasonCode: `${upper}_KYC_READY`,
      reasonTemplate: `The ${party}'s KYC documents have been analysed`,
      reasonCases: { zero: noEnrichment, missing: noEnrichment },
      compute: read(() => 1),
    },
    {
      name: `${party}_kyc_screening_score`,
      type: 'numeric',
      description: `Best sanctions or PEP list match score (0-1, normalised-name similarity) of a verified match of the ${party}; 0 when screened without a match.`,
      reasonCode: `${upper}_KYC_SCREENING_SCORE`,
      reasonTemplate: `The ${party}'s name matches a sanctions or PEP list entry with a score of {value}`,
      reasonCases: { zero: `The ${party}'s name matches no sanctions or PEP list entry`, missing: noEnrichment },
      compute: read((kyc) => kyc.screeningScore),
    },
    {
      name: `${party}_kyc_sanctions_match`,
      type: 'binary',
      description: `1 when a verified sanctions list match was found for the ${party}.`,
      reasonCode: `${upper}_KYC_SANCTIONS_MATCH`,
      reasonTemplate: `The ${party} matches a sanctions list entry`,
      reasonCases: { zero: `The ${party} matches no sanctions list entry`, missing: noEnrichment },
      compute: read((kyc) => bit(kyc.sanctionsMatch)),
    },
    {
      name: `${party}_kyc_pep_match`,
      type: 'binary',
      description: `1 when a verified politically exposed person (PEP) list match was found for the ${party}.`,
      reasonCode: `${upper}_KYC_PEP_MATCH`,
      reasonTemplate: `The ${party} matches a politically exposed person list entry`,
      reasonCases: { zero: `The ${party} matches no politically exposed person list entry`, missing: noEnrichment },
      compute: read((kyc) => bit(kyc.pepMatch)),
    },
    {
      name: `${party}_kyc_document_failures`,
      type: 'numeric',
      description: `Distinct document checks the ${party}'s documents failed (0-4): expired, invalid issue/expiry dates, name mismatch, country mismatch with the entity.`,
      reasonCode: `${upper}_KYC_DOCUMENT_FAILURES`,
      reasonTemplate: `The ${party}'s documents failed {value} document checks`,
      reasonCases: { zero: `The ${party}'s documents passed every document check`, missing: noEnrichment },
      compute: read((kyc) => kyc.documentFailures),
    },
    {
      name: `${party}_kyc_kyb_red_flags`,
      type: 'numeric',
      description: `Distinct KYB red flags of the ${party} (0-4): recently incorporated, shell or nominee keywords, registered-agent address, director shared with another entity.`,
      reasonCode: `${upper}_KYC_KYB_RED_FLAGS`,
      reasonTemplate: `The ${party} raises {value} business (KYB) red flags`,
      reasonCases: { zero: `The ${party} raises no business (KYB) red flag`, missing: noEnrichment },
      compute: read((kyc) => kyc.kybRedFlags),
    },
    {
      name: `${party}_kyc_high_risk_jurisdiction`,
      type: 'binary',
      description: `1 when the ${party}'s documents or record place it in a configured high-risk jurisdiction (SENTRA_HIGH_RISK_COUNTRIES).`,
      reasonCode: `${upper}_KYC_HIGH_RISK_JURISDICTION`,
      reasonTemplate: `${Party} documents place it in a high-risk jurisdiction`,
      reasonCases: { zero: `${Party} documents place it in no high-risk jurisdiction`, missing: noEnrichment },
      compute: read((kyc) => bit(kyc.highRiskJurisdiction)),
    },
  ];
}

/** The KYC/KYB features of sender and receiver (catalogue version 2). */
export const kycFeatures: readonly FeatureDefinition[] = parties.flatMap(partyFeatures);
