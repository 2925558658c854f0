import { evidenceAt, evidenceSources, type EvidenceItem, type EvidenceSource } from '../evidence.js';
import { nameTokens } from '../screening/normalize-name.js';
import type { ScreeningIndex } from '../screening/screening-index.js';
import type { ScreeningHit, SignalKey, StoredFacts } from './analysis.js';
import type { Located } from './document-facts.js';

/** A name to screen: where it stands in one of the screened texts. */
export interface ScreenedName {
  readonly located: Located;
  readonly source: EvidenceSource;
  readonly birthDate: string | undefined;
}

/** The texts screened names stand in, by evidence source (what their evidence quotes). */
export type ScreenedTexts = Readonly<Partial<Record<EvidenceSource, string>>>;

/** The names a document gives (holder names with the birth date, company, directors), in any form `place` can locate. */
export interface DocumentNames<T> {
  readonly names: readonly T[];
  readonly birthDate: string | undefined;
  readonly companyName: T | undefined;
  readonly directors: readonly T[];
}

/**
 * A document's names to screen, in the order every screening uses: each holder name with the
 * document's birth date, then the company and the directors (no birth date). `place` says where a
 * name stands (undefined: nowhere to quote it from, so it is not screened).
 */
export function documentNamesToScreen<T>(document: DocumentNames<T>, place: (name: T) => Omit<ScreenedName, 'birthDate'> | undefined): ScreenedName[] {
  const screened: ScreenedName[] = [];
  const add = (name: T | undefined, birthDate: string | undefined) => {
    const placed = name === undefined ? undefined : place(name);
    if (placed !== undefined) screened.push({ ...placed, birthDate });
  };
  for (const name of document.names) add(name, document.birthDate);
  add(document.companyName, undefined);
  for (const director of document.directors) add(director, undefined);
  return screened;
}

/** The entity's stored name as a screened name (its span is the whole name). */
export function entityNameToScreen(name: string | undefined): ScreenedName[] {
  return name === undefined ? [] : [{ located: { value: name, start: 0, end: name.length }, source: evidenceSources.entityName, birthDate: undefined }];
}

/**
 * The names a stored result read from its document, one per line: the text that
 * `kyc_document_facts` evidence quotes when the document text is gone.
 */
export function storedFactsText(facts: Pick<StoredFacts, 'names' | 'company_name' | 'directors'>): string {
  return [...facts.names, ...(facts.company_name === undefined ? [] : [facts.company_name]), ...facts.directors].join('\n');
}

/** A director's folded name, the key of the director-overlap query. */
export const directorKey = (name: string) => [...nameTokens(name)].sort().join(' ');

/**
 * Screens names against the lists (in this process: the lists never go to a provider), raising
 * sanctions_match / pep_match with the screened name quoted as evidence and a hit per match.
 */
export function screenNames(
  index: ScreeningIndex,
  texts: ScreenedTexts,
  screened: readonly ScreenedName[],
  evidence: EvidenceItem[],
  signals: Partial<Record<SignalKey, boolean>>,
): ScreeningHit[] {
  const hits: ScreeningHit[] = [];
  for (const { located, source, birthDate } of screened) {
    for (const match of index.screen(located.value, birthDate).slice(0, 3)) {
      const key: SignalKey = match.pep ? 'pep_match' : 'sanctions_match';
      signals[key] = true;
      evidence.push(evidenceAt(source, key, texts[source] ?? '', located.start, located.end));
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
