import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import * as coreSchema from './migrations/0001-core-schema.js';
import * as decisionWriter from './migrations/0002-decision-writer.js';
import * as jobRunnerAndEnrichment from './migrations/0040-job-runner-and-enrichment.js';
import * as llmUsage from './migrations/0041-llm-usage.js';
import * as jobClaimsAndDirectors from './migrations/0042-job-claims-and-directors.js';
import * as jobCounts from './migrations/0043-job-counts.js';
import * as screeningGenerations from './migrations/0044-screening-generations.js';
import * as serviceTokens from './migrations/0010-service-tokens.js';
import * as caseWork from './migrations/0011-case-work.js';
import * as labelsKept from './migrations/0012-labels-kept.js';
import * as idempotentDecisions from './migrations/0020-idempotent-decisions.js';
import * as auditAppendOnly from './migrations/0013-audit-append-only.js';
import * as casePartyIndexes from './migrations/0014-case-party-indexes.js';
import * as rulesAndLists from './migrations/0030-rules-and-lists.js';
import * as merchants from './migrations/0050-merchants.js';
import * as merchantEvents from './migrations/0051-merchant-events.js';
import * as merchantFeeBatches from './migrations/0052-merchant-fee-batches.js';
import * as merchantUsageByTime from './migrations/0053-merchant-usage-by-time.js';
import * as feeds from './migrations/0060-feeds.js';
import * as shadowMode from './migrations/0061-shadow-mode.js';
import * as outboundWebhooks from './migrations/0062-outbound-webhooks.js';
import * as merchantCountry from './migrations/0063-merchant-country.js';
import * as decisionWebhooks from './migrations/0064-decision-webhooks.js';
import * as feedInboxWaiting from './migrations/0065-feed-inbox-waiting.js';
import * as partitionedDecisions from './migrations/0070-partitioned-decisions.js';
import * as partitionedAudit from './migrations/0071-partitioned-audit.js';
import * as wideColumnStatistics from './migrations/0072-wide-column-statistics.js';
import * as credentialExpiry from './migrations/0073-credential-expiry.js';
import * as jobClaimsByKind from './migrations/0074-job-claims-by-kind.js';
import * as eventsWithDecisions from './migrations/0075-events-with-decisions.js';
import * as moreWideColumnStatistics from './migrations/0076-more-wide-column-statistics.js';
import * as feesWithDecisions from './migrations/0077-fees-with-decisions.js';
import * as caseRefreshByIndex from './migrations/0078-case-refresh-by-index.js';
import * as merchantLookupsByKey from './migrations/0079-merchant-lookups-by-key.js';
import * as featureLists from './migrations/0080-feature-lists.js';
import * as feesInOnePass from './migrations/0081-fees-in-one-pass.js';
import * as feedClaimsInOrder from './migrations/0082-feed-claims-in-order.js';
import * as feedPendingByReceipt from './migrations/0083-feed-pending-by-receipt.js';
import * as packedFeatures from './migrations/0084-packed-features.js';
import * as merchantRowsByTenant from './migrations/0085-merchant-rows-by-tenant.js';
import { SentraError } from '../errors/errors.js';

/**
 * Every migration in order. Names sort lexically; never rename or edit a published one. Each domain
 * takes its numbers from its own range (docs/contributing.md), so migrations of surfaces developed
 * side by side may land out of order: the migrator applies a missing lower number after higher ones.
 */
const migrations: Record<string, Migration> = {
  '0001-core-schema': coreSchema,
  '0002-decision-writer': decisionWriter,
  '0040-job-runner-and-enrichment': jobRunnerAndEnrichment,
  '0041-llm-usage': llmUsage,
  '0042-job-claims-and-directors': jobClaimsAndDirectors,
  '0043-job-counts': jobCounts,
  '0044-screening-generations': screeningGenerations,
  '0010-service-tokens': serviceTokens,
  '0011-case-work': caseWork,
  '0012-labels-kept': labelsKept,
  '0020-idempotent-decisions': idempotentDecisions,
  '0013-audit-append-only': auditAppendOnly,
  '0014-case-party-indexes': casePartyIndexes,
  '0030-rules-and-lists': rulesAndLists,
  '0050-merchants': merchants,
  '0051-merchant-events': merchantEvents,
  '0052-merchant-fee-batches': merchantFeeBatches,
  '0053-merchant-usage-by-time': merchantUsageByTime,
  '0060-feeds': feeds,
  '0061-shadow-mode': shadowMode,
  '0062-outbound-webhooks': outboundWebhooks,
  '0063-merchant-country': merchantCountry,
  '0064-decision-webhooks': decisionWebhooks,
  '0065-feed-inbox-waiting': feedInboxWaiting,
  '0070-partitioned-decisions': partitionedDecisions,
  '0071-partitioned-audit': partitionedAudit,
  '0072-wide-column-statistics': wideColumnStatistics,
  '0073-credential-expiry': credentialExpiry,
  '0074-job-claims-by-kind': jobClaimsByKind,
  '0075-events-with-decisions': eventsWithDecisions,
  '0076-more-wide-column-statistics': moreWideColumnStatistics,
  '0077-fees-with-decisions': feesWithDecisions,
  '0078-case-refresh-by-index': caseRefreshByIndex,
  '0079-merchant-lookups-by-key': merchantLookupsByKey,
  '0080-feature-lists': featureLists,
  '0081-fees-in-one-pass': feesInOnePass,
  '0082-feed-claims-in-order': feedClaimsInOrder,
  '0083-feed-pending-by-receipt': feedPendingByReceipt,
  '0084-packed-features': packedFeatures,
  '0085-merchant-rows-by-tenant': merchantRowsByTenant,
};

/**
 * One cheap query instead of the migrator's introspection and locking on every start: when every
 * migration is recorded as applied, there is nothing to do. Every name is checked, not only the
 * newest, since a lower-numbered migration of another domain may land after a higher one.
 */
async function isUpToDate(db: Kysely<never>): Promise<boolean> {
  try {
    const applied = await sql<{ name: string }>`select name from sentra_migrations`.execute(db);
    const names = new Set(applied.rows.map((row) => row.name));
    return migrationNames().every((name) => names.has(name));
  } catch {
    // No migration table yet (or not visible): let the migrator create it.
    return false;
  }
}

/** A digest of every migration's code: changes whenever a migration does (template cache key). */
export function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const name of migrationNames()) hash.update(name).update(String(migrations[name]!.up));
  return hash.digest('hex').slice(0, 12);
}

/** Names of every migration, in order. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}

/** Brings the schema to the latest version; safe to call on every start and from several processes. */
export async function migrateToLatest(db: Kysely<never>): Promise<MigrationResult[]> {
  if (await isUpToDate(db)) return [];
  // The migration tables live in the connection's current schema (search_path), like every table.
  const schema = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema.rows[0]?.schema ?? 'public',
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'sentra_migrations',
    migrationLockTableName: 'sentra_migrations_lock',
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new SentraError('SENTRA_ERR_INTERNAL', `Database migration failed: ${String(error)}`, { cause: error });
  }
  return results ?? [];
}
