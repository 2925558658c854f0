import type { EvidenceItem } from './evidence.js';
import { signalKeys, type KycSignals, type ProviderAnalysis, type ScreeningHit, type SignalKey } from './analysis/analysis.js';

/**
 * The signals of a verified analysis: a signal stays true only while at least one evidence item
 * of its key survived verification, and a list match only while its screened name is quoted. So a
 * provider that invents its proof loses the claim with it.
 */
export function verifiedSignals(analysis: ProviderAnalysis, kept: readonly EvidenceItem[]): { signals: KycSignals; matches: ScreeningHit[] } {
  const provenKeys = new Set(kept.map((item) => item.key));
  const flags = signalKeys.filter((key) => analysis.signals[key] === true && provenKeys.has(key));
  const quotedNames = new Set(kept.filter((item) => item.key === 'sanctions_match' || item.key === 'pep_match').map((item) => item.quote));
  const matches = analysis.matches.filter((match) => quotedNames.has(match.screened_name) && flags.includes(match.list === 'pep' ? 'pep_match' : 'sanctions_match'));
  const signals = Object.fromEntries(signalKeys.map((key) => [key, flags.includes(key)])) as Record<SignalKey, boolean>;
  return {
    signals: { ...signals, sanctions_score: matches.reduce((best, match) => Math.max(best, match.score), 0), flags },
    matches,
  };
}

/** The reason code of a KYC signal, as a score shows it (KYC_SANCTIONS_MATCH). */
export const kycReasonCode = (key: SignalKey) => `KYC_${key.toUpperCase()}`;
