import type { AnalysisInput } from '../analysis/analysis.js';
import { evidenceSources } from '../evidence.js';
import { modelSignalKeys } from './answer-schema.js';

/** What each signal means, as the model is told. */
const signalMeanings: Record<(typeof modelSignalKeys)[number], string> = {
  document_expired: 'the document expired before the analysis date',
  document_dates_invalid: 'the issue date is after the analysis date or not before the expiry date',
  name_mismatch: "the holder's name is not the entity's name",
  country_mismatch: "the document's countries do not include the entity's country",
  high_risk_jurisdiction: 'a country or address of the document is one of the high-risk jurisdictions',
  recently_incorporated: 'the company was incorporated less than 365 days before the analysis date',
  shell_keywords: 'shell, shelf, mailbox, nominee or bearer-share wording',
  registered_agent_address: 'a registered-agent, care-of, corporate-services or P.O. box address',
};

/** The chat messages of one analysis. The document text is already masked. */
export function analysisMessages(input: AnalysisInput, highRiskCountries: readonly string[]): { role: 'system' | 'user'; content: string }[] {
  const system = [
    'You check KYC/KYB documents for a payment risk team. Answer only with JSON following the given schema.',
    'Set a signal to true only when the document shows it, and then add at least one evidence item for it whose quote is copied',
    `character for character from the source: "${evidenceSources.document}" is the document text, "${evidenceSources.entityName}" is the entity name.`,
    'Quote the shortest text that proves the signal (a date, a name, a phrase). Never paraphrase a quote. Masked values look like [document-number]; do not quote them.',
    'In facts, copy the holder and company names, the birth date and the directors exactly as written; use null or an empty list when absent.',
    'Signals:',
    ...modelSignalKeys.map((key) => `- ${key}: ${signalMeanings[key]}`),
  ].join('\n');
  const user = [
    `Analysis date: ${input.asOf.toISOString().slice(0, 10)}`,
    `High-risk jurisdictions: ${highRiskCountries.length === 0 ? 'none' : highRiskCountries.join(', ')}`,
    `Entity name (${evidenceSources.entityName}): ${input.entity.name ?? 'unknown'}`,
    `Entity country: ${input.entity.country ?? 'unknown'}`,
    `Document text (${evidenceSources.document}):`,
    '"""',
    input.documentText ?? '',
    '"""',
  ].join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
