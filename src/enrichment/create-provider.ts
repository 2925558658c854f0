import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { EnrichmentConfig } from '../platform/enrichment-config.js';
import { assertNever } from '../errors/errors.js';
import type { EnrichmentProvider } from './analysis/analysis.js';
import { BuiltinAnalyzer } from './analysis/builtin-analyzer.js';
import type { EnrichmentMetrics } from './enrichment-metrics.js';
import { OpenAiProvider } from './openai/openai-provider.js';
import { TokenBudget } from './openai/token-budget.js';
import type { ScreeningLists } from './screening/screening-lists.js';

/** The configured provider (SENTRA_ENRICHMENT_PROVIDER). */
export function createProvider(config: EnrichmentConfig, parts: { db: Kysely<Database>; lists: ScreeningLists; metrics: EnrichmentMetrics }): EnrichmentProvider {
  const screening = (generation: number) => parts.lists.atLeast(generation);
  switch (config.provider) {
    case 'builtin':
      return new BuiltinAnalyzer({ screening, highRiskCountries: config.highRiskCountries });
    case 'openai':
      return new OpenAiProvider({
        config: config.openai,
        budget: new TokenBudget(parts.db, config.openai.tenantDailyTokens),
        screening,
        highRiskCountries: config.highRiskCountries,
        metrics: parts.metrics,
      });
    default:
      return assertNever(config.provider, 'enrichment provider');
  }
}
