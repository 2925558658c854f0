import { evidenceAt, evidenceSources, type EvidenceItem } from '../evidence.js';
import { nameTokens } from '../screening/normalize-name.js';
import type { ScreeningIndex } from '../screening/screening-index.js';
import type { AnalysisInput, ScreeningHit, SignalKey } from './analysis.js';
import type { Located } from './document-facts.js';

/** A name to screen: where it stands in the document text, or the entity's stored name. */
export interface ScreenedName {
  readonly located: Located;
  readonly source: 'document' | 'entityName';
  readonly birthDate: string | undefined;
}

/** The entity's stored name as a screened name (its span is the whole name). */
export function entityNameToScreen(input: AnalysisInput): ScreenedName[] {
  const name = input.entity.name;
  return name === undefined ? [] : [{ located: { value: name, start: 0, end: name.length }, source: 'entityName', birthDate: undefined }];
}

/** A director's folded name, the key of the director-overlap query. */
export const directorKey = (name: string) => [...nameTokens(name)].sort().join(' ');

/**
 * Screens names against the lists (in this process: the lists never go to a provider), raising
 * sanctions_match / pep_match with the screened name quoted as evidence and a hit per match.
 */
export function screenNames(
  index: ScreeningIndex,
  input: AnalysisInput,
  screened: readonly ScreenedName[],
  evidence: EvidenceItem[],
  signals: Partial<Record<SignalKey, boolean>>,
): ScreeningHit[] {
  const hits: ScreeningHit[] = [];
  for (const { located, source, birthDate } of screened) {
    for (const match of index.screen(located.value, birthDate).slice(0, 3)) {
      const key: SignalKey = match.pep ? 'pep_match' : 'sanctions_match';
      signals[key] = true;
      const sourceText = source === 'document' ? (input.documentText ?? '') : input.entity.name!;
      evidence.push(evidenceAt(evidenceSources[source], key, sourceText, located.start, located.end));
      hits.push({
        list: match.pep ? 'pep' : 'sanctions',
        entry_id: match.entry.id,
        entry_name: match.entry.name,
        matched_name: match.matchedName,
        dataset: match.entry.dataset,
        sanctions: match.entry.sanctions,
        screened_name: located.value,
        score: match.score,
      });
    }
  }
  return hits;
}
