import { Counter, type Registry } from 'prom-client';

/** Enrichment metrics. */
export interface EnrichmentMetrics {
  /** Documents analysed, per provider. */
  readonly results: Counter<'provider'>;
  /** Evidence items dropped because their quote was not verbatim at their span, per provider. */
  readonly droppedEvidence: Counter<'provider'>;
  /** Values masked before a text was stored or analysed, per kind. */
  readonly masked: Counter<'kind'>;
  /** Calls to a language-model provider, per outcome (ok, malformed, timeout, error). */
  readonly llmCalls: Counter<'outcome'>;
  /** Tokens spent with a language-model provider. */
  readonly llmTokens: Counter;
}

/** Registers the enrichment metrics on an app's registry. */
export function registerEnrichmentMetrics(registry: Registry): EnrichmentMetrics {
  return {
    results: new Counter({ name: 'sentra_enrichment_results_total', help: 'KYC/KYB documents analysed, per provider', labelNames: ['provider'], registers: [registry] }),
    droppedEvidence: new Counter({
      name: 'sentra_enrichment_evidence_dropped_total',
      help: 'Evidence items dropped because their quote does not occur verbatim at their span',
      labelNames: ['provider'],
      registers: [registry],
    }),
    masked: new Counter({ name: 'sentra_enrichment_masked_total', help: 'Values masked before analysis, per kind', labelNames: ['kind'], registers: [registry] }),
    llmCalls: new Counter({
      name: 'sentra_enrichment_llm_calls_total',
      help: 'Calls to the language-model provider, per outcome (ok, malformed, timeout, error)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    llmTokens: new Counter({ name: 'sentra_enrichment_llm_tokens_total', help: 'Tokens spent with the language-model provider', registers: [registry] }),
  };
}
