import type { EnrichmentConfig } from '../platform/enrichment-config.js';
import { assertNever } from '../errors/errors.js';
import type { EnrichmentProvider } from './analysis/analysis.js';
import { BuiltinAnalyzer } from './analysis/builtin-analyzer.js';
import type { ScreeningLists } from './screening/screening-lists.js';

/** The configured provider. */
export function createProvider(config: EnrichmentConfig, lists: ScreeningLists): EnrichmentProvider {
  switch (config.provider) {
    case 'builtin':
      return new BuiltinAnalyzer({ screening: () => lists.current(), highRiskCountries: config.highRiskCountries });
    case 'openai':
      throw new Error('openai provider not wired yet');
    default:
      return assertNever(config.provider, 'enrichment provider');
  }
}
