/**
 * Where an evidence quote is taken from: the (masked) document text, the entity's stored name, or
 * the names a stored result read from its document (its facts, one per line: what a re-screen quotes
 * once the document text itself was deleted).
 */
export const evidenceSources = {
  document: 'kyc_document',
  entityName: 'kyc_entity_name',
  documentFacts: 'kyc_document_facts',
} as const satisfies Record<string, string>;

/** An evidence source. */
export type EvidenceSource = (typeof evidenceSources)[keyof typeof evidenceSources];

/** One piece of KYC evidence: a verbatim quote of a source text at a span. */
export interface EvidenceItem {
  readonly source: string;
  /** The signal it supports (sanctions_match, document_expired, …). */
  readonly key: string;
  readonly quote: string;
  /** `start-end` character offsets in the source text (end exclusive). */
  readonly span: string;
}

/** Builds the evidence of a quote found at `start` in a source text. */
export function evidenceAt(source: EvidenceSource, key: string, text: string, start: number, end: number): EvidenceItem {
  return { source, key, quote: text.slice(start, end), span: `${start}-${end}` };
}

const spanPattern = /^(\d+)-(\d+)$/;

/**
 * Keeps only the evidence whose quote occurs verbatim at its span in its source text. A provider
 * (a language model above all) may invent or misplace a quote; an analyst must never see one.
 */
export function verifyEvidence(items: readonly unknown[], sources: Readonly<Record<string, string | undefined>>): { kept: EvidenceItem[]; dropped: number } {
  const kept: EvidenceItem[] = [];
  let dropped = 0;
  for (const item of items) {
    const candidate = item as Partial<EvidenceItem> | null;
    const text = typeof candidate?.source === 'string' ? sources[candidate.source] : undefined;
    const span = typeof candidate?.span === 'string' ? spanPattern.exec(candidate.span) : null;
    const valid =
      text !== undefined &&
      span !== null &&
      typeof candidate?.key === 'string' &&
      candidate.key !== '' &&
      typeof candidate.quote === 'string' &&
      candidate.quote.trim() !== '' &&
      text.slice(Number(span[1]), Number(span[2])) === candidate.quote;
    if (valid) kept.push({ source: candidate.source!, key: candidate.key!, quote: candidate.quote!, span: candidate.span! });
    else dropped++;
  }
  return { kept, dropped };
}
